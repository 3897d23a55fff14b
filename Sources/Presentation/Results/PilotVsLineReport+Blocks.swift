import Evaluation
import LogicModel
import Periods

/// The final report's pilot versus line as blocks, in the report's words (`cohort.*`):
/// 6 Resultatredovisning › Pilotverksamheten jämförd med linjeverksamheten (one table over
/// the outcomes, the before/after table with the words and what they rest on, then each
/// outcome's design, uncertainty and caveats in words), 6.2 Jämställdhet (each outcome by
/// gender within cohort, girls − boys in a sentence), and the method and limitations
/// paragraphs. Every figure of pilot vs line is turned into words here (`estimateText`,
/// `estimateCell`, `contrast`, `differenceCell`, `mddText`, …). What is withheld was decided when the
/// record was computed (Reports' `CohortComparisonSection`, `PublishedComparisons`); these
/// blocks write what the record holds. The steering brief's part and the verdict:
/// `PilotVsLineReport+Steering.swift`.
extension PilotVsLineReport {
    /// What the blocks need of the report besides the record.
    public struct Input {
        public var strings: ReportStrings
        public var style: NumberStyle
        /// The logic model's id and name: the extract's cohort label is usually the id,
        /// and the name stands for it then (`pilotName`).
        public var modelID: String
        public var modelName: String
        /// The suppression threshold the notes name.
        public var threshold: Int

        public init(strings: ReportStrings, style: NumberStyle, modelID: String, modelName: String, threshold: Int) {
            self.strings = strings
            self.style = style
            self.modelID = modelID
            self.modelName = modelName
            self.threshold = threshold
        }
    }

    /// Whether there is anything to show: a case extract with an outcome.
    public var shows: Bool { present && !outcomes.isEmpty }

    /// The sentence when no case extract is imported (or it carries no outcome).
    func noneBlocks(_ w: Input) -> [Block] {
        [.paragraph(RichText(w.strings("cohort.none", ["model": w.modelName])))]
    }

    /// 6 › Pilotverksamheten jämförd med linjeverksamheten: the dates, the synthetic
    /// warning, the table over the outcomes, the before/after table with the words, the
    /// caveats that hold for every outcome, and each outcome in a paragraph.
    public func blocks(_ w: Input) -> [Block] {
        guard shows else { return noneBlocks(w) }
        let s = w.strings
        // Dates in words, as the brief and the cover write them ("31 december 2022").
        func date(_ iso: String?) -> String? { iso.map { CalendarDate(parsing: $0).map(w.style.date) ?? $0 } }
        var blocks: [Block] = [.paragraph(RichText(s("cohort.intro", ["pilot": pilotName(w),
                                                                     "date": date(extractDate) ?? "",
                                                                     "start": date(pilotStart) ?? "–"])))]
        if synthetic {
            blocks.append(.callout(Callout(.warning, title: s("warning.title"), RichText(s("caveat.synthetic")))))
        }
        blocks.append(headlineTable(w, plain: false))
        var design = s("cohort.design")
        if outcomes.contains(where: { $0.permutationP != nil }) { design += " " + s("cohort.design.units") }
        blocks.append(.paragraph(RichText(design)))
        blocks.append(wordsTable(w))
        blocks.append(.callout(Callout(.caveat, title: s("caveat.title"), generalCaveats(w))))
        blocks += balanceBlocks(w)
        for o in outcomes {
            blocks.append(.heading(level: 1, text: Self.outcomeName(o, s)))
            var text = s("cohort.result", [
                "pilot": Self.estimateText(o.pilot, o, w), "line": Self.estimateText(o.line, o, w),
                "difference": Self.differenceCell(o, w).text.plainText, "plain": Self.plainWords(o, w),
            ])
            text += " " + Self.mddText(o, w)
            if o.kind == "time_to_event", let c = o.censored, let date = date(extractDate) {
                // A small count of open cases is already withheld (nil) in the record. The
                // date in words, as the introduction writes it (it was "2022-12-31" here).
                text += " " + s(c == 1 ? "cohort.censored.one" : "cohort.censored", ["censored": w.style.integer(c), "date": date])
            }
            if let window = Self.fromStartSentence(o, w) { text += " " + window }
            text += " " + Self.didSentence(o, w) + " " + Self.basisSentence(o, w)
            blocks.append(.paragraph(RichText(text)))
        }
        return blocks
    }

