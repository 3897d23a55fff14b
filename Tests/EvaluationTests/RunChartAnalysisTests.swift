import Foundation
import LogicModel
import Statistics
import Store
import Testing
@testable import Evaluation

@Suite struct RunChartAnalysisTests {
    func temporary(_ name: String, _ bytes: [UInt8]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pe-rc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Swedish Excel: `;`, Windows-1252 ("månad" with å = 0xE5), decimal comma, CRLF.
    @Test func readsExcelSwedishWithMonthsAndDecimalComma() throws {
        var bytes = Array("m".utf8) + [0xE5] + Array("nad;tid;kommentar\r\n".utf8)
        bytes += Array("2021-01;12,5;\r\n2021-02;14;ny rutin\r\n2021-03;;\r\n2021-04;9,25;\r\n".utf8)
        let path = try temporary("tid.csv", bytes)
        let s = try MeasureSeries.read(path: path, columns: .init(value: "tid"))
        #expect(s.points.map(\.label) == ["2021-01", "2021-02", "2021-03", "2021-04"])
        #expect(s.points.map(\.value) == [12.5, 14, nil, 9.25])
        #expect(s.points[1].note == "ny rutin")
        #expect(s.points[0].date?.iso == "2021-01-01")
    }

    @Test func isoWeeksAreMondays() {
        #expect(MeasureDate.parse("2021-W01").value?.iso == "2021-01-04")
        #expect(MeasureDate.parse("2021-v05").value?.iso == "2021-02-01")
        #expect(MeasureDate.parse("2020-W53").value?.iso == "2020-12-28")
        #expect(MeasureDate.parse("2021-W53").value == nil)   // 2021 has 52 weeks
        #expect(MeasureDate.parse("2021-03-05").value?.iso == "2021-03-05")
        #expect(MeasureDate.parse("2021-T2").value?.iso == "2021-05-01")
        #expect(MeasureDate.parse("5/3/2021").reason != nil)
    }

    @Test func badCellsAreLocated() throws {
        let path = try temporary("x.csv", Array("datum;antal\n2021-01-04;3\n2021-01-11;tre\n".utf8))
        #expect {
            try MeasureSeries.read(path: path, columns: .init(value: "antal"))
        } throws: { ($0 as? AnalysisInputError)?.message.contains("x.csv:3:2: value") == true }
        let neg = try temporary("n.csv", Array("datum;a;n\n2021-01-04;3;-1\n".utf8))
        #expect {
            try MeasureSeries.read(path: neg, columns: .init(value: "a", denominator: "n"))
        } throws: { ($0 as? AnalysisInputError)?.message.contains("n.csv:2:3: the denominator is negative") == true }
    }

    /// qicharts2 aggregates rows with the same x: sums for numerator/denominator.
    @Test func sameDatesAreCombinedAsQicharts2() throws {
        let path = try temporary("p.csv", Array("month,k,n\n2021-02,1,4\n2021-01,2,5\n2021-02,3,6\n".utf8))
        let s = try MeasureSeries.read(path: path, columns: .init(value: "k", denominator: "n"))
        #expect(s.points.map(\.label) == ["2021-01", "2021-02"])
        #expect(s.points[1].value == 4 && s.points[1].denominator == 10)
        #expect(s.notes.first?.contains("combined per date") == true)
    }

    @Test func jsonHasTheIssuesKeys() throws {
        let series = MeasureSeries(name: "m", points: (1...12).map {
            .init(label: "2021-\($0 < 10 ? "0" : "")\($0)", date: nil, value: Double($0))
        }, hasDenominator: false)
        let result = try RunChartAnalysis.analyse(series, options: .init(chart: .run))
        let data = try JSONEncoder().encode(result)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["chart", "n", "n_useful", "median", "longest_run", "longest_run_max", "crossings", "crossings_min", "runs_signal", "points"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        #expect(json["median"] as? Double == 6.5)
        #expect(json["runs_signal"] as? Bool == true)
        let point = try #require((json["points"] as? [[String: Any]])?.first)
        for key in ["x", "y", "phase", "cl", "lcl", "ucl", "signal"] { #expect(point[key] != nil, "point lacks \(key)") }
        #expect(point["lcl_note"] as? String == "a run chart has no control limits")
    }

    @Test func controlChartMedianIsNullWithANote() throws {
        let series = MeasureSeries(name: "m", points: [3, 5, 4, 6, 5, 4, 7, 5].map { .init(label: "", date: nil, value: $0) },
                                   hasDenominator: false)
        let result = try RunChartAnalysis.analyse(series, options: .init(chart: .i))
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(result)) as? [String: Any])
        #expect(json["median"] is NSNull)
        #expect((json["median_note"] as? String)?.contains("centre line") == true)
        #expect(json["centre"] as? Double == 39.0 / 8)
    }

    @Test func pChartRefusesNumeratorAboveDenominator() {
        let series = MeasureSeries(name: "m", points: [.init(label: "a", date: nil, value: 5, denominator: 4, line: 2)],
                                   hasDenominator: true)
        #expect(throws: AnalysisInputError.self) { try RunChartAnalysis.analyse(series, options: .init(chart: .p)) }
        let plain = MeasureSeries(name: "m", points: [.init(label: "a", date: nil, value: 5)], hasDenominator: false)
        #expect(throws: AnalysisInputError.self) { try RunChartAnalysis.analyse(plain, options: .init(chart: .u)) }
    }

    @Test func importStoresOnceAndRefusesDuplicates() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pe-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let db = try Database(path: dir.appendingPathComponent("t.db").path)
        let a = try temporary("a.csv", Array("vecka;antal\n2021-v01;2\n2021-v02;3\n".utf8))
        let importer = MeasureImporter(db)
        let outcome = try importer.importFile(path: a, measure: "konsult", value: "antal")
        #expect(outcome.record.rowCount == 2 && outcome.record.kind == "measures")
        #expect(throws: AnalysisInputError.self) { try importer.importFile(path: a, measure: "konsult", value: "antal") }
        // Another file with an overlapping week: refused, nothing written.
        let b = try temporary("b.csv", Array("vecka;antal\n2021-v03;1\n2021-v02;5\n".utf8))
        #expect {
            try importer.importFile(path: b, measure: "konsult", value: "antal")
        } throws: { ($0 as? AnalysisInputError)?.message.contains("b.csv:3: measure konsult already has a value for 2021-v02") == true }
        #expect(try MeasureTable(db).values(of: "konsult").count == 2)
        #expect(try ImportLog(db).list().count == 1)
        // Same date twice in one file.
        let c = try temporary("c.csv", Array("vecka;antal\n2021-v05;1\n2021-v05;2\n".utf8))
        #expect { try importer.importFile(path: c, measure: "annan", value: "antal") } throws: {
            ($0 as? AnalysisInputError)?.message.contains("c.csv:3: 2021-v05 is already given on line 2") == true
        }
        let series = try importer.series("konsult")
        #expect(series.points.map(\.value) == [2, 3] && series.points[0].date?.iso == "2021-01-04")
        // Undo takes the rows back.
        _ = try ImportLog(db).undo(outcome.record.id)
        #expect(try MeasureTable(db).values(of: "konsult").isEmpty)
    }

    /// A measure belongs to the models whose cycles watch it or whose indicators read it;
    /// one no model claims is shown for every model (a database of one pilot).
    @Test func aMeasureBelongsToTheModelsThatClaimIt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pe-claim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let db = try Database(path: dir.appendingPathComponent("t.db").path)
        for (name, measure) in [("a", "konsult"), ("b", "fri")] {
            _ = try MeasureImporter(db).importFile(path: try temporary("\(name).csv", Array("vecka;antal\n2021-v01;2\n".utf8)),
                                                   measure: measure, value: "antal")
        }
        func model(_ id: String, binding: String?) -> String {
            """
            schema: piloteval/logic-model/v1
            id: \(id)
            name: \(id)
            goals:
              - {id: G1, title: Mål}
            indicators:
              - id: I1
                title: Konsultationer
                measures: G1
                unit: count
                direction: increase
                targets: [{period: "2021", rule: improve}]
            """ + (binding.map { "\n    data: {measure: \($0)}" } ?? "") + "\n"
        }
        _ = try ModelCatalog(db).add(content: model("pilot-a", binding: "konsult"), name: "a.yaml")
        _ = try ModelCatalog(db).add(content: model("pilot-b", binding: nil), name: "b.yaml")
        #expect(try PDSACatalog(db).measures(of: "pilot-a").sorted() == ["fri", "konsult"])
        #expect(try PDSACatalog(db).measures(of: "pilot-b") == ["fri"])
    }

    @Test func pdsaCatalogChecksRampsAndActivities() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pe-pdsa-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let db = try Database(path: dir.appendingPathComponent("t.db").path)
        func cycle(_ id: String, previous: String?, activity: String = "A1") throws -> String {
            let path = dir.appendingPathComponent("\(id).yaml").path
            try """
            schema: piloteval/pdsa/v1
            id: \(id)
            title: T \(id)
            activity: \(activity)
            change_idea: C
            measure: m
            \(previous.map { "previous: \($0)" } ?? "")
            plan: {prediction: P}
            do: {start: 2021-03-01, end: 2021-03-20}
            act: {decision: adapt}
            """.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let catalog = PDSACatalog(db)
        // A ramp whose first cycle is missing is refused; nothing is stored.
        #expect(throws: ValidationFailure.self) { try catalog.add(paths: [try cycle("b", previous: "a")]) }
        #expect(try catalog.all().isEmpty)
        // Both in one command: fine, and the ramp reads a → b → c.
        _ = try catalog.add(paths: [try cycle("a", previous: nil), try cycle("b", previous: "a")])
        _ = try catalog.add(paths: [try cycle("c", previous: "b")])
        #expect(try catalog.ramp(of: "b").map(\.id) == ["a", "b", "c"])
        let again = try catalog.add(paths: [try cycle("c", previous: "b")])
        #expect(again.first?.outcome == .unchanged(version: 1))
    }
}
