import Evaluation
import LogicModel
import Periods
import Presentation
import Statistics
import Store

/// Improvement work (issue 8) in reports: 6 Resultatredovisning › Förbättringsarbete —
/// each stored measure's run chart (or P chart, for a measure with a denominator) with
/// its PDSA cycles on the dates they started, the runs analysis (Anhøj rules,
/// qicharts2) and limits in words, and the ramps of cycles as a table.
///
/// Which measures: those watched by a PDSA cycle of the model, and those no cycle
/// watches (they cannot belong to another model). Chart: P when the measure has a
/// denominator (run chart when a numerator exceeds it), else a run chart; no freeze or
/// phases (a report cannot guess the baseline; `piloteval runchart` can).
///
/// Suppression (DESIGN §6): a point built on a count of 1–4 — numerator, denominator or
/// their difference, or the value of a count measure (all values whole numbers) — is
/// not drawn and reads "<5"; its value is null in the JSON. The runs analysis, centre
/// line and limits are computed from every point (they are properties of the whole
/// series and disclose no single point); limits are not drawn at a withheld point,
/// since a P chart's limits give its denominator away. A measure that counts events,
/// not persons (`measures import --counts events`: consultations, meetings) has every
/// point shown.
public struct RunChartSection: ReportSectionBuilder {
    public init() {}

    public typealias Result = ImprovementReport
    public typealias Value = ImprovementReport.Value
    public typealias Measure = ImprovementReport.Measure
    public typealias Cycle = ImprovementReport.Cycle
    public typealias Ramp = ImprovementReport.Ramp

    public var key: String { "improvement" }

    public func slots(in kind: ReportKind) -> [ReportSlot] {
        switch kind {
        case .final: [.improvement, .method, .limitations, .finalSummary]
        case .steering: [.steeringSummary]
        case .tertial: []
        }
    }

    /// The brief's line on the improvement work: how many cycles on how many measures,
    /// and what was decided after them.
    func legacySummaryBlocks(_ result: Result, context: ReportContext) -> [Block] {
        let s = context.strings
        let cycles = result.ramps.flatMap(\.cycles)
        guard !cycles.isEmpty else { return [] }
        let count = { (decision: String?) in String(cycles.filter { $0.decision == decision }.count) }
        let measures = Set(cycles.compactMap(\.measure)).count
        var text = s(cycles.count == 1 ? "steering.summary.pdsa.one" : "steering.summary.pdsa", [
            "cycles": String(cycles.count),
            "measures": measures == 1 ? s("steering.summary.measures.one") : s("steering.summary.measures", ["count": String(measures)]),
            "adopt": count("adopt"), "adapt": count("adapt"), "abandon": count("abandon"), "ongoing": count(nil),
        ])
        if cycles.allSatisfy(\.illustrative) { text += " " + s("steering.summary.pdsa.illustrative") }
        return [.paragraph(RichText(lead: s("steering.summary.pdsa.lead"), text))]
    }

    public func compute(_ context: ReportContext) throws -> Result {
        guard let database = context.database else { return Result(measures: [], ramps: [], note: "no database") }
        let modelID = context.model.id
        let data = try ImprovementData.load(database, modelID: modelID)
        let rule = context.request.suppression
        var measures: [Measure] = []
        for loaded in data.measures {
            let stored = loaded.summary, series = loaded.series, watching = loaded.watching
            var result: RunChartResult
            do {
                result = try RunChartAnalysis.analyse(series, options: .init(chart: series.hasDenominator ? .p : .run), pdsa: watching)
            } catch is AnalysisInputError {
                result = try RunChartAnalysis.analyse(series, options: .init(chart: .run), pdsa: watching)
            }
            let hidden = stored.countsEvents ? Set<Int>() : Self.hiddenPoints(series, rule: rule)
            for i in result.points.indices where hidden.contains(result.points[i].index) {
                result.points[i].y = nil
                result.points[i].numerator = nil
                result.points[i].denominator = nil
                result.points[i].lcl = nil
                result.points[i].ucl = nil
                result.points[i].note = nil
            }
            let phase = result.current
            let runs = phase.runs
            measures.append(Measure(
                measure: stored.measure, chart: result.chart.rawValue, points: result.points.count, hiddenPoints: hidden.count,
                first: phase.first, last: phase.last, centre: phase.centre.value, centreNote: phase.centre.note,
                usefulPoints: runs.usefulPoints, longestRun: runs.longestRun, longestRunMax: runs.longestRunMax,
                crossings: runs.crossings, crossingsMin: runs.crossingsMin, runsSignal: runs.signal,
                signalPossible: runs.signalPossible,
                pointsOutsideLimits: result.chart == .run ? nil : result.points.filter(\.signal).count,
                values: result.points.map { p in
                    Value(label: p.label, y: p.y,
                          yNote: p.y != nil ? nil : hidden.contains(p.index) ? IndicatorFigureSuppression.smallNote : "missing")
                },
                cycles: result.pdsa.map(\.id), illustrativeCycles: !watching.isEmpty && watching.allSatisfy(\.illustrative),
                imports: stored.imports, counts: stored.countsEvents ? "events" : nil, drawing: result))
        }
        let ramps = Self.ramps(data.cycles)
        let note: String? = measures.isEmpty && ramps.isEmpty
            ? "no stored measure and no PDSA cycle belongs to model \(modelID)" : nil
        return Result(measures: measures, ramps: ramps, note: note)
    }

