import Foundation
import Evaluation
import LogicModel

/// The report's Förbättringsarbete as blocks, in the report's words (`improvement.*`):
/// each measure's run or P chart with its PDSA cycles, the runs analysis and limits in
/// words, and the ramps of cycles as a table; the brief's and the final summary's line on
/// the cycles; the method and limitations paragraphs. Which points are withheld was
/// decided when the record was computed (Reports' `RunChartSection`): a withheld point
/// has no value and its note, which the chart draws as withheld.
extension ImprovementReport {
    /// The section's blocks, or a sentence saying there is nothing to show.
    /// - Parameters:
    ///   - model: the logic model, for measures' names (`measureName`), its activities'
    ///     titles (a cycle's activity in the ramps' table) and its own name.
    ///   - threshold: the suppression threshold the words name.
    ///   - withheldNote: the note of a value withheld for disclosure (drawn as "<5" or "..").
    public func blocks(strings s: ReportStrings, style n: NumberStyle, model: LogicModel, threshold: Int,
                       withheldNote: String) -> [Block] {
        guard !measures.isEmpty || !ramps.isEmpty else {
            return [.paragraph(RichText(s("improvement.none", ["model": model.name])))]
        }
        var blocks: [Block] = [.paragraph(RichText(s("improvement.intro")))]
        let lang = RunChartSVG.Language(rawValue: n.language.rawValue) ?? .sv
        for m in measures {
            let name = Self.measureName(m.measure, title: m.title, model: model)
            blocks.append(.heading(level: 1, text: s("improvement.measure", ["measure": name])))
            let kind = s("improvement.chart.\(m.chart)")
            if let drawing = m.drawing, m.values.filter({ $0.y != nil }).count >= 2 {
                let svg = RunChartSVG.render(drawing, options: .init(
                    lang: lang, title: "\(kind): \(name)", yLabel: name + (m.chart == "p" ? " (%)" : ""), width: ChartPrint.width, height: ChartPrint.runChartHeight,
                    suppressed: Set(drawing.points.enumerated().filter { m.values[$0.offset].yNote == withheldNote }
                        .map { $0.element.index }),
                    suppressedLabel: s(m.chart == "run" ? "suppression.small" : "suppression.hidden")))
                var caption = s("improvement.caption", ["chart": kind, "measure": name, "span": n.span(m.first, m.last),
                                                        "cycles": String(m.cycles.count)])
                if m.hiddenPoints > 0 {
                    caption += " " + s("improvement.caption.hidden", ["hidden": String(m.hiddenPoints), "threshold": String(threshold)])
                }
                blocks.append(.figure(FigureBlock(svg: svg, caption: caption,
                                                  altText: s("improvement.alt", ["chart": kind, "measure": name,
                                                                                 "points": String(m.points)]),
                                                  n: m.points, nLabel: s("improvement.n"), placement: .inline)))
            }
            blocks.append(.paragraph(RichText(m.words(strings: s, style: n, threshold: threshold))))
            if m.illustrativeCycles {
                blocks.append(.callout(Callout(.caveat, title: s("caveat.title"), RichText(s("improvement.illustrative")))))
            }
        }
        if !ramps.isEmpty {
            blocks.append(.heading(level: 1, text: s("improvement.ramps")))
            blocks.append(rampTable(s, model: model))
        }
        return blocks
    }

