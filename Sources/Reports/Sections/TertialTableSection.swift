import LogicModel
import Periods

/// The tertial report's table per goal, in the city's columns: indicator, outcome,
/// boys, girls, previous period, unit target, city target, assessment, analysis.
///
/// The targets come from the model now. The outcome, gender, previous-period and
/// assessment columns are the indicator-status analysis' (issue 5): until it plugs in
/// (by filling `outcome`… in `compute` from `IndicatorStatus`), they are null with a
/// note and print as "–". The analysis column is the prose under the indicator's
/// heading ("I1") in `--text`.
public struct TertialTableSection: ReportSectionBuilder {
    public init() {}

    public struct Row: Codable, Equatable {
        public var indicator: String
        public var title: String
        public var unit: String
        public var illustrative: Bool
        public var unitTarget: String?
        public var cityTarget: String?
        public var outcome: Double?
        public var outcomeNote: String?
        public var boys: Double?
        public var girls: Double?
        public var previous: Double?
        public var assessment: String?

        enum CodingKeys: String, CodingKey {
            case indicator, title, unit, illustrative, outcome, boys, girls, previous, assessment
            case unitTarget = "unit_target"
            case cityTarget = "city_target"
            case outcomeNote = "outcome_note"
        }
    }

    public struct Goal: Codable, Equatable {
        public var id: String
        public var title: String
        public var indicators: [Row]
    }

    public struct Result: Codable, Equatable {
        public var period: String?
        public var periodNote: String?
        public var goals: [Goal]

        enum CodingKeys: String, CodingKey {
            case period, goals
            case periodNote = "period_note"
        }
    }

    public var key: String { "tertial_table" }

    public func slots(in kind: ReportKind) -> [ReportSlot] { kind == .tertial ? [.tertialTable] : [] }

    /// The period asked for, else the latest period any target names (deterministic,
    /// so verify finds the same one).
    public static func period(_ context: ReportContext) -> Period? {
        context.request.period ?? context.model.indicators.flatMap { $0.targets.map(\.period) }.max()
    }

    public func compute(_ context: ReportContext) throws -> Result {
        let model = context.model
        let graph = ModelGraph(model)
        let period = Self.period(context)
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
                return Row(indicator: i.id, title: i.title, unit: i.unit.rawValue, illustrative: i.illustrative,
                           unitTarget: target(.unit), cityTarget: target(.city),
                           outcome: nil, outcomeNote: "indicator status is not yet part of reports (issue 5)",
                           boys: nil, girls: nil, previous: nil, assessment: nil)
            }
            return Goal(id: goal.id, title: goal.title, indicators: rows)
        }
        return Result(period: period?.text, periodNote: period == nil ? "no --period and no target names a period" : nil,
                      goals: goals)
    }

    public func blocks(_ result: Result, for slot: ReportSlot, context: ReportContext) -> [Block] {
        let s = context.strings
        let dash = s("placeholder.value")
        var blocks: [Block] = []
        if let p = result.period.flatMap(Period.init(parsing:)) {
            blocks.append(.paragraph(RichText(s("tertial.period", ["period": context.numbers.period(p)]))))
        }
        let header = ["tertial.col.indicator", "tertial.col.outcome", "tertial.col.boys", "tertial.col.girls",
                      "tertial.col.previous", "tertial.col.unit_target", "tertial.col.city_target",
                      "tertial.col.assessment", "tertial.col.analysis"].map { TableBlock.Cell(s($0)) }
        var anyIllustrative = false
        for goal in result.goals {
            blocks.append(.heading(level: 1, text: s("tertial.goal", ["id": goal.id, "title": goal.title])))
            guard !goal.indicators.isEmpty else {
                blocks.append(.paragraph(RichText([.emphasis(s("tertial.no_indicators"))])))
                continue
            }
            let rows: [[TableBlock.Cell]] = goal.indicators.map { row in
                anyIllustrative = anyIllustrative || row.illustrative
                var name = RichText([.strong(row.indicator), .plain(" " + row.title)])
                if row.illustrative { name = name + RichText([.emphasis(" (\(s("illustrative.label")))")]) }
                let analysis = context.request.text?.sections["tertial.indicator.\(row.indicator)"]
                    .map { blocks in blocks.compactMap { b -> String? in
                        if case .paragraph(let t) = b { return t.plainText }
                        if case .list(let l) = b { return l.items.map(\.plainText).joined(separator: "; ") }
                        return nil
                    }.joined(separator: " ") } ?? ""
                func value(_ v: Double?) -> String {
                    guard let v else { return dash }
                    return row.unit == "percent" ? context.numbers.percent(v) : context.numbers.decimal(v, decimals: 1)
                }
                return [TableBlock.Cell(name, isRowHeader: true), TableBlock.Cell(value(row.outcome)),
                        TableBlock.Cell(value(row.boys)), TableBlock.Cell(value(row.girls)),
                        TableBlock.Cell(value(row.previous)), TableBlock.Cell(row.unitTarget ?? dash),
                        TableBlock.Cell(row.cityTarget ?? dash), TableBlock.Cell(row.assessment ?? dash),
                        TableBlock.Cell(analysis)]
            }
            blocks.append(.table(TableBlock(caption: s("tertial.caption", ["id": goal.id]),
                                            header: [header], rows: rows,
                                            alignments: [.left, .right, .right, .right, .right, .left, .left, .center, .left])))
            // The goal's own analysis, written under a heading naming the goal ("G1").
            blocks += context.request.text?.sections["tertial.goal.\(goal.id)"] ?? []
        }
        blocks.append(.callout(Callout(.placeholder, title: s("placeholder.domain.title"),
                                       RichText(s("placeholder.domain", ["what": s("placeholder.domain.indicators")])))))
        if anyIllustrative {
            blocks.append(.callout(Callout(.caveat, title: s("caveat.title"),
                                           RichText(s("logic_model.illustrative", ["label": s("illustrative.label")])))))
        }
        return blocks
    }
}
