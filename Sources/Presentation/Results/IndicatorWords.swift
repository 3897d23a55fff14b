import Evaluation
import Foundation
import LogicModel
import Periods
import Statistics

/// An indicator's figures, targets and statuses in a report's words: what the final
/// report's indicator tables, the steering brief's overview, the gender table and the
/// tertial table write in their cells and sentences. The small explicit input those
/// blocks take instead of a report's context: the report's strings and number style,
/// the logic model (names, proposals, gender breakdowns), and the note by which the
/// record marks a value withheld as itself a small count.
///
/// What is withheld was decided by Reports' disclosure control before the record was
/// made (`IndicatorFigureSuppression`): a withheld figure is null with a note beginning
/// "suppressed" (DESIGN §5). It reads "<5" when it is a small count of an indicator that
/// counts (`smallNote`), ".." otherwise (a share built on a hidden count, or a
/// complementary cell). (The terminal's analyst view writes the same values through
/// `IndicatorCells`, unsuppressed and in its own precision.)
public struct IndicatorWords {
    public var strings: ReportStrings
    public var style: NumberStyle
    public var model: LogicModel
    /// The note of a value withheld because it is itself a count of 1–4.
    public var smallNote: String

    public init(strings: ReportStrings, style: NumberStyle, model: LogicModel, smallNote: String) {
        self.strings = strings
        self.style = style
        self.model = model
        self.smallNote = smallNote
    }

    public var language: Language { style.language }

    /// Whether the record withheld this figure (null beside a note beginning "suppressed").
    public static func isWithheld(_ f: Figure) -> Bool { isWithheld(note: f.note) }

    public static func isWithheld(note: String?) -> Bool { note?.hasPrefix("suppressed") ?? false }

    /// "● Uppfyllt" — a symbol and a word, so the status never rests on the symbol (or a colour).
    public func status(_ status: TargetStatus, interim: Bool = false) -> String {
        strings("status.\(status.rawValue)") + (interim ? " " + strings("status.interim") : "")
    }

    public func assessment(_ a: Assessment) -> String { strings("assessment.\(a.rawValue)") }

    /// A value as the report writes it: the figure, or "–" without one. A withheld value
    /// reads "<5" when it is itself a small count (a `count` indicator) and ".." otherwise
    /// (a share built on a hidden count, or a complementary cell), as `SuppressedFigures` writes them.
    public func value(_ f: Figure, unit: IndicatorUnit) -> String {
        if let v = f.value { return IndicatorValueText.text(v, unit: unit, numbers: style) ?? "" }
        if Self.isWithheld(f) { return withheld(f.note, unit: unit) }
        return strings("placeholder.value")
    }

    /// A value of the record held as a number and its note (the tertial table's row):
    /// the figure, "<5"/".." when withheld, "–" without one.
    public func value(_ v: Double?, note: String?, unit: IndicatorUnit) -> String {
        guard let v else {
            guard Self.isWithheld(note: note) else { return strings("placeholder.value") }
            return withheld(note, unit: unit)
        }
        return IndicatorValueText.text(v, unit: unit, numbers: style) ?? strings("placeholder.value")
    }

    /// "<5" for a small count of a `count` indicator, ".." for any other withheld value.
    public func withheld(_ note: String?, unit: IndicatorUnit) -> String {
        unit == .count && note == smallNote ? strings("suppression.small") : strings("suppression.hidden")
    }

    /// The computed values' sources and the reasons for missing ones, as a list under a heading.
    public func sourceBlocks(_ sources: [String]?) -> [Block] {
        guard let sources, !sources.isEmpty else { return [] }
        return [.heading(level: 1, text: strings("source.heading")),
                .list(ListBlock(items: sources.map { RichText($0) }))]
    }

    /// "enkät mars 2022": the survey round a yearly value read for a tertial comes from
    /// (`IndicatorStatusRow.valuePeriod`); nil for a value of the period itself.
    public func waveLabel(_ wave: String?) -> String? {
        guard let wave else { return nil }
        let named = (Period(parsing: wave) ?? Period(parsing: wave.prefix(7))).map(style.period) ?? wave
        return strings("indicators.wave", ["wave": named])
    }

    func waveLabel(_ row: IndicatorStatusRow) -> String? {
        row.valuePeriod == nil ? nil : waveLabel(row.valueSource?.wave)
    }

