import Foundation

/// One recorded change (migration 11).
public struct Change: Sendable, Hashable {
    public let id: Int
    public let at: String
    public let actor: String
    /// What was done: `import`, `undo`, `entry`, `ready`, `lock`, `unlock`, `report`.
    public let action: String
    public let modelID: String?
    /// What it concerns: an import's id, a period, a report's id.
    public let subject: String?
    public let detail: String?
}

/// Who changed what, and when. Written in the transaction of the change itself, so a
/// change is recorded exactly when it happened — here and in the access log.
public struct ChangeLog {
    let database: Database

    public init(_ database: Database) { self.database = database }

    /// The actor of changes made before accounts exist (`piloteval serve` in local mode).
    public static let localActor = "local"

    public func record(actor: String, action: String, modelID: String?, subject: String?, detail: String? = nil,
                       at: Date = Date()) throws {
        try database.execute("INSERT INTO changes (at, actor, action, model_id, subject, detail) VALUES (?, ?, ?, ?, ?, ?)",
                             Timestamp.iso8601(at), actor, action, modelID, subject, detail)
        try AccessLog(database).record(user: actor, action: action, pilot: modelID,
                                       what: [subject, detail].compactMap { $0 }.joined(separator: ": "), at: at)
    }

    /// Newest first.
    public func list(modelID: String? = nil, limit: Int = 100) throws -> [Change] {
        try database.query("""
            SELECT id, at, actor, action, model_id, subject, detail FROM changes
            WHERE ?1 IS NULL OR model_id = ?1 ORDER BY id DESC LIMIT ?2
            """, modelID, limit).map { row in
            Change(id: row.int("id") ?? 0, at: row.string("at") ?? "", actor: row.string("actor") ?? "",
                   action: row.string("action") ?? "", modelID: row.string("model_id"), subject: row.string("subject"),
                   detail: row.string("detail"))
        }
    }
}
