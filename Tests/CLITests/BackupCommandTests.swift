import Foundation
import Testing

/// `piloteval backup PATH` (issue 24): a checked copy, the access log says who made it,
/// an existing file is refused with nothing changed.
@Suite struct BackupCommandTests {
    @Test func backupWritesACheckedCopyAndLogsIt() throws {
        let cli = try CLIRunner()
        let db = ["--db", cli.path("live.db")]
        #expect(try cli.run(["users", "add", "it", "--role", "admin"] + db).status == 0)

        let made = try cli.run(["backup", cli.path("copy.db"), "--format", "json"] + db)
        #expect(made.status == 0, "\(made.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(made.stdout.utf8)) as? [String: Any])
        #expect(summary["integrity_ok"] as? Bool == true && (summary["bytes"] as? Int ?? 0) > 0)
        #expect(made.stderr.contains("pseudonymisation key file is not in the backup"))
        // The copy is a piloteval database holding the account.
        let listed = try cli.run(["users", "list", "--format", "json", "--db", cli.path("copy.db")])
        #expect(listed.status == 0 && listed.stdout.contains("\"it\""), "\(listed.stderr)")
        // The access log of the live database names the backup (the copy was taken before it).
        let audit = try cli.run(["audit", "--format", "json"] + db).stdout
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(audit.utf8)) as? [[String: Any]])
        #expect(entries.filter { $0["action"] as? String == "backup" }.map { $0["what"] as? String } == [cli.path("copy.db")])

        let again = try cli.run(["backup", cli.path("copy.db")] + db)
        #expect(again.status == 1 && again.stderr.contains("exists already"), "\(again.stderr)")
        #expect(try cli.run(["audit", "--format", "json"] + db).stdout == audit, "a refused backup is not logged")
    }
}
