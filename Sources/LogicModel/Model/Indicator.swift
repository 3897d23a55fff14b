import Periods

public enum IndicatorUnit: String, Codable, Sendable, CaseIterable {
    case percent, count, mean, index, days, sek, ratio
}

/// Which way is better.
public enum Direction: String, Codable, Sendable, CaseIterable {
    case increase, decrease, none
}

public enum Frequency: String, Codable, Sendable, CaseIterable {
    case month, tertial, quarter, year, wave
}

/// What an indicator's or a measure's counts count (DESIGN §3.1 `counts:`): persons
/// (children, families, staff — the default), whose small counts disclosure control
/// protects, or events (consultations with preschools, meetings, PDSA cycles), which
/// disclose no person and are never suppressed.
public enum Counts: String, Codable, Sendable, CaseIterable {
    case persons, events
}

/// Who set a target: the unit itself (årsmål) or the city council (KF:s årsmål).
public enum TargetSetter: String, Codable, Sendable, CaseIterable {
    case unit, city
}

public struct Baseline: Codable, Sendable, Equatable {
    public var period: Period
    public var value: Double
    public var note: String?
}

public struct Target: Codable, Sendable, Equatable {
    public var period: Period
    public var rule: TargetRule
    public var setBy: TargetSetter = .unit
    public var note: String?

    public init(period: Period, rule: TargetRule, setBy: TargetSetter = .unit, note: String? = nil) {
        self.period = period
        self.rule = rule
        self.setBy = setBy
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case period, rule, note
        case setBy = "set_by"
    }
}

public struct Indicator: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var description: String?
    /// The node this indicator measures (goal, outcome, output or activity).
    public var measures: String
    public var unit: IndicatorUnit
    public var direction: Direction
    public var baseline: Baseline?
    public var targets: [Target] = []
    /// Means of verification (mätmetod).
    public var source: String?
    public var frequency: Frequency?
    /// Breakdown name → allowed values; `gender: [girls, boys]` is the usual one.
    public var breakdowns: [String: [String]] = [:]
    /// True where the indicator or its target is a proposal, not the source's.
    public var illustrative: Bool = false
    public var note: String?
    /// `counts:` as the file writes it; nil when the file says nothing (persons). Kept
    /// optional so that a model without the key has the same JSON as before.
    public var counts: Counts?
    /// `data:`: where values are computed from (DESIGN §3.1); nil (the default) for an
    /// indicator whose values are hand-entered observations. Absent from the JSON when nil.
    public var data: DataBinding?

    /// An indicator with the keys every one has; the rest are set as needed.
    public init(id: String, title: String, measures: String, unit: IndicatorUnit, direction: Direction) {
        self.id = id
        self.title = title
        self.measures = measures
        self.unit = unit
        self.direction = direction
    }

    /// True when the indicator counts events, not persons: its figures are not suppressed.
    public var countsEvents: Bool { counts == .events }

    /// Targets of one setter for a period (a year target applies to that year's
    /// tertials as an interim reading).
    public func targets(for period: Period, setBy setter: TargetSetter) -> [Target] {
        targets.filter { $0.setBy == setter && ($0.period == period || $0.period == period.yearPeriod) }
    }
}

/// Values a `gender` breakdown may take.
public let standardGenderValues = ["girls", "boys", "women", "men", "other"]

/// Breakdown groups in reading order: the standard gender values first, in their order,
/// then any others alphabetically. Every table and CSV that lists groups uses it.
public func breakdownOrder(_ names: Set<String>) -> [String] {
    let standard = standardGenderValues.filter { names.contains($0) }
    return standard + names.subtracting(standard).sorted()
}

/// The Swedish words people write for the standard gender values, in a model's
/// `breakdowns` and in an observations file's `group` column alike (docs/indicators.md).
public let swedishGenderValues: [String: String] = [
    "flickor": "girls", "flicka": "girls", "pojkar": "boys", "pojke": "boys",
    "kvinnor": "women", "kvinna": "women", "män": "men", "man": "men",
    "annat": "other", "annan": "other", "övriga": "other",
]

/// `text` as a standard gender value: the value itself in any case, or its Swedish
/// name (`Flickor` → `girls`); nil for anything else.
public func standardGenderValue(_ text: String) -> String? {
    let lower = text.lowercased()
    if standardGenderValues.contains(lower) { return lower }
    return swedishGenderValues[lower]
}
