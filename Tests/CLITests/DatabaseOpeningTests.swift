import Foundation
import Testing

/// How commands open the database (docs/storage.md, "Which files piloteval opens"):
/// commands that only read open it read-only — they never create it and can read it
/// where it cannot be written — and no command works on a file that is not a piloteval
/// database, whatever state it is in.
@Suite struct DatabaseOpeningTests {
    /// Every command that only reads, with arguments that succeed on `template`.
    static let readCommands: [[String]] = [
        ["imports", "list"],
        ["model", "list"],
        ["model", "show", "exempelenheten"],
        ["indicators", "status", "--model", "exempelenheten"],
        ["indicators", "trend", "--model", "exempelenheten"],
        ["readiness", "summary", "--instrument", "test-readiness"],
        ["readiness", "trend", "--instrument", "test-readiness"],
        ["readiness", "gaps", "--instrument", "test-readiness"],
        ["readiness", "chart", "heatmap", "--instrument", "test-readiness"],
        ["measures", "list"],
        ["pdsa", "list"],
        ["runchart", "--measure", "broken-measure"],
        ["report", "build", "--model", "exempelenheten", "--kind", "tertial", "--format", "markdown"],
        ["report", "verify", "report.json"],
    ]

    /// Read-only commands that fail on `template` for reasons of their own (after opening).
    static let otherReadCommands: [[String]] = [
        ["cases", "compare", "--model", "exempelenheten", "--outcome", "days_to_assessment"],
        ["pdsa", "show", "no-such-cycle"],
    ]

    /// A database with a model, indicator values, a survey wave and a measure, and a
    /// report record made from it (for `report verify`), built once.
    static let template: Result<(db: URL, report: URL), Error> = Result {
        let cli = try CLIRunner()
        let db = cli.path("template.db")
        let steps: [[String]] = [
            ["model", "add", CLIRunner.fixture("indicators/model.yaml")],
            ["indicators", "import", CLIRunner.fixture("indicators/tertial1.csv"), "--model", "exempelenheten"],
            ["readiness", "import", CLIRunner.fixture("readiness/wave-a.csv"),
             "--instrument", CLIRunner.fixture("readiness/instrument.yaml"), "--wave", "wave-a"],
            ["measures", "import", CLIRunner.fixture("broken/good-measure.csv"), "--measure", "broken-measure"],
            ["report", "build", "--model", "exempelenheten", "--kind", "tertial", "--format", "json", "-o", cli.path("report.json")],
        ]
        for step in steps {
            let out = try cli.run(step + ["--db", db])
            guard out.status == 0 else { throw TestFailure("template step \(step[0]) \(step[1]) failed: \(out.stderr)") }
        }
        return (URL(fileURLWithPath: db), URL(fileURLWithPath: cli.path("report.json")))
    }

    struct TestFailure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    /// A fresh folder holding a copy of the template as piloteval.db, and report.json.
    static func copyOfTemplate() throws -> (CLIRunner, String) {
        let cli = try CLIRunner()
        let db = cli.path("piloteval.db")
        let (template, report) = try Self.template.get()
        try FileManager.default.copyItem(at: template, to: URL(fileURLWithPath: db))
        try FileManager.default.copyItem(at: report, to: URL(fileURLWithPath: cli.path("report.json")))
        return (cli, db)
    }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    static func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    /// Writes a 4-byte big-endian value into the file header (60: user_version,
    /// 68: application_id). The file must have no -wal: piloteval removes it on exit.
    static func patchHeader(_ path: String, at offset: Int, _ value: Int32) throws {
        var data = try bytes(path)
        let raw = UInt32(bitPattern: value)
        data.replaceSubrange(offset..<offset + 4, with: [UInt8(raw >> 24), UInt8((raw >> 16) & 0xFF), UInt8((raw >> 8) & 0xFF), UInt8(raw & 0xFF)])
        try data.write(to: URL(fileURLWithPath: path))
    }

