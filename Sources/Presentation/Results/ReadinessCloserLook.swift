import Evaluation
import LogicModel
import Statistics

/// The readiness page's closer look, in the reader's language (the terminal's views,
/// `ReadinessTrend.blocks` and `ReadinessGaps.blocks`, are the analyst's English):
///
/// - each scale — all statements and every sub-scale — per unit and wave, with the
///   latest change, its interval and whether it is clear;
/// - the latest respondent-level wave's gaps: between the units on each statement, and
///   within each unit between its highest and lowest statement.
///
/// "Clear" means a Holm-adjusted p below 0.05 over the family the result names; anything
/// else is said as "may be chance". Units under the minimum group size show as such
/// and take no part (the results already leave them out).
public struct ReadinessCloserLook {
    public let instrument: Instrument
    public let trend: ReadinessTrend
    /// Gaps in the latest wave with respondents' answers; nil when every wave is aggregated.
    public let gaps: ReadinessGaps?
    public let style: NumberStyle

    public init(instrument: Instrument, trend: ReadinessTrend, gaps: ReadinessGaps?, style: NumberStyle) {
        self.instrument = instrument
        self.trend = trend
        self.gaps = gaps
        self.style = style
    }

    var sv: Bool { style.language == .sv }
    func t(_ swedish: String, _ english: String) -> String { sv ? swedish : english }

    public func blocks() -> [Block] {
        var blocks: [Block] = [.heading(level: 1, text: t("Per skala och över tid", "By scale and over time"))]
        blocks += scales()
        if let gaps {
            blocks.append(.heading(level: 1, text: t("Skillnader i enkäten \(gaps.wave)", "Gaps in the \(gaps.wave) survey")))
            blocks += betweenUnits(gaps)
            blocks += withinUnits(gaps)
        }
        return blocks
    }

    // MARK: - Scales over time

    func scales() -> [Block] {
        let scales = ReadinessScoring.scales(of: instrument)
        var units: [String] = []
        for s in trend.series where !units.contains(s.unit) { units.append(s.unit) }
        let previous = trend.waves.dropLast().last
        var header = [t("Enhet", "Unit"), t("Skala", "Scale")].map { TableBlock.Cell(RichText($0)) }
        header += trend.waves.map { TableBlock.Cell(RichText($0.wave + ($0.aggregated ? "*" : ""))) }
        if let previous {
            header.append(TableBlock.Cell(RichText(t("Förändring sedan \(previous.wave)", "Change since \(previous.wave)"))))
        }
        var rows: [[TableBlock.Cell]] = []
        for unit in units {
            for scale in scales {
                guard let series = trend.series.first(where: { $0.unit == unit && $0.kind == "scale" && $0.key == scale.key })
                else { continue }
                var row = [TableBlock.Cell(RichText(unit), isRowHeader: true),
                           TableBlock.Cell(RichText(sv ? scale.sv : scale.en))]
                row += trend.waves.map { w in
                    guard let point = series.points.first(where: { $0.wave == w.wave }) else { return TableBlock.Cell("–") }
                    if point.suppressed { return TableBlock.Cell(RichText(fewer(trend.minGroup))) }
                    return TableBlock.Cell(FigureCell(point.mean, .decimal(2)), style: style)
                }
                if previous != nil {
                    let change = series.changes.last { $0.to == trend.waves.last?.wave }
                    row.append(change.map(changeCell) ?? TableBlock.Cell("–"))
                }
                rows.append(row)
            }
        }
        let tests = trend.series.flatMap(\.changes).filter(\.pAdjusted.isDefined).count
        var notes = [RichText(t("Medelvärden på skalan \(instrument.scale.min)–\(instrument.scale.max); högre betyder större förändringsbenägenhet.",
                                "Means on the \(instrument.scale.min)–\(instrument.scale.max) scale; higher means more ready for the change."))]
        if tests > 0 {
            notes.append(RichText(t("Tydlig betyder att förändringen knappast är slump: justerat p under 0,05 (Holm, över \(tests) jämförelser mellan enkäterna). Intervallen är 95 %-konfidensintervall.",
                                    "Clear means the change is unlikely to be chance: adjusted p below 0.05 (Holm, over \(tests) comparisons between waves). Intervals are 95 % confidence intervals.")))
        }
        if trend.waves.contains(where: \.aggregated) {
            notes.append(RichText(t("* Enkät som bara finns som enheternas medelvärden: beskrivs, men prövas inte.",
                                    "* A wave given only as unit means: described, not tested.")))
        }
        let alignments: [TableBlock.Alignment] = [.left, .left] + Array(repeating: .right, count: trend.waves.count)
            + (previous == nil ? [] : [.left])
        return [.table(TableBlock(caption: t("\(instrument.name) per enhet och skala", "\(instrument.name(in: .en)) by unit and scale"),
                                  header: [header], rows: rows, alignments: alignments, notes: notes))]
    }

