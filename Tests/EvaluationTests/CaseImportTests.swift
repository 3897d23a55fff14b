import Foundation
import LogicModel
import Periods
import Store
import Testing
@testable import Evaluation

@Suite("Case import")
struct CaseImportTests {
    static let header = "case_id;person_id;cohort;unit;area;gender;birth_year;referral_date;referral_reason;assessment_decision_date;investigation_start;investigation_end;caseworker_count;placerad;tid_timmar\n"

    /// Excel's "CSV (semikolonavgränsad)": Windows-1252, CRLF, decimal comma; both date
    /// forms; every gender form.
    @Test func defaultColumnsAsSwedishExcelWritesThem() throws {
        let bench = try CaseTestBench()
        let rows = [
            "A1;P1;testteamet;Testteamet;Vällingby;flicka;2010;2021-03-01;Oro för barnet;2021-03-10;2021-03-10;2021-06-01;2;0;12,5",
            "A2;P2;linjen;Utredning Råcksta;Råcksta;pojke;2012;20210302;Våld i nära relation;20210320;;;1;1;3",
            "A3;P3;linjen;Utredning Råcksta;Råcksta;annat;2009;2021-03-03;Övrigt;;;;1;;",
            "A4;P4;TESTTEAMET;Testteamet;Vällingby;girl;2011;2021-03-04;Övrigt;;;;;;",
            "A5;P5;linjen;U;Råcksta;boy;2011;2021-03-05;Övrigt;;;;;;",
            "A6;P6;linjen;U;Råcksta;other;2011;2021-03-06;Övrigt;;;;;;",
            "A7;P7;linjen;U;Råcksta;F;2011;2021-03-07;Övrigt;;;;;;",
            "A8;P8;linjen;U;Råcksta;M;2011;2021-03-08;Övrigt;;;;;;",
            "A9;P9;linjen;U;Råcksta;X;2011;2021-03-09;Övrigt;;;;;;",
            "A10;P10;linjen;U;Råcksta; Flicka ;2011;2021-03-10;Övrigt;;;;;;",
        ]
        let file = try bench.writeWindows1252("extract.csv", Self.header + rows.joined(separator: "\n") + "\n")
        let summary = try bench.importCases(file)
        #expect(summary.rows == 10)
        #expect(summary.pilotRows == 2)            // case-insensitive: TESTTEAMET
        #expect(summary.encoding == "windows1252")
        #expect(summary.extractDate == "2021-06-01")   // the latest date in the file
        #expect(summary.extractDateFrom == "latest_in_file")
        #expect(Set(summary.outcomes) == ["placerad", "tid_timmar"])
        let data = try bench.load()
        let byID = Dictionary(uniqueKeysWithValues: data.cases.map { ($0.caseID, $0) })
        #expect(data.pilotCohort == "testteamet")
        #expect(data.pilotStart == date("2020-01-01"))
        #expect(data.extractDate == date("2021-06-01"))
        #expect(byID.values.map(\.gender) .filter { $0 == .girl }.count == 4)  // flicka, girl, F, " Flicka "
        #expect(["A2", "A5", "A8"].allSatisfy { byID[$0]?.gender == .boy })
        #expect(["A3", "A6", "A9"].allSatisfy { byID[$0]?.gender == .other })
        let a1 = try #require(byID["A1"])
        #expect(a1.isPilot && a1.area == "Vällingby" && a1.referralReason == "Oro för barnet")
        #expect(a1.age == 11)                   // 2021 − 2010
        #expect(a1.values["tid_timmar"] == .number(12.5))
        #expect(a1.values["placerad"] == .number(0))
        #expect(a1.values["days_to_assessment"] == .duration(days: 9, observed: true))
        #expect(a1.values["investigation_days"] == .duration(days: 83, observed: true))   // 10 Mar → 1 Jun
        let a2 = try #require(byID["A2"])
        #expect(a2.referralDate == date("2021-03-02"))    // 20210302
        #expect(a2.values["days_to_assessment"] == .duration(days: 18, observed: true))
        #expect(a2.values["assessment_within_14d"] == .number(0))
        #expect(byID["A4"]!.isPilot)
        // A3: no decision by 2021-06-01 → censored at the extract date, 90 days.
        #expect(byID["A3"]!.values["days_to_assessment"] == .duration(days: 90, observed: false))
    }

