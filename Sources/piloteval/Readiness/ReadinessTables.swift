import Evaluation
import Foundation
import LogicModel
import Presentation
import Statistics

/// Terminal tables and CSV for the readiness results. Both are drawn from the result
/// values, never recomputed, so they say what the JSON says: the tables as the results'
/// blocks (Presentation/Results/Readiness+Blocks.swift), the CSV one row per figure.
enum ReadinessTables {
    // MARK: Summary

    /// The terminal view: the result's blocks (Presentation) through the plain-text writer.
    static func summary(_ s: ReadinessSummary, instrument: Instrument) -> String {
        PlainTextWriter().render(s.blocks(style: .terminal, scale: instrument.scale.points))
    }

    static func summaryCSV(_ s: ReadinessSummary, dialect: CSVText.Dialect = .rfc4180) -> String {
        CSVText.render(summaryRows(s), dialect: dialect)
    }

    /// The rows of `--format csv` and `--format xlsx` (header first).
    static func summaryRows(_ s: ReadinessSummary) -> [[String]] {
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
        return rows
    }

    // MARK: Trend

    static func trend(_ t: ReadinessTrend, scalesOnly: Bool) -> String {
        PlainTextWriter().render(t.blocks(style: .terminal, scalesOnly: scalesOnly))
    }

    static func trendCSV(_ t: ReadinessTrend, dialect: CSVText.Dialect = .rfc4180) -> String {
        CSVText.render(trendRows(t), dialect: dialect)
    }

    /// The rows of `--format csv` and `--format xlsx` (header first).
    static func trendRows(_ t: ReadinessTrend) -> [[String]] {
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
        return rows
    }

    // MARK: Gaps

    static func gaps(_ g: ReadinessGaps) -> String {
        PlainTextWriter().render(g.blocks(style: .terminal))
    }

    static func gapsCSV(_ g: ReadinessGaps, dialect: CSVText.Dialect = .rfc4180) -> String {
        CSVText.render(gapsRows(g), dialect: dialect)
    }

    /// The rows of `--format csv` and `--format xlsx` (header first).
    static func gapsRows(_ g: ReadinessGaps) -> [[String]] {
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
        return rows
    }

    // MARK: Helpers

    /// Full precision, `.` decimals, blank when undefined (RFC 4180 CSV for machines).
    static func csv(_ f: Figure) -> String {
        guard let v = f.value else { return "" }
        return "\(v)"
    }
}

/// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF.
