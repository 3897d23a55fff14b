import Evaluation
import Statistics

/// `cases compare` as blocks, in two views of the same typed result (not its JSON):
///
/// - the analyst's, at the terminal (`NumberStyle.terminal`, what `cases compare` prints
///   and the golden files hold): `ComparisonBlocks` — a short header with the outcome's
///   key and the model's id, the two groups, the difference, by gender, the balance
///   table, the design's own part and the caveats, every number a `FigureCell`: shares
///   and proportions in percent with one decimal, differences of shares in percentage
///   points, means and SMDs to two or three decimals, p-values to three ("< 0.001"
///   below). An undefined figure shows "–" and its reason in the notes below its table;
/// - the reader's, in any other style (the web's "Pilot och linje" / "Pilot and line"
///   page): `ReaderCohortBlocks` — the same result in the reader's words, Swedish or
///   English by `style.language`, with the outcome by its name, the minimum detectable
///   difference and the direction (bättre / sämre / oklart; better / worse / unclear)
///   spelled out, and no internal keys.
extension CohortComparisonResult {
    public func blocks(style: NumberStyle) -> [Block] {
        blocks(style: style, pilotName: nil)
    }

    /// - Parameter pilotName: what the pilot is called in the reader's text (the model's
    ///   name, as reports say it); nil uses the cohort label unless it is just the
    ///   model's id. The terminal's view ignores it.
    public func blocks(style: NumberStyle, pilotName: String?) -> [Block] {
        if style == .terminal {
            var b = ComparisonBlocks(result: self, style: style)
            return b.all()
        }
        var b = ReaderCohortBlocks(result: self, style: style, pilotName: pilotName)
        return b.all()
    }
}

/// Builds the blocks section by section, collecting the reasons of undefined figures
/// of the section being drawn (each once) for the notes under its table. The groups,
/// the difference and the by-group table need only the unadjusted comparison (what
/// `compare` on any CSV has); the other sections read the cohort result.
struct ComparisonBlocks {
    let unadjusted: UnadjustedComparison
    private let cohort: CohortComparisonResult?
    let style: NumberStyle
    /// What the comparison group is called in headings: "line" (the line organisation)
    /// for `cases compare`, "comparison" for `compare` on any CSV.
    let comparisonName: String
    /// `compare` on any CSV also shows Student's t beside Welch's (its JSON has both).
    let showsStudentT: Bool
    var pending: [String] = []

    init(result: CohortComparisonResult, style: NumberStyle) {
        unadjusted = result.unadjusted
        cohort = result
        self.style = style
        comparisonName = "line"
        showsStudentT = false
    }

    init(unadjusted: UnadjustedComparison, style: NumberStyle) {
        self.unadjusted = unadjusted
        cohort = nil
        self.style = style
        comparisonName = "comparison"
        showsStudentT = true
    }

    /// The cohort result: only the sections `all()` draws for `cases compare` read it.
    var result: CohortComparisonResult { cohort! }

    var isShare: Bool {
        if case .continuous = unadjusted { return false }
        return true
    }

    mutating func all() -> [Block] {
        var blocks = header()
        blocks += groups()
        blocks += difference()
        if let byGender = result.byGender {
            blocks += byGroup("By gender (pilot − line within each)", column: "gender", byGender.map { ($0.0.rawValue, $0.1) })
        }
        blocks += balance()
        switch result.design {
        case .adjusted: blocks += adjusted()
        case .did: blocks += did()
        case .permutation: blocks += permutation()
        default: break
        }
        blocks += caveats()
        return blocks
    }

    // MARK: Cells

    /// A figure cell; an undefined figure's reason goes to the section's notes.
    mutating func cell(_ f: Figure, _ kind: FigureCell.Kind) -> TableBlock.Cell {
        note(f)
        return TableBlock.Cell(FigureCell(f, kind), style: style)
    }

    mutating func text(_ f: Figure, _ kind: FigureCell.Kind) -> String { cell(f, kind).text.plainText }

    mutating func note(_ f: Figure) {
        if f.value == nil, let n = f.note, !pending.contains(n) { pending.append(n) }
    }

    static func percentOf(_ f: Figure) -> Figure { f.value.map { Figure(100 * $0) } ?? f }

    /// A group's estimate: a share in percent, or a mean to two decimals.
    mutating func value(_ f: Figure) -> TableBlock.Cell { isShare ? cell(f, .share(1)) : cell(f, .decimal(2)) }

