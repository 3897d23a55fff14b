import CSQLite

extension Database {
    /// Runs `body` in a transaction: everything it wrote is committed together, or, if it
    /// throws, nothing is — so bad input never leaves a half-imported file behind.
    ///
    /// The outermost call uses `BEGIN IMMEDIATE`, which takes the write lock at the start
    /// rather than at the first write; a second writer then waits (busy_timeout) before
    /// any work is done instead of failing halfway. Nested calls become savepoints, so a
    /// helper such as `ImportLog.record` can be transactional on its own and still be
    /// part of its caller's transaction.
    @discardableResult
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let depth = transactionDepth
        let savepoint = "piloteval_\(depth)"
        try execute(depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT \(savepoint)")
        transactionDepth += 1
        defer { transactionDepth -= 1 }
        let result: T
        do {
            result = try body()
        } catch {
            rollback(depth: depth, savepoint: savepoint)
            throw error
        }
        do {
            try execute(depth == 0 ? "COMMIT" : "RELEASE \(savepoint)")
        } catch {
            rollback(depth: depth, savepoint: savepoint)
            throw error
        }
        return result
    }

    /// True while a transaction is open on this connection.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    private func rollback(depth: Int, savepoint: String) {
        // SQLite may already have rolled back by itself (e.g. after SQLITE_FULL); the
        // error from a second rollback says nothing useful, the original error does.
        if depth == 0 {
            if isInTransaction { try? execute("ROLLBACK") }
        } else {
            try? execute("ROLLBACK TO \(savepoint)")
            try? execute("RELEASE \(savepoint)")
        }
    }
}

extension Database {
    /// Runs `body` in a transaction that is always rolled back, and returns what it
    /// returned: a dry run that does everything a real run does but keep it (the web's
    /// upload previews, so a preview says exactly what the import would do).
    public func dryRun<T>(_ body: () throws -> T) throws -> T {
        var result: T?
        do {
            try transaction {
                result = try body()
                throw DryRunRollback()
            }
        } catch is DryRunRollback {}
        return result!
    }
}

/// Thrown to roll a dry run back; never seen outside `dryRun`.
private struct DryRunRollback: Error {}
