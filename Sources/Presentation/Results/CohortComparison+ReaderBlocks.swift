import Evaluation
import Foundation
import LogicModel
import Periods
import Statistics

/// `cases compare` for readers, in Swedish or English (`style.language`), for the web's
/// "Pilot och linje" / "Pilot and line" page and other readers: the same result as the
/// terminal's analyst blocks (`ComparisonBlocks`), said the way a FoU reviewer and a
/// process leader say it — the outcome by its name, the groups, the difference with its
/// direction (bättre / sämre / oklart; better / worse / unclear) and its uncertainty in
/// words, the minimum detectable difference, the balance before and after weighting,
/// the design's own part, and the caveats, rebuilt from the result's figures (the
/// caveats' analyst sentences are the CLI's and the JSON's). Wording as in the reports'
/// strings (`cohort.*` in Reports/Locale/ReportStrings.swift). Every number through
/// `NumberStyle`; undefined figures show "–" and a note in the reader's language. No
/// internal key, model id or option name reaches the text.
struct ReaderCohortBlocks {
    let result: CohortComparisonResult
    let style: NumberStyle
    /// What the pilot is called: a name given by the caller, else the cohort label when
    /// it is not just the model's id, else nil ("Piloten" / "the pilot").
    let pilotName: String?
    private var pending: [String] = []

    init(result: CohortComparisonResult, style: NumberStyle, pilotName: String?) {
        self.result = result
        self.style = style
        let label = result.unadjusted.labels.pilot
        if let pilotName, !pilotName.isEmpty {
            self.pilotName = pilotName
        } else if !label.isEmpty, label.lowercased() != result.modelID.lowercased() {
            self.pilotName = label
        } else {
            self.pilotName = nil
        }
    }

    /// The pilot's row in the permutation over units (`UnitPermutationComparison`).
    static let pilotUnit = "(pilot)"

    var language: Language { style.language }
    var sv: Bool { language == .sv }
    /// The Swedish or the English text, by the style's language.
    func t(_ swedish: String, _ english: String) -> String { sv ? swedish : english }

    var outcomeName: String { CaseOutcomeNames.displayName(result.outcome, language) }
    var direction: CaseOutcomeNames.Direction? { CaseOutcomeNames.direction(result.outcome) }

    var isShare: Bool {
        if case .continuous = result.unadjusted { return false }
        return true
    }

    var limitDays: Double? {
        if case .timeToEvent(let t) = result.unadjusted { return t.limitDays }
        return nil
    }

    mutating func all() -> [Block] {
        var blocks: [Block] = [.heading(level: 1, text: outcomeName + " – " + CohortDesignText.name(result.design, language))]
        blocks += intro()
        blocks += groups()
        blocks += difference()
        if let byGender = result.byGender { blocks += genders(byGender) }
        blocks += minimumDetectable()
        blocks += balance()
        switch result.design {
        case .adjusted: blocks += adjusted()
        case .did: blocks += did()
        case .permutation: blocks += permutation()
        case .unadjusted: break
        }
        blocks += caveats()
        return blocks.map(Self.keepingPercentSigns)
    }

    /// "95 % KI", "5 %-nivån": a percent sign never starts a line (as the reports'
    /// strings and `NumberStyle` write it, with a no-break space). English writes "95%"
    /// without a space, so nothing changes there.
    static func keepingPercentSigns(_ block: Block) -> Block {
        func fix(_ s: String) -> String { s.replacingOccurrences(of: " %", with: NumberStyle.noBreakSpace + "%") }
        func fix(_ t: RichText) -> RichText { t.mapText(fix) }
        func fix(_ rows: [[TableBlock.Cell]]) -> [[TableBlock.Cell]] {
            rows.map { $0.map { var c = $0; c.text = fix(c.text); return c } }
        }
        switch block {
        case .heading(let level, let text): return .heading(level: level, text: fix(text))
        case .paragraph(let t): return .paragraph(fix(t))
        case .list(var l): l.items = l.items.map(fix); return .list(l)
        case .table(var t):
            t.caption = t.caption.map(fix)
            t.headerRows = fix(t.headerRows)
            t.rows = fix(t.rows)
            t.notes = t.notes.map(fix)
            return .table(t)
        case .callout(var c): c.title = c.title.map(fix); c.text = fix(c.text); return .callout(c)
        default: return block
        }
    }

    // MARK: Numbers

    mutating func cell(_ f: Figure, _ kind: FigureCell.Kind) -> TableBlock.Cell {
        note(f)
        return TableBlock.Cell(FigureCell(f, kind), style: style)
    }

    mutating func text(_ f: Figure, _ kind: FigureCell.Kind) -> String { cell(f, kind).text.plainText }

    mutating func note(_ f: Figure) {
        if f.value == nil, let n = f.note {
            let said = Self.readerNote(n, style: style)
            if !pending.contains(said) { pending.append(said) }
        }
    }

    static func percentOf(_ f: Figure) -> Figure { f.value.map { Figure(100 * $0) } ?? f }
    static func count(_ n: Int) -> Figure { Figure(Double(n)) }

    func int(_ n: Int) -> String { style.integer(n) }
    func pct(_ p: Double, _ decimals: Int = 1) -> String { style.percent(100 * p, decimals: decimals) }
    func days(_ d: Double) -> String { style.decimal(d, decimals: d == d.rounded() ? 0 : 1) }

    /// A group's estimate: a share in percent, or a mean to two decimals.
    mutating func value(_ f: Figure) -> TableBlock.Cell { isShare ? cell(f, .share(1)) : cell(f, .decimal(2)) }

    /// A difference: procentenheter / percentage points for shares, else signed to two
    /// decimals.
    mutating func diff(_ f: Figure) -> String {
        isShare ? text(Self.percentOf(f), .percentagePoints(1)) : text(f, .signed(2))
    }

    /// " till " / " to " between the ends of an interval.
    var to: String { t(" till ", " to ") }

    /// "låg till hög" / "low to high", the unit on the high end only; "–" when undefined.
    mutating func range(_ e: Estimate, share: Bool, difference: Bool) -> String {
        let lo: String, hi: String
        switch (share, difference) {
        case (true, true):
            lo = text(Self.percentOf(e.ciLow), .signed(1)); hi = text(Self.percentOf(e.ciHigh), .percentagePoints(1))
        case (true, false):
            lo = text(Self.percentOf(e.ciLow), .decimal(1)); hi = text(e.ciHigh, .share(1))
        case (false, true):
            lo = text(e.ciLow, .signed(2)); hi = text(e.ciHigh, .signed(2))
        case (false, false):
            lo = text(e.ciLow, .decimal(2)); hi = text(e.ciHigh, .decimal(2))
        }
        return lo == "–" || hi == "–" ? "–" : lo + to + hi
    }

    /// Whole numbers as such, others to one decimal (medians, quartiles).
    mutating func plain(_ f: Figure) -> String {
        guard let v = f.value else { note(f); return "–" }
        return text(f, v == v.rounded() ? .decimal(0) : .decimal(1))
    }

    /// The notes of the part just drawn, then `extra` (notes of the result, in the
    /// analyst's English, said in the reader's language). Swedish marks them "Obs:";
    /// English lets each stand as a sentence of its own.
    mutating func notes(_ extra: [String] = []) -> [Block] {
        var all = pending
        for e in extra {
            let said = Self.readerNote(e, style: style)
            if !all.contains(said) { all.append(said) }
        }
        pending = []
        return all.isEmpty ? [] : [.list(ListBlock(items: all.map { RichText(t("Obs: ", "") + $0) }))]
    }

    func table(_ caption: String?, _ header: [String], _ rows: [[TableBlock.Cell]], numeric: Set<Int> = [],
               notes: [String] = []) -> Block {
        let width = max(header.count, rows.map(\.count).max() ?? 0)
        return .table(TableBlock(caption: caption, header: header.isEmpty ? [] : [header.map { TableBlock.Cell($0) }],
                                 rows: rows, alignments: (0..<width).map { numeric.contains($0) ? .right : .left },
                                 notes: notes.map { RichText($0) }))
    }

    func date(_ iso: String) -> String { CalendarDate(parsing: iso).map { style.date($0) } ?? iso }

    // MARK: Words

