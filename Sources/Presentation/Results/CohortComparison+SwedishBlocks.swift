import Evaluation
import Foundation
import LogicModel
import Periods
import Statistics

/// `cases compare` in Swedish, for the web's "Pilot och linje" page and other Swedish
/// readers: the same result as the terminal's English blocks, said the way a FoU
/// reviewer and a process leader say it — the outcome by its name, the groups, the
/// difference with its direction (bättre / sämre / oklart) and its uncertainty in
/// words, the minimum detectable difference, the balance before and after weighting,
/// the design's own part, and the caveats, rebuilt in Swedish from the result's
/// figures (the caveats' English sentences are the CLI's and the JSON's). Wording as in
/// the reports' strings (`cohort.*` in Reports/Locale/ReportStrings.swift). Every number
/// through `NumberStyle`; undefined figures show "–" and a Swedish note.
struct SwedishCohortBlocks {
    let result: CohortComparisonResult
    let style: NumberStyle
    /// What the pilot is called: a name given by the caller, else the cohort label when
    /// it is not just the model's id, else nil ("Piloten").
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

    var outcomeName: String { CaseOutcomeNames.displayName(result.outcome, .sv) }
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
        var blocks: [Block] = [.heading(level: 1, text: outcomeName + " – " + CohortDesignText.name(result.design, .sv))]
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
    /// strings and `NumberStyle` write it, with a no-break space).
    static func keepingPercentSigns(_ block: Block) -> Block {
        func fix(_ s: String) -> String { s.replacingOccurrences(of: " %", with: NumberStyle.noBreakSpace + "%") }
        func fix(_ t: RichText) -> RichText {
            RichText(t.spans.map { span -> RichText.Span in
                switch span {
                case .plain(let s): return .plain(fix(s))
                case .emphasis(let s): return .emphasis(fix(s))
                case .strong(let s): return .strong(fix(s))
                }
            })
        }
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
            let sv = Self.swedishNote(n, style: style)
            if !pending.contains(sv) { pending.append(sv) }
        }
    }

    static func percentOf(_ f: Figure) -> Figure { f.value.map { Figure(100 * $0) } ?? f }
    static func count(_ n: Int) -> Figure { Figure(Double(n)) }

    func int(_ n: Int) -> String { style.integer(n) }
    func pct(_ p: Double, _ decimals: Int = 1) -> String { style.percent(100 * p, decimals: decimals) }
    func days(_ d: Double) -> String { style.decimal(d, decimals: d == d.rounded() ? 0 : 1) }

    /// A group's estimate: a share in percent, or a mean to two decimals.
    mutating func value(_ f: Figure) -> TableBlock.Cell { isShare ? cell(f, .share(1)) : cell(f, .decimal(2)) }

    /// A difference: procentenheter for shares, else signed to two decimals.
    mutating func diff(_ f: Figure) -> String {
        isShare ? text(Self.percentOf(f), .percentagePoints(1)) : text(f, .signed(2))
    }

    /// "låg till hög", the unit on the high end only; "–" when undefined.
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
        return lo == "–" || hi == "–" ? "–" : lo + " till " + hi
    }

    /// Whole numbers as such, others to one decimal (medians, quartiles).
    mutating func plain(_ f: Figure) -> String {
        guard let v = f.value else { note(f); return "–" }
        return text(f, v == v.rounded() ? .decimal(0) : .decimal(1))
    }

    /// The notes of the part just drawn, then `extra` (English notes of the result,
    /// said in Swedish).
    mutating func notes(_ extra: [String] = []) -> [Block] {
        var all = pending
        for e in extra {
            let sv = Self.swedishNote(e, style: style)
            if !all.contains(sv) { all.append(sv) }
        }
        pending = []
        return all.isEmpty ? [] : [.list(ListBlock(items: all.map { RichText("Obs: " + $0) }))]
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
    static func intervalWords(_ e: Estimate) -> String {
        guard e.estimate.value != nil, let lo = e.ciLow.value, let hi = e.ciHigh.value else {
            return "Osäkerheten kan inte anges."
        }
        if lo <= 0 && hi >= 0 { return "Intervallet rymmer noll: uppgifterna visar inte säkert någon skillnad." }
        return "Intervallet ligger helt på ena sidan om noll, men se förbehållen: ett team kan skilja sig av andra skäl än arbetssättet."
    }

    /// Better, worse or unclear, from the estimate's sign, whether it is uncertain, and
    /// the outcome's direction when known.
    func directionWords(_ estimate: Double?, uncertain: Bool?) -> String {
        guard let d = estimate, let uncertain else { return "Bättre eller sämre: kan inte anges." }
        let higher = d > 0
        let lean: String
        if d == 0 {
            lean = ""
        } else if let direction {
            let better = (direction == .higherIsBetter) == higher
            lean = better ? "skattningen pekar mot att piloten är bättre" : "skattningen pekar mot att piloten är sämre"
        } else {
            lean = higher ? "skattningen är högre i piloten" : "skattningen är lägre i piloten"
        }
        if uncertain {
            return "Bättre eller sämre: oklart" + (lean.isEmpty ? "." : " – " + lean + ", men osäkerheten är för stor för att säga det.")
        }
        guard let direction, d != 0 else {
            return (higher ? "Högre i piloten" : "Lägre i piloten")
                + " (måttet har ingen given riktning, så bättre eller sämre anges inte)."
        }
        let better = (direction == .higherIsBetter) == higher
        return (better ? "Bättre i piloten" : "Sämre i piloten") + " enligt denna jämförelse."
    }

    static func isUncertain(_ e: Estimate) -> Bool? {
        guard let lo = e.ciLow.value, let hi = e.ciHigh.value else { return nil }
        return lo <= 0 && hi >= 0
    }

    var directionNote: String {
        switch direction {
        case .higherIsBetter?: return "Ett högre värde är bättre."
        case .lowerIsBetter?: return "Ett lägre värde är bättre."
        case nil: return "Måttet har ingen given riktning: ett högre värde är varken bättre eller sämre i sig."
        }
    }

    // MARK: Parts

    func intro() -> [Block] {
        let what: String
        switch result.kind {
        case .binary: what = "Måttet är en andel: andelen ärenden där det inträffat."
        case .continuous: what = "Måttet är ett tal per ärende; jämförelsen gäller medelvärden."
        case .timeToEvent:
            let within = limitDays.map { "andelen klara inom " + days($0) + " dagar" } ?? "mediantiden"
            what = "Måttet är en tid i dagar. Ärenden som inte var avslutade vid uttaget räknas som pågående (censurerade), inte som bortfall; jämförelsen gäller " + within + "."
        }
        let who = pilotName.map { "Pilotens ärenden (\($0))" } ?? "Pilotens ärenden"
        var facts = who + " jämförs med linjens, det vill säga alla övriga ärenden, i uttaget per " + date(result.extractDate) + "."
        if let start = result.pilotStart { facts += " Piloten startade " + date(start) + "." }
        return [
            .paragraph(RichText(CohortDesignText.name(result.design, .sv) + ": "
                                + CohortDesignText.explanation(result.design, .sv) + " "
                                + CohortDesignText.strength(result.design, .sv))),
            .paragraph(RichText(what + " " + directionNote + " " + facts)),
        ]
    }

    mutating func groups() -> [Block] {
        var rows: [[TableBlock.Cell]] = []
        let header: [String]
        var caption = "Pilot och linje"
        switch result.unadjusted {
        case .binary(let c):
            header = ["Grupp", "Antal ärenden", "Antal där det inträffat", "Andel", "95 % KI (Wilson)"]
            for (name, g) in [("Pilot", c.pilot), ("Linjen", c.comparison)] {
                rows.append([TableBlock.Cell(name, isRowHeader: true), cell(Self.count(g.n), .count),
                             cell(Self.count(g.events), .count), cell(g.proportion.estimate, .share(1)),
                             TableBlock.Cell(range(g.proportion, share: true, difference: false))])
            }
        case .timeToEvent(let t):
            let within = t.limitDays.map { "Inom " + days($0) + " dagar" } ?? "Inom gränsen"
            header = ["Grupp", "Antal ärenden", "Avslutade", "Pågående (censurerade)", "Mediantid i dagar (95 % KI)",
                      within + " (95 % KI)"]
            caption = "Pilot och linje (Kaplan–Meier; mediantiden är den första dag då hälften av ärendena är klara)"
            for (name, g) in [("Pilot", t.pilot), ("Linjen", t.comparison)] {
                let median = plain(g.curve.median.estimate) + " (" + rangeOfPlain(g.curve.median) + ")"
                let share = text(g.shareWithinLimit.estimate, .share(1)) + " ("
                    + range(g.shareWithinLimit, share: true, difference: false) + ")"
                rows.append([TableBlock.Cell(name, isRowHeader: true), cell(Self.count(g.curve.n), .count),
                             cell(Self.count(g.curve.events), .count), cell(Self.count(g.curve.censored), .count),
                             TableBlock.Cell(median), TableBlock.Cell(share)])
            }
        case .continuous(let c):
            header = ["Grupp", "Antal ärenden", "Medelvärde", "Standardavvikelse", "Median", "Undre till övre kvartil"]
            for (name, g) in [("Pilot", c.pilot), ("Linjen", c.comparison)] {
                let s = g.summary
                let lo = plain(s.q1), hi = plain(s.q3)
                rows.append([TableBlock.Cell(name, isRowHeader: true), cell(Self.count(s.n), .count),
                             cell(s.mean, .decimal(2)), cell(s.sd, .decimal(2)), TableBlock.Cell(plain(s.median)),
                             TableBlock.Cell(lo == "–" || hi == "–" ? "–" : lo + " till " + hi)])
            }
        }
        return [.heading(level: 2, text: "Grupperna"), table(caption, header, rows, numeric: [1, 2, 3])] + notes()
    }

    mutating func rangeOfPlain(_ e: Estimate) -> String {
        let lo = plain(e.ciLow), hi = plain(e.ciHigh)
        return lo == "–" || hi == "–" ? "–" : lo + " till " + hi
    }

    mutating func difference() -> [Block] {
        var rows: [[TableBlock.Cell]] = []
        let headline: Estimate
        switch result.unadjusted {
        case .binary(let c):
            headline = c.difference
            rows.append(["Skillnad i andel (Newcombe)", TableBlock.Cell(diff(c.difference.estimate)),
                         TableBlock.Cell(range(c.difference, share: true, difference: true)),
                         TableBlock.Cell("Chi-två-test (Yates) = " + text(c.chiSquare.statistic, .decimal(2))),
                         cell(c.chiSquare.p, .pValue)])
            rows.append(["", "", "", "Fishers exakta test", cell(c.fisherP, .pValue)])
            for (e, name) in [(c.riskRatio, "Riskkvot (pilot / linjen)"), (c.oddsRatio, "Oddskvot (pilot / linjen)")] {
                rows.append([TableBlock.Cell(name), cell(e.estimate, .decimal(2)),
                             TableBlock.Cell(range(e, share: false, difference: false)), "", ""])
            }
        case .timeToEvent(let t):
            headline = t.difference
            let what = t.limitDays.map { "Skillnad i andel klara inom " + days($0) + " dagar" } ?? "Skillnad i andel inom gränsen"
            rows.append([TableBlock.Cell(what), TableBlock.Cell(diff(t.difference.estimate)),
                         TableBlock.Cell(range(t.difference, share: true, difference: true)),
                         TableBlock.Cell("Log-rank-test: chi-två = " + text(t.logRank.test.statistic, .decimal(2))),
                         cell(t.logRank.test.p, .pValue)])
        case .continuous(let c):
            headline = c.difference
            let df = c.welch.df.map { text($0, .decimal(1)) } ?? "–"
            rows.append(["Skillnad i medelvärde", cell(c.difference.estimate, .signed(2)),
                         TableBlock.Cell(range(c.difference, share: false, difference: true)),
                         TableBlock.Cell("Welchs t-test: t = " + text(c.welch.statistic, .decimal(2)) + ", frihetsgrader " + df),
                         cell(c.welch.p, .pValue)])
            let method = c.mannWhitney.method.map { $0 == .exact ? "exakt" : "normalapproximation" } ?? ""
            rows.append(["Förskjutning (Hodges–Lehmann)", cell(c.hodgesLehmann.shift.estimate, .signed(2)),
                         TableBlock.Cell(range(c.hodgesLehmann.shift, share: false, difference: true)),
                         TableBlock.Cell("Mann–Whitneys test" + (method.isEmpty ? "" : " (\(method))")), cell(c.mannWhitney.p, .pValue)])
            rows.append(["Effektstorlek (Hedges g, i standardavvikelser)", cell(c.hedgesG.estimate, .signed(2)),
                         TableBlock.Cell(range(c.hedgesG, share: false, difference: true)), "", ""])
        }
        let unit = isShare ? "för andelar i procentenheter" : "i måttets enhet"
        let differences = table("Skillnad mellan pilot och linjen, ärendena behandlade som oberoende",
                          ["Mått", "Skillnad pilot − linjen", "95 % KI", "Test", "p"], rows, numeric: [1, 4],
                          notes: ["Skillnad = pilot − linjen med 95 % konfidensintervall (KI), " + unit
                                  + ". p behandlar ärendena som oberoende och överskattar säkerheten."])
        var words = "Skillnad (95 % KI): " + diff(headline.estimate)
        let r = range(headline, share: isShare, difference: true)
        if r != "–" { words += " (" + r + ")" }
        words += ". " + Self.intervalWords(headline) + " "
            + directionWords(headline.estimate.value, uncertain: Self.isUncertain(headline))
        return [.heading(level: 2, text: "Skillnad"), .paragraph(RichText(words)), differences] + notes()
    }

    static func genderName(_ g: CaseRecord.Gender) -> String {
        switch g {
        case .girl: return "Flickor"
        case .boy: return "Pojkar"
        case .other: return "Annat"
        }
    }

    mutating func genders(_ list: [(CaseRecord.Gender, UnadjustedComparison)]) -> [Block] {
        var rows: [[TableBlock.Cell]] = []
        for (g, c) in list {
            let (pilot, line, d, p) = c.headline
            let r = range(d, share: isShare, difference: true)
            let difference = d.estimate.value == nil ? "–" : diff(d.estimate) + (r == "–" ? "" : " (" + r + ")")
            rows.append([TableBlock.Cell(Self.genderName(g), isRowHeader: true), cell(Self.count(pilot.n), .count),
                         value(pilot.estimate), cell(Self.count(line.n), .count), value(line.estimate),
                         TableBlock.Cell(difference), cell(p, .pValue)])
        }
        return [.heading(level: 2, text: "Per kön"),
                table("Pilot och linjen per kön (pilot − linjen inom varje kön)",
                      ["Kön", "Antal, piloten", "Värde, piloten", "Antal, linjen", "Värde, linjen", "Skillnad (95 % KI)", "p"],
                      rows, numeric: [1, 2, 3, 4, 6])] + notes()
    }

    /// The minimum detectable difference in words (the reports' `cohort.mdd.*`).
    mutating func minimumDetectable() -> [Block] {
        let mdd = result.minimumDetectableDifference
        let (pilot, line, _, _) = result.unadjusted.headline
        let power = style.percent(80, decimals: 0), alpha = style.percent(5, decimals: 0)
        let sizes = "Med " + int(pilot.n) + " ärenden i piloten och " + int(line.n) + " i linjen"
        let tail = " – före hänsyn till att ärenden inom ett team liknar varandra, vilket gör den större. Mindre verkliga skillnader kan lätt gå oupptäckta: att ingen säker skillnad syns betyder inte att det inte finns någon."
        var t: String
        if isShare, let baseline = line.estimate.value, let to = mdd.proportionAbove.value ?? mdd.proportionBelow.value {
            let base = limitDays.map { pct(baseline) + " inom " + days($0) + " dagar" } ?? pct(baseline)
            t = sizes + " kan jämförelsen med " + power + " styrka (" + alpha + " signifikansnivå, tvåsidigt) upptäcka en förändring från "
                + base + " i linjen till " + pct(to)
            if mdd.proportionAbove.value != nil, let below = mdd.proportionBelow.value { t += " eller " + pct(below) }
            t += tail
        } else if let d = mdd.standardized.value {
            t = sizes + " är den minsta skillnad jämförelsen kan upptäcka med " + power + " styrka (" + alpha
                + " signifikansnivå, tvåsidigt) " + style.decimal(d, decimals: 2) + " standardavvikelser"
            if let raw = mdd.raw.value {
                t += " (ungefär " + style.decimal(raw, decimals: 1) + (limitDays == nil && result.kind == .timeToEvent ? " dagar)" : " i måttets enhet)")
            }
            t += tail
        } else {
            t = "Den minsta upptäckbara skillnaden kan inte beräknas (en grupp saknar ärenden)."
        }
        return [.heading(level: 2, text: "Minsta upptäckbara skillnad"), .paragraph(RichText(t))]
    }

    static func covariateName(_ name: String) -> String {
        switch name {
        case "age": return "Ålder (år)"
        case "age unknown": return "Ålder okänd"
        case "gender unknown": return "Kön okänt"
        case "reason unknown": return "Aktualiseringsorsak okänd"
        default: break
        }
        if name.hasPrefix("gender: ") {
            switch String(name.dropFirst("gender: ".count)) {
            case "girl": return "Kön: flicka"
            case "boy": return "Kön: pojke"
            case "other": return "Kön: annat"
            case let other: return "Kön: " + other
            }
        }
        if name.hasPrefix("reason: ") {
            let reason = String(name.dropFirst("reason: ".count))
            return "Aktualiseringsorsak: " + (reason == "other reasons" ? "övriga orsaker" : reason)
        }
        return name
    }

    /// The reports' thresholds for standardised mean differences in words.
    static func flag(_ smd: Figure) -> String {
        guard let v = smd.value else { return "" }
        return abs(v) > 0.25 ? "allvarlig obalans" : abs(v) > 0.1 ? "obalans" : "god balans"
    }

    mutating func balance() -> [Block] {
        let b = result.balance
        var blocks: [Block] = [.heading(level: 2, text: "Balans")]
        guard !b.rows.isEmpty else {
            return blocks + [.paragraph("Balansen kan inte visas: ingen bakgrundsfaktor (ålder, kön, aktualiseringsorsak) är känd.")]
                + notes(b.notes)
        }
        let limit = style.decimal(0.1, decimals: 1), serious = style.decimal(0.25, decimals: 2)
        blocks.append(.paragraph(RichText(
            "Liknar pilotens och linjens ärenden varandra? Standardiserad medelvärdesskillnad = skillnaden mellan grupperna i standardavvikelser; över "
            + limit + " (i belopp) räknas som obalans, över " + serious + " som allvarlig obalans. "
            + "Viktningen ger linjens ärenden vikter efter hur lika de är pilotens (en propensitetsmodell för ålder, kön och aktualiseringsorsak), så att den viktade linjen har pilotens sammansättning.")))
        var rows: [[TableBlock.Cell]] = []
        for r in b.rows {
            let binary = r.kind == .binary
            let show: FigureCell.Kind = binary ? .share(1) : .decimal(1)
            rows.append([TableBlock.Cell(Self.covariateName(r.name), isRowHeader: true), cell(r.pilotMean, show),
                         cell(r.comparisonMean, show), cell(r.comparisonWeightedMean, show),
                         TableBlock.Cell(text(r.smdBefore, .signed(3)) + (r.smdBefore.value == nil ? "" : " (" + Self.flag(r.smdBefore) + ")")),
                         TableBlock.Cell(text(r.smdAfter, .signed(3)) + (r.smdAfter.value == nil ? "" : " (" + Self.flag(r.smdAfter) + ")"))])
        }
        blocks.append(table("Standardiserad medelvärdesskillnad före/efter viktning",
                            ["Bakgrundsfaktor", "Pilot", "Linjen", "Linjen viktad", "Före viktning", "Efter viktning"], rows,
                            numeric: [1, 2, 3],
                            notes: ["Ålder som medelvärde i år; övriga som andel av ärendena."]))
        if b.effectiveComparisonN.value != nil {
            blocks.append(.paragraph(RichText("Linjens effektiva antal ärenden efter viktning: " + text(b.effectiveComparisonN, .decimal(1))
                                              + " (färre än de faktiska när vikterna är ojämna).")))
        }
        return blocks + notes(b.notes)
    }

    mutating func adjusted() -> [Block] {
        guard let a = result.adjusted else { return [] }
        let measure: String
        switch result.kind {
        case .binary: measure = "andel"
        case .continuous: measure = "medelvärde"
        case .timeToEvent: measure = limitDays.map { "andel klara inom " + days($0) + " dagar (Kaplan–Meier)" } ?? "andel inom gränsen (Kaplan–Meier)"
        }
        let regressionRange = range(a.regression, share: isShare, difference: true)
        let rows: [[TableBlock.Cell]] = [
            [TableBlock.Cell("Viktning (linjen viktad till pilotens sammansättning)", isRowHeader: true),
             value(a.pilotValue), value(a.comparisonWeightedValue), TableBlock.Cell(diff(a.ipwEstimate)), "–", "–"],
            [TableBlock.Cell("Regressionsjustering (kontroll)", isRowHeader: true), "", "",
             TableBlock.Cell(diff(a.regression.estimate)), TableBlock.Cell(regressionRange), cell(a.regressionP, .pValue)],
        ]
        var blocks: [Block] = [
            .heading(level: 2, text: "Justerad jämförelse"),
            table("Justerat för ålder, kön och aktualiseringsorsak (" + measure + ")",
                  ["Metod", "Pilot", "Linjen", "Skillnad pilot − linjen", "95 % KI", "p"], rows, numeric: [1, 2, 5],
                  notes: ["Regressionsjusteringen är en kontroll av viktningen: en linjär regression med robusta standardfel (HC1)."]),
        ]
        var words = "Den viktade skillnaden är " + diff(a.ipwEstimate) + ", utan intervall."
        if a.regression.estimate.value != nil {
            words += " Regressionsjusteringen ger " + diff(a.regression.estimate)
                + (regressionRange == "–" ? "" : " (95 % KI " + regressionRange + ")") + ". " + Self.intervalWords(a.regression)
        }
        words += " " + directionWords(a.ipwEstimate.value ?? a.regression.estimate.value, uncertain: Self.isUncertain(a.regression))
        blocks.append(.paragraph(RichText(words)))
        return blocks + notes(a.notes)
    }

    mutating func did() -> [Block] {
        guard let d = result.did else { return [] }
        var blocks: [Block] = [.heading(level: 2, text: "Skillnad-i-skillnader")]
        var intro = "Pilotens område jämförs före och efter starten med linjens områden, i tolvmånadersperioder från pilotens start."
        if let area = d.treatedArea {
            let others = d.areas.filter { $0 != area }.count
            intro = "Pilotens område (" + area + ") jämförs före och efter starten med " + int(others)
                + (others == 1 ? " linjeområde" : " linjeområden") + ", i tolvmånadersperioder från pilotens start."
        }
        blocks.append(.paragraph(RichText(intro)))
        guard let r = d.result, r.estimate.value != nil else {
            if let r = d.result { note(r.estimate) }
            return blocks + notes(d.notes)
        }
        let m = r.means
        blocks.append(table("Medelvärden före och efter starten", ["Område", "Före starten", "Efter starten"], [
            [TableBlock.Cell("Pilotens område", isRowHeader: true), value(m.treatedBefore), value(m.treatedAfter)],
            [TableBlock.Cell("Linjens områden", isRowHeader: true), value(m.comparisonBefore), value(m.comparisonAfter)],
        ], numeric: [1, 2]))
        var lines = ["Skattad effekt (skillnad-i-skillnader med fixa effekter för område och period): " + diff(r.estimate)
                     + "; enkel skillnad mellan de fyra medelvärdena: " + diff(m.simpleDifference) + "."]
        var uncertain: Bool? = nil
        if let ri = r.randomisation {
            let smallest = style.decimal(ri.smallestAttainableP, decimals: 3)
            lines.append("Randomisering över områden: pilotens område har rang " + (ri.rank.map { int($0) } ?? "–") + " av "
                         + int(ri.units) + ", p = " + text(ri.p, .pValue) + " (minsta möjliga p = 1/" + int(ri.units)
                         + " = " + smallest + ").")
            if let p = ri.p.value { uncertain = p >= 0.05 }
        }
        if let wb = r.wildBootstrap {
            let weights = wb.weights.rawValue.prefix(1).uppercased() + wb.weights.rawValue.dropFirst()
            lines.append("Vild klusterbootstrap (" + weights + "-vikter, " + int(wb.clusters) + " kluster): klusterrobust standardfel "
                         + text(wb.standardError, .decimal(3)) + ", p = " + text(wb.p, .pValue)
                         + " – en andra bedömning, som med ett enda behandlat område förkastar för sällan.")
        }
        lines.append(directionWords(r.estimate.value, uncertain: uncertain))
        blocks.append(.paragraph(RichText(lines.joined(separator: " "))))
        if !r.eventStudy.isEmpty {
            var rows: [[TableBlock.Cell]] = []
            for e in r.eventStudy {
                rows.append([TableBlock.Cell(int(e.period)), TableBlock.Cell(e.isBefore ? "före starten" : "efter starten"),
                             TableBlock.Cell(diff(e.estimate)),
                             cell(e.randomisation?.p ?? Figure(undefined: "no placebo areas to compare with"), .pValue)])
            }
            let ref = int(r.referencePeriod ?? -1)
            let before = r.eventStudy.filter(\.isBefore)
            var words = "Förtrend: före starten bör skattningarna ligga nära noll, om pilotens område följde samma trend som linjens områden (parallella trender)."
            if before.isEmpty {
                words += " Här finns ingen period före referensperioden, så förtrenden kan inte prövas."
            } else {
                var list: [String] = []
                for e in before { list.append("period " + int(e.period) + ": " + diff(e.estimate)) }
                words += " Före starten: " + list.joined(separator: "; ") + "."
            }
            blocks.append(.heading(level: 3, text: "Förtrend och händelsestudie"))
            blocks.append(.paragraph(RichText(words)))
            blocks.append(table("Varje period jämförd med period " + ref + " (året före starten)",
                                ["Period", "När", "Skattning", "p (randomisering)"], rows, numeric: [0, 2, 3]))
        }
        return blocks + notes(d.notes + (r.wildBootstrap?.notes ?? []))
    }

    mutating func statistic(_ f: Figure) -> TableBlock.Cell {
        if result.kind == .timeToEvent, limitDays == nil {
            guard let v = f.value else { return cell(f, .signed(0)) }
            return TableBlock.Cell(text(f, .signed(v == v.rounded() ? 0 : 1)) + " dagar")
        }
        return isShare ? TableBlock.Cell(diff(f)) : cell(f, .signed(3))
    }

    mutating func permutation() -> [Block] {
        guard let p = result.permutation else { return [] }
        let what: String
        switch result.kind {
        case .binary: what = "enhetens andel minus andelen i alla övriga enheters ärenden"
        case .continuous: what = "enhetens medelvärde minus medelvärdet i alla övriga enheters ärenden"
        case .timeToEvent:
            what = limitDays.map { "enhetens andel klara inom " + days($0) + " dagar (Kaplan–Meier) minus de övriga enheternas" }
                ?? "enhetens mediantid (Kaplan–Meier) minus de övriga enheternas"
        }
        var blocks: [Block] = [.heading(level: 2, text: "Piloten bland alla enheter"),
                               .paragraph(RichText("Varje enhet jämförs med alla övriga, med ärenden från pilotens start: " + what
                                                   + ". Piloten rangordnas sedan bland enheterna efter hur stor skillnaden är."))]
        if !p.rows.isEmpty {
            var rows: [[TableBlock.Cell]] = []
            for u in p.rows {
                let name = u.unit == Self.pilotUnit ? (pilotName.map { "Piloten (\($0))" } ?? "Piloten") : u.unit
                rows.append([TableBlock.Cell(name, isRowHeader: true), cell(Self.count(u.n), .count), statistic(u.statistic)])
            }
            blocks.append(table("Enheterna", ["Enhet", "Antal ärenden", "Skillnad mot övriga enheter"], rows, numeric: [1, 2]))
        }
        if let r = p.result, let rank = r.rank {
            let smallest = style.decimal(r.smallestAttainableP, decimals: 3)
            var words = "Pilotens rang: " + int(rank) + " av " + int(r.units) + ", p = " + text(r.p, .pValue)
                + " (minsta möjliga p = 1/" + int(r.units) + " = " + smallest + ")."
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

    /// J of the permutation over units, as the English caveat states it.
    var permutationUnits: Int? {
        if let j = result.permutation?.result?.units { return j }
        guard let c = result.caveats.first(where: { $0.code == "permutation_smallest_p" }),
              let r = c.text.range(of: #"J = (\d+)"#, options: .regularExpression) else { return nil }
        return Int(c.text[r].dropFirst(4))
    }

    func caveatText(_ c: Caveat) -> String? {
        let (pilot, line, _, _) = result.unadjusted.headline
        switch c.code {
        case "one_treated_team":
            return "Piloten är ett enda team. Skillnader mellan pilot och linje kan bero på teamet och dess ärenden lika väl som på arbetssättet. "
                + "p-värden och intervall på ärendenivå behandlar de " + int(pilot.n + line.n)
                + " ärendena som oberoende, vilket ett enda team inte garanterar; de överskattar därför säkerheten. "
                + "Designer som tar hänsyn till detta är skillnad-i-skillnader (randomisering över områden) och piloten bland alla enheter (permutation)."
        case "minimum_detectable_difference":
            return nil // its own part above
        case "permutation_smallest_p":
            guard c.text.hasPrefix("Permutation over units:"), let j = permutationUnits else {
                return "Permutation över enheter är inte möjlig: linjens ärenden saknar enhet (eller piloten saknar ärenden)."
            }
            let smallest = style.decimal(1 / Double(j), decimals: 3)
            return j < 20
                ? "Med " + int(j) + " enheter är det minsta möjliga p-värdet i permutationen över enheter 1/" + int(j) + " = " + smallest
                    + "; inget resultat kan då bli signifikant på " + style.percent(5, decimals: 0) + "-nivån, hur stor skillnaden än är."
                : "Permutationen över " + int(j) + " enheter kan som lägst ge p = " + smallest + "."
        case "small_cells":
            return "Några antal är mellan " + int(1) + " och " + int(4) + ". I dokument som sprids visas de som ”<" + int(5)
                + "”, och andelar som bygger på dem visas inte."
        case "imbalance":
            let before = result.balance.rows.filter { abs($0.smdBefore.value ?? 0) > 0.1 }.map { Self.covariateName($0.name).lowercased() }
            let after = result.balance.rows.filter { abs($0.smdAfter.value ?? 0) > 0.1 }.map { Self.covariateName($0.name).lowercased() }
            var t = "Grupperna skiljer sig före justering i " + Self.list(before) + " (standardiserad medelvärdesskillnad över "
                + style.decimal(0.1, decimals: 1) + "): den ojusterade skillnaden blandar en eventuell effekt av piloten med dessa skillnader."
            if !after.isEmpty { t += " Efter viktning skiljer de sig fortfarande i " + Self.list(after) + "." }
            return t
        case "censoring":
            var censored = 0
            if case .timeToEvent(let t) = result.unadjusted { censored = t.pilot.curve.censored + t.comparison.curve.censored }
            var t = (censored == 1 ? "1 ärende var inte avslutat vid uttaget " + date(result.extractDate) + "; det räknas som pågående (censurerat), inte som bortfall."
                     : int(censored) + " ärenden var inte avslutade vid uttaget " + date(result.extractDate) + "; de räknas som pågående (censurerade), inte som bortfall.")
            t += " Mediantider och andelar inom gränsen är Kaplan–Meier-skattningar, och log-rank-testet jämför hela kurvorna."
            if result.outcome == "investigation_days" {
                t += " Fyra kalendermånader räknas här som 122 dagar; den exakta andelen per kalendermånad är måttet ”"
                    + CaseOutcomeNames.displayName("investigation_within_4m", .sv) + "”."
            }
            return t
        case "design":
            switch result.design {
            case .unadjusted:
                return "Detta är den ojusterade jämförelsen av ärenden. Den justerade jämförelsen viktar linjen till pilotens sammansättning av ålder, kön och aktualiseringsorsak; skillnad-i-skillnader jämför pilotens område före och efter starten med linjens områden; permutationen rangordnar piloten bland enheterna."
            case .adjusted:
                return "Justeringen gäller bara ålder, kön och aktualiseringsorsak; skillnader i sådant som inte registreras (behov, familjesituation, teamet självt) finns kvar. Den viktade skattningen har inget intervall: ett intervall på ärendenivå skulle överskatta säkerheten när piloten är ett enda team."
            case .did:
                var t = "Skillnad-i-skillnader förutsätter att pilotens område utan piloten hade följt samma trend som linjens områden; förtrenden (skattningarna före starten) prövar detta och bör ligga nära noll. Klusterrobusta standardfel är inte giltiga med ett enda behandlat område och används inte för slutsatser: p kommer från randomisering över områden"
                if let ri = result.did?.result?.randomisation {
                    t += " (minsta möjliga p 1/" + int(ri.units) + " = " + style.decimal(ri.smallestAttainableP, decimals: 3) + ")"
                }
                return t + "; den vilda klusterbootstrapen är en andra bedömning som med ett enda behandlat kluster förkastar för sällan."
            case .permutation:
                return "Permutationen över enheter förutsätter att vilken enhet som helst lika gärna kunde ha varit piloten; enheter som skiljer sig i storlek eller befolkning gör rangordningen mindre exakt. p = rang / J räknar med piloten själv."
            }
        default:
            return nil
        }
    }

    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " och " + items.last!
    }

    func caveats() -> [Block] {
        let items = result.caveats.compactMap(caveatText)
        guard !items.isEmpty else { return [] }
        return [.heading(level: 2, text: "Att tänka på"), .list(ListBlock(items: items.map { RichText($0) }))]
    }

    // MARK: Notes

    /// A note of the result (English, as the CLI and the JSON have it) in Swedish: the
    /// notes the cohort analyses write, by pattern; any other note as a general sentence
    /// rather than English in a Swedish page.
    static func swedishNote(_ note: String, style: NumberStyle) -> String {
        func match(_ pattern: String) -> [String]? {
            guard let re = try? NSRegularExpression(pattern: "^" + pattern + "$"),
                  let m = re.firstMatch(in: note, range: NSRange(note.startIndex..., in: note)) else { return nil }
            return (1..<m.numberOfRanges).map { Range(m.range(at: $0), in: note).map { String(note[$0]) } ?? "" }
        }
        func n(_ s: String) -> String { Int(s).map { style.integer($0) } ?? s }
        if note.hasPrefix("no confidence interval for the weighted estimate") {
            return "Den viktade skattningen har inget konfidensintervall: ett intervall på ärendenivå skulle överskatta säkerheten när piloten är ett enda team, och bortser från att vikterna är skattade."
        }
        if note.hasPrefix("with one treated cluster the wild cluster bootstrap") {
            return "Med ett enda behandlat område förkastar den vilda klusterbootstrapen för sällan (MacKinnon & Webb 2017): läs dess p-värde som en andra bedömning bredvid randomiseringen över områden."
        }
        if let g = match(#"(.+): (\d+) pilot and (\d+) line case\(s\), fewer than (\d+) in a cohort: the propensity model pools them with (.+), since .*"#) {
            let reference: String
            switch g[4] {
            case "the reference level (boy)": reference = "referensnivån (pojke)"
            case "the cases of known age (at the mean age)": reference = "ärendena med känd ålder (vid medelåldern)"
            default:
                if g[4].hasPrefix("the reference level (") {
                    let level = String(g[4].dropFirst("the reference level (".count).dropLast())
                    reference = "referensnivån (" + (level == "other reasons" ? "övriga orsaker" : level) + ")"
                } else {
                    reference = "referensnivån"
                }
            }
            return covariateName(g[0]) + ": " + n(g[1]) + " ärenden i piloten och " + n(g[2]) + " i linjen, färre än " + n(g[3])
                + " i en av grupperna. Propensitetsmodellen slår ihop dem med " + reference
                + ", eftersom en nivå som bara finns i den ena gruppen förutsäger gruppen helt och modellen då inte går att skatta; balanstabellen visar dem ändå."
        }
        if let g = match(#"(\d+) case\(s\) without an age: .*"#) {
            return n(g[0]) + " ärenden saknar ålder: propensitetsmodellen ger dem medelåldern och en markering för okänd ålder."
        }
        if let g = match(#"(\d+) referral reason\(s\) with fewer than (\d+) cases in a cohort were pooled as 'other reasons'"#) {
            return n(g[0]) + " aktualiseringsorsaker med färre än " + n(g[1]) + " ärenden i en av grupperna slogs ihop till ”övriga orsaker”."
        }
        if let g = match(#"(\d+) comparison unit\(s\) could not serve as placebos \(no cases before or after the start\)"#) {
            return n(g[0]) + (g[0] == "1" ? " linjeområde" : " linjeområden") + " kunde inte användas som jämförelse i randomiseringen (inga ärenden före eller efter starten)."
        }
        if note.hasPrefix("only one comparison unit: no placebo comparison is possible") {
            return "Det finns bara ett linjeområde: randomisering över områden är inte möjlig och ger inget p-värde (den kräver minst två linjeområden, och p under 0,05 kräver 19)."
        }
        if note.hasPrefix("only one period before the start") {
            return "Det finns bara en period före starten: händelsestudien har inga skattningar före starten, så förtrenden kan inte prövas."
        }
        if let g = match(#"all (\d+) weight patterns of (\d+) clusters were enumerated, .*"#) {
            return "Alla " + n(g[0]) + " viktmönster för " + n(g[1]) + " kluster räknades igenom, så bootstrapens p är exakt och kan inte bli lägre än 1/" + n(g[0]) + "."
        }
        if let g = match(#"(\d+) replicate\(s\) had a zero standard error and count as not extreme"#) {
            return n(g[0]) + " bootstrapupprepningar hade standardfelet noll och räknas som inte extrema."
        }
        if let g = match(#"the pilot's cases lie in (\d+) areas; its area is taken to be '(.+)', where most of them are"#) {
            return "Pilotens ärenden finns i " + n(g[0]) + " områden; pilotens område är " + g[1] + ", där de flesta finns."
        }
        if let g = match(#"(\d+) case\(s\) without an area or referral date were left out"#) {
            return n(g[0]) + " ärenden utan område eller aktualiseringsdatum togs inte med."
        }
        if let g = match(#"(\d+) case\(s\) without a value were left out"#) {
            return n(g[0]) + " ärenden utan värde togs inte med."
        }
        if let g = match(#"(\d+) case\(s\) referred before the pilot start (\S+) \(or without a referral date\) were left out, .*"#) {
            let d = CalendarDate(parsing: g[1]).map { style.date($0) } ?? g[1]
            return n(g[0]) + " ärenden som aktualiserades före pilotens start " + d + " (eller saknar aktualiseringsdatum) togs inte med, så att alla enheter jämförs över samma tid."
        }
        if let g = match(#"(\d+) line case\(s\) without a unit were left out"#) {
            return n(g[0]) + " av linjens ärenden saknar enhet och togs inte med."
        }
        if let g = match(#"with (\d+) units the smallest attainable p is 1/(\d+) = (.+)"#) {
            let j = Int(g[0]) ?? 0
            return "Med " + n(g[0]) + " enheter är det minsta möjliga p-värdet 1/" + n(g[1]) + " = "
                + (j > 0 ? style.decimal(1 / Double(j), decimals: 3) : g[2]) + "."
        }
        if note.hasPrefix("no result can be significant at the 5 % level with fewer than 20 units") {
            return "Med färre än 20 enheter kan inget resultat bli signifikant på 5 %-nivån."
        }
        if note.hasPrefix("difference-in-differences needs a number or 0/1 outcome") {
            return "Skillnad-i-skillnader kräver ett tal eller en andel; för en tid används i stället andelen klara inom gränsen (”"
                + CaseOutcomeNames.displayName("assessment_within_14d", .sv) + "”, ”" + CaseOutcomeNames.displayName("investigation_within_4m", .sv) + "”)."
        }
        if note.hasPrefix("the pilot's cases have no area") {
            return "Pilotens ärenden saknar område, så pilotens område före starten kan inte hittas."
        }
        if note.hasPrefix("the treated unit has no cases before") {
            return "Pilotens område har inga ärenden före starten, så det finns inget före och efter att jämföra."
        }
        if note.hasPrefix("the treated unit has no cases after") { return "Pilotens område har inga ärenden efter starten." }
        if note.hasPrefix("the treated unit has no cases") { return "Pilotens område har inga ärenden." }
        if note.hasPrefix("no comparison unit has cases both before and after") {
            return "Inget av linjens områden har ärenden både före och efter starten, så det finns inget att jämföra med."
        }
        if note.contains("singular") { return "Modellen kan inte skattas med dessa uppgifter (för få olika värden)." }
        if note.contains("is beyond the last observed time") { return "Gränsen ligger bortom den sista observerade tiden." }
        if note.hasPrefix("S(t) has reached 0") { return "Alla ärenden som återstod hade avslutats." }
        if note.hasPrefix("Greenwood's standard error does not apply") { return "Viktade Kaplan–Meier-skattningar har inget standardfel." }
        if note.hasPrefix("each group needs at least 2 values") { return "Varje grupp behöver minst två ärenden för en standardavvikelse." }
        if note.hasPrefix("a group has no values") || note.hasPrefix("there are no cases") || note.hasPrefix("the weights sum to zero") {
            return "En grupp saknar ärenden."
        }
        if note == "the pilot has no cases in the period compared" { return "Piloten har inga ärenden under den jämförda tiden." }
        if note.hasPrefix("permutation over units needs the pilot and at least one line unit") {
            return "Permutation över enheter kräver piloten och minst en av linjens enheter med enhet angiven."
        }
        if note == "no placebo areas to compare with" { return "Det finns inga linjeområden att jämföra med i randomiseringen." }
        if note.hasPrefix("the pilot has no cases with this outcome") { return "Piloten har inga ärenden med detta mått." }
        if note.hasPrefix("no cases") || note.hasPrefix("empty") { return "En grupp saknar ärenden." }
        if note.contains("not reached") { return "Mediantiden eller en gräns i dess intervall nås inte under uppföljningstiden." }
        if note.hasPrefix("no pre-period") || note.contains("before the pilot start") || note.contains("no case before") {
            return "Uttaget saknar ärenden från tiden före pilotens start, så skillnad-i-skillnader kan inte beräknas."
        }
        if note.contains("pilot's start date is unknown") || note.contains("pilot start is unknown") {
            return "Pilotens startdatum är okänt, så skillnad-i-skillnader kan inte beräknas."
        }
        if note.contains("no area") { return "Ärendena saknar område, så skillnad-i-skillnader kan inte beräknas." }
        if note.contains("separation") || note.contains("propensity model") {
            return "Propensitetsmodellen kunde inte skattas, så viktningen saknas."
        }
        return "Ett värde kan inte beräknas med dessa uppgifter."
    }
}
