import Evaluation
import Foundation
import LogicModel
import Periods
@testable import Reports
import Presentation
import Statistics
import Testing

/// Disclosure control's decisions on indicator figures reach the report's tables typed
/// (issue 18, "One presentation path"): `IndicatorFigureSuppression` records each one in
/// `IndicatorDisclosures` as it nulls the figure beside its note (DESIGN §5), the two
/// always agree, and the blocks put the decision on the figure's `FigureCell`, so no
/// block reads a note to learn what was withheld. Fixtures: `DomainSectionTests` (a
/// share: girls built on 3 events, boys hidden as their complement, 2019 built on a
/// denominator of 4) and `EventCountTests` (counts of 1–4, of persons and of events).
@Suite struct IndicatorDisclosureTests {
    /// A context for `EventCountTests`' model.
    static func context(_ f: TemporaryModel, _ kind: ReportKind, audience: Audience = .public) -> ReportContext {
        let request = ReportRequest(kind: kind, language: .sv, format: "json", suppression: SuppressionRule(audience: audience),
                                    toolVersion: "test", generatedAt: Date(timeIntervalSince1970: 1_645_999_200))
        return ReportContext(model: f.model, modelProvenance: f.provenance, request: request,
                             strings: ReportStrings(.sv), database: f.database)
    }

    static func isSuppressedNote(_ f: Figure) -> Bool { !f.isDefined && (f.note ?? "").hasPrefix("suppressed") }

