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
/// denominator (run chart when a numerator exceeds it), else a run chart; centre line and
/// limits from the baseline the team set (`measures baseline`), else from every point
/// (`StoredMeasureReading`, which `runchart --measure` and the demo read with too).
///
/// Suppression (DESIGN §6): a point built on a count of 1–4 — numerator, denominator or
/// their difference, or the value of a count measure (all values whole numbers) — is
/// not drawn and reads "<5"; its value is null in the JSON. The runs analysis, centre
/// line and limits are computed from every point (they are properties of the whole
/// series and disclose no single point); limits are not drawn at a withheld point,
/// since a P chart's limits give its denominator away. A measure that counts events,
/// not persons (`measures import --counts events`: consultations, meetings) has every
/// point shown.
///
/// The record is `ImprovementReport` and its blocks `ImprovementReport.blocks` and
/// friends (Presentation): this section computes the record, decides which points are
/// withheld, and calls the blocks.
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

    public func compute(_ context: ReportContext) throws -> Result {
        guard let database = context.database else { return Result(measures: [], ramps: [], note: "no database") }
        let modelID = context.model.id
        let data = try ImprovementData.load(database, modelID: modelID)
        let rule = context.request.suppression
        var measures: [Measure] = []
        for loaded in data.measures {
            let stored = loaded.summary, series = loaded.series, watching = loaded.watching
            var result: RunChartResult
            let baseline = StoredMeasureReading.baseline(through: stored.baselineThrough, in: series)
            var options = StoredMeasureReading.options(series: series, baseline: baseline)
            do {
                result = try RunChartAnalysis.analyse(series, options: options, pdsa: watching)
            } catch is AnalysisInputError {
                options.chart = .run
                result = try RunChartAnalysis.analyse(series, options: options, pdsa: watching)
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
                imports: stored.imports, counts: stored.countsEvents ? "events" : nil, drawing: result, title: stored.title,
                baseline: baseline))
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
}

extension RunChartSection {
    /// A measure's name in a document (`ImprovementReport.measureName`, Presentation):
    /// its stored title, else the bound indicator's title, else its id spelt out.
    public static func measureName(_ id: String, title: String? = nil, model: LogicModel) -> String {
        ImprovementReport.measureName(id, title: title, model: model)
    }

    /// Each improvement measure's centre line.
    public func headlines(_ result: Result, context: ReportContext) -> [HeadlineFigure] {
        result.measures.enumerated().map { m, measure in
            HeadlineFigure(id: "measure:\(measure.measure)", kind: .measure,
                           label: context.strings("steering.changes.measure", ["measure": Self.measureName(measure.measure, title: measure.title, model: context.model)]),
                           value: measure.centre, path: "\(key).measures[\(m)].centre")
        }
    }
}
