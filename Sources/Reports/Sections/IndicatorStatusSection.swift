import Evaluation
import Foundation
import LogicModel
import Periods
import Presentation
import Store
import Statistics

/// Indicators (issue 5) in reports: 6 Resultatredovisning › Indikatorer (a status table
/// per goal with the targets in words, the computed goal assessment beside the one the
/// unit recorded, and a trend chart per indicator with its target line), 6.2
/// Jämställdhet (girls and boys for every indicator with a gender breakdown) and the
/// steering brief's "indicators off target". The tertial table's outcome columns come
/// from the same figures (`TertialTableSection`).
///
/// The result is `IndicatorStatusReport` and `IndicatorTrendReport` after small-count
/// suppression (`IndicatorFigureSuppression`), so the JSON holds what the report shows;
/// an indicator that counts events (`counts: events`) is shown whole, and the notes say so.
/// Each decision goes to the blocks typed (`IndicatorReport.disclosures`), as the JSON
/// says it by `null` beside a note beginning "suppressed".
///
/// The record is `IndicatorReport` and its blocks `IndicatorReport.blocks` and friends
/// (Presentation), in the words of `IndicatorWords`: this section computes the record,
/// decides what is withheld (`IndicatorFigureSuppression`) and where computed values
/// come from (`BoundValueSources`, which reads the survey instruments), and calls the blocks.
public struct IndicatorStatusSection: ReportSectionBuilder {
    public init() {}

    public typealias Result = IndicatorReport

    public var key: String { "indicators" }

    public func slots(in kind: ReportKind) -> [ReportSlot] {
        switch kind {
        case .final: [.indicators, .gender, .method, .finalSummary]
        case .steering: [.steeringSummary, .steeringOffTarget]
        case .tertial: []
        }
    }

    /// The model's observations, stored and computed from the data they are bound to; nil
    /// without a database. Loaded once per section: the computed values read the cases,
    /// the surveys and the measures, and both the period's choice and the figures use them.
    static func data(_ context: ReportContext) throws -> IndicatorData? {
        try context.database.map { try IndicatorData.load($0, modelID: context.model.id) }
    }

    /// Status and trend of the model's observations (`data(_:)`), suppressed, with what
    /// was withheld of them. Shared with the tertial table. Nil status when nothing is
    /// stored (or the database is absent).
    static func figures(_ context: ReportContext, data: IndicatorData?, period: Period?) throws
        -> (status: IndicatorStatusReport?, trend: IndicatorTrendReport?, approved: Bool?, sources: [String]?,
            disclosures: IndicatorDisclosures) {
        guard let database = context.database, let data, !data.observations.isEmpty else {
            return (nil, nil, nil, nil, IndicatorDisclosures())
        }
        let version = context.modelProvenance.version
        let rule = context.request.suppression
        var disclosures = IndicatorDisclosures()
        let trend = IndicatorFigureSuppression.apply(
            IndicatorTrendAnalysis.compute(model: context.model, modelVersion: version, observations: data.observations,
                                           earlierVersions: data.versions),
            model: context.model, rule: rule, disclosures: &disclosures)
        let status = IndicatorStatusAnalysis.compute(
            model: context.model, modelVersion: version, observations: data.observations, warnings: data.warnings,
            period: period, earlierVersions: data.versions)
            .map { IndicatorFigureSuppression.apply($0, trend: trend, rule: rule, disclosures: &disclosures) }
        let inUse = try !data.locked.isEmpty || !PeriodApprovals(database).all(modelID: context.model.id).isEmpty
        // Only for a model with bound indicators: a model of typed-in values reads as before.
        let sources = context.model.indicators.contains { $0.data != nil }
            ? status.map { BoundValueSources.sentences($0, data: data, context: context) } : nil
        return (status, trend, status.flatMap { inUse ? data.locked.contains($0.period) : nil }, sources, disclosures)
    }

