import Evaluation
import Foundation
import LogicModel
import Presentation
import Statistics

/// Terminal tables and CSV for `indicators status` and `indicators trend`. The JSON is
/// the result value itself (ResultOutput.json); the tables are the result's blocks
/// (Presentation/Results/IndicatorStatus+Blocks.swift); the CSV is one row per figure.
enum IndicatorRendering {
    // MARK: Status

    /// The terminal table: the result's blocks (Presentation) through the plain-text
    /// writer, in English for the analyst.
    static func statusTable(_ r: IndicatorStatusReport) -> String {
        PlainTextWriter().render(r.blocks(style: .terminal))
    }

    static let statusCSVHeader = ["model", "model_version", "period", "indicator", "title", "unit", "group", "value",
                                  "numerator", "denominator", "ci_low", "ci_high", "previous_period", "previous_value",
                                  "change", "change_unit", "target_rule", "target_period", "target_status",
                                  "city_target_rule", "city_target_period", "city_target_status", "status",
                                  "interim", "warnings"]

    /// One row per indicator and group (`total` first); indicator-level columns are
    /// repeated on every row, the previous value and change only on the total's.
    static func statusCSV(_ r: IndicatorStatusReport, dialect: CSVText.Dialect = .rfc4180) -> String {
        CSVText.render(statusRows(r), dialect: dialect)
    }

    /// The rows of `--format csv` and `--format xlsx` (header first).
    static func statusRows(_ r: IndicatorStatusReport) -> [[String]] {
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
            for g in breakdownOrder(Set(i.groups.keys)) { rows.append(row(g, i.groups[g]!, total: false)) }
        }
        return rows
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
        PlainTextWriter().render(r.blocks(style: .terminal))
    }

    static func trendCSV(_ r: IndicatorTrendReport, dialect: CSVText.Dialect = .rfc4180) -> String {
        CSVText.render(trendRows(r), dialect: dialect)
    }

    /// The rows of `--format csv` and `--format xlsx` (header first).
    static func trendRows(_ r: IndicatorTrendReport) -> [[String]] {
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
                for g in breakdownOrder(Set(p.groups.keys)) { rows.append(row(g, p.groups[g]!, total: false)) }
            }
        }
        return rows
    }
}
