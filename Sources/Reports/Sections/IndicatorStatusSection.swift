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
        // The brief and the final report, asked for no period, show the period with the
        // most values, as the tertial report does: the latest period may hold one survey
        // wave and nothing else, or (the English demo's final report) only targets.
        let data = try Self.data(context)
        var period = context.request.period
        if period == nil, context.kind != .tertial, let data {
            period = IndicatorData.fullestPeriod(data.observations)
        }
        let (status, trend, approved, sources, disclosures) = try Self.figures(context, data: data, period: period)
        guard let status else {
            return Result(period: context.request.period?.text,
                          periodNote: "no indicator observations are stored for model \(context.model.id)",
                          status: nil, trend: nil)
        }
        return Result(period: status.period.text, periodNote: nil, status: status, trend: trend, approved: approved,
                      sources: sources, disclosures: disclosures)
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
