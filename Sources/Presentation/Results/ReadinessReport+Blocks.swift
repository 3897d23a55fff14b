import Evaluation
import LogicModel
import Periods

/// The report's Förändringsbenägenhet as blocks, in the report's words (`readiness.*`):
/// per survey an introduction, the all-items score per unit and wave with the latest
/// change, the heat map of the latest wave, the trend chart, the Likert bars of the
/// latest respondent-level wave (as recoded for disclosure), and reliability and whether
/// unit means describe the units, in words; the steering brief's one short table; the
/// method and limitations paragraphs. What is withheld was decided when the record was
/// computed (Reports' `ReadinessSection`); these blocks show the record as it is.
///
/// (The web's closer look, `ReadinessCloserLook`, words the scales and gaps for the
/// readiness page; the terminal's views are `ReadinessSummary.blocks` and friends.)
extension ReadinessReport {
    /// The final report's Förändringsbenägenhet, or a sentence saying no survey is stored.
    /// - Parameters:
    ///   - threshold: the suppression threshold the notes name.
    ///   - modelName: the logic model's name, for the sentence when nothing is stored.
    public func blocks(strings s: ReportStrings, style: NumberStyle, threshold: Int, modelName: String) -> [Block] {
        guard !surveys.isEmpty else { return [.paragraph(RichText(s("readiness.none", ["model": modelName])))] }
        return surveys.flatMap { $0.blocks(strings: s, style: style, threshold: threshold) }
    }

    /// The steering brief's readiness by unit: one short table and the verdict in words.
    public func steeringBlocks(strings s: ReportStrings, style: NumberStyle, threshold: Int, modelName: String) -> [Block] {
        guard !surveys.isEmpty else { return [.paragraph(RichText(s("readiness.none", ["model": modelName])))] }
        return surveys.flatMap { $0.steeringBlocks(strings: s, style: style, threshold: threshold) }
    }

    /// One paragraph per survey for the report's method section.
    public func methodBlocks(strings s: ReportStrings, threshold: Int) -> [Block] {
        surveys.map { survey in
            .paragraph(RichText([.strong(s("method.readiness.lead") + " ")]) + RichText(s("method.readiness", [
                "name": survey.name, "waves": survey.waves.map { $0.label(s) }.joined(separator: ", "),
                "min": String(survey.scaleMin), "max": String(survey.scaleMax),
                "threshold": String(threshold),
            ])))
        }
    }

    /// Which surveys' waves are invented, for the report's limitations.
    public func limitationBlocks(strings s: ReportStrings) -> [Block] {
        surveys.compactMap { survey in
            let synthetic = survey.waves.filter(\.synthetic).map { $0.name(s) }
            guard !synthetic.isEmpty else { return nil }
            return .paragraph(RichText(s("limitations.synthetic.waves", ["name": survey.name,
                                                                         "waves": synthetic.joined(separator: ", ")])))
        }
    }
}

extension ReadinessReport.Wave {
    /// "mars 2023 (syntetisk)", "mars 2021 (sammanställd)": the wave in words (a month
    /// "2023-03" as people write it) and what kind of wave it is.
    func label(_ s: ReportStrings) -> String {
        let marks = (aggregated ? [s("readiness.aggregated.short")] : []) + (synthetic ? [s("readiness.synthetic.short")] : [])
        return marks.isEmpty ? name(s) : "\(name(s)) (\(marks.joined(separator: ", ")))"
    }

    /// The wave in words: a month ("2023-03") as people write it, "mars 2023".
    func name(_ s: ReportStrings) -> String { NumberStyle(s.language).periodLabel(wave) }
}