    /// A difference: percentage points for shares, else signed to two decimals.
    mutating func diff(_ f: Figure) -> String {
        isShare ? text(Self.percentOf(f), .percentagePoints(1)) : text(f, .signed(2))
    }

    /// "low – high": the unit on the high end only.
    mutating func range(_ e: Estimate, share: Bool, difference: Bool, decimals: Int = 1) -> String {
        let lo: String, hi: String
        switch (share, difference) {
        case (true, true):
            lo = text(Self.percentOf(e.ciLow), .signed(decimals)); hi = text(Self.percentOf(e.ciHigh), .percentagePoints(decimals))
        case (true, false):
            lo = text(Self.percentOf(e.ciLow), .decimal(decimals)); hi = text(e.ciHigh, .share(decimals))
        case (false, true):
            lo = text(e.ciLow, .signed(2)); hi = text(e.ciHigh, .signed(2))
        case (false, false):
            lo = text(e.ciLow, .decimal(2)); hi = text(e.ciHigh, .decimal(2))
        }
        return lo == "–" && hi == "–" ? "–" : lo + " – " + hi
    }

    /// Whole numbers as such, others to two decimals (medians, quartiles, counts).
    mutating func plain(_ f: Figure) -> String {
        guard let v = f.value else { note(f); return "–" }
        return text(f, v == v.rounded() ? .decimal(0) : .decimal(2))
    }

    static func count(_ n: Int) -> Figure { Figure(Double(n)) }

    /// The notes of the section just drawn, then `extra`.
    mutating func notes(_ extra: [String] = []) -> [Block] {
        var all = pending
        for e in extra where !all.contains(e) { all.append(e) }
        pending = []
        return all.isEmpty ? [] : [.list(ListBlock(items: all.map { RichText("note: " + $0) }))]
    }

    func table(_ caption: String?, _ header: [String], _ rows: [[TableBlock.Cell]], numeric: Set<Int> = []) -> Block {
        let width = max(header.count, rows.map(\.count).max() ?? 0)
        return .table(TableBlock(caption: caption, header: header.isEmpty ? [] : [header.map { TableBlock.Cell($0) }],
                                 rows: rows, alignments: (0..<width).map { numeric.contains($0) ? .right : .left }))
    }

    // MARK: Sections

    func header() -> [Block] {
        let what: String
        switch result.kind {
        case .binary: what = "0/1 outcome: share of cases with 1"
        case .continuous: what = "number: mean per case"
        case .timeToEvent:
            var limit = ""
            if case .timeToEvent(let t) = result.unadjusted, let l = t.limitDays {
                limit = "; share within " + style.decimal(l, decimals: l == l.rounded() ? 0 : 2) + " days"
            }
            what = "duration in days, open cases censored" + limit
        }
        let start = result.pilotStart.map { " (pilot start \($0))" } ?? ""
        let cases = result.comparedFrom.map { "referred from \($0) (the pilot's start)" } ?? "every case in the extract"
        let rows: [[TableBlock.Cell]] = [
            ["outcome", TableBlock.Cell("\(result.outcome) (\(what))")],
            ["model", TableBlock.Cell("\(result.modelID) — pilot \(result.unadjusted.labels.pilot) vs the line")],
            ["design", TableBlock.Cell(result.design.rawValue)],
            ["extract date", TableBlock.Cell(result.extractDate + start)],
            ["cases", TableBlock.Cell(cases)],
        ]
        return [table(nil, [], rows)]
    }

