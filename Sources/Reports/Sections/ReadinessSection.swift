import Evaluation
import LogicModel
import Presentation
import Statistics
import Store

/// Change readiness (issue 7) in reports: 6 Resultatredovisning › Förändringsbenägenhet
/// (per unit and over time: a table of the all-items score per unit and wave, the heat
/// map of the latest wave, the trend chart, the Likert bars of the latest
/// respondent-level wave, reliability and whether unit means describe the units, in
/// words) and the steering brief's "readiness by unit" (one short table).
///
/// Which surveys: the stored instruments whose id is the model's id or starts with it
/// and a hyphen (`vallingbyteamet-readiness` for `vallingbyteamet`), with at least one
/// wave. Units with fewer respondents than the suppression threshold are withheld (the
/// readiness analyses' `minGroup`), and the Likert bars are recoded so that no answer
/// category of 1–4 answers is drawn (`LikertBars.bars`). Aggregated waves (unit means
/// only) are labelled and compared descriptively.
///
/// A withheld unit contributes to no published figure (issue 19): in each wave where a
/// unit has fewer respondents than the threshold, its respondents are left out before
/// anything pooled is computed — the wave's respondent count (the JSON's `respondents`,
/// the figures' n), Cronbach's alpha, the ICCs and the verdict, the Likert bars — so no
/// total minus the shown units' n gives its size and no pooled mean gives its mean. The
/// unit is still listed, its n and mean null with a note beginning "suppressed". The rule
/// is per wave: a unit withheld in one wave and shown in another has its n and mean in
/// the other; a change to or from the withheld wave is not given, and every figure that
/// spans waves (the trend chart's n) is a sum of the waves' published totals.
/// Aggregated waves publish no total and no pooled mean, only each unit's mean and n,
/// withheld when that n is below the threshold.
public struct ReadinessSection: ReportSectionBuilder {
    public init() {}

    public typealias Result = ReadinessReport
    public typealias UnitScore = ReadinessReport.UnitScore
    public typealias Wave = ReadinessReport.Wave
    public typealias Change = ReadinessReport.Change
    public typealias Survey = ReadinessReport.Survey
    typealias Charts = ReadinessReport.Charts

    public var key: String { "readiness" }

    public func slots(in kind: ReportKind) -> [ReportSlot] {
        switch kind {
        case .final: [.readiness, .method, .limitations]
        case .steering: [.steeringReadiness]
        case .tertial: []
        }
    }

    public func compute(_ context: ReportContext) throws -> Result {
        guard let database = context.database else { return Result(surveys: [], note: "no database") }
        let catalog = InstrumentCatalog(database)
        let id = context.model.id
        let ids = try catalog.reported(for: id)
        let repository = ReadinessRepository(database)
        // The internal audience sees every unit (`minimumGroup` is 1 there).
        let minGroup = context.request.suppression.minimumGroup
        let importLog = try ImportLog(database).list().filter { $0.kind == ReadinessImporter.kind && $0.status == .complete }
        var surveys: [Survey] = []
        for instrumentID in ids {
            let instrument = try catalog.resolve(instrumentID)
            let data = try repository.loadAll(instrument: instrument)
            guard !data.isEmpty else { continue }
            // Withheld units' respondents are left out of every pooled figure of their wave.
            let summaries = data.map {
                ReadinessSummary.compute($0, instrument: instrument, minGroup: minGroup, poolWithheldUnits: false)
            }
            let trend = ReadinessTrend.compute(data, instrument: instrument, minGroup: minGroup)
            let syntheticWaves = Set(importLog.filter(SyntheticData.isSynthetic).compactMap { r -> String? in
                guard let target = r.target, target.hasPrefix(instrument.id + " ") else { return nil }
                return String(target.dropFirst(instrument.id.count + 1))
            })
            let waves = summaries.map { Self.wave($0, synthetic: syntheticWaves.contains($0.wave), language: context.language) }
            let scaleSeries = trend.series.filter { $0.kind == "scale" && $0.key == ReadinessScoring.allItemsKey }
            let changes: [Change] = scaleSeries.compactMap { series in
                guard let c = series.changes.last(where: { $0.difference.isDefined }) ?? series.changes.last else { return nil }
                return Change(unit: series.unit, from: c.from, to: c.to, method: c.method, difference: c.difference.value,
                              differenceNote: c.difference.note, ciLow: c.ciLow.value, ciHigh: c.ciHigh.value,
                              p: c.p.value, pAdjusted: c.pAdjusted.value)
            }
            let tests = trend.series.flatMap(\.changes).filter { $0.pAdjusted.isDefined }.count
            let likertSummary = summaries.last { !$0.aggregated }
            let likert = likertSummary.map {
                LikertBars.bars($0, instrument: instrument, suppression: context.request.suppression)
            } ?? []
            let imports = importLog.filter { ($0.target ?? "").hasPrefix(instrument.id + " ") }.map(\.id)
            surveys.append(Survey(instrument: instrument.id, name: instrument.name, scaleMin: instrument.scale.min,
                                  scaleMax: instrument.scale.max, waves: waves, changes: changes, tests: tests,
                                  likertWave: likertSummary?.wave, likert: likert, imports: imports,
                                  charts: Charts(instrument: instrument, latest: summaries.last!,
                                                 likertSummary: likertSummary, trend: trend)))
        }
        return Result(surveys: surveys, note: surveys.isEmpty
            ? "no readiness survey is stored for an instrument named \(id) or \(id)-…" : nil)
    }

