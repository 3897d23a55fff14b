import Foundation
import Periods
import Store

/// Approved periods (issue 23): locking keeps a period's values as they stand — entered
/// and computed from loaded data, each with its provenance (import id, or the computed
/// source) — and while the period is locked, status and reports read those kept values.
/// A later import is accepted; where it would change a kept value it is a pending
/// difference, shown beside the locked figure until an approver unlocks.
public enum PeriodLocks {
    /// The period's effective observations (the winning row per indicator and group), as kept.
    public static func snapshot(_ data: IndicatorData, period: Period) -> [Observation] {
        let set = ObservationSet(data.observations.filter { $0.period == period })
        return set.indicators.flatMap { id in set.groups(id, period).compactMap { set.get(id, period, $0) } }
    }

    /// Locks a period marked ready with its values as they stand now.
    public static func lock(_ database: Database, modelID: String, period: Period, actor: String) throws {
        try database.transaction {
            try PeriodApprovals(database).lock(modelID: modelID, period: period.text, actor: actor,
                                               observations: try kept(database, modelID: modelID, period: period))
        }
    }

    /// Marks a period ready with the fingerprint of its values as they stand, so that the
    /// lock takes exactly these (a value saved or imported since refuses the lock).
    public static func markReady(_ database: Database, modelID: String, period: Period, actor: String) throws {
        try database.transaction {
            let values = try kept(database, modelID: modelID, period: period)
            try PeriodApprovals(database).markReady(modelID: modelID, period: period.text, actor: actor,
                                                    valuesSHA256: PeriodApprovals.fingerprint(values))
        }
    }

    /// The period's values as a lock keeps them: one JSON text per observation, keys sorted.
    static func kept(_ database: Database, modelID: String, period: Period) throws -> [String] {
        let data = try IndicatorData.load(database, modelID: modelID)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try snapshot(data, period: period).map { String(decoding: try encoder.encode($0), as: UTF8.self) }
    }

    /// Replaces each locked period's observations by its kept ones, and notes where the
    /// live values differ (a changed or new value, or a kept one whose import was undone:
    /// pending without figures).
    static func apply(_ database: Database, modelID: String, to data: inout IndicatorData) throws {
        let kept = try PeriodApprovals(database).lockedValues(modelID: modelID)
        guard !kept.isEmpty else { return }
        let decoder = JSONDecoder()
        for (text, rows) in kept {
            guard let period = Period(parsing: text) else { continue }
            let observations = try rows.map { try decoder.decode(Observation.self, from: Data($0.utf8)) }
            let keptSet = ObservationSet(observations)
            let liveRows = snapshot(data, period: period)
            for live in liveRows {
                let k = keptSet.get(live.indicator, period, live.group)
                if k == nil || k!.value != live.value || k!.numerator != live.numerator || k!.denominator != live.denominator {
                    data.pending.append(live)
                }
            }
            // A kept value with no live row any more (its import undone): pending as a removal,
            // the kept row without its figures.
            let live = Set(liveRows.map { "\($0.indicator)\u{1F}\($0.group)" })
            for k in observations where !live.contains("\(k.indicator)\u{1F}\(k.group)") {
                var removed = k
                removed.value = nil
                removed.numerator = nil
                removed.denominator = nil
                data.pending.append(removed)
            }
            data.observations = data.observations.filter { $0.period != period } + observations
            data.locked.insert(period)
        }
    }
}
