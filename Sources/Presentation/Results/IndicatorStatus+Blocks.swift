import Evaluation
import LogicModel
import Statistics

/// `indicators status` and `indicators trend` as blocks: the analyst's view of the
/// result values (the terminal's `--format table`), with every figure typed and written
/// by `NumberStyle`. The steering group's view of the same values is the report's
/// indicator section.
extension IndicatorStatusReport {
    public func blocks(style: NumberStyle) -> [Block] {
        var blocks: [Block] = [
            .paragraph(RichText("\(model)" + (modelVersion.map { " (version \($0))" } ?? "") + " — \(modelName)")),
            .paragraph(RichText("period \(period)" + (indicators.contains(where: \.interim) ? " (interim readings of year targets)" : ""))),
        ]
        // A survey value's groups are the survey's units: listed under the table, not as columns.
        let groups = breakdownOrder(Set(indicators.filter { $0.valueSource?.total == nil }.flatMap { $0.groups.keys }))
        // Where each value came from, shown once any value is computed from a `data:`
        // binding (a table of typed-in values only reads as before).
        let anyComputed = indicators.contains { $0.valueSource != nil }
        var rows: [[TableBlock.Cell]] = []
        for i in indicators {
            // A computed mean or median is no figure as written: one decimal, as from counts.
            // (A computed count — a sum of a measure's points — is whole and written as such.)
            let computedValue: Bool? = i.valueSource != nil && i.unit != .count ? true : nil
            var row: [TableBlock.Cell] = [TableBlock.Cell(i.id, isRowHeader: true), TableBlock.Cell(IndicatorCells.clip(i.title, 44)),
                                          IndicatorCells.value(i.total, unit: i.unit, events: i.countsEvents, style: style, derived: computedValue)]
            row += groups.map { g in i.groups[g].map { IndicatorCells.value($0, unit: i.unit, events: i.countsEvents, style: style,
                                                                            derived: computedValue) } ?? "" }
            if let previous = i.previousValue.value {
                row.append(IndicatorCells.value(GroupFigure(value: Figure(previous), ciLow: Figure(undefined: ""), ciHigh: Figure(undefined: "")),
                                                unit: i.unit, events: i.countsEvents, style: style,
                                                derived: computedValue == true || abs(previous * 100 - (previous * 100).rounded()) > 1e-6,
                                                period: "\(i.previousPeriod)"))
            } else {
                row.append(TableBlock.Cell(FigureCell(i.previousValue, IndicatorCells.kind(i.unit, decimals: 0)), style: style))
            }
            row.append(IndicatorCells.change(i.change, unit: i.unit, derived: i.total.numerator != nil || computedValue == true, style: style))
            row.append(TableBlock.Cell(i.target.map { $0.rule.text + ($0.interim ? " (\($0.period))" : "") } ?? ""))
            row.append(TableBlock.Cell(i.target.map { IndicatorCells.status($0.status) } ?? ""))
            row.append(TableBlock.Cell(i.cityTarget.map { $0.rule.text + ($0.interim ? " (\($0.period))" : "") } ?? ""))
            row.append(TableBlock.Cell(i.cityTarget.map { IndicatorCells.status($0.status) } ?? ""))
            row.append(TableBlock.Cell(i.warnings.isEmpty ? "" : "⚠"))
            row.append(TableBlock.Cell(!anyComputed ? "" : i.valueSource != nil
                                       ? "computed" + (i.valuePeriod.map { " (\($0), wave \(i.valueSource?.wave ?? "?"))" } ?? "")
                                       : i.sourceImport.map { "import \($0)" + (i.sourceLine.map { ", line \($0)" } ?? "") } ?? ""))
            rows.append(row)
        }
        let header = ["id", "indicator", "value"] + groups + ["previous", "change", "target", "status", "city target", "city status", "", "source"]
        blocks.append(.table(IndicatorCells.table(header: header, rows: rows, keep: 3, numeric: 2..<(5 + groups.count))))

        let ciRows = indicators.filter { $0.total.ciLow.value != nil }
        if !ciRows.isEmpty {
            blocks.append(.paragraph("95 % confidence intervals (Wilson, from the counts):"))
            blocks.append(.list(ListBlock(items: ciRows.map { i in
                RichText("\(i.id)  " + IndicatorCells.number(i.total.ciLow.value!, unit: i.unit, derived: true, style: style)
                         + " – " + IndicatorCells.number(i.total.ciHigh.value!, unit: i.unit, derived: true, style: style))
            })))
        }
        let computed = indicators.filter { $0.valueSource != nil }
        if !computed.isEmpty {
            blocks.append(.paragraph("Computed values (the indicator's data: binding; docs/indicators.md):"))
            blocks.append(.list(ListBlock(items: computed.map { i in
                let s = i.valueSource!
                var line = "\(i.id)  \(s.text): \(s.rule)"
                if let c = s.comparison {
                    line += "; \(c.cohort): " + (c.value.map { IndicatorCells.number($0, unit: i.unit, derived: true, style: style) } ?? "–")
                        + (c.numerator.flatMap { k in c.denominator.map { n in " (\(style.decimal(k, decimals: 0))/\(style.decimal(n, decimals: 0)))" } } ?? "")
                        + (c.note.map { " (\($0))" } ?? "")
                }
                return RichText(line)
            })))
        }
        let surveyed = indicators.filter { $0.valueSource?.total != nil && !$0.groups.isEmpty }
        if !surveyed.isEmpty {
            blocks.append(.paragraph("Survey units (groups of the survey values; the total is all units, or the pilot's own unit where the model names it):"))
            blocks.append(.list(ListBlock(items: surveyed.map { i in
                let units = i.groups.keys.sorted().map { u in
                    "\(u) " + (i.groups[u]!.value.value.map { IndicatorCells.number($0, unit: i.unit, derived: true, style: style) } ?? "–")
                }
                let total = i.valueSource?.total == .pilotUnit ? "the pilot's own unit, \(i.valueSource?.totalUnit ?? "")" : "all units"
                return RichText("\(i.id)  total: \(total); " + units.joined(separator: ", "))
            })))
        }
        // Indicators sharing a note ("no target for 2021") are listed on one line.
        var byNote: [(String, [String])] = []
        for i in indicators {
            guard let note = i.statusNote else { continue }
            let key = "\(IndicatorCells.status(i.status)): \(note)"
            if let k = byNote.firstIndex(where: { $0.0 == key }) { byNote[k].1.append(i.id) } else { byNote.append((key, [i.id])) }
        }
        if !byNote.isEmpty {
            blocks.append(.paragraph("Status notes:"))
            blocks.append(.list(ListBlock(items: byNote.map { RichText("\($0.1.joined(separator: ", ")) — \($0.0)") })))
        }
        let warned = indicators.filter { !$0.warnings.isEmpty }
        if !warned.isEmpty {
            blocks.append(.paragraph("Warnings (⚠), kept with the data:"))
            blocks.append(.list(ListBlock(items: warned.flatMap { i in i.warnings.map { RichText("\(i.id)  \($0.located)") } })))
        }

        blocks.append(.paragraph("Goals (computed from the indicators; recorded = the unit's own assessment)"))
        let goalRows: [[TableBlock.Cell]] = goals.map { g in
            [TableBlock.Cell(g.id, isRowHeader: true),
             TableBlock.Cell([g.level?.rawValue, g.code].compactMap { $0 }.joined(separator: " ")),
             TableBlock.Cell(IndicatorCells.clip(g.title, 44)), TableBlock.Cell(g.assessment.rawValue),
             TableBlock.Cell(g.met + g.notMet > 0 ? "\(g.met)/\(g.met + g.notMet)" : "–"),
             TableBlock.Cell(g.manualAssessment?.rawValue ?? ""), TableBlock.Cell(g.differs == true ? "≠ differs" : "")]
        }
        blocks.append(.table(TableBlock(header: [["goal", "level", "title", "computed", "met", "recorded", ""].map { TableBlock.Cell($0) }],
                                        rows: goalRows)))
        for g in goals where g.differs == true {
            blocks.append(.paragraph(RichText("\(g.id): computed \(g.assessment.rawValue) — \(g.assessmentNote).\n"
                                              + "recorded \(g.manualAssessment!.rawValue): \(g.manualJustification ?? "(no justification recorded)")")))
        }
        if !removedIndicators.isEmpty {
            blocks.append(.paragraph("Indicators with observations that this model version no longer has:"))
            blocks.append(.list(ListBlock(items: removedIndicators.map {
                RichText("\($0.id)  \($0.title ?? "")  \($0.periods.map(\.text).joined(separator: ", ")): \($0.note)")
            })))
        }
        if !caveats.isEmpty {
            blocks.append(.paragraph("Notes:"))
            blocks.append(.list(ListBlock(items: caveats.map { RichText($0) })))
        }
        return blocks
    }
}

