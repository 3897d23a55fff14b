import LogicModel
import Periods

/// One row of an indicator observations file (DESIGN §3.2): an indicator's value for a
/// period and a group (`total`, or a value of one of its breakdowns).
///
/// A value may be given directly, as counts (`numerator`/`denominator`), or both. The
/// counts are kept as they were written, so that a confidence interval can be computed
/// and parts can be summed; `value` stays the figure the source printed.
public struct Observation: Codable, Sendable, Hashable {
    public var indicator: String
    public var period: Period
    /// `total`, or a breakdown value such as `girls`.
    public var group: String
    public var value: Double?
    public var numerator: Double?
    public var denominator: Double?
    public var note: String?
    /// The physical line in the imported file (1-based, as an editor shows it).
    public var line: Int
    /// The import that brought the row; nil before it is stored.
    public var importID: Int?
    /// The model version current when the row was imported; nil before it is stored.
    public var modelVersion: Int?
    /// Set when the value was computed from loaded data through the indicator's `data:`
    /// binding (not imported): which binding, imports, wave or extract, and rule.
    public var computed: ValueSource?

    public static let total = "total"

    public init(indicator: String, period: Period, group: String = Observation.total, value: Double? = nil,
                numerator: Double? = nil, denominator: Double? = nil, note: String? = nil, line: Int = 0,
                importID: Int? = nil, modelVersion: Int? = nil, computed: ValueSource? = nil) {
        self.computed = computed
        self.indicator = indicator
        self.period = period
        self.group = group
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.note = note
        self.line = line
        self.importID = importID
        self.modelVersion = modelVersion
    }

    enum CodingKeys: String, CodingKey {
        case indicator, period, group, value, numerator, denominator, note, line
        case importID = "import_id"
        case modelVersion = "model_version"
        case computed
    }

    /// The figure in the indicator's unit: the value as written, else the counts'
    /// quotient (×100 for a percent indicator). Nil when neither is usable.
    public func figure(unit: IndicatorUnit) -> Double? {
        if let value { return value }
        return Self.quotient(numerator, denominator, unit: unit)
    }

    /// numerator / denominator in the unit's scale; nil when the denominator is 0 or
    /// either count is missing.
    public static func quotient(_ numerator: Double?, _ denominator: Double?, unit: IndicatorUnit) -> Double? {
        guard let numerator, let denominator, denominator != 0 else { return nil }
        return numerator / denominator * (unit == .percent ? 100 : 1)
    }

    /// True when the row has counts that form a proportion (whole numbers, 0 ≤ k ≤ n,
    /// n > 0): the case where a Wilson interval means something.
    public var hasProportionCounts: Bool {
        guard let k = numerator, let n = denominator else { return false }
        return n > 0 && k >= 0 && k <= n && k == k.rounded() && n == n.rounded()
    }
}

/// Values a model's indicator accepts in the `group` column besides `total`.
extension Indicator {
    /// Breakdown name → values; an indicator without breakdowns accepts the standard
    /// gender values (DESIGN §3.2: "by default girls, boys, women, men, other").
    public var groupDimensions: [String: [String]] {
        breakdowns.isEmpty ? ["gender": standardGenderValues] : breakdowns
    }

    /// Whether totals are sums of their parts: counts and amounts are, percentages,
    /// means, indexes and durations are not (their totals are weighted averages).
    public var isAdditive: Bool {
        unit == .count || unit == .sek
    }
}
