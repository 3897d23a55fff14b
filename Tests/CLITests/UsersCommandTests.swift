import Foundation
import Testing

/// `piloteval users` and `piloteval audit` (issue 24): a password from stdin or generated
/// and shown once, a token as the last word, the tables against their JSON, the prune.
@Suite struct UsersCommandTests {
    @Test func listAndAuditTablesShowTheirJSON() throws {
        let cli = try CLIRunner()
        let db = ["--db", cli.path("u.db")]
        // A generated password is printed once; a short one from stdin is refused.
        let admin = try cli.run(["users", "add", "it", "--role", "admin"] + db)
        #expect(admin.status == 0, "\(admin.stderr)")
        let password = try #require(admin.stdout.components(separatedBy: "\n").first { $0.hasPrefix("password (shown once): ") })
        #expect(password.count == "password (shown once): ".count + 20)
        let short = try cli.run(["users", "add", "kort", "--role", "reader"] + db, stdin: "kort\n")
        #expect(short.status == 1 && short.stderr.contains("a password is at least 12 characters"))
        let anna = try cli.run(["users", "add", "anna", "--role", "editor", "--pilot", "vallingbyteamet", "--format", "json"] + db,
                               stdin: "annas långa lösenord\n")
        let added = try #require(try JSONSerialization.jsonObject(with: Data(anna.stdout.utf8)) as? [String: Any])
        #expect(added["action"] as? String == "added" && added["password"] == nil, "a password given on stdin is not echoed")
        #expect(try cli.run(["users", "grant", "anna", "--role", "approver", "--pilot", "vallingbyteamet"] + db).status == 0)
        let token = try cli.run(["users", "token", "anna"] + db)
        #expect(token.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").last?.count == 64)

        // users list: each row is the JSON's account, its roles in words.
        let table = try #require(TableAgainstJSONTests.grid(try cli.run(["users", "list"] + db).stdout))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try cli.run(["users", "list", "--format", "json"] + db).stdout.utf8))
                                as? [[String: Any]])
        #expect(table.header == ["account", "roles", "state", "added"])
        #expect(table.rows.map { $0[0] } == json.map { $0["name"] as! String })
        for (row, account) in zip(table.rows, json) {
            let roles = (account["roles"] as! [[String: Any]]).map { "\($0["role"] as! String) on \($0["pilot"] as? String ?? "every pilot")" }
            #expect(row[1] == roles.joined(separator: "; ") && row[2] == "active" && row[3] == account["created"] as? String)
        }
        #expect(table.rows[0][1] == "approver on vallingbyteamet; editor on vallingbyteamet")

        // A role taken away; one the account does not hold is refused.
        #expect(try cli.run(["users", "revoke", "anna", "--role", "approver", "--pilot", "vallingbyteamet"] + db).status == 0)
        let revoked = try cli.run(["users", "revoke", "anna", "--role", "approver", "--pilot", "vallingbyteamet"] + db)
        #expect(revoked.status == 1 && revoked.stderr.contains("anna has no role approver on vallingbyteamet"))
        #expect(try cli.run(["users", "grant", "anna", "--role", "approver", "--pilot", "vallingbyteamet"] + db).status == 0)