    /// The table over the outcomes: pilot, line, their difference, and either the p
    /// values (the final report) or the words (`plain`, the steering brief, which shows
    /// a duration through its within-limit share only: `briefOutcomes`). The brief's is
    /// short, so a row keeps to one line on a portrait page and its note to two: no n
    /// (the final report's), "pilot − linje" in the header rather than the note, the
    /// cases' leaning after "ärendena:".
    func headlineTable(_ w: Input, plain: Bool) -> Block {
        let s = w.strings, n = w.style
        let outcomes = plain ? Self.briefOutcomes(outcomes) : outcomes
        let rows: [[TableBlock.Cell]] = outcomes.map { o in
            var row = [TableBlock.Cell(Self.outcomeName(o, s), isRowHeader: true),
                       Self.estimateCell(o.pilot, o, w, median: false, size: !plain),
                       Self.estimateCell(o.line, o, w, median: false, size: !plain),
                       Self.differenceCell(o, w)]
            if plain {
                row.append(TableBlock.Cell(Self.directionWords(o, s, short: true)))
            } else {
                // The test's p is withheld with the difference it tests.
                let p = FigureCell(o.p, .pValue, disclosure: o.differenceDisclosure)
                // The number of units in words, not "J = 6".
                let perm = o.permutationP.map {
                    TableBlock.Cell(pattern: s("cohort.p.units", ["p": "{0}", "units": String(o.units ?? 0)]),
                                    figures: [FigureCell($0, .pValue)], style: n)
                } ?? TableBlock.Cell(FigureCell(nil, .pValue), style: n)
                row += [TableBlock.Cell(p, style: n), perm]
            }
            return row
        }
        var header = ["cohort.col.outcome", "cohort.col.pilot", "cohort.col.line"]
        header += plain ? ["cohort.col.difference.steering", "cohort.col.plain.steering"]
            : ["cohort.col.difference", "cohort.col.p", "cohort.col.permutation"]
        var note = s(plain ? "cohort.table.note.steering" : "cohort.table.note")
        // The brief's cell says "lägre" for "lägre, ingen given riktning"; the note says it once.
        if plain, outcomes.contains(where: { [.higher, .lower].contains(Self.leaning($0)) }) {
            note += " " + s("cohort.table.note.steering.no_direction")
        }
        if plain {
            for design in Design.allCases where outcomes.contains(where: { Self.place($0)?.design == design }) {
                note += " " + s("cohort.table.note.steering.place.\(design.rawValue)")
            }
        }
        var notes = [RichText(note)]
        // A log-rank p beside a share's interval that crosses zero reads as a contradiction
        // unless the note says the two answer different questions.
        if !plain, outcomes.contains(where: { $0.kind == "time_to_event" && $0.p != nil }) {
            notes.append(RichText(s("cohort.table.note.log_rank")))
        }
        // A duration and its 0/1 twin are one thing the group follows in two rows; the
        // summary's count ("alla 5 utfallsmåtten") is of things, so the note reconciles.
        let twins = outcomes.count - Self.briefOutcomes(outcomes).count
        if !plain, twins > 0 {
            notes.append(RichText(s("cohort.table.note.twins", [
                "twins": CountWords.word(twins, s.language, neuter: true), "rows": String(outcomes.count), "outcomes": String(outcomes.count - twins)])))
        }
        if outcomes.contains(where: { $0.pilot.withheld || $0.line.withheld }) {
            notes.append(RichText(s("suppression.note")))
        }
        // The cases' span in the caption: a brief's indicator table beside it is one year's.
        let through = extractDate.flatMap(CalendarDate.init(parsing:)).map { w.style.date($0) } ?? "–"
        return .table(TableBlock(caption: s("cohort.caption", ["pilot": pilotName(w), "date": through]), header: [header.map { TableBlock.Cell(s($0)) }],
                                 rows: rows, alignments: [.left, .right, .right, .right] + (plain ? [.left] : [.right, .right]),
                                 notes: notes))
    }

    /// The words table of the final report: per outcome the difference in differences
    /// (estimate, randomisation p over areas), the words and the design they rest on.
    func wordsTable(_ w: Input) -> Block {
        let s = w.strings
        let rows: [[TableBlock.Cell]] = outcomes.map { o in
            [TableBlock.Cell(Self.outcomeName(o, s), isRowHeader: true), Self.didCell(o, w),
             Self.didPCell(o, w), TableBlock.Cell(Self.directionWords(o, s)),
             TableBlock.Cell(Self.basisWords(o, s))]
        }
        let header = ["cohort.col.outcome", "cohort.col.did", "cohort.col.did_p", "cohort.col.plain", "cohort.col.basis"]
        var notes = [RichText(s("cohort.did.table.note"))]
        if outcomes.contains(where: { $0.kind == "time_to_event" }) { notes.append(RichText(s("cohort.did.duration"))) }
        if outcomes.contains(where: { $0.did?.disclosure.isSuppressed == true }) {
            notes.append(RichText(s("cohort.did.suppressed", ["threshold": String(w.threshold)])))
        }
        return .table(TableBlock(caption: s("cohort.did.caption"), header: [header.map { TableBlock.Cell(s($0)) }], rows: rows,
                                 alignments: [.left, .right, .right, .left, .left], notes: notes))
    }

