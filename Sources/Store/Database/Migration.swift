import CSQLite

/// One step of the schema's history. A database file records how many steps it has
/// taken in `PRAGMA user_version`; opening it runs the rest, in order.
public struct Migration: Sendable {
    /// The `user_version` the file has after this step: 1 for the first migration.
    public let version: Int
    /// What the step does, for error messages (`"documents"`, `"case extracts"`).
    public let name: String
    /// One or more SQL statements.
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}

extension Database {
    /// Applies, in order, each migration whose version is above the file's `user_version`,
    /// each in its own transaction together with the version bump: a failing migration
    /// leaves the file exactly at the previous version. With `stamp`, the first
    /// migration's transaction also marks the file as piloteval's (`applicationID`), so a
    /// new file gets its mark and its first tables together.
    func migrate(_ migrations: [Migration], stamp: Bool = false) throws {
        for (offset, migration) in migrations.enumerated() where migration.version != offset + 1 {
            // A gap or a reordering would skip or repeat a step on someone's file.
            throw DatabaseError(code: SQLITE_MISUSE,
                                message: "migration \(migration.name) has version \(migration.version), expected \(offset + 1)")
        }
        let current = try userVersion
        if current > migrations.count {
            throw refusal(.newerSchema, "\(path) has schema version \(current), newer than this piloteval knows (\(migrations.count)); use a newer piloteval")
        }
        if current < 0 {
            // dropFirst below would trap on a negative count.
            throw refusal(.invalidSchemaVersion, "\(path) has schema version \(current) (PRAGMA user_version), which no piloteval writes: it is damaged or is not a piloteval database")
        }
        var stamp = stamp
        for migration in migrations.dropFirst(current) {
            do {
                try transaction {
                    // Another connection may have migrated the file between the read
                    // above and this transaction's write lock (two commands started
                    // together on a new file): what it did is not done again.
                    guard try userVersion < migration.version else { return }
                    if stamp, try scalar("PRAGMA application_id").int == 0 {
                        try execute("PRAGMA application_id = \(Database.applicationID)")
                    }
                    stamp = false
                    try execute(migration.sql)
                    // PRAGMA takes no bound parameters; the version is an Int we control.
                    try execute("PRAGMA user_version = \(migration.version)")
                }
            } catch let error as DatabaseError {
                throw DatabaseError(code: error.code, extendedCode: error.extendedCode,
                                    message: "migration \(migration.version) (\(migration.name)) failed: \(error.message)",
                                    sql: error.sql, databasePath: path)
            }
        }
    }
}
