import Foundation
import Testing
@testable import Accounts
import Store

/// Accounts, roles per pilot, sign-in with lockout, API tokens, and the append-only
/// access log (issue 24).
@Suite struct AccountsTests {
    static func database() throws -> Database {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("accounts-\(UUID().uuidString).db").path
        return try Database(path: path)
    }

    /// A name is one account however it is typed: at the sign-in, on the command line.
    @Test func namesAreOneAccountInAnyCase() throws {
        let db = try Self.database()
        let users = UserDirectory(db, cost: 4)
        try users.add(name: "Anna", password: "ett långt lösenord", role: .editor, pilots: ["vallingbyteamet"], actor: "cli")
        #expect {
            try users.add(name: "anna", password: "ett annat långt ord", role: .reader, pilots: [], actor: "cli")
        } throws: { ($0 as? AccountError)?.description.contains("as Anna") == true }
        #expect(try users.user(named: "ANNA")?.name == "Anna")
        try users.grant(name: "anna", role: .approver, pilot: "vallingbyteamet", actor: "cli")
        #expect(try users.user(named: "Anna")?.roles(on: "vallingbyteamet") == [.editor, .approver])
        guard case .success(let signedIn) = try users.signIn(name: "aNNA", password: "ett långt lösenord") else {
            Issue.record("a sign-in with the name in another case failed"); return
        }
        #expect(signedIn.name == "Anna", "the session carries the stored name")
        // Failures typed in any case count towards one lock.
        for name in ["anna", "ANNA", "Anna", "aNna", "AnNa"] { _ = try users.signIn(name: name, password: "fel lösenord här") }
        guard case .locked = try users.signIn(name: "Anna", password: "ett långt lösenord") else {
            Issue.record("five failures in mixed case did not lock the account"); return
        }
        #expect(try users.list().map(\.name) == ["Anna"])
    }

    @Test func aRevokedTokenNoLongerSignsInAndTheOthersStill() throws {
        let users = UserDirectory(try Self.database(), cost: 4)
        try users.add(name: "integration", password: "ett långt lösenord", role: .reader, pilots: ["p"], actor: "cli")
        let first = try users.makeToken(name: "integration", actor: "cli")
        let second = try users.makeToken(name: "integration", actor: "cli")
        #expect(try users.tokens(name: "integration").map(\.id).sorted() == [first, second].map(UserDirectory.tokenID(of:)).sorted())
        try users.revokeToken(name: "integration", id: UserDirectory.tokenID(of: first).uppercased(), actor: "it")
        #expect(try users.user(token: first) == nil)
        #expect(try users.user(token: second)?.name == "integration")
    }

    @Test func rolesArePerPilotAndCumulative() throws {
        let db = try Self.database()
        let users = UserDirectory(db, cost: 4)
        #expect(try users.isEmpty())
        try users.add(name: "anna", password: "ett långt lösenord", role: .editor, pilots: ["vallingbyteamet"], actor: "cli")
        try users.add(name: "styr", password: "ett annat långt ord", role: .reader, pilots: ["vallingbyteamet", "familjeenheten-2022"], actor: "cli")
        try users.add(name: "it", password: "administratörens ord", role: .admin, pilots: [], actor: "cli")
        try users.grant(name: "anna", role: .approver, pilot: "vallingbyteamet", actor: "cli")
        #expect(try !users.isEmpty())
        let anna = try #require(try users.user(named: "anna"))
        #expect(anna.roles(on: "vallingbyteamet") == [.editor, .approver])
        #expect(anna.may(.approver, on: "vallingbyteamet") && anna.may(.reader, on: "vallingbyteamet"))
        #expect(!anna.sees("familjeenheten-2022") && !anna.may(.reader, on: "familjeenheten-2022"))
        #expect(anna.seesInternal("vallingbyteamet") && !anna.isGlobalAdmin)
        let styr = try #require(try users.user(named: "styr"))
        #expect(styr.sees("familjeenheten-2022") && !styr.may(.editor, on: "vallingbyteamet") && !styr.seesInternal("vallingbyteamet"))
        try users.grant(name: "styr", role: .reader, pilot: "vallingbyteamet", internalAudience: true, actor: "it")
        #expect(try #require(try users.user(named: "styr")).seesInternal("vallingbyteamet"))
        let it = try #require(try users.user(named: "it"))
        #expect(it.isGlobalAdmin && it.may(.approver, on: "vilken-som-helst") && it.sees("vilken-som-helst"))
        #expect(try users.list().map(\.name) == ["anna", "it", "styr"])
        // Refused: a taken name, a short password, a name shaped like an identity number.
        #expect(throws: AccountError.self) { try users.add(name: "anna", password: "ett långt lösenord", role: .reader, pilots: [], actor: "cli") }
        #expect(throws: AccountError.self) { try users.add(name: "bo", password: "kort", role: .reader, pilots: [], actor: "cli") }
        #expect(throws: AccountError.self) { try users.add(name: "19121212-1212", password: "ett långt lösenord", role: .reader, pilots: [], actor: "cli") }
        // Every change to an account is in the access log.
        #expect(try AccessLog(db).list().map(\.action) == ["user_add", "user_add", "user_add", "user_grant", "user_grant"])
    }

    @Test func signInLocksAfterRepeatedFailuresAndDoubles() throws {
        let db = try Self.database()
        let users = UserDirectory(db, cost: 4)
        try users.add(name: "anna", password: "ett långt lösenord", role: .editor, pilots: ["p"], actor: "cli")
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(try users.signIn(name: "anna", password: "ett långt lösenord", now: t0) != .failed)
        #expect(try users.signIn(name: "okänd", password: "ett långt lösenord", now: t0) == .failed)
        for _ in 1..<UserDirectory.failuresBeforeLock { #expect(try users.signIn(name: "anna", password: "fel", now: t0) == .failed) }
        #expect(try users.signIn(name: "anna", password: "fel", now: t0) == .failed)   // the fifth: locked from now
        // Locked for 15 minutes: even the right password is not checked.
        #expect(try users.signIn(name: "anna", password: "ett långt lösenord", now: t0.addingTimeInterval(60)) == .locked(until: t0.addingTimeInterval(900)))
        // After the lock, one more failure locks for twice as long (30 minutes).
        #expect(try users.signIn(name: "anna", password: "fel", now: t0.addingTimeInterval(901)) == .failed)
        #expect(try users.signIn(name: "anna", password: "ett långt lösenord", now: t0.addingTimeInterval(902))
                == .locked(until: t0.addingTimeInterval(901 + 1800)))
        // A reset lifts the lock; a disabled account cannot sign in.
        try users.resetPassword(name: "anna", password: "ett nytt långt lösenord", actor: "it")
        guard case .success(let user) = try users.signIn(name: "anna", password: "ett nytt långt lösenord", now: t0.addingTimeInterval(903)) else {
            Issue.record("the reset did not lift the lock"); return
        }
        #expect(user.name == "anna")
        try users.disable(name: "anna", actor: "it")
        #expect(try users.signIn(name: "anna", password: "ett nytt långt lösenord", now: t0.addingTimeInterval(904)) == .failed)
    }

    @Test func tokensAreShownOnceAndStoredHashed() throws {
        let db = try Self.database()
        let users = UserDirectory(db, cost: 4)
        try users.add(name: "system", password: "ett långt lösenord", role: .editor, pilots: ["p"], actor: "cli")
        let token = try users.makeToken(name: "system", actor: "cli")
        #expect(token.count == 64 && token.allSatisfy(\.isHexDigit))
        #expect(try users.user(token: token)?.name == "system")
        #expect(try users.user(token: String(token.reversed())) == nil)
        // Only the hash is stored.
        let stored = try db.query("SELECT sha256 FROM user_tokens").compactMap { $0.string("sha256") }
        #expect(stored == [ContentHash.sha256(Data(token.utf8))] && !stored.contains(token))
        try users.disable(name: "system", actor: "cli")
        #expect(try users.user(token: token) == nil)
    }

    @Test func theAccessLogIsAppendOnlyExceptARecordedPrune() throws {
        let db = try Self.database()
        let log = AccessLog(db)
        let day = 86_400.0
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)   // 2027-01-15
        try log.record(user: "anna", action: "login", at: t0)
        try log.record(user: "anna", action: "view", pilot: "p", what: "pilot vs line", at: t0.addingTimeInterval(10 * day))
        // A change made through the change log is in the access log too.
        try ChangeLog(db).record(actor: "anna", action: "lock", modelID: "p", subject: "2027-T1", detail: "12 values", at: t0.addingTimeInterval(20 * day))
        #expect(try log.list().map(\.action) == ["login", "view", "lock"])
        #expect(try log.list().last?.what == "2027-T1: 12 values")
        #expect(throws: DatabaseError.self) { try db.execute("UPDATE access_log SET user = 'någon'") }
        #expect(throws: DatabaseError.self) { try db.execute("DELETE FROM access_log") }
        #expect(try log.list().count == 3)
        let before = Timestamp.iso8601(t0.addingTimeInterval(15 * day))
        #expect(try log.prune(before: before, user: "it", at: t0.addingTimeInterval(30 * day)) == 2)
        #expect(try log.list().map(\.action) == ["lock", "audit_prune"])
        #expect(try log.list().last?.what == "before \(before): 2 entries")
        // The prune allows only what it covers; the prune record itself stays.
        #expect(throws: DatabaseError.self) { try db.execute("DELETE FROM access_log") }
        #expect(throws: DatabaseError.self) { try db.execute("DELETE FROM access_log_prunes") }
        #expect(try log.list(since: Timestamp.iso8601(t0.addingTimeInterval(25 * day))).map(\.action) == ["audit_prune"])
        #expect(try log.list(user: "anna").map(\.action) == ["lock"])
    }

    /// A prune covers only the past: a date ahead is refused, and a prune row dated after
    /// it was made (written past the application) opens nothing.
    @Test func aPruneCannotOpenTheLogToLaterDeletes() throws {
        let db = try Self.database()
        let log = AccessLog(db)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        try log.record(user: "anna", action: "login", what: "från 19121212-1212", at: now.addingTimeInterval(-86_400))
        #expect(try log.list().first?.what == "från [personnummer]")
        #expect(throws: AccessLogError.self) { try log.prune(before: "2999-01-01", user: "it", at: now) }
        try db.execute("INSERT INTO access_log_prunes (before, at, user) VALUES ('2999-01-01', ?, 'x')", Timestamp.iso8601(now))
        #expect(throws: DatabaseError.self) { try db.execute("DELETE FROM access_log") }
        #expect(try log.list().count == 1)
    }
}