    /// "+0,32 (0,10 till 0,54): högre, en tydlig förbättring" — the figures in the
    /// cell's pattern, so that they stay figures.
    func changeCell(_ c: ReadinessTrendChange) -> TableBlock.Cell {
        guard let d = c.difference.value else { return TableBlock.Cell("–") }
        var figures = [FigureCell(c.difference, .signed(2))]
        var pattern = "{0}"
        if c.ciLow.isDefined, c.ciHigh.isDefined {
            figures += [FigureCell(c.ciLow, .decimal(2)), FigureCell(c.ciHigh, .decimal(2))]
            pattern += " ({1}" + t(" till ", " to ") + "{2})"
        }
        return TableBlock.Cell(pattern: pattern + reading(c, difference: d), figures: figures, style: style)
    }

    func reading(_ c: ReadinessTrendChange, difference d: Double) -> String {
        guard c.method != "descriptive", let p = c.pAdjusted.value else {
            return t(": beskrivs, prövas inte", ": described, not tested")
        }
        if p < 0.05 {
            return d > 0 ? t(": högre, en tydlig förbättring", ": higher, a clear improvement")
                                 : t(": lägre, en tydlig försämring", ": lower, a clear decline")
        }
        // The interval alone leaves out zero, but not once every comparison is counted.
        if let lo = c.ciLow.value, let hi = c.ciHigh.value, lo > 0 || hi < 0 {
            return d > 0 ? t(": högre, men inte tydligt med hänsyn till alla jämförelser",
                                     ": higher, but not clearly once every comparison is counted")
                                 : t(": lägre, men inte tydligt med hänsyn till alla jämförelser",
                                     ": lower, but not clearly once every comparison is counted")
        }
        return t(": kan vara slump", ": may be chance")
    }

    /// "Enheten för barn och unga 5,34": a name and its mean, the mean a figure.
    func meanCell(_ name: String, _ mean: Figure) -> TableBlock.Cell {
        // Braces in a name would read as the pattern's placeholders.
        let safe = name.replacingOccurrences(of: "{", with: "(").replacingOccurrences(of: "}", with: ")")
        return TableBlock.Cell(pattern: safe + " {0}", figures: [FigureCell(mean, .decimal(2))], style: style)
    }

    /// A gap's reading: `clear` for a Holm-adjusted p below 0.05, else chance; an
    /// aggregated wave is described, not tested.
    func testReading(aggregated: Bool, adjustedP: Figure, clear: String) -> String {
        if aggregated { return t("beskrivs, prövas inte", "described, not tested") }
        guard let p = adjustedP.value else { return "–" }
        return p < 0.05 ? clear : t("kan vara slump", "may be chance")
    }

    func fewer(_ n: Int) -> String { t("färre än \(style.integer(n)) svar", "fewer than \(style.integer(n)) answers") }

    func statement(_ key: String) -> String {
        guard let item = instrument.items.first(where: { $0.key == key }) else { return key }
        return item.statement(style.language) + (item.reverse ? t(" (omvänt formulerat)", " (worded in reverse)") : "")
    }

    // MARK: - Gaps

