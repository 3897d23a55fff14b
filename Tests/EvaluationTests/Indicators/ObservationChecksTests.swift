import Testing
@testable import Evaluation
import LogicModel
import Store

/// The import checks: errors name the line; warnings are kept. The seeds' own
/// inconsistencies are test cases here.
@Suite struct ObservationChecksTests {
    static let yaml = """
        schema: piloteval/logic-model/v1
        id: checks
        name: Checks
        period: {start: 2022-01-01, end: 2022-12-31}
        goals: [{id: G1, title: Goal}]
        outcomes: [{id: O1, title: Outcome, contributes_to: [G1]}]
        indicators:
          - {id: P, title: Share, measures: O1, unit: percent, direction: increase, breakdowns: {gender: [girls, boys]}}
          - {id: C, title: Count, measures: O1, unit: count, direction: increase, breakdowns: {gender: [girls, boys, other]}}
          - {id: M, title: Mean, measures: O1, unit: mean, direction: increase}
        """

    func check(_ csv: String) throws -> ObservationCheckResult {
        ObservationChecks.check(try IndicatorFixtures.rows(csv), model: try IndicatorFixtures.model(Self.yaml), file: "obs.csv")
    }

    /// 000 l. 126: "286 ungdomar varav 124 flickor och 135 pojkar" — 124 + 135 = 259 ≠ 286.
    @Test func seed000PartsDoNotSumToTotal() throws {
        let (_, checked) = try IndicatorFixtures.seedObservations("forebyggande-och-behandling-2022")
        let w = checked.warnings.filter { $0.indicator == "I17" }
        #expect(w.count == 1)
        #expect(w.first?.kind == .partsDoNotSumToTotal)
        #expect(w.first?.message.contains("124 (girls) + 135 (boys) = 259, but the total is 286") == true)
        #expect(w.first?.lines.count == 3)
    }

    /// 002 l. 523: I6 total 75.11 % below both boys 78.22 % and girls 81.11 %.
    @Test func seed002TotalBelowBothParts() throws {
        let (_, checked) = try IndicatorFixtures.seedObservations("familjeenheten-2022")
        #expect(checked.warnings.count == 1)
        let w = try #require(checked.warnings.first)
        #expect(w.kind == .totalOutsideParts)
        #expect(w.indicator == "I6")
        #expect(w.period.text == "2022")
        #expect(w.message.contains("75.11 lies below every part"))
    }

    @Test func seed001IsConsistentApartFromHistory() throws {
        let (_, checked) = try IndicatorFixtures.seedObservations("vuxenenheten-2020")
        // 22.64 lies between 19.42 and 24.69; 50 between 42.9 and 52.2. Only rows for 2018
        // (outside the 2020 model, no target or baseline then) warn about their period.
        #expect(checked.warnings.allSatisfy { $0.kind == .periodOutsideModel && $0.period.text == "2018" })
        // I11 has its baseline in 2018, so only I4 and I14 warn.
        #expect(checked.warnings.map(\.indicator).sorted() == ["I14", "I4"])
    }

    @Test func additiveCountsOverAndUnderTheTotal() throws {
        let over = try check("indicator,period,group,value\nC,2022,total,10\nC,2022,girls,6\nC,2022,boys,5\n")
        #expect(over.warnings.map(\.kind) == [.partsDoNotSumToTotal])
        #expect(over.warnings[0].message.contains("exceed the total by 1"))
        let under = try check("indicator,period,group,value\nC,2022,total,10\nC,2022,girls,4\nC,2022,boys,5\n")
        #expect(under.warnings[0].message.contains("1 not in any part (no row for other)"))
        let exact = try check("indicator,period,group,value\nC,2022,total,10\nC,2022,girls,4\nC,2022,boys,5\nC,2022,other,1\n")
        #expect(exact.warnings.isEmpty)
    }

    @Test func countsBehindAPercentageAreSummed() throws {
        let r = try check("""
            indicator,period,group,value,numerator,denominator
            P,2022,total,,30,60
            P,2022,girls,,10,20
            P,2022,boys,,21,40
            """)
        // Numerators 10 + 21 = 31 ≠ 30; denominators 20 + 40 = 60 agree. Total 50 % lies
        // between 50 % and 52.5 %, so no range warning.
        #expect(r.warnings.map(\.kind) == [.partsDoNotSumToTotal])
        #expect(r.warnings[0].message.contains("numerators"))
    }

    @Test func totalOutsidePartsAllowsRounding() throws {
        // 50 written without decimals is within half a unit of 50.4: not flagged.
        #expect(try check("indicator,period,group,value\nP,2022,total,50\nP,2022,girls,50.4\nP,2022,boys,60\n").warnings.isEmpty)
        let r = try check("indicator,period,group,value\nP,2022,total,61\nP,2022,girls,50\nP,2022,boys,60\n")
        #expect(r.warnings.map(\.kind) == [.totalOutsideParts])
        #expect(r.warnings[0].message.contains("above every part"))
        // A mean follows the same rule.
        #expect(try check("indicator,period,group,value\nM,2022,total,2\nM,2022,girls,3\nM,2022,boys,4\n").warnings.map(\.kind) == [.totalOutsideParts])
    }

    @Test func percentOutOfRangeAndValueAgainstCounts() throws {
        let r = try check("""
            indicator,period,group,value,numerator,denominator
            P,2022,total,101,,
            P,2022-T1,total,,12,10
            P,2022-T2,total,41,142,346
            P,2022-T3,total,42,142,346
            """)
        #expect(r.warnings.map(\.kind) == [.percentOutOfRange, .percentOutOfRange, .valueDisagreesWithCounts])
        #expect(r.warnings[0].lines == [2])
        #expect(r.warnings[1].message.contains("120.0 % lies outside 0–100 (12/10)"))
        // 142/346 = 41.04 % reads as 41 at the value's precision, not 42.
        #expect(r.warnings[2].lines == [5])
    }

