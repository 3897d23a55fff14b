import Evaluation
import Foundation
import LogicModel
import Periods
import Statistics

/// An indicator's figures, targets and statuses in a report's words: what the final
/// report's indicator tables, the steering brief's overview, the gender table and the
/// tertial table write in their cells and sentences. The small explicit input those
/// blocks take instead of a report's context: the report's strings and number style,
/// and the logic model (names, proposals, gender breakdowns).
///
/// Every number of those tables is a `FigureCell`: an indicator's value in its unit with
/// as many decimals as it was stated with (`IndicatorValueText`), a change signed, an n a
/// count, each with the disclosure decision Reports' disclosure control took on it
/// (`IndicatorDisclosures`, `IndicatorFigureSuppression`) before the record was made. A
/// withheld value reads "<5" when it is itself a small count (`Disclosure.small`) and
/// ".." otherwise (`.withheld`: a share built on a hidden count, a complementary cell); a
/// figure without a value "–". A number with words beside it ("5,1 (enkät mars 2022)",
/// "80,8 % (n = 26)") is one cell of figures and words (`TableBlock.Cell(pattern:…)`).
/// (The terminal's analyst view writes the same values through `IndicatorCells`,
/// unsuppressed and in its own precision.)
public struct IndicatorWords {
    public var strings: ReportStrings
    public var style: NumberStyle
    public var model: LogicModel

    public init(strings: ReportStrings, style: NumberStyle, model: LogicModel) {
        self.strings = strings
        self.style = style
        self.model = model
    }

    public var language: Language { style.language }

    /// "● Uppfyllt" — a symbol and a word, so the status never rests on the symbol (or a colour).
    public func status(_ status: TargetStatus, interim: Bool = false) -> String {
        strings("status.\(status.rawValue)") + (interim ? " " + strings("status.interim") : "")
    }

    public func assessment(_ a: Assessment) -> String { strings("assessment.\(a.rawValue)") }

    /// What kind of number an indicator's value is: a percentage, kronor, a count (of
    /// persons, or of events for an indicator that counts events) or a plain number, with
    /// as many decimals as it was stated with (`IndicatorValueText.decimals`). A value
    /// with decimals is a plain number whatever its unit.
    public static func kind(_ v: Double?, unit: IndicatorUnit, events: Bool = false, decimals: Int? = nil) -> FigureCell.Kind {
        let d = decimals ?? v.map(IndicatorValueText.decimals) ?? 0
        switch unit {
        case .percent: return .percent(d)
        case .sek: return .kronor
        case .count where d == 0: return events ? .eventCount : .count
        default: return .decimal(d)
        }
    }

    /// An indicator's value as the report writes it, typed, with disclosure control's
    /// decision on it.
    public func figure(_ f: Figure, unit: IndicatorUnit, disclosure: Disclosure, events: Bool = false,
                       decimals: Int? = nil) -> FigureCell {
        FigureCell(f, Self.kind(f.value, unit: unit, events: events, decimals: decimals), disclosure: disclosure)
    }

    /// The decimals a row's value, previous value and change are all written with where
    /// their own would contradict each other: computed values to one decimal can print
    /// "1,3" and "1,3" beside a change of "+0,1" (1,34 and 1,26). The fewest decimals, up
    /// to three, at which the two values print alike exactly when the change prints as
    /// zero; nil when the usual decimals already agree (or a figure is missing).
    public func agreeingDecimals(_ row: IndicatorStatusRow) -> Int? {
        guard let v = row.value.value, let p = row.previousValue.value, let c = row.change.value, row.unit != .sek else {
            return nil
        }
        let n = style
        func agrees(_ dv: Int, _ dp: Int, _ dc: Int) -> Bool {
            (n.decimal(v, decimals: dv) == n.decimal(p, decimals: dp)) == (n.signed(c, decimals: dc) == n.signed(0, decimals: dc))
        }
        let dv = IndicatorValueText.decimals(v), dp = IndicatorValueText.decimals(p)
        if agrees(dv, dp, changeDecimals(row) ?? 0) { return nil }
        for d in max(dv, dp)...3 where agrees(d, d, d) { return d }
        return nil
    }

    /// One precision for the figures of a row — its value, previous value, the line's
    /// value and any `others` (the trend's points) — so a row never writes "1,34" beside
    /// "1,6": the agreeing decimals where value and previous need them; otherwise, when
    /// their own decimals differ, the most any of them has (two at most); nil when they
    /// already share one.
    public func rowDecimals(_ row: IndicatorStatusRow, with others: [Double?] = []) -> Int? {
        guard row.unit != .sek else { return nil }
        if let d = agreeingDecimals(row) { return d }
        return Self.sharedDecimals(([row.value.value, row.previousValue.value, row.valueSource?.comparison?.value] + others)
            .compactMap { $0 })
    }

