@testable import Evaluation
import LogicModel
import Periods
import Presentation
import Statistics
@testable import Reports
import Testing

/// One decision per count across a document (docs/privacy.md, "Indicator shares"): a
/// share whose counts are hidden in one period must not sit beside the same
/// indicator's counts of another period, nor beside another indicator's equal
/// denominator in the same period — either would give its denominator, and with the
/// value its misses, back.
@Suite struct CountsConsistencyTests {
    static func share(_ k: Int, of n: Int) -> GroupFigure { SuppressionTests.share(k, of: n) }

    static func point(_ period: String, _ total: GroupFigure) -> TrendPoint {
        TrendPoint(period: Period(parsing: period)!, source: "observation", total: total, groups: [:],
                   change: Figure(undefined: "first period"), target: nil, cityTarget: nil, status: .noData, interim: false)
    }

    static func indicator(_ id: String, _ points: [TrendPoint], counts: Counts? = nil) -> IndicatorTrend {
        IndicatorTrend(id: id, title: id, unit: .percent, direction: .increase, points: points, counts: counts)
    }

    static func report(_ indicators: [IndicatorTrend]) -> IndicatorTrendReport {
        IndicatorTrendReport(model: "m", modelName: "M", modelVersion: 1, indicators: indicators, removedIndicators: [])
    }

    static let model = LogicModel(id: "m", name: "M")

    /// I10: 22 of 25 in T1 misses 3 (counts hidden, 88 % shown); 40 of 45 in T2 has no
    /// small count, but shown it says the team's size (25 ≈ 45 − 20 …): hidden too.
    /// I11 shares T1's denominator of 25 (the same investigations): 15 of 25 would give
    /// I10's 25 and so its 3 misses, so its counts go — and then, by the first rule, in
    /// T2 as well. I12 (30 of 60 in both) shares nothing and keeps its counts.
    @Test func anIndicatorHidesItsCountsInEveryPeriodAndEqualDenominatorsFollow() {
        let before = Self.report([
            Self.indicator("I10", [Self.point("2021-T1", Self.share(22, of: 25)), Self.point("2021-T2", Self.share(40, of: 45))]),
            Self.indicator("I11", [Self.point("2021-T1", Self.share(15, of: 25)), Self.point("2021-T2", Self.share(20, of: 50))]),
            Self.indicator("I12", [Self.point("2021-T1", Self.share(30, of: 60)), Self.point("2021-T2", Self.share(30, of: 60))]),
        ])
        let after = IndicatorFigureSuppression.apply(before, model: Self.model, rule: .standard)
        func total(_ i: Int, _ j: Int) -> GroupFigure { after.indicators[i].points[j].total }
        // Values stay as the document writes them: 88 %, 88,9 % (40/45), 60 %, 40 %.
        #expect(total(0, 0).value.value == 88 && total(0, 1).value.value == 88.9)
        #expect(total(1, 0).value.value == 60 && total(1, 1).value.value == 40)
        for (i, j) in [(0, 0), (0, 1), (1, 0), (1, 1)] {
            #expect(total(i, j).numerator == nil && total(i, j).denominator == nil)
            #expect(total(i, j).ciLow.note == IndicatorFigureSuppression.countsHiddenNote)
        }
        #expect(total(2, 0).denominator == 60 && total(2, 1).numerator == 30 && total(2, 0).ciLow.value == 1)
    }

    /// Event counts are never suppressed (DESIGN §9), so a shared denominator does not
    /// take theirs; the internal audience sees every count.
    @Test func eventCountsAndTheInternalAudienceKeepTheirCounts() {
        let before = Self.report([
            Self.indicator("I10", [Self.point("2021-T1", Self.share(22, of: 25))]),
            Self.indicator("E1", [Self.point("2021-T1", Self.share(10, of: 25))], counts: .events),
        ])
        let after = IndicatorFigureSuppression.apply(before, model: Self.model, rule: .standard)
        #expect(after.indicators[0].points[0].total.denominator == nil)
        #expect(after.indicators[1].points[0].total.denominator == 25)
        let inside = IndicatorFigureSuppression.apply(before, model: Self.model, rule: SuppressionRule(audience: .internal))
        #expect(inside.indicators[0].points[0].total.denominator == 25)
    }
}
