import Periods

/// What disclosure control decided on each figure of the report's indicator records,
/// typed: set by Reports' `IndicatorFigureSuppression` as it withholds a figure, read by
/// the blocks, which put it on the figure's `FigureCell`. The records' JSON writes the
/// same decision as DESIGN §5 has it — the figure `null` beside a note beginning
/// "suppressed" —, and that stays the JSON's shape; this map is not in the JSON, and no
/// block reads a note to learn what was withheld.
///
/// A figure without a decision is shown (`Disclosure.shown`): an undefined one then reads
/// "–". A withheld value reads "<5" when it is itself a small count (`.small`: a value of
/// a `count` indicator) and ".." otherwise (`.withheld`: a share built on a hidden count,
/// a complementary cell, a change beside a withheld value).
public struct IndicatorDisclosures: Sendable, Equatable {
    /// Which figure of an indicator in one period.
    public enum Place: Hashable, Sendable {
        /// The indicator's value (the total).
        case total
        /// A breakdown's value: `girls`, `boys`, a survey unit.
        case group(String)
        /// The previous period's value (the status only).
        case previous
        /// The change since the previous period.
        case change
        /// The comparison cohort's value beside a bound case value (the status only).
        case comparison
    }

    /// The period's status, by indicator.
    private var status: [String: [Place: Disclosure]] = [:]
    /// Every point of the trend, by indicator and period.
    private var trend: [String: [Period: [Place: Disclosure]]] = [:]

    public init() {}

    /// The decision on a figure of the reported period's status (`IndicatorStatusReport`).
    public subscript(_ indicator: String, _ place: Place) -> Disclosure {
        get { status[indicator]?[place] ?? .shown }
        set { status[indicator, default: [:]][place] = newValue == .shown ? nil : newValue }
    }

    /// The decision on a figure of one point of the trend (`IndicatorTrendReport`).
    public subscript(_ indicator: String, _ period: Period, _ place: Place) -> Disclosure {
        get { trend[indicator]?[period]?[place] ?? .shown }
        set { trend[indicator, default: [:]][period, default: [:]][place] = newValue == .shown ? nil : newValue }
    }

    /// Whether any value, previous value, breakdown or comparison of the status was
    /// withheld (a change is withheld only beside one of those).
    public var anyWithheldInStatus: Bool {
        status.values.contains { $0.contains { $0.key != .change && $0.value.isSuppressed } }
    }

    /// The periods whose value (the total) the trend of `indicator` withheld.
    public func withheldPeriods(_ indicator: String) -> Set<Period> {
        Set((trend[indicator] ?? [:]).filter { $0.value[.total]?.isSuppressed == true }.keys)
    }
}
