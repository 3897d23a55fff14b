import Evaluation
import LogicModel
import Periods

/// The tertial report's table as blocks, in the report's words (`tertial.*`): the period
/// and how it was chosen, per goal a table in the city's columns (indicator, outcome,
/// the comparison cohort's value where there is one, boys and girls where a goal's
/// indicator is broken down by gender, previous period, targets, status as a symbol and
/// a word, the author's analysis) with the goal's assessment and the author's text
/// under it, and the notes (interim readings, survey waves and totals, what was
/// withheld, sources, proposals). What is withheld was decided when the record was
/// computed (Reports' `TertialTableSection`), figure by figure (`Row.disclosures`); these
/// blocks put each decision on its figure's `FigureCell` and show the record as it is.
extension TertialTable {
    /// - Parameters:
    ///   - periodAsked: whether the period was asked for (`--period`); else the blocks say
    ///     how it was chosen.
    ///   - authorText: the author's text by section key (`--text`): the analysis under an
    ///     indicator's heading (`tertial.indicator.I1`) fills its row's last column, a
    ///     goal's (`tertial.goal.G1`) follows the goal's table.
    public func blocks(_ text: IndicatorWords, periodAsked: Bool, authorText: [String: [Block]]) -> [Block] {
        let s = text.strings
        let dash = s("placeholder.value")
        // The previous value's period, in words, where it is not the tertial before this
        // one: a survey's earlier round ("5,0 (enkät 2021)"), a year's value.
        let before = period.flatMap(Period.init(parsing:))?.previous
        func previousWords(_ row: Row) -> String? {
            guard row.previous != nil, let label = row.previousPeriod else { return nil }
            if row.wave != nil { return text.waveLabel(label) }
            guard let p = Period(parsing: label), p != before else { return nil }
            return text.style.period(p)
        }
        var blocks: [Block] = []
        if let p = period.flatMap(Period.init(parsing:)) {
            // Without a period asked for, say how this one was chosen.
            let which = periodAsked ? "tertial.period" : "tertial.period.fullest"
            blocks.append(.paragraph(RichText(s(which, ["period": text.style.period(p)]))))
            if let summary = summary(text, period: p) { blocks.append(.paragraph(summary)) }
        }
        // The comparison cohort's column, after the outcome, once any indicator has one.
        let comparisonHeader = text.comparisonHeader(goals.flatMap(\.indicators).compactMap(\.comparisonCohort))
        let header = (["tertial.col.indicator", "tertial.col.outcome"].map { s($0) } + (comparisonHeader.map { [$0] } ?? [])
            + ["tertial.col.boys", "tertial.col.girls",
               "tertial.col.previous", "tertial.col.unit_target", "tertial.col.city_target",
               "tertial.col.assessment", "tertial.col.analysis"].map { s($0) }).map { TableBlock.Cell($0) }
        let alignments: [TableBlock.Alignment] = [.left, .right] + (comparisonHeader == nil ? [] : [.right])
            + [.right, .right, .right, .left, .left, .left, .left]
        // Columns no row of the report fills are left out: the city council's target (KF:s
        // årsmål) where none is set, the analysis where the author has written none.
        let columns = header.count
        let cityColumn = columns - 3, analysisColumn = columns - 1
        let rowsOfReport = goals.flatMap(\.indicators)
        let anyCityTarget = rowsOfReport.contains { $0.cityTarget != nil }
        let anyAnalysis = rowsOfReport.contains { !(authorText["tertial.indicator.\($0.indicator)"] ?? []).isEmpty }
        var anyIllustrative = false, anySuppressed = false, anyInterim = false, anyGendered = false, yearly: [String] = []
        // Indicators that count events, not persons: their counts are `eventCount`s.
        let eventCounting = Set(text.model.indicators.filter(\.countsEvents).map(\.id))
        let hasData = goals.contains { $0.indicators.contains { $0.assessment != nil } }
        if hasData { blocks.append(.paragraph(RichText([.emphasis(s("indicators.symbols"))]))) }
        for goal in goals {
            blocks.append(.heading(level: 1, text: s("tertial.goal", ["id": goal.id, "title": goal.title])))
            guard !goal.indicators.isEmpty else {
                blocks.append(.paragraph(RichText([.emphasis(s("tertial.no_indicators"))])))
                continue
            }
            // Boys and girls only where an indicator of the goal is broken down by gender: a
            // staff survey's items or a count of PDSA cycles have neither.
            let byGender = Set(text.model.indicators.filter { !($0.breakdowns["gender"] ?? []).isEmpty }.map(\.id))
            func hasGender(_ row: Row) -> Bool {
                byGender.contains(row.indicator) || row.boys != nil || row.girls != nil
                    || row.disclosure(.group("boys")).isSuppressed || row.disclosure(.group("girls")).isSuppressed
            }
            let gendered = goal.indicators.contains(where: hasGender)
            anyGendered = anyGendered || gendered
            let rows: [[TableBlock.Cell]] = goal.indicators.map { row in
                anyIllustrative = anyIllustrative || row.illustrative
                var name = RichText(id: row.indicator, row.title)
                if row.illustrative { name = name + RichText([.emphasis(" (\(s("illustrative.label")))")]) }
                let analysis = authorText["tertial.indicator.\(row.indicator)"]
                    .map { blocks in blocks.compactMap { b -> String? in
                        if case .paragraph(let t) = b { return t.plainText }
                        if case .list(let l) = b { return l.items.map(\.plainText).joined(separator: "; ") }
                        return nil
                    }.joined(separator: " ") } ?? ""
                let unit = IndicatorUnit(rawValue: row.unit) ?? .mean
                // One precision across the row, as the final report's tables write theirs
                // ("75,0 % | 73,4 % | 66,7 %", not "75 % | 73,4 %").
                let decimals = unit == .sek ? nil
                    : IndicatorWords.sharedDecimals([row.outcome, row.comparison, row.boys, row.girls, row.previous].compactMap { $0 })
                func value(_ v: Double?, _ note: String?, _ place: IndicatorDisclosures.Place) -> FigureCell {
                    text.figure(v, note: note, unit: unit, disclosure: row.disclosure(place),
                                events: eventCounting.contains(row.indicator), decimals: decimals)
                }
                anySuppressed = anySuppressed || row.disclosures.values.contains { $0.isSuppressed }
                anyInterim = anyInterim || row.interim == true
                let wave = text.waveLabel(row.wave)
                if wave != nil, !yearly.contains(row.indicator) { yearly.append(row.indicator) }
                let assessment = row.assessment.flatMap(TargetStatus.init(rawValue:))
                    .map { text.status($0, interim: row.interim == true) } ?? dash
                let comparison = comparisonHeader == nil ? []
                    : [text.cellOrDash(row.comparisonCohort == nil ? nil : value(row.comparison, row.comparisonNote, .comparison))]
                // The outcome, and the survey round it is read from ("5,1 (enkät mars 2022)").
                return [TableBlock.Cell(name, isRowHeader: true), text.cell(value(row.outcome, row.outcomeNote, .total), words: wave)]
                    + comparison
                    // A row without a gender breakdown leaves the cells empty: "–" would say a value is missing.
                    + (gendered && hasGender(row)
                        ? [text.cell(value(row.boys, row.boysNote, .group("boys"))),
                           text.cell(value(row.girls, row.girlsNote, .group("girls")))]
                        : [TableBlock.Cell(""), TableBlock.Cell("")])
                    + [text.cell(value(row.previous, row.previousNote, .previous), words: previousWords(row)), TableBlock.Cell(row.unitTarget ?? dash),
                        TableBlock.Cell(row.cityTarget ?? dash), TableBlock.Cell(assessment),
                        TableBlock.Cell(analysis)]
            }
            let genderColumns = (comparisonHeader == nil ? 2 : 3)..<(comparisonHeader == nil ? 4 : 5)
            let kept = (0..<columns).map { c in
                (gendered || !genderColumns.contains(c)) && (anyCityTarget || c != cityColumn) && (anyAnalysis || c != analysisColumn)
            }
            func keep<T>(_ cells: [T]) -> [T] { zip(cells, kept).filter(\.1).map(\.0) }
            blocks.append(.table(TableBlock(caption: s("tertial.caption", ["id": goal.id]), header: [keep(header)],
                                            rows: rows.map(keep), alignments: keep(alignments))))
            if let a = goal.assessment.flatMap(Assessment.init(rawValue:)) {
                // Read from interim values, it is itself an interim reading, as its rows say.
                let judged = [TargetStatus.met.rawValue, TargetStatus.notMet.rawValue]
                let interim = goal.indicators.contains { $0.interim == true && judged.contains($0.assessment ?? "") }
                var words = s(interim ? "tertial.goal.assessment.interim" : "tertial.goal.assessment", ["assessment": text.assessment(a)])
                // What it rests on: how many met of those assessed, and of how many.
                let met = goal.indicators.filter { $0.assessment == TargetStatus.met.rawValue }.count
                let assessed = met + goal.indicators.filter { $0.assessment == TargetStatus.notMet.rawValue }.count
                if assessed > 0 {
                    words = String(words.dropLast()) + " – "
                        + IndicatorStatusReport.goalBasis(met: met, assessed: assessed, total: goal.indicators.count, s) + "."
                }
                if let r = goal.recordedAssessment.flatMap(Assessment.init(rawValue:)) {
                    words += " " + s("tertial.goal.recorded", ["assessment": text.assessment(r)])
                }
                blocks.append(.paragraph(RichText(words)))
            }
            // The goal's own analysis, written under a heading naming the goal ("G1").
            blocks += authorText["tertial.goal.\(goal.id)"] ?? []
        }
        if !hasData {
            blocks.append(.callout(Callout(.note, title: s("note.title"), RichText(s("indicators.none", ["model": text.model.name])))))
        }
        if anyInterim, let p = period.flatMap(Period.init(parsing:)) {
            blocks.append(.paragraph(RichText([.emphasis(s("indicators.interim", ["period": text.style.period(p)]))])))
        }
        // Boys and girls need not add up to the outcome: it counts every child.
        if anyGendered { blocks.append(.paragraph(RichText([.emphasis(s("tertial.note.gender"))]))) }
        if !yearly.isEmpty {
            blocks.append(.paragraph(RichText([.emphasis(s("indicators.wave.note", ["ids": yearly.joined(separator: ", ")]))])))
        }
        let surveyed = goals.flatMap(\.indicators).map { row in
            (id: row.indicator, source: row.total.flatMap(ValueSource.SurveyTotal.init(rawValue:)).map {
                ValueSource(binding: "", imports: [], rule: "", total: $0, totalUnit: row.totalUnit)
            })
        }
        let compared = goals.flatMap(\.indicators).filter { $0.comparisonCohort != nil }.map(\.indicator)
        if let column = comparisonHeader {
            var seen = Set<String>()
            let ids = compared.filter { seen.insert($0).inserted }
            blocks.append(.paragraph(RichText([.emphasis(s("indicators.comparison.note", ["column": column, "ids": ids.joined(separator: ", ")]))])))
        }
        // An indicator under two goals is named once.
        var named = Set<String>()
        for note in text.surveyTotalNotes(surveyed.filter { named.insert($0.id).inserted }) {
            blocks.append(.paragraph(RichText([.emphasis(note)])))
        }
        if anySuppressed { blocks.append(.paragraph(RichText([.emphasis(s("suppression.note"))]))) }
        blocks += text.sourceBlocks(sources)
        if anyIllustrative {
            blocks.append(.callout(Callout(.caveat, title: s("caveat.title"),
                                           RichText(s("logic_model.illustrative", ["label": s("illustrative.label")])))))
        }
        return blocks
    }
}