    @Test func mappingNamesTheExportsColumns() throws {
        let bench = try CaseTestBench()
        let map = try bench.write("map.yaml", """
            schema: piloteval/case-mapping/v1
            columns:
              case_id: Ärendenummer
              person_id: Klient
              cohort: Organisation
              gender: Kön
              referral_date: Aktualiserad
            outcomes: [Poäng]
            text: [Anteckning]
            ignore: [Namn]
            gender_values: {Kvinna: girl, Man: boy}
            """)
        let file = try bench.write("x.csv", """
            \u{FEFF}Ärendenummer;Klient;Organisation;Kön;Aktualiserad;Poäng;Anteckning;Namn;Övrigt
            1;K1;testteamet;Kvinna;2021-01-05;3,5;Ring mamma om 811218-9876 imorgon;Anna Andersson;x
            2;K2;linjen;Man;2021-02-05;;;Bo Berg;y

            """)
        let mapping = try CaseMapping.read(path: map)
        let summary = try bench.importCases(file, mapping: mapping)
        #expect(summary.encoding == "utf8-bom")
        #expect(summary.columns["case_id"] == "Ärendenummer")
        #expect(summary.outcomes == ["Poäng"])
        #expect(summary.text == ["Anteckning"])
        #expect(Set(summary.notImported.map(\.column)) == ["Namn", "Övrigt"])
        let cases = try bench.load().cases.sorted { $0.caseID < $1.caseID }
        #expect(cases.map(\.gender) == [.girl, .boy])
        #expect(cases[0].values["Poäng"] == .number(3.5))
        #expect(cases[0].personKey == "K1")
        let texts = try bench.database.scalar("SELECT texts FROM cases WHERE case_id = '1'").string
        #expect(texts == #"{"Anteckning":"Ring mamma om [personnummer] imorgon"}"#)
        let bytes = try bench.databaseBytes()
        #expect(!bytes.contains("Andersson") && !bytes.contains("Bo Berg") && !bytes.contains("9876"))
    }

    @Test func mappingErrorsAreLocatedInTheMappingFile() throws {
        let bench = try CaseTestBench()
        let file = try bench.write("x.csv", "case_id;cohort\n1;linjen\n")
        let map = try bench.write("map.yaml", """
            schema: piloteval/case-mapping/v1
            columns:
              case_id: case_id
              referral_date: Aktualiseringsdatum
              colour: Färg
            sorting: [x]
            """)
        do {
            _ = try CaseMapping.read(path: map)
            Issue.record("unknown role and key accepted")
        } catch let e as ValidationFailure {
            let lines = e.errors.map { "\($0.location.line):\($0.location.column)" }
            #expect(lines.contains("5:3"))     // colour
            #expect(lines.contains("6:1"))     // sorting
        }
        let map2 = try bench.write("map2.yaml", """
            schema: piloteval/case-mapping/v1
            columns:
              case_id: case_id
              referral_date: Aktualiseringsdatum
            """)
        do {
            try bench.importCases(file, mapping: try CaseMapping.read(path: map2))
            Issue.record("a missing column was accepted")
        } catch let e as ValidationFailure {
            #expect(e.errors.count == 1)
            #expect(e.errors[0].location.line == 4 && e.errors[0].location.column == 18)
            #expect(e.errors[0].message.contains("\"Aktualiseringsdatum\" is not in x.csv"))
        }
        let wrongSchema = try bench.write("map3.yaml", "schema: piloteval/logic-model/v1\n")
        #expect(throws: ValidationFailure.self) { try CaseMapping.read(path: wrongSchema) }
        #expect(try bench.count("imports") == 0)
    }

    @Test func aBadCellFailsTheImportWithFileLineColumnAndNothingIsWritten() throws {
        let bench = try CaseTestBench()
        let file = try bench.write("x.csv", """
            case_id;cohort;referral_date;gender
            1;linjen;2021-03-01;girl
            2;linjen;2021-02-30;boy

            """)
        do {
            try bench.importCases(file)
            Issue.record("an impossible date was accepted")
        } catch let e as CSVError {
            #expect(e.line == 3)
            #expect(e.column == 10)
            #expect(e.description.hasPrefix("x.csv:3:10: referral_date: "))
            #expect(e.description.contains("no such day"))
        }
        let gender = try bench.write("g.csv", "case_id;cohort;gender\n1;linjen;kvinna\n")
        do {
            try bench.importCases(gender)
            Issue.record("an unknown gender form was accepted")
        } catch let e as CSVError {
            #expect(e.line == 2 && e.column == 10)
            #expect(e.message.contains("gender_values"))
        }
        let order = try bench.write("o.csv", "case_id;cohort;investigation_start;investigation_end\n1;linjen;2021-05-01;2021-04-01\n")
        #expect(throws: CSVError.self) { try bench.importCases(order) }
        let missing = try bench.write("m.csv", "id;cohort\n1;linjen\n")
        do {
            try bench.importCases(missing)
        } catch let e as CSVError {
            #expect(e.message.contains("no column for case_id"))
        }
        #expect(try bench.count("imports") == 0)
        #expect(try bench.count("cases") == 0)
    }

