import Evaluation
import Foundation
import LogicModel
import Statistics

/// Terminal tables and CSV for the readiness results. Both are drawn from the result
/// values, never recomputed, so they say what the JSON says.
enum ReadinessTables {
    // MARK: Numbers

    static func num(_ f: Figure, _ digits: Int = 2) -> String {
        guard let v = f.value else { return "—" }
        return String(format: "%.\(digits)f", v)
    }

    static func pct(_ f: Figure) -> String {
        guard let v = f.value else { return "—" }
        return String(format: "%.0f %%", v * 100)
    }

    static func ci(_ low: Figure, _ high: Figure, _ digits: Int = 2) -> String {
        guard low.isDefined, high.isDefined else { return "—" }
        return "\(num(low, digits)) – \(num(high, digits))"
    }

    /// "p = 0.021" or "p < 0.001", for running text.
    static func pEq(_ f: Figure, _ label: String = "p") -> String {
        guard let v = f.value else { return "\(label) —" }
        return v < 0.001 ? "\(label) < 0.001" : "\(label) = " + String(format: "%.3f", v)
    }

    static func p(_ f: Figure) -> String {
        guard let v = f.value else { return "—" }
        return v < 0.001 ? "<0.001" : String(format: "%.3f", v)
    }

    static func count(_ n: Int?, suppressed: Bool, minGroup: Int) -> String {
        if let n { return String(n) }
        return suppressed ? "<\(minGroup)" : "—"
    }

    // MARK: Summary

    static func summary(_ s: ReadinessSummary, instrument: Instrument) -> String {
        var out = "Readiness — \(s.instrument), wave \(s.wave)"
        out += s.aggregated ? " (AGGREGATED: unit means only, no SD, CI or tests)\n\n" : " (respondent-level)\n\n"
        for u in s.units {
            var title = u.n == nil && !u.suppressed ? "\(u.unit)  (n not given by the source)"
                : "\(u.unit)  n = \(count(u.n, suppressed: u.suppressed, minGroup: s.minGroup))"
            if let r = u.rwgJ.value { title += "  r_wg(J) = \(String(format: "%.2f", r)) (\(ReadinessVerdict.agreementLevel(r)))" }
            out += title + "\n"
            if u.suppressed {
                out += "  suppressed: fewer than \(s.minGroup) respondents\n\n"
                continue
            }
            var rows = [["item", "n", "mean", "sd", "95 % CI", "agree", "distribution " + instrument.scale.points.map(String.init).joined(separator: " ")]]
            for i in u.items {
                let dist = i.distribution.map { $0.map(String.init).joined(separator: " ") } ?? "—"
                rows.append([i.item + (i.reverse ? " (R)" : ""), count(i.n, suppressed: false, minGroup: s.minGroup),
                             num(i.mean), num(i.sd), ci(i.ciLow, i.ciHigh), pct(i.agreeShare), dist])
            }
            for sc in u.scales {
                rows.append(["scale: " + sc.scale, count(sc.n, suppressed: false, minGroup: s.minGroup),
                             num(sc.mean), num(sc.sd), ci(sc.ciLow, sc.ciHigh), "", ""])
            }
            out += indent(TextTable.render(rows)) + "\n"
        }
        let r = s.reliability
        if s.aggregated {
            out += "Reliability and agreement: not available (aggregated wave: unit means only)\n"
        } else {
            out += "Reliability (Cronbach's alpha, Feldt 95 % CI), all \(r.items) items: \(num(r.alpha)) (\(ci(r.ciLow, r.ciHigh))), \(r.respondents) complete responses"
            out += r.excluded > 0 ? ", \(r.excluded) with a blank left out\n" : "\n"
            if r.alpha.value == nil, let note = r.alpha.note { out += "  \(note)\n" }
            for sub in r.subscales {
                out += "  \(sub.scale) (\(sub.items) items): \(num(sub.alpha)) (\(ci(sub.ciLow, sub.ciHigh))), \(sub.respondents) complete\n"
            }
            let a = s.aggregation
            out += "Aggregation (\(a.score) score by unit): ICC(1) = \(num(a.icc1, 3)), ICC(2) = \(num(a.icc2, 3)); F = \(num(a.f)), \(pEq(a.p)); \(a.units) units, \(a.respondents) respondents\n"
        }
        out += "Verdict: " + s.aggregation.verdict.en + "\n"
        for note in s.notes { out += "note: " + note + "\n" }
        return out
    }

