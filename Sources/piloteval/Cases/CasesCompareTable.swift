import Foundation

/// `cases compare --format table`: the comparison as a process leader reads it — a
/// short header, the two groups, the difference, the balance table, the design's own
/// part and the caveats as wrapped bullets. It is drawn from the JSON object the
/// command prints with `--format json` (parsed back), so every number is that JSON's
/// value, rounded: proportions and shares as percent with one decimal, differences of
/// shares in percentage points, means and SMDs to two or three decimals, p-values to
/// three decimals ("< 0.001" below). An undefined figure shows "–" and its note below.
enum CasesCompareTable {
    static func render(_ object: [String: Any]) -> String {
        var r = Renderer(object)
        return r.render()
    }

    /// Wraps `text` at `width` columns: `first` before the first line, `rest` before
    /// every further one.
    static func wrap(_ text: String, width: Int = 88, first: String = "* ", rest: String = "  ") -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let prefix = lines.isEmpty ? first : rest
            if !line.isEmpty, prefix.count + line.count + 1 + word.count > width {
                lines.append(prefix + line)
                line = String(word)
            } else {
                line += (line.isEmpty ? "" : " ") + word
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append((lines.isEmpty ? first : rest) + line) }
        return lines.joined(separator: "\n")
    }
}

private struct Renderer {
    let root: [String: Any]
    let kind: String
    /// Notes of undefined figures in the section being drawn, in order, once each.
    var pending: [String] = []

    init(_ root: [String: Any]) {
        self.root = root
        kind = root["kind"] as? String ?? ""
    }

    // MARK: Reading the JSON

    static func dict(_ o: Any?) -> [String: Any]? { o as? [String: Any] }

    /// A number, or nil for `null` (its note is collected for the section's notes).
    mutating func number(_ o: [String: Any]?, _ key: String) -> Double? {
        guard let o else { return nil }
        // No `is Bool` test: Foundation bridges the numbers 0 and 1 to Bool too, and no
        // key read here holds a Bool.
        if let n = o[key] as? NSNumber { return n.doubleValue }
        if let note = o[key + "_note"] as? String, !pending.contains(note) { pending.append(note) }
        return nil
    }

    func text(_ o: [String: Any]?, _ key: String) -> String? { o?[key] as? String }

    // MARK: Numbers as the table writes them

    static let dash = "–"

    static func fixed(_ x: Double?, _ decimals: Int) -> String {
        guard let x else { return dash }
        let s = String(format: "%.\(decimals)f", x)
        return s.hasPrefix("-") && Double(s) == 0 ? String(s.dropFirst()) : s
    }

    static func signed(_ x: Double?, _ decimals: Int) -> String {
        guard let x else { return dash }
        let s = fixed(x, decimals)
        return s.hasPrefix("-") || Double(s) == 0 ? s : "+" + s
    }

    static func percent(_ x: Double?) -> String { x.map { fixed(100 * $0, 1) + " %" } ?? dash }
    static func pp(_ x: Double?) -> String { x.map { signed(100 * $0, 1) + " pp" } ?? dash }
    /// The low end of a range whose high end carries the unit.
    static func ppBare(_ x: Double?) -> String { x.map { signed(100 * $0, 1) } ?? dash }

    static func p(_ x: Double?) -> String {
        guard let x else { return dash }
        return x < 0.001 ? "< 0.001" : fixed(x, 3)
    }

    static func range(_ lo: String, _ hi: String) -> String {
        lo == dash && hi == dash ? dash : lo + " – " + hi
    }

    /// Plain numbers: whole numbers as such, others with `decimals`.
    static func plain(_ x: Double?, _ decimals: Int = 2) -> String {
        guard let x else { return dash }
        return x == x.rounded() && abs(x) < 1e12 ? String(Int(x)) : fixed(x, decimals)
    }

    /// What the estimate of a group is, by outcome kind.
    var valueIsShare: Bool { kind == "binary" || kind == "time_to_event" }