    /// Point indices (1-based, as the chart numbers them) whose value rests on a count of 1–4.
    static func hiddenPoints(_ series: MeasureSeries, rule: SuppressionRule) -> Set<Int> {
        var out = Set<Int>()
        let whole = { (x: Double) in x >= 0 && x == x.rounded() }
        let isCountMeasure = !series.hasDenominator && series.points.compactMap(\.value).allSatisfy(whole)
        for (i, p) in series.points.enumerated() {
            if series.hasDenominator {
                guard let v = p.value, let d = p.denominator, whole(v), whole(d) else { continue }
                if [v, d, d - v].contains(where: { rule.isSmall(Int($0)) }) { out.insert(i + 1) }
            } else if isCountMeasure, let v = p.value, rule.isSmall(Int(v)) {
                out.insert(i + 1)
            }
        }
        return out
    }

    /// Chains of cycles linked by `previous`, first cycle first; named by the cycles'
    /// `ramp` where one gives it, else by the first cycle's id.
    static func ramps(_ cycles: [PDSACycle]) -> [Ramp] {
        let ids = Set(cycles.map(\.id))
        var used = Set<String>()
        var out: [Ramp] = []
        for root in cycles where root.previous.map({ !ids.contains($0) }) ?? true {
            var chain = [root]
            used.insert(root.id)
            while let next = cycles.first(where: { $0.previous == chain.last!.id && !used.contains($0.id) }) {
                chain.append(next)
                used.insert(next.id)
            }
            out.append(Ramp(name: chain.compactMap(\.ramp).first ?? root.id, cycles: chain.map { c in
                Cycle(id: c.id, title: c.title, activity: c.activity, measure: c.measure, start: c.start.iso, end: c.end?.iso,
                      decision: c.decision?.rawValue, prediction: c.prediction, illustrative: c.illustrative)
            }))
        }
        return out
    }

    public func imports(_ result: Result, context: ReportContext) -> [Int] { result.measures.flatMap(\.imports) }

    public func blocks(_ result: Result, for slot: ReportSlot, context: ReportContext) -> [Block] {
        let s = context.strings
        switch slot {
        case .steeringSummary, .finalSummary: return result.summaryBlocks(strings: s)
        case .method: return result.methodBlocks(strings: s)
        case .limitations: return result.limitationBlocks(strings: s)
        default:
            return result.blocks(strings: s, style: context.numbers, model: context.model,
                                 threshold: context.request.suppression.threshold,
                                 withheldNote: IndicatorFigureSuppression.smallNote)
        }
    }