    /// The uncertainty of an interval in words (the reports' `cohort.plain.*`).
    func intervalWords(_ e: Estimate) -> String {
        guard e.estimate.value != nil, let lo = e.ciLow.value, let hi = e.ciHigh.value else {
            return t("Osäkerheten kan inte anges.", "The uncertainty cannot be stated.")
        }
        if lo <= 0 && hi >= 0 {
            return t("Intervallet rymmer noll: uppgifterna visar inte säkert någon skillnad.",
                     "The interval includes zero: the data do not show a difference with confidence.")
        }
        return t("Intervallet ligger helt på ena sidan om noll, men se förbehållen: ett team kan skilja sig av andra skäl än arbetssättet.",
                 "The interval lies wholly on one side of zero, but see the caveats: one team can differ for reasons other than its way of working.")
    }

    /// Better, worse or unclear, from the estimate's sign, whether it is uncertain, and
    /// the outcome's direction when known.
    func directionWords(_ estimate: Double?, uncertain: Bool?) -> String {
        guard let d = estimate, let uncertain else {
            return t("Bättre eller sämre: kan inte anges.", "Better or worse: cannot be stated.")
        }
        let higher = d > 0
        let lean: String
        if d == 0 {
            lean = ""
        } else if let direction {
            let better = (direction == .higherIsBetter) == higher
            lean = better ? t("skattningen pekar mot att piloten är bättre", "the estimate points to the pilot being better")
                : t("skattningen pekar mot att piloten är sämre", "the estimate points to the pilot being worse")
        } else {
            lean = higher ? t("skattningen är högre i piloten", "the estimate is higher in the pilot")
                : t("skattningen är lägre i piloten", "the estimate is lower in the pilot")
        }
        if uncertain {
            return t("Bättre eller sämre: oklart", "Better or worse: unclear")
                + (lean.isEmpty ? "." : " – " + lean + t(", men osäkerheten är för stor för att säga det.",
                                                         ", but the uncertainty is too large to say so."))
        }
        guard let direction, d != 0 else {
            return (higher ? t("Högre i piloten", "Higher in the pilot") : t("Lägre i piloten", "Lower in the pilot"))
                + t(" (måttet har ingen given riktning, så bättre eller sämre anges inte).",
                    " (the outcome has no given direction, so better or worse is not stated).")
        }
        let better = (direction == .higherIsBetter) == higher
        return (better ? t("Bättre i piloten", "Better in the pilot") : t("Sämre i piloten", "Worse in the pilot"))
            + t(" enligt denna jämförelse.", " according to this comparison.")
    }

    static func isUncertain(_ e: Estimate) -> Bool? {
        guard let lo = e.ciLow.value, let hi = e.ciHigh.value else { return nil }
        return lo <= 0 && hi >= 0
    }

    var directionNote: String {
        switch direction {
        case .higherIsBetter?: return t("Ett högre värde är bättre.", "A higher value is better.")
        case .lowerIsBetter?: return t("Ett lägre värde är bättre.", "A lower value is better.")
        case nil: return t("Måttet har ingen given riktning: ett högre värde är varken bättre eller sämre i sig.",
                           "The outcome has no given direction: a higher value is neither better nor worse in itself.")
        }
    }

    // MARK: Parts

    func intro() -> [Block] {
        let what: String
        switch result.kind {
        case .binary:
            what = t("Måttet är en andel: andelen ärenden där det inträffat.",
                     "The outcome is a share: the share of cases in which it occurred.")
        case .continuous:
            what = t("Måttet är ett tal per ärende; jämförelsen gäller medelvärden.",
                     "The outcome is a number per case; the comparison is of means.")
        case .timeToEvent:
            let within = limitDays.map { t("andelen klara inom " + days($0) + " dagar", "the share completed within " + days($0) + " days") }
                ?? t("mediantiden", "the median time")
            what = t("Måttet är en tid i dagar. Ärenden som inte var avslutade vid uttaget räknas som pågående (censurerade), inte som bortfall; jämförelsen gäller " + within + ".",
                     "The outcome is a time in days. Cases still open at the extract count as ongoing (censored), not as missing; the comparison is of " + within + ".")
        }
        let who = pilotName.map { t("Pilotens ärenden (\($0))", "The pilot's cases (\($0))") } ?? t("Pilotens ärenden", "The pilot's cases")
        var facts = who + t(" jämförs med linjens, det vill säga alla övriga ärenden, i uttaget per ",
                            " are compared with the line's, that is every other case, in the extract of ")
            + date(result.extractDate) + "."
        if let from = result.comparedFrom {
            facts += t(" Bara ärenden som aktualiserades från pilotens start " + date(from) + " ingår.",
                       " Only cases referred from the pilot's start on " + date(from) + " are included.")
        } else if let start = result.pilotStart {
            facts += t(" Piloten startade ", " The pilot started on ") + date(start) + "."
        }
        return [
            .paragraph(RichText(CohortDesignText.name(result.design, language) + ": "
                                + CohortDesignText.explanation(result.design, language) + " "
                                + CohortDesignText.strength(result.design, language))),
            .paragraph(RichText(what + " " + directionNote + " " + facts)),
        ]
    }

    /// The two groups' row headers.
    var groupNames: (pilot: String, line: String) { (t("Pilot", "Pilot"), t("Linjen", "Line")) }

    mutating func groups() -> [Block] {
        var rows: [[TableBlock.Cell]] = []
        let header: [String]
        var caption = t("Pilot och linje", "Pilot and line")
        let names = groupNames
        switch result.unadjusted {
        case .binary(let c):
            header = [t("Grupp", "Group"), t("Antal ärenden", "Cases"), t("Antal där det inträffat", "Cases in which it occurred"),
                      t("Andel", "Share"), t("95 % KI (Wilson)", "95% CI (Wilson)")]
            for (name, g) in [(names.pilot, c.pilot), (names.line, c.comparison)] {
                rows.append([TableBlock.Cell(name, isRowHeader: true), cell(Self.count(g.n), .count),
                             cell(Self.count(g.events), .count), cell(g.proportion.estimate, .share(1)),
                             TableBlock.Cell(range(g.proportion, share: true, difference: false))])
            }
        case .timeToEvent(let tte):
            let within = tte.limitDays.map { t("Inom " + days($0) + " dagar", "Within " + days($0) + " days") }
                ?? t("Inom gränsen", "Within the limit")
            header = [t("Grupp", "Group"), t("Antal ärenden", "Cases"), t("Avslutade", "Closed"),
                      t("Pågående (censurerade)", "Ongoing (censored)"), t("Mediantid i dagar (95 % KI)", "Median days (95% CI)"),
                      within + t(" (95 % KI)", " (95% CI)")]
            caption = t("Pilot och linje (Kaplan–Meier; mediantiden är den första dag då hälften av ärendena är klara)",
                        "Pilot and line (Kaplan–Meier; the median time is the first day by which half of the cases are completed)")
            for (name, g) in [(names.pilot, tte.pilot), (names.line, tte.comparison)] {
                let median = plain(g.curve.median.estimate) + " (" + rangeOfPlain(g.curve.median) + ")"
                let share = text(g.shareWithinLimit.estimate, .share(1)) + " ("
                    + range(g.shareWithinLimit, share: true, difference: false) + ")"
                rows.append([TableBlock.Cell(name, isRowHeader: true), cell(Self.count(g.curve.n), .count),
                             cell(Self.count(g.curve.events), .count), cell(Self.count(g.curve.censored), .count),
                             TableBlock.Cell(median), TableBlock.Cell(share)])
            }
        case .continuous(let c):
            header = [t("Grupp", "Group"), t("Antal ärenden", "Cases"), t("Medelvärde", "Mean"),
                      t("Standardavvikelse", "Standard deviation"), t("Median", "Median"),
                      t("Undre till övre kvartil", "Lower to upper quartile")]
            for (name, g) in [(names.pilot, c.pilot), (names.line, c.comparison)] {
                let s = g.summary
                let lo = plain(s.q1), hi = plain(s.q3)
                rows.append([TableBlock.Cell(name, isRowHeader: true), cell(Self.count(s.n), .count),
                             cell(s.mean, .decimal(2)), cell(s.sd, .decimal(2)), TableBlock.Cell(plain(s.median)),
                             TableBlock.Cell(lo == "–" || hi == "–" ? "–" : lo + to + hi)])
            }
        }
        return [.heading(level: 2, text: t("Grupperna", "The groups")), table(caption, header, rows, numeric: [1, 2, 3])] + notes()
    }

    mutating func rangeOfPlain(_ e: Estimate) -> String {
        let lo = plain(e.ciLow), hi = plain(e.ciHigh)
        return lo == "–" || hi == "–" ? "–" : lo + to + hi
    }