    mutating func groups() -> [Block] {
        var rows: [[TableBlock.Cell]] = []
        let header: [String]
        var caption = "Groups"
        switch unadjusted {
        case .binary(let c):
            header = ["group", "n", "events", "share", "95 % CI (Wilson)"]
            for g in [c.pilot, c.comparison] {
                rows.append([TableBlock.Cell(g.label, isRowHeader: true), cell(Self.count(g.n), .count),
                             cell(Self.count(g.events), .count), cell(g.proportion.estimate, .share(1)),
                             TableBlock.Cell(range(g.proportion, share: true, difference: false))])
            }
        case .timeToEvent(let t):
            let within = t.limitDays.map { "within " + style.decimal($0, decimals: $0 == $0.rounded() ? 0 : 2) + " days" } ?? "within the limit"
            header = ["group", "n", "events", "open (censored)", "median days (95 % CI)", within + " (95 % CI)"]
            caption = "Groups (Kaplan–Meier; the median is the first day with S(t) ≤ 0.5)"
            for g in [t.pilot, t.comparison] {
                let median = plain(g.curve.median.estimate) + " (" + rangeOfPlain(g.curve.median) + ")"
                let share = text(g.shareWithinLimit.estimate, .share(1)) + " ("
                    + range(g.shareWithinLimit, share: true, difference: false) + ")"
                rows.append([TableBlock.Cell(g.label, isRowHeader: true), cell(Self.count(g.curve.n), .count),
                             cell(Self.count(g.curve.events), .count), cell(Self.count(g.curve.censored), .count),
                             TableBlock.Cell(median), TableBlock.Cell(share)])
            }
        case .continuous(let c):
            header = ["group", "n", "mean", "sd", "median", "q1 – q3"]
            for g in [c.pilot, c.comparison] {
                let s = g.summary
                let q = plain(s.q1) + " – " + plain(s.q3)
                rows.append([TableBlock.Cell(g.label, isRowHeader: true), cell(Self.count(s.n), .count),
                             cell(s.mean, .decimal(2)), cell(s.sd, .decimal(2)), TableBlock.Cell(plain(s.median)),
                             TableBlock.Cell(q == "– – –" ? "–" : q)])
            }
        }
        return [table(caption, header, rows, numeric: [1, 2, 3])] + notes()
    }

    mutating func rangeOfPlain(_ e: Estimate) -> String {
        let lo = plain(e.ciLow), hi = plain(e.ciHigh)
        return lo == "–" && hi == "–" ? "–" : lo + " – " + hi
    }

    mutating func difference() -> [Block] {
        var rows: [[TableBlock.Cell]] = []
        switch unadjusted {
        case .binary(let c):
            rows.append(["difference in share (Newcombe)", TableBlock.Cell(diff(c.difference.estimate)),
                         TableBlock.Cell(range(c.difference, share: true, difference: true)),
                         TableBlock.Cell("chi-square (Yates) = " + text(c.chiSquare.statistic, .decimal(2))),
                         cell(c.chiSquare.p, .pValue)])
            rows.append(["", "", "", "Fisher's exact test", cell(c.fisherP, .pValue)])
            for (e, name) in [(c.riskRatio, "risk ratio"), (c.oddsRatio, "odds ratio")] {
                rows.append([TableBlock.Cell(name), cell(e.estimate, .decimal(2)),
                             TableBlock.Cell(range(e, share: false, difference: false)), "", ""])
            }
        case .timeToEvent(let t):
            rows.append(["difference in share within the limit", TableBlock.Cell(diff(t.difference.estimate)),
                         TableBlock.Cell(range(t.difference, share: true, difference: true)),
                         TableBlock.Cell("log-rank chi-square = " + text(t.logRank.test.statistic, .decimal(2))),
                         cell(t.logRank.test.p, .pValue)])
        case .continuous(let c):
            let df = c.welch.df.map { text($0, .decimal(1)) } ?? "–"
            rows.append(["difference in means", cell(c.difference.estimate, .signed(2)),
                         TableBlock.Cell(range(c.difference, share: false, difference: true)),
                         TableBlock.Cell("Welch t = " + text(c.welch.statistic, .decimal(2)) + ", df = " + df),
                         cell(c.welch.p, .pValue)])
            if showsStudentT {
                let studentDf = c.student.df.map { text($0, .decimal(0)) } ?? "–"
                rows.append(["", "", "", TableBlock.Cell("Student t = " + text(c.student.statistic, .decimal(2)) + ", df = " + studentDf),
                             cell(c.student.p, .pValue)])
            }
            let method = c.mannWhitney.method?.rawValue ?? ""
            rows.append(["shift (Hodges–Lehmann)", cell(c.hodgesLehmann.shift.estimate, .signed(2)),
                         TableBlock.Cell(range(c.hodgesLehmann.shift, share: false, difference: true)),
                         TableBlock.Cell("Mann–Whitney (\(method))"), cell(c.mannWhitney.p, .pValue)])
            rows.append(["Hedges' g", cell(c.hedgesG.estimate, .signed(2)),
                         TableBlock.Cell(range(c.hedgesG, share: false, difference: true)), "", ""])
        }
        return [table("Difference", ["pilot − \(comparisonName)", "estimate", "95 % CI", "test", "p"], rows, numeric: [1, 4])] + notes()
    }

