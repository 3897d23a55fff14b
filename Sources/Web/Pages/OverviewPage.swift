import Evaluation
import Foundation
import LogicModel
import Periods
import Presentation
import Reports
import Statistics

/// The overview's own part, above the steering brief's sections: each goal with its
/// computed and recorded assessment and how many of its indicators have a value, then a
/// tile per indicator — latest value, target, status and a sparkline of its history.
/// Figures are written by the one formatter (`NumberStyle`, `IndicatorCells`); goals
/// are a table block, rendered by the reports' writer.
enum OverviewPage {
    struct Data: Sendable {
        var status: IndicatorStatusReport?
        var trend: IndicatorTrendReport
        /// Indicators whose values are computed from loaded data (`data:`).
        var computed: Set<String> = []
        /// A sentence per improvement measure on its run chart's signals (`signal`).
        var signals: [RichText] = []
        /// The language the model's texts (indicator titles) are written in.
        var textLanguage: Language = .sv
    }

    static func content(_ data: Data, language: Language) -> PageContent {
        var content = PageContent()
        guard let status = data.status else { return content }
        let s = WebStrings(language)
        let r = ReportStrings(language)
        let style = NumberStyle(language)
        content.html("<h2>\(HTMLText.escape(s("overview.goals", ["period": style.period(status.period)])))</h2>\n")
        if !status.goals.isEmpty {
            let rows: [[TableBlock.Cell]] = status.goals.map { g in
                let withValue = g.indicators.filter { b in
                    status.indicators.first { $0.id == b.id }?.total.value.value != nil
                }.count
                return [TableBlock.Cell(RichText((g.code.map { $0 + " " } ?? "") + g.title), isRowHeader: true),
                        TableBlock.Cell(r("assessment." + g.assessment.rawValue)),
                        TableBlock.Cell(g.manualAssessment.map { r("assessment." + $0.rawValue) } ?? "–"),
                        TableBlock.Cell(s("overview.coverage", ["n": "\(withValue)", "of": "\(g.indicators.count)"]))]
            }
            let header: [TableBlock.Cell] = ["overview.goal", "overview.computed", "overview.recorded", "overview.values"]
                .map { TableBlock.Cell(s($0)) }
            content.blocks([.table(TableBlock(header: [header], rows: rows))])
        }
        var out = "<h2>\(HTMLText.escape(s("overview.indicators")))</h2>\n<ul class=\"cards tiles\">\n"
        for row in status.indicators {
            let trend = data.trend.indicators.first { $0.id == row.id }
            out += tile(row, trend: trend, computed: data.computed.contains(row.id), textLanguage: data.textLanguage,
                        style: style, strings: r, s: s)
        }
        content.html(out + "</ul>\n")
        if !data.signals.isEmpty {
            content.html("<h2>\(HTMLText.escape(s("overview.signals")))</h2>\n")
            content.blocks([.list(ListBlock(items: data.signals))])
        }
        return content
    }

    /// One measure's run chart in a sentence: a signal of non-random variation (a long
    /// run or few crossings, Anhøj's rules; points outside a P chart's limits), none,
    /// or too few points to tell.
    static func signal(_ m: RunChartSection.Measure, model: LogicModel, s: WebStrings) -> RichText {
        let name = RunChartSection.measureName(m.measure, title: m.title, model: model)
        let text: String
        if !m.signalPossible {
            text = s("overview.signal.too_few", ["n": "\(m.usefulPoints)"])
        } else if m.runsSignal || (m.pointsOutsideLimits ?? 0) > 0 {
            var parts: [String] = []
            if m.runsSignal { parts.append(s("overview.signal.runs")) }
            if let outside = m.pointsOutsideLimits, outside > 0 {
                parts.append(s(outside == 1 ? "overview.signal.outside.one" : "overview.signal.outside", ["n": "\(outside)"]))
            }
            text = s("overview.signal.yes", ["what": parts.joined(separator: s("overview.signal.and"))])
        } else {
            text = s("overview.signal.none")
        }
        return RichText([.strong(name), .plain(": " + text)])
    }

    /// The indicator's latest value (whichever period it is from: a yearly survey item
    /// has none in a tertial), with that period, its status and target.
    static func tile(_ row: IndicatorStatusRow, trend: IndicatorTrend?, computed: Bool, textLanguage: Language,
                     style: NumberStyle, strings r: ReportStrings, s: WebStrings) -> String {
        let e = HTMLText.escape
        // A value computed from loaded data (a survey mean) is rounded as the tables round it.
        let derived: Bool? = computed && row.unit != .count ? true : nil
        let latest = trend?.points.last { $0.total.value.value != nil }
        // The title is the model's text, in the model's language (WCAG 3.1.2).
        let title = textLanguage == style.language ? e(row.title) : "<span lang=\"\(textLanguage.rawValue)\">\(e(row.title))</span>"
        var out = "<li class=\"card tile\">\n<h3>\(e(row.id)) \(title)</h3>\n"
        guard let latest else {
            return out + "<p class=\"muted\">\(e(s("overview.no_value")))</p>\n</li>\n"
        }
        let value = IndicatorCells.value(latest.total, unit: row.unit, events: row.countsEvents, style: style, derived: derived).text.plainText
        let status = latest.status
        let statusClass = status == .met ? "status-met" : status == .notMet ? "status-not-met" : "muted"
        out += "<p class=\"tile-value\">\(e(value)) <span class=\"tile-period\">\(e(style.period(latest.period)))</span></p>\n"
        out += "<p class=\"\(statusClass)\">\(e(r("status." + status.rawValue)))</p>\n"
        if let target = latest.target ?? latest.cityTarget {
            let rule = TargetRuleText.text(target.rule, unit: row.unit, language: style.language, note: target.note)
            out += "<p>\(e(s("overview.target"))): \(e(rule))</p>\n"
        }
        if let trend, let svg = sparkline(trend, derived: derived, style: style, s: s) { out += svg }
        return out + "</li>\n"
    }

    /// A line through the total's values, oldest to newest, with a text alternative that
    /// names the first and last period and value (the values themselves are on the
    /// indicators page).
    static func sparkline(_ trend: IndicatorTrend, derived: Bool?, style: NumberStyle, s: WebStrings) -> String? {
        let points = trend.points.compactMap { p in p.total.value.value.map { (p.period, $0) } }
        guard points.count >= 2, let low = points.map(\.1).min(), let high = points.map(\.1).max() else { return nil }
        let width = 160.0, height = 36.0, pad = 3.0
        let span = high - low
        let xy = points.enumerated().map { i, p -> String in
            let x = pad + (width - 2 * pad) * Double(i) / Double(points.count - 1)
            let y = span == 0 ? height / 2 : pad + (height - 2 * pad) * (1 - (p.1 - low) / span)
            return String(format: "%.1f,%.1f", x, y)
        }
        let format = { (v: Double) in IndicatorCells.value(GroupFigure(value: Figure(v), ciLow: Figure(undefined: ""), ciHigh: Figure(undefined: "")),
                                                            unit: trend.unit, style: style, derived: derived).text.plainText }
        let label = s("overview.sparkline", ["from": style.period(points.first!.0), "first": format(points.first!.1),
                                             "to": style.period(points.last!.0), "last": format(points.last!.1),
                                             "n": "\(points.count)"])
        return "<svg class=\"sparkline\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\">"
            + "<polyline fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" points=\"\(xy.joined(separator: " "))\"/></svg>\n"
    }
}
