import Evaluation
import LogicModel
import Periods
import Statistics

/// The report's indicators as blocks, in the report's words (`indicators.*`): the final
/// report's 6 › Indikatorer (a status table per goal with the targets in words, results
/// against targets in sentences, the computed goal assessment beside the one the unit
/// recorded, a trend chart per indicator with its target line, the caveats), 6.2
/// Jämställdhet's table of girls and boys, the method paragraph and the list of computed
/// values' sources. The steering brief's overview and the summary line are
/// `IndicatorReport+Overview.swift`. What is withheld was decided when the record was
/// computed (Reports' `IndicatorStatusSection`), figure by figure (`disclosures`); these
/// blocks put each decision on its figure's `FigureCell` and show the record as it is.
///
/// (The terminal's `indicators status` and `trend` are `IndicatorStatusReport.blocks`
/// and `IndicatorTrendReport.blocks`, the analyst's view of the same values.)
extension IndicatorReport {
    /// What each slot shows when no observation is stored: a sentence in the indicator
    /// part, the gender part and the brief's overview; nothing in the method and summaries.
    public func noneBlocks(_ text: IndicatorWords) -> [Block] {
        [.paragraph(RichText(text.strings("indicators.none", ["model": text.model.name])))]
    }

    /// 6 › Indikatorer: the tables per goal, the goals' assessments, the trend charts, the
    /// caveats, and where computed values come from.
    public func blocks(_ text: IndicatorWords) -> [Block] {
        guard let status else { return noneBlocks(text) }
        return status.finalBlocks(trend: trend, approved: approved, disclosures: disclosures, scales: scales, text)
            + text.sourceBlocks(sources)
    }

    /// 6.2 Jämställdhet: girls and boys for every indicator with a gender breakdown.
    public func genderBlocks(_ text: IndicatorWords) -> [Block] {
        guard let status else { return noneBlocks(text) }
        return status.genderBlocks(disclosures, text)
    }

    /// The report's method paragraph on the indicators; none without observations.
    public func methodBlocks(_ text: IndicatorWords) -> [Block] {
        guard let status else { return [] }
        let s = text.strings
        let proposals = text.model.indicators.filter(\.illustrative).count
        var words = s("method.indicators", ["count": String(text.model.indicators.count),
                                             "period": text.style.period(status.period)])
        if proposals > 0 { words += " " + s("method.indicators.proposals", ["count": String(proposals)]) }
        return [.paragraph(RichText([.strong(s("method.indicators.lead") + " ")]) + RichText(words))]
    }
}

extension IndicatorStatusReport {
    // MARK: - Final report, 6 › Indikatorer

