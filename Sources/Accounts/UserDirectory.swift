import Foundation
import HummingbirdBcrypt
import Store

/// The accounts of a shared server (issue 24, DESIGN §8): names, bcrypt password hashes,
/// roles per pilot, API tokens (stored as their SHA-256), and sign-in with lockout. Every
/// change to an account is written to the access log in the same transaction.
public struct UserDirectory {
    let database: Database
    /// bcrypt's cost: 12 (about a quarter of a second per hash) unless a test asks for less.
    let cost: UInt8

    public init(_ database: Database, cost: UInt8 = 12) {
        self.database = database
        self.cost = cost
    }

    /// Consecutive failed sign-ins before an account is locked; each further failure
    /// doubles the lock, from `firstLock` up to a day.
    public static let failuresBeforeLock = 5
    public static let firstLock: TimeInterval = 15 * 60
    public static let minimumPasswordLength = 12

    /// True while no account exists: the server runs in local mode (the printed link).
    public func isEmpty() throws -> Bool {
        try database.queryFirst("SELECT 1 AS one FROM users LIMIT 1") == nil
    }

    // MARK: Changing accounts

    /// Adds an account with its first role (on each of `pilots`, or every pilot when none).
    @discardableResult
    public func add(name: String, password: String, role: Role, pilots: [String], internalAudience: Bool = false,
                    actor: String, at: Date = Date()) throws -> User {
        try Self.checkName(name)
        try Self.checkPassword(password)
        return try database.transaction {
            let existing = try storedName(name)
            if try user(named: existing) != nil {
                let spelled = existing == name ? "" : " (as \(existing): names are the same account in any case)"
                throw AccountError("an account named \(name) exists\(spelled); change its roles with `users grant`")
            }
            try database.execute("INSERT INTO users (name, password, created_at) VALUES (?, ?, ?)",
                                 name, Bcrypt.hash(password, cost: cost), Timestamp.iso8601(at))
            for pilot in pilots.isEmpty ? [""] : pilots {
                try insertGrant(name: name, role: role, pilot: pilot, internalAudience: internalAudience)
            }
            try AccessLog(database).record(user: actor, action: "user_add", what: "\(name): \(Self.describe(role, pilots))", at: at)
            return try user(named: name)!
        }
    }

    /// Adds a role on a pilot (roles are cumulative); `pilot` nil is every pilot.
    public func grant(name: String, role: Role, pilot: String?, internalAudience: Bool = false, actor: String, at: Date = Date()) throws {
        let name = try storedName(name)
        try database.transaction {
            guard try user(named: name) != nil else { throw AccountError("no account named \(name)") }
            try insertGrant(name: name, role: role, pilot: pilot ?? "", internalAudience: internalAudience)
            try AccessLog(database).record(user: actor, action: "user_grant",
                                           what: "\(name): \(Self.describe(role, pilot.map { [$0] } ?? []))\(internalAudience ? ", internal audience" : "")", at: at)
        }
    }

    /// Takes a role away (on the pilot, or the every-pilot grant when `pilot` is nil).
    public func revoke(name: String, role: Role, pilot: String?, actor: String, at: Date = Date()) throws {
        let name = try storedName(name)
        try database.transaction {
            guard try user(named: name) != nil else { throw AccountError("no account named \(name)") }
            try database.execute("""
                DELETE FROM user_roles WHERE user_id = (SELECT id FROM users WHERE name = ?) AND role = ? AND pilot = ?
                """, name, role.rawValue, pilot ?? "")
            guard database.changes == 1 else {
                throw AccountError("\(name) has no role \(role.rawValue) on \(pilot ?? "every pilot")")
            }
            try AccessLog(database).record(user: actor, action: "user_revoke", what: "\(name): \(Self.describe(role, pilot.map { [$0] } ?? []))", at: at)
        }
    }

    public func disable(name: String, actor: String, at: Date = Date()) throws {
        let name = try storedName(name)
        try database.transaction {
            guard try user(named: name) != nil else { throw AccountError("no account named \(name)") }
            try database.execute("UPDATE users SET disabled = 1, valid_after = ? WHERE name = ?", Timestamp.iso8601(at), name)
            try database.execute("DELETE FROM user_tokens WHERE user_id = (SELECT id FROM users WHERE name = ?)", name)
            try AccessLog(database).record(user: actor, action: "user_disable", what: name, at: at)
        }
    }

    /// A new password; a lock from failed sign-ins is lifted.
    public func resetPassword(name: String, password: String, actor: String, at: Date = Date()) throws {
        let name = try storedName(name)
        try Self.checkPassword(password)
        try database.transaction {
            guard try user(named: name) != nil else { throw AccountError("no account named \(name)") }
            // Sessions begun with the old password end.
            try database.execute("UPDATE users SET password = ?, failed = 0, locked_until = NULL, valid_after = ? WHERE name = ?",
                                 Bcrypt.hash(password, cost: cost), Timestamp.iso8601(at), name)
            try AccessLog(database).record(user: actor, action: "user_reset_password", what: name, at: at)
        }
    }

