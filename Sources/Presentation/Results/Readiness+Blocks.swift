import Evaluation
import LogicModel
import Statistics

/// The readiness results as blocks: the analyst's terminal view of a wave's summary,
/// the trend over waves and the gaps between items and units. Means to two decimals,
/// shares in whole percent, p-values to three decimals; a withheld unit shows its
/// band ("<5"), never its figures.
extension ReadinessSummary {
    public func blocks(style: NumberStyle, scale: [Int]) -> [Block] {
        let f = ReadinessFigures(style: style)
        var blocks: [Block] = [.paragraph(RichText("Readiness — \(instrument), wave \(wave)"
            + (aggregated ? " (AGGREGATED: unit means only, no SD, CI or tests)" : " (respondent-level)")))]
        for u in units {
            var title = u.n == nil && !u.suppressed ? "\(u.unit)  (n not given by the source)"
                : "\(u.unit)  n = " + f.count(u.n, suppressed: u.suppressed, minGroup: minGroup)
            if let r = u.rwgJ.value {
                title += "  r_wg(J) = " + f.text(u.rwgJ, .decimal(2)) + " (\(ReadinessVerdict.agreementLevel(r)))"
            }
            blocks.append(.heading(level: 2, text: title))
            if u.suppressed {
                blocks.append(.paragraph(RichText("suppressed: fewer than \(minGroup) respondents")))
                continue
            }
            var rows: [[TableBlock.Cell]] = []
            for i in u.items {
                let distribution = i.distribution.map { $0.map(String.init).joined(separator: " ") } ?? "–"
                rows.append([TableBlock.Cell(i.item + (i.reverse ? " (R)" : ""), isRowHeader: true),
                             TableBlock.Cell(f.count(i.n, suppressed: false, minGroup: minGroup)),
                             f.cell(i.mean, .decimal(2)), f.cell(i.sd, .decimal(2)),
                             TableBlock.Cell(f.range(i.ciLow, i.ciHigh)), f.cell(i.agreeShare, .share(0)),
                             TableBlock.Cell(distribution)])
            }
            for sc in u.scales {
                rows.append([TableBlock.Cell("scale: " + sc.scale, isRowHeader: true),
                             TableBlock.Cell(f.count(sc.n, suppressed: false, minGroup: minGroup)),
                             f.cell(sc.mean, .decimal(2)), f.cell(sc.sd, .decimal(2)),
                             TableBlock.Cell(f.range(sc.ciLow, sc.ciHigh)), "", ""])
            }
            let header = ["item", "n", "mean", "sd", "95 % CI", "agree", "distribution " + scale.map(String.init).joined(separator: " ")]
            blocks.append(.table(TableBlock(header: [header.map { TableBlock.Cell($0) }], rows: rows,
                                            alignments: [.left, .right, .right, .right, .left, .right, .left])))
        }
        var lines: [String] = []
        let r = reliability
        if aggregated {
            lines.append("Reliability and agreement: not available (aggregated wave: unit means only)")
        } else {
            lines.append("Reliability (Cronbach's alpha, Feldt 95 % CI), all \(r.items) items: " + f.text(r.alpha, .decimal(2))
                         + " (" + f.range(r.ciLow, r.ciHigh) + "), \(r.respondents) complete responses"
                         + (r.excluded > 0 ? ", \(r.excluded) with a blank left out" : ""))
            if r.alpha.value == nil, let note = r.alpha.note { lines.append("  " + note) }
            for sub in r.subscales {
                lines.append("  \(sub.scale) (\(sub.items) items): " + f.text(sub.alpha, .decimal(2)) + " ("
                             + f.range(sub.ciLow, sub.ciHigh) + "), \(sub.respondents) complete")
            }
            let a = aggregation
            lines.append("Aggregation (\(a.score) score by unit): ICC(1) = " + f.text(a.icc1, .decimal(3)) + ", ICC(2) = "
                         + f.text(a.icc2, .decimal(3)) + "; F = " + f.text(a.f, .decimal(2)) + ", " + f.pEquals(a.p)
                         + "; \(a.units) units, \(a.respondents) respondents")
        }
        lines.append("Verdict: " + aggregation.verdict.en)
        lines += notes.map { "note: " + $0 }
        blocks.append(.paragraph(RichText(lines.joined(separator: "\n"))))
        return blocks
    }
}

extension ReadinessTrend {
    public func blocks(style: NumberStyle, scalesOnly: Bool) -> [Block] {
        let f = ReadinessFigures(style: style)
        var blocks: [Block] = [.paragraph(RichText("Readiness trend — \(instrument): waves "
            + waves.map { $0.wave + ($0.aggregated ? " (aggregated)" : "") }.joined(separator: ", ")))]
        var rows: [[TableBlock.Cell]] = []
        for s in series where !scalesOnly || s.kind == "scale" {
            let cells = s.points.map { pt -> TableBlock.Cell in
                if pt.suppressed { return TableBlock.Cell("<" + style.integer(minGroup)) }
                return TableBlock.Cell(f.text(pt.mean, .decimal(2)) + (pt.aggregated ? "*" : ""))
            }
            let last = s.changes.last
            rows.append([TableBlock.Cell(s.unit, isRowHeader: true), TableBlock.Cell((s.kind == "scale" ? "scale: " : "") + s.key)]
                        + cells
                        + [last.map { f.cell($0.difference, .signed(2)) } ?? "–",
                           TableBlock.Cell(last.map { f.range($0.ciLow, $0.ciHigh) } ?? "–"),
                           last.map { f.cell($0.p, .pValue) } ?? "–", last.map { f.cell($0.pAdjusted, .pValue) } ?? "–",
                           TableBlock.Cell(last?.method ?? "–")])
        }
        let header = ["unit", "measure"] + waves.map(\.wave) + ["change (last)", "95 % CI", "p", "p adj.", "method"]
        let numeric = Set(2..<(2 + waves.count)).union([2 + waves.count, 4 + waves.count, 5 + waves.count])
        blocks.append(.table(TableBlock(header: [header.map { TableBlock.Cell($0) }], rows: rows,
                                        alignments: header.indices.map { numeric.contains($0) ? .right : .left })))
        blocks.append(.paragraph(RichText((["* aggregated wave: unit mean as reported, no CI or test", correctionNote]
                                           + notes.map { "note: " + $0 }).joined(separator: "\n"))))
        return blocks
    }
}