    func finalBlocks(trend: IndicatorTrendReport?, approved: Bool?, disclosures d: IndicatorDisclosures,
                     scales: [String: ResponseScale] = [:], _ text: IndicatorWords) -> [Block] {
        let s = text.strings, n = text.style
        // Whether the figures are the approved ones, once the model's periods are approved at all.
        let approval = approved.map { " " + s($0 ? "indicators.approved" : "indicators.not_approved", ["period": n.period(period)]) } ?? ""
        // A column of city (KF) targets only when some indicator has one: an empty column
        // took a portrait page's width from the indicators' names (DOCX set them at
        // 7,5 pt in a column a fifth of the page wide).
        let cityTargets = indicators.contains { $0.cityTarget != nil }
        var blocks: [Block] = [
            .paragraph(RichText(s(cityTargets ? "indicators.intro" : "indicators.intro.unit_only",
                                  ["period": n.period(period)]) + approval)),
            // The change column beside rounded values: "+0,07" from 1,28 to 1,34 is right.
            .paragraph(RichText([.emphasis(s("indicators.symbols") + " " + s("indicators.change_rounding"))])),
        ]
        let rowsByID = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // The comparison cohort's value beside the pilot's (`comparison: line`), in a
        // column of its own once any indicator has one.
        let compared = indicators.filter { $0.valueSource?.comparison != nil }
        let comparisonHeader = text.comparisonHeader(compared.compactMap { $0.valueSource?.comparison?.cohort })
        let header = (["indicators.col.indicator", "indicators.col.value"].map { s($0) } + (comparisonHeader.map { [$0] } ?? [])
            + ["indicators.col.previous", "indicators.col.change", "tertial.col.unit_target"].map { s($0) }
            + (cityTargets ? [s("tertial.col.city_target")] : []) + [s("indicators.col.status")]).map { TableBlock.Cell($0) }
        func table(_ rows: [IndicatorStatusRow], caption: String) -> Block {
            .table(TableBlock(caption: caption, header: [header], rows: rows.map { row in
                // The previous value with its period beside it ("66 % (tertial 3 2021)").
                // Value, previous and change to the same decimals where theirs would
                // contradict each other ("1,3", "1,3", "+0,1").
                // The line's value too: one precision for the row ("1,34" and "1,60").
                let decimals = text.rowDecimals(row)
                let previous = text.cell(text.figure(row.previousValue, unit: row.unit, disclosure: d[row.id, .previous],
                                                     events: row.countsEvents, decimals: decimals),
                                         words: row.previousValue.isDefined ? n.period(row.previousPeriod) : nil)
                let comparison = comparisonHeader == nil ? []
                    : [text.cellOrDash(text.comparison(row.valueSource?.comparison, unit: row.unit,
                                                       disclosure: d[row.id, .comparison], decimals: decimals))]
                // The value, and the survey round it is read from ("5,1 (enkät mars 2022)").
                return [TableBlock.Cell(text.name(row), isRowHeader: true),
                        text.cell(text.figure(row.value, unit: row.unit, disclosure: d[row.id, .total], events: row.countsEvents,
                                              decimals: decimals),
                                  words: text.waveLabel(row))]
                    + comparison
                    + [previous,
                       text.change(row, disclosure: d[row.id, .change]).cell(n),
                       TableBlock.Cell(text.target(row.target, unit: row.unit))]
                    + (cityTargets ? [TableBlock.Cell(text.target(row.cityTarget, unit: row.unit))] : [])
                    + [TableBlock.Cell(text.status(row.status, interim: row.interim))]
            }, alignments: [.left, .right] + (comparisonHeader == nil ? [] : [.right]) + [.right, .right, .left]
                + (cityTargets ? [.left] : []) + [.left]))
        }
        var covered = Set<String>()
        for goal in goals where !goal.indicators.isEmpty {
            let rows = goal.indicators.compactMap { rowsByID[$0.id] }
            covered.formUnion(rows.map(\.id))
            blocks.append(.heading(level: 1, text: s("tertial.goal", ["id": goal.id, "title": goal.title])))
            blocks.append(table(rows, caption: s("indicators.caption", ["id": goal.id, "period": n.period(period)])))
            blocks += Self.targetSentences(rows, text)
        }
        let others = indicators.filter { !covered.contains($0.id) }
        if !others.isEmpty {
            blocks.append(.heading(level: 1, text: s("indicators.others")))
            blocks.append(table(others, caption: s("indicators.caption.others", ["period": n.period(period)])))
            blocks += Self.targetSentences(others, text)
        }

        // Computed and recorded goal assessments, side by side (never one for the other).
        let assessedGoals = goals.filter { !$0.indicators.isEmpty || $0.manualAssessment != nil }
        if !assessedGoals.isEmpty {
            blocks.append(.heading(level: 1, text: s("indicators.goals")))
            let rows: [[TableBlock.Cell]] = assessedGoals.map { g in
                let basis = Self.goalBasis(met: g.met, assessed: g.met + g.notMet, total: g.indicators.count, s)
                let recorded = g.manualAssessment.map { text.assessment($0) } ?? s("placeholder.value")
                var justification = g.manualJustification ?? ""
                if g.differs == true { justification = s("indicators.goal.differs") + (justification.isEmpty ? "" : " " + justification) }
                return [TableBlock.Cell(RichText([.strong(g.id), .plain(" " + g.title)]), isRowHeader: true),
                        TableBlock.Cell(text.assessment(g.assessment) + (g.interim ? " " + s("status.interim") : "")),
                        TableBlock.Cell(basis), TableBlock.Cell(recorded), TableBlock.Cell(justification)]
            }
            blocks.append(.table(TableBlock(
                caption: s("indicators.goals.caption", ["period": n.period(period)]),
                header: [["indicators.col.goal", "indicators.col.computed", "indicators.col.basis", "indicators.col.recorded",
                          "indicators.col.justification"].map { TableBlock.Cell(s($0)) }],
                rows: rows, alignments: [.left, .left, .left, .left, .left],
                notes: [RichText(s("indicators.goals.note"))])))
        }

        // One chart per indicator that has a value in some period.
        if let trend {
            let charted = trend.indicators.filter { t in
                t.points.contains { $0.total.value.isDefined || d[t.id, $0.period, .total].isSuppressed }
            }
            if !charted.isEmpty {
                blocks.append(.heading(level: 1, text: s("indicators.trend")))
                for t in charted {
                    let illustrative = text.model.indicators.first { $0.id == t.id }?.illustrative ?? false
                    let periods = t.points.filter { $0.total.value.isDefined }.count
                    let svg = IndicatorTrendChart.svg(t, language: text.language, illustrative: illustrative,
                                                      suppressedLabel: s(t.unit == .count ? "suppression.small" : "suppression.hidden"),
                                                      withheld: d.withheldPeriods(t.id), scale: scales[t.id])
                    // "With target levels" only when the chart draws one: a target in
                    // words ("förbättras") or none at all leaves only the outcome line.
                    let unitLine = t.points.contains { $0.target?.rule.line != nil }
                    let cityLine = t.points.contains { $0.cityTarget?.rule.line != nil }
                    let drawsTarget = unitLine || cityLine
                    // The text alternative names the lines the chart draws, as the legend does.
                    let alt = unitLine && cityLine ? "indicators.trend.alt" : unitLine ? "indicators.trend.alt.unit"
                        : cityLine ? "indicators.trend.alt.city" : "indicators.trend.alt.no_target"
                    var caption = s(drawsTarget ? "indicators.trend.caption" : "indicators.trend.caption.no_target",
                                    ["id": t.id, "title": t.title])
                    if illustrative { caption += " (" + s("illustrative.label") + ")" }
                    blocks.append(.figure(FigureBlock(
                        svg: svg, caption: caption,
                        // Helår and tertial drawn as separate lines: the alternative says so too.
                        altText: s(alt, ["id": t.id, "title": t.title, "periods": String(periods)])
                            + (IndicatorTrendChart.seriesNote(t, language: text.language).map { " " + $0 } ?? ""),
                        n: periods, nLabel: s("indicators.trend.n"))))
                }
            }
        }
        blocks += notes(d, text)
        return blocks
    }

