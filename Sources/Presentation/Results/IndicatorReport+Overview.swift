import Evaluation
import LogicModel
import Periods
import Statistics

/// The steering brief's indicators as blocks: "Indikatorerna i överblick" (a table of
/// the assessed indicators with outcome, change, target and a sparkline, those that
/// cannot be assessed counted by why) and the brief's (and the final report's summary's)
/// first line on them.
extension IndicatorReport {
    /// The brief's indicator overview, or a sentence saying no observation is stored.
    public func overviewBlocks(_ text: IndicatorWords) -> [Block] {
        guard let status else { return noneBlocks(text) }
        return status.overviewBlocks(trend: trend, disclosures: disclosures, text)
    }

    /// The brief's first lines: on target, off target and not assessable, in one line;
    /// nothing without observations.
    public func summaryBlocks(_ text: IndicatorWords) -> [Block] {
        guard let status else { return [] }
        return status.summaryBlocks(text)
    }

    /// At most this many indicators in the brief's overview (two pages): those off
    /// target first, so a long list drops some on target before any off target. Five,
    /// not six: with every part of the brief filled (Tests/print/fuller-brief.sh) six
    /// long-named rows left no line to spare in LibreOffice.
    public static let briefOverviewRows = 5

    /// An indicator name (code, title, proposal mark) this long or shorter fits the
    /// overview's first column on one line beside one-line figure cells.
    static let briefShortName = 60

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

    /// "2 utan mål, 1 med mål i ord": the unassessable indicators counted by why, in the
    /// words of the overview's note, so the summary line and the note say the same.
    static func unassessedWhy(_ reasons: [UnassessedReason], _ s: ReportStrings) -> [String] {
        UnassessedReason.allCases.compactMap { reason -> String? in
            let count = reasons.filter { $0 == reason }.count
            guard count > 0 else { return nil }
            let key = "steering.overview.why.\(reason.rawValue)"
            return count == 1 ? s(key + ".one") : s(key, ["count": String(count)])
        }
    }
}

extension IndicatorStatusReport {
    typealias Overview = IndicatorReport

    /// The brief's first lines: on target, off target and not assessable, in one line.
    func summaryBlocks(_ text: IndicatorWords) -> [Block] {
        let s = text.strings
        let count = { (kinds: [TargetStatus]) in self.indicators.filter { kinds.contains($0.status) }.count }
        // Those that cannot be assessed, with why, in the words and counts of the overview's
        // note under its table (no target, a target in words, no outcome, …), so the two
        // say the same: not "without a target or with one in words" over a note that
        // says every one of them has no target.
        let why = Overview.unassessedWhy(indicators.compactMap(Overview.unassessedReason), s)
        let other = count([.noData, .noComparison, .notAssessed])
        // Every one assessed: no "0 kan inte bedömas ()".
        let words = s(other == 0 ? "steering.summary.indicators.all_assessed" : "steering.summary.indicators", [
            "met": String(count([.met])), "off": String(count([.notMet])),
            "other": String(other), "why": why.joined(separator: ", "),
        ])
        let lead = s("steering.summary.indicators.lead", ["period": text.style.period(period)])
        return [.paragraph(RichText([.strong(lead + " ")]) + RichText(words))]
    }

