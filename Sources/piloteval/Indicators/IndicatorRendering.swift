import Evaluation
import Foundation
import LogicModel
import Statistics

/// Terminal tables and CSV for `indicators status` and `indicators trend`. The JSON is
/// the result value itself (ResultOutput.json); these are views of the same value.
enum IndicatorRendering {
    // MARK: Numbers for people

    /// A figure in its unit: `98.18 %`, `51`, `2 500 000 kr`; counts-derived values to
    /// one decimal with their counts.
    static func figure(_ g: GroupFigure, unit: IndicatorUnit) -> String {
        guard let v = g.value.value else { return "–" }
        var text = number(v, unit: unit, derived: g.numerator != nil && g.value.value != nil && isDerived(g, unit))
        if let k = g.numerator, let n = g.denominator { text += " (\(CSVText.number(k))/\(CSVText.number(n)))" }
        return text
    }

    static func isDerived(_ g: GroupFigure, _ unit: IndicatorUnit) -> Bool {
        guard let k = g.numerator, let n = g.denominator, n != 0, let v = g.value.value else { return false }
        return v == k / n * (unit == .percent ? 100 : 1)
    }

    static func number(_ v: Double, unit: IndicatorUnit, derived: Bool = false) -> String {
        let digits = derived ? "\(String(format: "%.1f", v))" : CSVText.number(v)
        switch unit {
        case .percent: return digits + " %"
        case .sek: return grouped(v) + " kr"
        case .days: return digits + " d"
        default: return digits
        }
    }

