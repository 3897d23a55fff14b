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
///
/// The record is `ReadinessReport` and its blocks `ReadinessReport.blocks` and friends
/// (Presentation): this section computes the record, decides what is withheld (the
/// units, the Likert bars' recoding), and calls the blocks.
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
        case .final: [.readiness, .method, .limitations, .finalSummary]
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
            surveys.append(Survey(instrument: instrument.id, name: instrument.name(in: context.language), scaleMin: instrument.scale.min,
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
        case .finalSummary: return result.summaryBlocks(strings: context.strings, style: context.numbers)
        case .steeringReadiness:
            return result.steeringBlocks(strings: context.strings, style: context.numbers, threshold: threshold,
                                         modelName: context.model.name)
        default:
            return result.blocks(strings: context.strings, style: context.numbers, threshold: threshold,
                                 modelName: context.model.name)
        }
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
