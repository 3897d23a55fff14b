@testable import Presentation
import Testing

/// The final report's Sammanfattning line on readiness: each unit's change to the latest
/// wave in the brief's words (clear only at Holm's adjusted p below 0,05), counted by
/// word; with one wave, the range of the units' means.
@Suite struct ReadinessSummaryTests {
    static func wave(_ wave: String, _ means: [Double]) -> ReadinessReport.Wave {
        .init(wave: wave, aggregated: false, synthetic: false, respondents: 60, respondentsNote: nil,
              units: means.enumerated().map { i, m in
                  .init(unit: "Enhet \(i + 1)", n: 20, nNote: nil, suppressed: false, mean: m, meanNote: nil, ciLow: nil, ciHigh: nil)
              },
              alpha: nil, alphaNote: nil, alphaCILow: nil, alphaCIHigh: nil, icc1: nil, icc2: nil, iccNote: nil,
              verdict: "x", verdictText: "x")
    }

    static func survey(_ waves: [ReadinessReport.Wave], _ changes: [ReadinessReport.Change]) -> ReadinessReport {
        ReadinessReport(surveys: [.init(instrument: "i", name: "Förändringsbenägenhet", scaleMin: 1, scaleMax: 7, waves: waves,
                                        changes: changes, tests: changes.count, likertWave: nil, likert: [], imports: [], charts: nil)],
                        note: nil)
    }

    static func change(_ unit: String, _ d: Double, adjusted: Double) -> ReadinessReport.Change {
        .init(unit: unit, from: "2022-03", to: "2023-03", method: "welch", difference: d, differenceNote: nil,
              ciLow: nil, ciHigh: nil, p: adjusted / 3, pAdjusted: adjusted)
    }

    @Test func changesInWordsAndOneWaveAsARange() {
        let waves = [Self.wave("2022-03", [4.5, 4.9, 5.0]), Self.wave("2023-03", [5.2, 4.6, 5.0])]
        // Enhet 1 +0,7 at adjusted p 0,012: a clear rise; the others not (0,30 and 1,0).
        let report = Self.survey(waves, [Self.change("Enhet 1", 0.7, adjusted: 0.012), Self.change("Enhet 2", -0.3, adjusted: 0.30),
                                         Self.change("Enhet 3", 0.0, adjusted: 1.0)])
        let sv = report.summaryBlocks(strings: ReportStrings(.sv), style: NumberStyle(.sv))
        guard case .paragraph(let text)? = sv.first else { Issue.record("no paragraph"); return }
        #expect(text.plainText == "Förändringsbenägenhet: mätningen mars 2023 jämfört med mars 2022: säker ökning i en enhet och ingen säker förändring i två enheter.")
        let en = report.summaryBlocks(strings: ReportStrings(.en), style: NumberStyle(.en))
        guard case .paragraph(let english)? = en.first else { Issue.record("no paragraph"); return }
        #expect(english.plainText.hasSuffix("a clear rise in one unit and no clear change in two units."))
        // One wave: 4,5–5,0 on the scale 1–7.
        let single = Self.survey([waves[0]], []).summaryBlocks(strings: ReportStrings(.sv), style: NumberStyle(.sv))
        guard case .paragraph(let range)? = single.first else { Issue.record("no paragraph"); return }
        #expect(range.plainText == "Förändringsbenägenhet: mätningen mars 2022: enheternas medelvärden 4,5–5,0 på skalan 1–7.")
        #expect(ReadinessReport(surveys: [], note: nil).summaryBlocks(strings: ReportStrings(.sv), style: NumberStyle(.sv)).isEmpty)
    }
}
