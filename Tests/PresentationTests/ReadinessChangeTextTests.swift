@testable import Presentation
import Testing

/// A change between survey waves reads like the pilot-vs-line differences: signed, and
/// its interval signed too ("+0,43 (95 % KI −0,08 till +0,95)"), so the brief does not
/// print "0,12 till 0,82" beside "−0,8 till +6,3".
@Suite struct ReadinessChangeTextTests {
    @Test func aChangeAndItsIntervalAreSigned() {
        let change = ReadinessReport.Change(unit: "Enhet A", from: "2022-03", to: "2023-03", method: "welch",
                                            difference: 0.43, differenceNote: nil, ciLow: -0.08, ciHigh: 0.95,
                                            p: 0.1, pAdjusted: nil)
        #expect(change.text(ReportStrings(.sv), NumberStyle(.sv)) == "+0,43 (95\u{00A0}% KI \u{2212}0,08 till +0,95)")
        #expect(change.text(ReportStrings(.en), NumberStyle(.en)) == "+0.43 (95% CI -0.08 to +0.95)")
    }
}