extension ReadinessReport.UnitScore {
    /// The unit's mean to two decimals and its n, as one cell of figures ("5,34 (n = 12)",
    /// "4,10 (n okänt)"): the mean a decimal, the n a count of persons; a withheld unit is
    /// its n, decided small ("<5"), and a unit without a score its mean, undefined ("–").
    func meanCell(_ s: ReportStrings, _ n: NumberStyle, threshold: Int) -> TableBlock.Cell {
        let people = FigureCell(self.n.map(Double.init), .count, undefined: nNote ?? "not given by the source",
                                disclosure: suppressed ? .small(threshold: threshold) : .shown)
        if suppressed { return TableBlock.Cell(people, style: n) }
        let score = FigureCell(mean, .decimal(2), undefined: meanNote ?? "no score")
        guard mean != nil else { return TableBlock.Cell(score, style: n) }
        let size = self.n == nil ? " (" + Pattern.literal(s("readiness.n.unknown")) + ")"
            : " (n" + NumberStyle.noBreakSpace + "=" + NumberStyle.noBreakSpace + "{1})"
        return TableBlock.Cell(pattern: "{0}" + size, figures: self.n == nil ? [score] : [score, people], style: n)
    }
}

extension ReadinessReport.Change {
    /// "+0,32 (95 % KI +0,10 till +0,54)", or "(beskrivande)" to or from an aggregated
    /// wave, as one cell of figures: the change and its interval, each signed as the
    /// pilot-vs-line differences are.
    func cell(_ s: ReportStrings, _ n: NumberStyle) -> TableBlock.Cell {
        let change = FigureCell(difference, .signed(2), undefined: "no change")
        guard difference != nil else { return TableBlock.Cell(change, style: n) }
        if method == "descriptive" {
            return TableBlock.Cell(pattern: "{0} (" + Pattern.literal(s("readiness.descriptive")) + ")", figures: [change], style: n)
        }
        guard let lo = ciLow, let hi = ciHigh else { return TableBlock.Cell(change, style: n) }
        // The words around the interval's ends from the strings, the ends as figures.
        let words = Pattern.literal(s("readiness.ci", ["low": "\u{1}", "high": "\u{2}"]))
            .replacingOccurrences(of: "\u{1}", with: "{1}").replacingOccurrences(of: "\u{2}", with: "{2}")
        return TableBlock.Cell(pattern: "{0} (" + words + ")",
                               figures: [change, FigureCell(lo, .signed(2)), FigureCell(hi, .signed(2))], style: n)
    }

    /// The brief's cell: the change and, in words, whether it holds once every tested
    /// change is allowed for (Holm's adjusted p below 0,05): "+0,47 (ingen säker
    /// förändring)". No interval: the brief names no method and its reader needs the word.
    func steeringCell(_ s: ReportStrings, _ n: NumberStyle) -> TableBlock.Cell {
        let change = FigureCell(difference, .signed(2), undefined: "no change")
        guard let d = difference, method != "descriptive", let adjusted = pAdjusted else { return cell(s, n) }
        let word = adjusted < 0.05 ? (d > 0 ? "readiness.change.clear_rise" : "readiness.change.clear_fall") : "readiness.change.unclear"
        return TableBlock.Cell(pattern: "{0} (" + Pattern.literal(s(word)) + ")", figures: [change], style: n)
    }
}

/// Words from the strings inside a cell's pattern: braces would read as placeholders.
enum Pattern {
    static func literal(_ words: String) -> String {
        words.replacingOccurrences(of: "{", with: "(").replacingOccurrences(of: "}", with: ")")
    }
}

extension ReadinessReport.Survey {
    /// A unit's score in a wave; a wave without the unit has no figure ("–").
    func meanCell(_ u: ReadinessReport.UnitScore?, _ s: ReportStrings, _ n: NumberStyle, threshold: Int) -> TableBlock.Cell {
        u.map { $0.meanCell(s, n, threshold: threshold) } ?? TableBlock.Cell(s("placeholder.value"))
    }

    /// A unit's latest change; none (one wave, or the unit in one only) is "–".
    func changeCell(_ c: ReadinessReport.Change?, _ s: ReportStrings, _ n: NumberStyle) -> TableBlock.Cell {
        c.map { $0.cell(s, n) } ?? TableBlock.Cell(s("placeholder.value"))
    }

    // MARK: - Final report