    @Test func sameFileTwiceDoesNothingTwice_duplicateCaseInAFileIsLocated() throws {
        let bench = try CaseTestBench()
        let file = try bench.write("x.csv", "case_id;cohort;referral_date\n1;linjen;2021-03-01\n")
        try bench.importCases(file)
        let copy = try bench.write("copy.csv", "case_id;cohort;referral_date\n1;linjen;2021-03-01\n")
        #expect(throws: ImportLogError.self) { try bench.importCases(copy) }
        #expect(try bench.count("cases") == 1)
        let twice = try bench.write("twice.csv", "case_id;cohort;referral_date\n7;linjen;2021-03-01\n8;linjen;2021-03-01\n7;linjen;2021-03-02\n")
        do {
            try bench.importCases(twice)
            Issue.record("a repeated case id was accepted")
        } catch let e as CSVError {
            #expect(e.line == 4)
            #expect(e.message.contains("occurs earlier"))
        }
        #expect(try bench.count("cases") == 1)
        #expect(try bench.count("imports") == 1)
    }

    /// Tertial snapshots: a later extract supersedes by case_id; undoing it brings the
    /// earlier snapshot back.
    @Test func laterExtractSupersedesAndUndoRestoresTheEarlierSnapshot() throws {
        let bench = try CaseTestBench()
        let t1 = try bench.write("t1.csv", """
            case_id;cohort;referral_date;investigation_start;investigation_end
            1;testteamet;2021-01-10;2021-01-20;
            2;linjen;2021-02-01;;

            """)
        let t2 = try bench.write("t2.csv", """
            case_id;cohort;referral_date;investigation_start;investigation_end
            1;testteamet;2021-01-10;2021-01-20;2021-06-20
            3;linjen;2021-07-01;;

            """)
        let first = try bench.importCases(t1, extractDate: date("2021-04-30"))
        let second = try bench.importCases(t2, extractDate: date("2021-08-31"))
        #expect(first.supersededCases == 0)
        #expect(second.supersededCases == 1)
        var data = try bench.load()
        var byID = Dictionary(uniqueKeysWithValues: data.cases.map { ($0.caseID, $0) })
        #expect(byID.keys.sorted() == ["1", "2", "3"])     // case 2 kept from T1
        #expect(byID["1"]!.values["investigation_days"] == .duration(days: 151, observed: true))
        #expect(data.extractDate == date("2021-08-31"))
        // Case 2 comes from T1 and is censored at T1's date: 2021-02-01 → 2021-04-30 is 88 days.
        #expect(byID["2"]!.values["days_to_assessment"] == .duration(days: 88, observed: false))

        try ImportLog(bench.database).undo(second.importID)
        data = try bench.load()
        byID = Dictionary(uniqueKeysWithValues: data.cases.map { ($0.caseID, $0) })
        #expect(byID.keys.sorted() == ["1", "2"])
        // Open at T1: 2021-01-20 → 2021-04-30 = 100 days, censored.
        #expect(byID["1"]!.values["investigation_days"] == .duration(days: 100, observed: false))
        #expect(data.extractDate == date("2021-04-30"))
        #expect(try bench.count("case_imports") == 1)
    }

    @Test func extractDateCensorsAndRefusesLaterDates() throws {
        let bench = try CaseTestBench()
        let file = try bench.write("x.csv", "case_id;cohort;referral_date;assessment_decision_date\n1;linjen;2021-03-01;\n2;linjen;2021-03-05;2021-03-25\n")
        do {
            try bench.importCases(file, extractDate: date("2021-03-20"))
            Issue.record("a date after the extract date was accepted")
        } catch let e as CSVError {
            #expect(e.line == 3)
            #expect(e.message.contains("after the extract date"))
        }
        let summary = try bench.importCases(file, extractDate: date("2021-04-10"))
        #expect(summary.extractDateFrom == "option")
        let one = try bench.load().cases.first { $0.caseID == "1" }!
        #expect(one.values["days_to_assessment"] == .duration(days: 40, observed: false))
        #expect(one.values["assessment_within_14d"] == .number(0))
    }
}