    /// What holds for every outcome: one pilot team, cases taken as independent, the
    /// floor of the permutation over units, synthetic data. The minimum detectable
    /// difference and censoring differ by outcome and follow each one.
    func generalCaveats(_ w: Input) -> RichText {
        let s = w.strings, n = w.style
        var parts = [s("caveat.one_pilot"), s("cohort.independent")]
        if let j = outcomes.compactMap(\.units).max(), j >= 2 {
            parts.append(s(j <= 20 ? "cohort.permutation.floor" : "cohort.permutation.ok",
                           ["units": String(j), "smallest": n.decimal(1 / Double(j), decimals: 3)]))
        } else {
            parts.append(s("cohort.permutation.none"))
        }
        parts.append(s("cohort.mdd.intro"))
        if synthetic { parts.append(s("caveat.synthetic")) }
        return RichText(parts.joined(separator: " "))
    }

    // MARK: - 6.2 Jämställdhet

    /// Each outcome by gender within cohort (n and value with its interval), and
    /// girls − boys in a sentence; nothing when there is no comparison.
    public func genderBlocks(_ w: Input) -> [Block] {
        guard shows else { return [] }
        let s = w.strings
        let tests = outcomes.reduce(0) { $0 + ($1.genderDifferences ?? []).filter { $0.difference != nil }.count }
        var intro = s("cohort.gender.intro")
        if tests > 1 { intro += " " + s("cohort.gender.intro.tests", ["count": String(tests)]) }
        var blocks: [Block] = [.heading(level: 1, text: s("cohort.gender.heading")), .paragraph(RichText(intro))]
        for o in outcomes {
            let rows: [[TableBlock.Cell]] = o.byGender.map { g in
                [TableBlock.Cell(s("cohort.gender.\(g.gender)"), isRowHeader: true),
                 TableBlock.Cell(Self.nFigure(g.pilot), style: w.style),
                 Self.estimateCell(g.pilot, o, w, interval: true),
                 TableBlock.Cell(Self.nFigure(g.line), style: w.style),
                 Self.estimateCell(g.line, o, w, interval: true)]
            }
            let header = [TableBlock.Cell(s("cohort.col.gender")),
                          TableBlock.Cell(s("cohort.col.n_of", ["who": s("cohort.pilot")])),
                          TableBlock.Cell(s("cohort.col.value_of", ["who": s("cohort.pilot")])),
                          TableBlock.Cell(s("cohort.col.n_of", ["who": s("cohort.line")])),
                          TableBlock.Cell(s("cohort.col.value_of", ["who": s("cohort.line")]))]
            var notes = [RichText(s("cohort.gender.value.\(o.kind)") + " " + s("cohort.gender.value.ci"))]
            if joined {
                notes.append(RichText(s("cohort.gender.joined", ["threshold": String(w.threshold)])))
            }
            if o.byGender.contains(where: { $0.pilot.withheld || $0.line.withheld }) {
                notes.append(RichText(s("suppression.note")))
            }
            // A value beside a hidden n is shown, rounded and without its interval: the
            // general note ("built on hidden counts … not shown") must not seem broken.
            if o.byGender.contains(where: { g in [g.pilot, g.line].contains { $0.nDisclosure.isSuppressed && $0.estimate != nil } }) {
                notes.append(RichText(s("cohort.gender.value.hidden_n", ["min": String(w.threshold)])))
            }
            blocks.append(.table(TableBlock(caption: s("cohort.gender.caption", ["outcome": Self.outcomeName(o, s)]), header: [header],
                                            rows: rows, alignments: [.left, .right, .right, .right, .right],
                                            totalRows: [rows.count - 1], notes: notes)))
            let differences = genderDifferences(o, w)
            if !differences.isEmpty { blocks.append(.paragraph(RichText(differences))) }
        }
        return blocks
    }

