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
public struct IndicatorStatusSection: ReportSectionBuilder {
    public init() {}

    public struct Result: Codable {
        /// The period reported: `--period`, else the latest period with data.
        public var period: String?
        public var periodNote: String?
        public var status: IndicatorStatusReport?
        public var trend: IndicatorTrendReport?
        /// Whether the period's values are approved and locked (true), not yet while the
        /// model's periods are being approved (false), or nil when no period of the
        /// model has been approved or marked ready.
        public var approved: Bool? = nil
        /// Each computed value's source, and why a bound indicator has no value, in the
        /// report's words (`BoundValueSources`); nil when no indicator is bound.
        public var sources: [String]? = nil

        enum CodingKeys: String, CodingKey {
            case period, status, trend, approved, sources
            case periodNote = "period_note"
        }
    }

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

    /// Status and trend of the model's observations (`data(_:)`), suppressed. Shared with
    /// the tertial table. Nil status when nothing is stored (or the database is absent).
    static func figures(_ context: ReportContext, data: IndicatorData?, period: Period?) throws
        -> (status: IndicatorStatusReport?, trend: IndicatorTrendReport?, approved: Bool?, sources: [String]?) {
        guard let database = context.database, let data, !data.observations.isEmpty else { return (nil, nil, nil, nil) }
        let version = context.modelProvenance.version
        let rule = context.request.suppression
        let trend = IndicatorFigureSuppression.apply(
            IndicatorTrendAnalysis.compute(model: context.model, modelVersion: version, observations: data.observations,
                                           earlierVersions: data.versions),
            model: context.model, rule: rule)
        let status = IndicatorStatusAnalysis.compute(
            model: context.model, modelVersion: version, observations: data.observations, warnings: data.warnings,
            period: period, earlierVersions: data.versions)
            .map { IndicatorFigureSuppression.apply($0, trend: trend, rule: rule) }
        let inUse = try !data.locked.isEmpty || !PeriodApprovals(database).all(modelID: context.model.id).isEmpty
        // Only for a model with bound indicators: a model of typed-in values reads as before.
        let sources = context.model.indicators.contains { $0.data != nil }
            ? status.map { BoundValueSources.sentences($0, data: data, context: context) } : nil
        return (status, trend, status.flatMap { inUse ? data.locked.contains($0.period) : nil }, sources)
    }

    public func compute(_ context: ReportContext) throws -> Result {
        // The brief, asked for no period, shows the period with the most values, as the
        // tertial report does: the latest period may hold one survey wave and nothing else.
        let data = try Self.data(context)
        var period = context.request.period
        if period == nil, context.kind == .steering, let data {
            period = IndicatorData.fullestPeriod(data.observations)
        }
        let (status, trend, approved, sources) = try Self.figures(context, data: data, period: period)
        guard let status else {
            return Result(period: context.request.period?.text,
                          periodNote: "no indicator observations are stored for model \(context.model.id)",
                          status: nil, trend: nil)
        }
        return Result(period: status.period.text, periodNote: nil, status: status, trend: trend, approved: approved,
                      sources: sources)
    }

    public func imports(_ result: Result, context: ReportContext) -> [Int] {
        Array(Set(result.status?.indicators.compactMap(\.sourceImport) ?? [])).sorted()
    }

    public func blocks(_ result: Result, for slot: ReportSlot, context: ReportContext) -> [Block] {
        let s = context.strings
        guard let status = result.status else {
            if slot == .method || slot == .finalSummary { return [] }
            if slot == .steeringOffTarget || slot == .gender || slot == .indicators {
                return [.paragraph(RichText(s("indicators.none", ["model": context.model.name])))]
            }
            return []
        }
        switch slot {
        case .indicators: return finalBlocks(status, trend: result.trend, approved: result.approved, context: context)
            + Self.sourceBlocks(result.sources, context: context)
        case .gender: return genderBlocks(status, context: context)
        case .steeringOffTarget: return overviewBlocks(status, trend: result.trend, context: context)
        case .steeringSummary, .finalSummary: return summaryBlocks(status, context: context)
        case .method:
            let proposals = context.model.indicators.filter(\.illustrative).count
            var text = s("method.indicators", ["count": String(context.model.indicators.count),
                                                "period": context.numbers.period(status.period)])
            if proposals > 0 { text += " " + s("method.indicators.proposals", ["count": String(proposals)]) }
            return [.paragraph(RichText([.strong(s("method.indicators.lead") + " ")]) + RichText(text))]
        default: return []
        }
    }

    // MARK: - Words shared with the tertial table

    /// "● Uppfyllt" — a symbol and a word, so the status never rests on the symbol (or a colour).
    static func statusText(_ status: TargetStatus, interim: Bool = false, _ s: ReportStrings) -> String {
        s("status.\(status.rawValue)") + (interim ? " " + s("status.interim") : "")
    }