    /// The comparison within each value of a column (gender, or `compare --by`).
    mutating func byGroup(_ caption: String, column: String, _ list: [(String, UnadjustedComparison)]) -> [Block] {
        var rows: [[TableBlock.Cell]] = []
        for (group, c) in list {
            let (pilot, line, d, p) = c.headline
            let difference = d.estimate.value == nil ? "–"
                : diff(d.estimate) + " (" + range(d, share: isShare, difference: true) + ")"
            rows.append([TableBlock.Cell(group, isRowHeader: true), cell(Self.count(pilot.n), .count), value(pilot.estimate),
                         cell(Self.count(line.n), .count), value(line.estimate), TableBlock.Cell(difference), cell(p, .pValue)])
        }
        return [table(caption,
                      [column, "pilot n", "pilot", "\(comparisonName) n", comparisonName, "difference (95 % CI)", "p"], rows,
                      numeric: [1, 2, 3, 4, 6])] + notes()
    }

    mutating func balance() -> [Block] {
        let b = result.balance
        guard !b.rows.isEmpty else {
            return [.paragraph("Balance: no covariates (age, gender, referral reason) are known")] + notes(b.notes)
        }
        var rows: [[TableBlock.Cell]] = []
        for r in b.rows {
            let binary = r.kind == .binary
            let show = { (f: Figure) -> FigureCell.Kind in binary ? .share(1) : .decimal(2) }
            rows.append([TableBlock.Cell(r.name, isRowHeader: true), cell(r.pilotMean, show(r.pilotMean)),
                         cell(r.comparisonMean, show(r.comparisonMean)),
                         cell(r.comparisonWeightedMean, show(r.comparisonWeightedMean)),
                         TableBlock.Cell(text(r.smdBefore, .signed(3)) + "  " + Self.flag(r.smdBefore)),
                         TableBlock.Cell(text(r.smdAfter, .signed(3)) + "  " + Self.flag(r.smdAfter))])
        }
        var blocks = [table("Balance (standardised mean differences; weights: ATT from the propensity model)",
                            ["covariate", "pilot", "line", "line weighted", "SMD before", "SMD after"], rows,
                            numeric: [1, 2, 3])]
        if b.effectiveComparisonN.value != nil {
            blocks.append(.paragraph(RichText("effective line n after weighting: " + text(b.effectiveComparisonN, .decimal(1)))))
        }
        return blocks + notes(b.notes)
    }

    /// DESIGN's SMD thresholds in a word (`CovariateBalance`: 0.1 and 0.25).
    static func flag(_ smd: Figure) -> String {
        guard let v = smd.value else { return "" }
        return abs(v) > 0.25 ? "serious" : abs(v) > 0.1 ? "imbalance" : "ok"
    }

    mutating func adjusted() -> [Block] {
        guard let a = result.adjusted else { return [] }
        let rows: [[TableBlock.Cell]] = [
            ["inverse probability weights (ATT)", value(a.pilotValue), value(a.comparisonWeightedValue),
             TableBlock.Cell(diff(a.ipwEstimate)), "–", "–"],
            ["regression adjustment (OLS, HC1)", "", "", TableBlock.Cell(diff(a.regression.estimate)),
             TableBlock.Cell(range(a.regression, share: isShare, difference: true)), cell(a.regressionP, .pValue)],
        ]
        return [table("Adjusted for age, gender and referral reason (\(a.measure))",
                      ["adjusted estimate", "pilot", "line", "pilot − line", "95 % CI", "p"], rows, numeric: [1, 2, 5])]
            + notes(a.notes)
    }

