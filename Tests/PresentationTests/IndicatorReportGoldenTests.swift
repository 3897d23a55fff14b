@testable import Evaluation
import Foundation
import LogicModel
import Periods
import Presentation
import Statistics
import Testing

/// The report's indicator blocks (`IndicatorReport`, `TertialTable`; Presentation/Results/)
/// through the terminal writer, against golden files: the final report's 6 ›
/// Indikatorer and 6.2's gender table, the steering brief's overview and summary line,
/// and the tertial table, all in a report's words. Made from `ResultGoldenTests`' small
/// unit plan and observations, with one figure withheld by hand as Reports' disclosure
/// control marks it (null beside a note beginning "suppressed" for the JSON, and the
/// typed decision the blocks read), so the "<5"/".." cells and the suppression notes show.
@Suite struct IndicatorReportGoldenTests {
    static let writer = PlainTextWriter()
    static let smallNote = "suppressed: built on a count of 1–4 (shown as <5)"

    static func text(_ language: Language) -> IndicatorWords {
        IndicatorWords(strings: ReportStrings(language), style: NumberStyle(language), model: ResultGoldenTests.model)
    }

    /// The status and trend of 2022-T1; the boys' share of I1 withheld (".." in the gender table).
    static func report() throws -> IndicatorReport {
        var status = try #require(IndicatorStatusAnalysis.compute(model: ResultGoldenTests.model, modelVersion: 1,
                                                                   observations: ResultGoldenTests.observations))
        let i1 = try #require(status.indicators.firstIndex { $0.id == "I1" })
        status.indicators[i1].groups["boys"]?.value = Figure(undefined: "suppressed: hidden so that a small count cannot be worked out from the total")
        var withheld = IndicatorDisclosures()
        withheld["I1", .group("boys")] = .withheld
        let trend = IndicatorTrendAnalysis.compute(model: ResultGoldenTests.model, modelVersion: 1,
                                                   observations: ResultGoldenTests.observations)
        return IndicatorReport(period: status.period.text, periodNote: nil, status: status, trend: trend,
                               disclosures: withheld)
    }

    /// A computed mean of 1,3372 against 1,2561: at one decimal both read "1,3" beside a
    /// change of "+0,1". The row's value, previous value and change take two decimals
    /// (1,34, 1,26, +0,08) in the final report's table and in the brief's overview; a row
    /// whose figures agree keeps its own.
    @Test func valuesAndChangeNeverContradictEachOther() throws {
        var report = try Self.report()
        var status = try #require(report.status)
        let i = try #require(status.indicators.firstIndex { $0.id == "I1" })
        status.indicators[i].unit = .mean
        status.indicators[i].total.value = Figure(1.3372)
        status.indicators[i].previousValue = Figure(1.2561)
        status.indicators[i].change = Figure(1.3372 - 1.2561)
        report.status = status
        let text = Self.text(.sv)
        #expect(text.agreeingDecimals(status.indicators[i]) == 2)
        let others = status.indicators.filter { $0.id != "I1" }
        #expect(others.allSatisfy { text.agreeingDecimals($0) == nil })
        let final = Self.writer.render(report.blocks(text))
        let line = try #require(final.split(separator: "\n").first { $0.contains("I1") && $0.contains("1,34") })
        #expect(line.contains("1,26") && line.contains("+0,08"), "\(line)")
        let brief = Self.writer.render(report.overviewBlocks(text))
        #expect(brief.contains("1,34") && brief.contains("+0,08") && !brief.contains("+0,1)"), "\(brief)")
    }

    /// One precision per row: the value 1,34 (exact, two decimals of its own) beside the
    /// line's computed 1,6137 (one of its own) read "1,34" and "1,6" until the row took
    /// the most decimals any of its figures has; the sentence under the table writes the
    /// value as the table does (it said "1,3"). A row whose figures share a precision
    /// keeps it.
    @Test func aRowWritesItsFiguresToOnePrecision() throws {
        var report = try Self.report()
        var status = try #require(report.status)
        let i = try #require(status.indicators.firstIndex { $0.id == "I1" })
        status.indicators[i].unit = .mean
        status.indicators[i].total.value = Figure(1.34)
        status.indicators[i].previousValue = Figure(undefined: "no value")
        status.indicators[i].change = Figure(undefined: "no previous value")
        status.indicators[i].valueSource = ValueSource(binding: "cases: distinct_caseworkers, cohort: pilot", imports: [1],
                                                       rule: "mean", comparison: ComparisonFigure(cohort: "line", value: 1.6137))
        report.status = status
        let text = Self.text(.sv)
        #expect(text.rowDecimals(status.indicators[i]) == 2)
        #expect(text.rowDecimals(status.indicators[i], with: [1.28, 1.3]) == 2)
        // 80 and 85,4: "80,0 %" beside "85,4 %".
        var share = status.indicators[i]
        share.unit = .percent; share.total.value = Figure(80); share.previousValue = Figure(85.4); share.change = Figure(80 - 85.4)
        share.valueSource = nil
        #expect(text.rowDecimals(share) == 1)
        // Figures that share a precision keep it.
        share.total.value = Figure(80.8)
        #expect(text.rowDecimals(share) == nil)
        let final = Self.writer.render(report.blocks(text))
        let line = try #require(final.split(separator: "\n").first { $0.contains("I1") && $0.contains("1,34") })
        #expect(line.contains("1,61") && !line.contains("1,6 "), "\(line)")
    }

    @Test func finalReportIndicatorsInSwedish() throws {
        let report = try Self.report(), text = Self.text(.sv)
        try GoldenFile.check(Self.writer.render(report.blocks(text) + report.genderBlocks(text) + report.methodBlocks(text)),
                             "indicator-report-final-sv.txt")
    }

    @Test func steeringBriefOverviewInEnglish() throws {
        let report = try Self.report(), text = Self.text(.en)
        try GoldenFile.check(Self.writer.render(report.summaryBlocks(text) + report.overviewBlocks(text)),
                             "indicator-report-brief-en.txt")
    }

    /// A goal with two indicators (one withheld as a small count, one without data) and
    /// a goal without any; the analysis of I2 from the author's text.
    @Test func tertialTableInSwedish() throws {
        typealias Row = TertialTable.Row
        var small = Row(indicator: "I2", title: "Antal SIP-möten", unit: "count", illustrative: false, unitTarget: "förbättras",
                        cityTarget: nil, outcome: nil, outcomeNote: Self.smallNote, boys: nil, girls: nil, previous: 6,
                        previousPeriod: "2021-T3", assessment: "no_comparison", interim: true)
        small.boysNote = "no value for this group"
        small.disclosures[.total] = .small(threshold: 5)
        let share = Row(indicator: "I1", title: "Andel förhandsbedömningar inom 14 dagar", unit: "percent", illustrative: true,
                        unitTarget: "≥\u{00A0}80\u{00A0}%", cityTarget: "≥\u{00A0}90\u{00A0}%", outcome: 82, outcomeNote: nil,
                        boys: 80.8, girls: 83.3, previous: 66, previousPeriod: "2021-T3", assessment: "met", interim: true)
        let table = TertialTable(period: "2022-T1", periodNote: nil, goals: [
            TertialTable.Goal(id: "E1", title: "Utredningar handläggs inom lagstadgad tid", indicators: [share, small],
                              assessment: "fully_met", recordedAssessment: "partly_met"),
            TertialTable.Goal(id: "G9", title: "Ett mål utan indikatorer", indicators: [], assessment: nil, recordedAssessment: nil),
        ], sources: ["I1: räknat ur ärendeutdraget."])
        let analysis: [String: [Block]] = ["tertial.indicator.I2": [.paragraph(RichText("Fler möten än förra tertialet."))]]
        try GoldenFile.check(Self.writer.render(table.blocks(Self.text(.sv), periodAsked: false, authorText: analysis)),
                             "tertial-table-sv.txt")
    }
}