    mutating func difference() -> [Block] {
        var rows: [[TableBlock.Cell]] = []
        let headline: Estimate
        switch result.unadjusted {
        case .binary(let c):
            headline = c.difference
            rows.append([TableBlock.Cell(t("Skillnad i andel (Newcombe)", "Difference in share (Newcombe)")),
                         TableBlock.Cell(diff(c.difference.estimate)),
                         TableBlock.Cell(range(c.difference, share: true, difference: true)),
                         TableBlock.Cell(t("Chi-två-test (Yates) = ", "Chi-square test (Yates) = ") + text(c.chiSquare.statistic, .decimal(2))),
                         cell(c.chiSquare.p, .pValue)])
            rows.append(["", "", "", TableBlock.Cell(t("Fishers exakta test", "Fisher's exact test")), cell(c.fisherP, .pValue)])
            for (e, name) in [(c.riskRatio, t("Riskkvot (pilot / linjen)", "Risk ratio (pilot / line)")),
                              (c.oddsRatio, t("Oddskvot (pilot / linjen)", "Odds ratio (pilot / line)"))] {
                rows.append([TableBlock.Cell(name), cell(e.estimate, .decimal(2)),
                             TableBlock.Cell(range(e, share: false, difference: false)), "", ""])
            }
        case .timeToEvent(let tte):
            headline = tte.difference
            let what = tte.limitDays.map { t("Skillnad i andel klara inom " + days($0) + " dagar",
                                             "Difference in share completed within " + days($0) + " days") }
                ?? t("Skillnad i andel inom gränsen", "Difference in share within the limit")
            rows.append([TableBlock.Cell(what), TableBlock.Cell(diff(tte.difference.estimate)),
                         TableBlock.Cell(range(tte.difference, share: true, difference: true)),
                         TableBlock.Cell(t("Log-rank-test: chi-två = ", "Log-rank test: chi-square = ") + text(tte.logRank.test.statistic, .decimal(2))),
                         cell(tte.logRank.test.p, .pValue)])
        case .continuous(let c):
            headline = c.difference
            let df = c.welch.df.map { text($0, .decimal(1)) } ?? "–"
            rows.append([TableBlock.Cell(t("Skillnad i medelvärde", "Difference in means")), cell(c.difference.estimate, .signed(2)),
                         TableBlock.Cell(range(c.difference, share: false, difference: true)),
                         TableBlock.Cell(t("Welchs t-test: t = ", "Welch's t-test: t = ") + text(c.welch.statistic, .decimal(2))
                                         + t(", frihetsgrader ", ", degrees of freedom ") + df),
                         cell(c.welch.p, .pValue)])
            let method = c.mannWhitney.method.map { $0 == .exact ? t("exakt", "exact") : t("normalapproximation", "normal approximation") } ?? ""
            rows.append([TableBlock.Cell(t("Förskjutning (Hodges–Lehmann)", "Shift (Hodges–Lehmann)")),
                         cell(c.hodgesLehmann.shift.estimate, .signed(2)),
                         TableBlock.Cell(range(c.hodgesLehmann.shift, share: false, difference: true)),
                         TableBlock.Cell(t("Mann–Whitneys test", "Mann–Whitney test") + (method.isEmpty ? "" : " (\(method))")),
                         cell(c.mannWhitney.p, .pValue)])
            rows.append([TableBlock.Cell(t("Effektstorlek (Hedges g, i standardavvikelser)", "Effect size (Hedges' g, in standard deviations)")),
                         cell(c.hedgesG.estimate, .signed(2)),
                         TableBlock.Cell(range(c.hedgesG, share: false, difference: true)), "", ""])
        }
        let unit = isShare ? t("för andelar i procentenheter", "for shares in percentage points") : t("i måttets enhet", "in the outcome's units")
        let differences = table(t("Skillnad mellan pilot och linjen, ärendena behandlade som oberoende",
                                  "Difference between pilot and line, the cases treated as independent"),
                                [t("Mått", "Measure"), t("Skillnad pilot − linjen", "Difference pilot − line"), t("95 % KI", "95% CI"),
                                 t("Test", "Test"), "p"], rows, numeric: [1, 4],
                                notes: [t("Skillnad = pilot − linjen med 95 % konfidensintervall (KI), ",
                                          "Difference = pilot − line with 95% confidence interval (CI), ") + unit
                                        + t(". p behandlar ärendena som oberoende och överskattar säkerheten.",
                                            ". p treats the cases as independent and overstates certainty.")])
        var words = t("Skillnad (95 % KI): ", "Difference (95% CI): ") + diff(headline.estimate)
        let r = range(headline, share: isShare, difference: true)
        if r != "–" { words += " (" + r + ")" }
        words += ". " + intervalWords(headline) + " "
            + directionWords(headline.estimate.value, uncertain: Self.isUncertain(headline))
        return [.heading(level: 2, text: t("Skillnad", "Difference")), .paragraph(RichText(words)), differences] + notes()
    }

    static func genderName(_ g: CaseRecord.Gender, _ language: Language) -> String {
        let sv = language == .sv
        switch g {
        case .girl: return sv ? "Flickor" : "Girls"
        case .boy: return sv ? "Pojkar" : "Boys"
        case .other: return sv ? "Annat" : "Other"
        }
    }

    mutating func genders(_ list: [(CaseRecord.Gender, UnadjustedComparison)]) -> [Block] {
        var rows: [[TableBlock.Cell]] = []
        for (g, c) in list {
            let (pilot, line, d, p) = c.headline
            let r = range(d, share: isShare, difference: true)
            let difference = d.estimate.value == nil ? "–" : diff(d.estimate) + (r == "–" ? "" : " (" + r + ")")
            rows.append([TableBlock.Cell(Self.genderName(g, language), isRowHeader: true), cell(Self.count(pilot.n), .count),
                         value(pilot.estimate), cell(Self.count(line.n), .count), value(line.estimate),
                         TableBlock.Cell(difference), cell(p, .pValue)])
        }
        return [.heading(level: 2, text: t("Per kön", "By gender")),
                table(t("Pilot och linjen per kön (pilot − linjen inom varje kön)", "Pilot and line by gender (pilot − line within each gender)"),
                      [t("Kön", "Gender"), t("Antal, piloten", "Cases, pilot"), t("Värde, piloten", "Value, pilot"),
                       t("Antal, linjen", "Cases, line"), t("Värde, linjen", "Value, line"),
                       t("Skillnad (95 % KI)", "Difference (95% CI)"), "p"],
                      rows, numeric: [1, 2, 3, 4, 6])] + notes()
    }

    /// The minimum detectable difference in words (the reports' `cohort.mdd.*`).
    mutating func minimumDetectable() -> [Block] {
        let mdd = result.minimumDetectableDifference
        let (pilot, line, _, _) = result.unadjusted.headline
        let power = style.percent(80, decimals: 0), alpha = style.percent(5, decimals: 0)
        let sizes = t("Med " + int(pilot.n) + " ärenden i piloten och " + int(line.n) + " i linjen",
                      "With " + int(pilot.n) + " pilot and " + int(line.n) + " line cases")
        let tail = t(" – före hänsyn till att ärenden inom ett team liknar varandra, vilket gör den större. Mindre verkliga skillnader kan lätt gå oupptäckta: att ingen säker skillnad syns betyder inte att det inte finns någon.",
                     " – before allowing for cases within a team being alike, which makes it larger. Smaller true differences can easily go unseen: that no clear difference shows does not mean that there is none.")
        var text: String
        if isShare, let baseline = line.estimate.value, let to = mdd.proportionAbove.value ?? mdd.proportionBelow.value {
            let base = limitDays.map { pct(baseline) + t(" inom ", " within ") + days($0) + t(" dagar", " days") } ?? pct(baseline)
            text = sizes + t(" kan jämförelsen med " + power + " styrka (" + alpha + " signifikansnivå, tvåsidigt) upptäcka en förändring från ",
                             ", the comparison can detect with " + power + " power (" + alpha + " significance level, two-sided) a change from ")
                + base + t(" i linjen till ", " in the line to ") + pct(to)
            if mdd.proportionAbove.value != nil, let below = mdd.proportionBelow.value { text += t(" eller ", " or ") + pct(below) }
            text += tail
        } else if let d = mdd.standardized.value {
            text = sizes + t(" är den minsta skillnad jämförelsen kan upptäcka med " + power + " styrka (" + alpha
                             + " signifikansnivå, tvåsidigt) ",
                             ", the smallest difference the comparison can detect with " + power + " power (" + alpha
                             + " significance level, two-sided) is ")
                + style.decimal(d, decimals: 2) + t(" standardavvikelser", " standard deviations")
            if let raw = mdd.raw.value {
                text += t(" (ungefär ", " (about ") + style.decimal(raw, decimals: 1)
                    + (limitDays == nil && result.kind == .timeToEvent ? t(" dagar)", " days)") : t(" i måttets enhet)", " in the outcome's units)"))
            }
            text += tail
        } else {
            text = t("Den minsta upptäckbara skillnaden kan inte beräknas (en grupp saknar ärenden).",
                     "The minimum detectable difference cannot be computed (a group has no cases).")
        }
        return [.heading(level: 2, text: t("Minsta upptäckbara skillnad", "Minimum detectable difference")), .paragraph(RichText(text))]
    }