    /// Why a public record leaves out a survey wave's import row count, or nil when it
    /// may give it: only a wave the report shows with no unit withheld, whose rows are
    /// the respondents it publishes (a unit-means wave: its units, all listed), so the
    /// count minus the shown units' total names nobody. A wave with a withheld unit says
    /// so; one whose rows differ from its published respondents, or that the report does
    /// not show, says that instead (before, every wave was said to hold withheld units).
    public static func rowCountNote(target: String?, rows: Int, results: [String: JSONValue]) -> String? {
        let withheld = "suppressed: a survey wave's respondents include units withheld for their size"
        let unpublished = "suppressed: the wave's rows count respondents the report does not publish"
        guard case .object(let readiness)? = results["readiness"], case .array(let surveys)? = readiness["surveys"] else {
            return unpublished
        }
        for case .object(let survey) in surveys {
            guard case .string(let instrument)? = survey["instrument"], case .array(let waves)? = survey["waves"] else { continue }
            for case .object(let wave) in waves {
                guard case .string(let label)? = wave["wave"], target == instrument + " " + label else { continue }
                if case .array(let units)? = wave["units"],
                   units.contains(where: { if case .object(let u) = $0 { return u["suppressed"] == .bool(true) }; return false }) {
                    return withheld
                }
                if wave["aggregated"] == .bool(true) { return nil }
                if case .number(let respondents)? = wave["respondents"], respondents == Double(rows) { return nil }
                return unpublished
            }
        }
        return unpublished
    }

    static func wave(_ s: ReadinessSummary, synthetic: Bool, language: Language) -> Wave {
        let units = s.units.map { u -> UnitScore in
            let all = u.scales.first { $0.scale == ReadinessScoring.allItemsKey }
            return UnitScore(unit: u.unit, n: u.n,
                             nNote: u.n == nil ? (u.suppressed ? "suppressed: fewer respondents than the threshold" : "not given by the source") : nil,
                             suppressed: u.suppressed, mean: all?.mean.value,
                             meanNote: all == nil ? (u.suppressed ? "suppressed" : "no score") : all!.mean.note,
                             ciLow: all?.ciLow.value, ciHigh: all?.ciHigh.value)
        }
        let verdict = s.aggregation.verdict
        // The shown units' respondents: the summary's pooled figures rest on exactly these.
        let shown = s.units.filter { !$0.suppressed }.compactMap(\.n).reduce(0, +)
        let withheld = s.units.contains(where: \.suppressed)
        return Wave(wave: s.wave, aggregated: s.aggregated, synthetic: synthetic, respondents: s.aggregated ? nil : shown,
                    respondentsNote: !s.aggregated && withheld
                        ? "respondents of the units shown: units with fewer than \(s.minGroup) respondents are left out of this and every pooled figure"
                        : nil,
                    units: units, alpha: s.reliability.alpha.value, alphaNote: s.reliability.alpha.note,
                    alphaCILow: s.reliability.ciLow.value, alphaCIHigh: s.reliability.ciHigh.value,
                    icc1: s.aggregation.icc1.value, icc2: s.aggregation.icc2.value, iccNote: s.aggregation.icc2.note,
                    verdict: verdict.code.rawValue, verdictText: language == .sv ? verdict.sv : verdict.en)
    }

