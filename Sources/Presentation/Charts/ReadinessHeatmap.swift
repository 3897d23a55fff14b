import Evaluation
import Foundation
import LogicModel

/// Unit × item heat map of a readiness summary, the value printed in every cell.
/// Colour runs through ColorBrewer's PuOr (colour-blind safe) from orange at the bottom
/// of the scale through white at its midpoint to purple at the top, so "below neutral"
/// and "above neutral" read apart without relying on red/green. Scale scores follow the
/// items, below a rule. Suppressed units are grey and say "<5". At most
/// `ChartPrint.width` wide for up to four units (narrower cells, row labels in two
/// lines), so its text prints at 8,25 pt or more (`ChartPrint`).
public enum ReadinessHeatmap {
    public static func svg(_ summary: ReadinessSummary, instrument: Instrument, language: Language = .sv) -> String {
        typealias S = ReadinessChartSupport
        let sv = language == .sv
        let numbers = NumberStyle(language)
        let scale = instrument.scale
        let scaleInfo = ReadinessScoring.scales(of: instrument)
        struct Row { var label: String; var isScale: Bool; var key: String }
        var rows = instrument.items.map { Row(label: ReadinessChartSupport.itemLabel($0, language), isScale: false, key: $0.key) }
        rows += scaleInfo.map { Row(label: (sv ? "Skala: " : "Scale: ") + (sv ? $0.sv : $0.en), isScale: true, key: $0.key) }
        let units = summary.units
        func mean(_ unit: ReadinessUnitSummary, _ row: Row) -> Double? {
            unit.suppressed ? nil
                : row.isScale ? unit.scales.first { $0.scale == row.key }?.mean.value
                              : unit.items.first { $0.item == row.key }?.mean.value
        }
        // One precision for every cell: enough that two units' means on a row that differ
        // do not print alike (4,95 and 5,04 both read 5,0 at one decimal); two for the
        // demo's survey, as the readiness table beside it prints them.
        let decimals = ChartDecimals.apart(rows.map { row in units.compactMap { mean($0, row) } }, base: 1, numbers: numbers)
        // Scale rows are bold, a little wider than the estimate for regular text. The
        // label column is at most 190 px; a longer label takes two lines in its cell.
        let small = ChartPrint.smallText
        // It gives way, down to 160 px, to cells wide enough for the longest word of a
        // unit's name at 11 px ("mottagningsenheten"), which then needs no hyphen.
        let longestWord = Double(units.flatMap { $0.unit.split(separator: " ").map(\.count) }.max() ?? 0)
        let cellsNeed = Double(units.count) * (longestWord * small * 0.62 + 6).rounded(.up)
        let labelWidth = max(160, min(190, (rows.map { S.width($0.label, size: 12) * ($0.isScale ? 1.13 : 1) }.max() ?? 0) + 24,
                                      ChartPrint.width - 24 - cellsNeed))
        func labelLines(_ row: Row) -> [String] { ChartPrint.lines(row.label, size: 12, width: labelWidth - 18, bold: row.isScale) }
        // Cells share what the labels leave of `ChartPrint.width`, 132 px at most (a long
        // unit name in the header), 72 at least.
        let cellW = min(132, max(72, ((ChartPrint.width - 24 - labelWidth) / Double(max(units.count, 1))).rounded(.down))), cellH = 30.0
        // A unit's name in lines of the cell's width (12 px bold); a word longer than that
        // is set smaller, down to 11 px, and broken (with a hyphen) only below that.
        let headerFit = units.map { u -> (lines: [String], size: Double) in
            let lines = S.wrap(u.unit, limit: max(6, Int((cellW - 6) / (12 * 0.62))))
            let longest = Double(lines.map(\.count).max() ?? 1)
            let size = max(small, min(12, ((cellW - 6) / (longest * 0.62) * 2).rounded(.down) / 2))
            return (TextWrap.lines(u.unit, width: Int((cellW - 6) / (size * 0.62))), size)
        }
        let headerLines = headerFit.map(\.lines)
        let headerHeight = Double((headerLines.map(\.count).max() ?? 1) + 1) * 15 + 8
        let ruleGap = 8.0
        let gridHeight = Double(rows.count) * cellH + ruleGap
        let width = labelWidth + Double(max(units.count, 1)) * cellW + 24

        // The wave as the report's text names it ("mars 2023", not "2023-03"), kept on
        // one line of the title.
        let wave = numbers.periodLabel(summary.wave).replacingOccurrences(of: " ", with: NumberStyle.noBreakSpace)
        let title = sv ? "Förändringsbenägenhet per enhet, mätning \(wave)"
                       : "Change readiness by unit, wave \(wave)"
        let anchorLow = scale.anchor(scale.min)?.label(language), anchorHigh = scale.anchor(scale.max)?.label(language)
        var subtitle = sv ? "Medelvärde på skalan \(scale.min)–\(scale.max)" : "Mean on the \(scale.min)–\(scale.max) scale"
        if let anchorLow, let anchorHigh { subtitle += " (\(scale.min) = \(anchorLow), \(scale.max) = \(anchorHigh))" }
        let aggregatedNote = sv ? "Sammanställd mätning: enbart medelvärden per enhet, som de redovisades"
                                : "Aggregated wave: unit means only, as reported"
        // The heading is wrapped to the chart's width (a chart of one or two units is
        // narrower than its title): lines of as many characters as fit, with the same
        // character-width estimate the labels are measured with (bold is a little wider).
        func fitting(_ text: String, size: Double, bold: Bool = false) -> [String] {
            let perCharacter = size * (bold ? 0.62 : 0.55)
            return S.wrap(text, limit: max(12, Int((width - 32) / perCharacter)))
        }
        let titleLines = fitting(title, size: 17, bold: true)
        let subtitleLines = fitting(subtitle, size: 12)
        let noteLines = summary.aggregated ? fitting(aggregatedNote, size: 12) : []
        var headingY = 26.0
        var heading = ""
        for line in titleLines { heading += S.text(line, x: 16, y: headingY, size: 17, weight: "bold"); headingY += 21 }
        headingY -= 1
        for line in subtitleLines { heading += S.text(line, x: 16, y: headingY, size: 12, fill: "#333333"); headingY += 16 }
        headingY += 1
        for line in noteLines {
            heading += S.text(line, x: 16, y: headingY, size: 12, fill: "#333333", extra: " font-style=\"italic\""); headingY += 16
        }
        // 74 for a one-line title and subtitle (and note), as before; lower when they wrap.
        let top = max(74.0, headingY - 5)
        let gridTop = top + headerHeight
        let legendTop = gridTop + gridHeight + 28
        // The note on withheld units sits right of the colour ramp when it fits, else below it.
        let rampX = 16.0, rampW = min(360.0, width - 32), rampY = legendTop
        let withheldNote = sv ? "<\(summary.minGroup): färre än \(summary.minGroup) svarande, visas inte"
                              : "<\(summary.minGroup): fewer than \(summary.minGroup) respondents, not shown"
        let noteBeside = rampX + rampW + 20 + S.width(withheldNote, size: 11) <= width - 8
        let height = legendTop + 62 + (summary.units.contains(where: \.suppressed) && !noteBeside ? 18 : 0)
        let description = (sv ? "Värmekarta: rader är påståenden och skalor, kolumner är enheter; varje ruta visar medelvärdet. "
                              : "Heat map: rows are statements and scales, columns are units; each cell shows the mean. ")
            + units.map { u in
                u.suppressed ? "\(u.unit): " + (sv ? "för få svarande, döljs" : "too few respondents, hidden")
                    : "\(u.unit): " + (u.items.compactMap { i in i.mean.value.map { "\(instrument.item(i.item).map { ReadinessChartSupport.itemLabel($0, language) } ?? i.item) \(S.number($0, digits: decimals, language))" } }.joined(separator: ", "))
            }.joined(separator: ". ")

        var svg = S.open(width: width, height: height, id: "readiness-heatmap", title: title, description: description)
        svg += heading

        // Column headers: unit name (wrapped) and n.
        for (c, unit) in units.enumerated() {
            let cx = labelWidth + Double(c) * cellW + cellW / 2
            var y = top + 12
            for line in headerLines[c] {
                svg += S.text(line, x: cx, y: y, size: headerFit[c].size, anchor: "middle", weight: "bold"); y += 15
            }
            let n = unit.suppressed ? "n = <\(summary.minGroup)"
                : unit.n.map { "n = \($0)" } ?? (sv ? "n okänt" : "n unknown")
            svg += S.text(n, x: cx, y: y, size: 11, anchor: "middle", fill: "#333333")
        }
        // Cells.
        var y = gridTop
        for (r, row) in rows.enumerated() {
            if row.isScale && (r == 0 || !rows[r - 1].isScale) {
                svg += "<line x1=\"16\" x2=\"\(S.f(width - 16))\" y1=\"\(S.f(y + ruleGap / 2))\" y2=\"\(S.f(y + ruleGap / 2))\" stroke=\"#555555\" stroke-width=\"1\"/>\n"
                y += ruleGap
            }
            let lines = labelLines(row)
            for (k, line) in lines.enumerated() {
                svg += S.text(line, x: labelWidth - 10, y: y + cellH / 2 + 4 + (Double(k) - Double(lines.count - 1) / 2) * 13,
                              size: 12, anchor: "end", weight: row.isScale ? "bold" : nil)
            }
            for (c, unit) in units.enumerated() {
                let x = labelWidth + Double(c) * cellW
                let value = mean(unit, row)
                let fill: String
                let label: String
                if unit.suppressed {
                    fill = "#d9d9d9"; label = "<\(summary.minGroup)"
                } else if let value {
                    fill = S.puOrContinuous((value - Double(scale.min)) / Double(scale.max - scale.min))
                    label = S.number(value, digits: decimals, language)
                } else {
                    fill = "#ffffff"; label = "–"
                }
                svg += "<rect x=\"\(S.f(x + 1))\" y=\"\(S.f(y + 1))\" width=\"\(S.f(cellW - 2))\" height=\"\(S.f(cellH - 2))\" fill=\"\(fill)\" stroke=\"#ffffff\"/>\n"
                svg += S.text(label, x: x + cellW / 2, y: y + cellH / 2 + 5, size: 13, anchor: "middle",
                              weight: row.isScale ? "bold" : nil, fill: S.textColour(on: fill))
            }
            y += cellH
        }
        // Legend: the colour ramp over the scale.
        svg += "<defs><linearGradient id=\"readiness-heatmap-ramp\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">\n"
        for i in 0...10 { svg += "<stop offset=\"\(Double(i) / 10)\" stop-color=\"\(S.puOr11[i])\"/>\n" }
        svg += "</linearGradient></defs>\n"
        svg += S.text(sv ? "Färgskala (medelvärde)" : "Colour scale (mean)", x: rampX, y: rampY - 6, size: 11, fill: "#333333")
        svg += "<rect x=\"\(S.f(rampX))\" y=\"\(S.f(rampY))\" width=\"\(S.f(rampW))\" height=\"12\" fill=\"url(#readiness-heatmap-ramp)\" stroke=\"#999999\"/>\n"
        for p in scale.points {
            let x = rampX + rampW * Double(p - scale.min) / Double(scale.max - scale.min)
            svg += "<line x1=\"\(S.f(x))\" x2=\"\(S.f(x))\" y1=\"\(S.f(rampY + 12))\" y2=\"\(S.f(rampY + 16))\" stroke=\"#333333\"/>\n"
            svg += S.text(String(p), x: x, y: rampY + 28, size: 11, anchor: "middle")
        }
        if summary.units.contains(where: \.suppressed) {
            if noteBeside {
                svg += S.text(withheldNote, x: rampX + rampW + 20, y: rampY + 10, size: 11, fill: "#333333")
            } else {
                svg += S.text(withheldNote, x: rampX, y: rampY + 46, size: 11, fill: "#333333")
            }
        }
        svg += "</svg>\n"
        return svg
    }
}