    /// A covariate of the balance table (`CovariateBalance`'s row names) in words.
    static func covariateName(_ name: String, _ language: Language) -> String {
        let sv = language == .sv
        switch name {
        case "age": return sv ? "Ålder (år)" : "Age (years)"
        case "age unknown": return sv ? "Ålder okänd" : "Age unknown"
        case "gender unknown": return sv ? "Kön okänt" : "Gender unknown"
        case "reason unknown": return sv ? "Aktualiseringsorsak okänd" : "Referral reason unknown"
        default: break
        }
        if name.hasPrefix("gender: ") {
            let gender = sv ? "Kön: " : "Gender: "
            switch String(name.dropFirst("gender: ".count)) {
            case "girl": return gender + (sv ? "flicka" : "girl")
            case "boy": return gender + (sv ? "pojke" : "boy")
            case "other": return gender + (sv ? "annat" : "other")
            case let other: return gender + other
            }
        }
        if name.hasPrefix("reason: ") {
            let reason = String(name.dropFirst("reason: ".count))
            return (sv ? "Aktualiseringsorsak: " : "Referral reason: ")
                + (reason == "other reasons" ? (sv ? "övriga orsaker" : "other reasons") : reason)
        }
        return name
    }

    /// The reports' thresholds for standardised mean differences in words.
    func flag(_ smd: Figure) -> String {
        guard let v = smd.value else { return "" }
        return abs(v) > 0.25 ? t("allvarlig obalans", "serious imbalance")
            : abs(v) > 0.1 ? t("obalans", "imbalance") : t("god balans", "good balance")
    }

    mutating func balance() -> [Block] {
        let b = result.balance
        var blocks: [Block] = [.heading(level: 2, text: t("Balans", "Balance"))]
        guard !b.rows.isEmpty else {
            return blocks + [.paragraph(RichText(t("Balansen kan inte visas: ingen bakgrundsfaktor (ålder, kön, aktualiseringsorsak) är känd.",
                                                   "The balance cannot be shown: no background factor (age, gender, referral reason) is known.")))]
                + notes(b.notes)
        }
        let limit = style.decimal(0.1, decimals: 1), serious = style.decimal(0.25, decimals: 2)
        blocks.append(.paragraph(RichText(t(
            "Liknar pilotens och linjens ärenden varandra? Standardiserad medelvärdesskillnad = skillnaden mellan grupperna i standardavvikelser; över "
            + limit + " (i belopp) räknas som obalans, över " + serious + " som allvarlig obalans. "
            + "Viktningen ger linjens ärenden vikter efter hur lika de är pilotens (en propensitetsmodell för ålder, kön och aktualiseringsorsak), så att den viktade linjen har pilotens sammansättning.",
            "Are the pilot's and the line's cases alike? Standardised mean difference = the difference between the groups in standard deviations; above "
            + limit + " (in absolute value) counts as imbalance, above " + serious + " as serious imbalance. "
            + "The weighting gives the line's cases weights by how much they resemble the pilot's (a propensity model for age, gender and referral reason), so that the weighted line has the pilot's composition."))))
        var rows: [[TableBlock.Cell]] = []
        for r in b.rows {
            let binary = r.kind == .binary
            let show: FigureCell.Kind = binary ? .share(1) : .decimal(1)
            rows.append([TableBlock.Cell(Self.covariateName(r.name, language), isRowHeader: true), cell(r.pilotMean, show),
                         cell(r.comparisonMean, show), cell(r.comparisonWeightedMean, show),
                         TableBlock.Cell(text(r.smdBefore, .signed(3)) + (r.smdBefore.value == nil ? "" : " (" + flag(r.smdBefore) + ")")),
                         TableBlock.Cell(text(r.smdAfter, .signed(3)) + (r.smdAfter.value == nil ? "" : " (" + flag(r.smdAfter) + ")"))])
        }
        blocks.append(table(t("Standardiserad medelvärdesskillnad före/efter viktning", "Standardised mean difference before/after weighting"),
                            [t("Bakgrundsfaktor", "Background factor"), t("Pilot", "Pilot"), t("Linjen", "Line"),
                             t("Linjen viktad", "Line, weighted"), t("Före viktning", "Before weighting"), t("Efter viktning", "After weighting")],
                            rows, numeric: [1, 2, 3],
                            notes: [t("Ålder som medelvärde i år; övriga som andel av ärendena.",
                                      "Age as a mean in years; the others as a share of the cases.")]))
        if b.effectiveComparisonN.value != nil {
            blocks.append(.paragraph(RichText(t("Linjens effektiva antal ärenden efter viktning: ", "The line's effective number of cases after weighting: ")
                                              + text(b.effectiveComparisonN, .decimal(1))
                                              + t(" (färre än de faktiska när vikterna är ojämna).", " (fewer than the actual number when the weights are uneven)."))))
        }
        return blocks + notes(b.notes)
    }

    mutating func adjusted() -> [Block] {
        guard let a = result.adjusted else { return [] }
        let measure: String
        switch result.kind {
        case .binary: measure = t("andel", "share")
        case .continuous: measure = t("medelvärde", "mean")
        case .timeToEvent:
            measure = limitDays.map { t("andel klara inom " + days($0) + " dagar (Kaplan–Meier)", "share completed within " + days($0) + " days (Kaplan–Meier)") }
                ?? t("andel inom gränsen (Kaplan–Meier)", "share within the limit (Kaplan–Meier)")
        }
        let regressionRange = range(a.regression, share: isShare, difference: true)
        let rows: [[TableBlock.Cell]] = [
            [TableBlock.Cell(t("Viktning (linjen viktad till pilotens sammansättning)", "Weighting (the line weighted to the pilot's composition)"),
                             isRowHeader: true),
             value(a.pilotValue), value(a.comparisonWeightedValue), TableBlock.Cell(diff(a.ipwEstimate)), "–", "–"],
            [TableBlock.Cell(t("Regressionsjustering (kontroll)", "Regression adjustment (check)"), isRowHeader: true), "", "",
             TableBlock.Cell(diff(a.regression.estimate)), TableBlock.Cell(regressionRange), cell(a.regressionP, .pValue)],
        ]
        var blocks: [Block] = [
            .heading(level: 2, text: t("Justerad jämförelse", "Adjusted comparison")),
            table(t("Justerat för ålder, kön och aktualiseringsorsak (", "Adjusted for age, gender and referral reason (") + measure + ")",
                  [t("Metod", "Method"), t("Pilot", "Pilot"), t("Linjen", "Line"), t("Skillnad pilot − linjen", "Difference pilot − line"),
                   t("95 % KI", "95% CI"), "p"], rows, numeric: [1, 2, 5],
                  notes: [t("Regressionsjusteringen är en kontroll av viktningen: en linjär regression med robusta standardfel (HC1).",
                            "The regression adjustment is a check on the weighting: a linear regression with robust standard errors (HC1).")]),
        ]
        var words = t("Den viktade skillnaden är ", "The weighted difference is ") + diff(a.ipwEstimate) + t(", utan intervall.", ", without an interval.")
        if a.regression.estimate.value != nil {
            words += t(" Regressionsjusteringen ger ", " The regression adjustment gives ") + diff(a.regression.estimate)
                + (regressionRange == "–" ? "" : t(" (95 % KI ", " (95% CI ") + regressionRange + ")") + ". " + intervalWords(a.regression)
        }
        words += " " + directionWords(a.ipwEstimate.value ?? a.regression.estimate.value, uncertain: Self.isUncertain(a.regression))
        blocks.append(.paragraph(RichText(words)))
        return blocks + notes(a.notes)
    }

