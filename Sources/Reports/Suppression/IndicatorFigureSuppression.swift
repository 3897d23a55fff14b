import Foundation
import Evaluation
import LogicModel
import Periods
import Presentation
import Statistics

/// Small-count suppression of indicator figures (DESIGN §6) before a report shows them:
/// the status of a period and every point of the trend.
///
/// What counts as a count depends on what the figure is built on:
/// - a `count` indicator: its values are counts (girls, boys, … and the total) — a
///   one-way table with its total;
/// - an indicator with numerator and denominator (a share, a rate): events and
///   non-events per group — a two-way table whose column totals are the groups'
///   denominators and whose row totals are the total's events and non-events;
/// - a figure without counts (a percentage as the source printed it) cannot be
///   checked and is shown: there is no count to hide;
/// - an indicator that counts events, not persons (`counts: events` in the model:
///   consultations with preschools, meetings) discloses no person, so none of its
///   figures is suppressed (DESIGN §3.1, §9).
///
/// Complementary suppression (`ComplementarySuppression`) applies when the total and
/// every group carry the counts (the equations exist); otherwise each figure is checked
/// on its own; a hidden figure's value, counts and CI are withheld (`null` with a note).
/// Except for shares whose only small counts are misses (22 of 25 misses 3): there every
/// figure keeps its value, as the document writes it, and loses its counts and CI —
/// hiding counts rather than values (docs/privacy.md, "Indicator shares").
///
/// Each decision is carried twice, as it is taken: in the record, as DESIGN §5 writes it
/// (the figure `null` beside a note beginning "suppressed": `smallNote`, `hiddenNote`, a
/// change "next to a withheld value"), and typed, for the report's blocks, in
/// `IndicatorDisclosures` (`disclosure(_:unit:rule:)`: "<5" for a small count, ".." for
/// anything else withheld).
enum IndicatorFigureSuppression {
    static let smallNote = "suppressed: built on a count of 1–4 (shown as <5)"
    static let hiddenNote = "suppressed: hidden so that a small count cannot be worked out from the total"
    static let countsHiddenNote = "suppressed: counts hidden so that a small count cannot be worked out (the value is shown)"

    /// How a reader sees a value withheld as `visibility` says: a value of a `count`
    /// indicator that is itself a small count as "<5" (`.small`); a share built on a small
    /// count, and any figure hidden as a complement, as ".." (`.withheld`).
    static func disclosure(_ visibility: CellVisibility, unit: IndicatorUnit, rule: SuppressionRule) -> Disclosure {
        switch visibility {
        case .shown: return .shown
        case .small where unit == .count: return .small(threshold: rule.threshold)
        case .small, .hidden: return .withheld
        }
    }

    /// The total and groups of one indicator in one period, suppressed; as they are
    /// when the indicator counts events.
    static func apply(total: GroupFigure, groups: [String: GroupFigure], unit: IndicatorUnit,
                      countsEvents: Bool = false,
                      rule: SuppressionRule) -> (total: GroupFigure, groups: [String: GroupFigure]) {
        let decided = decide(total: total, groups: groups, unit: unit, countsEvents: countsEvents, rule: rule)
        return (decided.total, decided.groups)
    }

