import Evaluation
import LogicModel
import Periods
import Presentation
import Statistics

/// The tertial report's table per goal, in the city's columns: indicator, outcome,
/// boys, girls, previous period, unit target, city target, assessment, analysis.
///
/// The targets come from the model; the outcome, gender, previous-period and
/// assessment columns from the indicator status of the period (issue 5, through
/// `IndicatorStatusSection.figures`, so small counts are suppressed as everywhere).
/// A figure without data is null with a note and prints as "–", a suppressed one as
/// "<5" or ".." (its decision typed in the row's `disclosures`). The assessment column is a symbol and a word (● Uppfyllt, ○ Ej
/// uppfyllt, – Inget utfall, ? Ingen jämförelse, · Bedöms ej): readable in black and
/// white and by a screen reader, never colour alone; each goal's computed assessment
/// (● helt, ◐ delvis, ○ inte) is printed under its table beside the one the unit
/// recorded. The analysis column is the prose under the indicator's heading ("I1") in
/// `--text`.
///
/// The record is `TertialTable` and its blocks `TertialTable.blocks` (Presentation): this
/// section computes the record from the suppressed indicator status and calls the blocks.
public struct TertialTableSection: ReportSectionBuilder {
    public init() {}

    public typealias Result = TertialTable
    public typealias Row = TertialTable.Row
    public typealias Goal = TertialTable.Goal

    public var key: String { "tertial_table" }

    public func slots(in kind: ReportKind) -> [ReportSlot] { kind == .tertial ? [.tertialTable] : [] }

    /// The period asked for, else the period with the most indicator values (the latest
    /// of equals), else the latest period any target names. Deterministic, so verify
    /// finds the same one.
    static func period(_ context: ReportContext, data: IndicatorData?) -> Period? {
        if let asked = context.request.period { return asked }
        if let data, let fullest = IndicatorData.fullestPeriod(data.observations) { return fullest }
        return context.model.indicators.flatMap { $0.targets.map(\.period) }.max()
    }

    public func compute(_ context: ReportContext) throws -> Result {
        let model = context.model
        let graph = ModelGraph(model)
        let data = try IndicatorStatusSection.data(context)
        let period = Self.period(context, data: data)
        let figures = period == nil ? nil : try IndicatorStatusSection.figures(context, data: data, period: period)
        let status = figures?.status
        let disclosures = figures?.disclosures ?? IndicatorDisclosures()
        let statusByID = Dictionary((status?.indicators ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let goals = model.goals.map { goal -> Goal in
            let nodes = graph.upstream(of: goal.id).union([goal.id])
            let rows = model.indicators.filter { nodes.contains($0.measures) }.map { i -> Row in
                func target(_ setter: TargetSetter) -> String? {
                    guard let period else { return nil }
                    let texts = i.targets(for: period, setBy: setter).map {
                        TargetRuleText.text($0.rule, unit: i.unit, language: context.language, note: $0.note)
                    }
                    return texts.isEmpty ? nil : texts.joined(separator: "; ")
                }
                var row = Row(indicator: i.id, title: i.title, unit: i.unit.rawValue, illustrative: i.illustrative,
                              unitTarget: target(.unit), cityTarget: target(.city),
                              outcome: nil, outcomeNote: "no indicator observations are stored for this model",
                              boys: nil, girls: nil, previous: nil, assessment: nil)
                if let s = statusByID[i.id] {
                    func note(_ f: Figure?) -> String? { f == nil ? "no value for this group" : f!.note }
                    row.outcome = s.value.value
                    row.outcomeNote = s.value.note
                    row.boys = s.groups["boys"]?.value.value
                    row.boysNote = row.boys == nil ? note(s.groups["boys"]?.value) : nil
                    row.girls = s.groups["girls"]?.value.value
                    row.girlsNote = row.girls == nil ? note(s.groups["girls"]?.value) : nil
                    row.previous = s.previousValue.value
                    row.previousNote = s.previousValue.note
                    row.previousPeriod = s.previousPeriod.text
                    row.assessment = s.status.rawValue
                    row.interim = s.interim
                    if s.valuePeriod != nil { row.wave = s.valueSource?.wave }
                    row.total = s.valueSource?.total?.rawValue
                    if let c = s.valueSource?.comparison {
                        row.comparison = c.value
                        row.comparisonNote = c.value == nil ? (c.note ?? "no value") : nil
                        row.comparisonCohort = c.cohort
                    }
                    row.totalUnit = s.valueSource?.totalUnit
                    // What disclosure control withheld of these figures, typed for the blocks.
                    let places: [IndicatorDisclosures.Place] = [.total, .group("boys"), .group("girls"), .previous, .comparison]
                    for place in places where disclosures[i.id, place].isSuppressed {
                        row.disclosures[place] = disclosures[i.id, place]
                    }
                }
                return row
            }
            let assessed = status?.goals.first { $0.id == goal.id }
            return Goal(id: goal.id, title: goal.title, indicators: rows, assessment: assessed?.assessment.rawValue,
                        recordedAssessment: assessed?.manualAssessment?.rawValue)
        }
        return Result(period: period?.text, periodNote: period == nil ? "no --period and no target names a period" : nil,
                      goals: goals, sources: figures?.sources)
    }

    public func blocks(_ result: Result, for slot: ReportSlot, context: ReportContext) -> [Block] {
        result.blocks(context.indicatorWords, periodAsked: context.request.period != nil,
                      authorText: context.request.text?.sections ?? [:])
    }
}

extension TertialTableSection {
    /// Each indicator's outcome for the period, as the tertial table shows it.
    public func headlines(_ result: Result, context: ReportContext) -> [HeadlineFigure] {
        result.goals.enumerated().flatMap { g, goal in
            goal.indicators.enumerated().map { j, row in
                HeadlineFigure(id: "indicator:\(row.indicator)", kind: .indicator,
                               label: context.strings("steering.changes.indicator", ["id": row.indicator]),
                               value: row.outcome, path: "\(key).goals[\(g)].indicators[\(j)].outcome")
            }
        }
    }
}