extension IndicatorTrendReport {
    public func blocks(style: NumberStyle) -> [Block] {
        var blocks: [Block] = [.paragraph(RichText("\(model)" + (modelVersion.map { " (version \($0))" } ?? "") + " — \(modelName)"))]
        for t in indicators where !t.points.isEmpty {
            blocks.append(.heading(level: 2, text: "\(t.id)  \(t.title) (\(t.unit.rawValue), better: \(t.direction.rawValue))"))
            let groups = breakdownOrder(Set(t.points.flatMap { $0.groups.keys }))
            let rows: [[TableBlock.Cell]] = t.points.map { p in
                let computed: Bool? = p.source == "computed" && t.unit != .count ? true : nil
                var row: [TableBlock.Cell] = [TableBlock.Cell(p.period.text, isRowHeader: true),
                                              IndicatorCells.value(p.total, unit: t.unit, events: t.countsEvents, style: style, derived: computed)]
                row += groups.map { g in p.groups[g].map { IndicatorCells.value($0, unit: t.unit, events: t.countsEvents, style: style,
                                                                                derived: computed) } ?? "" }
                row += [IndicatorCells.change(p.change, unit: t.unit, derived: p.total.numerator != nil || computed == true, style: style),
                        TableBlock.Cell(p.target.map { $0.rule.text } ?? ""),
                        TableBlock.Cell(p.target.map { IndicatorCells.status($0.status) + ($0.interim ? " (interim)" : "") } ?? ""),
                        TableBlock.Cell(p.cityTarget.map { $0.rule.text } ?? ""),
                        TableBlock.Cell(p.cityTarget.map { IndicatorCells.status($0.status) } ?? ""),
                        TableBlock.Cell(p.source == "observation" ? "" : p.source.replacingOccurrences(of: "_", with: " "))]
                return row
            }
            let header = ["period", "value"] + groups + ["change", "target", "status", "city target", "city status", "source"]
            blocks.append(.table(IndicatorCells.table(header: header, rows: rows, keep: 2, numeric: 1..<(3 + groups.count))))
        }
        if !removedIndicators.isEmpty {
            blocks.append(.paragraph("Indicators with observations that this model version no longer has:"))
            blocks.append(.list(ListBlock(items: removedIndicators.map { RichText("\($0.id)  \($0.title ?? ""): \($0.note)") })))
        }
        return blocks
    }
}

