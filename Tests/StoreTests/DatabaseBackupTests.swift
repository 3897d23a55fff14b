import Foundation
import Testing
@testable import Store

/// `Database.backup(to:)` (issue 24, docs/deployment.md): a consistent copy while
/// another connection goes on writing, owner-only, never over an existing file.
@Suite struct DatabaseBackupTests {
    /// Each transaction of the writer adds two changes, each of which also writes an
    /// access-log entry, so a consistent snapshot holds an even number of changes and as
    /// many access-log entries; a torn copy would break one of the two.
    @Test func aBackupTakenWhileAnotherConnectionWritesIsOneSnapshot() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("live.db").path
            let db = try Database(path: path)
            // Enough pages that a copy takes a while: 4 000 changes with a 1 kB detail.
            let padding = String(repeating: "x", count: 1_000)
            try db.transaction {
                for i in 0..<2_000 {
                    try ChangeLog(db).record(actor: "it", action: "entry", modelID: "p", subject: "\(i)", detail: padding)
                    try ChangeLog(db).record(actor: "it", action: "entry", modelID: "p", subject: "\(i)b", detail: padding)
                }
            }
            let writer = Writer(path: path, padding: padding)
            let thread = Thread { writer.run() }
            thread.start()
            writer.waitForTransactions(50)

            var counts: [Int] = []
            for n in 0..<3 {
                let before = try db.scalar("SELECT count(*) FROM changes").int ?? 0
                let copyPath = dir.appendingPathComponent("copy-\(n).db").path
                let summary = try Database(path: path, readOnly: true).backup(to: copyPath)
                let after = try db.scalar("SELECT count(*) FROM changes").int ?? 0
                #expect(summary.integrityOK && summary.schemaVersion == Schema.migrations.count)
                let copy = try Database(path: copyPath, readOnly: true)
                let changes = try copy.scalar("SELECT count(*) FROM changes").int ?? -1
                let entries = try copy.scalar("SELECT count(*) FROM access_log").int ?? -1
                #expect(changes % 2 == 0 && changes == entries, "a torn copy: \(changes) changes, \(entries) access-log entries")
                #expect(changes >= before && changes <= after)
                #expect(try copy.scalar("PRAGMA application_id").int == Int(Database.applicationID))
                let mode = try FileManager.default.attributesOfItem(atPath: copyPath)[.posixPermissions] as? Int
                #expect(mode == 0o600, "the copy holds the data: owner-only")
                counts.append(changes)
            }
            writer.stop()
            while !writer.finished { usleep(10_000) }
            #expect(writer.failure == nil, "\(writer.failure ?? "")")
            // The writer went on during the backups: later copies hold more.
            #expect(counts.last! > counts.first!, "the writer wrote nothing between the backups: \(counts)")
            #expect(try db.scalar("PRAGMA integrity_check").string == "ok")
        }
    }

    @Test func anExistingFileIsNeverOverwrittenAndAFailedBackupLeavesNothing() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("live.db").path
            let db = try Database(path: path)
            try ChangeLog(db).record(actor: "it", action: "entry", modelID: "p", subject: "1")
            let existing = dir.appendingPathComponent("older.db").path
            try Data("an earlier backup".utf8).write(to: URL(fileURLWithPath: existing))
            #expect {
                try db.backup(to: existing)
            } throws: { ($0 as? BackupError)?.description.contains("exists already") == true }
            #expect(try String(contentsOfFile: existing, encoding: .utf8) == "an earlier backup")

            let nowhere = dir.appendingPathComponent("no-such-folder/copy.db").path
            #expect(throws: BackupError.self) { try db.backup(to: nowhere) }
            #expect(!FileManager.default.fileExists(atPath: nowhere))
        }
    }
}

/// A second connection adding two changes per transaction until told to stop.
private final class Writer: @unchecked Sendable {
    let path: String
    let padding: String
    private let lock = NSLock()
    private var stopped = false
    private var transactions = 0
    private(set) var failure: String?
    private(set) var finished = false

    init(path: String, padding: String) { self.path = path; self.padding = padding }

    func run() {
        do {
            let db = try Database(path: path)
            while !lock.withLock({ stopped }) {
                try db.transaction {
                    try ChangeLog(db).record(actor: "w", action: "entry", modelID: "p", subject: "a", detail: padding)
                    try ChangeLog(db).record(actor: "w", action: "entry", modelID: "p", subject: "b", detail: padding)
                }
                lock.withLock { transactions += 1 }
            }
        } catch {
            lock.withLock { failure = "\(error)" }
        }
        lock.withLock { finished = true }
    }

    func waitForTransactions(_ n: Int) {
        while lock.withLock({ transactions < n && failure == nil }) { usleep(1_000) }
    }

    func stop() { lock.withLock { stopped = true } }
}