    /// Which total the survey-bound values have (all units, or the pilot's own unit), in
    /// words: one sentence per kind, naming the indicators.
    public func surveyTotalNotes(_ sources: [(id: String, source: ValueSource?)]) -> [String] {
        var all: [String] = [], own: [String: [String]] = [:], order: [String] = []
        for (id, source) in sources {
            switch source?.total {
            case .allUnits?: all.append(id)
            case .pilotUnit?:
                let unit = source?.totalUnit ?? ""
                if own[unit] == nil { order.append(unit) }
                own[unit, default: []].append(id)
            case nil: break
            }
        }
        var out: [String] = []
        if !all.isEmpty { out.append(strings("indicators.survey.all_units", ["ids": all.joined(separator: ", ")])) }
        for unit in order {
            out.append(strings("indicators.survey.pilot_unit", ["ids": own[unit]!.joined(separator: ", "), "unit": unit]))
        }
        return out
    }

    /// The header of the comparison column: the cohort's name when every comparison is
    /// of one cohort (the line, almost always); nil when no row has a comparison.
    public func comparisonHeader(_ cohorts: [String]) -> String? {
        let kinds = Set(cohorts)
        guard let first = kinds.first else { return nil }
        return strings(kinds.count == 1 && first == "pilot" ? "indicators.col.comparison.pilot" : "indicators.col.comparison.line")
    }

    /// The comparison cohort's value as a cell: the figure, "<5"/".." when withheld, "–" without one.
    func comparison(_ c: ComparisonFigure?, unit: IndicatorUnit) -> String {
        guard let c else { return strings("placeholder.value") }
        if let v = c.value { return IndicatorValueText.text(v, unit: unit, numbers: style) ?? "" }
        if Self.isWithheld(note: c.note) { return withheld(c.note, unit: unit) }
        return strings("placeholder.value")
    }

    func target(_ t: TargetReading?, unit: IndicatorUnit) -> String {
        guard let t else { return strings("placeholder.value") }
        return TargetRuleText.text(t.rule, unit: unit, language: language, note: t.note)
    }

    /// The indicator's code in bold, its title, and "(förslag)" for a proposal.
    func name(_ row: IndicatorStatusRow) -> RichText {
        var name = RichText([.strong(row.id), .plain(" " + row.title)])
        if model.indicators.first(where: { $0.id == row.id })?.illustrative == true {
            name = name + RichText([.emphasis(" (\(strings("illustrative.label")))")])
        }
        return name
    }

    /// The change since the previous period: signed, in percentage points for a share;
    /// ".." when withheld, "–" without one.
    func change(_ row: IndicatorStatusRow) -> String {
        guard let c = row.change.value else {
            return Self.isWithheld(row.change) ? strings("suppression.hidden") : strings("placeholder.value")
        }
        let d = max(IndicatorValueText.decimals(row.value.value ?? c), IndicatorValueText.decimals(c))
        let text = style.signed(c, decimals: min(d, 2))
        return row.unit == .percent ? text + NumberStyle.noBreakSpace + strings("unit.pp") : text
    }

    /// How far an off-target value lies from a single threshold or a range, in the
    /// indicator's unit ("9,2 procentenheter under", "3 dagar över"); nil for relative
    /// rules, for several rules, and when the distance rounds to nothing.
    public func gap(_ value: Double, rule: TargetRule, unit: IndicatorUnit) -> String? {
        let s = strings, n = style
        let signed: Double, decimals: Int
        switch rule {
        case .threshold(_, let t):
            signed = value - t.value
            decimals = max(IndicatorValueText.decimals(value), t.decimals)
        case .between(let a, let b):
            guard value < a.value || value > b.value else { return nil }
            signed = value < a.value ? value - a.value : value - b.value
            decimals = max(IndicatorValueText.decimals(value), value < a.value ? a.decimals : b.decimals)
        default: return nil
        }
        let d = min(decimals, 2)
        let size = abs(signed)
        guard (size * pow(10, Double(d))).rounded() > 0 else { return nil }
        var gap: String
        switch unit {
        case .sek: gap = n.kronor(size)
        default: gap = n.decimal(size, decimals: d)
        }
        let one = gap == "1"
        switch unit {
        case .percent: gap += NumberStyle.noBreakSpace + s(one ? "unit.pp.words.one" : "unit.pp.words")
        case .days: gap += NumberStyle.noBreakSpace + s(one ? "unit.days.one" : "unit.days")
        default: break
        }
        return s(signed < 0 ? "indicators.vs_target.below" : "indicators.vs_target.above", ["gap": gap])
    }
}

extension IndicatorStatusReport {
    /// Whether any figure a report shows of this status was withheld.
    public var anyWithheld: Bool {
        indicators.contains { row in
            ([row.value, row.previousValue] + row.groups.values.map(\.value)).contains(where: IndicatorWords.isWithheld)
                || IndicatorWords.isWithheld(note: row.valueSource?.comparison?.note)
        }
    }
}
