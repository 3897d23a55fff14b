import Foundation

/// One entry of the access log (migration 13).
public struct AccessEntry: Sendable, Hashable, Codable {
    public let id: Int
    public let at: String
    public let user: String
    /// `login`, `login_failed`, `logout`, `view`, `download`, or a change's action
    /// (`import`, `undo`, `entry`, `ready`, `lock`, `unlock`, `report`, `model`, `pdsa`, …).
    public let action: String
    public let pilot: String?
    public let what: String?
}

/// The append-only access log a municipality reviews under OSL: who signed in, looked at
/// case-derived results, changed, approved, uploaded, undid or downloaded what, and when.
/// The database refuses to update or delete its rows (triggers), except a prune's rows
/// older than the date the prune recorded first.
public struct AccessLog {
    let database: Database

    public init(_ database: Database) { self.database = database }

    public func record(user: String, action: String, pilot: String? = nil, what: String? = nil, at: Date = Date()) throws {
        // Masked here, whatever a caller passes (a query parameter, a name typed at sign-in):
        // no identity number reaches the log (DESIGN §9).
        let mask = IdentityNumberScanner.masking
        try database.execute("INSERT INTO access_log (at, user, action, pilot, what) VALUES (?, ?, ?, ?, ?)",
                             Timestamp.iso8601(at), mask(user), action, pilot.map(mask), what.map(mask))
    }

    /// Oldest first (by time, then as written); `since` and `before` compare the ISO 8601
    /// timestamps as text (a date "2026-12-01" is the start of that day).
    public func list(since: String? = nil, user: String? = nil, pilot: String? = nil) throws -> [AccessEntry] {
        // Only the filters given, so SQLite can use the index on time or on account
        // (`x IS NULL OR …` with a parameter reads the whole log).
        let filters: [(String, String?)] = [("at >= ?", since), ("user = ?", user), ("pilot = ?", pilot)]
        let given = filters.filter { $0.1 != nil }
        let clause = given.isEmpty ? "" : "WHERE " + given.map(\.0).joined(separator: " AND ")
        let statement = try database.prepare("SELECT id, at, user, action, pilot, what FROM access_log \(clause) ORDER BY at, id")
        try statement.bind(given.map { $0.1 })
        return try statement.rows().map { row in
            AccessEntry(id: row.int("id") ?? 0, at: row.string("at") ?? "", user: row.string("user") ?? "",
                        action: row.string("action") ?? "", pilot: row.string("pilot"), what: row.string("what"))
        }
    }

    /// Removes the entries before `before` (retention), recording the prune first — in
    /// the prune table, which is what lets the rows go, and in the log itself.
    @discardableResult
    public func prune(before: String, user: String, at: Date = Date()) throws -> Int {
        // Only the past: a date ahead would empty the log and open it to later deletes.
        guard before <= Timestamp.iso8601(at) else {
            throw AccessLogError(description: "cannot prune the access log before \(before), a date after now; give a date in the past")
        }
        return try database.transaction {
            try database.execute("INSERT INTO access_log_prunes (before, at, user) VALUES (?, ?, ?)", before, Timestamp.iso8601(at), user)
            try database.execute("DELETE FROM access_log WHERE at < ?", before)
            let removed = database.changes
            try record(user: user, action: "audit_prune", what: "before \(before): \(removed) entries", at: at)
            return removed
        }
    }
}

public struct AccessLogError: Error, Sendable, CustomStringConvertible {
    public let description: String
}