    /// Each figure of the status and the trend: the typed decision is taken exactly where
    /// the record nulls the figure with a note beginning "suppressed", and reads "<5"
    /// exactly where the note is the small-count one on a count indicator.
    static func checkAgreement(_ result: IndicatorReport, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let d = result.disclosures
        func check(_ f: Figure, _ decision: Disclosure, unit: IndicatorUnit, _ what: String) {
            #expect(decision.isSuppressed == isSuppressedNote(f), "\(what): \(decision) beside \(f)", sourceLocation: sourceLocation)
            let small = isSuppressedNote(f) && f.note == IndicatorFigureSuppression.smallNote && unit == .count
            #expect((decision == .small(threshold: 5)) == small, "\(what): \(decision) beside \(f)", sourceLocation: sourceLocation)
        }
        for row in try #require(result.status).indicators {
            check(row.value, d[row.id, .total], unit: row.unit, "\(row.id) value")
            check(row.previousValue, d[row.id, .previous], unit: row.unit, "\(row.id) previous")
            check(row.change, d[row.id, .change], unit: row.unit, "\(row.id) change")
            for (key, g) in row.groups { check(g.value, d[row.id, .group(key)], unit: row.unit, "\(row.id) \(key)") }
        }
        for t in try #require(result.trend).indicators {
            for p in t.points {
                check(p.total.value, d[t.id, p.period, .total], unit: t.unit, "\(t.id) \(p.period.text)")
                check(p.change, d[t.id, p.period, .change], unit: t.unit, "\(t.id) \(p.period.text) change")
                for (key, g) in p.groups {
                    check(g.value, d[t.id, p.period, .group(key)], unit: t.unit, "\(t.id) \(p.period.text) \(key)")
                }
            }
        }
    }

    @Test func aShareBuiltOnASmallCountAndItsComplementAreWithheldTyped() throws {
        let f = try DomainSectionTests.withIndicators()
        let context = try DomainSectionTests.context(f, .final)
        let result = try IndicatorStatusSection().compute(context)
        try Self.checkAgreement(result)
        let d = result.disclosures
        #expect(d["I1", .group("girls")] == .withheld && d["I1", .group("boys")] == .withheld)   // a share: "..", never "<5"
        #expect(d["I1", .total] == .shown && d.anyWithheldInStatus)
        #expect(d.withheldPeriods("I1") == [Period(parsing: "2019")!])
        #expect(d["I1", Period(parsing: "2020")!, .change] == .withheld)                          // next to 2019's

        // The final report's row: the value, the previous value with its period and the
        // change in percentage points are figures, the words around them the pattern.
        let blocks = IndicatorStatusSection().blocks(result, for: .indicators, context: context)
        let row = try #require(DomainSectionTests.tables(blocks).first).rows[0]
        #expect(row[0].figures.isEmpty && row[0].isRowHeader)
        #expect(row[1].figures.map(\.kind) == [.percent(0)] && row[1].pattern == nil && row[1].text.plainText == "30\u{00A0}%")
        #expect(row[2].figures.map(\.kind) == [.percent(0)] && row[2].pattern == "{0} (2020)")
        #expect(row[3].figures.map(\.kind) == [.signed(0)] && row[3].pattern == "{0}\u{00A0}p.e.")
        #expect(row[1...3].allSatisfy { $0.figures.allSatisfy { $0.disclosure == .shown && $0.figure.isDefined } })

        // 6.2: each value withheld beside the n it keeps, a count.
        let gender = try #require(DomainSectionTests.tables(IndicatorStatusSection().blocks(result, for: .gender, context: context)).first)
        let girls = gender.rows[0][1]
        #expect(girls.figures.map(\.disclosure) == [.withheld, .shown] && girls.figures[1] == FigureCell(Figure(15), .count))
        #expect(girls.text.plainText == ".. (n\u{00A0}=\u{00A0}15)")

        // The tertial table's row carries the same decisions.
        let tertial = try TertialTableSection().compute(try DomainSectionTests.context(f, .tertial))
        let tertialRow = try #require(tertial.goals.first?.indicators.first)
        #expect(tertialRow.disclosures == [.group("girls"): .withheld, .group("boys"): .withheld])
    }

    @Test func aSmallCountOfPersonsIsWithheldAsSmallAndOneOfEventsIsShown() throws {
        let f = try EventCountTests.withIndicators()
        let context = Self.context(f, .final)
        let result = try IndicatorStatusSection().compute(context)
        try Self.checkAgreement(result)
        let d = result.disclosures
        #expect(d["I1", .total] == .shown && d["I1", .group("girls")] == .shown)
        #expect(d["I2", .total] == .small(threshold: 5) && d["I2", .group("girls")] == .small(threshold: 5))
        #expect(d["I2", .change] == .withheld && d["I2", .previous] == .shown)

        let blocks = IndicatorStatusSection().blocks(result, for: .indicators, context: context)
        let rows = try #require(EventCountTests.tables(blocks).first).rows
        let events = try #require(rows.first { $0[0].text.plainText.hasPrefix("I1 ") })
        let persons = try #require(rows.first { $0[0].text.plainText.hasPrefix("I2 ") })
        #expect(events[1].figures == [FigureCell(Figure(3), .eventCount)])
        #expect(persons[1].figures.map(\.disclosure) == [.small(threshold: 5)] && persons[1].text.plainText == "<5")
        #expect(persons[3].figures.map(\.disclosure) == [.withheld] && persons[3].text.plainText == "..")

        let tertial = try TertialTableSection().compute(Self.context(f, .tertial))
        let row = try #require(tertial.goals.first?.indicators.first { $0.indicator == "I2" })
        #expect(row.disclosure(.total) == .small(threshold: 5) && row.disclosure(.previous) == .shown)
    }

    /// A previous value reads as the trend published it: ".." where that period's count
    /// was hidden for another figure's sake, "<5" only where it was itself small. (The
    /// status said "<5" for any withheld previous count.)
    @Test func aPreviousCountHiddenForAnotherFigureReadsHiddenNotSmall() throws {
        let f = try EventCountTests.withIndicators()
        let context = Self.context(f, .final)
        let data = try #require(try IndicatorStatusSection.data(context))
        let rule = context.request.suppression
        var d = IndicatorDisclosures()
        var trend = IndicatorFigureSuppression.apply(
            IndicatorTrendAnalysis.compute(model: f.model, modelVersion: 1, observations: data.observations),
            model: f.model, rule: rule, disclosures: &d)
        // I2's 2020 total (5, shown) taken as hidden to protect another cell.
        let y2020 = try #require(Period(parsing: "2020"))
        let i = try #require(trend.indicators.firstIndex { $0.id == "I2" })
        let j = try #require(trend.indicators[i].points.firstIndex { $0.period == y2020 })
        trend.indicators[i].points[j].total.value = Figure(undefined: IndicatorFigureSuppression.hiddenNote)
        d["I2", y2020, .total] = .withheld
        let status = try #require(IndicatorStatusAnalysis.compute(model: f.model, modelVersion: 1, observations: data.observations,
                                                                  period: Period(parsing: "2021")))
        let shown = IndicatorFigureSuppression.apply(status, trend: trend, rule: rule, disclosures: &d)
        let row = try #require(shown.indicators.first { $0.id == "I2" })
        #expect(d["I2", .previous] == .withheld && row.previousValue.note == IndicatorFigureSuppression.hiddenNote)
        #expect(d["I2", .change] == .withheld)
    }

    @Test func theInternalAudienceHasNoDecisions() throws {
        let f = try EventCountTests.withIndicators()
        let result = try IndicatorStatusSection().compute(Self.context(f, .final, audience: .internal))
        try Self.checkAgreement(result)
        #expect(result.disclosures == IndicatorDisclosures())
    }
}