    /// Girls against boys within each cohort in one sentence per outcome: the difference
    /// with its 95 % interval, and whether they differ (the interval on one side of zero),
    /// or why no comparison is shown.
    public func genderDifferences(_ o: Outcome, _ w: Input) -> String {
        let s = w.strings
        let parts = (o.genderDifferences ?? []).map { d -> String in
            let who = d.cohort == "pilot" ? pilotName(w) : s("cohort.line.definite")
            guard let x = d.difference else {
                // With the counts hidden, whether girls and boys differ is still said in
                // words beside the values the table shows, without the interval.
                let rows = ["girl", "boy"].compactMap { key in o.byGender.first { $0.gender == key }.map { d.cohort == "pilot" ? $0.pilot : $0.line } }
                if let differs = d.differsWithheldInterval, rows.count == 2, rows.allSatisfy({ $0.estimate != nil }) {
                    return s(differs ? "cohort.gender.diff.hidden.differ" : "cohort.gender.diff.hidden.same",
                             ["who": who, "girls": Self.estimateText(rows[0], o, w, median: false),
                              "boys": Self.estimateText(rows[1], o, w, median: false)])
                }
                return s(d.disclosure.isSuppressed ? "cohort.gender.diff.hidden" : "cohort.gender.diff.none", ["who": who])
            }
            // As precise as the table's figures above it, so the sentence does not seem to
            // know more than the table shows (and the table shows what it reports); more
            // only where an end of the interval would round to zero ("−0,00" beside
            // "skiljer sig åt" is no bound a reader can use).
            let scale = o.kind == "continuous" ? 1.0 : 100.0
            var decimals = Self.valueDecimals(o, w.style)
            if d.differs {
                let ends = [d.ciLow, d.ciHigh].compactMap { $0.map { $0 * scale } }
                while decimals < 3, ends.contains(where: { w.style.signed($0, decimals: decimals) == w.style.signed(0, decimals: decimals) }) {
                    decimals += 1
                }
            }
            let text = Self.contrast(x, low: d.ciLow, high: d.ciHigh, kind: o.kind, w, decimals: decimals).text.plainText
            return s(d.differs ? "cohort.gender.diff.differ" : "cohort.gender.diff.same", ["who": who, "difference": text])
        }
        guard !parts.isEmpty else { return "" }
        return s("cohort.gender.diff.lead", ["outcome": Self.outcomeName(o, s)]) + " " + parts.joined(separator: "; ") + "."
    }

    // MARK: - 5 Data och metod, 7 Begränsningar

    /// 5 › data and methods: the extract, what n counts, the design and its strength,
    /// censoring and missing dates, and each outcome's definition.
    public func methodBlocks(_ w: Input) -> [Block] {
        guard shows else { return [] }
        let s = w.strings
        let date = extractDate.flatMap(CalendarDate.init(parsing:)).map { w.style.date($0) } ?? "–"
        var text = s("method.cohort", ["pilot": pilotName(w), "date": date])
        if let units = outcomes.compactMap(\.units).max(), units >= 2 {
            text += " " + s("method.cohort.units", ["units": String(units)])
        }
        if let line = lineDates(w) {
            text += " " + s("method.cohort.line_period", line)
            if outcomes.contains(where: { $0.fromStart != nil }) { text += " " + s("method.cohort.from_start") }
        }
        let did = outcomes.contains(where: { $0.did?.estimate != nil })
        if did { text += " " + s("method.cohort.did") }
        text += " " + s(did ? "method.cohort.strength.did" : "method.cohort.strength") + " " + s("method.cohort.censoring")
        let definitions = outcomes.map { o -> RichText in
            let key = "cohort.definition.\(o.outcome)"
            let definition = s(key)
            return RichText([.strong(Self.outcomeName(o, s) + ": ")]) + RichText(definition == key ? s("cohort.definition.other") : definition)
        }
        // The design ladder in a paragraph of its own, where a reviewer looks for it.
        return [.paragraph(RichText([.strong(s("method.cohort.lead") + " ")]) + RichText(text)),
                .paragraph(RichText(lead: s("method.cohort.basis.lead"), basisText(w))),
                .list(ListBlock(items: definitions))]
    }

    /// Which design each outcome's words rest on, and how a design that cannot show a
    /// difference is read.
    func basisText(_ w: Input) -> String {
        let s = w.strings
        var parts: [String] = []
        for design in Design.allCases {
            let names = outcomes.filter { Self.basis($0) == design }.map { Self.inSentence(Self.outcomeName($0, s)) }
            if !names.isEmpty {
                parts.append(s("method.cohort.basis.\(design.rawValue)", ["outcomes": ListWords.joined(names, and: s("word.and"))]))
            }
        }
        // The ladder, why its third rung is not used, then what decides here.
        var text = s("method.cohort.basis.order") + " " + adjustedRungText(w)
        if !parts.isEmpty { text += " " + s("method.cohort.basis", ["parts": parts.joined(separator: "; ")]) }
        if outcomes.contains(where: { Self.floorUnits($0) != nil }) { text += " " + s("method.cohort.basis.floor") }
        return text
    }