    func blocks(strings s: ReportStrings, style n: NumberStyle, threshold: Int) -> [Block] {
        let language = n.language
        var blocks: [Block] = [.paragraph(RichText(s("readiness.intro", [
            "name": name, "min": String(scaleMin), "max": String(scaleMax),
            "waves": waves.map { $0.label(s) }.joined(separator: ", "),
        ])))]
        // Per unit and over time: the all-items score.
        var units: [String] = []
        for w in waves { for u in w.units where !units.contains(u.unit) { units.append(u.unit) } }
        let changeByUnit = Dictionary(changes.map { ($0.unit, $0) }, uniquingKeysWith: { a, _ in a })
        // The interval is the change's own; Holm's p over every tested change stands
        // beside it, so an interval clear of zero is not read as a change that holds.
        let adjusted = changes.contains { $0.pAdjusted != nil }
        let header = [TableBlock.Cell(s("readiness.col.unit"))] + waves.map { TableBlock.Cell($0.label(s)) }
            + [TableBlock.Cell(s("readiness.col.change"))] + (adjusted ? [TableBlock.Cell(s("readiness.col.p_adjusted"))] : [])
        let rows: [[TableBlock.Cell]] = units.map { unit in
            [TableBlock.Cell(unit, isRowHeader: true)]
                + waves.map { w in meanCell(w.units.first { $0.unit == unit }, s, n, threshold: threshold) }
                + [changeCell(changeByUnit[unit], s, n)]
                + (adjusted ? [TableBlock.Cell(FigureCell(changeByUnit[unit]?.pAdjusted, .pValue), style: n)] : [])
        }
        var notes = [RichText(s("readiness.table.note", ["min": String(scaleMin), "max": String(scaleMax)]))]
        if waves.contains(where: \.aggregated) { notes.append(RichText(s("readiness.aggregated.note"))) }
        if waves.contains(where: { $0.units.contains(where: \.suppressed) }) {
            let threshold = ["threshold": String(threshold)]
            notes.append(RichText(s("readiness.suppressed.note", threshold)))
            notes.append(RichText(s("readiness.suppressed.pooled", threshold)))
        }
        if tests > 0 { notes.append(RichText(s("readiness.holm", ["tests": String(tests)]))) }
        blocks.append(.table(TableBlock(caption: s("readiness.table.caption", ["name": name]), header: [header], rows: rows,
                                        alignments: [.left] + Array(repeating: .right, count: waves.count + (adjusted ? 2 : 1)),
                                        notes: notes)))

        if let charts, let latest = waves.last {
            // Respondents of the shown units only; none shown, no n.
            let nText = latest.aggregated ? nil : latest.respondents.flatMap { $0 > 0 ? $0 : nil }
            blocks.append(.figure(FigureBlock(
                svg: ReadinessHeatmap.svg(charts.latest, instrument: charts.instrument, language: language),
                caption: s("readiness.heatmap.caption", ["wave": latest.label(s)]),
                altText: s("readiness.heatmap.alt", ["wave": latest.name(s), "units": String(latest.units.count)]),
                n: nText, nLabel: nText == nil ? nil : s("readiness.n.respondents"))))
            let trendN = waves.compactMap(\.respondents).reduce(0, +)
            blocks.append(.figure(FigureBlock(
                svg: ReadinessTrendChart.svg(charts.trend, instrument: charts.instrument, language: language),
                caption: s("readiness.trend.caption", ["waves": waves.map { $0.label(s) }.joined(separator: ", ")]),
                altText: s("readiness.trend.alt", ["units": String(units.count), "waves": String(waves.count)]),
                n: trendN > 0 ? trendN : nil, nLabel: trendN > 0 ? s("readiness.n.answers_waves") : nil)))
            if let likertSummary = charts.likertSummary, let wave = likertWave.map({ NumberStyle(s.language).periodLabel($0) }) {
                let pooled = likert.map(\.n).max() ?? 0
                // The bars as the record holds them: recoded for disclosure when computed.
                let shown = likertSummary.units.contains { !$0.suppressed }
                blocks.append(.figure(FigureBlock(
                    svg: LikertBars.svg(bars: likert, instrument: charts.instrument, wave: likertSummary.wave, unit: nil,
                                        empty: likertSummary.aggregated ? .aggregated : (shown ? nil : .noAnswers),
                                        language: language, recoded: true),
                    caption: s("readiness.likert.caption", ["wave": wave]),
                    altText: s("readiness.likert.alt", ["wave": wave]),
                    n: pooled, nLabel: s("readiness.n.respondents"))))
            }
        }
        // Reliability and whether unit means describe the units, per wave.
        let items: [RichText] = waves.map { w in
            var parts: [String] = []
            if w.aggregated {
                parts.append(s("readiness.aggregated.reliability"))
            } else {
                if let a = w.alpha {
                    var t = s("readiness.alpha", ["alpha": n.decimal(a, decimals: 2)])
                    if let lo = w.alphaCILow, let hi = w.alphaCIHigh {
                        t += " (" + s("readiness.ci", ["low": n.decimal(lo, decimals: 2), "high": n.decimal(hi, decimals: 2)]) + ")"
                    }
                    parts.append(t + ".")
                }
                if let i1 = w.icc1, let i2 = w.icc2 {
                    parts.append(s("readiness.icc", ["icc1": n.decimal(i1, decimals: 2), "icc2": n.decimal(i2, decimals: 2)]))
                }
                parts.append(w.verdictText)
            }
            return RichText([.strong(w.label(s) + ":")]) + RichText(" " + parts.joined(separator: " "))
        }
        blocks.append(.paragraph(RichText(s("readiness.verdict.intro"))))
        blocks.append(.list(ListBlock(items: items)))
        // The aggregated waves are explained once, in the table's notes, not again in a box.
        if let callout = syntheticCallout(s) { blocks.insert(callout, at: 1) }
        return blocks
    }