    /// The caveats of the figures in words (interim readings, disagreeing judgements,
    /// consistency warnings, dropped indicators, illustrative targets, suppression).
    func notes(_ disclosures: IndicatorDisclosures, _ text: IndicatorWords) -> [Block] {
        let s = text.strings
        var items: [RichText] = []
        if indicators.contains(where: \.interim) {
            items.append(RichText(s("indicators.interim", ["period": text.style.period(period)])))
        }
        let differing = goals.filter { $0.differs == true }.map(\.id)
        if !differing.isEmpty { items.append(RichText(s("indicators.differs", ["goals": differing.joined(separator: ", ")]))) }
        let warned = indicators.filter { !$0.warnings.isEmpty }.map(\.id)
        if !warned.isEmpty { items.append(RichText(s("indicators.warnings", ["ids": warned.joined(separator: ", ")]))) }
        items += text.surveyTotalNotes(indicators.map { ($0.id, $0.valueSource) }).map { RichText($0) }
        let compared = indicators.filter { $0.valueSource?.comparison != nil }
        if let column = text.comparisonHeader(compared.compactMap { $0.valueSource?.comparison?.cohort }) {
            items.append(RichText(s("indicators.comparison.note", ["column": column, "ids": compared.map(\.id).joined(separator: ", ")])))
        }
        let yearly = indicators.filter { $0.valuePeriod != nil }.map(\.id)
        if !yearly.isEmpty { items.append(RichText(s("indicators.wave.note", ["ids": yearly.joined(separator: ", ")]))) }
        let events = indicators.filter(\.countsEvents).map(\.id)
        if !events.isEmpty { items.append(RichText(s("indicators.events", ["ids": ListWords.joined(events, and: s("word.and"))]))) }
        if !removedIndicators.isEmpty {
            items.append(RichText(s("indicators.removed", ["ids": removedIndicators.map(\.id).joined(separator: ", ")])))
        }
        if text.model.indicators.contains(where: \.illustrative) {
            items.append(RichText(s("logic_model.illustrative", ["label": s("illustrative.label")])))
        }
        var blocks: [Block] = []
        if !items.isEmpty {
            blocks.append(.callout(Callout(.caveat, title: s("caveat.title"),
                                           items.reduce(RichText([])) { $0.isEmpty ? $1 : $0 + RichText(" ") + $1 })))
        }
        if disclosures.anyWithheldInStatus {
            blocks.append(.paragraph(RichText([.emphasis(s("suppression.note"))])))
        }
        return blocks
    }