    /// The adjusted rung, named and why it does not decide the words here: with one pilot
    /// team no interval or p for it means anything (docs/decisions.md, "The adjusted
    /// comparison is named in the ladder, not used"), and which of its covariates the
    /// extract lacks.
    func adjustedRungText(_ w: Input) -> String {
        let s = w.strings
        let all = ["age", "gender", "referral_reason"]
        // A record written before reports said which covariates the extract carries.
        let carried = covariates ?? all
        let name = { (c: String) in s("method.cohort.covariate.\(c)") }
        guard !carried.isEmpty else {
            return s("method.cohort.basis.adjusted.none", ["pilot": pilotName(w)])
        }
        var text = s("method.cohort.basis.adjusted", ["covariates": ListWords.joined(carried.map(name), and: s("word.and")),
                                                      "pilot": pilotName(w)])
        let missing = all.filter { !carried.contains($0) }
        if !missing.isEmpty {
            text += " " + s("method.cohort.basis.adjusted.missing", ["missing": ListWords.joined(missing.map(name), and: s("word.and"))])
        }
        if !(balance ?? []).isEmpty { text += " " + s("method.cohort.basis.adjusted.balance") }
        return text
    }

    /// 7 › limitations: one team is one unit; synthetic data.
    public func limitationBlocks(_ w: Input) -> [Block] {
        guard shows else { return [] }
        let s = w.strings
        var text = s("limitations.one_team")
        if let units = Self.fewUnits(self) { text += " " + s("limitations.units", ["units": String(units)]) }
        if let line = lineDates(w) {
            text += " " + s("limitations.line_period", line)
            if let agree = Self.fromStartAgreement(outcomes) {
                let key = agree.of == 1 ? (agree.same == 1 ? "one" : "none") : (agree.same == agree.of ? "all" : "some")
                text += " " + s("limitations.from_start.\(key)", [
                    "same": CountWords.word(agree.same, s.language), "of": CountWords.word(agree.of, s.language)])
            }
        }
        if synthetic { text += " " + s("limitations.synthetic.cases") }
        return [.paragraph(RichText([.strong(s("limitations.one_team.lead") + " ")]) + RichText(text))]
    }

    /// The line's first referral and the pilot's start in words, when the line reaches
    /// back before the start.
    func lineDates(_ w: Input) -> [String: String]? {
        guard let first = lineFirstReferral.flatMap(CalendarDate.init(parsing:)),
              let start = pilotStart.flatMap(CalendarDate.init(parsing:)) else { return nil }
        return ["first": w.style.date(first), "start": w.style.date(start)]
    }
}

// MARK: - Figures in words

extension PilotVsLineReport {
    /// The pilot as people know it: the extract's cohort label is usually the model's id
    /// (`vallingbyteamet`), so the model's name stands for it then.
    func pilotName(_ w: Input) -> String {
        guard let label = pilot, !label.isEmpty else { return w.modelName }
        return label.lowercased() == w.modelID.lowercased() ? w.modelName : label
    }

    /// The outcome's name in the report's words, saying what its figure is: a duration
    /// with a limit, whose figure here is the share within the limit, as that share
    /// ("Andel utredningar klara inom 122 dagar", `cohort.share.<key>`), not by its days
    /// ("Utredningstid (dagar)" beside "81,4 %"); any other outcome by its name
    /// (`cohort.outcome.<key>`: a 0/1 outcome's event, a mean's count per case or child,
    /// a duration without a limit, shown as its median in days), or by its key.
    public static func outcomeName(_ o: Outcome, _ s: ReportStrings) -> String {
        if o.kind == "time_to_event", let days = o.limitDays {
            let key = "cohort.share.\(o.outcome)"
            let text = s(key, ["days": NumberStyle(s.language).decimal(days, decimals: 0)])
            if text != key { return text }
        }
        let key = "cohort.outcome.\(o.outcome)"
        let text = s(key)
        return text == key ? o.outcome : text
    }

    /// The fewest decimals of a group's figure: a mean to one decimal, a share in percent
    /// to one decimal. A value beside a withheld n is written so, as the record holds it
    /// (rounded where it is computed, so its digits cannot give the n back).
    static let tableDecimals = 1

    /// The decimals of one outcome's figures wherever they are written — the tables, 6.2
    /// and girls − boys beside it: the fewest, from `tableDecimals`, at which no interval
    /// prints its figures alike, neither a group's value and its ends ("0,6 (0,6 till
    /// 0,6)" for 0,587 (0,554 till 0,620)) nor girls − boys and its ends. A mean per
    /// child over a thousand children then reads "0,59 (0,55 till 0,62)".
    static func valueDecimals(_ o: Outcome, _ n: NumberStyle) -> Int {
        let scale = o.kind == "continuous" ? 1.0 : 100.0
        let groups = [o.pilot, o.line] + o.byGender.flatMap { [$0.pilot, $0.line] }
        var intervals: [[Double?]] = groups.filter { $0.n != nil }.map { [$0.estimate, $0.ciLow, $0.ciHigh] }
        intervals += (o.genderDifferences ?? []).map { [$0.difference, $0.ciLow, $0.ciHigh] }
        let scaled = intervals.map { $0.compactMap { $0.map { $0 * scale } } }.filter { $0.count == 3 }
        return DistinguishingDecimals.apart(scaled, base: tableDecimals, numbers: n)
    }