    mutating func did() -> [Block] {
        guard let d = result.did else { return [] }
        var blocks: [Block] = [.heading(level: 2, text: t("Skillnad-i-skillnader", "Difference-in-differences"))]
        var intro = t("Pilotens område jämförs före och efter starten med linjens områden, i tolvmånadersperioder från pilotens start.",
                      "The pilot's area before and after the start is compared with the line's areas, in twelve-month periods from the pilot's start.")
        if let area = d.treatedArea {
            let others = d.areas.filter { $0 != area }.count
            intro = t("Pilotens område (" + area + ") jämförs före och efter starten med " + int(others)
                      + (others == 1 ? " linjeområde" : " linjeområden") + ", i tolvmånadersperioder från pilotens start.",
                      "The pilot's area (" + area + ") before and after the start is compared with " + int(others)
                      + (others == 1 ? " line area" : " line areas") + ", in twelve-month periods from the pilot's start.")
        }
        blocks.append(.paragraph(RichText(intro)))
        guard let r = d.result, r.estimate.value != nil else {
            if let r = d.result { note(r.estimate) }
            return blocks + notes(d.notes)
        }
        let m = r.means
        blocks.append(table(t("Medelvärden före och efter starten", "Means before and after the start"),
                            [t("Område", "Area"), t("Före starten", "Before the start"), t("Efter starten", "After the start")], [
            [TableBlock.Cell(t("Pilotens område", "The pilot's area"), isRowHeader: true), value(m.treatedBefore), value(m.treatedAfter)],
            [TableBlock.Cell(t("Linjens områden", "The line's areas"), isRowHeader: true), value(m.comparisonBefore), value(m.comparisonAfter)],
        ], numeric: [1, 2]))
        var lines = [t("Skattad effekt (skillnad-i-skillnader med fixa effekter för område och period): ",
                       "Estimated effect (difference-in-differences with fixed effects for area and period): ") + diff(r.estimate)
                     + t("; enkel skillnad mellan de fyra medelvärdena: ", "; simple difference of the four means: ") + diff(m.simpleDifference) + "."]
        var uncertain: Bool? = nil
        if let ri = r.randomisation {
            let smallest = style.decimal(ri.smallestAttainableP, decimals: 3)
            lines.append(t("Randomisering över områden: pilotens område har rang ", "Randomisation over areas: the pilot's area ranks ")
                         + (ri.rank.map { int($0) } ?? "–") + t(" av ", " of ")
                         + int(ri.units) + ", p = " + text(ri.p, .pValue) + t(" (minsta möjliga p = 1/", " (smallest possible p = 1/") + int(ri.units)
                         + " = " + smallest + ").")
            if let p = ri.p.value { uncertain = p >= 0.05 }
        }
        if let wb = r.wildBootstrap {
            let weights = wb.weights.rawValue.prefix(1).uppercased() + wb.weights.rawValue.dropFirst()
            lines.append(t("Vild klusterbootstrap (" + weights + "-vikter, " + int(wb.clusters) + " kluster): klusterrobust standardfel ",
                           "Wild cluster bootstrap (" + weights + " weights, " + int(wb.clusters) + " clusters): cluster-robust standard error ")
                         + text(wb.standardError, .decimal(3)) + ", p = " + text(wb.p, .pValue)
                         + t(" – en andra bedömning, som med ett enda behandlat område förkastar för sällan.",
                             " – a second opinion, which with a single treated area rejects too rarely."))
        }
        lines.append(directionWords(r.estimate.value, uncertain: uncertain))
        blocks.append(.paragraph(RichText(lines.joined(separator: " "))))
        if !r.eventStudy.isEmpty {
            var rows: [[TableBlock.Cell]] = []
            for e in r.eventStudy {
                rows.append([TableBlock.Cell(int(e.period)),
                             TableBlock.Cell(e.isBefore ? t("före starten", "before the start") : t("efter starten", "after the start")),
                             TableBlock.Cell(diff(e.estimate)),
                             cell(e.randomisation?.p ?? Figure(undefined: "no placebo areas to compare with"), .pValue)])
            }
            let ref = int(r.referencePeriod ?? -1)
            let before = r.eventStudy.filter(\.isBefore)
            var words = t("Förtrend: före starten bör skattningarna ligga nära noll, om pilotens område följde samma trend som linjens områden (parallella trender).",
                          "Pre-trend: before the start the estimates should lie near zero if the pilot's area followed the same trend as the line's areas (parallel trends).")
            if before.isEmpty {
                words += t(" Här finns ingen period före referensperioden, så förtrenden kan inte prövas.",
                           " Here there is no period before the reference period, so the pre-trend cannot be tested.")
            } else {
                var list: [String] = []
                for e in before { list.append("period " + int(e.period) + ": " + diff(e.estimate)) }
                words += t(" Före starten: ", " Before the start: ") + list.joined(separator: "; ") + "."
            }
            blocks.append(.heading(level: 3, text: t("Förtrend och händelsestudie", "Pre-trend and event study")))
            blocks.append(.paragraph(RichText(words)))
            blocks.append(table(t("Varje period jämförd med period " + ref + " (året före starten)",
                                  "Each period compared with period " + ref + " (the year before the start)"),
                                [t("Period", "Period"), t("När", "When"), t("Skattning", "Estimate"), t("p (randomisering)", "p (randomisation)")],
                                rows, numeric: [0, 2, 3]))
        }
        return blocks + notes(d.notes + (r.wildBootstrap?.notes ?? []))
    }

    mutating func statistic(_ f: Figure) -> TableBlock.Cell {
        if result.kind == .timeToEvent, limitDays == nil {
            guard let v = f.value else { return cell(f, .signed(0)) }
            return TableBlock.Cell(text(f, .signed(v == v.rounded() ? 0 : 1)) + t(" dagar", " days"))
        }
        return isShare ? TableBlock.Cell(diff(f)) : cell(f, .signed(3))
    }

    mutating func permutation() -> [Block] {
        guard let p = result.permutation else { return [] }
        let what: String
        switch result.kind {
        case .binary:
            what = t("teamets andel minus andelen i alla övriga teams ärenden", "the team's share minus the share among all other teams' cases")
        case .continuous:
            what = t("teamets medelvärde minus medelvärdet i alla övriga teams ärenden", "the team's mean minus the mean of all other teams' cases")
        case .timeToEvent:
            what = limitDays.map { t("teamets andel klara inom " + days($0) + " dagar (Kaplan–Meier) minus de övriga teamens",
                                     "the team's share completed within " + days($0) + " days (Kaplan–Meier) minus the other teams'") }
                ?? t("teamets mediantid (Kaplan–Meier) minus de övriga teamens", "the team's median time (Kaplan–Meier) minus the other teams'")
        }
        var blocks: [Block] = [.heading(level: 2, text: t("Piloten bland alla team", "The pilot among all teams")),
                               .paragraph(RichText(t("Varje team jämförs med alla övriga, med ärenden från pilotens start: ",
                                                     "Each team is compared with all the others, with cases from the pilot's start: ") + what
                                                   + t(". Piloten rangordnas sedan bland teamen efter hur stor skillnaden är.",
                                                       ". The pilot is then ranked among the teams by the size of its difference.")))]
        if !p.rows.isEmpty {
            var rows: [[TableBlock.Cell]] = []
            for u in p.rows {
                let name = u.unit == Self.pilotUnit
                    ? (pilotName.map { t("Piloten (\($0))", "The pilot (\($0))") } ?? t("Piloten", "The pilot")) : u.unit
                rows.append([TableBlock.Cell(name, isRowHeader: true), cell(Self.count(u.n), .count), statistic(u.statistic)])
            }
            blocks.append(table(t("Teamen", "The teams"),
                                [t("Team", "Team"), t("Antal ärenden", "Cases"), t("Skillnad mot övriga team", "Difference from the other teams")],
                                rows, numeric: [1, 2]))
        }
        if let r = p.result, let rank = r.rank {
            let smallest = style.decimal(r.smallestAttainableP, decimals: 3)
            var words = t("Pilotens rang: ", "The pilot's rank: ") + int(rank) + t(" av ", " of ") + int(r.units) + ", p = " + text(r.p, .pValue)
                + t(" (minsta möjliga p = 1/", " (smallest possible p = 1/") + int(r.units) + " = " + smallest + ")."
            let uncertain = r.p.value.map { $0 >= 0.05 }
            let pilotRow = p.rows.first { $0.unit == Self.pilotUnit }
            words += " " + directionWords(pilotRow?.statistic.value ?? r.treatedStatistic.value, uncertain: uncertain)
            blocks.append(.paragraph(RichText(words)))
        } else if let r = p.result {
            note(r.p)
        }
        return blocks + notes(p.notes)
    }