    static func expectNoCrash(_ out: CLIRunner.Output, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(out.status == 1, "exit \(out.status): \(out.stderr)", sourceLocation: sourceLocation)
        #expect(!out.stderr.contains("Fatal error") && !out.stderr.contains("Stack dump"), sourceLocation: sourceLocation)
    }

    // MARK: Read-only commands

    /// Without a database a read command says where it looked and creates nothing;
    /// with one, it reads it without changing it.
    @Test func readCommandsNeverCreateOrChangeTheDatabase() throws {
        let cli = try CLIRunner()
        try FileManager.default.copyItem(at: try Self.template.get().report, to: URL(fileURLWithPath: cli.path("report.json")))
        for command in Self.readCommands + Self.otherReadCommands {
            let out = try cli.run(command)
            #expect(out.status == 1, "\(command): exit \(out.status)")
            #expect(out.stderr.contains("no database at ./piloteval.db; import something first, or give --db PATH or set PILOTEVAL_DB"),
                    "\(command): \(out.stderr)")
            #expect(!FileManager.default.fileExists(atPath: cli.path("piloteval.db")), "\(command) created piloteval.db")
        }
        let named = try cli.run(["model", "list", "--db", "sub/x.db"])
        #expect(named.stderr.contains("no database at sub/x.db;"), "\(named.stderr)")
        let fromEnvironment = try cli.run(["imports", "list"], environment: ["PILOTEVAL_DB": "env.db"])
        #expect(fromEnvironment.stderr.contains("no database at ./env.db;"), "\(fromEnvironment.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path) == ["report.json"])