    /// The ramps of cycles: one row per cycle, numbered in its ramp. A cycle's
    /// logic-model activity is named by its title on a line of its own (a bare code such
    /// as "A9" tells a reader nothing), as the ramp column names its ramp: on the ramp's
    /// first cycle and where the activity changes, not again below the same one, and
    /// not where the ramp's name already says it; an activity the model does not have is
    /// left out.
    func rampTable(_ s: ReportStrings, model: LogicModel) -> Block {
        var rows: [[TableBlock.Cell]] = []
        for ramp in ramps {
            let rampName = self.rampName(ramp)
            var activityAbove: String?
            for (i, c) in ramp.cycles.enumerated() {
                // The cycle's number in its ramp stands for its id (`infobrev-1`); the title names it.
                var title = RichText(id: String(i + 1), c.title)
                if c.illustrative { title = title + RichText([.emphasis(" – \(s("illustrative.label"))")]) }
                let activity = model.activities.first(where: { $0.id == c.activity })?.title
                if let activity, activity != activityAbove,
                   activity.compare(rampName, options: .caseInsensitive) != .orderedSame {
                    title = title + RichText("\n" + s("improvement.cycle.activity", ["activity": activity]))
                }
                activityAbove = activity
                // One date per line: an ISO date must not break at its hyphens.
                let dates = c.end.map { "\(c.start) –\n\($0)" } ?? "\(c.start) –"
                rows.append([TableBlock.Cell(i == 0 ? rampName : "", isRowHeader: true), TableBlock.Cell(title),
                             TableBlock.Cell(dates), TableBlock.Cell(c.prediction),
                             TableBlock.Cell(s("improvement.decision.\(c.decision ?? "none")"))])
            }
        }
        return .table(TableBlock(
            caption: s("improvement.ramps.caption"),
            header: [["improvement.col.ramp", "improvement.col.cycle", "improvement.col.dates",
                      "improvement.col.prediction", "improvement.col.decision"].map { TableBlock.Cell(s($0)) }],
            rows: rows, alignments: [.left, .left, .left, .left, .left]))
    }

    /// The brief's (and the final report's summary's) line on the improvement work: how
    /// many cycles on how many measures, and what was decided after them.
    public func summaryBlocks(strings s: ReportStrings) -> [Block] {
        let cycles = ramps.flatMap(\.cycles)
        guard !cycles.isEmpty else { return [] }
        let measures = Set(cycles.compactMap(\.measure)).count
        // The decisions that were taken, in words; "ingen avbryts" rather than "0 avbryts",
        // and no "0 behålls".
        var parts: [String] = []
        for (decision, key) in [("adopt", "adopt"), ("adapt", "adapt"), (nil, "ongoing"), ("abandon", "abandon")] as [(String?, String)] {
            let n = cycles.filter { $0.decision == decision }.count
            if n > 0 { parts.append(s("steering.summary.pdsa.\(key)", ["count": String(n)])) }
            else if key == "abandon" { parts.append(s("steering.summary.pdsa.abandon.none")) }
        }
        var text = s(cycles.count == 1 ? "steering.summary.pdsa.one" : "steering.summary.pdsa", [
            "cycles": String(cycles.count),
            "measures": measures == 1 ? s("steering.summary.measures.one") : s("steering.summary.measures", ["count": String(measures)]),
            "decisions": ListWords.joined(parts, and: s("word.and")),
        ])
        if cycles.allSatisfy(\.illustrative) { text += " " + s("steering.summary.pdsa.illustrative") }
        return [.paragraph(RichText(lead: s("steering.summary.pdsa.lead"), text))]
    }

    /// The report's method paragraph on the improvement work; none when there is none.
    public func methodBlocks(strings s: ReportStrings) -> [Block] {
        let cycles = ramps.flatMap(\.cycles)
        guard !measures.isEmpty || !cycles.isEmpty else { return [] }
        return [.paragraph(RichText(lead: s("method.improvement.lead"), s("method.improvement", [
            "measures": String(measures.count), "cycles": String(cycles.count)])))]
    }

    /// The limitation that every cycle is illustrative, when so.
    public func limitationBlocks(strings s: ReportStrings) -> [Block] {
        let cycles = ramps.flatMap(\.cycles)
        guard !measures.isEmpty || !cycles.isEmpty else { return [] }
        return !cycles.isEmpty && cycles.allSatisfy(\.illustrative)
            ? [.paragraph(RichText(s("limitations.illustrative.cycles")))] : []
    }

    /// A ramp's name: the title of the one measure its cycles watch, when that measure
    /// has one ("Konsultation till förskolor"); else its `ramp:` name (or first cycle's
    /// id) spelt out.
    func rampName(_ ramp: Ramp) -> String {
        let watched = Set(ramp.cycles.compactMap(\.measure))
        if watched.count == 1, let id = watched.first, let title = measures.first(where: { $0.measure == id })?.title {
            return title
        }
        return Self.readableName(ramp.name)
    }

    /// A measure's name: its own title (`measures import --title`) when it has one; else
    /// the title of the model's indicator bound to it (`data: {measure: ID}`), which has
    /// the letters an id leaves out; else the id spelt out.
    public static func measureName(_ id: String, title: String? = nil, model: LogicModel) -> String {
        if let title, !title.isEmpty { return title }
        return model.indicators.first { if case .measure(let m)? = $0.data { return m == id }; return false }?.title ?? readableName(id)
    }

