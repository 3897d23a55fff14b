import Foundation
import LogicModel
import Periods
import Store
import Testing
@testable import Evaluation

/// Identity numbers inside the text of a case extract, and the robustness rules that
/// came with them (docs/privacy.md, docs/cases.md).
@Suite("Case import: numbers inside text, implausible input")
struct CaseImportInboundTests {
    let key = PseudonymKey(bytes: Array(100..<132) as [UInt8])

    @Test func numbersInsideIdsArePseudonymisedAndElsewhereMasked() throws {
        let bench = try CaseTestBench()
        let a = identity("20120514", serial: 482), b = identity("20131212", serial: 914)
        let a10 = String(a.dropFirst(2))              // 120514-4825
        let file = try bench.write("x.csv", """
            case_id;cohort;unit;area;referral_reason;referral_date
            BU-\(a10);linjen;Enhet \(b);Vällingby;syskon \(a10.replacingOccurrences(of: "-", with: "\u{2013}"));2021-03-01
            BU-\(b);linjen;Linjen;Område 120514-4826;Orosanmälan;2021-03-02
            BU-3;linjen;Linjen;Vällingby;Orosanmälan;2021-03-03

            """)
        // Without a key a case id with a number inside is refused at its row, unquoted.
        do {
            try bench.importCases(file)
            Issue.record("a case id with an identity number was imported without a key")
        } catch let e as CSVError {
            #expect(e.line == 2 && e.column == 1)
            #expect(e.message.contains("--key-file"))
            #expect(!e.description.contains("4825") && !e.description.contains("9149"))
        }
        #expect(try bench.count("imports") == 0)

        let summary = try bench.importCases(file, key: key)
        let cases = try bench.load().cases.sorted { $0.caseID < $1.caseID }
        #expect(cases.count == 3)
        // The number inside the id is its pseudonym, the same as in an identity column.
        let pseudonymA = key.pseudonym(of: try #require(IdentityNumber(a, reference: CaseTestBench.today)))
        #expect(cases.contains { $0.caseID == "BU-p:\(pseudonymA)" })
        #expect(Set(cases.map(\.caseID)).count == 3)
        #expect(summary.warnings.contains { $0.contains("\"case_id\": 2 values") && $0.contains("pseudonym") })
        #expect(summary.warnings.contains { $0.contains("\"unit\": 1 value") && $0.contains("[personnummer]") })
        #expect(summary.warnings.contains { $0.contains("\"area\": 1 value") })            // the mistyped number
        #expect(summary.warnings.contains { $0.contains("\"referral_reason\": 1 value") })
        let bytes = try bench.databaseBytes()
        for digits in ["1205144825", "1312129149", "1205144826", "4825", "9149"] {
            #expect(!bytes.contains(digits), "\(digits) reached the database")
        }
        #expect(bytes.contains("Enhet [personnummer]"))
        #expect(bytes.contains("syskon [personnummer]"))
    }

    @Test func implausibleDatesFailTheirRow() throws {
        let bench = try CaseTestBench()
        for (bad, expected) in [("1899-12-31", "before 1900"), ("2202-03-01", "after today")] {
            let file = try bench.write("d.csv", "case_id;cohort;referral_date\n1;linjen;2021-03-01\n2;linjen;\(bad)\n")
            do {
                try bench.importCases(file)
                Issue.record("\(bad) was imported")
            } catch let e as CSVError {
                #expect(e.line == 3 && e.message.contains(expected), "\(e.message)")
            }
        }
        // --extract-date stays the override: a date up to it is fine, even after today.
        let file = try bench.write("e.csv", "case_id;cohort;referral_date\n1;linjen;2025-03-01\n")
        try bench.importCases(file, extractDate: date("2025-12-31"))
        #expect(try bench.count("cases") == 1)
    }

    /// A text in a column of numbers gets the same located error in row 5 as in row
    /// 1 500 (it used to drop the whole column silently when it came early).
    @Test func aTextInANumericOutcomeIsAnErrorWhereverItIs() throws {
        for textRow in [5, 1_500] {
            let bench = try CaseTestBench()
            var text = "case_id;cohort;referral_date;poäng\n"
            for i in 1...2_000 { text += "\(i);linjen;2021-03-01;\(i == textRow ? "tre" : String(i % 5))\n" }
            let file = try bench.write("m.csv", text)
            do {
                try bench.importCases(file)
                Issue.record("row \(textRow): imported")
            } catch let e as CSVError {
                #expect(e.line == textRow + 1, "\(e.description)")
                #expect(e.column == "\(textRow);linjen;2021-03-01;".count + 1)
                #expect(e.message.contains("\"tre\" is not a number"), "\(e.message)")
            }
            #expect(try bench.count("cases") == 0)
        }
        // A column mostly of text is text: not imported, no error.
        let bench = try CaseTestBench()
        let file = try bench.write("n.csv", "case_id;cohort;referral_date;anteckning\n1;linjen;2021-03-01;samtal\n2;linjen;2021-03-01;2\n3;linjen;2021-03-01;möte\n")
        let summary = try bench.importCases(file)
        #expect(summary.notImported.map(\.column) == ["anteckning"])
    }

    @Test func twoRolesOnOneColumnIsAMappingError() throws {
        let bench = try CaseTestBench()
        let file = try bench.write("r.csv", "id;cohort;referral_date\n1;linjen;2021-03-01\n")
        let map = try bench.write("m.yaml", """
            schema: piloteval/case-mapping/v1
            columns:
              case_id: id
              person_id: id

            """)
        do {
            try bench.importCases(file, mapping: try CaseMapping.read(path: map))
            Issue.record("two roles on one column were accepted")
        } catch let e as ValidationFailure {
            #expect(e.description.contains("already mapped to `case_id`"), "\(e.description)")
            #expect(e.description.contains("m.yaml:4"), "\(e.description)")
        }
    }
}