    /// A new API token for the account, returned once; only its SHA-256 is kept.
    public func makeToken(name: String, actor: String, at: Date = Date()) throws -> String {
        let name = try storedName(name)
        return try database.transaction {
            guard let user = try user(named: name), !user.disabled else { throw AccountError("no enabled account named \(name)") }
            let token = Self.randomHex(bytes: 32)
            try database.execute("INSERT INTO user_tokens (sha256, user_id, created_at) VALUES (?, ?, ?)",
                                 ContentHash.sha256(Data(token.utf8)), user.id, Timestamp.iso8601(at))
            try AccessLog(database).record(user: actor, action: "user_token", what: name, at: at)
            return token
        }
    }

    /// Takes one API token away, named by its id (`tokenID(of:)`, shown when it was made
    /// and by `tokens(name:)`); the account's other tokens keep working.
    public func revokeToken(name: String, id: String, actor: String, at: Date = Date()) throws {
        let name = try storedName(name)
        try database.transaction {
            guard let user = try user(named: name) else { throw AccountError("no account named \(name)") }
            guard id.count == Self.tokenIDLength, id.allSatisfy(\.isHexDigit) else {
                throw AccountError("a token id is \(Self.tokenIDLength) hexadecimal digits, as `users tokens \(name)` lists them")
            }
            try database.execute("DELETE FROM user_tokens WHERE user_id = ? AND substr(sha256, 1, ?) = ?",
                                 user.id, Self.tokenIDLength, id.lowercased())
            guard database.changes == 1 else { throw AccountError("\(name) has no token with id \(id)") }
            try AccessLog(database).record(user: actor, action: "user_token_revoke", what: "\(name): \(id.lowercased())", at: at)
        }
    }

    // MARK: Reading accounts

    /// An API token as it can be named without being shown: the first hex digits of the
    /// SHA-256 that is stored (not of the token itself, which is never stored).
    public struct Token: Sendable, Hashable, Encodable {
        public let id: String
        public let created: String
    }

    /// Hex digits of a token id: 48 bits, so two tokens of one account never share one.
    public static let tokenIDLength = 12

    public static func tokenID(of token: String) -> String {
        String(ContentHash.sha256(Data(token.utf8)).prefix(tokenIDLength))
    }

    /// The account's API tokens, oldest first.
    public func tokens(name: String) throws -> [Token] {
        guard let user = try user(named: name) else { throw AccountError("no account named \(name)") }
        return try database.query("SELECT sha256, created_at FROM user_tokens WHERE user_id = ? ORDER BY created_at, sha256", user.id)
            .map { Token(id: String(($0.string("sha256") ?? "").prefix(Self.tokenIDLength)), created: $0.string("created_at") ?? "") }
    }

    public func list() throws -> [User] {
        try database.query("SELECT id, name, disabled, created_at, valid_after FROM users ORDER BY name").map(user(from:))
    }

    /// The account named `name` in any case: "Anna" and "anna" are one account.
    public func user(named name: String) throws -> User? {
        try database.queryFirst("SELECT id, name, disabled, created_at, valid_after FROM users WHERE name = ?",
                                try storedName(name)).map(user(from:))
    }

    /// The name as stored of the account whose name equals `typed` ignoring case, else
    /// `typed`. Every entry point that takes a typed name goes through it, so "Anna" and
    /// "anna" are one account however it is typed at the sign-in or on the command line.
    func storedName(_ typed: String) throws -> String {
        if try database.queryFirst("SELECT 1 AS one FROM users WHERE name = ?", typed) != nil { return typed }
        let folded = typed.lowercased()
        return try database.query("SELECT name FROM users").compactMap { $0.string("name") }
            .first { $0.lowercased() == folded } ?? typed
    }

    /// The enabled account an API token belongs to.
    public func user(token: String) throws -> User? {
        guard let row = try database.queryFirst("""
            SELECT u.id, u.name, u.disabled, u.created_at, u.valid_after FROM user_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.sha256 = ?
            """, ContentHash.sha256(Data(token.utf8))) else { return nil }
        let user = try user(from: row)
        return user.disabled ? nil : user
    }

    // MARK: Signing in

    public enum SignIn: Sendable, Equatable {
        case success(User)
        case failed
        /// Too many failures: no password lets the account in until then.
        case locked(until: Date)
    }

    /// What a sign-in is checked against: read first, so that the slow bcrypt check runs
    /// outside any transaction (a server's sign-ins never hold the write lock).
    public struct Credentials: Sendable {
        public let hash: String
        public let disabled: Bool
        public let lockedUntil: Date?
    }