    // TEMPORARY: the blocks as the section built them before they moved to Presentation.
    func legacyBlocks(_ result: Result, for slot: ReportSlot, context: ReportContext) -> [Block] {
        if slot == .steeringSummary || slot == .finalSummary { return legacySummaryBlocks(result, context: context) }
        if slot == .method || slot == .limitations {
            let s = context.strings
            let cycles = result.ramps.flatMap(\.cycles)
            guard !result.measures.isEmpty || !cycles.isEmpty else { return [] }
            if slot == .limitations {
                return !cycles.isEmpty && cycles.allSatisfy(\.illustrative)
                    ? [.paragraph(RichText(s("limitations.illustrative.cycles")))] : []
            }
            return [.paragraph(RichText(lead: s("method.improvement.lead"), s("method.improvement", [
                "measures": String(result.measures.count), "cycles": String(cycles.count)])))]
        }
        let s = context.strings, n = context.numbers
        guard !result.measures.isEmpty || !result.ramps.isEmpty else {
            return [.paragraph(RichText(s("improvement.none", ["model": context.model.name])))]
        }
        var blocks: [Block] = [.paragraph(RichText(s("improvement.intro")))]
        let lang = RunChartSVG.Language(rawValue: context.language.rawValue) ?? .sv
        for m in result.measures {
            let name = Self.measureName(m.measure, model: context.model)
            blocks.append(.heading(level: 1, text: s("improvement.measure", ["measure": name])))
            let kind = s("improvement.chart.\(m.chart)")
            if let drawing = m.drawing, m.values.filter({ $0.y != nil }).count >= 2 {
                let svg = RunChartSVG.render(drawing, options: .init(
                    lang: lang, title: "\(kind): \(name)", yLabel: name + (m.chart == "p" ? " (%)" : ""), width: 760, height: 420,
                    suppressed: Set(drawing.points.enumerated().filter { m.values[$0.offset].yNote == IndicatorFigureSuppression.smallNote }
                        .map { $0.element.index }),
                    suppressedLabel: s(m.chart == "run" ? "suppression.small" : "suppression.hidden")))
                var caption = s("improvement.caption", ["chart": kind, "measure": name, "first": m.first, "last": m.last,
                                                        "cycles": String(m.cycles.count)])
                if m.hiddenPoints > 0 { caption += " " + s("improvement.caption.hidden", ["hidden": String(m.hiddenPoints)]) }
                blocks.append(.figure(FigureBlock(svg: svg, caption: caption,
                                                  altText: s("improvement.alt", ["chart": kind, "measure": name,
                                                                                 "points": String(m.points)]),
                                                  n: m.points, nLabel: s("improvement.n"), placement: .inline)))
            }
            var words: [String] = []
            if !m.signalPossible {
                words.append(s("improvement.signal.impossible", ["useful": String(m.usefulPoints)]))
            } else if let lr = m.longestRun, let lmax = m.longestRunMax, let c = m.crossings, let cmin = m.crossingsMin {
                let crossings = c == 1 ? s("improvement.crossings.one") : s("improvement.crossings", ["n": String(c)])
                let values = ["longest": String(lr), "max": String(lmax), "crossings": crossings, "min": String(cmin),
                              "useful": String(m.usefulPoints)]
                words.append(s(m.runsSignal ? "improvement.signal.runs" : "improvement.signal.none", values))
            }
            if let centre = m.centre {
                let text = m.chart == "p" ? n.percent(100 * centre) : n.decimal(centre, decimals: 2)
                words.append(s(m.chart == "run" ? "improvement.median" : "improvement.centre", ["centre": text]))
            }
            if let outside = m.pointsOutsideLimits {
                words.append(s(outside == 0 ? "improvement.outside.none" : outside == 1 ? "improvement.outside.one" : "improvement.outside", ["points": String(outside)]))
            }
            if m.values.filter({ $0.y != nil }).count < 2 {
                words.append(s("improvement.too_few_shown", ["points": String(m.points)]))
            }
            if m.counts == "events" {
                words.append(s("improvement.events"))
            } else if m.hiddenPoints > 0 {
                words.append(s(m.hiddenPoints == 1 ? "improvement.hidden.one" : "improvement.hidden", ["hidden": String(m.hiddenPoints), "threshold": String(context.request.suppression.threshold)]))
            }
            blocks.append(.paragraph(RichText(words.joined(separator: " "))))
            if m.illustrativeCycles {
                blocks.append(.callout(Callout(.caveat, title: s("caveat.title"), RichText(s("improvement.illustrative")))))
            }
        }
        if !result.ramps.isEmpty {
            blocks.append(.heading(level: 1, text: s("improvement.ramps")))
            var rows: [[TableBlock.Cell]] = []
            for ramp in result.ramps {
                for (i, c) in ramp.cycles.enumerated() {
                    // The cycle's number in its ramp stands for its id (`infobrev-1`); the title names it.
                    var title = RichText(id: String(i + 1), c.title + " (\(c.activity))")
                    if c.illustrative { title = title + RichText([.emphasis(" – \(s("illustrative.label"))")]) }
                    // One date per line: an ISO date must not break at its hyphens.
                    let dates = c.end.map { "\(c.start) –\n\($0)" } ?? "\(c.start) –"
                    rows.append([TableBlock.Cell(i == 0 ? Self.readableName(ramp.name) : "", isRowHeader: true), TableBlock.Cell(title),
                                 TableBlock.Cell(dates), TableBlock.Cell(c.prediction),
                                 TableBlock.Cell(s("improvement.decision.\(c.decision ?? "none")"))])
                }
            }
            blocks.append(.table(TableBlock(
                caption: s("improvement.ramps.caption"),
                header: [["improvement.col.ramp", "improvement.col.cycle", "improvement.col.dates",
                          "improvement.col.prediction", "improvement.col.decision"].map { TableBlock.Cell(s($0)) }],
                rows: rows, alignments: [.left, .left, .left, .left, .left])))
        }
        return blocks
    }
}

extension RunChartSection {
    /// A measure's name in a document (`ImprovementReport.measureName`, Presentation).
    public static func measureName(_ id: String, model: LogicModel) -> String {
        ImprovementReport.measureName(id, model: model)
    }

    static func readableName(_ id: String) -> String { ImprovementReport.readableName(id) }

    /// Each improvement measure's centre line.
    public func headlines(_ result: Result, context: ReportContext) -> [HeadlineFigure] {
        result.measures.enumerated().map { m, measure in
            HeadlineFigure(id: "measure:\(measure.measure)", kind: .measure,
                           label: context.strings("steering.changes.measure", ["measure": Self.measureName(measure.measure, model: context.model)]),
                           value: measure.centre, path: "\(key).measures[\(m)].centre")
        }
    }
}