    static func summaryCSV(_ s: ReadinessSummary, dialect: CSVText.Dialect = .rfc4180) -> String {
        var rows = [["instrument", "wave", "aggregated", "unit", "unit_n", "suppressed", "kind", "key", "n", "mean", "sd",
                     "ci_low", "ci_high", "agree_share", "rwg_j"]]
        for u in s.units {
            let base = [s.instrument, s.wave, String(s.aggregated), u.unit, u.n.map(String.init) ?? "", String(u.suppressed)]
            if u.suppressed { rows.append(base + ["unit", "", "", "", "", "", "", "", ""]); continue }
            for i in u.items {
                rows.append(base + ["item", i.item, i.n.map(String.init) ?? "", csv(i.mean), csv(i.sd), csv(i.ciLow),
                                    csv(i.ciHigh), csv(i.agreeShare), csv(u.rwgJ)])
            }
            for sc in u.scales {
                rows.append(base + ["scale", sc.scale, sc.n.map(String.init) ?? "", csv(sc.mean), csv(sc.sd), csv(sc.ciLow),
                                    csv(sc.ciHigh), "", csv(u.rwgJ)])
            }
        }
        return CSVText.render(rows, dialect: dialect)
    }

    // MARK: Trend

    static func trend(_ t: ReadinessTrend, scalesOnly: Bool) -> String {
        var out = "Readiness trend — \(t.instrument): waves " + t.waves.map { $0.wave + ($0.aggregated ? " (aggregated)" : "") }.joined(separator: ", ") + "\n\n"
        var rows = [["unit", "measure"] + t.waves.map(\.wave) + ["change (last)", "95 % CI", "p", "p adj.", "method"]]
        for s in t.series where !scalesOnly || s.kind == "scale" {
            let cells = s.points.map { pt -> String in
                if pt.suppressed { return "<\(t.minGroup)" }
                return num(pt.mean) + (pt.aggregated ? "*" : "")
            }
            let last = s.changes.last
            rows.append([s.unit, (s.kind == "scale" ? "scale: " : "") + s.key] + cells + [
                last.map { signed($0.difference) } ?? "—", last.map { ci($0.ciLow, $0.ciHigh) } ?? "—",
                last.map { p($0.p) } ?? "—", last.map { p($0.pAdjusted) } ?? "—", last?.method ?? "—"])
        }
        out += TextTable.render(rows)
        out += "\n* aggregated wave: unit mean as reported, no CI or test\n"
        out += t.correctionNote + "\n"
        for note in t.notes { out += "note: " + note + "\n" }
        return out
    }

    static func trendCSV(_ t: ReadinessTrend, dialect: CSVText.Dialect = .rfc4180) -> String {
        var rows = [["instrument", "unit", "kind", "key", "wave", "aggregated", "n", "suppressed", "mean", "ci_low", "ci_high",
                     "change_from", "change", "change_ci_low", "change_ci_high", "t", "df", "p", "p_adjusted", "method"]]
        for s in t.series {
            for (k, pt) in s.points.enumerated() {
                var row = [t.instrument, s.unit, s.kind, s.key, pt.wave, String(pt.aggregated), pt.n.map(String.init) ?? "",
                           String(pt.suppressed), csv(pt.mean), csv(pt.ciLow), csv(pt.ciHigh)]
                if k > 0 {
                    let c = s.changes[k - 1]
                    row += [c.from, csv(c.difference), csv(c.ciLow), csv(c.ciHigh), csv(c.t), csv(c.df), csv(c.p), csv(c.pAdjusted), c.method]
                } else {
                    row += Array(repeating: "", count: 9)
                }
                rows.append(row)
            }
        }
        return CSVText.render(rows, dialect: dialect)
    }

    // MARK: Gaps

