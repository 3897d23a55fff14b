import Periods

/// Stored observations of one model, looked up by indicator, period and group.
///
/// When two imports give the same indicator, period and group, the later import wins:
/// a corrected file is imported after the first, and `imports undo` of the correction
/// brings the earlier figure back. The superseded rows stay in the database.
public struct ObservationSet: Sendable {
    private var rows: [Key: Observation] = [:]
    private var groupsByCell: [Cell: [String]] = [:]
    private var periodsByIndicator: [String: Set<Period>] = [:]
    /// Rows replaced by a later import's row for the same cell.
    public private(set) var superseded: [Observation] = []

    private struct Key: Hashable { var indicator: String, period: Period, group: String }
    private struct Cell: Hashable { var indicator: String, period: Period }

    /// `observations` in import order (oldest first), as `ObservationStore` returns them.
    public init(_ observations: [Observation]) {
        for o in observations {
            let key = Key(indicator: o.indicator, period: o.period, group: o.group)
            if let earlier = rows[key] {
                superseded.append(earlier)
            } else {
                groupsByCell[Cell(indicator: o.indicator, period: o.period), default: []].append(o.group)
            }
            rows[key] = o
            periodsByIndicator[o.indicator, default: []].insert(o.period)
        }
    }

    public func get(_ indicator: String, _ period: Period, _ group: String) -> Observation? {
        rows[Key(indicator: indicator, period: period, group: group)]
    }

    /// Groups present for an indicator and period, in first-seen order.
    public func groups(_ indicator: String, _ period: Period) -> [String] {
        groupsByCell[Cell(indicator: indicator, period: period)] ?? []
    }

    /// Periods with any observation of the indicator, ascending.
    public func periods(of indicator: String) -> [Period] {
        (periodsByIndicator[indicator] ?? []).sorted()
    }

    public var indicators: [String] { periodsByIndicator.keys.sorted() }

    /// The latest period with any observation (DESIGN §5: the default of `--period`).
    public var latestPeriod: Period? {
        periodsByIndicator.values.lazy.flatMap { $0 }.max()
    }

    /// The current row of each cell, for the indicators given.
    public func all(_ indicator: String) -> [Observation] {
        rows.values.filter { $0.indicator == indicator }.sorted { ($0.period, $0.group) < ($1.period, $1.group) }
    }
}