    /// `apply(total:groups:…)`, and the decision on each value withheld, by group (`nil`
    /// the total); a value kept (its counts perhaps hidden) has none.
    static func decide(total: GroupFigure, groups: [String: GroupFigure], unit: IndicatorUnit,
                       countsEvents: Bool = false, rule: SuppressionRule)
        -> (total: GroupFigure, groups: [String: GroupFigure], withheld: [String?: Disclosure]) {
        if countsEvents { return (total, groups, [:]) }
        let keys = groups.keys.sorted()
        var visibility: [String: CellVisibility] = [:]   // "" = the total
        var countsHidden = false
        var nHidden: Set<String> = []   // groups whose counts go and whose value stays
        var nKept: Set<String> = []     // groups whose value goes and whose n stays
        func counts(_ g: GroupFigure) -> (Int, Int)? {
            guard let n = g.numerator, let d = g.denominator, n >= 0, d >= n,
                  n == n.rounded(), d == d.rounded() else { return nil }
            return (Int(n), Int(d))
        }
        func countValue(_ g: GroupFigure) -> Int? {
            guard let v = g.value.value, v >= 0, v == v.rounded() else { return nil }
            return Int(v)
        }
        if unit == .count {
            let parts = keys.map { countValue(groups[$0]!) }
            if let t = countValue(total), !keys.isEmpty, parts.allSatisfy({ $0 != nil }) {
                let mask = ComplementarySuppression.apply(.init(cells: [parts.map { $0! }], rowTotals: [t]), rule: rule)
                visibility[""] = mask.rowTotals?[0] ?? .shown
                for (i, k) in keys.enumerated() { visibility[k] = mask.cells[0][i] }
            } else {
                visibility[""] = countValue(total).map { rule.isSmall($0) ? .small : .shown } ?? .shown
                for k in keys { visibility[k] = countValue(groups[k]!).map { rule.isSmall($0) ? .small : .shown } ?? .shown }
            }
        } else {
            // Shares (docs/privacy.md, "Indicator shares"). When the only small counts are
            // misses (denominator − numerator: 22 of 25 misses 3), every figure of the
            // period keeps its value, written as the document writes it, and loses its
            // counts and interval: values alone fit any multiple of the counts (22/25,
            // 44/50, …), so no count can be worked out. A small numerator or denominator
            // goes through complementary suppression of events and misses, as before.
            let all = ([total] + keys.map { groups[$0]! }).compactMap(counts)
            let smallCounts = all.contains { rule.isSmall($0.0) || rule.isSmall($0.1) }
            let smallMisses = all.contains { rule.isSmall($0.1 - $0.0) }
            let parts = keys.map { counts(groups[$0]!) }
            if !smallCounts && smallMisses {
                countsHidden = true
            } else if let t = counts(total), !keys.isEmpty, parts.allSatisfy({ $0 != nil }),
                      unit == .percent || unit == .ratio,
                      parts.map({ $0!.0 }).reduce(0, +) == t.0, parts.map({ $0!.1 }).reduce(0, +) == t.1 {
                // Groups that add up to the total (girls, boys, …): attacked like the case
                // breakdowns (`BreakdownDisclosure`), so a group's value stays where hiding
                // counts protects the small one.
                // Values as the document writes them (either language rounds alike).
                let scale = unit == .percent ? 100.0 : 1.0
                let numbers = NumberStyle(.sv)
                let table = BreakdownDisclosure.Table(total: .init(n: t.1, events: t.0),
                                                      parts: parts.map { .init(n: $0!.1, events: $0!.0) })
                let plan = BreakdownDisclosure.plans(for: [table], rule: rule) { e, n in
                    IndicatorValueText.text(scale * (Double(e) / Double(n)), unit: unit, numbers: numbers) ?? ""
                }[0]
                if !BreakdownDisclosure.totalShowsValue(table.total, rule: rule) { visibility[""] = .small }
                for (i, k) in keys.enumerated() {
                    let builtOnSmall = rule.isSmall(parts[i]!.1) || rule.isSmall(parts[i]!.0)
                    if !plan.showsValue[i] { visibility[k] = builtOnSmall ? .small : .hidden }
                    if !plan.showsN[i] { nHidden.insert(k) } else if !plan.showsValue[i] { nKept.insert(k) }
                }
            } else if let t = counts(total), !keys.isEmpty, parts.allSatisfy({ $0 != nil }) {
                let p = parts.map { $0! }
                let table = ComplementarySuppression.Table(
                    cells: [p.map(\.0), p.map { $0.1 - $0.0 }], rowTotals: [t.0, t.1 - t.0],
                    columnTotals: p.map(\.1), grandTotal: t.1)
                let mask = ComplementarySuppression.apply(table, rule: rule)
                func worst(_ vs: [CellVisibility]) -> CellVisibility {
                    vs.contains(.small) ? .small : vs.contains(.hidden) ? .hidden : .shown
                }
                visibility[""] = worst((mask.rowTotals ?? []) + [mask.grandTotal ?? .shown])
                for (i, k) in keys.enumerated() {
                    visibility[k] = worst([mask.cells[0][i], mask.cells[1][i], mask.columnTotals?[i] ?? .shown])
                }
            } else {
                func own(_ g: GroupFigure) -> CellVisibility {
                    guard let (n, d) = counts(g) else { return .shown }
                    return [n, d - n, d].contains(where: rule.isSmall) ? .small : .shown
                }
                visibility[""] = own(total)
                for k in keys { visibility[k] = own(groups[k]!) }
            }
        }
        var decisions: [String?: Disclosure] = [:]
        func withheld(_ g: GroupFigure, _ v: CellVisibility, key: String) -> GroupFigure {
            if !v.isSuppressed, countsHidden || nHidden.contains(key), g.numerator != nil || g.denominator != nil {
                return withoutCounts(g)
            }
            guard v.isSuppressed else { return g }
            decisions[key.isEmpty ? nil : key] = disclosure(v, unit: unit, rule: rule)
            let note = v == .small ? smallNote : hiddenNote
            return GroupFigure(value: Figure(undefined: note), numerator: nil, denominator: nKept.contains(key) ? g.denominator : nil,
                               ciLow: Figure(undefined: note), ciHigh: Figure(undefined: note))
        }
        var out: [String: GroupFigure] = [:]
        for k in keys { out[k] = withheld(groups[k]!, visibility[k] ?? .shown, key: k) }
        let shownTotal = withheld(total, visibility[""] ?? .shown, key: "")
        return (shownTotal, out, decisions)
    }