    mutating func did() -> [Block] {
        guard let d = result.did else { return [] }
        var title = "Difference-in-differences"
        if let area = d.treatedArea {
            let others = d.areas.filter { $0 != area }
            title += ": pilot area \(area) vs \(others.count) line area(s), 12-month periods from the pilot start"
        }
        var blocks: [Block] = [.paragraph(RichText(title))]
        guard let r = d.result, r.estimate.value != nil else {
            if let r = d.result { note(r.estimate) }
            return blocks + notes(d.notes)
        }
        let m = r.means
        blocks.append(table(nil, ["", "before the start", "after the start"], [
            ["pilot area", value(m.treatedBefore), value(m.treatedAfter)],
            ["line areas", value(m.comparisonBefore), value(m.comparisonAfter)],
        ], numeric: [1, 2]))
        var lines = ["DiD estimate (two-way fixed effects): " + diff(r.estimate)
                     + "; simple difference of the four means: " + diff(m.simpleDifference)]
        if let ri = r.randomisation {
            lines.append("randomisation over areas: rank " + (ri.rank.map { String($0) } ?? "–") + " of \(ri.units), p = "
                         + text(ri.p, .pValue) + " (smallest attainable 1/\(ri.units) = "
                         + text(Figure(ri.smallestAttainableP), .decimal(3)) + ")")
        }
        if let wb = r.wildBootstrap {
            lines.append("wild cluster bootstrap (\(wb.weights.rawValue), \(wb.clusters) clusters): cluster SE "
                         + text(wb.standardError, .decimal(3)) + ", p = " + text(wb.p, .pValue))
        }
        blocks.append(.paragraph(RichText(lines.joined(separator: "\n"))))
        if !r.eventStudy.isEmpty {
            var rows: [[TableBlock.Cell]] = []
            for e in r.eventStudy {
                rows.append([TableBlock.Cell(String(e.period)), TableBlock.Cell(e.isBefore ? "before the start" : "after"),
                             TableBlock.Cell(diff(e.estimate)),
                             cell(e.randomisation?.p ?? Figure(undefined: "no placebo areas to compare with"), .pValue)])
            }
            let ref = r.referencePeriod.map { String($0) } ?? "−1"
            blocks.append(table("Event study (each period against period \(ref); before the start, estimates near 0 support parallel trends)",
                                ["period", "when", "estimate", "p (randomisation)"], rows, numeric: [0, 2, 3]))
        }
        return blocks + notes(d.notes + (r.wildBootstrap?.notes ?? []))
    }

    /// A unit's permutation statistic in its unit: a difference of shares in percentage
    /// points, of Kaplan–Meier medians in days (a duration without a limit), else of means.
    mutating func statistic(_ f: Figure) -> TableBlock.Cell {
        if case .timeToEvent(let t) = unadjusted, t.limitDays == nil {
            guard let v = f.value else { return cell(f, .signed(0)) }
            return TableBlock.Cell(text(f, .signed(v == v.rounded() ? 0 : 1)) + " days")
        }
        return isShare ? TableBlock.Cell(diff(f)) : cell(f, .signed(3))
    }

    mutating func permutation() -> [Block] {
        guard let p = result.permutation else { return [] }
        var blocks: [Block] = [.paragraph(RichText("Permutation over units (statistic: \(p.statisticDescription))"))]
        if !p.rows.isEmpty {
            var rows: [[TableBlock.Cell]] = []
            for u in p.rows {
                rows.append([TableBlock.Cell(u.unit, isRowHeader: true), cell(Self.count(u.n), .count),
                             statistic(u.statistic)])
            }
            blocks.append(table(nil, ["unit", "n", "statistic"], rows, numeric: [1, 2]))
        }
        if let r = p.result, let rank = r.rank {
            blocks.append(.paragraph(RichText("pilot rank \(rank) of \(r.units): p = " + text(r.p, .pValue)
                                              + " (smallest attainable 1/\(r.units) = "
                                              + text(Figure(r.smallestAttainableP), .decimal(3)) + ")")))
        } else if let r = p.result {
            note(r.p)
        }
        return blocks + notes(p.notes)
    }

    func caveats() -> [Block] {
        guard !result.caveats.isEmpty else { return [] }
        return [.paragraph("Caveats"), .list(ListBlock(items: result.caveats.map { RichText($0.text) }))]
    }
}

extension UnadjustedComparison {
    /// Group labels: pilot's and comparison's.
    var labels: (pilot: String, comparison: String) {
        switch self {
        case .binary(let c): return (c.pilot.label, c.comparison.label)
        case .continuous(let c): return (c.pilot.label, c.comparison.label)
        case .timeToEvent(let t): return (t.pilot.label, t.comparison.label)
        }
    }

    /// What the by-gender table shows of a comparison: each group's n and estimate (share,
    /// share within the limit, or mean), the difference and the p of its main test.
    var headline: (pilot: (n: Int, estimate: Figure), line: (n: Int, estimate: Figure), difference: Estimate, p: Figure) {
        switch self {
        case .binary(let c):
            return ((c.pilot.n, c.pilot.proportion.estimate), (c.comparison.n, c.comparison.proportion.estimate),
                    c.difference, c.chiSquare.p)
        case .timeToEvent(let t):
            return ((t.pilot.curve.n, t.pilot.shareWithinLimit.estimate), (t.comparison.curve.n, t.comparison.shareWithinLimit.estimate),
                    t.difference, t.logRank.test.p)
        case .continuous(let c):
            return ((c.pilot.summary.n, c.pilot.summary.mean), (c.comparison.summary.n, c.comparison.summary.mean),
                    c.difference, c.welch.p)
        }
    }
}