    public func imports(_ result: Result, context: ReportContext) -> [Int] { result.surveys.flatMap(\.imports) }

    public func blocks(_ result: Result, for slot: ReportSlot, context: ReportContext) -> [Block] {
        let threshold = context.request.suppression.threshold
        switch slot {
        case .method: return result.methodBlocks(strings: context.strings, threshold: threshold)
        case .limitations: return result.limitationBlocks(strings: context.strings)
        case .steeringReadiness:
            return result.steeringBlocks(strings: context.strings, style: context.numbers, threshold: threshold,
                                         modelName: context.model.name)
        default:
            return result.blocks(strings: context.strings, style: context.numbers, threshold: threshold,
                                 modelName: context.model.name)
        }
    }

    // TEMPORARY: the blocks as the section built them before they moved to Presentation.
    func legacyBlocks(_ result: Result, for slot: ReportSlot, context: ReportContext) -> [Block] {
        let s = context.strings
        guard !result.surveys.isEmpty else {
            if slot == .method || slot == .limitations { return [] }
            return [.paragraph(RichText(s("readiness.none", ["model": context.model.name])))]
        }
        switch slot {
        case .method:
            return result.surveys.map { survey in
                .paragraph(RichText([.strong(s("method.readiness.lead") + " ")]) + RichText(s("method.readiness", [
                    "name": survey.name, "waves": survey.waves.map { waveLabel($0, s) }.joined(separator: ", "),
                    "min": String(survey.scaleMin), "max": String(survey.scaleMax),
                    "threshold": String(context.request.suppression.threshold),
                ])))
            }
        case .limitations:
            return result.surveys.compactMap { survey in
                let synthetic = survey.waves.filter(\.synthetic).map(\.wave)
                guard !synthetic.isEmpty else { return nil }
                return .paragraph(RichText(s("limitations.synthetic.waves", ["name": survey.name,
                                                                             "waves": synthetic.joined(separator: ", ")])))
            }
        case .steeringReadiness: return result.surveys.flatMap { steering($0, context: context) }
        default: return result.surveys.flatMap { final($0, context: context) }
        }
    }

    // MARK: - Words

    func waveLabel(_ w: Wave, _ s: ReportStrings) -> String {
        let marks = (w.aggregated ? [s("readiness.aggregated.short")] : []) + (w.synthetic ? [s("readiness.synthetic.short")] : [])
        return marks.isEmpty ? w.wave : "\(w.wave) (\(marks.joined(separator: ", ")))"
    }

    func meanText(_ u: UnitScore?, context: ReportContext, withN: Bool = true) -> String {
        let s = context.strings
        guard let u else { return s("placeholder.value") }
        if u.suppressed { return s("suppression.small") }
        guard let m = u.mean else { return s("placeholder.value") }
        var text = context.numbers.decimal(m, decimals: 2)
        if withN {
            text += " (" + (u.n.map { "n" + NumberStyle.noBreakSpace + "=" + NumberStyle.noBreakSpace + context.numbers.integer($0) }
                            ?? s("readiness.n.unknown")) + ")"
        }
        return text
    }

    func changeText(_ c: Change, context: ReportContext) -> String {
        let s = context.strings, n = context.numbers
        guard let d = c.difference else { return s("placeholder.value") }
        var text = n.signed(d, decimals: 2)
        if c.method == "descriptive" {
            text += " (" + s("readiness.descriptive") + ")"
        } else if let lo = c.ciLow, let hi = c.ciHigh {
            text += " (" + s("readiness.ci", ["low": n.decimal(lo, decimals: 2), "high": n.decimal(hi, decimals: 2)]) + ")"
        }
        return text
    }

    // MARK: - Final report

