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
/// "<5" or "..". The assessment column is a symbol and a word (● Uppfyllt, ○ Ej
/// uppfyllt, – Inget utfall, ? Ingen jämförelse, · Bedöms ej): readable in black and
/// white and by a screen reader, never colour alone; each goal's computed assessment
/// (● helt, ◐ delvis, ○ inte) is printed under its table beside the one the unit
/// recorded. The analysis column is the prose under the indicator's heading ("I1") in
/// `--text`.
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
        public var boysNote: String?
        public var girls: Double?
        public var girlsNote: String?
        public var previous: Double?
        public var previousNote: String?
        public var previousPeriod: String?
        /// The indicator's status (`met`, `not_met`, `no_data`, `no_comparison`,
        /// `not_assessed`); nil without data for the period.
        public var assessment: String?
        /// True when a year target is read against a tertial (an interim reading).
        public var interim: Bool?
        /// The survey wave (`2022-03`) when the outcome is the year's survey value read
        /// for the tertial (`IndicatorStatusRow.valuePeriod`): printed "enkät mars 2022".
        public var wave: String? = nil
        /// The comparison cohort's value for the period (`comparison: line`), after
        /// disclosure control; nil with a note when withheld or undefined.
        public var comparison: Double? = nil
        public var comparisonNote: String? = nil
        /// `line` (or `pilot`); nil when the indicator has no comparison.
        public var comparisonCohort: String? = nil
        /// A survey value's total: `all_units`, or `pilot_unit` with `totalUnit`.
        public var total: String? = nil
        public var totalUnit: String? = nil

        enum CodingKeys: String, CodingKey {
            case indicator, title, unit, illustrative, outcome, boys, girls, previous, assessment, interim, wave, total
            case totalUnit = "total_unit"
            case comparison
            case comparisonNote = "comparison_note"
            case comparisonCohort = "comparison_cohort"
            case unitTarget = "unit_target"
            case cityTarget = "city_target"
            case outcomeNote = "outcome_note"
            case boysNote = "boys_note"
            case girlsNote = "girls_note"
            case previousNote = "previous_note"
            case previousPeriod = "previous_period"
        }
    }

    public struct Goal: Codable, Equatable {
        public var id: String
        public var title: String
        public var indicators: [Row]
        /// The computed assessment (`fully_met`, `partly_met`, `not_met`, `cannot_assess`)
        /// and the one the unit recorded for the period, side by side.
        public var assessment: String?
        public var recordedAssessment: String?

        enum CodingKeys: String, CodingKey {
            case id, title, indicators, assessment
            case recordedAssessment = "recorded_assessment"
        }
    }

    public struct Result: Codable, Equatable {
        public var period: String?
        public var periodNote: String?
        public var goals: [Goal]
        /// Each computed value's source, and why a bound indicator has none (`BoundValueSources`).
        public var sources: [String]? = nil

        enum CodingKeys: String, CodingKey {
            case period, goals, sources
            case periodNote = "period_note"
        }
    }

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
        let s = context.strings
        let dash = s("placeholder.value")
        var blocks: [Block] = []
        if let p = result.period.flatMap(Period.init(parsing:)) {
            // Without a period asked for, say how this one was chosen.
            let which = context.request.period == nil ? "tertial.period.fullest" : "tertial.period"
            blocks.append(.paragraph(RichText(s(which, ["period": context.numbers.period(p)]))))
        }
        // The comparison cohort's column, after the outcome, once any indicator has one.
        let comparisonHeader = IndicatorStatusSection.comparisonHeader(
            result.goals.flatMap(\.indicators).compactMap(\.comparisonCohort), s)
        let header = (["tertial.col.indicator", "tertial.col.outcome"].map { s($0) } + (comparisonHeader.map { [$0] } ?? [])
            + ["tertial.col.boys", "tertial.col.girls",
               "tertial.col.previous", "tertial.col.unit_target", "tertial.col.city_target",
               "tertial.col.assessment", "tertial.col.analysis"].map { s($0) }).map { TableBlock.Cell($0) }
        var anyIllustrative = false, anySuppressed = false, anyInterim = false, yearly: [String] = []
        let hasData = result.goals.contains { $0.indicators.contains { $0.assessment != nil } }
        if hasData { blocks.append(.paragraph(RichText([.emphasis(s("indicators.symbols"))]))) }
        for goal in result.goals {
            blocks.append(.heading(level: 1, text: s("tertial.goal", ["id": goal.id, "title": goal.title])))
            guard !goal.indicators.isEmpty else {
                blocks.append(.paragraph(RichText([.emphasis(s("tertial.no_indicators"))])))
                continue
            }
            // Boys and girls only where an indicator of the goal is broken down by gender: a
            // staff survey's items or a count of PDSA cycles have neither.
            let byGender = Set(context.model.indicators.filter { !($0.breakdowns["gender"] ?? []).isEmpty }.map(\.id))
            func hasGender(_ row: Row) -> Bool {
                byGender.contains(row.indicator) || row.boys != nil || row.girls != nil
                    || [row.boysNote, row.girlsNote].contains { $0?.hasPrefix("suppressed") ?? false }
            }
            let gendered = goal.indicators.contains(where: hasGender)
            let rows: [[TableBlock.Cell]] = goal.indicators.map { row in
                anyIllustrative = anyIllustrative || row.illustrative
                var name = RichText(id: row.indicator, row.title)
                if row.illustrative { name = name + RichText([.emphasis(" (\(s("illustrative.label")))")]) }
                let analysis = context.request.text?.sections["tertial.indicator.\(row.indicator)"]
                    .map { blocks in blocks.compactMap { b -> String? in
                        if case .paragraph(let t) = b { return t.plainText }
                        if case .list(let l) = b { return l.items.map(\.plainText).joined(separator: "; ") }
                        return nil
                    }.joined(separator: " ") } ?? ""
                let unit = IndicatorUnit(rawValue: row.unit) ?? .mean
                func value(_ v: Double?, _ note: String?) -> String {
                    guard let v else {
                        guard let note, note.hasPrefix("suppressed") else { return dash }
                        return IndicatorStatusSection.suppressedText(note, unit: unit, s)
                    }
                    return IndicatorValueText.text(v, unit: unit, numbers: context.numbers) ?? dash
                }
                anySuppressed = anySuppressed || [row.outcomeNote, row.boysNote, row.girlsNote, row.previousNote, row.comparisonNote]
                    .contains { $0?.hasPrefix("suppressed") ?? false }
                anyInterim = anyInterim || row.interim == true
                let wave = IndicatorStatusSection.waveLabel(row.wave, context: context)
                if wave != nil, !yearly.contains(row.indicator) { yearly.append(row.indicator) }
                let assessment = row.assessment.flatMap(TargetStatus.init(rawValue:))
                    .map { IndicatorStatusSection.statusText($0, interim: row.interim == true, s) } ?? dash
                let comparison = comparisonHeader == nil ? []
                    : [TableBlock.Cell(row.comparisonCohort == nil ? dash : value(row.comparison, row.comparisonNote))]
                return [TableBlock.Cell(name, isRowHeader: true), TableBlock.Cell(value(row.outcome, row.outcomeNote) + (wave.map { " (\($0))" } ?? ""))]
                    + comparison
                    // A row without a gender breakdown leaves the cells empty: "–" would say a value is missing.
                    + (!gendered ? [] : hasGender(row)
                        ? [TableBlock.Cell(value(row.boys, row.boysNote)), TableBlock.Cell(value(row.girls, row.girlsNote))]
                        : [TableBlock.Cell(""), TableBlock.Cell("")])
                    + [TableBlock.Cell(value(row.previous, row.previousNote)), TableBlock.Cell(row.unitTarget ?? dash),
                        TableBlock.Cell(row.cityTarget ?? dash), TableBlock.Cell(assessment),
                        TableBlock.Cell(analysis)]
            }
            let genderColumns = (comparisonHeader == nil ? 2 : 3)..<(comparisonHeader == nil ? 4 : 5)
            blocks.append(.table(TableBlock(caption: s("tertial.caption", ["id": goal.id]),
                                            header: [gendered ? header : header.enumerated().filter { !genderColumns.contains($0.offset) }.map(\.element)],
                                            rows: rows,
                                            alignments: [.left, .right] + (comparisonHeader == nil ? [] : [.right])
                                                + (gendered ? [.right, .right] : []) + [.right, .left, .left, .left, .left])))
            if let a = goal.assessment.flatMap(Assessment.init(rawValue:)) {
                var text = s("tertial.goal.assessment", ["assessment": IndicatorStatusSection.assessmentText(a, s)])
                // "Uppfylls helt" on one of three indicators says so.
                let assessed = goal.indicators.filter { $0.assessment == TargetStatus.met.rawValue || $0.assessment == TargetStatus.notMet.rawValue }.count
                if assessed > 0, assessed < goal.indicators.count {
                    text = String(text.dropLast()) + " – "
                        + s("indicators.goal.coverage", ["assessed": String(assessed), "total": String(goal.indicators.count)]) + "."
                }
                if let r = goal.recordedAssessment.flatMap(Assessment.init(rawValue:)) {
                    text += " " + s("tertial.goal.recorded", ["assessment": IndicatorStatusSection.assessmentText(r, s)])
                }
                blocks.append(.paragraph(RichText(text)))
            }
            // The goal's own analysis, written under a heading naming the goal ("G1").
            blocks += context.request.text?.sections["tertial.goal.\(goal.id)"] ?? []
        }
        if !hasData {
            blocks.append(.callout(Callout(.note, title: s("note.title"), RichText(s("indicators.none", ["model": context.model.name])))))
        }
        if anyInterim, let p = result.period.flatMap(Period.init(parsing:)) {
            blocks.append(.paragraph(RichText([.emphasis(s("indicators.interim", ["period": context.numbers.period(p)]))])))
        }
        if !yearly.isEmpty {
            blocks.append(.paragraph(RichText([.emphasis(s("indicators.wave.note", ["ids": yearly.joined(separator: ", ")]))])))
        }
        let surveyed = result.goals.flatMap(\.indicators).map { row in
            (id: row.indicator, source: row.total.flatMap(ValueSource.SurveyTotal.init(rawValue:)).map {
                ValueSource(binding: "", imports: [], rule: "", total: $0, totalUnit: row.totalUnit)
            })
        }
        let compared = result.goals.flatMap(\.indicators).filter { $0.comparisonCohort != nil }.map(\.indicator)
        if let column = comparisonHeader {
            var seen = Set<String>()
            let ids = compared.filter { seen.insert($0).inserted }
            blocks.append(.paragraph(RichText([.emphasis(s("indicators.comparison.note", ["column": column, "ids": ids.joined(separator: ", ")]))])))
        }
        // An indicator under two goals is named once.
        var named = Set<String>()
        for note in IndicatorStatusSection.surveyTotalNotes(surveyed.filter { named.insert($0.id).inserted }, s) {
            blocks.append(.paragraph(RichText([.emphasis(note)])))
        }
        if anySuppressed { blocks.append(.paragraph(RichText([.emphasis(s("suppression.note"))]))) }
        blocks += IndicatorStatusSection.sourceBlocks(result.sources, context: context)
        if anyIllustrative {
            blocks.append(.callout(Callout(.caveat, title: s("caveat.title"),
                                           RichText(s("logic_model.illustrative", ["label": s("illustrative.label")])))))
        }
        return blocks
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