    /// The brief's indicator overview: how many assessed indicators are off target, a
    /// table of every assessed one (on target or not, with its outcome, target, change
    /// and a sparkline of its outcomes up to the period), and those that cannot be
    /// assessed counted by why.
    func overviewBlocks(trend: IndicatorTrendReport?, disclosures d: IndicatorDisclosures, _ text: IndicatorWords) -> [Block] {
        let s = text.strings, n = text.style
        let assessed = indicators.filter { $0.status == .notMet } + indicators.filter { $0.status == .met }
        // The counts are the brief's first lines (I korthet) and the table shows them: a
        // sentence only when nothing is assessable ("0 av 0 bedömda" says nothing).
        var blocks: [Block] = assessed.isEmpty
            ? [.paragraph(RichText(s("steering.off_target.none_assessed", ["period": n.period(period)])))] : []
        // Those that cannot be assessed, counted by why: under the table (a note takes
        // less room), or on its own when there is no table.
        let reasons = indicators.compactMap(Overview.unassessedReason)
        var unassessed: String?
        if !reasons.isEmpty {
            let why = Overview.unassessedWhy(reasons, s)
            unassessed = s("steering.overview.other", ["count": String(reasons.count), "why": why.joined(separator: ", ")])
        }
        if !assessed.isEmpty {
            // The brief lists the first few; the tertial report has them all.
            let shown = assessed.prefix(Overview.briefOverviewRows)
            let series = shown.map { Self.series($0, trend: trend, period: period) }
            // When every row is a proposal, one note says so instead of the mark in each
            // row (where it takes a line of its own in a narrow column).
            let illustrative = Set(text.model.indicators.filter(\.illustrative).map(\.id))
            let allIllustrative = shown.allSatisfy { illustrative.contains($0.id) }
            func name(_ row: IndicatorStatusRow) -> RichText {
                allIllustrative ? RichText([.strong(row.id), .plain(" " + row.title)]) : text.name(row)
            }
            // The change under the outcome and the mark under the target when a name is
            // long (it takes two lines or more anyway, and narrow figure columns leave it
            // the room); beside them when every name is short, so each row is one line.
            let stacked = shown.contains { name($0).plainText.count > Overview.briefShortName }
            let gap = stacked ? "\n" : " "
            let rows: [[TableBlock.Cell]] = zip(shown, series).map { row, points in
                let target = row.statusBasis == .city ? row.cityTarget : row.target
                // The change in brackets with the outcome: one column fewer leaves the
                // indicators' names room on a portrait page (two pages in all).
                let change = text.change(row, disclosure: d[row.id, .change])
                // One precision with the trend beside it ("1,29" after "1,28 → 1,34 → 1,29").
                var outcome = CellParts(text.figure(row.value, unit: row.unit, disclosure: d[row.id, .total],
                                                    events: row.countsEvents,
                                                    decimals: text.rowDecimals(row, with: points.map { $0.value.value })))
                if !change.isUndefinedFigure {
                    outcome.append(gap + "(")
                    outcome.append(change.noBreak)
                    outcome.append(")")
                }
                // The target, and with it whether it is met: a mark and a word.
                return [TableBlock.Cell(name(row), isRowHeader: true),
                        outcome.cell(n),
                        TableBlock.Cell(text.target(target, unit: row.unit)
                                        + (row.statusBasis == .city ? " (KF)" : "") + gap
                                        // kept on one line ("○ nås inte"), never the mark alone
                                        + s(row.status == .met ? "steering.overview.met" : "steering.overview.not_met")
                                            .replacingOccurrences(of: " ", with: NumberStyle.noBreakSpace)),
                        Self.sparklineCell(row, points: points, d, text)]
            }
            // Where a withheld value leaves a gap in a line, a note says what the gap is.
            let gaps = zip(shown, series).contains { row, points in
                points.contains { $0.value.value == nil && d[row.id, $0.period, .total].isSuppressed }
            }
            // One note paragraph: what a gap is, that all are proposals, those not assessable.
            let note = [gaps ? s("steering.overview.trend.gap") : nil,
                        allIllustrative ? s("steering.overview.all_illustrative", ["label": s("illustrative.label")]) : nil,
                        unassessed].compactMap { $0 }.joined(separator: " ")
            let notes = note.isEmpty ? [] : [RichText(note)]
            blocks.append(.table(TableBlock(
                caption: s("steering.overview.caption", ["period": n.period(period)]),
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
        if indicators.contains(where: \.interim) {
            blocks.append(.paragraph(RichText([.emphasis(s("indicators.interim", ["period": n.period(period)]))])))
        }
        return blocks
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
                              _ d: IndicatorDisclosures, _ text: IndicatorWords) -> TableBlock.Cell {
        let s = text.strings, n = text.style
        guard points.contains(where: { $0.value.isDefined }) else { return TableBlock.Cell(s("placeholder.value")) }
        // Each value a plain number as stated, without its unit (the line is the unit's).
        // One precision for the row and its points (`rowDecimals`), as many as the row's
        // change needs to agree with its values.
        let decimals = text.rowDecimals(row, with: points.map { $0.value.value })
        let figures = points.map { p in
            FigureCell(p.value, .decimal(decimals ?? p.value.value.map(IndicatorValueText.decimals) ?? 0),
                       disclosure: d[row.id, p.period, .total])
        }
        let words = zip(points, figures).map { p, figure -> String in
            let period = n.period(p.period)
            if p.value.isDefined {
                let value = text.figure(p.value, unit: row.unit, disclosure: figure.disclosure, events: row.countsEvents)
                return s("steering.overview.trend.point", ["period": period, "value": n.text(value)])
            }
            return s(figure.disclosure.isSuppressed ? "steering.overview.trend.withheld" : "steering.overview.trend.none",
                     ["period": period])
        }
        // The height stands for at least a tenth of the largest value (10 percentage points
        // for a share), so 1,27 → 1,33 is not drawn as the climb 60 → 90 would be.
        let largest = points.compactMap { $0.value.value.map(abs) }.max() ?? 0
        let line = Sparkline(values: points.map { $0.value.value }, minimumSpan: row.unit == .percent ? 10 : largest / 10,
                             label: s("steering.overview.trend.alt", ["id": row.id, "values": words.joined(separator: ", ")]))
        // The values in order ("85,4 → 80,8") where no picture can be drawn.
        var values = CellParts(figures[0])
        for f in figures.dropFirst() {
            values.append(" → ")
            values.append(f)
        }
        var cell = values.cell(n)
        cell.sparkline = line
        return cell
    }
}
