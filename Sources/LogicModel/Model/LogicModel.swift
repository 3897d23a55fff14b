import Periods

/// A pilot's logic model (or a unit's plan): the chain inputs → activities →
/// outputs → outcomes → goals, with indicators and targets. Format:
/// `piloteval/logic-model/v1`, see docs/logic-model-format.md.
///
/// The Codable form is the normalised JSON the store keeps and `model show --format
/// json` prints; it round-trips every field (tests check YAML → JSON → model).
public struct LogicModel: Codable, Sendable, Equatable {
    public static let schemaID = "piloteval/logic-model/v1"

    public var schema: String = LogicModel.schemaID
    public var id: String
    public var name: String
    public var language: Language = .sv
    public var owner: String?
    public var period: DateRange?
    public var description: String?
    public var source: String?
    public var cohorts: Cohorts?
    public var goals: [Goal] = []
    public var outcomes: [Outcome] = []
    public var outputs: [Output] = []
    public var activities: [Activity] = []
    public var inputs: [Input] = []
    public var assumptions: [Assumption] = []
    public var indicators: [Indicator] = []

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

public enum Language: String, Codable, Sendable, CaseIterable {
    case sv, en
}

public struct DateRange: Codable, Sendable, Equatable {
    public var start: CalendarDate
    public var end: CalendarDate
}

/// How case data names the pilot and its comparison (DESIGN §3.3), and how the
/// readiness survey names the pilot's own unit.
public struct Cohorts: Codable, Sendable, Equatable {
    public var pilot: String
    public var comparison: [String] = []
    /// The pilot's own unit as the survey's `unit` column names it (`survey_unit`):
    /// readiness-bound indicators then take that unit's figure as their total instead
    /// of all units' (docs/indicators.md). Nil: all units.
    public var surveyUnit: String? = nil

    public init(pilot: String, comparison: [String] = [], surveyUnit: String? = nil) {
        self.pilot = pilot
        self.comparison = comparison
        self.surveyUnit = surveyUnit
    }

    enum CodingKeys: String, CodingKey {
        case pilot, comparison
        case surveyUnit = "survey_unit"
    }
}

public enum GoalLevel: String, Codable, Sendable, CaseIterable {
    /// KF-mål: the city council's goal.
    case kf
    /// Nämndmål: the district committee's goal.
    case namnd
    /// Enhetsmål: the unit's own goal.
    case enhet
}

/// The judgement of a goal as units write it in annual reports.
public enum Assessment: String, Codable, Sendable, CaseIterable {
    case fullyMet = "fully_met"        // uppfylls helt
    case partlyMet = "partly_met"      // uppfylls delvis
    case notMet = "not_met"            // uppfylls inte
    case cannotAssess = "cannot_assess"
}

/// A recorded manual assessment, shown beside the computed one, never instead of it.
public struct RecordedAssessment: Codable, Sendable, Equatable {
    public var period: Period
    public var result: Assessment
    public var justification: String?
}

public struct Goal: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var description: String?
    public var level: GoalLevel?
    public var code: String?
    public var parent: String?
    public var assessments: [RecordedAssessment] = []
}

public enum OutcomeTerm: String, Codable, Sendable, CaseIterable {
    case short, intermediate, long
}

public struct Outcome: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var description: String?
    public var term: OutcomeTerm = .short
    public var contributesTo: [String] = []
    public var assessments: [RecordedAssessment] = []

    enum CodingKeys: String, CodingKey {
        case id, title, description, term, assessments
        case contributesTo = "contributes_to"
    }
}

public struct Output: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var description: String?
    public var leadsTo: [String] = []

    enum CodingKeys: String, CodingKey {
        case id, title, description
        case leadsTo = "leads_to"
    }
}

public struct Activity: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var description: String?
    public var leadsTo: [String] = []
    public var start: CalendarDate?
    public var end: CalendarDate?
    public var responsible: String?

    enum CodingKeys: String, CodingKey {
        case id, title, description, start, end, responsible
        case leadsTo = "leads_to"
    }
}

public struct Input: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var description: String?
    public var supports: [String] = []
}

public struct Assumption: Codable, Sendable, Equatable {
    public var id: String
    public var text: String
    public var on: [String] = []
    public var critical: Bool = false
}
