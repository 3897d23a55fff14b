import Evaluation
import LogicModel
import Statistics
import Testing
@testable import Presentation

/// The readiness page's closer look: the readings in words follow the figures. Unit A
/// moves from 3 to 6 on statement a (a clear improvement), B stays at 4,5 (chance), C
/// has three answers (fewer than five: shown as such, in no comparison).
@Suite struct ReadinessCloserLookTests {
    static let instrument = Instrument(
        id: "t", name: "Enkäten", scale: ResponseScale(min: 1, max: 7),
        items: [SurveyItem(key: "a", sv: "Jag förstår varför", en: "I understand why"),
                SurveyItem(key: "b", sv: "Jag har tid", en: "I have time")],
        subscales: [Subscale(key: "m", sv: "Motivation", en: "Motivation", items: ["a"])])

    static func rows(_ unit: String, _ a: [Double], _ b: [Double]) -> [ReadinessRespondent] {
        zip(a, b).enumerated().map { ReadinessRespondent(unit: unit, respondent: "\(unit)\($0)", answers: [$1.0, $1.1]) }
    }

    static let waves: [ReadinessWaveData] = [
        ReadinessWaveData(wave: "2024", items: ["a", "b"], respondents:
            rows("A", [2, 3, 3, 4, 3, 2, 4, 3, 3, 3], [3, 2, 4, 3, 3, 3, 2, 4, 3, 3])
            + rows("B", [4, 5, 4, 5, 4, 5, 4, 5, 4, 5], [4, 5, 4, 5, 4, 5, 4, 5, 4, 5])),
        ReadinessWaveData(wave: "2025", items: ["a", "b"], respondents:
            rows("A", [6, 6, 5, 7, 6, 5, 7, 6, 6, 6], [3, 2, 4, 3, 3, 3, 2, 4, 3, 3])
            + rows("B", [5, 4, 5, 4, 5, 4, 5, 4, 4, 5], [4, 5, 4, 5, 4, 5, 4, 5, 4, 5])
            + rows("C", [7, 7, 6], [1, 2, 1])),
    ]

    static func look(_ language: Language) -> [Block] {
        let trend = ReadinessTrend.compute(waves, instrument: instrument, minGroup: 5)
        let gaps = ReadinessGaps.compute(waves[1], instrument: instrument, minGroup: 5)
        return ReadinessCloserLook(instrument: instrument, trend: trend, gaps: gaps, style: NumberStyle(language)).blocks()
    }

    static func tables(_ blocks: [Block]) -> [TableBlock] {
        blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
    }

    static func row(_ table: TableBlock, _ first: String, _ second: String? = nil) -> [String]? {
        table.rows.map { $0.map(\.text.plainText) }.first { $0[0] == first && (second == nil || $0[1] == second) }
    }

    @Test func scalesOverTimeSayWhetherAChangeIsClear() throws {
        let scales = try #require(Self.tables(Self.look(.sv)).first)
        #expect(scales.headerRows[0].map(\.text.plainText) == ["Enhet", "Skala", "2024", "2025", "Förändring sedan 2024"])
        // A on a: 3,00 → 6,00 (means by hand), +3,00.
        let a = try #require(Self.row(scales, "A", "Motivation"))
        #expect(a[2] == "3,00" && a[3] == "6,00")
        #expect(a[4].hasPrefix("+3,00 (") && a[4].hasSuffix("): högre, en tydlig förbättring"), "\(a[4])")
        // A on both statements: (3 + 3)/2 → (6 + 3)/2.
        let all = try #require(Self.row(scales, "A", "Alla påståenden"))
        #expect(all[2] == "3,00" && all[3] == "4,50")
        // B's means do not move.
        let b = try #require(Self.row(scales, "B", "Motivation"))
        #expect(b[2] == "4,50" && b[3] == "4,50" && b[4].hasSuffix(": kan vara slump"), "\(b)")
        // C answered once, three people: fewer than five, no change to speak of.
        let c = try #require(Self.row(scales, "C", "Motivation"))
        #expect(c[2] == "–" && c[3] == "färre än 5 svar" && c[4] == "–", "\(c)")
        // The change's figures stay figures (for disclosure control to re-render).
        let cell = try #require(scales.rows.first { $0[0].text.plainText == "A" && $0[1].text.plainText == "Motivation" }?[4])
        #expect(cell.figures.count == 3 && cell.figures[0].figure.value == 3)
    }

    @Test func gapsNameTheStatementsAndUnits() throws {
        let tables = Self.tables(Self.look(.sv))
        #expect(tables.count == 3)
        let between = tables[1]
        // Statement a in 2025: B 4,50 lowest, A 6,00 highest (C is left out).
        let a = try #require(Self.row(between, "Jag förstår varför"))
        #expect(a == ["Jag förstår varför", "B 4,50", "A 6,00", "1,50", "enheterna skiljer sig tydligt"], "\(a)")
        #expect(between.notes.map(\.plainText).contains("Enheter med färre än 5 svar är inte med."))
        // Within A: a (6,00) over b (3,00); the paired differences 3, 4, 1, 4, 3, 2, 5, 2, 3, 3 have mean 3.
        let within = tables[2]
        let rowA = try #require(Self.row(within, "A"))
        #expect(rowA[1] == "Jag förstår varför 6,00" && rowA[2] == "Jag har tid 3,00")
        #expect(rowA[3].hasPrefix("3,00 (") && rowA[4] == "tydlig skillnad", "\(rowA)")
        // B answered a and b alike on average: no clear gap.
        let rowB = try #require(Self.row(within, "B"))
        #expect(rowB[4] == "kan vara slump", "\(rowB)")
        #expect(!within.rows.contains { $0[0].text.plainText == "C" })
    }

    @Test func englishReadersGetEnglish() throws {
        let blocks = Self.look(.en)
        #expect(blocks.first == .heading(level: 1, text: "By scale and over time"))
        let scales = try #require(Self.tables(blocks).first)
        let a = try #require(Self.row(scales, "A", "Motivation"))
        #expect(a[4].hasSuffix("): higher, a clear improvement") && a[4].hasPrefix("+3.00 ("), "\(a[4])")
        #expect(Self.row(Self.tables(blocks)[1], "I understand why")?[1] == "B 4.50")
    }
}
