import Foundation
import LogicModel
import Store
import Testing
@testable import Evaluation

/// Import validation: every problem located by line and column, nothing half-written,
/// nothing imported twice.
@Suite struct ReadinessImportTests {
    func expectRefused(_ w: ReadinessWorkspace, _ body: () throws -> Void) throws -> ReadinessImportError {
        do {
            try body()
        } catch let e as ReadinessImportError {
            #expect(try w.count("readiness_responses") == 0 && w.count("readiness_unit_means") == 0 && w.count("imports") == 0,
                    "something was written")
            return e
        }
        Issue.record("the import was not refused")
        return ReadinessImportError([])
    }

    @Test func respondentLevelImportStoresEveryAnswer() throws {
        let w = try ReadinessWorkspace()
        let outcome = try w.importFixture("wave-b.csv", wave: "wave-b")
        #expect(outcome.rows == 31 && outcome.units == ["U1", "U2", "U3", "U4"] && !outcome.aggregated)
        #expect(try w.count("readiness_responses") == 31 * 5)      // blanks kept as NULL
        #expect(outcome.record.target == "test-readiness wave-b")
    }

    @Test func outOfScaleValueIsRefusedWithLineAndColumn() throws {
        let w = try ReadinessWorkspace()
        let e = try expectRefused(w) { try w.importFixture("out-of-scale.csv", wave: "wave-b") }
        let p = try #require(e.problems.first)
        #expect(p.line == 2 && p.column == 6 && p.columnName == "c")
        #expect(p.description.hasPrefix("out-of-scale.csv:2:6: column 6 (c): 8 is outside the scale 1–7"))
    }

    @Test func nonIntegerAndTextAnswersAreRefused() throws {
        let w = try ReadinessWorkspace()
        let path = try w.write("bad.csv", "respondent,unit,a,b,c,d,e\n1,U1,4.5,5,5,5,5\n2,U1,ja,5,5,5,5\n")
        let e = try expectRefused(w) {
            try ReadinessImporter(w.database).importFile(path: path, displayName: "bad.csv", instrument: try w.instrument(), wave: "x", aggregated: false)
        }
        #expect(e.problems.count == 2)
        #expect(e.problems[0].line == 2 && e.problems[0].column == 3 && e.problems[0].message.contains("whole numbers"))
        #expect(e.problems[1].line == 3 && e.problems[1].message.contains("not a number"))
    }

    @Test func waveColumnMustAgreeWithTheWaveOption() throws {
        let w = try ReadinessWorkspace()
        let e = try expectRefused(w) { try w.importFixture("wave-mismatch.csv", wave: "2030-01") }
        #expect(e.problems.count == 1)
        #expect(e.problems[0].line == 3 && e.problems[0].column == 3 && e.problems[0].message.contains("2030-02"))
    }

    @Test func duplicateFileIsRefusedAndChangesNothing() throws {
        let w = try ReadinessWorkspace()
        try w.importFixture("wave-a.csv", wave: "wave-a")
        let before = try w.count("readiness_responses")
        #expect(throws: ImportLogError.self) { try w.importFixture("wave-a.csv", wave: "wave-a") }
        #expect(try w.count("readiness_responses") == before)
        #expect(try w.count("imports") == 1)
    }

    @Test func aCopyUnderAnotherWaveNameIsCaughtByItsWaveColumn() throws {
        let w = try ReadinessWorkspace()
        try w.importFixture("wave-a.csv", wave: "wave-a")
        #expect(throws: ReadinessImportError.self) { try w.importFixture("wave-a.csv", wave: "wave-c") }
    }

    @Test func respondentsAlreadyInTheWaveAreRefused() throws {
        let w = try ReadinessWorkspace()
        try w.importFixture("wave-a.csv", wave: "wave-a")
        let copy = try w.write("copy.csv", try String(contentsOfFile: ReadinessWorkspace.fixture("wave-a.csv"), encoding: .utf8) + "\n")
        do {
            try ReadinessImporter(w.database).importFile(path: copy, instrument: try w.instrument(), wave: "wave-a", aggregated: false)
            Issue.record("not refused")
        } catch let e as ReadinessImportError {
            #expect(e.problems[0].message.contains("already in wave wave-a"))
        }
        #expect(try w.count("imports") == 1)
    }

    @Test func unknownColumnIsRefusedNamingTheItems() throws {
        let w = try ReadinessWorkspace()
        let e = try expectRefused(w) { try w.importFixture("unknown-column.csv", wave: "wave-z") }
        #expect(e.problems.count == 1)
        #expect(e.problems[0].line == 1 && e.problems[0].column == 9 && e.problems[0].columnName == "f_unknown")
        #expect(e.problems[0].message.contains("a, b, c, d, e"))
    }

    @Test func missingUnitColumnIsRefused() throws {
        let w = try ReadinessWorkspace()
        let e = try expectRefused(w) { try w.importFixture("no-unit-column.csv", wave: "w") }
        #expect(e.problems.contains { $0.message.contains("no `unit` column") })
        #expect(e.problems.contains { $0.columnName == "avdelning" })   // `enhet` is read as unit (Swedish names)
    }

    @Test func duplicateRespondentAndBlankUnitAreRefused() throws {
        let w = try ReadinessWorkspace()
        let path = try w.write("dup.csv", "respondent;unit;a;b;c;d;e\n7;U1;4;5;5;5;5\n7;U1;4;5;5;5;5\n8;;4;5;5;5;5\n")
        let e = try expectRefused(w) {
            try ReadinessImporter(w.database).importFile(path: path, displayName: "dup.csv", instrument: try w.instrument(), wave: "x", aggregated: false)
        }
        #expect(e.problems.map(\.line) == [3, 4])
        #expect(e.problems[0].message.contains("line 2"))
    }

    @Test func identityNumbersAreNeverStored() throws {
        let w = try ReadinessWorkspace()
        // 19121212-1212 is Skatteverket's test personnummer (valid Luhn digit).
        let path = try w.write("pnr.csv", "respondent,unit,a,b,c,d,e\n19121212-1212,U1,4,5,5,5,5\n")
        let e = try expectRefused(w) {
            try ReadinessImporter(w.database).importFile(path: path, instrument: try w.instrument(), wave: "x", aggregated: false)
        }
        #expect(e.problems[0].message.contains("personnummer"))
        #expect(!e.description.contains("1212-1212"))
        #expect(IdentityNumberScanner.containsNumber("R-121212\u{2013}1212"))
        #expect(!IdentityNumberScanner.containsNumber("2022-001") && !IdentityNumberScanner.containsNumber("17"))
    }

    @Test func aWaveCannotMixLevels() throws {
        let w = try ReadinessWorkspace()
        let instrument = try w.instrument()
        let agg = try w.write("agg.csv", "unit,a,b,c,d,e\nU1,5,5,5,5,3\n")
        try ReadinessImporter(w.database).importFile(path: agg, instrument: instrument, wave: "wave-b", aggregated: true)
        #expect(throws: ReadinessImportError.self) { try w.importFixture("wave-b.csv", wave: "wave-b") }
        #expect(try w.count("readiness_responses") == 0)
    }

    @Test func aggregatedFilesHaveOneRowPerUnitAndNoRespondents() throws {
        let w = try ReadinessWorkspace()
        let instrument = try w.instrument()
        let twice = try w.write("twice.csv", "unit,a,b,c,d,e\nU1,5,5,5,5,3\nU1,5,5,5,5,3\n")
        let e1 = try expectRefused(w) { try ReadinessImporter(w.database).importFile(path: twice, instrument: instrument, wave: "w", aggregated: true) }
        #expect(e1.problems[0].line == 3)
        let withRespondent = try w.write("r.csv", "respondent,unit,a\n1,U1,5\n")
        let e2 = try expectRefused(w) { try ReadinessImporter(w.database).importFile(path: withRespondent, instrument: instrument, wave: "w", aggregated: true) }
        #expect(e2.problems[0].columnName == "respondent")
        let mean = try w.write("m.csv", "unit;a\nU1;7,5\n")
        let e3 = try expectRefused(w) { try ReadinessImporter(w.database).importFile(path: mean, instrument: instrument, wave: "w", aggregated: true) }
        #expect(e3.problems[0].message.contains("outside the scale"))
    }

    @Test func windows1252ExcelFileImports() throws {
        let w = try ReadinessWorkspace()
        let text = "respondent;unit;a;b;c;d;e\r\n1;Förebyggande;4;5;5;5;5\r\n"
        let path = w.directory.appendingPathComponent("excel.csv").path
        try text.data(using: .windowsCP1252)!.write(to: URL(fileURLWithPath: path))
        let outcome = try ReadinessImporter(w.database).importFile(path: path, instrument: try w.instrument(), wave: "x", aggregated: false)
        #expect(outcome.units == ["Förebyggande"])
    }

    @Test func undoRemovesTheWave() throws {
        let w = try ReadinessWorkspace()
        let outcome = try w.importFixture("wave-a.csv", wave: "wave-a")
        let undone = try ImportLog(w.database).undo(outcome.record.id)
        #expect(undone.deletedRows["readiness_responses"] == 28 * 5)
        #expect(try ReadinessRepository(w.database).waves(instrumentID: "test-readiness").isEmpty)
    }
}