    /// Which waves are invented, said before any of their figures.
    func syntheticCallout(_ s: ReportStrings) -> Block? {
        let synthetic = waves.filter(\.synthetic).map { $0.name(s) }
        guard !synthetic.isEmpty else { return nil }
        return .callout(Callout(.warning, title: s("warning.title"),
                                RichText(s("readiness.synthetic.note", ["waves": synthetic.joined(separator: ", ")]))))
    }

    // MARK: - Steering brief

    func steeringBlocks(strings s: ReportStrings, style n: NumberStyle, threshold: Int) -> [Block] {
        guard let latest = waves.last else { return [] }
        let previous = waves.dropLast().last
        let changeByUnit = Dictionary(changes.map { ($0.unit, $0) }, uniquingKeysWith: { a, _ in a })
        var header = [TableBlock.Cell(s("readiness.col.unit")), TableBlock.Cell(latest.label(s))]
        if let previous { header.append(TableBlock.Cell(s("readiness.col.change_since", ["wave": previous.label(s)]))) }
        let rows: [[TableBlock.Cell]] = latest.units.map { u in
            var row = [TableBlock.Cell(u.unit, isRowHeader: true), u.meanCell(s, n, threshold: threshold)]
            if previous != nil {
                let c = changeByUnit[u.unit].flatMap { $0.to == latest.wave ? $0 : nil }
                row.append(c.map { $0.steeringCell(s, n) } ?? TableBlock.Cell(s("placeholder.value")))
            }
            return row
        }
        let notes = latest.units.contains(where: \.suppressed)
            ? [RichText(s("readiness.suppressed.pooled", ["threshold": String(threshold)]))] : []
        return [
            .table(TableBlock(caption: s("readiness.steering.caption", ["name": name, "min": String(scaleMin),
                                                                         "max": String(scaleMax)]),
                              header: [header], rows: rows, alignments: [.left, .right, .right], notes: notes)),
            // The verdict in plain words: the agreement and reliability figures behind
            // it are the final report's.
            .paragraph(RichText(s("readiness.steering.verdict.\(latest.verdict)"))),
        ]
    }
}