    /// A group's value as a figure: a mean to the outcome's decimals or a share in
    /// percent, with the decision on it. Beside a withheld n, the digits the record holds.
    static func valueFigure(_ x: Double?, _ g: Group, _ o: Outcome, _ w: Input) -> FigureCell {
        let decimals = g.n == nil ? tableDecimals : valueDecimals(o, w.style)
        return FigureCell(x, o.kind == "continuous" ? .decimal(decimals) : .share(decimals), disclosure: g.valueDisclosure)
    }

    /// A cohort's n as a figure, with the decision on it ("<5" when small, ".." when
    /// hidden to protect another row).
    static func nFigure(_ g: Group) -> FigureCell {
        FigureCell(g.n.map(Double.init), .count, disclosure: g.nDisclosure)
    }

    /// A group's figure in a cell: its value; with its 95 % interval (`interval`, where
    /// the record holds one: never beside a hidden n), a duration's median (`median:
    /// false` leaves it out: the headline table must fit a portrait page) and its n
    /// (`size`). A duration without a share within its limit shows its median alone.
    static func estimateCell(_ g: Group, _ o: Outcome, _ w: Input, median withMedian: Bool = true,
                             interval withInterval: Bool = false, size: Bool = false) -> TableBlock.Cell {
        let s = w.strings
        var figures: [FigureCell] = []
        func slot(_ f: FigureCell) -> String {
            figures.append(f)
            return "{\(figures.count - 1)}"
        }
        let median = { (m: Double) in s("cohort.median", ["days": slot(FigureCell(m, .decimal(0)))]) }
        var pattern: String
        if g.estimate == nil, !g.valueDisclosure.isSuppressed, o.kind == "time_to_event", let m = g.median {
            pattern = median(m)
        } else {
            pattern = slot(valueFigure(g.estimate, g, o, w))
            if withInterval, g.estimate != nil, let lo = g.ciLow, let hi = g.ciHigh {
                pattern += " (" + s("cohort.ci", ["low": slot(valueFigure(lo, g, o, w)), "high": slot(valueFigure(hi, g, o, w))]) + ")"
            }
            // The limit is in the outcome's name (`outcomeName`).
            if withMedian, g.estimate != nil, o.kind == "time_to_event", let m = g.median { pattern += "; " + median(m) }
        }
        if size { pattern += " (n" + NumberStyle.noBreakSpace + "=" + NumberStyle.noBreakSpace + slot(nFigure(g)) + ")" }
        return TableBlock.Cell(pattern: pattern, figures: figures, style: w.style)
    }

    /// A group's figure in a sentence (`estimateCell`'s words).
    static func estimateText(_ g: Group, _ o: Outcome, _ w: Input, median: Bool = true) -> String {
        estimateCell(g, o, w, median: median).text.plainText
    }

    /// A pilot − line (or girls − boys) contrast: in the outcome's unit, percentage points
    /// for shares, with the fewest decimals that keep its figures apart, or with `decimals`.
    static func contrast(_ d: Double, low: Double?, high: Double?, kind: String, _ w: Input,
                         decimals fixed: Int? = nil) -> TableBlock.Cell {
        let s = w.strings, n = w.style
        let continuous = kind == "continuous"
        let scale = continuous ? 1.0 : 100.0
        // A mean's difference alone (no interval to widen it) keeps two decimals, as one
        // with its interval usually does.
        let base = continuous && (low == nil || high == nil) ? 2 : 1
        let decimals = fixed ?? DistinguishingDecimals.decimals(for: [d, low, high].compactMap { $0.map { $0 * scale } },
                                                                base: base, numbers: n)
        var figures: [FigureCell] = []
        func slot(_ x: Double) -> String {
            figures.append(FigureCell(scale * x, .signed(decimals)))
            return "{\(figures.count - 1)}"
        }
        // At a fixed precision an end of an interval wholly on one side of zero may round
        // to zero: it keeps its sign ("−0,0"), so "skiljer sig åt" never stands beside
        // "till 0,0".
        let oneSided = (low ?? 0) > 0 || (high ?? 0) < 0
        func end(_ x: Double) -> String {
            let zero = n.signed(0, decimals: decimals)
            guard fixed != nil, oneSided, x != 0, n.signed(scale * x, decimals: decimals) == zero else { return slot(x) }
            return (x < 0 ? n.minus : "+") + zero
        }
        var pattern = slot(d) + (continuous ? "" : NumberStyle.noBreakSpace + s("unit.pp"))
        // The interval holds together ("(−0,8 till +6,3)" never breaks inside), so a
        // narrow cell wraps before it, not between its ends.
        if let low, let high {
            pattern += " (" + s("cohort.ci", ["low": end(low), "high": end(high)])
                .replacingOccurrences(of: " ", with: NumberStyle.noBreakSpace) + ")"
        }
        return TableBlock.Cell(pattern: pattern, figures: figures, style: n)
    }

