import Statistics

/// What kind of outcome a name refers to, decided from the values the cases carry.
public enum CaseOutcomeKind: String, Sendable, Encodable {
    /// Numbers that are not all 0/1.
    case continuous
    /// 0/1 indicators.
    case binary
    /// Durations in days, possibly censored at the extract date.
    case timeToEvent = "time_to_event"
}

/// The bad-input error of a cohort comparison, in words a user can act on.
public struct CohortComparisonError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// One case's outcome, with the case it came from.
struct CaseObservation: Sendable {
    let record: CaseRecord
    /// The number, or the duration in days.
    let value: Double
    /// False for a censored duration (still open at the extract date).
    let observed: Bool
}

/// The cases that carry the outcome, split by cohort.
struct OutcomeSample: Sendable {
    let name: String
    let kind: CaseOutcomeKind
    let pilot: [CaseObservation]
    let comparison: [CaseObservation]
    /// For durations, the legal or customary limit (DESIGN §3.3), when known.
    let limitDays: Double?
    let limitNote: String?
    var all: [CaseObservation] { pilot + comparison }

    /// Limits for the derived duration outcomes: 14 days to a förhandsbedömning
    /// decision (SoL 11 kap. 1 a §), 4 months for an investigation (11 kap. 2 §), here
    /// as 122 days because a Kaplan–Meier curve needs one fixed time; the exact
    /// calendar-month rule is the binary outcome `investigation_within_4m`.
    static let knownLimits: [String: (days: Double, note: String?)] = [
        "days_to_assessment": (14, nil),
        "investigation_days": (122, "4 calendar months taken as 122 days; the exact calendar-month share is the outcome investigation_within_4m"),
    ]

    init(_ dataset: CaseDataset, outcome: String) throws {
        name = outcome
        var pilot: [CaseObservation] = [], comparison: [CaseObservation] = []
        var sawNumber = false, sawDuration = false
        for record in dataset.cases {
            guard let value = record.values[outcome] else { continue }
            let observation: CaseObservation
            switch value {
            case .number(let x):
                guard x.isFinite else { continue }
                sawNumber = true
                observation = CaseObservation(record: record, value: x, observed: true)
            case .duration(let days, let observed):
                guard days.isFinite, days >= 0 else { continue }
                sawDuration = true
                observation = CaseObservation(record: record, value: days, observed: observed)
            }
            if record.isPilot { pilot.append(observation) } else { comparison.append(observation) }
        }
        guard sawNumber || sawDuration else {
            let known = Set(dataset.cases.flatMap { $0.values.keys }).sorted()
            throw CohortComparisonError(
                "no case of model '\(dataset.modelID)' has the outcome '\(outcome)'; "
                + (known.isEmpty ? "the model has no case outcomes: import a case extract first (piloteval cases import)"
                   : "known outcomes: " + known.joined(separator: ", ")))
        }
        guard !(sawNumber && sawDuration) else {
            throw CohortComparisonError("outcome '\(outcome)' holds both numbers and durations; it must be one or the other")
        }
        if sawDuration {
            kind = .timeToEvent
        } else {
            kind = (pilot + comparison).allSatisfy { $0.value == 0 || $0.value == 1 } ? .binary : .continuous
        }
        self.pilot = pilot
        self.comparison = comparison
        if kind == .timeToEvent, let limit = Self.knownLimits[outcome] {
            limitDays = limit.days; limitNote = limit.note
        } else {
            limitDays = nil; limitNote = nil
        }
    }

    private init(name: String, kind: CaseOutcomeKind, pilot: [CaseObservation], comparison: [CaseObservation],
                 limitDays: Double?, limitNote: String?) {
        self.name = name; self.kind = kind; self.pilot = pilot; self.comparison = comparison
        self.limitDays = limitDays; self.limitNote = limitNote
    }

    /// Within one cohort (the pilot's cases, or the comparison's), girls in the pilot's
    /// place and boys in the comparison's; the kind and limit stay the whole sample's.
    func girlsAgainstBoys(pilot inPilot: Bool) -> OutcomeSample {
        let cohort = inPilot ? pilot : comparison
        return OutcomeSample(name: name, kind: kind, pilot: cohort.filter { $0.record.gender == .girl },
                             comparison: cohort.filter { $0.record.gender == .boy }, limitDays: limitDays, limitNote: limitNote)
    }

    /// The same outcome restricted to the cases that satisfy `include`.
    func filter(_ include: (CaseRecord) -> Bool) -> OutcomeSample {
        OutcomeSample(name: name, kind: kind, pilot: pilot.filter { include($0.record) },
                      comparison: comparison.filter { include($0.record) }, limitDays: limitDays, limitNote: limitNote)
    }
}

/// Counts 1–4 are withheld from anything a report shows (DESIGN §6); results mark
/// them so a report can suppress them, and the analyst's CLI output stays complete.
enum SmallCell {
    static func isSmall(_ count: Int) -> Bool { (1...4).contains(count) }
    static func isSmall(_ counts: [Int]) -> Bool { counts.contains(where: isSmall) }
}