    func final(_ survey: Survey, context: ReportContext) -> [Block] {
        let s = context.strings, n = context.numbers
        var blocks: [Block] = [.paragraph(RichText(s("readiness.intro", [
            "name": survey.name, "min": String(survey.scaleMin), "max": String(survey.scaleMax),
            "waves": survey.waves.map { waveLabel($0, s) }.joined(separator: ", "),
        ])))]
        // Per unit and over time: the all-items score.
        var units: [String] = []
        for w in survey.waves { for u in w.units where !units.contains(u.unit) { units.append(u.unit) } }
        let changeByUnit = Dictionary(survey.changes.map { ($0.unit, $0) }, uniquingKeysWith: { a, _ in a })
        let header = [TableBlock.Cell(s("readiness.col.unit"))] + survey.waves.map { TableBlock.Cell(waveLabel($0, s)) }
            + [TableBlock.Cell(s("readiness.col.change"))]
        let rows: [[TableBlock.Cell]] = units.map { unit in
            [TableBlock.Cell(unit, isRowHeader: true)]
                + survey.waves.map { w in TableBlock.Cell(meanText(w.units.first { $0.unit == unit }, context: context)) }
                + [TableBlock.Cell(changeByUnit[unit].map { changeText($0, context: context) } ?? s("placeholder.value"))]
        }
        var notes = [RichText(s("readiness.table.note", ["min": String(survey.scaleMin), "max": String(survey.scaleMax)]))]
        if survey.waves.contains(where: \.aggregated) { notes.append(RichText(s("readiness.aggregated.note"))) }
        if survey.waves.contains(where: { $0.units.contains(where: \.suppressed) }) {
            let threshold = ["threshold": String(context.request.suppression.threshold)]
            notes.append(RichText(s("readiness.suppressed.note", threshold)))
            notes.append(RichText(s("readiness.suppressed.pooled", threshold)))
        }
        if survey.tests > 0 { notes.append(RichText(s("readiness.holm", ["tests": String(survey.tests)]))) }
        blocks.append(.table(TableBlock(caption: s("readiness.table.caption", ["name": survey.name]), header: [header], rows: rows,
                                        alignments: [.left] + Array(repeating: .right, count: survey.waves.count + 1), notes: notes)))

        if let charts = survey.charts, let latest = survey.waves.last {
            // Respondents of the shown units only (`wave(_:)`); none shown, no n.
            let nText = latest.aggregated ? nil : latest.respondents.flatMap { $0 > 0 ? $0 : nil }
            blocks.append(.figure(FigureBlock(
                svg: ReadinessHeatmap.svg(charts.latest, instrument: charts.instrument, language: context.language),
                caption: s("readiness.heatmap.caption", ["wave": waveLabel(latest, s)]),
                altText: s("readiness.heatmap.alt", ["wave": latest.wave, "units": String(latest.units.count)]),
                n: nText, nLabel: nText == nil ? nil : s("readiness.n.respondents"))))
            let trendN = survey.waves.compactMap(\.respondents).reduce(0, +)
            blocks.append(.figure(FigureBlock(
                svg: ReadinessTrendChart.svg(charts.trend, instrument: charts.instrument, language: context.language),
                caption: s("readiness.trend.caption", ["waves": survey.waves.map { waveLabel($0, s) }.joined(separator: ", ")]),
                altText: s("readiness.trend.alt", ["units": String(units.count), "waves": String(survey.waves.count)]),
                n: trendN > 0 ? trendN : nil, nLabel: trendN > 0 ? s("readiness.n.answers_waves") : nil)))
            if let likertSummary = charts.likertSummary, let wave = survey.likertWave {
                let pooled = survey.likert.map(\.n).max() ?? 0
                blocks.append(.figure(FigureBlock(
                    svg: LikertBars.svg(likertSummary, instrument: charts.instrument, language: context.language,
                                        suppression: context.request.suppression),
                    caption: s("readiness.likert.caption", ["wave": wave]),
                    altText: s("readiness.likert.alt", ["wave": wave]),
                    n: pooled, nLabel: s("readiness.n.respondents"))))
            }
        }
        // Reliability and whether unit means describe the units, per wave.
        let items: [RichText] = survey.waves.map { w in
            var parts: [String] = []
            if w.aggregated {
                parts.append(s("readiness.aggregated.reliability"))
            } else {
                if let a = w.alpha {
                    var t = s("readiness.alpha", ["alpha": n.decimal(a, decimals: 2)])
                    if let lo = w.alphaCILow, let hi = w.alphaCIHigh {
                        t += " (" + s("readiness.ci", ["low": n.decimal(lo, decimals: 2), "high": n.decimal(hi, decimals: 2)]) + ")"
                    }
                    parts.append(t + ".")
                }
                if let i1 = w.icc1, let i2 = w.icc2 {
                    parts.append(s("readiness.icc", ["icc1": n.decimal(i1, decimals: 2), "icc2": n.decimal(i2, decimals: 2)]))
                }
                parts.append(w.verdictText)
            }
            return RichText([.strong(waveLabel(w, s) + ":")]) + RichText(" " + parts.joined(separator: " "))
        }
        blocks.append(.paragraph(RichText(s("readiness.verdict.intro"))))
        blocks.append(.list(ListBlock(items: items)))
        // The aggregated waves are explained once, in the table's notes, not again in a box.
        if let callout = syntheticCallout(survey, s) { blocks.insert(callout, at: 1) }
        return blocks
    }

