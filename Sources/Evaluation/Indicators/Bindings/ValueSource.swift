import LogicModel

/// Where a computed indicator value came from (an indicator's `data:` binding, DESIGN
/// §3.1): the binding as written, the imports it was read from, the survey wave or the
/// case extract's date, and the rule that turned the data into the period's figure.
///
/// JSON (`value_source` on an `indicators status` row, `computed` on an observation):
/// `{"binding","imports","wave","extract_date","rule","comparison","total","total_unit"}`;
/// `wave`, `extract_date`, `comparison`, `total` (`all_units` or `pilot_unit`) and
/// `total_unit` only where they apply.
public struct ValueSource: Codable, Sendable, Hashable {
    /// `cases: investigation_within_4m, cohort: pilot`, as `DataBinding.text`.
    public var binding: String
    /// The imports the figure was computed from (`imports list`), ascending.
    public var imports: [Int]
    /// The survey wave (readiness bindings).
    public var wave: String?
    /// The latest extract date among the cases used (case bindings): open durations are
    /// censored there.
    public var extractDate: String?
    /// How the period's value was formed, in words.
    public var rule: String
    /// The other cohort's figure for the same period (`comparison: line`).
    public var comparison: ComparisonFigure?
    /// What a survey value's total is (readiness bindings, whose groups are the units):
    /// all units of the wave, or the pilot's own unit (`totalUnit`, `cohorts.survey_unit`).
    public var total: SurveyTotal?
    public var totalUnit: String?

    /// The total of a readiness-bound value.
    public enum SurveyTotal: String, Codable, Sendable, Hashable {
        case allUnits = "all_units"
        case pilotUnit = "pilot_unit"
    }

    public init(binding: String, imports: [Int], wave: String? = nil, extractDate: String? = nil,
                rule: String, comparison: ComparisonFigure? = nil, total: SurveyTotal? = nil, totalUnit: String? = nil) {
        self.binding = binding
        self.imports = imports.sorted()
        self.wave = wave
        self.extractDate = extractDate
        self.rule = rule
        self.comparison = comparison
        self.total = total
        self.totalUnit = totalUnit
    }

    enum CodingKeys: String, CodingKey {
        case binding, imports, wave, rule, comparison, total
        case extractDate = "extract_date"
        case totalUnit = "total_unit"
    }

    /// One line for a terminal: `cases: investigation_within_4m, cohort: pilot (imports 3, extract 2022-12-31)`.
    public var text: String {
        var parts = [imports.isEmpty ? "no import" : (imports.count == 1 ? "import " : "imports ") + imports.map(String.init).joined(separator: ", ")]
        if let wave { parts.append("wave " + wave) }
        if let extractDate { parts.append("extract " + extractDate) }
        return "\(binding) (\(parts.joined(separator: ", ")))"
    }
}

/// The comparison cohort's figure beside a bound case value.
public struct ComparisonFigure: Codable, Sendable, Hashable {
    /// `line` or `pilot`.
    public var cohort: String
    /// In the indicator's unit; nil when undefined (then `note` says why).
    public var value: Double?
    public var numerator: Double?
    public var denominator: Double?
    public var note: String?

    public init(cohort: String, value: Double?, numerator: Double? = nil, denominator: Double? = nil, note: String? = nil) {
        self.cohort = cohort
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.note = note
    }
}