    static func gaps(_ g: ReadinessGaps) -> String {
        var out = "Readiness gaps — \(g.instrument), wave \(g.wave)" + (g.aggregated ? " (AGGREGATED: descriptive only)" : "") + "\n\n"
        out += "Between items, within each unit (a − b, paired over respondents who answered both):\n"
        var rows = [["unit", "item a", "item b", "n", "mean a", "mean b", "a − b", "95 % CI", "t", "p", "p adj.", "d_z"]]
        for x in g.withinUnits {
            rows.append([x.unit, x.itemA, x.itemB, x.n.map(String.init) ?? "—", num(x.meanA), num(x.meanB), signed(x.difference),
                         ci(x.ciLow, x.ciHigh), num(x.t), p(x.p), p(x.pAdjusted), num(x.dz)])
        }
        if g.withinUnits.isEmpty {
            out += "  (none: name at least two items with --items, or leave it out for every pair)\n"
        } else {
            out += indent(TextTable.render(rows))
            if !g.aggregated { out += "  " + g.withinUnitsCorrection + "\n" }
        }
        out += "\nBetween units, per item:\n"
        for b in g.betweenUnits {
            out += "  \(b.item): " + b.units.map { "\($0.unit) \(num($0.mean)) (n = \($0.n.map(String.init) ?? "—"))" }.joined(separator: "; ")
            out += "; range \(num(b.range))\n"
            if !g.aggregated {
                out += "    Welch ANOVA F(\(num(b.welchDf1, 0)), \(num(b.welchDf2, 1))) = \(num(b.welchF)), \(pEq(b.welchP)), \(pEq(b.welchPAdjusted, "adj.")); "
                out += "one-way F(\(num(b.anovaDf1, 0)), \(num(b.anovaDf2, 0))) = \(num(b.anovaF)), \(pEq(b.anovaP)); η² = \(num(b.etaSquared, 3)), ω² = \(num(b.omegaSquared, 3))\n"
            }
            for pair in b.pairwise {
                out += "    \(pair.unitA) − \(pair.unitB): \(signed(pair.difference))"
                if !g.aggregated { out += " (\(ci(pair.ciLow, pair.ciHigh))), \(pEq(pair.p)), \(pEq(pair.pAdjusted, "adj."))" }
                out += "\n"
            }
        }
        if !g.aggregated {
            out += "  " + g.betweenUnitsCorrection + "\n  " + g.pairwiseCorrection + "\n"
        }
        for note in g.notes { out += "note: " + note + "\n" }
        return out
    }

    static func gapsCSV(_ g: ReadinessGaps, dialect: CSVText.Dialect = .rfc4180) -> String {
        var rows = [["instrument", "wave", "comparison", "unit_or_item", "a", "b", "n", "mean_a", "mean_b", "difference",
                     "ci_low", "ci_high", "statistic", "df", "p", "p_adjusted", "effect_size", "effect"]]
        for x in g.withinUnits {
            rows.append([g.instrument, g.wave, "items_within_unit", x.unit, x.itemA, x.itemB, x.n.map(String.init) ?? "",
                         csv(x.meanA), csv(x.meanB), csv(x.difference), csv(x.ciLow), csv(x.ciHigh), csv(x.t), csv(x.df),
                         csv(x.p), csv(x.pAdjusted), csv(x.dz), "d_z"])
        }
        for b in g.betweenUnits {
            rows.append([g.instrument, g.wave, "units_welch_anova", b.item, "", "", String(b.units.compactMap(\.n).reduce(0, +)),
                         "", "", csv(b.range), "", "", csv(b.welchF), csv(b.welchDf2), csv(b.welchP), csv(b.welchPAdjusted),
                         csv(b.etaSquared), "eta_squared"])
            for pair in b.pairwise {
                rows.append([g.instrument, g.wave, "units_pairwise_welch", b.item, pair.unitA, pair.unitB, "", "", "",
                             csv(pair.difference), csv(pair.ciLow), csv(pair.ciHigh), csv(pair.t), csv(pair.df), csv(pair.p),
                             csv(pair.pAdjusted), "", ""])
            }
        }
        return CSVText.render(rows, dialect: dialect)
    }

    // MARK: Helpers

    static func signed(_ f: Figure) -> String {
        guard let v = f.value else { return "—" }
        return (v > 0 ? "+" : "") + String(format: "%.2f", v)
    }

    /// Full precision, `.` decimals, blank when undefined (RFC 4180 CSV for machines).
    static func csv(_ f: Figure) -> String {
        guard let v = f.value else { return "" }
        return "\(v)"
    }

    static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
    }
}

/// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF.
