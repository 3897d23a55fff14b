import Foundation
import NIOCore
import NIOPosix
import Store
import Testing
@testable import Web

/// The data's fingerprint, which the page caches are keyed by: a write that only adds to
/// the access log (a look at pilot vs line, a download, a sign-in) leaves it as it was,
/// so a logged look does not make every cached page stale (found by Tests/security: with
/// accounts each such look rebuilt the next pages); any other write changes it, from
/// this server or another process.
@Suite struct WebDataTests {
    @Test func aLoggedLookKeepsTheFingerprintAndAChangeMovesIt() async throws {
        let path = try AuthenticationTests.emptyDatabase()
        // A long lifetime: with the other suites running, an await here can take a minute.
        let data = WebData(path: path, accessOnlyLifetime: 3600)
        let start = data.version()
        try await data.logAccess { db in try AccessLog(db).record(user: "styr", action: "view", pilot: "vallingbyteamet", what: "pilot vs line") }
        #expect(data.version() == start)
        try await data.logAccess { db in try AccessLog(db).record(user: "styr", action: "download", pilot: "vallingbyteamet") }
        #expect(data.version() == start)
        try await data.write { db in try ChangeLog(db).record(actor: "anna", action: "entry", modelID: "vallingbyteamet", subject: "2022-T1") }
        let changed = data.version()
        #expect(changed != start)
        try await data.logAccess { db in try AccessLog(db).record(user: "styr", action: "login") }
        #expect(data.version() == changed)
        // Another process's change counts too.
        let other = try Database(path: path)
        try other.transaction { try ChangeLog(other).record(actor: "cli:it", action: "import", modelID: "vallingbyteamet", subject: "import 1") }
        #expect(data.version() != changed)
        // A reader opening the file (which makes an empty WAL beside it) changes nothing.
        let now = data.version()
        _ = try Database(path: path, readOnly: true).query("SELECT count(*) FROM access_log")
        #expect(data.version() == now)
        // Every entry was written.
        #expect(try AccessLog(try Database(path: path, readOnly: true)).list().filter { $0.user == "styr" }.count == 3)
    }

    /// Every request reads its account: with the shared pool busy (pages being built for
    /// seconds) the account is still read at once (found by Benchmarks/web/load.sh: under
    /// 50 readers even short API reads waited as long as the slowest build).
    /// A logged look's fingerprint stands for the data before it for a minute at most: a
    /// change another process committed in the instant after the look is then shown.
    @Test func aLoggedLooksMappingExpires() {
        let same = AccessOnlyWrites()
        let t0 = Date()
        same.add("after", sameAs: "before", now: t0)
        same.add("later", sameAs: "after", now: t0.addingTimeInterval(10))
        #expect(same.resolve("after", now: t0.addingTimeInterval(59)) == "before")
        #expect(same.resolve("later", now: t0.addingTimeInterval(30)) == "before", "a chain leads to the data it left")
        #expect(same.resolve("after", now: t0.addingTimeInterval(61)) == "after")
        #expect(same.resolve("later", now: t0.addingTimeInterval(71)) == "later")
    }

    @Test func theAccountIsReadWhileTheSharedPoolIsBusy() async throws {
        let data = WebData(path: try AccountsWebTests.database())
        let accounts = AccountsState(data: data)
        // Every thread of the shared pool asleep for 8 s (sleeping costs no CPU, so only
        // the wait for a thread could make the read slow).
        let busy = (0..<NIOSingletons.blockingPoolThreadCountSuggestion).map { _ in
            Task { try await data.blocking { Thread.sleep(forTimeInterval: 8) } }
        }
        try await Task.sleep(for: .milliseconds(200))
        let started = Date()
        #expect(try await accounts.exist())
        #expect(try await accounts.user(named: "anna")?.name == "anna")
        #expect(Date().timeIntervalSince(started) < 4, "the account waited for the shared pool")
        for task in busy { try await task.value }
    }
}