    static func grouped(_ v: Double) -> String {
        let whole = String(Int(abs(v).rounded()))
        var out = ""
        for (i, ch) in whole.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(" ") }
            out.append(ch)
        }
        return (v < 0 ? "-" : "") + String(out.reversed())
    }

    static func change(_ f: Figure, unit: IndicatorUnit) -> String {
        guard let v = f.value else { return "–" }
        let sign = v > 0 ? "+" : ""
        switch unit {
        case .percent: return sign + CSVText.number(v) + " pp"
        case .sek: return sign + grouped(v) + " kr"
        default: return sign + CSVText.number(v)
        }
    }

    static func status(_ s: TargetStatus?) -> String {
        guard let s else { return "" }
        return s.rawValue.replacingOccurrences(of: "_", with: " ")
    }

    static func clip(_ s: String, _ width: Int) -> String {
        s.count <= width ? s : String(s.prefix(width - 1)) + "…"
    }

    /// Breakdown groups in reading order: the standard gender values first, then the rest.
    static func groupOrder(_ names: Set<String>) -> [String] {
        let standard = standardGenderValues.filter { names.contains($0) }
        return standard + names.subtracting(standard).sorted()
    }

    /// Leaves out columns with nothing below the header (no city targets, no breakdowns),
    /// except the first `keep`.
    static func withoutEmptyColumns(_ rows: [[String]], keep: Int) -> [[String]] {
        guard let header = rows.first else { return rows }
        let used = header.indices.filter { c in c < keep || rows.dropFirst().contains { c < $0.count && !$0[c].isEmpty } }
        return rows.map { row in used.map { $0 < row.count ? row[$0] : "" } }
    }

    // MARK: Status

    static func statusTable(_ r: IndicatorStatusReport) -> String {
        var out = "\(r.model)" + (r.modelVersion.map { " (version \($0))" } ?? "") + " — \(r.modelName)\n"
        out += "period \(r.period)" + (r.indicators.contains(where: \.interim) ? " (interim readings of year targets)" : "") + "\n\n"
        let groups = groupOrder(Set(r.indicators.flatMap { $0.groups.keys }))
        var rows = [["id", "indicator", "value"] + groups + ["previous", "change", "target", "status", "city target", "city status", ""]]
        for i in r.indicators {
            var row = [i.id, clip(i.title, 44), figure(i.total, unit: i.unit)]
            row += groups.map { g in i.groups[g].map { figure($0, unit: i.unit) } ?? "" }
            // A previous value computed from counts (63.333… %) is shown to one decimal like
            // other derived figures; stated values keep the digits they were given.
            row.append(i.previousValue.value.map {
                number($0, unit: i.unit, derived: abs($0 * 100 - ($0 * 100).rounded()) > 1e-6) + " (\(i.previousPeriod))"
            } ?? "–")
            row.append(change(i.change, unit: i.unit))
            row.append(i.target.map { $0.rule.text + ($0.interim ? " (\($0.period))" : "") } ?? "")
            row.append(i.target.map { status($0.status) } ?? "")
            row.append(i.cityTarget.map { $0.rule.text + ($0.interim ? " (\($0.period))" : "") } ?? "")
            row.append(i.cityTarget.map { status($0.status) } ?? "")
            row.append(i.warnings.isEmpty ? "" : "⚠")
            rows.append(row)
        }
        out += TextTable.render(withoutEmptyColumns(rows, keep: 3))

        let ciRows = r.indicators.filter { $0.total.ciLow.value != nil }
        if !ciRows.isEmpty {
            out += "\n95 % confidence intervals (Wilson, from the counts):\n"
            for i in ciRows {
                out += "  \(i.id)  \(number(i.total.ciLow.value!, unit: i.unit, derived: true)) – \(number(i.total.ciHigh.value!, unit: i.unit, derived: true))\n"
            }
        }
        // Indicators sharing a note ("no target for 2021") are listed on one line.
        var byNote: [(String, [String])] = []
        for i in r.indicators {
            guard let note = i.statusNote else { continue }
            let key = "\(status(i.status)): \(note)"
            if let k = byNote.firstIndex(where: { $0.0 == key }) { byNote[k].1.append(i.id) } else { byNote.append((key, [i.id])) }
        }
        if !byNote.isEmpty {
            out += "\nStatus notes:\n"
            for (note, ids) in byNote { out += "  \(ids.joined(separator: ", ")) — \(note)\n" }
        }
        let warned = r.indicators.filter { !$0.warnings.isEmpty }
        if !warned.isEmpty {
            out += "\nWarnings (⚠), kept with the data:\n"
            for i in warned { for w in i.warnings { out += "  \(i.id)  \(w.located)\n" } }
        }

        out += "\nGoals (computed from the indicators; recorded = the unit's own assessment)\n"
        var goalRows = [["goal", "level", "title", "computed", "met", "recorded", ""]]
        for g in r.goals {
            goalRows.append([g.id, [g.level?.rawValue, g.code].compactMap { $0 }.joined(separator: " "), clip(g.title, 44),
                             g.assessment.rawValue, g.met + g.notMet > 0 ? "\(g.met)/\(g.met + g.notMet)" : "–",
                             g.manualAssessment?.rawValue ?? "", g.differs == true ? "≠ differs" : ""])
        }
        out += TextTable.render(goalRows)
        for g in r.goals where g.differs == true {
            out += "\n\(g.id): computed \(g.assessment.rawValue) — \(g.assessmentNote).\n"
            out += "  recorded \(g.manualAssessment!.rawValue): \(g.manualJustification ?? "(no justification recorded)")\n"
        }
        if !r.removedIndicators.isEmpty {
            out += "\nIndicators with observations that this model version no longer has:\n"
            for x in r.removedIndicators {
                out += "  \(x.id)  \(x.title ?? "")  \(x.periods.map(\.text).joined(separator: ", ")): \(x.note)\n"
            }
        }
        if !r.caveats.isEmpty {
            out += "\nNotes:\n" + r.caveats.map { "  - " + $0 }.joined(separator: "\n") + "\n"
        }
        return out
    }

    static let statusCSVHeader = ["model", "model_version", "period", "indicator", "title", "unit", "group", "value",
                                  "numerator", "denominator", "ci_low", "ci_high", "previous_period", "previous_value",
                                  "change", "change_unit", "target_rule", "target_period", "target_status",
                                  "city_target_rule", "city_target_period", "city_target_status", "status",
                                  "interim", "warnings"]

    /// One row per indicator and group (`total` first); indicator-level columns are
    /// repeated on every row, the previous value and change only on the total's.
    static func statusCSV(_ r: IndicatorStatusReport, dialect: CSVText.Dialect = .rfc4180) -> String {
        var rows = [statusCSVHeader]
        for i in r.indicators {
            var tail: [String] = targetCells(i.target) + targetCells(i.cityTarget)
            tail += [i.status.rawValue, i.interim ? "true" : "false"]
            tail.append(i.warnings.map(\.kind.rawValue).joined(separator: ";"))
            func row(_ group: String, _ g: GroupFigure, total: Bool) -> [String] {
                let version = r.modelVersion.map(String.init) ?? ""
                var cells: [String] = [r.model, version, r.period.text, i.id, i.title, i.unit.rawValue, group]
                cells += [CSVText.number(g.value.value), CSVText.number(g.numerator), CSVText.number(g.denominator)]
                cells += [CSVText.number(g.ciLow.value), CSVText.number(g.ciHigh.value)]
                if total {
                    cells += [i.previousPeriod.text, CSVText.number(i.previousValue.value),
                              CSVText.number(i.change.value), i.changeUnit]
                } else {
                    cells += ["", "", "", ""]
                }
                return cells + tail
            }
            rows.append(row("total", i.total, total: true))
            for g in groupOrder(Set(i.groups.keys)) { rows.append(row(g, i.groups[g]!, total: false)) }
        }
        return CSVText.render(rows, dialect: dialect)
    }

    /// rule, period, status of a target, or three blanks.
    static func targetCells(_ t: TargetReading?) -> [String] {
        guard let t else { return ["", "", ""] }
        return [ruleText(t.rule), t.period.text, t.status.rawValue]
    }

    /// `any` rules as `<= 6.1 or improve`, the rest as written.
    static func ruleText(_ rule: TargetRule) -> String { rule.text }

    // MARK: Trend

    static func trendTable(_ r: IndicatorTrendReport) -> String {
        var out = "\(r.model)" + (r.modelVersion.map { " (version \($0))" } ?? "") + " — \(r.modelName)\n"
        for t in r.indicators where !t.points.isEmpty {
            out += "\n\(t.id)  \(t.title) (\(t.unit.rawValue), better: \(t.direction.rawValue))\n"
            let groups = groupOrder(Set(t.points.flatMap { $0.groups.keys }))
            var rows = [["period", "value"] + groups + ["change", "target", "status", "city target", "city status", "source"]]
            for p in t.points {
                var row = [p.period.text, figure(p.total, unit: t.unit)]
                row += groups.map { g in p.groups[g].map { figure($0, unit: t.unit) } ?? "" }
                row += [change(p.change, unit: t.unit), p.target.map { ruleText($0.rule) } ?? "",
                        p.target.map { status($0.status) + ($0.interim ? " (interim)" : "") } ?? "",
                        p.cityTarget.map { ruleText($0.rule) } ?? "", p.cityTarget.map { status($0.status) } ?? "",
                        p.source == "observation" ? "" : p.source.replacingOccurrences(of: "_", with: " ")]
                rows.append(row)
            }
            out += TextTable.render(withoutEmptyColumns(rows, keep: 2)).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        if !r.removedIndicators.isEmpty {
            out += "\nIndicators with observations that this model version no longer has:\n"
            for x in r.removedIndicators { out += "  \(x.id)  \(x.title ?? ""): \(x.note)\n" }
        }
        return out
    }

    static func trendCSV(_ r: IndicatorTrendReport, dialect: CSVText.Dialect = .rfc4180) -> String {
        var rows = [["model", "indicator", "title", "unit", "period", "source", "group", "value", "numerator",
                     "denominator", "ci_low", "ci_high", "change", "target_rule", "target_low", "target_high",
                     "target_status", "city_target_rule", "city_target_low", "city_target_high", "city_target_status",
                     "status", "interim"]]
        for t in r.indicators {
            for p in t.points {
                let line = p.target?.rule.line, cityLine = p.cityTarget?.rule.line
                let tail = [p.target.map { ruleText($0.rule) } ?? "", CSVText.number(line?.low), CSVText.number(line?.high),
                            p.target?.status.rawValue ?? "",
                            p.cityTarget.map { ruleText($0.rule) } ?? "", CSVText.number(cityLine?.low),
                            CSVText.number(cityLine?.high), p.cityTarget?.status.rawValue ?? "",
                            p.status.rawValue, p.interim ? "true" : "false"]
                func row(_ group: String, _ g: GroupFigure, total: Bool) -> [String] {
                    var cells: [String] = [r.model, t.id, t.title, t.unit.rawValue, p.period.text, p.source, group]
                    cells += [CSVText.number(g.value.value), CSVText.number(g.numerator), CSVText.number(g.denominator)]
                    cells += [CSVText.number(g.ciLow.value), CSVText.number(g.ciHigh.value)]
                    cells.append(total ? CSVText.number(p.change.value) : "")
                    return cells + tail
                }
                rows.append(row("total", p.total, total: true))
                for g in groupOrder(Set(p.groups.keys)) { rows.append(row(g, p.groups[g]!, total: false)) }
            }
        }
        return CSVText.render(rows, dialect: dialect)
    }
}
