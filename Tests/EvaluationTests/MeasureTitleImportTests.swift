import Evaluation
import Foundation
import Store
import Testing

/// `measures import --title`: a measure named for people, from a file as users have
/// them (Swedish Excel's `;`, UTF-8 with BOM, CRLF, Swedish column names and comments).
@Suite struct MeasureTitleImportTests {
    func temporary(_ name: String, _ text: String) throws -> (db: Database, path: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pe-title-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        try Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)).write(to: URL(fileURLWithPath: path))
        return (try Database(path: dir.appendingPathComponent("t.db").path), path)
    }

    static let weeks = "vecka;konsultationer;kommentar\r\n2021-v02;1;\r\n2021-v03;1;walk-and-talk på förskolan\r\n"
        + "2021-v04;2;tematräff om svåra samtal\r\n"

    @Test func aSemicolonFileImportsWithASwedishTitle() throws {
        let (db, path) = try temporary("genombrott-konsultation-förskolor.csv", Self.weeks)
        let outcome = try MeasureImporter(db).importFile(path: path, measure: "forskolekonsultationer", value: "konsultationer",
                                                         counts: .events, title: "Konsultation till förskolor")
        #expect(outcome.record.rowCount == 3 && outcome.title == "Konsultation till förskolor")
        let listed = try #require(try MeasureTable(db).list().first)
        #expect(listed.measure == "forskolekonsultationer" && listed.title == "Konsultation till förskolor" && listed.countsEvents)
        #expect(try MeasureTable(db).values(of: "forskolekonsultationer").map(\.note)
                == [nil, "walk-and-talk på förskolan", "tematräff om svåra samtal"])
        // ImprovementData, which reports and pages read, carries it.
        let data = try ImprovementData.load(db, modelID: "vallingbyteamet")
        #expect(data.measures.map(\.summary.title) == ["Konsultation till förskolor"])
    }

    @Test func aLaterImportWithoutATitleKeepsTheMeasuresTitle() throws {
        let (db, path) = try temporary("v1.csv", Self.weeks)
        let later = (path as NSString).deletingLastPathComponent + "/v2.csv"
        try Data(([0xEF, 0xBB, 0xBF] as [UInt8]) + Array("vecka;konsultationer;kommentar\r\n2021-v05;3;\r\n".utf8))
            .write(to: URL(fileURLWithPath: later))
        let importer = MeasureImporter(db)
        _ = try importer.importFile(path: path, measure: "forskolekonsultationer", value: "konsultationer",
                                    title: "Konsultation till förskolor")
        let second = try importer.importFile(path: later, measure: "forskolekonsultationer", value: "konsultationer")
        #expect(second.title == "Konsultation till förskolor")
        #expect(try MeasureTable(db).title(of: "forskolekonsultationer") == "Konsultation till förskolor")
        // A measure never titled is imported without one.
        let other = try importer.importFile(path: later, measure: "annat-matt", value: "konsultationer")
        #expect(other.title == nil)
    }

    @Test func aBadTitleIsRefusedNamingTheFileAndNothingIsImported() throws {
        let (db, path) = try temporary("konsultationer.csv", Self.weeks)
        #expect {
            try MeasureImporter(db).importFile(path: path, measure: "forskolekonsultationer", value: "konsultationer",
                                               title: "Konsultation\ntill förskolor")
        } throws: { error in
            let message = (error as? AnalysisInputError)?.message ?? ""
            return message.hasPrefix(path + ": measure title") && message.contains("one line")
        }
        #expect(try MeasureTable(db).list().isEmpty && ImportLog(db).list().isEmpty)
    }
}