    /// The pilot − line difference with its interval, or why there is none (withheld
    /// with a cohort's value, "..").
    static func differenceCell(_ o: Outcome, _ w: Input) -> TableBlock.Cell {
        guard let d = o.difference else {
            return TableBlock.Cell(FigureCell(nil, .signed(1), disclosure: o.differenceDisclosure), style: w.style)
        }
        // Enough decimals that no end of the interval rounds to zero or onto the estimate.
        return contrast(d, low: o.ciLow, high: o.ciHigh, kind: o.kind, w)
    }

    /// The difference in differences in a cell: the estimate, or why there is none.
    static func didCell(_ o: Outcome, _ w: Input) -> TableBlock.Cell {
        guard let d = o.did, let b = d.estimate else {
            return TableBlock.Cell(FigureCell(nil, .signed(2), disclosure: o.did?.disclosure ?? .shown), style: w.style)
        }
        return contrast(b, low: nil, high: nil, kind: o.kind, w)
    }

    /// The randomisation p over areas in a cell, with the number of areas ranked.
    static func didPCell(_ o: Outcome, _ w: Input) -> TableBlock.Cell {
        guard let p = o.did?.p else {
            return TableBlock.Cell(FigureCell(nil, .pValue, disclosure: o.did?.disclosure ?? .shown), style: w.style)
        }
        return TableBlock.Cell(pattern: w.strings("cohort.p.areas", ["p": "{0}", "areas": String(o.did?.areas ?? 0)]),
                               figures: [FigureCell(p, .pValue)], style: w.style)
    }

    /// The design the words rest on, in words.
    static func basisWords(_ o: Outcome, _ s: ReportStrings) -> String {
        guard let design = basis(o) else { return s("placeholder.value") }
        return s("cohort.basis.\(design.rawValue)")
    }

    /// The uncertainty in plain words: does the interval include no difference? Short
    /// for the steering brief's table column, a sentence for the final report.
    static func plainWords(_ o: Outcome, _ w: Input, short: Bool = false) -> String {
        let s = w.strings
        let prefix = short ? "cohort.plain.short." : "cohort.plain."
        guard o.difference != nil, let lo = o.ciLow, let hi = o.ciHigh else { return s(prefix + "unknown") }
        if lo <= 0 && hi >= 0 { return s(prefix + "includes_zero") }
        return s(prefix + "excludes_zero")
    }

    /// The smallest difference the cohorts' sizes could detect, in a sentence.
    static func mddText(_ o: Outcome, _ w: Input) -> String {
        let s = w.strings, n = w.style
        let sizes = ["pilot": n.text(nFigure(o.pilot)), "line": n.text(nFigure(o.line))]
        if o.kind != "continuous", let baseline = o.line.estimate, let above = o.mddAbove ?? o.mddBelow {
            var t = s("cohort.mdd.proportion", sizes.merging(["from": n.percent(100 * baseline), "to": n.percent(100 * above)]) { a, _ in a })
            if o.mddAbove != nil, let below = o.mddBelow { t += " " + s("cohort.mdd.or", ["to": n.percent(100 * below)]) }
            return t + " " + s("cohort.mdd.tail")
        }
        if let d = o.mddStandardized {
            var values = sizes
            values["sd"] = n.decimal(d, decimals: 2)
            // Investigations per child count children, as the method section says.
            var t = s(o.outcome == "investigations_per_child" ? "cohort.mdd.means.children" : "cohort.mdd.means", values)
            if let raw = o.mddRaw { t += " " + s("cohort.mdd.raw", ["raw": n.decimal(raw, decimals: 1)]) }
            return t + " " + s("cohort.mdd.tail")
        }
        return s("cohort.mdd.undefined")
    }

    /// Which side of zero an interval lies on: −1, +1, or 0 when it holds zero.
    static func side(_ low: Double?, _ high: Double?) -> Int? {
        guard let low, let high else { return nil }
        return low > 0 ? 1 : (high < 0 ? -1 : 0)
    }

