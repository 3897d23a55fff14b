import Periods

/// One PDSA cycle (Plan–Do–Study–Act; in Swedish PGSA) of SKR's Genombrott method, as
/// written in a `piloteval/pdsa/v1` file in `Models/pdsa/` (docs/pdsa.md). A ramp is a
/// chain of cycles, each naming the one it builds on in `previous`.
public struct PDSACycle: Sendable, Hashable, Codable {
    public static let schemaID = "piloteval/pdsa/v1"

    public enum Decision: String, Sendable, Hashable, Codable, CaseIterable {
        /// Keep the change as tested.
        case adopt
        /// Change it and test again (the usual next cycle of a ramp).
        case adapt
        /// Drop it.
        case abandon
    }

    public var id: String
    public var title: String
    /// The logic model the cycle belongs to (its id), and the activity in it.
    public var model: String?
    public var activity: String
    /// The change idea being tested (förändringsidé).
    public var changeIdea: String
    /// Plan: what is expected to happen, and optionally the question asked.
    public var prediction: String
    public var question: String?
    /// Do: when the test ran. `end` nil means still running.
    public var start: CalendarDate
    public var end: CalendarDate?
    /// Study: what was observed.
    public var observations: String?
    /// Act: the decision and what comes next; nil while the cycle is not yet studied.
    public var decision: Decision?
    public var next: String?
    /// The measure it watches (a measure id in the database).
    public var measure: String?
    /// The cycle this one builds on (the previous step of the ramp), and the ramp's name.
    public var previous: String?
    public var ramp: String?
    /// True when the cycle is an illustration, not a record of a real test.
    public var illustrative: Bool

    public init(id: String, title: String, model: String? = nil, activity: String, changeIdea: String,
                prediction: String, question: String? = nil, start: CalendarDate, end: CalendarDate? = nil,
                observations: String? = nil, decision: Decision? = nil, next: String? = nil,
                measure: String? = nil, previous: String? = nil, ramp: String? = nil, illustrative: Bool = false) {
        self.id = id
        self.title = title
        self.model = model
        self.activity = activity
        self.changeIdea = changeIdea
        self.prediction = prediction
        self.question = question
        self.start = start
        self.end = end
        self.observations = observations
        self.decision = decision
        self.next = next
        self.measure = measure
        self.previous = previous
        self.ramp = ramp
        self.illustrative = illustrative
    }

    enum CodingKeys: String, CodingKey {
        case id, title, model, activity, prediction, question, start, end, observations, decision, next, measure
        case previous, ramp, illustrative
        case changeIdea = "change_idea"
    }

    /// planned (not started by `today`), running, awaiting study (ended, no decision), decided.
    public var status: String {
        if decision != nil { return "decided" }
        if end != nil { return "studying" }
        return "running"
    }
}