extension TertialTable {
    /// The period's indicators against their targets in one line, each counted once
    /// though it may stand under several goals: how many meet it, how many do not, and
    /// why the others cannot be assessed — the tables' symbols in words.
    func summary(_ text: IndicatorWords, period: Period) -> RichText? {
        let s = text.strings
        var statuses: [String: TargetStatus] = [:]
        for row in goals.flatMap(\.indicators) {
            if let status = row.assessment.flatMap(TargetStatus.init(rawValue:)) { statuses[row.indicator] = status }
        }
        guard !statuses.isEmpty else { return nil }
        let count = { (status: TargetStatus) in statuses.values.filter { $0 == status }.count }
        let why = [TargetStatus.noData, .noComparison, .notAssessed].compactMap { status -> String? in
            count(status) == 0 ? nil : s("tertial.summary.why.\(status.rawValue)", ["count": String(count(status))])
        }
        let other = statuses.count - count(.met) - count(.notMet)
        let lead = text.style.period(period)
        let key = other == 0 ? "tertial.summary.all_assessed" : count(.notMet) == 0 ? "tertial.summary.none_off" : "tertial.summary"
        let words = s(key, [
            "period": lead.prefix(1).uppercased() + lead.dropFirst(), "met": String(count(.met)), "total": String(statuses.count),
            "off": String(count(.notMet)), "other": String(other), "why": ListWords.joined(why, and: s("word.and")),
        ])
        return RichText([.strong(words)])
    }
}