    static func isSuppressed(_ f: Figure) -> Bool { f.note?.hasPrefix("suppressed") ?? false }

    /// Whether a figure keeps its value and has lost its counts.
    static func countsWithheld(_ g: GroupFigure) -> Bool { g.ciLow.note == countsHiddenNote }

    /// The figure with its value as the document writes it and no counts or interval.
    static func withoutCounts(_ g: GroupFigure) -> GroupFigure {
        let written = g.value.value.map { Figure(NumberStyle.roundedValue($0, decimals: IndicatorValueText.decimals($0))) } ?? g.value
        return GroupFigure(value: written, numerator: nil, denominator: nil,
                           ciLow: Figure(undefined: countsHiddenNote), ciHigh: Figure(undefined: countsHiddenNote))
    }

    /// One decision per count across the document (docs/privacy.md, "Indicator shares").
    /// A share whose counts are hidden in one period is safe only while its denominator
    /// is unknown: the same indicator's counts in another period (a team's usual size),
    /// or another indicator's equal denominator in the same period (the same
    /// investigations), would pin it, and with it the misses. So an indicator that hides
    /// its counts anywhere hides them in every period, and a figure whose denominator
    /// equals a hidden one in that period hides its counts too — repeated until nothing
    /// changes (each step only hides). Values stay; only counts and intervals go.
    static func consistentCounts(_ trend: IndicatorTrendReport, original: IndicatorTrendReport) -> IndicatorTrendReport {
        var trend = trend
        let before = Dictionary(original.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func originalFigure(_ id: String, _ period: Period, _ key: String) -> GroupFigure? {
            guard let point = before[id]?.points.first(where: { $0.period == period }) else { return nil }
            return key.isEmpty ? point.total : point.groups[key]
        }
        var changed = true
        while changed {
            changed = false
            var hiding: Set<String> = []
            var denominators: [Period: Set<Double>] = [:]
            for indicator in trend.indicators {
                for point in indicator.points {
                    for (key, g) in [("", point.total)] + point.groups.map({ ($0.key, $0.value) }) where countsWithheld(g) {
                        hiding.insert(indicator.id)
                        if let d = originalFigure(indicator.id, point.period, key)?.denominator {
                            denominators[point.period, default: []].insert(d)
                        }
                    }
                }
            }
            for (i, indicator) in trend.indicators.enumerated() where !indicator.countsEvents {
                for (j, point) in indicator.points.enumerated() {
                    func pinned(_ g: GroupFigure, _ key: String) -> Bool {
                        guard g.value.isDefined, g.numerator != nil || g.denominator != nil else { return false }
                        if hiding.contains(indicator.id) { return true }
                        let d = originalFigure(indicator.id, point.period, key)?.denominator
                        return d.map { denominators[point.period]?.contains($0) ?? false } ?? false
                    }
                    if pinned(point.total, "") {
                        trend.indicators[i].points[j].total = withoutCounts(point.total)
                        changed = true
                    }
                    for (key, g) in point.groups where pinned(g, key) {
                        trend.indicators[i].points[j].groups[key] = withoutCounts(g)
                        changed = true
                    }
                }
            }
        }
        return trend
    }

    /// Every point of a trend report, suppressed; a change next to a withheld value is
    /// withheld too (it would give the value back).
    static func apply(_ trend: IndicatorTrendReport, model: LogicModel, rule: SuppressionRule) -> IndicatorTrendReport {
        var disclosures = IndicatorDisclosures()
        return apply(trend, model: model, rule: rule, disclosures: &disclosures)
    }

    /// `apply(_:model:rule:)`, recording each decision in `disclosures`.
    static func apply(_ trend: IndicatorTrendReport, model: LogicModel, rule: SuppressionRule,
                      disclosures: inout IndicatorDisclosures) -> IndicatorTrendReport {
        let original = trend
        var trend = trend
        for (i, indicator) in trend.indicators.enumerated() {
            var points = indicator.points
            var withheld = Array(repeating: false, count: points.count)   // each point's value
            for (j, p) in points.enumerated() {
                let decided = decide(total: p.total, groups: p.groups, unit: indicator.unit,
                                     countsEvents: indicator.countsEvents, rule: rule)
                points[j].total = decided.total
                points[j].groups = decided.groups
                for (key, d) in decided.withheld { disclosures[indicator.id, p.period, key.map { .group($0) } ?? .total] = d }
                withheld[j] = decided.withheld[nil] != nil
            }
            for j in points.indices where withheld[j] || (j > 0 && withheld[j - 1]) {
                points[j].change = Figure(undefined: "suppressed: next to a withheld value")
                disclosures[indicator.id, points[j].period, .change] = .withheld
            }
            trend.indicators[i].points = points
        }
        return consistentCounts(trend, original: original)
    }

    /// The status of a period, suppressed; the previous value (and the change) is
    /// withheld when the trend withheld that period's value, as the trend decided it. `disclosures` holds the
    /// trend's decisions (`apply(_:model:rule:disclosures:)`) and gets the status's.
    static func apply(_ status: IndicatorStatusReport, trend: IndicatorTrendReport, rule: SuppressionRule,
                      disclosures: inout IndicatorDisclosures) -> IndicatorStatusReport {
        var status = status
        for (i, row) in status.indicators.enumerated() {
            let decided = decide(total: row.total, groups: row.groups, unit: row.unit,
                                 countsEvents: row.countsEvents, rule: rule)
            let (total, groups) = (decided.total, decided.groups)
            for (key, d) in decided.withheld { disclosures[row.id, key.map { .group($0) } ?? .total] = d }
            status.indicators[i].total = total
            status.indicators[i].groups = groups
            // The trend decided each count once for the whole document (`consistentCounts`);
            // the status of the same period follows it.
            if let same = trend.indicators.first(where: { $0.id == row.id })?.points.first(where: { $0.period == status.period }) {
                if countsWithheld(same.total), total.value.isDefined { status.indicators[i].total = withoutCounts(total) }
                for (key, g) in same.groups where countsWithheld(g) {
                    if let mine = groups[key], mine.value.isDefined { status.indicators[i].groups[key] = withoutCounts(mine) }
                }
            }
            let previous = trend.indicators.first { $0.id == row.id }?.points.first { $0.period == row.previousPeriod }
            // The previous value as the trend published it: "<5" where it was a small
            // count, ".." where it was hidden for another's sake.
            if let previous, disclosures[row.id, previous.period, .total].isSuppressed {
                status.indicators[i].previousValue = Figure(undefined: previous.total.value.note ?? hiddenNote)
                disclosures[row.id, .previous] = disclosures[row.id, previous.period, .total]
            }
            if disclosures[row.id, .total].isSuppressed || disclosures[row.id, .previous].isSuppressed {
                status.indicators[i].change = Figure(undefined: "suppressed: next to a withheld value")
                disclosures[row.id, .change] = .withheld
            }
            if var source = row.valueSource {
                if let c = source.comparison {
                    let (shown, withheld) = decide(c, unit: row.unit, countsEvents: row.countsEvents, rule: rule)
                    source.comparison = shown
                    disclosures[row.id, .comparison] = withheld
                }
                // The rule in words names the cohort's number of cases ("pilot cohort, 7
                // cases"): that is the denominator, so it goes where the counts go.
                if status.indicators[i].total.denominator == nil, row.total.denominator != nil {
                    source.rule = withoutCaseCount(source.rule)
                }
                status.indicators[i].valueSource = source
            }
        }
        return status
    }

    /// The comparison cohort's figure beside a bound case value (`comparison: line`),
    /// under the same rule as the pilot's total: a share built on a count of 1–4 (events,
    /// misses or cases) is withheld, one whose only small count is its misses keeps its
    /// value and loses its counts; a median or mean (no counts) is shown, as its binding
    /// gives none of fewer than 5 cases.
    static func apply(_ c: ComparisonFigure, unit: IndicatorUnit, countsEvents: Bool, rule: SuppressionRule) -> ComparisonFigure {
        decide(c, unit: unit, countsEvents: countsEvents, rule: rule).figure
    }

    /// `apply(_:unit:countsEvents:rule:)`, and the decision on the cohort's value.
    static func decide(_ c: ComparisonFigure, unit: IndicatorUnit, countsEvents: Bool, rule: SuppressionRule)
        -> (figure: ComparisonFigure, disclosure: Disclosure) {
        let figure = GroupFigure(value: c.value.map { Figure($0) } ?? Figure(undefined: c.note ?? "no value"),
                                 numerator: c.numerator, denominator: c.denominator,
                                 ciLow: Figure(undefined: ""), ciHigh: Figure(undefined: ""))
        let decided = decide(total: figure, groups: [:], unit: unit, countsEvents: countsEvents, rule: rule)
        let shown = decided.total, disclosure = decided.withheld[nil] ?? .shown
        guard shown != figure else { return (c, disclosure) }
        return (ComparisonFigure(cohort: c.cohort, value: shown.value.value, numerator: shown.numerator,
                                 denominator: shown.denominator, note: shown.value.value == nil ? shown.value.note : c.note),
                disclosure)
    }

    /// "…; pilot cohort, 7 cases; …" → "…; pilot cohort; …".
    static func withoutCaseCount(_ rule: String) -> String {
        rule.replacingOccurrences(of: #"(cohort), \d+ cases"#, with: "$1", options: .regularExpression)
    }
}