    public func credentials(name: String) throws -> Credentials? {
        let name = try storedName(name)
        return try database.queryFirst("SELECT password, disabled, locked_until FROM users WHERE name = ?", name).map { row in
            Credentials(hash: row.string("password") ?? "", disabled: row.int("disabled") == 1,
                        lockedUntil: row.string("locked_until").flatMap(Timestamp.parse))
        }
    }

    /// The bcrypt check. An unknown name and a locked account cost the same work as a
    /// known one, so timing does not tell which names exist or are locked.
    public static func verify(_ password: String, _ credentials: Credentials?, now: Date = Date()) -> Bool {
        guard let credentials, !(credentials.lockedUntil.map { $0 > now } ?? false) else {
            _ = Bcrypt.verify(password, hash: dummyHash)
            return false
        }
        return Bcrypt.verify(password, hash: credentials.hash) && !credentials.disabled
    }

    /// Records a checked sign-in: a good one clears the failures, a failed one counts
    /// towards a lock (incremented in the database, so parallel tries all count).
    public func record(name: String, credentials: Credentials?, good: Bool, now: Date = Date()) throws -> SignIn {
        let name = try storedName(name)
        guard let credentials else { return .failed }
        if let until = credentials.lockedUntil, until > now { return .locked(until: until) }
        if good {
            try database.execute("UPDATE users SET failed = 0, locked_until = NULL WHERE name = ?", name)
            return try user(named: name).map(SignIn.success) ?? .failed
        }
        let failed = try database.queryFirst("UPDATE users SET failed = failed + 1 WHERE name = ? RETURNING failed", name)?.int("failed") ?? 0
        if failed >= Self.failuresBeforeLock {
            let doublings = min(failed - Self.failuresBeforeLock, 7)
            let until = now.addingTimeInterval(min(Self.firstLock * Double(1 << doublings), 24 * 3600))
            try database.execute("UPDATE users SET locked_until = ? WHERE name = ?", Timestamp.iso8601(until), name)
        }
        return .failed
    }

    /// Checks a name and password in one go (the CLI and tests; the server splits it).
    public func signIn(name: String, password: String, now: Date = Date()) throws -> SignIn {
        let found = try credentials(name: name)
        return try record(name: name, credentials: found, good: Self.verify(password, found, now: now), now: now)
    }

    /// Computes the hash unknown names are checked against, so the first such try costs
    /// what any other does (a server calls this at start).
    public static func prepare() { _ = dummyHash }

    // MARK: Helpers

    private func insertGrant(name: String, role: Role, pilot: String, internalAudience: Bool) throws {
        try database.execute("""
            INSERT INTO user_roles (user_id, role, pilot, internal) SELECT id, ?, ?, ? FROM users WHERE name = ?
            ON CONFLICT (user_id, role, pilot) DO UPDATE SET internal = max(internal, excluded.internal)
            """, role.rawValue, pilot, internalAudience ? 1 : 0, name)
    }

    private func user(from row: Row) throws -> User {
        let id = row.int("id") ?? 0
        let grants = try database.query("SELECT role, pilot, internal FROM user_roles WHERE user_id = ? ORDER BY pilot, role", id).compactMap { r -> Grant? in
            guard let role = Role(rawValue: r.string("role") ?? "") else { return nil }
            let pilot = r.string("pilot") ?? ""
            return Grant(role: role, pilot: pilot.isEmpty ? nil : pilot, internal: r.int("internal") == 1)
        }
        return User(id: id, name: row.string("name") ?? "", disabled: row.int("disabled") == 1,
                    createdAt: row.string("created_at") ?? "", grants: grants,
                    validAfter: row.string("valid_after").flatMap(Timestamp.parse))
    }

    static func describe(_ role: Role, _ pilots: [String]) -> String {
        role.rawValue + (pilots.isEmpty ? " on every pilot" : " on " + pilots.joined(separator: ", "))
    }

    /// Letters, digits, `.`, `_`, `-`; what a person types at a sign-in and reads in the log.
    static func checkName(_ name: String) throws {
        guard (1...64).contains(name.count), name.first.map({ $0.isASCII && ($0.isLetter || $0.isNumber) }) == true,
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
            throw AccountError("an account name is 1–64 letters a–z, digits, '.', '_' or '-', starting with a letter or digit")
        }
        // A name is written to the log; an identity number must never be one.
        guard IdentityNumberScanner.masking(name) == name else { throw AccountError("an account name must not be an identity number") }
    }

    static func checkPassword(_ password: String) throws {
        guard password.count >= minimumPasswordLength else {
            throw AccountError("a password is at least \(minimumPasswordLength) characters")
        }
    }

    /// A password to print once: 20 characters from an alphabet without look-alikes (about 100 bits).
    public static func generatedPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    static func randomHex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// A hash of no one's password, for equal work on unknown names.
    static let dummyHash = Bcrypt.hash("piloteval: no such account", cost: 12)
}

public struct AccountError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
