import Foundation
@testable import Presentation
@testable import Reports
import Testing

/// `report verify`: a fresh report agrees with the database; a hand-edited one does not.
@Suite struct VerifyTests {
    func roundTrip(_ record: ReportRecord) throws -> ReportRecord {
        try JSONWriter.read(try JSONWriter.write(record), name: "r.json")
    }

    @Test func freshReportVerifies() throws {
        let fixture = try ReportFixture()
        for kind in ReportKind.allCases {
            let record = try roundTrip(fixture.build(kind).record)
            let outcome = try ReportVerifier.verify(record, database: fixture.database)
            #expect(outcome.differences.isEmpty, "\(kind): \(outcome.differences)")
            #expect(outcome.figuresChecked > (kind == .steering ? 0 : 5))
        }
    }

    @Test func handEditedFiguresAreListed() throws {
        let fixture = try ReportFixture()
        let json = String(decoding: try JSONWriter.write(fixture.build().record), as: UTF8.self)
        // Change the income total as someone tidying the numbers by hand might.
        let edited = json.replacingOccurrences(of: "\"income_total\" : 1150000", with: "\"income_total\" : 1500000")
        #expect(edited != json)
        let outcome = try ReportVerifier.verify(JSONWriter.read(Data(edited.utf8), name: "r.json"), database: fixture.database)
        #expect(outcome.differences.map(\.path) == ["results.budget.income_total"])
        #expect(outcome.differences.first?.description == "results.budget.income_total: report says 1500000, recomputed 1150000")
    }

    @Test func editedBudgetLineAndModelHashAreCaught() throws {
        let fixture = try ReportFixture()
        var record = try roundTrip(fixture.build().record)
        record.inputs.budget!.lines[0].amount = 600_000     // the lines no longer add up to the stated sum
        record.model.sha256 = String(repeating: "0", count: 64)
        let outcome = try ReportVerifier.verify(record, database: fixture.database)
        let paths = outcome.differences.map(\.path)
        #expect(paths.contains("model.sha256"))
        #expect(paths.contains("results"))       // the budget cannot be recomputed: its sums disagree
    }

    @Test func jsonCarriesProvenance() throws {
        let fixture = try ReportFixture()
        let object = try JSONSerialization.jsonObject(with: JSONWriter.write(fixture.build().record)) as! [String: Any]
        #expect(object["schema"] as? String == "piloteval/report/v1")
        let model = object["model"] as! [String: Any]
        #expect(model["id"] as? String == "testteamet")
        #expect((model["sha256"] as? String)?.count == 64)
        #expect((object["tool"] as! [String: Any])["version"] as? String == "test")
        #expect(object["generated_at"] as? String == "2022-02-27T22:00:00Z")
        #expect(object["data_files"] is [Any])
        let parameters = object["parameters"] as! [String: Any]
        #expect(parameters["suppression_threshold"] as? Int == 5)
        let results = object["results"] as! [String: Any]
        #expect(Set(results.keys) == ["budget", "logic_model", "gender_breakdowns", "indicators", "pilot_vs_line", "readiness", "improvement"])
        let gender = results["gender_breakdowns"] as! [String: Any]
        #expect((gender["indicators"] as! [[String: Any]]).first?["indicator"] as? String == "I1")
    }
}