    public func compute(_ context: ReportContext) throws -> Result {
        // Asked for no period, the final report shows the period with the most values, as
        // the tertial report does: the latest period may hold one survey wave and nothing
        // else, or (the English demo's final report) only targets. The brief shows the
        // period whose indicators can most often be judged against a target (`briefPeriod`).
        let data = try Self.data(context)
        var period = context.request.period
        if period == nil, context.kind != .tertial, let data {
            period = context.kind == .steering ? Self.briefPeriod(context, data: data) : IndicatorData.fullestPeriod(data.observations)
        }
        let (status, trend, approved, sources, disclosures) = try Self.figures(context, data: data, period: period)
        guard let status else {
            return Result(period: context.request.period?.text,
                          periodNote: "no indicator observations are stored for model \(context.model.id)",
                          status: nil, trend: nil)
        }
        var result = Result(period: status.period.text, periodNote: nil, status: status, trend: trend, approved: approved,
                            sources: sources, disclosures: disclosures)
        result.scales = Self.scales(context)
        return result
    }

    /// The response scale of each indicator bound to a survey's item or subscale (its
    /// instrument's), for the chart's y axis; none for an instrument not stored.
    static func scales(_ context: ReportContext) -> [String: ResponseScale] {
        var found: [String: ResponseScale?] = [:]
        var scales: [String: ResponseScale] = [:]
        for indicator in context.model.indicators {
            let instrument: String
            switch indicator.data {
            case .readinessItem(let id, _)?, .readinessSubscale(let id, _)?: instrument = id
            default: continue
            }
            if found[instrument] == nil {
                found[instrument] = context.database.flatMap { try? InstrumentCatalog($0).resolve(instrument) }?.scale
            }
            if let scale = found[instrument] ?? nil { scales[indicator.id] = scale }
        }
        return scales
    }

    /// The brief's period, asked for none: the one with the most indicators judged
    /// against a target (met or not met), the latest of equals; the period with the most
    /// values when no period has any. A steering group asks "are we on target?": the
    /// demo's 2021 has three more values than 2022 (follow-up that 2022's extract cannot
    /// have yet) but both have four indicators judged, and the brief of a pilot whose
    /// cases run to 2022 should not stop at 2021. Deterministic, so verify finds the same.
    static func briefPeriod(_ context: ReportContext, data: IndicatorData) -> Period? {
        let periods = Set(data.observations.filter { $0.group == Observation.total }.map(\.period))
        let judged = periods.map { period -> (Period, Int) in
            let status = IndicatorStatusAnalysis.compute(
                model: context.model, modelVersion: context.modelProvenance.version, observations: data.observations,
                warnings: data.warnings, period: period, earlierVersions: data.versions)
            return (period, status?.indicators.filter { $0.status == .met || $0.status == .notMet }.count ?? 0)
        }
        guard let best = judged.max(by: { ($0.1, $0.0.end, $0.0) < ($1.1, $1.0.end, $1.0) }), best.1 > 0 else {
            return IndicatorData.fullestPeriod(data.observations)
        }
        return best.0
    }

    public func imports(_ result: Result, context: ReportContext) -> [Int] {
        Array(Set(result.status?.indicators.compactMap(\.sourceImport) ?? [])).sorted()
    }

    public func blocks(_ result: Result, for slot: ReportSlot, context: ReportContext) -> [Block] {
        let text = context.indicatorWords
        switch slot {
        case .indicators: return result.blocks(text)
        case .gender: return result.genderBlocks(text)
        case .steeringOffTarget: return result.overviewBlocks(text)
        case .steeringSummary, .finalSummary: return result.summaryBlocks(text)
        case .method: return result.methodBlocks(text)
        default: return []
        }
    }

    /// At most this many indicators in the brief's overview (`IndicatorReport.briefOverviewRows`).
    static var briefOverviewRows: Int { IndicatorReport.briefOverviewRows }
}

extension ReportContext {
    /// The report's words for indicator figures (Presentation's `IndicatorWords`): its
    /// strings, number style and model.
    public var indicatorWords: IndicatorWords {
        IndicatorWords(strings: strings, style: numbers, model: model)
    }
}

extension IndicatorStatusSection {
    /// Each indicator's value for the period.
    public func headlines(_ result: Result, context: ReportContext) -> [HeadlineFigure] {
        (result.status?.indicators ?? []).enumerated().map { k, i in
            HeadlineFigure(id: "indicator:\(i.id)", kind: .indicator,
                           label: context.strings("steering.changes.indicator", ["id": i.id]),
                           value: i.total.value.value, path: "\(key).status.indicators[\(k)].value")
        }
    }
}
