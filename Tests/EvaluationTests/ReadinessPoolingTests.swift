import LogicModel
import Statistics
import Testing
@testable import Evaluation

/// `ReadinessSummary.compute(…, poolWithheldUnits: false)`, what reports use (issue 19):
/// a withheld unit is still listed, but its respondents are in no pooled figure.
@Suite struct ReadinessPoolingTests {
    static let instrument = Instrument(
        id: "t", name: "t", scale: ResponseScale(min: 1, max: 5, anchors: []),
        items: [SurveyItem(key: "a", sv: "A"), SurveyItem(key: "b", sv: "B"), SurveyItem(key: "c", sv: "C")])

    /// A: 6 respondents, B: 5, C: 2 (withheld). Only C answered item c.
    static let data: ReadinessWaveData = {
        var rows: [ReadinessRespondent] = []
        for i in 0..<6 {
            rows.append(ReadinessRespondent(unit: "A", respondent: "a\(i)", answers: [Double(1 + i % 5), Double(2 + i % 4), .nan]))
        }
        for i in 0..<5 {
            rows.append(ReadinessRespondent(unit: "B", respondent: "b\(i)", answers: [Double(2 + i % 3), Double(1 + i % 5), .nan]))
        }
        rows.append(ReadinessRespondent(unit: "C", respondent: "c0", answers: [5, 5, 5]))
        rows.append(ReadinessRespondent(unit: "C", respondent: "c1", answers: [4, 5, 4]))
        return ReadinessWaveData(wave: "w", items: ["a", "b", "c"], respondents: rows)
    }()

    @Test func withheldUnitsAreListedButLeftOutOfEveryPooledFigure() {
        let pooledAll = ReadinessSummary.compute(Self.data, instrument: Self.instrument)
        let shownOnly = ReadinessSummary.compute(Self.data, instrument: Self.instrument, poolWithheldUnits: false)
        let reference = ReadinessSummary.compute(
            ReadinessWaveData(wave: "w", items: Self.data.items, respondents: Self.data.respondents.filter { $0.unit != "C" }),
            instrument: Self.instrument)
        // Listed either way, every figure withheld.
        for s in [pooledAll, shownOnly] {
            #expect(s.units.map { $0.unit } == ["A", "B", "C"])
            #expect(s.units[2].suppressed && s.units[2].n == nil && s.units[2].scales.isEmpty)
        }
        // The analyst's default pools everyone (13 respondents); the published form only
        // the shown units' 11, exactly as if C had not answered.
        #expect(pooledAll.aggregation.respondents == 13)
        #expect(shownOnly.reliability.respondents + shownOnly.reliability.excluded == 11)
        #expect(shownOnly.aggregation.respondents == 11)
        #expect(shownOnly.reliability == reference.reliability)
        #expect(shownOnly.aggregation.icc1 == reference.aggregation.icc1 && shownOnly.aggregation.icc2 == reference.aggregation.icc2)
        #expect(shownOnly.aggregation.f == reference.aggregation.f && shownOnly.aggregation.verdict == reference.aggregation.verdict)
        #expect(shownOnly.aggregation.icc1 != pooledAll.aggregation.icc1)
        #expect(shownOnly.units[0] == reference.units[0] && shownOnly.units[1] == reference.units[1])
        // Item c, answered by C alone, is not asked as far as the shown units go: it is
        // in no scale score (the half rule would otherwise count it).
        #expect(shownOnly.reliability.items == 2)
        #expect(pooledAll.reliability.items == 3)
        #expect(shownOnly.notes.contains { $0.contains("left out of the wave's alpha, ICC and respondent count") })
    }
}