/// The cells both indicator views share.
public enum IndicatorCells {
    /// An indicator value in its unit, typed. A value given by the file keeps the
    /// decimals it was written with (DESIGN §3.1: compared at its stated precision); one
    /// computed from counts gets one decimal, and its counts beside it as figures of
    /// the same cell ("82.0% (41/50)"). A whole count of an indicator that counts events
    /// (`events`) is an `eventCount`, never suppressed. `period`: the period the value is
    /// of, after it in brackets (the previous value's).
    public static func value(_ g: GroupFigure, unit: IndicatorUnit, events: Bool = false, style: NumberStyle,
                             derived: Bool? = nil, period: String? = nil) -> TableBlock.Cell {
        guard let v = g.value.value else { return TableBlock.Cell(FigureCell(g.value, kind(unit, decimals: 0)), style: style) }
        let computed = derived ?? isDerived(g, unit)
        let decimals = computed ? 1 : StatedPrecision.decimals(v)
        let kind: FigureCell.Kind = events && unit == .count && decimals == 0 ? .eventCount : kind(unit, decimals: decimals)
        var parts = CellParts(FigureCell(g.value, kind))
        if unit == .days { parts.append(" d") }
        if let k = g.numerator, let n = g.denominator {
            parts.append(" (")
            parts.append(FigureCell(Figure(k), .count))
            parts.append("/")
            parts.append(FigureCell(Figure(n), .count))
            parts.append(")")
        }
        if let period { parts.append(" (\(period))") }
        return parts.cell(style)
    }

    static func number(_ v: Double, unit: IndicatorUnit, derived: Bool, style: NumberStyle) -> String {
        style.text(FigureCell(Figure(v), kind(unit, decimals: derived ? 1 : StatedPrecision.decimals(v))))
            + (unit == .days ? " d" : "")
    }

    /// A change since the previous period: percentage points for percent indicators,
    /// kronor with a plus sign for a rise.
    static func change(_ f: Figure, unit: IndicatorUnit, derived: Bool, style: NumberStyle) -> TableBlock.Cell {
        guard let v = f.value else { return TableBlock.Cell(FigureCell(f, .signed(0)), style: style) }
        let decimals = derived ? 1 : StatedPrecision.decimals(v)
        switch unit {
        case .percent: return TableBlock.Cell(FigureCell(f, .percentagePoints(decimals)), style: style)
        case .sek:
            guard v > 0 else { return TableBlock.Cell(FigureCell(f, .kronor), style: style) }
            var parts = CellParts(words: "+")
            parts.append(FigureCell(f, .kronor))
            return parts.cell(style)
        default: return TableBlock.Cell(FigureCell(f, .signed(decimals)), style: style)
        }
    }

    static func kind(_ unit: IndicatorUnit, decimals: Int) -> FigureCell.Kind {
        switch unit {
        case .percent: return .percent(decimals)
        case .sek: return .kronor
        default: return .decimal(decimals)
        }
    }

    static func isDerived(_ g: GroupFigure, _ unit: IndicatorUnit) -> Bool {
        guard let k = g.numerator, let n = g.denominator, n != 0, let v = g.value.value else { return false }
        return v == k / n * (unit == .percent ? 100 : 1)
    }

    static func status(_ s: TargetStatus?) -> String {
        s.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") } ?? ""
    }

    static func clip(_ s: String, _ width: Int) -> String {
        s.count <= width ? s : String(s.prefix(width - 1)) + "…"
    }

    /// A table without the columns that have nothing below the header (no city targets,
    /// no breakdowns), except the first `keep`; figures right-aligned.
    static func table(header: [String], rows: [[TableBlock.Cell]], keep: Int, numeric: Range<Int>) -> TableBlock {
        let used = header.indices.filter { c in c < keep || rows.contains { c < $0.count && !$0[c].text.isEmpty } }
        return TableBlock(header: [used.map { TableBlock.Cell(header[$0]) }],
                          rows: rows.map { row in used.map { $0 < row.count ? row[$0] : "" } },
                          alignments: used.map { numeric.contains($0) ? .right : .left })
    }
}
