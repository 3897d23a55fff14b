@testable import Presentation
import Testing

/// A change between survey waves reads like the pilot-vs-line differences: signed, and
/// its interval signed too ("+0,43 (95 % KI −0,08 till +0,95)"), so the brief does not
/// print "0,12 till 0,82" beside "−0,8 till +6,3". Each number of the readiness tables
/// is a typed figure of its cell (issue 18), the words around them from the strings.
@Suite struct ReadinessChangeTextTests {
    static var change: ReadinessReport.Change { ReadinessReport.Change(unit: "Enhet A", from: "2022-03", to: "2023-03", method: "welch",
                                               difference: 0.43, differenceNote: nil, ciLow: -0.08, ciHigh: 0.95,
                                               p: 0.1, pAdjusted: nil) }

    @Test func aChangeAndItsIntervalAreSigned() {
        #expect(Self.change.cell(ReportStrings(.sv), NumberStyle(.sv)).text.plainText
                == "+0,43 (95\u{00A0}% KI \u{2212}0,08 till +0,95)")
        #expect(Self.change.cell(ReportStrings(.en), NumberStyle(.en)).text.plainText == "+0.43 (95% CI −0.08 to +0.95)")
    }

    @Test func aChangeIsThreeSignedFigures() {
        let cell = Self.change.cell(ReportStrings(.sv), NumberStyle(.sv))
        #expect(cell.figures.map(\.kind) == [.signed(2), .signed(2), .signed(2)])
        #expect(cell.figures.map(\.figure.value) == [0.43, -0.08, 0.95])
        var descriptive = Self.change
        descriptive.method = "descriptive"
        let d = descriptive.cell(ReportStrings(.sv), NumberStyle(.sv))
        #expect(d.text.plainText == "+0,43 (beskrivande)")
        #expect(d.figures.count == 1)
    }

    /// The demo's +0,47 (0,12 to 0,82) has p 0,010 but Holm's 0,304 over 33 tests: the
    /// brief says in words whether the change holds (adjusted p < 0,05), without the
    /// interval (the final report's table has the adjusted p in a column of its own,
    /// `DomainSectionTests`).
    @Test func theAdjustedPStandsBesideTheIntervalAndTheBriefSaysItInWords() {
        var c = Self.change
        c.difference = 0.47; c.ciLow = 0.12; c.ciHigh = 0.82; c.p = 0.010; c.pAdjusted = 0.304
        #expect(c.steeringCell(ReportStrings(.sv), NumberStyle(.sv)).text.plainText == "+0,47 (ingen säker förändring)")
        #expect(c.steeringCell(ReportStrings(.en), NumberStyle(.en)).text.plainText == "+0.47 (no clear change)")
        c.pAdjusted = 0.004
        #expect(c.steeringCell(ReportStrings(.sv), NumberStyle(.sv)).text.plainText == "+0,47 (säker ökning)")
        c.difference = -0.47; c.ciLow = -0.82; c.ciHigh = -0.12
        #expect(c.steeringCell(ReportStrings(.sv), NumberStyle(.sv)).text.plainText == "\u{2212}0,47 (säker minskning)")
    }

    @Test func aUnitsScoreIsItsMeanAndItsCount() {
        let s = ReportStrings(.sv), n = NumberStyle(.sv)
        let shown = ReadinessReport.UnitScore(unit: "Enhet A", n: 1234, nNote: nil, suppressed: false, mean: 5.345,
                                              meanNote: nil, ciLow: nil, ciHigh: nil)
        let cell = shown.meanCell(s, n, threshold: 5)
        #expect(cell.text.plainText == "5,35 (n\u{00A0}=\u{00A0}1\u{00A0}234)")
        #expect(cell.figures.map(\.kind) == [.decimal(2), .count])
        // Aggregated: no n, said in words.
        var aggregated = shown
        aggregated.n = nil
        #expect(aggregated.meanCell(s, n, threshold: 5).text.plainText == "5,35 (n okänt)")
        #expect(aggregated.meanCell(s, n, threshold: 5).figures.count == 1)
        // Withheld: the count, decided small; no mean at all.
        let withheld = ReadinessReport.UnitScore(unit: "Enhet B", n: nil, nNote: "suppressed: fewer respondents than the threshold",
                                                 suppressed: true, mean: nil, meanNote: "suppressed", ciLow: nil, ciHigh: nil)
        let w = withheld.meanCell(s, n, threshold: 5)
        #expect(w.text.plainText == "<5")
        #expect(w.figures.map(\.disclosure) == [.small(threshold: 5)])
        #expect(w.figures.first?.isPersonCount == true)
    }
}
