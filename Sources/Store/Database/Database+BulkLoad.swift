/// Connection settings for writing one large import in one transaction.
extension Database {
    /// Runs `body` — which opens the import's transaction itself (`ImportLog.record`) —
    /// with the foreign-key check on every inserted row switched off, and restores it
    /// afterwards, also when `body` throws.
    ///
    /// Why this is safe: an importer inserts its `imports` row and the data rows that
    /// point at it in the same transaction, with the id that insert returned, so every
    /// `import_id` it writes exists by construction; the check SQLite makes per row (a
    /// lookup in `imports`) can only ever pass. Nothing is deleted during an import, so
    /// no cascade is skipped. `imports undo` and every other command run with foreign
    /// keys on (the setting is per connection and restored here), so ON DELETE CASCADE
    /// works as before. Durability is untouched: journal and synchronous modes stay.
    ///
    /// `PRAGMA foreign_keys` is a no-op inside a transaction, so when the caller already
    /// has one open the checks stay on and `body` simply runs.
    public func withoutForeignKeyChecks<T>(_ body: () throws -> T) throws -> T {
        guard !isInTransaction, try scalar("PRAGMA foreign_keys").int == 1 else { return try body() }
        try execute("PRAGMA foreign_keys = OFF")
        defer { try? execute("PRAGMA foreign_keys = ON") }
        return try body()
    }
}