    // MARK: Caveats

    /// J of the permutation over teams, as the analyst's caveat states it.
    var permutationUnits: Int? {
        if let j = result.permutation?.result?.units { return j }
        guard let c = result.caveats.first(where: { $0.code == "permutation_smallest_p" }),
              let r = c.text.range(of: #"J = (\d+)"#, options: .regularExpression) else { return nil }
        return Int(c.text[r].dropFirst(4))
    }

    /// A caveat of the result rebuilt in the reader's language from its code and the
    /// result's figures; nil for one said elsewhere (the minimum detectable difference)
    /// or of an unknown code.
    func caveatText(_ c: Caveat) -> String? {
        let (pilot, line, _, _) = result.unadjusted.headline
        switch c.code {
        case "one_treated_team":
            return t("Piloten är ett enda team. Skillnader mellan pilot och linje kan bero på teamet och dess ärenden lika väl som på arbetssättet. "
                     + "p-värden och intervall på ärendenivå behandlar de " + int(pilot.n + line.n)
                     + " ärendena som oberoende, vilket ett enda team inte garanterar; de överskattar därför säkerheten. "
                     + "Designer som tar hänsyn till detta är skillnad-i-skillnader (randomisering över områden) och piloten bland alla team (permutation).",
                     "The pilot is a single team. Differences between pilot and line may come from the team and its cases as much as from the way of working. "
                     + "p-values and intervals at case level treat the " + int(pilot.n + line.n)
                     + " cases as independent, which a single team does not guarantee; they therefore overstate certainty. "
                     + "Designs that allow for this are difference-in-differences (randomisation over areas) and the pilot among all teams (permutation).")
        case "minimum_detectable_difference":
            return nil // its own part above
        case "permutation_smallest_p":
            guard c.text.hasPrefix("Permutation over units:"), let j = permutationUnits else {
                return t("Permutation över team är inte möjlig: linjens ärenden saknar team (eller piloten saknar ärenden).",
                         "A permutation over teams is not possible: the line's cases carry no team (or the pilot has no cases).")
            }
            let smallest = style.decimal(1 / Double(j), decimals: 3)
            let five = style.percent(5, decimals: 0)
            return j <= 20
                ? t("Med " + int(j) +  " team är det minsta möjliga p-värdet i permutationen över team 1/" + int(j) + " = " + smallest
                    + "; inget resultat kan då bli signifikant på " + five + "-nivån, hur stor skillnaden än är.",
                    "With " + int(j) + " teams the smallest possible p-value of the permutation over teams is 1/" + int(j) + " = " + smallest
                    + "; no result can then be significant at the " + five + " level, however large the difference.")
                : t("Permutationen över " + int(j) + " team kan som lägst ge p = " + smallest + ".",
                    "The permutation over " + int(j) + " teams can reach p = " + smallest + " at the lowest.")
        case "small_cells":
            return t("Några antal är mellan " + int(1) + " och " + int(4) + ". I dokument som sprids visas de som ”<" + int(5)
                     + "”, och andelar som bygger på dem visas inte.",
                     "Some counts are between " + int(1) + " and " + int(4) + ". Documents that are shared show them as “<" + int(5)
                     + "” and do not show shares built on them.")
        case "imbalance":
            let before = result.balance.rows.filter { abs($0.smdBefore.value ?? 0) > 0.1 }.map { Self.covariateName($0.name, language).lowercased() }
            let after = result.balance.rows.filter { abs($0.smdAfter.value ?? 0) > 0.1 }.map { Self.covariateName($0.name, language).lowercased() }
            let limit = style.decimal(0.1, decimals: 1)
            var text = t("Grupperna skiljer sig före justering i " + list(before) + " (standardiserad medelvärdesskillnad över "
                         + limit + "): den ojusterade skillnaden blandar en eventuell effekt av piloten med dessa skillnader.",
                         "Before adjustment the groups differ in " + list(before) + " (standardised mean difference above "
                         + limit + "): the unadjusted difference mixes any effect of the pilot with these differences.")
            if !after.isEmpty {
                text += t(" Efter viktning skiljer de sig fortfarande i ", " After weighting they still differ in ") + list(after) + "."
            }
            return text
        case "period":
            // The counts and dates are the caveat's own (`ComparisonCaveats.period`).
            if let g = Self.groups(#"Only cases referred from the pilot's start (\S+) are compared, .*: (\d+) case\(s\) referred earlier .*"#, c.text) {
                return t("Bara ärenden som aktualiserades från pilotens start " + date(g[0]) + " jämförs, så att pilotens år möter linjens samma år: "
                         + int(Int(g[1]) ?? 0) + " tidigare ärenden (eller utan aktualiseringsdatum) togs inte med. Skillnad-i-skillnader läser ändå åren före starten, som den behöver.",
                         "Only cases referred from the pilot's start on " + date(g[0]) + " are compared, so the pilot's years meet the line's same years: "
                         + int(Int(g[1]) ?? 0) + " earlier cases (or cases without a referral date) were left out. Difference-in-differences still reads the years before the start, which it needs.")
            }
            if let g = Self.groups(#"The line's cases reach back to (\S+), before the pilot's start (\S+): (\d+) line case\(s\) .*"#, c.text) {
                return t("Linjens ärenden går tillbaka till " + date(g[0]) + ", före pilotens start " + date(g[1]) + ": " + int(Int(g[2]) ?? 0)
                         + " av linjens ärenden aktualiserades tidigare och jämförs med pilotens, så en förändring över tid blandas med skillnaden mot piloten.",
                         "The line's cases reach back to " + date(g[0]) + ", before the pilot's start on " + date(g[1]) + ": " + int(Int(g[2]) ?? 0)
                         + " of the line's cases were referred earlier and are compared with the pilot's, so a change over time is mixed with the difference from the pilot.")
            }
            return nil
        case "censoring":
            var censored = 0
            if case .timeToEvent(let tte) = result.unadjusted { censored = tte.pilot.curve.censored + tte.comparison.curve.censored }
            let extract = date(result.extractDate)
            var text = censored == 1
                ? t("1 ärende var inte avslutat vid uttaget " + extract + "; det räknas som pågående (censurerat), inte som bortfall.",
                    int(1) + " case was still open at the extract of " + extract + "; it counts as ongoing (censored), not as missing.")
                : t(int(censored) + " ärenden var inte avslutade vid uttaget " + extract + "; de räknas som pågående (censurerade), inte som bortfall.",
                    int(censored) + " cases were still open at the extract of " + extract + "; they count as ongoing (censored), not as missing.")
            text += t(" Mediantider och andelar inom gränsen är Kaplan–Meier-skattningar, och log-rank-testet jämför hela kurvorna.",
                      " Median times and shares within the limit are Kaplan–Meier estimates, and the log-rank test compares the whole curves.")
            if result.outcome == "investigation_days" {
                text += t(" Fyra kalendermånader räknas här som 122 dagar; den exakta andelen per kalendermånad är måttet ”",
                          " Four calendar months count here as " + int(122) + " days; the exact share by calendar month is the outcome “")
                    + CaseOutcomeNames.displayName("investigation_within_4m", language) + "”."
            }
            return text
        case "design":
            switch result.design {
            case .unadjusted:
                return t("Detta är den ojusterade jämförelsen av ärenden. Den justerade jämförelsen viktar linjen till pilotens sammansättning av ålder, kön och aktualiseringsorsak; skillnad-i-skillnader jämför pilotens område före och efter starten med linjens områden; permutationen rangordnar piloten bland teamen.",
                         "This is the unadjusted comparison of cases. The adjusted comparison weights the line to the pilot's mix of age, gender and referral reason; difference-in-differences compares the pilot's area before and after the start with the line's areas; the permutation ranks the pilot among the teams.")
            case .adjusted:
                return t("Justeringen gäller bara ålder, kön och aktualiseringsorsak; skillnader i sådant som inte registreras (behov, familjesituation, teamet självt) finns kvar. Den viktade skattningen har inget intervall: ett intervall på ärendenivå skulle överskatta säkerheten när piloten är ett enda team.",
                         "The adjustment covers only age, gender and referral reason; differences in what is not recorded (needs, family situation, the team itself) remain. The weighted estimate has no interval: an interval at case level would overstate certainty when the pilot is a single team.")
            case .did:
                var text = t("Skillnad-i-skillnader förutsätter att pilotens område utan piloten hade följt samma trend som linjens områden; förtrenden (skattningarna före starten) prövar detta och bör ligga nära noll. Klusterrobusta standardfel är inte giltiga med ett enda behandlat område och används inte för slutsatser: p kommer från randomisering över områden",
                             "Difference-in-differences assumes that the pilot's area without the pilot would have followed the same trend as the line's areas; the pre-trend (the estimates before the start) tests this and should lie near zero. Cluster-robust standard errors are not valid with a single treated area and are not used for conclusions: p comes from randomisation over areas")
                if let ri = result.did?.result?.randomisation {
                    text += t(" (minsta möjliga p 1/", " (smallest possible p 1/") + int(ri.units) + " = "
                        + style.decimal(ri.smallestAttainableP, decimals: 3) + ")"
                }
                return text + t("; den vilda klusterbootstrapen är en andra bedömning som med ett enda behandlat kluster förkastar för sällan.",
                                "; the wild cluster bootstrap is a second opinion, which with a single treated cluster rejects too rarely.")
            case .permutation:
                return t("Permutationen över team förutsätter att vilket team som helst lika gärna kunde ha varit piloten; team som skiljer sig i storlek eller befolkning gör rangordningen mindre exakt. p = rang / J räknar med piloten själv.",
                         "The permutation over teams assumes that any team could just as well have been the pilot; teams that differ in size or population make the ranking less exact. p = rank / J counts the pilot itself.")
            }
        default:
            return nil
        }
    }

    /// "a, b och c" / "a, b and c".
    func list(_ items: [String]) -> String {
        ListWords.joined(items, and: t("och", "and"))
    }

    func caveats() -> [Block] {
        let items = result.caveats.compactMap(caveatText)
        guard !items.isEmpty else { return [] }
        return [.heading(level: 2, text: t("Att tänka på", "Caveats")), .list(ListBlock(items: items.map { RichText($0) }))]
    }

    // MARK: Notes

    /// The groups of `pattern` matched against the whole of `text`, nil when it does not match.
    static func groups(_ pattern: String, _ text: String) -> [String]? {
        guard let re = try? NSRegularExpression(pattern: "^" + pattern + "$"),
              let m = re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<m.numberOfRanges).map { Range(m.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
    }

    /// A note of the result (the analyst's English, as the CLI and the JSON have it) in
    /// the reader's language: the notes the cohort analyses write, by pattern; any other
    /// note as a general sentence rather than analyst text on a reader's page.
    static func readerNote(_ note: String, style: NumberStyle) -> String {
        let sv = style.language == .sv
        func t(_ swedish: String, _ english: String) -> String { sv ? swedish : english }
        func match(_ pattern: String) -> [String]? { groups(pattern, note) }
        func n(_ s: String) -> String { Int(s).map { style.integer($0) } ?? s }
        /// "1 case" / "3 cases" from a count in the note.
        func cases(_ s: String, _ noun: String = "case") -> String { n(s) + " " + noun + (s == "1" ? "" : "s") }
        if note.hasPrefix("no confidence interval for the weighted estimate") {
            return t("Den viktade skattningen har inget konfidensintervall: ett intervall på ärendenivå skulle överskatta säkerheten när piloten är ett enda team, och bortser från att vikterna är skattade.",
                     "The weighted estimate has no confidence interval: an interval at case level would overstate certainty when the pilot is a single team, and would ignore that the weights are estimated.")
        }
        if note.hasPrefix("with one treated cluster the wild cluster bootstrap") {
            return t("Med ett enda behandlat område förkastar den vilda klusterbootstrapen för sällan (MacKinnon & Webb 2017): läs dess p-värde som en andra bedömning bredvid randomiseringen över områden.",
                     "With a single treated area the wild cluster bootstrap rejects too rarely (MacKinnon & Webb 2017): read its p-value as a second opinion beside the randomisation over areas.")
        }
        if let g = match(#"(.+): (\d+) pilot and (\d+) line case\(s\), fewer than (\d+) in a cohort: the propensity model pools them with (.+), since .*"#) {
            let reference: String
            switch g[4] {
            case "the reference level (boy)": reference = t("referensnivån (pojke)", "the reference level (boy)")
            case "the cases of known age (at the mean age)":
                reference = t("ärendena med känd ålder (vid medelåldern)", "the cases of known age (at the mean age)")
            default:
                if g[4].hasPrefix("the reference level (") {
                    let level = String(g[4].dropFirst("the reference level (".count).dropLast())
                    reference = t("referensnivån (", "the reference level (")
                        + (level == "other reasons" ? t("övriga orsaker", "other reasons") : level) + ")"
                } else {
                    reference = t("referensnivån", "the reference level")
                }
            }
            return t(covariateName(g[0], .sv) + ": " + n(g[1]) + " ärenden i piloten och " + n(g[2]) + " i linjen, färre än " + n(g[3])
                     + " i en av grupperna. Propensitetsmodellen slår ihop dem med " + reference
                     + ", eftersom en nivå som bara finns i den ena gruppen förutsäger gruppen helt och modellen då inte går att skatta; balanstabellen visar dem ändå.",
                     covariateName(g[0], .en) + ": " + n(g[1]) + " pilot and " + cases(g[2], "line case") + ", fewer than " + n(g[3])
                     + " in one of the groups. The propensity model pools them with " + reference
                     + ", since a level found in only one group predicts the group perfectly and the model then cannot be estimated; the balance table still shows them.")
        }
        if let g = match(#"(\d+) case\(s\) without an age: .*"#) {
            return t(n(g[0]) + " ärenden saknar ålder: propensitetsmodellen ger dem medelåldern och en markering för okänd ålder.",
                     cases(g[0]) + (g[0] == "1" ? " has no age: the propensity model gives it" : " have no age: the propensity model gives them")
                     + " the mean age and a marker for unknown age.")
        }
        if let g = match(#"(\d+) referral reason\(s\) with fewer than (\d+) cases in a cohort were pooled as 'other reasons'"#) {
            return t(n(g[0]) + " aktualiseringsorsaker med färre än " + n(g[1]) + " ärenden i en av grupperna slogs ihop till ”övriga orsaker”.",
                     cases(g[0], "referral reason") + " with fewer than " + n(g[1]) + " cases in one of the groups "
                     + (g[0] == "1" ? "was" : "were") + " pooled as “other reasons”.")
        }
        if let g = match(#"(\d+) comparison unit\(s\) could not serve as placebos \(no cases before or after the start\)"#) {
            return t(n(g[0]) + (g[0] == "1" ? " linjeområde" : " linjeområden") + " kunde inte användas som jämförelse i randomiseringen (inga ärenden före eller efter starten).",
                     cases(g[0], "line area") + " could not be used for comparison in the randomisation (no cases before or after the start).")
        }
        if note.hasPrefix("only one comparison unit: no placebo comparison is possible") {
            return t("Det finns bara ett linjeområde: randomisering över områden är inte möjlig och ger inget p-värde (den kräver minst två linjeområden, och p under "
                     + style.decimal(0.05, decimals: 2) + " kräver " + style.integer(19) + ").",
                     "There is only one line area: randomisation over areas is not possible and gives no p-value (it needs at least two line areas, and p below "
                     + style.decimal(0.05, decimals: 2) + " needs " + style.integer(19) + " of them).")
        }
        if note.hasPrefix("only one period before the start") {
            return t("Det finns bara en period före starten: händelsestudien har inga skattningar före starten, så förtrenden kan inte prövas.",
                     "There is only one period before the start: the event study has no estimates before the start, so the pre-trend cannot be tested.")
        }
        if let g = match(#"all (\d+) weight patterns of (\d+) clusters were enumerated, .*"#) {
            return t("Alla " + n(g[0]) + " viktmönster för " + n(g[1]) + " kluster räknades igenom, så bootstrapens p är exakt och kan inte bli lägre än 1/" + n(g[0]) + ".",
                     "All " + n(g[0]) + " weight patterns of " + n(g[1]) + " clusters were enumerated, so the bootstrap's p is exact and cannot be lower than 1/" + n(g[0]) + ".")
        }
        if let g = match(#"(\d+) replicate\(s\) had a zero standard error and count as not extreme"#) {
            return t(n(g[0]) + " bootstrapupprepningar hade standardfelet noll och räknas som inte extrema.",
                     cases(g[0], "bootstrap replicate") + (g[0] == "1" ? " had a standard error of zero and counts" : " had a standard error of zero and count")
                     + " as not extreme.")
        }
        if let g = match(#"the pilot's cases lie in (\d+) areas; its area is taken to be '(.+)', where most of them are"#) {
            return t("Pilotens ärenden finns i " + n(g[0]) + " områden; pilotens område är " + g[1] + ", där de flesta finns.",
                     "The pilot's cases lie in " + n(g[0]) + " areas; the pilot's area is taken to be " + g[1] + ", where most of them are.")
        }
        if let g = match(#"(\d+) case\(s\) without an area or referral date were left out"#) {
            return t(n(g[0]) + " ärenden utan område eller aktualiseringsdatum togs inte med.",
                     cases(g[0]) + " without an area or a referral date " + (g[0] == "1" ? "was" : "were") + " left out.")
        }
        if let g = match(#"(\d+) case\(s\) without a value were left out"#) {
            return t(n(g[0]) + " ärenden utan värde togs inte med.",
                     cases(g[0]) + " without a value " + (g[0] == "1" ? "was" : "were") + " left out.")
        }
        if let g = match(#"(\d+) case\(s\) referred before the pilot start (\S+) \(or without a referral date\) were left out, .*"#) {
            let d = CalendarDate(parsing: g[1]).map { style.date($0) } ?? g[1]
            return t(n(g[0]) + " ärenden som aktualiserades före pilotens start " + d + " (eller saknar aktualiseringsdatum) togs inte med, så att alla team jämförs över samma tid.",
                     cases(g[0]) + " referred before the pilot's start on " + d + " (or without a referral date) " + (g[0] == "1" ? "was" : "were")
                     + " left out, so that all teams are compared over the same time.")
        }
        if let g = match(#"(\d+) line case\(s\) without a unit were left out"#) {
            return t(n(g[0]) + " av linjens ärenden saknar team och togs inte med.",
                     n(g[0]) + " of the line's cases " + (g[0] == "1" ? "has no team and was" : "have no team and were") + " left out.")
        }
        if let g = match(#"with (\d+) units the smallest attainable p is 1/(\d+) = (.+)"#) {
            let j = Int(g[0]) ?? 0
            let smallest = j > 0 ? style.decimal(1 / Double(j), decimals: 3) : g[2]
            return t("Med " + n(g[0]) +  " team är det minsta möjliga p-värdet 1/" + n(g[1]) + " = " + smallest + ".",
                     "With " + n(g[0]) + " teams the smallest possible p-value is 1/" + n(g[1]) + " = " + smallest + ".")
        }
        if note.hasPrefix("no result can be significant at the 5 % level with 20 units or fewer") {
            return t("Med högst 20 team kan inget resultat bli signifikant på 5 %-nivån.",
                     "With " + style.integer(20) + " teams or fewer no result can be significant at the " + style.percent(5, decimals: 0) + " level.")
        }
        if note.hasPrefix("difference-in-differences needs a number or 0/1 outcome") {
            return t("Skillnad-i-skillnader kräver ett tal eller en andel; för en tid används i stället andelen klara inom gränsen (”"
                     + CaseOutcomeNames.displayName("assessment_within_14d", .sv) + "”, ”" + CaseOutcomeNames.displayName("investigation_within_4m", .sv) + "”).",
                     "Difference-in-differences needs a number or a share; for a time, the share completed within the limit is used instead (“"
                     + CaseOutcomeNames.displayName("assessment_within_14d", .en) + "”, “" + CaseOutcomeNames.displayName("investigation_within_4m", .en) + "”).")
        }
        if note.hasPrefix("the pilot's cases have no area") {
            return t("Pilotens ärenden saknar område, så pilotens område före starten kan inte hittas.",
                     "The pilot's cases have no area, so the pilot's area before the start cannot be found.")
        }
        if note.hasPrefix("the treated unit has no cases before") {
            return t("Pilotens område har inga ärenden före starten, så det finns inget före och efter att jämföra.",
                     "The pilot's area has no cases before the start, so there is no before and after to compare.")
        }
        if note.hasPrefix("the treated unit has no cases after") {
            return t("Pilotens område har inga ärenden efter starten.", "The pilot's area has no cases after the start.")
        }
        if note.hasPrefix("the treated unit has no cases") { return t("Pilotens område har inga ärenden.", "The pilot's area has no cases.") }
        if note.hasPrefix("no comparison unit has cases both before and after") {
            return t("Inget av linjens områden har ärenden både före och efter starten, så det finns inget att jämföra med.",
                     "None of the line's areas has cases both before and after the start, so there is nothing to compare with.")
        }
        if note.contains("singular") {
            return t("Modellen kan inte skattas med dessa uppgifter (för få olika värden).",
                     "The model cannot be estimated with these data (too few distinct values).")
        }
        if note.contains("is beyond the last observed time") {
            return t("Gränsen ligger bortom den sista observerade tiden.", "The limit lies beyond the last observed time.")
        }
        if note.hasPrefix("S(t) has reached 0") { return t("Alla ärenden som återstod hade avslutats.", "All the cases that remained had been closed.") }
        if note.hasPrefix("Greenwood's standard error does not apply") {
            return t("Viktade Kaplan–Meier-skattningar har inget standardfel.", "Weighted Kaplan–Meier estimates have no standard error.")
        }
        if note.hasPrefix("each group needs at least 2 values") {
            return t("Varje grupp behöver minst två ärenden för en standardavvikelse.", "Each group needs at least two cases for a standard deviation.")
        }
        if note.hasPrefix("a group has no values") || note.hasPrefix("there are no cases") || note.hasPrefix("the weights sum to zero") {
            return t("En grupp saknar ärenden.", "A group has no cases.")
        }
        if note == "the pilot has no cases in the period compared" {
            return t("Piloten har inga ärenden under den jämförda tiden.", "The pilot has no cases in the period compared.")
        }
        if note.hasPrefix("permutation over units needs the pilot and at least one line unit") {
            return t("Permutation över team kräver piloten och minst en av linjens team med team angivet.",
                     "A permutation over teams needs the pilot and at least one of the line's teams, with the team recorded.")
        }
        if note == "no placebo areas to compare with" {
            return t("Det finns inga linjeområden att jämföra med i randomiseringen.", "There are no line areas to compare with in the randomisation.")
        }
        if note.hasPrefix("the pilot has no cases with this outcome") {
            return t("Piloten har inga ärenden med detta mått.", "The pilot has no cases with this outcome.")
        }
        if note.hasPrefix("no cases") || note.hasPrefix("empty") { return t("En grupp saknar ärenden.", "A group has no cases.") }
        if note.contains("not reached") {
            return t("Mediantiden eller en gräns i dess intervall nås inte under uppföljningstiden.",
                     "The median time, or an end of its interval, is not reached within the follow-up.")
        }
        if note.hasPrefix("no pre-period") || note.contains("before the pilot start") || note.contains("no case before") {
            return t("Uttaget saknar ärenden från tiden före pilotens start, så skillnad-i-skillnader kan inte beräknas.",
                     "The extract has no cases from before the pilot's start, so difference-in-differences cannot be computed.")
        }
        if note.contains("pilot's start date is unknown") || note.contains("pilot start is unknown") {
            return t("Pilotens startdatum är okänt, så skillnad-i-skillnader kan inte beräknas.",
                     "The pilot's start date is unknown, so difference-in-differences cannot be computed.")
        }
        if note.contains("no area") {
            return t("Ärendena saknar område, så skillnad-i-skillnader kan inte beräknas.",
                     "The cases have no area, so difference-in-differences cannot be computed.")
        }
        if note.contains("separation") || note.contains("propensity model") {
            return t("Propensitetsmodellen kunde inte skattas, så viktningen saknas.",
                     "The propensity model could not be estimated, so the weighting is missing.")
        }
        return t("Ett värde kan inte beräknas med dessa uppgifter.", "A value cannot be computed with these data.")
    }

    /// The Swedish of `readerNote` (the name the Swedish tests use).
    static func swedishNote(_ note: String, style: NumberStyle) -> String { readerNote(note, style: style) }
}

/// The reader blocks' former, Swedish-only name (the Swedish tests call
/// `SwedishCohortBlocks.swedishNote`).
typealias SwedishCohortBlocks = ReaderCohortBlocks