    /// One precision for figures read side by side, when their own decimals differ: the
    /// most any of them has, two at most ("75,0 % | 73,4 %", not "75 % | 73,4 %"); nil
    /// when they already share one.
    public static func sharedDecimals(_ values: [Double]) -> Int? {
        let own = Set(values.map(IndicatorValueText.decimals))
        guard own.count > 1, let most = own.max() else { return nil }
        return min(2, most)
    }

    /// The change's own decimals: as many as the value or the change has, two at most.
    func changeDecimals(_ row: IndicatorStatusRow) -> Int? {
        row.change.value.map { min(max(IndicatorValueText.decimals(row.value.value ?? $0), IndicatorValueText.decimals($0)), 2) }
    }

    /// A value of the record held as a number and its note (the tertial table's row).
    public func figure(_ v: Double?, note: String?, unit: IndicatorUnit, disclosure: Disclosure,
                       events: Bool = false, decimals: Int? = nil) -> FigureCell {
        figure(v.map { Figure($0) } ?? Figure(undefined: note ?? "no value"), unit: unit, disclosure: disclosure, events: events,
               decimals: decimals)
    }

    /// The value as a cell: the figure alone, or with words after it in brackets ("5,1
    /// (enkät mars 2022)", "66 % (tertial 3 2021)").
    public func cell(_ figure: FigureCell, words: String? = nil) -> TableBlock.Cell {
        var parts = CellParts(figure)
        if let words { parts.append(" (" + words + ")") }
        return parts.cell(style)
    }

    /// The value as a cell, or "–" where the row has no such figure at all (no
    /// comparison cohort).
    func cellOrDash(_ figure: FigureCell?) -> TableBlock.Cell {
        figure.map { cell($0) } ?? TableBlock.Cell(strings("placeholder.value"))
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

    /// The comparison cohort's value, typed with its decision; nil when the row has none.
    func comparison(_ c: ComparisonFigure?, unit: IndicatorUnit, disclosure: Disclosure, decimals: Int? = nil) -> FigureCell? {
        c.map { figure($0.value.map { Figure($0) } ?? Figure(undefined: $0.note ?? "no value"), unit: unit, disclosure: disclosure,
                       decimals: decimals) }
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

    /// The change since the previous period: signed, to as many decimals as the value or
    /// the change has (two at most), in percentage points for a share ("+2,3 p.e."); a
    /// figure alone when withheld ("..") or undefined ("–").
    func change(_ row: IndicatorStatusRow, disclosure: Disclosure) -> CellParts {
        let c = row.change.value
        let d = agreeingDecimals(row) ?? changeDecimals(row) ?? 0
        var parts = CellParts(FigureCell(row.change, .signed(d), disclosure: disclosure))
        if c != nil, !disclosure.isSuppressed, row.unit == .percent { parts.append(NumberStyle.noBreakSpace + strings("unit.pp")) }
        return parts
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

/// A cell's figures and the words between them, in reading order, made into one
/// `TableBlock.Cell`: a figure alone is a figure cell, figures with words a cell whose
/// pattern places them ("{0} (n = {1})"), words alone a text cell.
struct CellParts {
    enum Part {
        case words(String)
        case figure(FigureCell)
    }

    var parts: [Part] = []

    init(_ figure: FigureCell) { parts = [.figure(figure)] }

    init(words: String) { parts = [.words(words)] }

    mutating func append(_ words: String) { parts.append(.words(words)) }

    mutating func append(_ figure: FigureCell) { parts.append(.figure(figure)) }

    mutating func append(_ other: CellParts) { parts += other.parts }

    var figures: [FigureCell] {
        parts.compactMap { if case .figure(let f) = $0 { return f }; return nil }
    }

    /// The same with every space of its words a no-break space (the figures have none),
    /// so the cell is never broken inside ("(+2,3 p.e.)").
    var noBreak: CellParts {
        var out = self
        out.parts = parts.map {
            if case .words(let w) = $0 { return .words(w.replacingOccurrences(of: " ", with: NumberStyle.noBreakSpace)) }
            return $0
        }
        return out
    }

    /// Whether the cell is one figure without a value and not withheld: "–".
    var isUndefinedFigure: Bool {
        guard parts.count == 1, case .figure(let f) = parts[0] else { return false }
        return f.disclosure == .shown && !f.figure.isDefined
    }

    func cell(_ style: NumberStyle) -> TableBlock.Cell {
        if parts.count == 1, case .figure(let f) = parts[0] { return TableBlock.Cell(f, style: style) }
        let figures = self.figures
        guard !figures.isEmpty else {
            return TableBlock.Cell(parts.map { if case .words(let w) = $0 { return w }; return "" }.joined())
        }
        var pattern = "", k = 0
        for part in parts {
            switch part {
            case .words(let w): pattern += Pattern.literal(w)
            case .figure:
                pattern += "{\(k)}"
                k += 1
            }
        }
        return TableBlock.Cell(pattern: pattern, figures: figures, style: style)
    }
}