    static func assessmentText(_ a: Assessment, _ s: ReportStrings) -> String { s("assessment.\(a.rawValue)") }

    /// A value as the report writes it: the figure, or "–" without one. A withheld value
    /// reads "<5" when it is itself a small count (a `count` indicator) and ".." otherwise
    /// (a share built on a hidden count, or a complementary cell), as `SuppressedFigures` writes them.
    static func valueText(_ f: Figure, unit: IndicatorUnit, context: ReportContext) -> String {
        if let v = f.value { return IndicatorValueText.text(v, unit: unit, numbers: context.numbers) ?? "" }
        if IndicatorFigureSuppression.isSuppressed(f) { return suppressedText(f.note, unit: unit, context.strings) }
        return context.strings("placeholder.value")
    }

    /// The computed values' sources and the reasons for missing ones, as a list under a heading.
    static func sourceBlocks(_ sources: [String]?, context: ReportContext) -> [Block] {
        guard let sources, !sources.isEmpty else { return [] }
        return [.heading(level: 1, text: context.strings("source.heading")),
                .list(ListBlock(items: sources.map { RichText($0) }))]
    }

    /// "enkät mars 2022": the survey round a yearly value read for a tertial comes from
    /// (`IndicatorStatusRow.valuePeriod`); nil for a value of the period itself.
    static func waveLabel(_ wave: String?, context: ReportContext) -> String? {
        guard let wave else { return nil }
        let named = (Period(parsing: wave) ?? Period(parsing: wave.prefix(7))).map(context.numbers.period) ?? wave
        return context.strings("indicators.wave", ["wave": named])
    }

    static func waveLabel(_ row: IndicatorStatusRow, context: ReportContext) -> String? {
        row.valuePeriod == nil ? nil : waveLabel(row.valueSource?.wave, context: context)
    }

    /// Which total the survey-bound values have (all units, or the pilot's own unit), in
    /// words: one sentence per kind, naming the indicators.
    static func surveyTotalNotes(_ sources: [(id: String, source: ValueSource?)], _ s: ReportStrings) -> [String] {
        var all: [String] = [], own: [String: [String]] = [:], order: [String] = []
        for (id, source) in sources {
            switch source?.total {
            case .allUnits?: all.append(id)
            case .pilotUnit?:
                let unit = source?.totalUnit ?? ""
                if own[unit] == nil { order.append(unit) }
                own[unit, default: []].append(id)
            case nil: break
            }
        }
        var out: [String] = []
        if !all.isEmpty { out.append(s("indicators.survey.all_units", ["ids": all.joined(separator: ", ")])) }
        for unit in order {
            out.append(s("indicators.survey.pilot_unit", ["ids": own[unit]!.joined(separator: ", "), "unit": unit]))
        }
        return out
    }

    /// The header of the comparison column: the cohort's name when every comparison is
    /// of one cohort (the line, almost always); nil when no row has a comparison.
    static func comparisonHeader(_ cohorts: [String], _ s: ReportStrings) -> String? {
        let kinds = Set(cohorts)
        guard let first = kinds.first else { return nil }
        return s(kinds.count == 1 && first == "pilot" ? "indicators.col.comparison.pilot" : "indicators.col.comparison.line")
    }

    /// The comparison cohort's value as a cell: the figure, "<5"/".." when withheld, "–" without one.
    static func comparisonText(_ c: ComparisonFigure?, unit: IndicatorUnit, context: ReportContext) -> String {
        guard let c else { return context.strings("placeholder.value") }
        if let v = c.value { return IndicatorValueText.text(v, unit: unit, numbers: context.numbers) ?? "" }
        if let note = c.note, note.hasPrefix("suppressed") { return suppressedText(note, unit: unit, context.strings) }
        return context.strings("placeholder.value")
    }

    static func suppressedText(_ note: String?, unit: IndicatorUnit, _ s: ReportStrings) -> String {
        unit == .count && note == IndicatorFigureSuppression.smallNote ? s("suppression.small") : s("suppression.hidden")
    }

    static func targetText(_ t: TargetReading?, unit: IndicatorUnit, context: ReportContext) -> String {
        guard let t else { return context.strings("placeholder.value") }
        return TargetRuleText.text(t.rule, unit: unit, language: context.language, note: t.note)
    }

    static func indicatorName(_ row: IndicatorStatusRow, context: ReportContext) -> RichText {
        var name = RichText([.strong(row.id), .plain(" " + row.title)])
        if context.model.indicators.first(where: { $0.id == row.id })?.illustrative == true {
            name = name + RichText([.emphasis(" (\(context.strings("illustrative.label")))")])
        }
        return name
    }

