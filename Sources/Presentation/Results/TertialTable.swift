import Evaluation

/// The tertial report's table, as the report's record holds it (its JSON is the
/// record's `tertial_table`): per goal of the model its indicators in the city's
/// columns — outcome, boys, girls, previous period, the unit's and the city's target in
/// words, the status — and the goal's computed assessment beside the recorded one. A
/// figure without data is null with a note; a withheld one null with a note beginning
/// "suppressed" in the JSON, its decision typed in the row's `disclosures`. Computed by
/// Reports' `TertialTableSection` (from the indicator status after disclosure control);
/// its blocks are `TertialTable+Blocks.swift`.
public struct TertialTable: Codable, Equatable {
    public var period: String?
    public var periodNote: String?
    public var goals: [Goal]
    /// Each computed value's source, and why a bound indicator has none (Reports' `BoundValueSources`).
    public var sources: [String]? = nil

    public init(period: String?, periodNote: String?, goals: [Goal], sources: [String]? = nil) {
        self.period = period
        self.periodNote = periodNote
        self.goals = goals
        self.sources = sources
    }

    enum CodingKeys: String, CodingKey {
        case period, goals, sources
        case periodNote = "period_note"
    }

    public struct Row: Codable, Equatable {
        public var indicator: String
        public var title: String
        public var unit: String
        public var illustrative: Bool
        public var unitTarget: String?
        public var cityTarget: String?
        public var outcome: Double?
        public var outcomeNote: String?
        public var boys: Double?
        public var boysNote: String?
        public var girls: Double?
        public var girlsNote: String?
        public var previous: Double?
        public var previousNote: String?
        public var previousPeriod: String?
        /// The indicator's status (`met`, `not_met`, `no_data`, `no_comparison`,
        /// `not_assessed`); nil without data for the period.
        public var assessment: String?
        /// True when a year target is read against a tertial (an interim reading).
        public var interim: Bool?
        /// The survey wave (`2022-03`) when the outcome is the year's survey value read
        /// for the tertial (`IndicatorStatusRow.valuePeriod`): printed "enkät mars 2022".
        public var wave: String? = nil
        /// The comparison cohort's value for the period (`comparison: line`), after
        /// disclosure control; nil with a note when withheld or undefined.
        public var comparison: Double? = nil
        public var comparisonNote: String? = nil
        /// `line` (or `pilot`); nil when the indicator has no comparison.
        public var comparisonCohort: String? = nil
        /// A survey value's total: `all_units`, or `pilot_unit` with `totalUnit`.
        public var total: String? = nil
        public var totalUnit: String? = nil
        /// What disclosure control withheld of this row, figure by figure (`.total` the
        /// outcome, `.group("boys")`, `.group("girls")`, `.previous`, `.comparison`): what
        /// the blocks write "<5" or ".."; not in the JSON, which says it by `null` + note.
        public var disclosures: [IndicatorDisclosures.Place: Disclosure] = [:]

        /// The decision on one of the row's figures; shown when none was taken.
        public func disclosure(_ place: IndicatorDisclosures.Place) -> Disclosure { disclosures[place] ?? .shown }

        public init(indicator: String, title: String, unit: String, illustrative: Bool, unitTarget: String?,
                    cityTarget: String?, outcome: Double?, outcomeNote: String?, boys: Double?, boysNote: String? = nil,
                    girls: Double?, girlsNote: String? = nil, previous: Double?, previousNote: String? = nil,
                    previousPeriod: String? = nil, assessment: String?, interim: Bool? = nil) {
            self.indicator = indicator
            self.title = title
            self.unit = unit
            self.illustrative = illustrative
            self.unitTarget = unitTarget
            self.cityTarget = cityTarget
            self.outcome = outcome
            self.outcomeNote = outcomeNote
            self.boys = boys
            self.boysNote = boysNote
            self.girls = girls
            self.girlsNote = girlsNote
            self.previous = previous
            self.previousNote = previousNote
            self.previousPeriod = previousPeriod
            self.assessment = assessment
            self.interim = interim
        }

        enum CodingKeys: String, CodingKey {
            case indicator, title, unit, illustrative, outcome, boys, girls, previous, assessment, interim, wave, total
            case totalUnit = "total_unit"
            case comparison
            case comparisonNote = "comparison_note"
            case comparisonCohort = "comparison_cohort"
            case unitTarget = "unit_target"
            case cityTarget = "city_target"
            case outcomeNote = "outcome_note"
            case boysNote = "boys_note"
            case girlsNote = "girls_note"
            case previousNote = "previous_note"
            case previousPeriod = "previous_period"
        }
    }

    public struct Goal: Codable, Equatable {
        public var id: String
        public var title: String
        public var indicators: [Row]
        /// The computed assessment (`fully_met`, `partly_met`, `not_met`, `cannot_assess`)
        /// and the one the unit recorded for the period, side by side.
        public var assessment: String?
        public var recordedAssessment: String?

        public init(id: String, title: String, indicators: [Row], assessment: String?, recordedAssessment: String?) {
            self.id = id
            self.title = title
            self.indicators = indicators
            self.assessment = assessment
            self.recordedAssessment = recordedAssessment
        }

        enum CodingKeys: String, CodingKey {
            case id, title, indicators, assessment
            case recordedAssessment = "recorded_assessment"
        }
    }
}
