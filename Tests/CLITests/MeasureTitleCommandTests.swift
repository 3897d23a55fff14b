import Foundation
import Testing

/// A measure named for people from the command line: `measures import --title`,
/// `measures title ID TITLE`, shown by `measures list` (table and JSON).
@Suite struct MeasureTitleCommandTests {
    static func list(_ cli: CLIRunner) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(cli.run(["measures", "list", "--format", "json"]).stdout.utf8))
                     as? [[String: Any]])
    }

    @Test func importWithATitleAndNameAStoredMeasure() throws {
        let cli = try CLIRunner()
        // As Swedish Excel saves it: `;`, UTF-8 with BOM, CRLF.
        try Data([0xEF, 0xBB, 0xBF] + Array("vecka;konsultationer;kommentar\r\n2021-v02;1;\r\n2021-v03;2;walk-and-talk på förskolan\r\n".utf8))
            .write(to: URL(fileURLWithPath: cli.path("konsultationer.csv")))
        let imported = try cli.run(["measures", "import", "konsultationer.csv", "--measure", "forskolekonsultationer",
                                    "--value", "konsultationer", "--counts", "events", "--title", "Konsultation till förskolor"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("titled \"Konsultation till förskolor\""), "\(imported.stdout)")
        var listed = try Self.list(cli)
        #expect(listed.count == 1 && listed[0]["title"] as? String == "Konsultation till förskolor")
        let table = try cli.run(["measures", "list"]).stdout
        #expect(table.contains("title") && table.contains("Konsultation till förskolor"), "\(table)")

        // Renamed without importing; an unknown measure or a title of two lines is refused.
        let renamed = try cli.run(["measures", "title", "forskolekonsultationer", "Konsultationer i förskolor"])
        #expect(renamed.status == 0 && renamed.stdout.contains("is titled \"Konsultationer i förskolor\" (kept with import 1)"),
                "\(renamed.stdout)\(renamed.stderr)")
        listed = try Self.list(cli)
        #expect(listed[0]["title"] as? String == "Konsultationer i förskolor")
        // --format json: the measure as `measures list --format json` shows it.
        let json = try cli.run(["measures", "title", "forskolekonsultationer", "Konsultationer i förskolor", "--format", "json"])
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(shown["measure"] as? String == "forskolekonsultationer" && shown["title"] as? String == "Konsultationer i förskolor")
        #expect(shown["counts"] as? String == "events" && json.stderr.contains("is titled"))
        let unknown = try cli.run(["measures", "title", "ingen", "Ingen"])
        #expect(unknown.status == 1 && unknown.stderr.contains("no stored measure \"ingen\"; stored measures: forskolekonsultationer"),
                "\(unknown.stderr)")
        let twoLines = try cli.run(["measures", "title", "forskolekonsultationer", "Två\nrader"])
        #expect(twoLines.status == 1 && twoLines.stderr.contains("a title is one line"), "\(twoLines.stderr)")
        #expect(try Self.list(cli)[0]["title"] as? String == "Konsultationer i förskolor")
    }

    @Test func aMeasureWithoutATitleListsNull() throws {
        let cli = try CLIRunner()
        try "månad,planerade,inledda\n2021-01,4,14\n2021-02,3,16\n".write(toFile: cli.path("t.csv"), atomically: true, encoding: .utf8)
        let imported = try cli.run(["measures", "import", "t.csv", "--measure", "tidsplanerade-utredningar",
                                    "--value", "planerade", "--denominator", "inledda"])
        #expect(imported.status == 0 && !imported.stdout.contains("titled"), "\(imported.stderr)")
        let listed = try Self.list(cli)
        #expect(listed.count == 1 && listed[0]["title"] is NSNull)
    }
}