    func value(_ x: Double?) -> String { valueIsShare ? Self.percent(x) : Self.fixed(x, 2) }
    func diff(_ x: Double?) -> String { valueIsShare ? Self.pp(x) : Self.signed(x, 2) }

    // MARK: Sections

    mutating func render() -> String {
        var parts = [header(), groups(), difference()]
        if let g = root["by_gender"] as? [[String: Any]] { parts.append(byGender(g)) }
        parts.append(balance())
        switch text(root, "design") {
        case "adjusted": parts.append(adjusted())
        case "did": parts.append(did())
        case "permutation": parts.append(permutation())
        default: break
        }
        parts.append(caveats())
        // Sections start with their blank line; no line ends in padding.
        return parts.joined().split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.reversed().drop { $0 == " " }.reversed()) }
            .joined(separator: "\n")
    }

    /// Pending notes as wrapped lines under a section, then cleared.
    mutating func flushNotes(_ extra: [String] = []) -> String {
        let all = pending + extra.filter { !pending.contains($0) }
        pending = []
        return all.map { CasesCompareTable.wrap($0, first: "  note: ", rest: "        ") + "\n" }.joined()
    }

    func header() -> String {
        let outcome = text(root, "outcome") ?? ""
        let what: String
        switch kind {
        case "binary": what = "0/1 outcome: share of cases with 1"
        case "continuous": what = "number: mean per case"
        case "time_to_event":
            let limit = (root["limit_days"] as? NSNumber).map { Self.plain($0.doubleValue) }
            what = "duration in days, open cases censored" + (limit.map { "; share within \($0) days" } ?? "")
        default: what = kind
        }
        let pilot = text(Self.dict(root["pilot"]), "label") ?? "pilot"
        let start = text(root, "pilot_start").map { " (pilot start \($0))" } ?? ""
        let rows = [
            ["outcome", "\(outcome) (\(what))"],
            ["model", "\(text(root, "model") ?? "") — pilot \(pilot) vs the line"],
            ["design", text(root, "design") ?? ""],
            ["extract date", (text(root, "extract_date") ?? "") + start],
        ]
        let width = rows.map { $0[0].count }.max() ?? 0
        return rows.map { $0[0].padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0[1] }.joined(separator: "\n") + "\n"
    }

    mutating func groups() -> String {
        let groups = [Self.dict(root["pilot"]), Self.dict(root["comparison"])]
        var rows: [[String]]
        switch kind {
        case "binary":
            rows = [["group", "n", "events", "share", "95 % CI (Wilson)"]]
            for g in groups {
                rows.append([text(g, "label") ?? "", Self.plain(number(g, "n")), Self.plain(number(g, "events")),
                             Self.percent(number(g, "proportion")),
                             Self.range(Self.fixed(number(g, "ci_low").map { 100 * $0 }, 1),
                                        Self.percent(number(g, "ci_high")))])
            }
        case "time_to_event":
            let limit = (root["limit_days"] as? NSNumber).map { Self.plain($0.doubleValue) } ?? "the limit"
            rows = [["group", "n", "events", "open (censored)", "median days (95 % CI)", "within \(limit) days (95 % CI)"]]
            for g in groups {
                let median = Self.plain(number(g, "median"))
                let mlo = Self.plain(number(g, "median_ci_low")), mhi = Self.plain(number(g, "median_ci_high"))
                let share = Self.percent(number(g, "share_within_limit"))
                let slo = Self.fixed(number(g, "share_ci_low").map { 100 * $0 }, 1)
                let shi = Self.percent(number(g, "share_ci_high"))
                rows.append([text(g, "label") ?? "", Self.plain(number(g, "n")), Self.plain(number(g, "events")),
                             Self.plain(number(g, "censored")), median + " (" + Self.range(mlo, mhi) + ")",
                             share + " (" + Self.range(slo, shi) + ")"])
            }
        default:
            rows = [["group", "n", "mean", "sd", "median", "q1 – q3"]]
            for g in groups {
                rows.append([text(g, "label") ?? "", Self.plain(number(g, "n")), Self.fixed(number(g, "mean"), 2),
                             Self.fixed(number(g, "sd"), 2), Self.plain(number(g, "median")),
                             Self.range(Self.plain(number(g, "q1")), Self.plain(number(g, "q3")))])
            }
        }
        let caption = kind == "time_to_event" ? "Groups (Kaplan–Meier; the median is the first day with S(t) ≤ 0.5)" : "Groups"
        return "\n" + caption + "\n" + TextTable.render(rows) + flushNotes()
    }

    mutating func difference() -> String {
        let d = Self.dict(root["difference"])
        var rows = [["pilot − line", "estimate", "95 % CI", "test", "p"]]
        switch kind {
        case "binary":
            let chi = Self.dict(root["chi_square"]), fisher = Self.dict(root["fisher"])
            rows.append(["difference in share (Newcombe)", Self.pp(number(d, "estimate")), ppRange(d),
                         "chi-square (Yates) = " + Self.fixed(number(chi, "statistic"), 2), Self.p(number(chi, "p"))])
            rows.append(["", "", "", "Fisher's exact test", Self.p(number(fisher, "p"))])
            for (key, name) in [("risk_ratio", "risk ratio"), ("odds_ratio", "odds ratio")] {
                let o = Self.dict(root[key])
                rows.append([name, Self.fixed(number(o, "estimate"), 2), ci(o, { Self.fixed($0, 2) }), "", ""])
            }
        case "time_to_event":
            let lr = Self.dict(root["log_rank"])
            rows.append(["difference in share within the limit", Self.pp(number(d, "estimate")), ppRange(d),
                         "log-rank chi-square = " + Self.fixed(number(lr, "statistic"), 2), Self.p(number(lr, "p"))])
        default:
            let welch = Self.dict(root["welch"]), mw = Self.dict(root["mann_whitney"])
            let hl = Self.dict(root["hodges_lehmann"]), g = Self.dict(root["hedges_g"])
            rows.append(["difference in means", Self.signed(number(d, "estimate"), 2), ci(d, { Self.signed($0, 2) }),
                         "Welch t = " + Self.fixed(number(welch, "t"), 2) + ", df = " + Self.fixed(number(welch, "df"), 1),
                         Self.p(number(welch, "p"))])
            rows.append(["shift (Hodges–Lehmann)", Self.signed(number(hl, "estimate"), 2), ci(hl, { Self.signed($0, 2) }),
                         "Mann–Whitney (\(text(mw, "method") ?? ""))", Self.p(number(mw, "p"))])
            rows.append(["Hedges' g", Self.signed(number(g, "estimate"), 2), ci(g, { Self.signed($0, 2) }), "", ""])
        }
        return "\nDifference\n" + TextTable.render(rows) + flushNotes()
    }

    /// "+4.6 – +20.9 pp" from an object's `ci_low`/`ci_high`.
    mutating func ppRange(_ o: [String: Any]?) -> String {
        let lo = number(o, "ci_low"), hi = number(o, "ci_high")
        return Self.range(Self.ppBare(lo), Self.pp(hi))
    }

    /// "low – high" of an object's `ci_low`/`ci_high`, each written by `f`.
    mutating func ci(_ o: [String: Any]?, _ f: (Double?) -> String) -> String {
        let lo = number(o, "ci_low"), hi = number(o, "ci_high")
        return Self.range(f(lo), f(hi))
    }

    mutating func byGender(_ list: [[String: Any]]) -> String {
        var rows = [["gender", "pilot n", "pilot", "line n", "line", "difference (95 % CI)", "p"]]
        for g in list {
            let pilot = Self.dict(g["pilot"]), line = Self.dict(g["comparison"]), d = Self.dict(g["difference"])
            let estimateKey = kind == "binary" ? "proportion" : kind == "time_to_event" ? "share_within_limit" : "mean"
            let pKey: (String, String) = kind == "binary" ? ("chi_square", "p") : kind == "time_to_event" ? ("log_rank", "p") : ("welch", "p")
            let estimate = number(d, "estimate"), lo = number(d, "ci_low"), hi = number(d, "ci_high")
            let difference = estimate == nil ? Self.dash
                : diff(estimate) + " (" + Self.range(valueIsShare ? Self.ppBare(lo) : diff(lo), diff(hi)) + ")"
            rows.append([text(g, "gender") ?? "", Self.plain(number(pilot, "n")), value(number(pilot, estimateKey)),
                         Self.plain(number(line, "n")), value(number(line, estimateKey)),
                         difference,
                         Self.p(number(Self.dict(g[pKey.0]), pKey.1))])
        }
        return "\nBy gender (pilot − line within each)\n" + TextTable.render(rows) + flushNotes()
    }

    mutating func balance() -> String {
        let b = Self.dict(root["balance"])
        let covariates = (b?["covariates"] as? [[String: Any]]) ?? []
        guard !covariates.isEmpty else {
            return "\nBalance: no covariates (age, gender, referral reason) are known\n" + flushNotes((b?["notes"] as? [String]) ?? [])
        }
        var rows = [["covariate", "pilot", "line", "line weighted", "SMD before", "SMD after"]]
        for c in covariates {
            let binary = text(c, "kind") == "binary"
            let show = { (x: Double?) in binary ? Self.percent(x) : Self.fixed(x, 2) }
            rows.append([text(c, "name") ?? "", show(number(c, "pilot_mean")), show(number(c, "comparison_mean")),
                         show(number(c, "comparison_weighted_mean")),
                         Self.signed(number(c, "smd_before"), 3) + "  " + Self.flag(text(c, "flag_before")),
                         Self.signed(number(c, "smd_after"), 3) + "  " + Self.flag(text(c, "flag_after"))])
        }
        let ess = number(b, "effective_n_comparison")
        var out = "\nBalance (standardised mean differences; weights: ATT from the propensity model)\n" + TextTable.render(rows)
        if let ess { out += "effective line n after weighting: " + Self.fixed(ess, 1) + "\n" }
        return out + flushNotes((b?["notes"] as? [String]) ?? [])
    }

    /// "imbalance (> 0.1)" → "imbalance"; "ok" stays.
    static func flag(_ f: String?) -> String {
        guard let f else { return "" }
        return f.components(separatedBy: " (").first ?? f
    }

    mutating func adjusted() -> String {
        guard let a = Self.dict(root["adjusted"]) else { return "" }
        let reg = Self.dict(a["regression"])
        let measure = text(a, "measure") ?? ""
        var rows = [["adjusted estimate", "pilot", "line", "pilot − line", "95 % CI", "p"]]
        rows.append(["inverse probability weights (ATT)", value(number(a, "pilot")), value(number(a, "comparison_weighted")),
                     diff(number(a, "estimate")), Self.dash, Self.dash])
        rows.append(["regression adjustment (OLS, \(text(reg, "standard_errors") ?? "HC1"))", "", "",
                     diff(number(reg, "estimate")), valueIsShare ? ppRange(reg) : ci(reg, { Self.signed($0, 2) }),
                     Self.p(number(reg, "p"))])
        // The effective line n is the balance table's (the same weights).
        _ = number(a, "effective_n_comparison")
        return "\nAdjusted for age, gender and referral reason (\(measure))\n" + TextTable.render(rows)
            + flushNotes((a["notes"] as? [String]) ?? [])
    }

    mutating func did() -> String {
        guard let d = Self.dict(root["did"]) else { return "" }
        var out = "\nDifference-in-differences"
        if let area = text(d, "treated_area") {
            let others = (d["comparison_areas"] as? [String]) ?? []
            out += ": pilot area \(area) vs \(others.count) line area(s), 12-month periods from the pilot start"
        }
        out += "\n"
        guard let estimate = number(d, "estimate") else { return out + flushNotes((d["notes"] as? [String]) ?? []) }
        let m = Self.dict(d["means"])
        var rows = [["", "before the start", "after the start"]]
        rows.append(["pilot area", value(number(m, "pilot_area_before")), value(number(m, "pilot_area_after"))])
        rows.append(["line areas", value(number(m, "comparison_before")), value(number(m, "comparison_after"))])
        out += TextTable.render(rows)
        out += "DiD estimate (two-way fixed effects): " + diff(estimate)
        out += "; simple difference of the four means: " + diff(number(m, "simple_difference")) + "\n"
        if let ri = Self.dict(d["randomisation"]) {
            out += "randomisation over areas: rank " + Self.plain(number(ri, "rank")) + " of " + Self.plain(number(ri, "units"))
                + ", p = " + Self.p(number(ri, "p")) + " (smallest attainable 1/" + Self.plain(number(ri, "units"))
                + " = " + Self.fixed(number(ri, "smallest_attainable_p"), 3) + ")\n"
        } else {
            _ = number(d, "randomisation")
        }
        if let wb = Self.dict(d["wild_cluster_bootstrap"]) {
            out += "wild cluster bootstrap (" + (text(wb, "weights") ?? "") + ", " + Self.plain(number(wb, "clusters"))
                + " clusters): cluster SE " + Self.fixed(number(wb, "cluster_se"), 3) + ", p = " + Self.p(number(wb, "p")) + "\n"
        }
        if let es = d["event_study"] as? [[String: Any]], !es.isEmpty {
            var rows = [["period", "when", "estimate", "p (randomisation)"]]
            for e in es {
                let period = Self.plain(number(e, "period"))
                rows.append([period, (e["before_start"] as? Bool) == true ? "before the start" : "after",
                             diff(number(e, "estimate")), Self.p(number(e, "p"))])
            }
            let ref = number(d, "reference_period").map { Self.plain($0) } ?? "−1"
            out += "\nEvent study (each period against period \(ref); before the start, estimates near 0 support parallel trends)\n"
                + TextTable.render(rows)
        }
        let bootstrapNotes = (Self.dict(d["wild_cluster_bootstrap"])?["notes"] as? [String]) ?? []
        return out + flushNotes(((d["notes"] as? [String]) ?? []) + bootstrapNotes)
    }

    mutating func permutation() -> String {
        guard let p = Self.dict(root["permutation"]) else { return "" }
        var out = "\nPermutation over units (statistic: \(text(p, "statistic") ?? ""))\n"
        if let units = p["unit_statistics"] as? [[String: Any]], !units.isEmpty {
            var rows = [["unit", "n", "statistic"]]
            for u in units {
                rows.append([text(u, "unit") ?? "", Self.plain(number(u, "n")),
                             valueIsShare ? Self.pp(number(u, "statistic")) : Self.signed(number(u, "statistic"), 3)])
            }
            out += TextTable.render(rows)
        }
        if let rank = number(p, "rank") {
            out += "pilot rank " + Self.plain(rank) + " of " + Self.plain(number(p, "units")) + ": p = " + Self.p(number(p, "p"))
                + " (smallest attainable 1/" + Self.plain(number(p, "units")) + " = "
                + Self.fixed(number(p, "smallest_attainable_p"), 3) + ")\n"
        } else {
            _ = number(p, "p")
        }
        return out + flushNotes((p["notes"] as? [String]) ?? [])
    }

    func caveats() -> String {
        let list = (root["caveats"] as? [[String: Any]])?.compactMap { $0["text"] as? String } ?? []
        guard !list.isEmpty else { return "" }
        return "\nCaveats\n" + list.map { CasesCompareTable.wrap($0) }.joined(separator: "\n") + "\n"
    }
}
