import Accounts
import Foundation
import Store

/// Whether the server runs with accounts, and who an account or token is — read from
/// the database, so an account added, disabled or given a role while the server runs
/// takes effect at once. Whether any account exists is kept for a second at most: it
/// is asked on every request, and it only ever changes from no to yes.
actor AccountsState {
    let data: WebData
    private var known: (exists: Bool, at: Date)?

    init(data: WebData) { self.data = data }

    func exist(now: Date = Date()) async throws -> Bool {
        if let known, known.exists || now.timeIntervalSince(known.at) < 1 { return known.exists }
        let exists = try await data.shortRead { db in try !UserDirectory(db).isEmpty() }
        known = (exists, now)
        return exists
    }

    /// An enabled account by name.
    func user(named name: String) async throws -> User? {
        try await data.shortRead { db in try UserDirectory(db).user(named: name).flatMap { $0.disabled ? nil : $0 } }
    }

    func user(token: String) async throws -> User? {
        try await data.shortRead { db in try UserDirectory(db).user(token: token) }
    }
}