    // MARK: - Results against targets in words (final report)

    /// One sentence per indicator with a value that is on or off its target, in the
    /// goal's order: "I10 Andel …: 80,8 % mot målet minst 90 % – når inte målet (9,2
    /// procentenheter under)." Nothing when no indicator of the table has both.
    static func targetSentences(_ rows: [IndicatorStatusRow], _ text: IndicatorWords) -> [Block] {
        let items = rows.compactMap { targetSentence($0, text) }
        return items.isEmpty ? [] : [.list(ListBlock(items: items))]
    }

    static func targetSentence(_ row: IndicatorStatusRow, _ text: IndicatorWords) -> RichText? {
        let s = text.strings, n = text.style
        guard row.status == .met || row.status == .notMet, let value = row.value.value,
              let target = row.statusBasis == .city ? row.cityTarget : row.target else { return nil }
        // As the table above writes it (`rowDecimals`), so the sentence's "1,3" is not the
        // table's "1,34".
        let decimals = text.rowDecimals(row)
        var valueText = n.text(text.figure(row.value, unit: row.unit, disclosure: .shown, decimals: decimals))
        if row.unit == .days { valueText += NumberStyle.noBreakSpace + s(n.decimal(value, decimals: IndicatorValueText.decimals(value)) == "1" ? "unit.days.one" : "unit.days") }
        var details: [String] = []
        if row.interim { details.append(s("indicators.vs_target.interim")) }
        if row.status == .notMet, let gap = text.gap(value, rule: target.rule, unit: row.unit) { details.append(gap) }
        // A relative target (förbättras) is judged on the change: say it.
        if target.rule.isRelative, let change = row.change.value {
            let d = min(2, max(IndicatorValueText.decimals(value), IndicatorValueText.decimals(change)))
            var words = n.signed(change, decimals: d)
            let one = n.decimal(abs(change), decimals: d) == "1"
            switch row.unit {
            case .percent: words += NumberStyle.noBreakSpace + s(one ? "unit.pp.words.one" : "unit.pp.words")
            case .days: words += NumberStyle.noBreakSpace + s(one ? "unit.days.one" : "unit.days")
            default: break
            }
            details.append(s("indicators.vs_target.change", ["change": words, "period": n.period(row.previousPeriod)]))
        }
        let verdict = s(row.status == .met ? "indicators.vs_target.met" : "indicators.vs_target.not_met")
            + (details.isEmpty ? "" : " (" + details.joined(separator: "; ") + ")")
        let sentence = s(row.statusBasis == .city ? "indicators.vs_target.city" : "indicators.vs_target", [
            "name": "{name}", "value": valueText,
            "target": TargetRuleText.words(target.rule, unit: row.unit, language: text.language, note: target.note),
            "verdict": verdict,
        ])
        // The indicator's code in bold, as in the tables.
        let parts = sentence.components(separatedBy: "{name}")
        var result = RichText(parts[0])
        for part in parts.dropFirst() { result = result + text.name(row) + RichText(part) }
        return result
    }

    // MARK: - 6.2 Jämställdhet

    static let genderOrder = ["girls", "boys", "women", "men", "other"]