    /// The direct comparison again with only the cases referred from the pilot's start,
    /// and whether its interval tells the same story as the one over every case; nil
    /// when the line does not reach back before the start.
    static func fromStartSentence(_ o: Outcome, _ w: Input) -> String? {
        let s = w.strings, n = w.style
        guard let f = o.fromStart else { return nil }
        guard let d = f.difference, let pilotN = f.pilotN, let lineN = f.lineN else {
            return s(f.disclosure.isSuppressed ? "cohort.from_start.withheld" : "cohort.from_start.none")
        }
        // At least the precision of the difference over every case, so the two read
        // side by side ("−0,44" then "−0,41", not "−0,4").
        let scale = o.kind == "continuous" ? 1.0 : 100.0
        let decimals = [[o.difference, o.ciLow, o.ciHigh], [d, f.ciLow, f.ciHigh]].map { xs in
            DistinguishingDecimals.decimals(for: xs.compactMap { $0.map { $0 * scale } }, base: 1, numbers: n)
        }.max()
        let difference = contrast(d, low: f.ciLow, high: f.ciHigh, kind: o.kind, w, decimals: decimals).text.plainText
        // Investigations per child count children, on each child's first case.
        let text = s(o.outcome == "investigations_per_child" ? "cohort.from_start.children" : "cohort.from_start",
                     ["pilot": n.integer(pilotN), "line": n.integer(lineN), "difference": difference])
        let before = side(o.ciLow, o.ciHigh), after = side(f.ciLow, f.ciHigh)
        let key: String
        switch (before, after) {
        case let (x?, y?) where x == y: key = x == 0 ? "same_zero" : "same"
        case (_?, 0?): key = "includes_zero"
        case (0?, _?): key = "excludes_zero"
        case (_?, _?): key = "reversed"
        default: return text
        }
        return text + " " + s("cohort.from_start.\(key)")
    }

    /// How many outcomes tell the same story from the pilot's start as over every case
    /// (the intervals on the same side of zero, or both holding it), of those that have
    /// both; nil when none has.
    static func fromStartAgreement(_ outcomes: [Outcome]) -> (same: Int, of: Int)? {
        let pairs = outcomes.compactMap { o -> (Int, Int)? in
            guard o.difference != nil, let f = o.fromStart, f.difference != nil,
                  let a = side(o.ciLow, o.ciHigh), let b = side(f.ciLow, f.ciHigh) else { return nil }
            return (a, b)
        }
        return pairs.isEmpty ? nil : (pairs.filter { $0.0 == $0.1 }.count, pairs.count)
    }

    /// The before/after comparison of one outcome in a sentence.
    static func didSentence(_ o: Outcome, _ w: Input) -> String {
        let s = w.strings, n = w.style
        guard let d = o.did else { return "" }
        if o.kind == "time_to_event" { return s("cohort.did.sentence.duration") }
        guard let b = d.estimate else {
            return s(d.disclosure.isSuppressed ? "cohort.did.sentence.suppressed" : "cohort.did.sentence.none")
        }
        var text = s("cohort.did.sentence", ["estimate": contrast(b, low: nil, high: nil, kind: o.kind, w).text.plainText])
        if let p = d.p, let j = d.areas {
            // The smallest possible p is said once per outcome: by the deciding design's
            // sentence when it has a floor (`basisSentence`), else here.
            let floor = j <= 20 && floorUnits(o) == nil
            text += " " + s(floor ? "cohort.did.sentence.p.floor" : "cohort.did.sentence.p",
                            ["p": n.decimal(p, decimals: 3), "areas": String(j), "smallest": n.decimal(1 / Double(j), decimals: 3)])
        } else {
            text += " " + s("cohort.did.sentence.no_p")
        }
        return text
    }

    /// Which design the outcome's words rest on, and why they are what they are: a
    /// ranking over too few units or areas to reach p < 0,05 is named with its smallest
    /// possible p, once.
    static func basisSentence(_ o: Outcome, _ w: Input) -> String {
        let s = w.strings
        guard let design = basis(o) else { return "" }
        var text = s("cohort.basis.sentence", ["word": inSentence(verdictWord(verdict(o), s)),
                                                "basis": inSentence(s("cohort.basis.\(design.rawValue)"))])
        // The pilot's place among the units, which the p of the ranking is (rank / J).
        if design == .permutation, let p = o.permutationP, let j = o.units, j > 0 {
            let rank = Int((p * Double(j)).rounded())
            text += " " + s("cohort.basis.sentence.rank", ["rank": String(rank), "units": String(j), "p": w.style.decimal(p, decimals: 3)])
        }
        if let j = floorUnits(o) {
            text += " " + s("cohort.basis.sentence.floor.\(design.rawValue)",
                            ["count": String(j), "smallest": w.style.decimal(1 / Double(j), decimals: 3)])
        }
        if let lean = leaning(o) {
            text += " " + s("cohort.basis.sentence.leaning", ["leaning": inSentence(verdictWord(lean, s))])
        }
        return text
    }
}

extension PilotVsLineReport.Group {
    /// Whether disclosure control withheld its n or its value (a table's note then says
    /// what "<5" and ".." mean).
    var withheld: Bool { nDisclosure.isSuppressed || valueDisclosure.isSuppressed }
}
