import Foundation
import Testing

/// `counts: events` from the command line (DESIGN §3.1): a model's indicator key,
/// checked and located by `model validate`, and `measures import --counts`, kept for
/// every import of the measure and shown by `measures list`.
@Suite struct CountsCommandTests {
    static func model(counts: String) -> String {
        """
        schema: piloteval/logic-model/v1
        id: konsultteamet
        name: Konsultteamet
        goals:
          - {id: G1, title: Förskolor får stöd}
        indicators:
          - id: I1
            title: Antal konsultationer till förskolor
            measures: G1
            unit: count
            direction: increase
            counts: \(counts)

        """
    }

    @Test func modelValidateAcceptsEventsAndLocatesAnythingElse() throws {
        let cli = try CLIRunner()
        try Self.model(counts: "events").write(toFile: cli.path("ok.yaml"), atomically: true, encoding: .utf8)
        let ok = try cli.run(["model", "validate", "ok.yaml"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let shown = try cli.run(["model", "show", "ok.yaml", "--format", "json"])
        #expect(shown.status == 0 && shown.stdout.contains("\"counts\" : \"events\""), "\(shown.stderr)")

        try Self.model(counts: "visits").write(toFile: cli.path("bad.yaml"), atomically: true, encoding: .utf8)
        let bad = try cli.run(["model", "validate", "bad.yaml"])
        #expect(bad.status == 1)
        // `    counts: visits` is line 12; the value starts at column 13.
        #expect(bad.stderr.contains("bad.yaml:12:13: error: [I1] `counts` is \"visits\"; it must be one of: persons, events"),
                "\(bad.stderr)")
    }

    @Test func measuresImportKeepsWhatAMeasureCounts() throws {
        let cli = try CLIRunner()
        try "vecka,konsultationer\n2021-01-04,3\n2021-01-11,2\n".write(toFile: cli.path("v1.csv"), atomically: true, encoding: .utf8)
        try "vecka,konsultationer\n2021-01-18,4\n".write(toFile: cli.path("v2.csv"), atomically: true, encoding: .utf8)
        try "vecka,konsultationer\n2021-01-25,1\n".write(toFile: cli.path("v3.csv"), atomically: true, encoding: .utf8)
        let first = try cli.run(["measures", "import", "v1.csv", "--measure", "konsultationer", "--value", "konsultationer",
                                 "--date", "vecka", "--counts", "events"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("imported 2 values of konsultationer") && first.stdout.contains("it counts events"))

        // Without --counts a stored measure keeps what it counts.
        let second = try cli.run(["measures", "import", "v2.csv", "--measure", "konsultationer", "--value", "konsultationer",
                                  "--date", "vecka"])
        #expect(second.status == 0 && second.stdout.contains("it counts events"), "\(second.stderr)")

        // Saying otherwise is refused, naming the import that says events; nothing is stored.
        let third = try cli.run(["measures", "import", "v3.csv", "--measure", "konsultationer", "--value", "konsultationer",
                                 "--date", "vecka", "--counts", "persons"])
        #expect(third.status == 1)
        #expect(third.stderr.contains("measure konsultationer is stored as counting events (import 1), not persons; nothing was imported"),
                "\(third.stderr)")

        let list = try cli.run(["measures", "list", "--format", "json"])
        let measures = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(measures.count == 1 && measures[0]["points"] as? Int == 3)
        #expect(measures[0]["counts"] as? String == "events" && measures[0]["imports"] as? [Int] == [1, 2])
        let table = try cli.run(["measures", "list"])
        #expect(table.stdout.contains("counts") && table.stdout.contains("events"))

        // A new measure counts persons unless told; a value other than persons|events is a usage error.
        let persons = try cli.run(["measures", "import", "v3.csv", "--measure", "barn", "--value", "konsultationer", "--date", "vecka"])
        #expect(persons.status == 0 && !persons.stdout.contains("counts events"), "\(persons.stderr)")
        let personsList = try #require(try JSONSerialization.jsonObject(
            with: Data(cli.run(["measures", "list", "--format", "json"]).stdout.utf8)) as? [[String: Any]])
        #expect(personsList.first { $0["measure"] as? String == "barn" }?["counts"] as? String == "persons")
        let wrong = try cli.run(["measures", "import", "v3.csv", "--measure", "other", "--value", "konsultationer",
                                 "--date", "vecka", "--counts", "visits"])
        #expect(wrong.status == 64, "\(wrong.stderr)")
    }
}
