import Evaluation
import Foundation
import LogicModel
import Periods
@testable import Presentation
@testable import Reports
import Testing

/// The final report's table of the case mix, pilot against line (issue 20: a FoU
/// reviewer found the `imbalance` caveat in the record and no balance in the report):
/// the figures by hand, and what disclosure control withholds of the referral reasons.
@Suite struct CaseMixBalanceTests {
    /// Pilot: 20 cases, ten aged 8 and ten aged 12; reasons A 12, B 4, C 4. Line: 30
    /// cases, fifteen aged 9 and fifteen aged 13; reasons A 10, B 10, C 10.
    static func dataset() throws -> CaseDataset {
        var cases: [CaseRecord] = []
        for k in 0..<20 {
            let reason = k < 12 ? "A" : k < 16 ? "B" : "C"
            cases.append(CaseRecord(caseID: "p\(k)", cohort: "pilot", isPilot: true, age: k % 2 == 0 ? 8 : 12, referralReason: reason))
        }
        for k in 0..<30 {
            cases.append(CaseRecord(caseID: "l\(k)", cohort: "line", isPilot: false, age: k % 2 == 0 ? 9 : 13,
                                    referralReason: ["A", "B", "C"][k % 3]))
        }
        return CaseDataset(modelID: "m", pilotCohort: "pilot", pilotStart: nil,
                           extractDate: try #require(CalendarDate(year: 2022, month: 12, day: 31)), cases: cases)
    }

    @Test func theFiguresAreTheHandCalculation() throws {
        let rows = CohortComparisonSection.balance(try Self.dataset(), rule: SuppressionRule(audience: .internal))
        #expect(rows.map(\.covariate) == ["age", "reason: A", "reason: B", "reason: C"])
        // Age: means 10 and 11; sample variances 20·4/19 and 30·4/29.
        let age = rows[0]
        #expect(age.pilot == 10 && age.line == 11)
        let d = (10.0 - 11) / ((80.0 / 19 + 120.0 / 29) / 2).squareRoot()
        let ageSMD = try #require(age.smd)
        #expect(abs(ageSMD - d) < 1e-12)
        // Reason A: 12/20 against 10/30.
        let a = rows[1]
        let line = try #require(a.line), reasonSMD = try #require(a.smd)
        #expect(a.pilot == 0.6 && abs(line - 1.0 / 3) < 1e-15)
        let da = (0.6 - 1.0 / 3) / ((0.6 * 0.4 + 1.0 / 3 * 2 / 3) / 2).squareRoot()
        #expect(abs(reasonSMD - da) < 1e-12)
    }

    /// B and C have 4 pilot cases each: both withheld as small, with their
    /// differences; A, 12 of 20, stays (its 8 others are not small). The line has
    /// nothing small.
    @Test func smallReasonsAreWithheldWithTheirDifferences() throws {
        let rows = CohortComparisonSection.balance(try Self.dataset(), rule: .standard)
        #expect(rows[1].pilot == 0.6 && rows[1].smd != nil)
        for r in rows[2...] {
            #expect(r.pilot == nil && r.pilotNote == IndicatorFigureSuppression.smallNote && r.smd == nil && r.line != nil)
        }
        // One withheld reason takes the smallest other with it: the shares add up to the whole.
        #expect(CohortComparisonSection.withheld([12, 3, 5], total: 20, rule: .standard)
            == [1: IndicatorFigureSuppression.smallNote, 2: IndicatorFigureSuppression.hiddenNote])
        // A reason of 17 of 20 leaves 3 others: withheld, as are the others of 1–4.
        #expect(CohortComparisonSection.withheld([17, 3], total: 20, rule: .standard).count == 2)
        #expect(CohortComparisonSection.withheld([10, 0, 10], total: 20, rule: .standard).isEmpty)
    }

    @Test func theReportSaysWhatDiffers() throws {
        var report = PilotVsLineReport(present: true, note: nil, pilot: "pilot", extractDate: "2022-12-31", pilotStart: nil,
                                       synthetic: true, genders: [], joined: false, outcomes: [])
        report.balance = CohortComparisonSection.balance(try Self.dataset(), rule: .standard)
        let input = PilotVsLineReport.Input(strings: ReportStrings(.sv), style: NumberStyle(.sv), modelID: "m", modelName: "M",
                                            threshold: 5)
        let text = PlainTextWriter(width: 1000).render(report.balanceBlocks(input))
        #expect(text.contains("Ålder, medelvärde (år)"), "\(text)")
        #expect(text.contains("−0,49 (obalans)"), "\(text)")   // d above, −0,4888…
        #expect(text.contains("Piloten och linjen skiljer sig i ålder och andelen med orsaken ”A” (standardiserad skillnad över 0,1)"), "\(text)")
        #expect(text.contains(".. = dolt"), "\(text)")
    }
}