    /// A measure or ramp id as words: `familjerad-vid-avslutad-placering` → "Familjerad
    /// vid avslutad placering": the last resort, for a measure without a title (letters
    /// the id left out, such as the ö of "förskole", cannot be restored from it).
    public static func readableName(_ id: String) -> String {
        let words = id.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}

extension ImprovementReport.Measure {
    /// The runs analysis, centre line and limits in words, and what was withheld.
    func words(strings s: ReportStrings, style n: NumberStyle, threshold: Int) -> String {
        var words: [String] = []
        if !signalPossible {
            words.append(s("improvement.signal.impossible", ["useful": String(usefulPoints)]))
        } else if let lr = longestRun, let lmax = longestRunMax, let c = crossings, let cmin = crossingsMin {
            let crossings = c == 1 ? s("improvement.crossings.one") : s("improvement.crossings", ["n": String(c)])
            let values = ["longest": String(lr), "max": String(lmax), "crossings": crossings, "min": String(cmin),
                          "useful": String(usefulPoints)]
            words.append(s(runsSignal ? "improvement.signal.runs" : "improvement.signal.none", values))
        }
        if let centre {
            // As the chart labels its centre line, when there is a chart.
            let decimals = drawing.map { RunChartSVG.labelDecimals($0, numbers: n) }
            let text = chart == "p" ? n.percent(100 * centre, decimals: decimals ?? 1) : n.decimal(centre, decimals: decimals ?? 2)
            if let baseline {
                // The team's baseline: said first, since every other figure is read against it.
                words.insert(s(chart == "run" ? "improvement.baseline.run" : "improvement.baseline", [
                    "points": String(baseline.points), "span": n.span(baseline.first, baseline.last), "centre": text]), at: 0)
                // A P chart's baseline at 0 % or 100 % has no spread: its limits are the line itself.
                if chart == "p" && (centre == 0 || centre == 1) { words.insert(s("improvement.baseline.flat", ["centre": text]), at: 1) }
            } else {
                words.append(s(chart == "run" ? "improvement.median" : "improvement.centre", ["centre": text]))
            }
        }
        if let outside = pointsOutsideLimits {
            words.append(s(outside == 0 ? "improvement.outside.none" : outside == 1 ? "improvement.outside.one" : "improvement.outside",
                           ["points": String(outside)]))
        }
        // How many can be shown, and why the others are not: withheld (below) or missing,
        // so "14 withheld" beside "fewer than two shown" of 16 adds up.
        let shown = values.filter { $0.y != nil }.count
        // The count outside the limits includes withheld points, which the chart draws no
        // diamond for: a drawn chart's words say how many of them it cannot show.
        if let outside = pointsOutsideLimits, outside > 0, shown >= 2,
           let withheld = drawing?.points.filter({ $0.signal && $0.y == nil }).count, withheld > 0 {
            let key = outside == 1 ? "only" : withheld == outside ? "all" : withheld == 1 ? "one" : nil
            words.append(s("improvement.outside.withheld" + (key.map { "." + $0 } ?? ""),
                           ["withheld": String(withheld), "shown": String(outside - withheld)]))
        }
        if shown < 2 {
            words.append(s(shown == 0 ? "improvement.too_few_shown.none" : "improvement.too_few_shown",
                           ["points": String(points), "shown": CountWords.word(shown, s.language)]))
        }
        let missing = points - shown - hiddenPoints
        if missing > 0, counts != "events" {
            words.append(s(missing == 1 ? "improvement.missing.one" : "improvement.missing", ["missing": String(missing)]))
        }
        if counts == "events" {
            words.append(s("improvement.events"))
        } else if hiddenPoints > 0 {
            // The mark the chart draws in the point's place: "<5" on a run chart of counts,
            // ".." on a P chart (a share names no count).
            words.append(s(hiddenPoints == 1 ? "improvement.hidden.one" : "improvement.hidden",
                           ["hidden": String(hiddenPoints), "threshold": String(threshold),
                            "mark": chart == "run" ? "<" + String(threshold) : s("suppression.hidden")]))
        }
        return words.joined(separator: " ")
    }
}