    /// Figures in messages are rounded as a person reads them: a value at the precision
    /// it was written with, one computed from counts to one decimal, sums at the finest
    /// precision of their parts — never a raw float such as 116.66666666666667.
    @Test func figuresInWarningsAreRounded() throws {
        let r = try check("""
            indicator,period,group,value,numerator,denominator
            P,2022-T1,total,,7,6
            P,2022-T2,total,101.25,,
            P,2022-T3,total,42,142,346
            """)
        #expect(r.warnings.map(\.message) == [
            "P 2022-T1 total: 116.7 % lies outside 0–100 (7/6)",
            "P 2022-T2 total: 101.25 % lies outside 0–100",
            "P 2022-T3 total: value 42 disagrees with 142/346 = 41.0 %",
        ])
        let sums = try check("indicator,period,group,value\nC,2022,total,0.3\nC,2022,girls,0.1\nC,2022,boys,0.25\n")
        #expect(sums.warnings.map(\.message) == [
            "C 2022: gender parts 0.1 (girls) + 0.25 (boys) = 0.35, but the total is 0.3; the parts exceed the total by 0.05",
        ])
        let outside = try check("indicator,period,group,value,numerator,denominator\nP,2022,total,,2,3\nP,2022,girls,,1,6\nP,2022,boys,50,,\n")
        #expect(outside.warnings.map(\.message).contains(
            "P 2022: the total 66.7 lies above every part (girls 16.7, boys 50); a total of a percent lies between its parts, so one figure is probably wrong"))
    }

    @Test func periodOutsideTheModel() throws {
        let r = try check("indicator,period,group,value\nP,2012,total,50\nP,2022-T2,total,50\n")
        #expect(r.warnings.map(\.kind) == [.periodOutsideModel])
        #expect(r.warnings[0].message.contains("2022-01-01–2022-12-31"))
    }

    @Test func unknownIndicatorBadGroupAndDuplicateAreErrorsWithLines() throws {
        let r = try check("""
            indicator,period,group,value
            P,2022,total,50
            X9,2022,total,50
            P,2022,women,50
            P,2022,TOTAL,51
            P,2022,flickor,40
            """)
        #expect(r.errors.map(\.line) == [3, 4, 5])
        #expect(r.errors[0].description.hasPrefix("obs.csv:3: indicator \"X9\" is not in model checks"))
        #expect(r.errors[1].message.contains("group \"women\" is not a breakdown of P; write one of total, girls, boys"))
        #expect(r.errors[2].message.contains("already given on line 2"))
        // The Swedish "flickor" is read as girls.
        #expect(r.observations.last?.group == "girls")
    }

    /// A model that writes its breakdowns in Swedish reads observations in either
    /// language, both stored under the standard values.
    @Test func swedishBreakdownsInTheModelMatchEitherSpellingInTheFile() throws {
        let model = try IndicatorFixtures.model("""
            schema: piloteval/logic-model/v1
            id: sv
            name: Sv
            goals: [{id: G1, title: Goal}]
            outcomes: [{id: O1, title: Outcome, contributes_to: [G1]}]
            indicators:
              - {id: P, title: Share, measures: O1, unit: percent, direction: increase, breakdowns: {gender: [flickor, pojkar]},
                 targets: [{period: "2022", rule: ">= 50"}]}
            """)
        #expect(model.indicators[0].breakdowns["gender"] == ["girls", "boys"])
        let checked = ObservationChecks.check(
            try IndicatorFixtures.rows("indicator,period,group,value\nP,2022,totalt,50\nP,2022,flickor,48\nP,2022,boys,52\n"),
            model: model, file: "obs.csv")
        #expect(checked.errors.isEmpty, "\(checked.errors)")
        #expect(checked.observations.map(\.group) == ["total", "girls", "boys"])
    }

    @Test func fileErrorsAreCollectedWithLines() throws {
        let csv = """
            indicator;period;group;value;numerator;denominator;note
            P;2022-T4;total;50;;;
            P;2022;total;abc;;;
            P;2022;girls;;3;;
            P;2022;boys;;;;
            ;2022;total;1;;;
            P;2022;other;;5;0;
            """
        #expect(throws: ObservationFileError.self) { try IndicatorFixtures.rows(csv) }
        do {
            _ = try IndicatorFixtures.rows(csv)
        } catch let error as ObservationFileError {
            #expect(error.errors.map(\.line) == [2, 3, 4, 5, 6, 7])
            #expect(error.errors[0].message.contains("tertials are numbered 1–3"))
            #expect(error.errors[1].message.hasPrefix("column value:"))
        }
    }

    @Test func swedishExcelFileReads() throws {
        // Windows-1252, `;`, decimal comma, Swedish group names.
        var bytes: [UInt8] = Array("indicator;period;group;value;note\r\nP;2022;total;52,61;".utf8)
        bytes += [0x76, 0xE4, 0x72, 0x64, 0x65]   // "värde" in Windows-1252
        bytes += Array("\r\nP;2022;pojkar;53,94;\r\nP;2022;flickor;51,23;\r\n".utf8)
        let rows = try ObservationFile.read(try CSVReader(data: .init(bytes), name: "excel.csv"))
        #expect(rows.map(\.value) == [52.61, 53.94, 51.23])
        #expect(rows[0].note == "värde")
        let checked = ObservationChecks.check(rows, model: try IndicatorFixtures.model(Self.yaml), file: "excel.csv")
        #expect(checked.errors.isEmpty)
        #expect(checked.observations.map(\.group) == ["total", "boys", "girls"])
        #expect(checked.warnings.isEmpty)
    }
}
