import Foundation
import Testing

/// `cases import --key-file` with key files a user may have: broken, readable by
/// others, or lying beside the database (docs/cases.md, "Key files").
@Suite struct KeyFileCommandTests {
    static let secret = "3f9a0c41d2b87e65aa10c3d4e5f60718293a4b5c6d7e8f901a2b3c4d5e6f7081"

    func prepared() throws -> CLIRunner {
        let cli = try CLIRunner()
        #expect(try cli.run(["model", "add", CLIRunner.fixture("model.yaml")]).status == 0)
        try "case_id;cohort;referral_date\n1;exempelteamet;2021-03-01\n2;linjen;2021-03-05\n"
            .write(toFile: cli.path("x.csv"), atomically: true, encoding: .utf8)
        return cli
    }

    func importing(_ cli: CLIRunner, key: String) throws -> CLIRunner.Output {
        try cli.run(["cases", "import", "x.csv", "--model", "exempelteamet", "--key-file", key])
    }

    @Test func brokenKeyFileIsLocatedAndNeverEchoed() throws {
        let cli = try prepared()
        try FileManager.default.createDirectory(atPath: cli.path("secret"), withIntermediateDirectories: true)
        // A key pasted on the schema line, and one as a field name.
        for (name, text, line) in [("a.key", "schema: \(Self.secret)\nkey: \(Self.secret)\n", 1),
                                   ("b.key", "schema: piloteval/pseudonym-key/v1\nkey \(Self.secret): x\n", 2)] {
            let path = "secret/" + name
            try text.write(toFile: cli.path(path), atomically: true, encoding: .utf8)
            #expect(chmod(cli.path(path), 0o600) == 0)
            let out = try importing(cli, key: path)
            #expect(out.status == 1)
            #expect(out.stderr.contains("\(path):\(line): "), "\(out.stderr)")
            let pieces = (0...(Self.secret.count - 8)).map { Self.secret.dropFirst($0).prefix(8) }
            #expect(!pieces.contains { out.stderr.contains($0) || out.stdout.contains($0) }, "\(out.stderr)")
        }
    }

    @Test func keyOthersCanReadIsRefusedWithChmodAdvice() throws {
        let cli = try prepared()
        try FileManager.default.createDirectory(atPath: cli.path("secret"), withIntermediateDirectories: true)
        #expect(try cli.run(["key", "create", "secret/k.key"]).status == 0)
        #expect(chmod(cli.path("secret/k.key"), 0o644) == 0)
        let refused = try importing(cli, key: "secret/k.key")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("chmod 600 secret/k.key"), "\(refused.stderr)")
        #expect(try cli.run(["imports", "list", "--format", "json"]).stdout.contains("\"kind\"") == false)
        #expect(chmod(cli.path("secret/k.key"), 0o600) == 0)
        let imported = try importing(cli, key: "secret/k.key")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(!imported.stderr.contains("same folder"))
    }

    @Test func keyBesideTheDatabaseIsAWarning() throws {
        let cli = try prepared()   // ./piloteval.db exists: `model add` made it
        let made = try cli.run(["key", "create", "k.key"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr.contains("warning: k.key is in the same folder as the database piloteval.db"), "\(made.stderr)")
        let out = try importing(cli, key: "k.key")
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr.contains("warning: k.key is in the same folder as the database piloteval.db"), "\(out.stderr)")
        #expect(out.stderr.contains("chmod") == false)

        // A folder of its own, or a database elsewhere: no warning.
        try FileManager.default.createDirectory(atPath: cli.path("secret"), withIntermediateDirectories: true)
        let apart = try cli.run(["key", "create", "secret/k.key"])
        #expect(apart.status == 0 && !apart.stderr.contains("same folder"), "\(apart.stderr)")
        let other = try cli.run(["key", "create", "k2.key"], environment: ["PILOTEVAL_DB": cli.path("secret/other.db")])
        #expect(other.status == 0 && !other.stderr.contains("same folder"), "\(other.stderr)")
    }
}
