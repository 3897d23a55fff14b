import Foundation

/// A period's approval (migration 11): ready, or locked with its values kept.
public struct PeriodApproval: Sendable, Hashable {
    public enum State: String, Sendable { case ready, locked }
    public let modelID: String
    public let period: String
    public let state: State
    public let actor: String
    public let at: String
}

public struct PeriodApprovalError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Reason: Sendable, Equatable { case locked, notReady, notLocked, changedSinceReady }
    public let reason: Reason
    public let period: String
    public var description: String {
        switch reason {
        case .locked: "period \(period) is locked; an approver unlocks it first"
        case .notReady: "period \(period) is not marked ready; an editor marks it ready before it is locked"
        case .notLocked: "period \(period) is not locked"
        case .changedSinceReady: "period \(period)'s values changed after it was marked ready; mark it ready again before it is locked"
        }
    }
}

/// Approve-and-lock of a model's periods: an editor marks a period ready, an approver
/// locks it — keeping its values as they stand — and may unlock it again. Each step is
/// one transaction with its entry in the change log.
public struct PeriodApprovals {
    let database: Database

    public init(_ database: Database) { self.database = database }

    public func approval(modelID: String, period: String) throws -> PeriodApproval? {
        try database.queryFirst("""
            SELECT model_id, period, state, actor, at FROM period_approvals WHERE model_id = ? AND period = ?
            """, modelID, period).map(Self.approval)
    }

    public func all(modelID: String) throws -> [PeriodApproval] {
        try database.query("""
            SELECT model_id, period, state, actor, at FROM period_approvals WHERE model_id = ? ORDER BY period
            """, modelID).map(Self.approval)
    }

    /// `valuesSHA256`: the fingerprint of the values as marked ready (`fingerprint(_:)` of
    /// what a lock would keep); a lock refuses other values.
    public func markReady(modelID: String, period: String, actor: String, valuesSHA256: String? = nil) throws {
        try database.transaction {
            if let current = try approval(modelID: modelID, period: period), current.state == .locked {
                throw PeriodApprovalError(reason: .locked, period: period)
            }
            try database.execute("""
                INSERT INTO period_approvals (model_id, period, state, actor, at) VALUES (?, ?, 'ready', ?, ?)
                ON CONFLICT (model_id, period) DO UPDATE SET state = 'ready', actor = excluded.actor, at = excluded.at
                """, modelID, period, actor, Timestamp.iso8601(Date()))
            try database.execute("DELETE FROM period_ready_values WHERE model_id = ? AND period = ?", modelID, period)
            if let valuesSHA256 {
                try database.execute("INSERT INTO period_ready_values (model_id, period, sha256) VALUES (?, ?, ?)",
                                     modelID, period, valuesSHA256)
            }
            try ChangeLog(database).record(actor: actor, action: "ready", modelID: modelID, subject: period)
        }
    }

    /// Locks a period marked ready, keeping `observations` (one JSON text each) as its values.
    public func lock(modelID: String, period: String, actor: String, observations: [String]) throws {
        try database.transaction {
            guard let current = try approval(modelID: modelID, period: period), current.state == .ready else {
                let locked = try approval(modelID: modelID, period: period)?.state == .locked
                throw PeriodApprovalError(reason: locked ? .locked : .notReady, period: period)
            }
            let ready = try database.queryFirst("SELECT sha256 FROM period_ready_values WHERE model_id = ? AND period = ?",
                                                modelID, period)?.string("sha256")
            if let ready, ready != Self.fingerprint(observations) {
                throw PeriodApprovalError(reason: .changedSinceReady, period: period)
            }
            try database.execute("UPDATE period_approvals SET state = 'locked', actor = ?, at = ? WHERE model_id = ? AND period = ?",
                                 actor, Timestamp.iso8601(Date()), modelID, period)
            for (seq, json) in observations.enumerated() {
                try database.execute("INSERT INTO locked_values (model_id, period, seq, observation) VALUES (?, ?, ?, ?)",
                                     modelID, period, seq, json)
            }
            try ChangeLog(database).record(actor: actor, action: "lock", modelID: modelID, subject: period,
                                           detail: "\(observations.count) values")
        }
    }

    /// Unlocks a locked period (its kept values go; the live values apply again), with the reason recorded.
    public func unlock(modelID: String, period: String, actor: String, reason: String) throws {
        try database.transaction {
            guard try approval(modelID: modelID, period: period)?.state == .locked else {
                throw PeriodApprovalError(reason: .notLocked, period: period)
            }
            try database.execute("DELETE FROM period_approvals WHERE model_id = ? AND period = ?", modelID, period)
            try ChangeLog(database).record(actor: actor, action: "unlock", modelID: modelID, subject: period, detail: reason)
        }
    }

    /// The fingerprint of a period's values as a lock keeps them (one JSON text each),
    /// whatever order they come in.
    public static func fingerprint(_ observations: [String]) -> String {
        ContentHash.sha256(Data(observations.sorted().joined(separator: "\n").utf8))
    }

    /// The kept values of each locked period of a model, by period.
    public func lockedValues(modelID: String) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for row in try database.query("""
            SELECT v.period, v.observation FROM locked_values v
            JOIN period_approvals a ON a.model_id = v.model_id AND a.period = v.period AND a.state = 'locked'
            WHERE v.model_id = ? ORDER BY v.period, v.seq
            """, modelID) {
            out[row.string("period") ?? "", default: []].append(row.string("observation") ?? "")
        }
        return out
    }

    static func approval(_ row: Row) -> PeriodApproval {
        PeriodApproval(modelID: row.string("model_id") ?? "", period: row.string("period") ?? "",
                       state: PeriodApproval.State(rawValue: row.string("state") ?? "") ?? .ready,
                       actor: row.string("actor") ?? "", at: row.string("at") ?? "")
    }
}
