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
    /// leaves the file exactly at the previous version.
    func migrate(_ migrations: [Migration]) throws {
        for (offset, migration) in migrations.enumerated() where migration.version != offset + 1 {
            // A gap or a reordering would skip or repeat a step on someone's file.
            throw DatabaseError(code: SQLITE_MISUSE,
                                message: "migration \(migration.name) has version \(migration.version), expected \(offset + 1)")
        }
        let current = try userVersion
        if current > migrations.count {
            throw DatabaseError(code: SQLITE_ERROR,
                                message: "\(path) has schema version \(current), newer than this piloteval knows (\(migrations.count)); use a newer piloteval")
        }
        for migration in migrations.dropFirst(current) {
            do {
                try transaction {
                    try execute(migration.sql)
                    // PRAGMA takes no bound parameters; the version is an Int we control.
                    try execute("PRAGMA user_version = \(migration.version)")
                }
            } catch let error as DatabaseError {
                throw DatabaseError(code: error.code, extendedCode: error.extendedCode,
                                    message: "migration \(migration.version) (\(migration.name)) failed: \(error.message)",
                                    sql: error.sql)
            }
        }
    }
}