        let (copy, db) = try Self.copyOfTemplate()
        let before = try Self.bytes(db)
        for command in Self.readCommands {
            let out = try copy.run(command)
            #expect(out.status == 0, "\(command): \(out.stderr)")
        }
        #expect(try Self.bytes(db) == before)
        // What a read-only connection may leave beside it holds nothing.
        #expect(((try? FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? Int) ?? 0) == 0)
    }

    /// Tests run as root, and root may write anywhere: to see what a user without write
    /// permission sees, the commands run as `nobody` (setpriv), on a database in a
    /// folder `nobody` cannot write, and on a read-only file in a folder it can.
    @Test(.enabled(if: DatabaseOpeningTests.canRunAsNobody, "needs root, setpriv and a piloteval that nobody may run"))
    func readCommandsWorkWhereTheFileCannotBeWritten() throws {
        let (cli, db) = try Self.copyOfTemplate()
        // The folder stays root's (0755); the file is nobody's, owner-only as created.
        #expect(chown(db, Self.nobody, Self.nogroup) == 0)
        let before = try Self.bytes(db)
        for command in Self.readCommands {
            let out = try Self.runAsNobody(command + ["--db", db], in: cli.directory)
            #expect(out.status == 0, "\(command): exit \(out.status)\n\(out.stderr)")
        }
        #expect(try Self.bytes(db) == before)
        #expect(!FileManager.default.fileExists(atPath: db + "-wal") && !FileManager.default.fileExists(atPath: db + "-shm"))
        // A command that writes says why it cannot.
        let add = try Self.runAsNobody(["model", "add", CLIRunner.fixture("indicators/model.yaml"), "--db", db], in: cli.directory)
        #expect(add.status == 1)
        #expect(add.stderr.contains("\(db) cannot be written"), "\(add.stderr)")

        // A read-only file (0444) in a folder nobody can write to.
        let open = try CLIRunner()
        let file = open.path("piloteval.db")
        try FileManager.default.copyItem(atPath: db, toPath: file)
        #expect(chown(open.directory.path, Self.nobody, Self.nogroup) == 0)
        #expect(chown(file, Self.nobody, Self.nogroup) == 0)
        #expect(chmod(file, 0o444) == 0)
        for command in [["model", "list"], ["indicators", "status", "--model", "exempelenheten"], ["imports", "list"]] {
            let out = try Self.runAsNobody(command + ["--db", file], in: open.directory)
            #expect(out.status == 0, "\(command): exit \(out.status)\n\(out.stderr)")
        }
        let refused = try Self.runAsNobody(["model", "add", CLIRunner.fixture("indicators/model.yaml"), "--db", file], in: open.directory)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("cannot be written"), "\(refused.stderr)")
    }

    static let nobody: uid_t = 65534
    static let nogroup: gid_t = 65534
    static let setpriv = "/usr/bin/setpriv"

    static var canRunAsNobody: Bool {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: setpriv) else { return false }
        // nobody must be able to reach the executable and the fixtures.
        var dir = CLIRunner.executable.deletingLastPathComponent()
        while dir.path != "/" {
            var info = stat()
            guard stat(dir.path, &info) == 0, info.st_mode & 0o001 != 0 else { return false }
            dir = dir.deletingLastPathComponent()
        }
        return true
    }

    static func runAsNobody(_ arguments: [String], in directory: URL) throws -> CLIRunner.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: setpriv)
        process.arguments = ["--reuid=\(nobody)", "--regid=\(nogroup)", "--clear-groups", CLIRunner.executable.path] + arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "PILOTEVAL_DB")
        environment["HOME"] = directory.path
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIRunner.Output(status: process.terminationStatus,
                                stdout: String(decoding: stdout, as: UTF8.self),
                                stderr: String(decoding: stderr, as: UTF8.self))
    }

    // MARK: What is in the file

    /// user_version and application_id as another program, or damage, may leave them.
    @Test func headerValuesPilotevalDoesNotWriteAreRefused() throws {
        let model = CLIRunner.fixture("indicators/model.yaml")
        let cases: [(offset: Int, value: Int32, says: String)] = [
            (60, -1, "has schema version -1 (PRAGMA user_version), which no piloteval writes"),
            (60, Int32.min, "has schema version -2147483648"),
            (60, 99, "has schema version 99, newer than this piloteval knows"),
            (68, 0x5858_5858, "is not a piloteval database: its application id is 0x58585858"),
        ]
        for c in cases {
            let (cli, db) = try Self.copyOfTemplate()
            try Self.patchHeader(db, at: c.offset, c.value)
            let before = try Self.bytes(db)
            for command in [["model", "list"], ["model", "add", model], ["indicators", "import", CLIRunner.fixture("indicators/tertial1.csv"), "--model", "exempelenheten"]] {
                let out = try cli.run(command + ["--db", db])
                Self.expectNoCrash(out)
                #expect(out.stderr.contains("error: \(db) \(c.says)"), "\(command): \(out.stderr)")
            }
            #expect(try Self.bytes(db) == before)
        }
    }

    /// A file made before piloteval marked its files: read as it is, marked by the
    /// first command that writes.
    @Test func unmarkedFileIsReadAndThenMarked() throws {
        let (cli, db) = try Self.copyOfTemplate()
        #expect(String(decoding: try Self.bytes(db)[68..<72], as: UTF8.self) == "PiEv")
        try Self.patchHeader(db, at: 68, 0)
        let list = try cli.run(["model", "list", "--db", db])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(try Self.bytes(db)[68..<72] == Data([0, 0, 0, 0]))
        let add = try cli.run(["model", "add", CLIRunner.fixture("indicators/model.yaml"), "--db", db])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(String(decoding: try Self.bytes(db)[68..<72], as: UTF8.self) == "PiEv")
    }

    /// A read-only command on a file an older piloteval wrote says what to do; a
    /// command that writes brings it up to date.
    @Test func olderFileAsksForACommandThatWrites() throws {
        let (cli, db) = try Self.copyOfTemplate()
        // Schema 7 only rewrote a CHECK; a file at 6 has every table and migrates again.
        try Self.patchHeader(db, at: 60, 6)
        let list = try cli.run(["model", "list", "--db", db])
        Self.expectNoCrash(list)
        #expect(list.stderr.contains("\(db) was last written by an older piloteval (schema version 6"), "\(list.stderr)")
        #expect(list.stderr.contains("run a command that writes to it once"), "\(list.stderr)")
        let add = try cli.run(["model", "add", CLIRunner.fixture("indicators/model.yaml"), "--db", db])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(try cli.run(["model", "list", "--db", db]).status == 0)
    }

    /// A damaged database is named as the problem, not the CSV being imported.
    @Test func damagedDatabaseIsNamedNotTheInput() throws {
        let (cli, db) = try Self.copyOfTemplate()
        let data = try Self.bytes(db)
        var generator = SystemRandomNumberGenerator()
        let damaged: [(String, Data)] = [
            ("random.db", Data((0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) })),
            ("truncated.db", data.prefix(data.count / 3)),
            ("header.db", data.prefix(40)),
        ]
        let csv = CLIRunner.fixture("indicators/tertial1.csv")
        for (name, content) in damaged {
            let path = cli.path(name)
            try content.write(to: URL(fileURLWithPath: path))
            for command in [["indicators", "import", csv, "--model", "exempelenheten"], ["indicators", "status", "--model", "exempelenheten"]] {
                let out = try cli.run(command + ["--db", path])
                Self.expectNoCrash(out)
                #expect(out.stderr.contains("error: \(path) is damaged or is not a database"), "\(name) \(command[1]): \(out.stderr)")
                #expect(!out.stderr.contains("tertial1.csv"), "\(name): the message names the CSV: \(out.stderr)")
            }
            #expect(try Self.bytes(path) == content)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func pathThatIsNotAFileIsNamed() throws {
        let cli = try CLIRunner()
        try FileManager.default.createDirectory(atPath: cli.path("folder"), withIntermediateDirectories: false)
        #expect(mkfifo(cli.path("pipe"), 0o600) == 0)
        for (path, says) in [("folder", "folder is a folder, not a database file"), ("pipe", "pipe is a named pipe (FIFO), not a database file"),
                             ("/dev/null", "/dev/null is a device, not a database file")] {
            for command in [["model", "add", CLIRunner.fixture("indicators/model.yaml")], ["model", "list"]] {
                let out = try cli.run(command + ["--db", path])
                Self.expectNoCrash(out)
                #expect(out.stderr.contains("error: \(says)"), "\(path): \(out.stderr)")
            }
        }
    }

    // MARK: Permissions and deletes

    @Test func databaseIsCreatedOwnerOnly() throws {
        let cli = try CLIRunner()
        let out = try cli.run(["indicators", "import", CLIRunner.fixture("indicators/tertial1.csv"),
                               "--model", CLIRunner.fixture("indicators/model.yaml")])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(try Self.mode(cli.path("piloteval.db")) == 0o600)
    }

    /// `imports undo` leaves no trace of the rows it removes in the file. (Debian's
    /// SQLite has secure_delete on by default, so there this passes without piloteval's
    /// own pragma; StoreTests' DatabaseFileTests has the control that shows the scan works.)
    @Test func undoneImportLeavesNoTextInTheFile() throws {
        let (cli, db) = try Self.copyOfTemplate()
        let marker = "ANTECKNING-\(CLIRunner.uniqueName())"
        let csv = cli.path("noted.csv")
        try "indicator,period,group,value,numerator,denominator,note\nI1,2022-T2,total,,40,50,\(marker)\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let imported = try cli.run(["indicators", "import", csv, "--model", "exempelenheten", "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try Self.bytes(db).range(of: Data(marker.utf8)) != nil)
        let list = try cli.run(["imports", "list", "--format", "json", "--db", db])
        let id = try #require(Self.lastImportID(list.stdout), "\(list.stdout)")
        let undo = try cli.run(["imports", "undo", String(id), "--db", db])
        #expect(undo.status == 0, "\(undo.stderr)")
        var content = try Self.bytes(db)
        if FileManager.default.fileExists(atPath: db + "-wal") { content += try Self.bytes(db + "-wal") }
        #expect(content.range(of: Data(marker.utf8)) == nil)
    }

    static func lastImportID(_ json: String) -> Int? {
        guard let data = json.data(using: .utf8),
              let records = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return nil }
        return records.compactMap { $0["id"] as? Int }.max()
    }
}