    func genderBlocks(_ d: IndicatorDisclosures, _ text: IndicatorWords) -> [Block] {
        let s = text.strings
        let withGender = text.model.indicators.filter { !($0.breakdowns["gender"] ?? []).isEmpty }
        guard !withGender.isEmpty else { return [] }
        let rowsByID = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let used = Self.genderOrder.filter { g in withGender.contains { $0.breakdowns["gender"]!.contains(g) } }
        let header = [TableBlock.Cell(s("indicators.col.indicator"))] + used.map { TableBlock.Cell(s("gender.group.\($0)")) }
            + [TableBlock.Cell(s("gender.total"))]
        // A group's value (or the total's) and its n: "80,8 % (n = 26)".
        func cell(_ f: GroupFigure?, _ row: IndicatorStatusRow, _ place: IndicatorDisclosures.Place) -> TableBlock.Cell {
            guard let f else { return TableBlock.Cell(s("placeholder.value")) }
            var parts = CellParts(text.figure(f.value, unit: row.unit, disclosure: d[row.id, place], events: row.countsEvents))
            if row.unit != .count, let n = f.denominator {   // also beside a withheld value (disclosure control keeps n where it can)
                parts.append(" (n" + NumberStyle.noBreakSpace + "=" + NumberStyle.noBreakSpace)
                parts.append(FigureCell(Figure(n), .count))
                parts.append(")")
            }
            return parts.cell(text.style)
        }
        let rows: [[TableBlock.Cell]] = withGender.compactMap { i in
            guard let row = rowsByID[i.id] else { return nil }
            let groups = i.breakdowns["gender"] ?? []
            return [TableBlock.Cell(text.name(row), isRowHeader: true)]
                + used.map { g in groups.contains(g) ? cell(row.groups[g], row, .group(g)) : TableBlock.Cell("") }
                + [cell(row.total, row, .total)]
        }
        // The n is explained only where a cell shows one (none does when no value has a denominator).
        let showsN = withGender.contains { i in
            guard let row = rowsByID[i.id], row.unit != .count else { return false }
            return ([row.total] + (i.breakdowns["gender"] ?? []).map { row.groups[$0] }).contains { $0?.denominator != nil }
        }
        var notes = [RichText(s(showsN ? "gender.table.note" : "gender.table.note.no_n"))]
        if d.anyWithheldInStatus { notes.append(RichText(s("suppression.note"))) }
        var blocks: [Block] = [
            .heading(level: 1, text: s("gender.indicators.heading")),
            .table(TableBlock(caption: s("gender.indicators.caption", ["period": text.style.period(period)]),
                              header: [header], rows: rows,
                              alignments: [.left] + Array(repeating: .right, count: used.count + 1), notes: notes)),
        ]
        let missing = withGender.filter { i in
            guard let row = rowsByID[i.id] else { return true }
            return row.groups.allSatisfy { !$0.value.value.isDefined && !d[row.id, .group($0.key)].isSuppressed }
        }.map(\.id)
        if !missing.isEmpty {
            blocks.append(.callout(Callout(.warning, title: s("warning.title"),
                                           RichText(s("gender.missing", ["ids": missing.joined(separator: ", "),
                                                                         "period": text.style.period(period)])))))
        }
        return blocks
    }
}

extension IndicatorStatusReport {
    /// What a goal's computed assessment rests on: "2 av 4 bedömda indikatorer uppfyllda;
    /// 4 av 17 indikatorer bedömbara". The coverage is said whenever some indicators
    /// cannot be assessed ("uppfylls helt" on one of three says so); none assessed is
    /// said so, not "0 av 0 bedömda indikatorer uppfyllda".
    static func goalBasis(met: Int, assessed: Int, total: Int, _ s: ReportStrings) -> String {
        guard assessed > 0 else {
            return s(total == 1 ? "indicators.goal.basis.none.one" : "indicators.goal.basis.none", ["total": String(total)])
        }
        var basis = s(assessed == 1 ? "indicators.goal.basis.one" : "indicators.goal.basis",
                      ["met": String(met), "assessed": String(assessed)])
        if assessed < total {
            basis += "; " + s("indicators.goal.coverage", ["assessed": String(assessed), "total": String(total)])
        }
        return basis
    }
}