    /// Per statement: the lowest and highest unit, the range and whether the units differ.
    func betweenUnits(_ gaps: ReadinessGaps) -> [Block] {
        let gapsWithUnits = gaps.betweenUnits.filter { $0.units.filter(\.mean.isDefined).count >= 2 }
        guard !gapsWithUnits.isEmpty else {
            return [.paragraph(RichText(t("Skillnader mellan enheterna visas när minst två enheter har \(style.integer(gaps.minGroup)) svar eller fler.",
                                          "Gaps between units show when at least two units have \(style.integer(gaps.minGroup)) answers or more.")))]
        }
        let header = [t("Påstående", "Statement"), t("Lägst", "Lowest"), t("Högst", "Highest"), t("Skillnad", "Gap"),
                      t("Bedömning", "Reading")].map { TableBlock.Cell(RichText($0)) }
        let rows: [[TableBlock.Cell]] = gapsWithUnits.map { gap in
            let shown = gap.units.filter(\.mean.isDefined)
            let low = shown.min { $0.mean.value! < $1.mean.value! }!, high = shown.max { $0.mean.value! < $1.mean.value! }!
            let reading = testReading(aggregated: gaps.aggregated, adjustedP: gap.welchPAdjusted,
                                      clear: t("enheterna skiljer sig tydligt", "the units clearly differ"))
            return [TableBlock.Cell(RichText(statement(gap.item)), isRowHeader: true),
                    meanCell(low.unit, low.mean), meanCell(high.unit, high.mean),
                    TableBlock.Cell(FigureCell(gap.range, .decimal(2)), style: style),
                    TableBlock.Cell(RichText(reading))]
        }
        var notes = [RichText(t("Svaren jämförs som de gavs: ett omvänt formulerat påstående har sitt bästa värde lågt.",
                                "Answers are compared as given: a statement worded in reverse is best when low."))]
        if !gaps.aggregated {
            notes.append(RichText(t("Tydligt betyder justerat p under 0,05 i Welchs variansanalys (Holm, över \(gapsWithUnits.count) påståenden).",
                                    "Clearly means adjusted p below 0.05 in Welch's analysis of variance (Holm, over \(gapsWithUnits.count) statements).")))
        }
        if !gaps.notes.filter({ $0.contains("suppressed") }).isEmpty {
            notes.append(RichText(t("Enheter med färre än \(style.integer(gaps.minGroup)) svar är inte med.",
                                    "Units with fewer than \(style.integer(gaps.minGroup)) answers are left out.")))
        }
        return [.table(TableBlock(caption: t("Skillnader mellan enheterna per påstående", "Gaps between units by statement"),
                                  header: [header], rows: rows, alignments: [.left, .left, .left, .right, .left], notes: notes))]
    }

    /// Per unit: its highest and lowest statement, and whether the gap between them is clear.
    func withinUnits(_ gaps: ReadinessGaps) -> [Block] {
        var units: [String] = []
        for g in gaps.withinUnits where !units.contains(g.unit) { units.append(g.unit) }
        let rows: [[TableBlock.Cell]] = units.compactMap { unit in
            let pairs = gaps.withinUnits.filter { $0.unit == unit && $0.difference.isDefined }
            guard let widest = pairs.max(by: { abs($0.difference.value!) < abs($1.difference.value!) }) else { return nil }
            let aFirst = widest.difference.value! >= 0
            let (high, low) = aFirst ? (widest.itemA, widest.itemB) : (widest.itemB, widest.itemA)
            let (highMean, lowMean) = aFirst ? (widest.meanA, widest.meanB) : (widest.meanB, widest.meanA)
            // Highest minus lowest: the pair's difference and interval, turned round when b was higher.
            var gapFigures = [FigureCell(Figure(abs(widest.difference.value!)), .decimal(2))]
            var gapPattern = "{0}"
            if let lo = widest.ciLow.value, let hi = widest.ciHigh.value {
                let (a, b) = aFirst ? (lo, hi) : (-hi, -lo)
                gapFigures += [FigureCell(Figure(a), .decimal(2)), FigureCell(Figure(b), .decimal(2))]
                gapPattern += " ({1}" + t(" till ", " to ") + "{2})"
            }
            let reading = testReading(aggregated: gaps.aggregated, adjustedP: widest.pAdjusted,
                                      clear: t("tydlig skillnad", "a clear gap"))
            return [TableBlock.Cell(RichText(unit), isRowHeader: true),
                    meanCell(statement(high), highMean), meanCell(statement(low), lowMean),
                    TableBlock.Cell(pattern: gapPattern, figures: gapFigures, style: style), TableBlock.Cell(RichText(reading))]
        }
        guard !rows.isEmpty else { return [] }
        let header = [t("Enhet", "Unit"), t("Högst", "Highest"), t("Lägst", "Lowest"), t("Skillnad", "Gap"),
                      t("Bedömning", "Reading")].map { TableBlock.Cell(RichText($0)) }
        var notes: [RichText] = []
        if !gaps.aggregated {
            notes.append(RichText(t("Skillnaden mellan två påståenden hos samma svarande (parat t-test, 95 %-konfidensintervall). Tydlig betyder justerat p under 0,05 (Holm, över \(gaps.withinUnits.filter(\.pAdjusted.isDefined).count) par).",
                                    "The gap between two statements within the same respondents (paired t test, 95 % confidence interval). Clear means adjusted p below 0.05 (Holm, over \(gaps.withinUnits.filter(\.pAdjusted.isDefined).count) pairs).")))
        }
        return [.table(TableBlock(caption: t("Största skillnaden mellan påståendena inom varje enhet",
                                             "The widest gap between statements within each unit"),
                                  header: [header], rows: rows, alignments: [.left, .left, .left, .right, .left], notes: notes))]
    }
}