        // audit: the same entries in the table, the JSON and the CSV.
        let log = try #require(TableAgainstJSONTests.grid(try cli.run(["audit"] + db).stdout))
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(try cli.run(["audit", "--format", "json"] + db).stdout.utf8))
                                   as? [[String: Any]])
        #expect(entries.map { $0["action"] as! String } == ["user_add", "user_add", "user_grant", "user_token", "user_revoke", "user_grant"])
        #expect(log.rows.map { [$0[0], $0[2], $0[4]] } == entries.map { [$0["at"] as! String, $0["action"] as! String, $0["what"] as! String] })
        let csv = try cli.run(["audit", "--format", "csv", "--user", entries[1]["user"] as! String] + db).stdout
        #expect(csv.hasPrefix("id,at,user,action,pilot,what\r\n") && csv.contains("user_add,,anna: editor on vallingbyteamet"))
        #expect(try cli.run(["audit", "--since", "igår"] + db).status == 1)

        // A prune before the first entry removes nothing and is itself logged.
        let prune = try cli.run(["audit", "prune", "--before", "2020-01-01", "--format", "json"] + db)
        #expect(prune.stdout.contains("\"removed\" : 0"))
        #expect(try cli.run(["audit", "--format", "json"] + db).stdout.contains("audit_prune"))
    }

    /// On a shared server the IT department also imports and undoes from a terminal: those
    /// changes are in the access log too, with who ran them.
    @Test func theCommandLinesOwnChangesAreInTheAccessLog() throws {
        let cli = try CLIRunner()
        let db = ["--db", cli.path("c.db")]
        let env = ["USER": "it-tekniker"]
        #expect(try cli.run(["model", "add", CLIRunner.fixture("indicators/model.yaml")] + db, environment: env).status == 0)
        let imported = try cli.run(["indicators", "import", CLIRunner.fixture("indicators/tertial1.csv"), "--model", "exempelenheten",
                                    "--format", "json"] + db, environment: env)
        let id = try #require((try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any])?["id"] as? Int)
        #expect(try cli.run(["imports", "undo", "\(id)"] + db, environment: env).status == 0)
        let pdsa = RunChartCommandTests.shipped("Models/pdsa")
        let cycle = try #require(try FileManager.default.contentsOfDirectory(atPath: pdsa).filter { $0.hasSuffix(".yaml") }.sorted().first)
        #expect(try cli.run(["pdsa", "add", pdsa + "/" + cycle] + db, environment: env).status == 0)
        // Stored again unchanged: nothing changed, nothing logged.
        #expect(try cli.run(["pdsa", "add", pdsa + "/" + cycle] + db, environment: env).status == 0)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(try cli.run(["audit", "--format", "json"] + db).stdout.utf8))
                               as? [[String: Any]])
        #expect(log.map { $0["action"] as! String } == ["model", "import", "undo", "pdsa"])
        #expect(log[3]["pilot"] as? String == "vallingbyteamet" && (log[3]["what"] as? String)?.hasSuffix("version 1") == true)
        #expect(log.allSatisfy { $0["user"] as? String == "cli:it-tekniker" })
        #expect(log[0]["what"] as? String == "version 1" && log[1]["pilot"] as? String == "exempelenheten")
        #expect((log[1]["what"] as? String)?.contains("tertial1.csv") == true)
    }

    /// `users tokens` lists an account's tokens by id; `users revoke-token` takes one away
    /// and leaves the others.
    @Test func oneTokenIsRevokedByItsID() throws {
        let cli = try CLIRunner()
        let db = ["--db", cli.path("t.db")]
        #expect(try cli.run(["users", "add", "Integration", "--role", "reader", "--pilot", "vallingbyteamet"] + db,
                            stdin: "ett långt lösenord\n").status == 0)
        // Made twice; each line names its id before the token, which stays the last word.
        let made = try (0..<2).map { _ in try cli.run(["users", "token", "integration"] + db).stdout }
        let ids = made.map { String($0.components(separatedBy: ", id ").last!.prefix(12)) }
        #expect(ids.count == 2 && Set(ids).count == 2)
        let table = try #require(TableAgainstJSONTests.grid(try cli.run(["users", "tokens", "INTEGRATION"] + db).stdout))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try cli.run(["users", "tokens", "integration", "--format", "json"] + db)
            .stdout.utf8)) as? [[String: Any]])
        #expect(table.header == ["token id", "made"])
        #expect(table.rows.map { $0[0] } == json.map { $0["id"] as! String } && Set(table.rows.map { $0[0] }) == Set(ids))

        let revoked = try cli.run(["users", "revoke-token", "integration", ids[0]] + db)
        #expect(revoked.status == 0 && revoked.stdout.contains("revoked"), "\(revoked.stderr)")
        #expect(try cli.run(["users", "tokens", "integration", "--format", "json"] + db).stdout.contains(ids[1]))
        #expect(try !cli.run(["users", "tokens", "integration", "--format", "json"] + db).stdout.contains(ids[0]))
        let again = try cli.run(["users", "revoke-token", "integration", ids[0]] + db)
        #expect(again.status == 1 && again.stderr.contains("has no token with id"))
        #expect(try cli.run(["users", "revoke-token", "integration", "xyz"] + db).status == 1)
        let log = try cli.run(["audit", "--format", "json"] + db).stdout
        #expect(log.contains("user_token_revoke") && log.contains("Integration: " + ids[0]))
    }
}