    /// Which waves are invented, said before any of their figures.
    func syntheticCallout(_ survey: Survey, _ s: ReportStrings) -> Block? {
        let synthetic = survey.waves.filter(\.synthetic).map(\.wave)
        guard !synthetic.isEmpty else { return nil }
        return .callout(Callout(.warning, title: s("warning.title"),
                                RichText(s("readiness.synthetic.note", ["waves": synthetic.joined(separator: ", ")]))))
    }

    // MARK: - Steering brief

    func steering(_ survey: Survey, context: ReportContext) -> [Block] {
        let s = context.strings
        guard let latest = survey.waves.last else { return [] }
        let previous = survey.waves.dropLast().last
        let changeByUnit = Dictionary(survey.changes.map { ($0.unit, $0) }, uniquingKeysWith: { a, _ in a })
        var header = [TableBlock.Cell(s("readiness.col.unit")), TableBlock.Cell(waveLabel(latest, s))]
        if let previous { header.append(TableBlock.Cell(s("readiness.col.change_since", ["wave": waveLabel(previous, s)]))) }
        let rows: [[TableBlock.Cell]] = latest.units.map { u in
            var row = [TableBlock.Cell(u.unit, isRowHeader: true), TableBlock.Cell(meanText(u, context: context))]
            if previous != nil {
                let c = changeByUnit[u.unit].flatMap { $0.to == latest.wave ? $0 : nil }
                row.append(TableBlock.Cell(c.map { changeText($0, context: context) } ?? s("placeholder.value")))
            }
            return row
        }
        let notes = latest.units.contains(where: \.suppressed)
            ? [RichText(s("readiness.suppressed.pooled", ["threshold": String(context.request.suppression.threshold)]))] : []
        return [
            .table(TableBlock(caption: s("readiness.steering.caption", ["name": survey.name, "min": String(survey.scaleMin),
                                                                         "max": String(survey.scaleMax)]),
                              header: [header], rows: rows, alignments: [.left, .right, .right], notes: notes)),
            // The verdict in plain words: the agreement and reliability figures behind
            // it are the final report's.
            .paragraph(RichText(s("readiness.steering.verdict.\(latest.verdict)"))),
        ]
    }
}

extension ReadinessSection {
    /// Each unit's mean score in each wave.
    public func headlines(_ result: Result, context: ReportContext) -> [HeadlineFigure] {
        result.surveys.enumerated().flatMap { s, survey in
            survey.waves.enumerated().flatMap { w, wave in
                wave.units.enumerated().map { u, unit in
                    HeadlineFigure(id: "readiness:\(survey.instrument):\(wave.wave):\(unit.unit)", kind: .readiness,
                                   label: context.strings("steering.changes.readiness", ["unit": unit.unit, "wave": wave.wave]),
                                   value: unit.mean, path: "\(key).surveys[\(s)].waves[\(w)].units[\(u)].mean")
                }
            }
        }
    }
}