extension ReadinessGaps {
    public func blocks(style: NumberStyle) -> [Block] {
        let f = ReadinessFigures(style: style)
        var blocks: [Block] = [.paragraph(RichText("Readiness gaps — \(instrument), wave \(wave)"
            + (aggregated ? " (AGGREGATED: descriptive only)" : "")))]
        blocks.append(.paragraph("Between items, within each unit (a − b, paired over respondents who answered both):"))
        if withinUnits.isEmpty {
            blocks.append(.paragraph("(none: name at least two items with --items, or leave it out for every pair)"))
        } else {
            let rows: [[TableBlock.Cell]] = withinUnits.map { x in
                [TableBlock.Cell(x.unit, isRowHeader: true), TableBlock.Cell(x.itemA), TableBlock.Cell(x.itemB),
                 TableBlock.Cell(x.n.map { style.integer($0) } ?? "–"), f.cell(x.meanA, .decimal(2)), f.cell(x.meanB, .decimal(2)),
                 f.cell(x.difference, .signed(2)), TableBlock.Cell(f.range(x.ciLow, x.ciHigh)), f.cell(x.t, .decimal(2)),
                 f.cell(x.p, .pValue), f.cell(x.pAdjusted, .pValue), f.cell(x.dz, .decimal(2))]
            }
            let header = ["unit", "item a", "item b", "n", "mean a", "mean b", "a − b", "95 % CI", "t", "p", "p adj.", "d_z"]
            blocks.append(.table(TableBlock(header: [header.map { TableBlock.Cell($0) }], rows: rows,
                                            alignments: header.indices.map { [3, 4, 5, 6, 8, 9, 10, 11].contains($0) ? .right : .left })))
            if !aggregated { blocks.append(.paragraph(RichText(withinUnitsCorrection))) }
        }
        var lines = ["Between units, per item:"]
        for b in betweenUnits {
            lines.append("  \(b.item): " + b.units.map { "\($0.unit) " + f.text($0.mean, .decimal(2)) + " (n = "
                + ($0.n.map { style.integer($0) } ?? "–") + ")" }.joined(separator: "; ") + "; range " + f.text(b.range, .decimal(2)))
            if !aggregated {
                lines.append("    Welch ANOVA F(" + f.text(b.welchDf1, .decimal(0)) + ", " + f.text(b.welchDf2, .decimal(1)) + ") = "
                             + f.text(b.welchF, .decimal(2)) + ", " + f.pEquals(b.welchP) + ", " + f.pEquals(b.welchPAdjusted, "adj.")
                             + "; one-way F(" + f.text(b.anovaDf1, .decimal(0)) + ", " + f.text(b.anovaDf2, .decimal(0)) + ") = "
                             + f.text(b.anovaF, .decimal(2)) + ", " + f.pEquals(b.anovaP) + "; η² = " + f.text(b.etaSquared, .decimal(3))
                             + ", ω² = " + f.text(b.omegaSquared, .decimal(3)))
            }
            for pair in b.pairwise {
                var line = "    \(pair.unitA) − \(pair.unitB): " + f.text(pair.difference, .signed(2))
                if !aggregated {
                    line += " (" + f.range(pair.ciLow, pair.ciHigh) + "), " + f.pEquals(pair.p) + ", " + f.pEquals(pair.pAdjusted, "adj.")
                }
                lines.append(line)
            }
        }
        if !aggregated { lines += ["  " + betweenUnitsCorrection, "  " + pairwiseCorrection] }
        lines += notes.map { "note: " + $0 }
        blocks.append(.paragraph(RichText(lines.joined(separator: "\n"))))
        return blocks
    }
}

/// The few ways the readiness views write a figure, all through `NumberStyle`.
private struct ReadinessFigures {
    let style: NumberStyle

    func cell(_ f: Figure, _ kind: FigureCell.Kind) -> TableBlock.Cell { TableBlock.Cell(FigureCell(f, kind), style: style) }

    func text(_ f: Figure, _ kind: FigureCell.Kind) -> String { style.text(FigureCell(f, kind)) }

    /// "low – high" to two decimals, or "–" when either end is undefined.
    func range(_ low: Figure, _ high: Figure) -> String {
        guard low.isDefined, high.isDefined else { return "–" }
        return text(low, .decimal(2)) + " – " + text(high, .decimal(2))
    }

    /// "p = 0.021" or "p < 0.001", for running text.
    func pEquals(_ f: Figure, _ label: String = "p") -> String {
        guard let v = f.value else { return label + " –" }
        return v < 0.001 ? label + " < " + style.decimal(0.001, decimals: 3) : label + " = " + style.decimal(v, decimals: 3)
    }

    /// A respondent count, its band when withheld ("<5"), or "–" when the source gave none.
    func count(_ n: Int?, suppressed: Bool, minGroup: Int) -> String {
        if let n { return style.integer(n) }
        return suppressed ? "<" + style.integer(minGroup) : "–"
    }
}