    static func anySuppressed(_ status: IndicatorStatusReport) -> Bool {
        status.indicators.contains { row in
            ([row.value, row.previousValue] + row.groups.values.map(\.value)).contains(where: IndicatorFigureSuppression.isSuppressed)
                || row.valueSource?.comparison?.note?.hasPrefix("suppressed") == true
        }
    }

    // MARK: - Final report, 6 › Indikatorer

    func finalBlocks(_ status: IndicatorStatusReport, trend: IndicatorTrendReport?, approved: Bool?,
                     context: ReportContext) -> [Block] {
        let s = context.strings, n = context.numbers
        // Whether the figures are the approved ones, once the model's periods are approved at all.
        let approval = approved.map { " " + s($0 ? "indicators.approved" : "indicators.not_approved", ["period": n.period(status.period)]) } ?? ""
        // A column of city (KF) targets only when some indicator has one: an empty column
        // took a portrait page's width from the indicators' names (DOCX set them at
        // 7,5 pt in a column a fifth of the page wide).
        let cityTargets = status.indicators.contains { $0.cityTarget != nil }
        var blocks: [Block] = [
            .paragraph(RichText(s(cityTargets ? "indicators.intro" : "indicators.intro.unit_only",
                                  ["period": n.period(status.period)]) + approval)),
            .paragraph(RichText([.emphasis(s("indicators.symbols"))])),
        ]
        let rowsByID = Dictionary(status.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // The comparison cohort's value beside the pilot's (`comparison: line`), in a
        // column of its own once any indicator has one.
        let compared = status.indicators.filter { $0.valueSource?.comparison != nil }
        let comparisonHeader = Self.comparisonHeader(compared.compactMap { $0.valueSource?.comparison?.cohort }, s)
        let header = (["indicators.col.indicator", "indicators.col.value"].map { s($0) } + (comparisonHeader.map { [$0] } ?? [])
            + ["indicators.col.previous", "indicators.col.change", "tertial.col.unit_target"].map { s($0) }
            + (cityTargets ? [s("tertial.col.city_target")] : []) + [s("indicators.col.status")]).map { TableBlock.Cell($0) }
        func table(_ rows: [IndicatorStatusRow], caption: String) -> Block {
            .table(TableBlock(caption: caption, header: [header], rows: rows.map { row in
                let previous = Self.valueText(row.previousValue, unit: row.unit, context: context)
                    + (row.previousValue.isDefined ? " (\(n.period(row.previousPeriod)))" : "")
                let comparison = comparisonHeader == nil ? []
                    : [TableBlock.Cell(Self.comparisonText(row.valueSource?.comparison, unit: row.unit, context: context))]
                return [TableBlock.Cell(Self.indicatorName(row, context: context), isRowHeader: true),
                        TableBlock.Cell(Self.valueText(row.value, unit: row.unit, context: context)
                                        + (Self.waveLabel(row, context: context).map { " (\($0))" } ?? ""))]
                    + comparison
                    + [TableBlock.Cell(previous),
                       TableBlock.Cell(changeText(row, context: context)),
                       TableBlock.Cell(Self.targetText(row.target, unit: row.unit, context: context))]
                    + (cityTargets ? [TableBlock.Cell(Self.targetText(row.cityTarget, unit: row.unit, context: context))] : [])
                    + [TableBlock.Cell(Self.statusText(row.status, interim: row.interim, s))]
            }, alignments: [.left, .right] + (comparisonHeader == nil ? [] : [.right]) + [.right, .right, .left]
                + (cityTargets ? [.left] : []) + [.left]))
        }
        var covered = Set<String>()
        for goal in status.goals where !goal.indicators.isEmpty {
            let rows = goal.indicators.compactMap { rowsByID[$0.id] }
            covered.formUnion(rows.map(\.id))
            blocks.append(.heading(level: 1, text: s("tertial.goal", ["id": goal.id, "title": goal.title])))
            blocks.append(table(rows, caption: s("indicators.caption", ["id": goal.id, "period": n.period(status.period)])))
            blocks += Self.targetSentences(rows, context: context)
        }
        let others = status.indicators.filter { !covered.contains($0.id) }
        if !others.isEmpty {
            blocks.append(.heading(level: 1, text: s("indicators.others")))
            blocks.append(table(others, caption: s("indicators.caption.others", ["period": n.period(status.period)])))
            blocks += Self.targetSentences(others, context: context)
        }

        // Computed and recorded goal assessments, side by side (never one for the other).
        let goals = status.goals.filter { !$0.indicators.isEmpty || $0.manualAssessment != nil }
        if !goals.isEmpty {
            blocks.append(.heading(level: 1, text: s("indicators.goals")))
            let rows: [[TableBlock.Cell]] = goals.map { g in
                // The coverage beside it: "uppfylls helt" on one of three indicators says so.
                var basis = s("indicators.goal.basis", ["met": String(g.met), "assessed": String(g.met + g.notMet)])
                if g.met + g.notMet < g.indicators.count {
                    basis += "; " + s("indicators.goal.coverage", ["assessed": String(g.met + g.notMet), "total": String(g.indicators.count)])
                }
                let recorded = g.manualAssessment.map { Self.assessmentText($0, s) } ?? s("placeholder.value")
                var justification = g.manualJustification ?? ""
                if g.differs == true { justification = s("indicators.goal.differs") + (justification.isEmpty ? "" : " " + justification) }
                return [TableBlock.Cell(RichText([.strong(g.id), .plain(" " + g.title)]), isRowHeader: true),
                        TableBlock.Cell(Self.assessmentText(g.assessment, s) + (g.interim ? " " + s("status.interim") : "")),
                        TableBlock.Cell(basis), TableBlock.Cell(recorded), TableBlock.Cell(justification)]
            }
            blocks.append(.table(TableBlock(
                caption: s("indicators.goals.caption", ["period": n.period(status.period)]),
                header: [["indicators.col.goal", "indicators.col.computed", "indicators.col.basis", "indicators.col.recorded",
                          "indicators.col.justification"].map { TableBlock.Cell(s($0)) }],
                rows: rows, alignments: [.left, .left, .left, .left, .left],
                notes: [RichText(s("indicators.goals.note"))])))
        }

        // One chart per indicator that has a value in some period.
        if let trend {
            let charted = trend.indicators.filter { t in
                t.points.contains { $0.total.value.isDefined || IndicatorFigureSuppression.isSuppressed($0.total.value) }
            }
            if !charted.isEmpty {
                blocks.append(.heading(level: 1, text: s("indicators.trend")))
                for t in charted {
                    let illustrative = context.model.indicators.first { $0.id == t.id }?.illustrative ?? false
                    let periods = t.points.filter { $0.total.value.isDefined }.count
                    let svg = IndicatorTrendChart.svg(t, language: context.language, illustrative: illustrative,
                                                      suppressedLabel: s(t.unit == .count ? "suppression.small" : "suppression.hidden"))
                    // "With target levels" only when the chart draws one: a target in
                    // words ("förbättras") or none at all leaves only the outcome line.
                    let drawsTarget = t.points.contains { $0.target?.rule.line != nil || $0.cityTarget?.rule.line != nil }
                    var caption = s(drawsTarget ? "indicators.trend.caption" : "indicators.trend.caption.no_target",
                                    ["id": t.id, "title": t.title])
                    if illustrative { caption += " (" + s("illustrative.label") + ")" }
                    blocks.append(.figure(FigureBlock(
                        svg: svg, caption: caption,
                        altText: s("indicators.trend.alt", ["id": t.id, "title": t.title, "periods": String(periods)]),
                        n: periods, nLabel: s("indicators.trend.n"))))
                }
            }
        }
        blocks += notes(status, context: context)
        return blocks
    }

    func changeText(_ row: IndicatorStatusRow, context: ReportContext) -> String {
        guard let c = row.change.value else {
            return IndicatorFigureSuppression.isSuppressed(row.change) ? context.strings("suppression.hidden")
                : context.strings("placeholder.value")
        }
        let d = max(IndicatorValueText.decimals(row.value.value ?? c), IndicatorValueText.decimals(c))
        let text = context.numbers.signed(c, decimals: min(d, 2))
        return row.unit == .percent ? text + NumberStyle.noBreakSpace + context.strings("unit.pp") : text
    }

    /// The caveats of the figures in words (interim readings, disagreeing judgements,
    /// consistency warnings, dropped indicators, illustrative targets, suppression).
    func notes(_ status: IndicatorStatusReport, context: ReportContext) -> [Block] {
        let s = context.strings
        var items: [RichText] = []
        if status.indicators.contains(where: \.interim) {
            items.append(RichText(s("indicators.interim", ["period": context.numbers.period(status.period)])))
        }
        let differing = status.goals.filter { $0.differs == true }.map(\.id)
        if !differing.isEmpty { items.append(RichText(s("indicators.differs", ["goals": differing.joined(separator: ", ")]))) }
        let warned = status.indicators.filter { !$0.warnings.isEmpty }.map(\.id)
        if !warned.isEmpty { items.append(RichText(s("indicators.warnings", ["ids": warned.joined(separator: ", ")]))) }
        items += Self.surveyTotalNotes(status.indicators.map { ($0.id, $0.valueSource) }, s).map { RichText($0) }
        let compared = status.indicators.filter { $0.valueSource?.comparison != nil }
        if let column = Self.comparisonHeader(compared.compactMap { $0.valueSource?.comparison?.cohort }, s) {
            items.append(RichText(s("indicators.comparison.note", ["column": column, "ids": compared.map(\.id).joined(separator: ", ")])))
        }
        let yearly = status.indicators.filter { $0.valuePeriod != nil }.map(\.id)
        if !yearly.isEmpty { items.append(RichText(s("indicators.wave.note", ["ids": yearly.joined(separator: ", ")]))) }
        let events = status.indicators.filter(\.countsEvents).map(\.id)
        if !events.isEmpty { items.append(RichText(s("indicators.events", ["ids": events.joined(separator: ", ")]))) }
        if !status.removedIndicators.isEmpty {
            items.append(RichText(s("indicators.removed", ["ids": status.removedIndicators.map(\.id).joined(separator: ", ")])))
        }
        if context.model.indicators.contains(where: \.illustrative) {
            items.append(RichText(s("logic_model.illustrative", ["label": s("illustrative.label")])))
        }
        var blocks: [Block] = []
        if !items.isEmpty {
            blocks.append(.callout(Callout(.caveat, title: s("caveat.title"),
                                           items.reduce(RichText([])) { $0.isEmpty ? $1 : $0 + RichText(" ") + $1 })))
        }
        if Self.anySuppressed(status) {
            blocks.append(.paragraph(RichText([.emphasis(s("suppression.note"))])))
        }
        return blocks
    }

    // MARK: - 6.2 Jämställdhet

    static let genderOrder = ["girls", "boys", "women", "men", "other"]

    func genderBlocks(_ status: IndicatorStatusReport, context: ReportContext) -> [Block] {
        let s = context.strings
        let withGender = context.model.indicators.filter { !($0.breakdowns["gender"] ?? []).isEmpty }
        guard !withGender.isEmpty else { return [] }
        let rowsByID = Dictionary(status.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let used = Self.genderOrder.filter { g in withGender.contains { $0.breakdowns["gender"]!.contains(g) } }
        let header = [TableBlock.Cell(s("indicators.col.indicator"))] + used.map { TableBlock.Cell(s("gender.group.\($0)")) }
            + [TableBlock.Cell(s("gender.total"))]
        func cell(_ f: GroupFigure?, unit: IndicatorUnit) -> TableBlock.Cell {
            guard let f else { return TableBlock.Cell(s("placeholder.value")) }
            var text = Self.valueText(f.value, unit: unit, context: context)
            if unit != .count, let d = f.denominator {   // also beside a withheld value (disclosure control keeps n where it can)
                text += " (n" + NumberStyle.noBreakSpace + "=" + NumberStyle.noBreakSpace + context.numbers.decimal(d, decimals: 0) + ")"
            }
            return TableBlock.Cell(text)
        }
        let rows: [[TableBlock.Cell]] = withGender.compactMap { i in
            guard let row = rowsByID[i.id] else { return nil }
            let groups = i.breakdowns["gender"] ?? []
            return [TableBlock.Cell(Self.indicatorName(row, context: context), isRowHeader: true)]
                + used.map { g in groups.contains(g) ? cell(row.groups[g], unit: row.unit) : TableBlock.Cell("") }
                + [cell(row.total, unit: row.unit)]
        }
        var notes = [RichText(s("gender.table.note"))]
        if Self.anySuppressed(status) { notes.append(RichText(s("suppression.note"))) }
        var blocks: [Block] = [
            .heading(level: 1, text: s("gender.indicators.heading")),
            .table(TableBlock(caption: s("gender.indicators.caption", ["period": context.numbers.period(status.period)]),
                              header: [header], rows: rows,
                              alignments: [.left] + Array(repeating: .right, count: used.count + 1), notes: notes)),
        ]
        let missing = withGender.filter { i in
            guard let row = rowsByID[i.id] else { return true }
            return row.groups.values.allSatisfy { !$0.value.isDefined && !IndicatorFigureSuppression.isSuppressed($0.value) }
        }.map(\.id)
        if !missing.isEmpty {
            blocks.append(.callout(Callout(.warning, title: s("warning.title"),
                                           RichText(s("gender.missing", ["ids": missing.joined(separator: ", "),
                                                                         "period": context.numbers.period(status.period)])))))
        }
        return blocks
    }

    // MARK: - Steering brief

    /// The brief's first lines: on target, off target and not assessable, in one line.
    func summaryBlocks(_ status: IndicatorStatusReport, context: ReportContext) -> [Block] {
        let s = context.strings
        let count = { (kinds: [TargetStatus]) in status.indicators.filter { kinds.contains($0.status) }.count }
        // Those that cannot be assessed, with why, in the words and counts of the overview's
        // note under its table (no target, a target in words, no outcome, …), so the two
        // say the same: not "without a target or with one in words" over a note that
        // says every one of them has no target.
        let reasons = status.indicators.compactMap(Self.unassessedReason)
        let why = UnassessedReason.allCases.compactMap { reason -> String? in
            let count = reasons.filter { $0 == reason }.count
            guard count > 0 else { return nil }
            let key = "steering.overview.why.\(reason.rawValue)"
            return count == 1 ? s(key + ".one") : s(key, ["count": String(count)])
        }
        let text = s("steering.summary.indicators", [
            "met": String(count([.met])), "off": String(count([.notMet])),
            "other": String(count([.noData, .noComparison, .notAssessed])), "why": why.joined(separator: ", "),
        ])
        let lead = s("steering.summary.indicators.lead", ["period": context.numbers.period(status.period)])
        return [.paragraph(RichText([.strong(lead + " ")]) + RichText(text))]
    }

    /// At most this many indicators in the brief's overview (two pages): those off
    /// target first, so a long list drops some on target before any off target.
    static let briefOverviewRows = 6

    /// An indicator name (code, title, proposal mark) this long or shorter fits the
    /// overview's first column on one line beside one-line figure cells.
    static let briefShortName = 60

    /// The brief's indicator overview: how many assessed indicators are off target, a
    /// table of every assessed one (on target or not, with its outcome, target, change
    /// and a sparkline of its outcomes up to the period), and those that cannot be
    /// assessed counted by why.
    func overviewBlocks(_ status: IndicatorStatusReport, trend: IndicatorTrendReport?, context: ReportContext) -> [Block] {
        let s = context.strings, n = context.numbers
        let assessed = status.indicators.filter { $0.status == .notMet } + status.indicators.filter { $0.status == .met }
        // The counts are the brief's first lines (I korthet) and the table shows them: a
        // sentence only when nothing is assessable ("0 av 0 bedömda" says nothing).
        var blocks: [Block] = assessed.isEmpty
            ? [.paragraph(RichText(s("steering.off_target.none_assessed", ["period": n.period(status.period)])))] : []
        // Those that cannot be assessed, counted by why: under the table (a note takes
        // less room), or on its own when there is no table.
        let reasons = status.indicators.compactMap(Self.unassessedReason)
        var unassessed: String?
        if !reasons.isEmpty {
            let why = UnassessedReason.allCases.compactMap { reason -> String? in
                let count = reasons.filter { $0 == reason }.count
                guard count > 0 else { return nil }
                let key = "steering.overview.why.\(reason.rawValue)"
                return count == 1 ? s(key + ".one") : s(key, ["count": String(count)])
            }
            unassessed = s("steering.overview.other", ["count": String(reasons.count), "why": why.joined(separator: ", ")])
        }
        if !assessed.isEmpty {
            // The brief lists the first few; the tertial report has them all.
            let shown = assessed.prefix(Self.briefOverviewRows)
            let series = shown.map { Self.series($0, trend: trend, period: status.period) }
            // When every row is a proposal, one note says so instead of the mark in each
            // row (where it takes a line of its own in a narrow column).
            let illustrative = Set(context.model.indicators.filter(\.illustrative).map(\.id))
            let allIllustrative = shown.allSatisfy { illustrative.contains($0.id) }
            func name(_ row: IndicatorStatusRow) -> RichText {
                allIllustrative ? RichText([.strong(row.id), .plain(" " + row.title)]) : Self.indicatorName(row, context: context)
            }
            // The change under the outcome and the mark under the target when a name is
            // long (it takes two lines or more anyway, and narrow figure columns leave it
            // the room); beside them when every name is short, so each row is one line.
            let stacked = shown.contains { name($0).plainText.count > Self.briefShortName }
            let gap = stacked ? "\n" : " "
            let rows: [[TableBlock.Cell]] = zip(shown, series).map { row, points in
                let target = row.statusBasis == .city ? row.cityTarget : row.target
                // The change in brackets with the outcome: one column fewer leaves the
                // indicators' names room on a portrait page (two pages in all).
                let change = changeText(row, context: context)
                // The target, and with it whether it is met: a mark and a word.
                return [TableBlock.Cell(name(row), isRowHeader: true),
                        TableBlock.Cell(Self.valueText(row.value, unit: row.unit, context: context)
                                        + (change == s("placeholder.value") ? ""
                                           : gap + "(" + change.replacingOccurrences(of: " ", with: NumberStyle.noBreakSpace) + ")")),
                        TableBlock.Cell(Self.targetText(target, unit: row.unit, context: context)
                                        + (row.statusBasis == .city ? " (KF)" : "") + gap
                                        // kept on one line ("○ nås inte"), never the mark alone
                                        + s(row.status == .met ? "steering.overview.met" : "steering.overview.not_met")
                                            .replacingOccurrences(of: " ", with: NumberStyle.noBreakSpace)),
                        Self.sparklineCell(row, points: points, context: context)]
            }
            // Where a withheld value leaves a gap in a line, a note says what the gap is.
            let gaps = series.joined().contains { $0.value.value == nil && IndicatorFigureSuppression.isSuppressed($0.value) }
            // One note paragraph: what a gap is, that all are proposals, those not assessable.
            let note = [gaps ? s("steering.overview.trend.gap") : nil,
                        allIllustrative ? s("steering.overview.all_illustrative", ["label": s("illustrative.label")]) : nil,
                        unassessed].compactMap { $0 }.joined(separator: " ")
            let notes = note.isEmpty ? [] : [RichText(note)]
            blocks.append(.table(TableBlock(
                caption: s("steering.overview.caption", ["period": n.period(status.period)]),
                header: [["indicators.col.indicator", "steering.overview.col.value", "indicators.col.target",
                          "steering.overview.col.trend"].map { TableBlock.Cell(s($0)) }],
                rows: rows, alignments: [.left, .right, .left, .right], notes: notes)))
            let more = assessed.count - shown.count
            if more > 0 {
                blocks.append(.paragraph(RichText(more == 1 ? s("steering.overview.more.one")
                    : s("steering.overview.more", ["count": String(more)]))))
            }
        }
        if assessed.isEmpty, let unassessed { blocks.append(.paragraph(RichText(unassessed))) }
        if status.indicators.contains(where: \.interim) {
            blocks.append(.paragraph(RichText([.emphasis(s("indicators.interim", ["period": n.period(status.period)]))])))
        }
        return blocks
    }

    /// Why an indicator cannot be assessed, in the order the brief counts them; nil for
    /// one on or off target.
    enum UnassessedReason: String, CaseIterable {
        case noTarget = "no_target", noData = "no_data", inWords = "in_words", noDirection = "no_direction"
        case noComparison = "no_comparison"
    }

    static func unassessedReason(_ row: IndicatorStatusRow) -> UnassessedReason? {
        switch row.status {
        case .met, .notMet: return nil
        case .noData: return .noData
        case .noComparison: return .noComparison
        case .notAssessed:
            // No target for the period (nor the year's), a target in words, or a
            // numeric target on an indicator without a better direction.
            guard let target = row.statusBasis == .city ? row.cityTarget : (row.target ?? row.cityTarget) else { return .noTarget }
            if target.rule == .qualitative || row.value.value == nil { return .inWords }
            return .noDirection
        }
    }

    /// The indicator's outcomes per period up to and including `period` (or the survey
    /// year its value is read from), oldest first, in periods of that one kind (years
    /// for a year: a tertial's value beside a year's would read as a step that is not
    /// there): the trend's suppressed figures, so a withheld value stays withheld (a
    /// gap). Periods with only a target are left out.
    static func series(_ row: IndicatorStatusRow, trend: IndicatorTrendReport?, period: Period) -> [(period: Period, value: Figure)] {
        guard let t = trend?.indicators.first(where: { $0.id == row.id }) else { return [] }
        let last = row.valuePeriod ?? period
        return t.points.filter { $0.source != "target_only" && $0.period.kind == last.kind && $0.period <= last }
            .sorted { $0.period < $1.period }.map { ($0.period, $0.total.value) }
    }

    /// The sparkline cell: the line drawn in HTML and DOCX, the values in order as text
    /// ("85,4 → 80,8") in plain text and Markdown, and the values with their periods
    /// in words as the line's accessible name. "–" when no period has a value.
    static func sparklineCell(_ row: IndicatorStatusRow, points: [(period: Period, value: Figure)],
                              context: ReportContext) -> TableBlock.Cell {
        let s = context.strings, n = context.numbers
        guard points.contains(where: { $0.value.isDefined }) else { return TableBlock.Cell(s("placeholder.value")) }
        func number(_ f: Figure) -> String {
            if let v = f.value { return n.decimal(v, decimals: IndicatorValueText.decimals(v)) }
            return IndicatorFigureSuppression.isSuppressed(f) ? suppressedText(f.note, unit: row.unit, s) : s("placeholder.value")
        }
        let words = points.map { p -> String in
            let period = n.period(p.period)
            if p.value.isDefined {
                return s("steering.overview.trend.point", ["period": period, "value": valueText(p.value, unit: row.unit, context: context)])
            }
            return s(IndicatorFigureSuppression.isSuppressed(p.value) ? "steering.overview.trend.withheld" : "steering.overview.trend.none",
                     ["period": period])
        }
        // The height stands for at least a tenth of the largest value (10 percentage points
        // for a share), so 1,27 → 1,33 is not drawn as the climb 60 → 90 would be.
        let largest = points.compactMap { $0.value.value.map(abs) }.max() ?? 0
        let line = Sparkline(values: points.map { $0.value.value }, minimumSpan: row.unit == .percent ? 10 : largest / 10,
                             label: s("steering.overview.trend.alt", ["id": row.id, "values": words.joined(separator: ", ")]))
        return TableBlock.Cell(line, text: points.map { number($0.value) }.joined(separator: " → "))
    }

    // MARK: - Results against targets in words (final report)

    /// One sentence per indicator with a value that is on or off its target, in the
    /// goal's order: "I10 Andel …: 80,8 % mot målet minst 90 % – når inte målet (9,2
    /// procentenheter under)." Nothing when no indicator of the table has both.
    static func targetSentences(_ rows: [IndicatorStatusRow], context: ReportContext) -> [Block] {
        let items = rows.compactMap { targetSentence($0, context: context) }
        return items.isEmpty ? [] : [.list(ListBlock(items: items))]
    }

    static func targetSentence(_ row: IndicatorStatusRow, context: ReportContext) -> RichText? {
        let s = context.strings, n = context.numbers
        guard row.status == .met || row.status == .notMet, let value = row.value.value,
              let target = row.statusBasis == .city ? row.cityTarget : row.target else { return nil }
        var valueText = IndicatorValueText.text(value, unit: row.unit, numbers: n) ?? ""
        if row.unit == .days { valueText += NumberStyle.noBreakSpace + s(n.decimal(value, decimals: IndicatorValueText.decimals(value)) == "1" ? "unit.days.one" : "unit.days") }
        var details: [String] = []
        if row.interim { details.append(s("indicators.vs_target.interim")) }
        if row.status == .notMet, let gap = gapText(value, rule: target.rule, unit: row.unit, context: context) { details.append(gap) }
        // A relative target (förbättras) is judged on the change: say it.
        if target.rule.isRelative, let change = row.change.value {
            let d = min(2, max(IndicatorValueText.decimals(value), IndicatorValueText.decimals(change)))
            var text = n.signed(change, decimals: d)
            let one = n.decimal(abs(change), decimals: d) == "1"
            switch row.unit {
            case .percent: text += NumberStyle.noBreakSpace + s(one ? "unit.pp.words.one" : "unit.pp.words")
            case .days: text += NumberStyle.noBreakSpace + s(one ? "unit.days.one" : "unit.days")
            default: break
            }
            details.append(s("indicators.vs_target.change", ["change": text, "period": n.period(row.previousPeriod)]))
        }
        let verdict = s(row.status == .met ? "indicators.vs_target.met" : "indicators.vs_target.not_met")
            + (details.isEmpty ? "" : " (" + details.joined(separator: "; ") + ")")
        let sentence = s(row.statusBasis == .city ? "indicators.vs_target.city" : "indicators.vs_target", [
            "name": "{name}", "value": valueText,
            "target": TargetRuleText.words(target.rule, unit: row.unit, language: context.language, note: target.note),
            "verdict": verdict,
        ])
        // The indicator's code in bold, as in the tables.
        let parts = sentence.components(separatedBy: "{name}")
        var text = RichText(parts[0])
        for part in parts.dropFirst() { text = text + indicatorName(row, context: context) + RichText(part) }
        return text
    }

    /// How far an off-target value lies from a single threshold or a range, in the
    /// indicator's unit ("9,2 procentenheter under", "3 dagar över"); nil for relative
    /// rules, for several rules, and when the distance rounds to nothing.
    static func gapText(_ value: Double, rule: TargetRule, unit: IndicatorUnit, context: ReportContext) -> String? {
        let s = context.strings, n = context.numbers
        let signed: Double, decimals: Int
        switch rule {
        case .threshold(_, let t):
            signed = value - t.value
            decimals = max(IndicatorValueText.decimals(value), t.decimals)
        case .between(let a, let b):
            guard value < a.value || value > b.value else { return nil }
            signed = value < a.value ? value - a.value : value - b.value
            decimals = max(IndicatorValueText.decimals(value), value < a.value ? a.decimals : b.decimals)
        default: return nil
        }
        let d = min(decimals, 2)
        let size = abs(signed)
        guard (size * pow(10, Double(d))).rounded() > 0 else { return nil }
        var gap: String
        switch unit {
        case .sek: gap = n.kronor(size)
        default: gap = n.decimal(size, decimals: d)
        }
        let one = gap == "1"
        switch unit {
        case .percent: gap += NumberStyle.noBreakSpace + s(one ? "unit.pp.words.one" : "unit.pp.words")
        case .days: gap += NumberStyle.noBreakSpace + s(one ? "unit.days.one" : "unit.days")
        default: break
        }
        return s(signed < 0 ? "indicators.vs_target.below" : "indicators.vs_target.above", ["gap": gap])
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
