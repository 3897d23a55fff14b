import Evaluation
import Foundation
import LogicModel
import Periods
import Store

/// Entering one period's indicator values in a form (issue 23): the rows are the entry
/// template's (`IndicatorTemplate.rows`: every hand-entered indicator of the period's
/// frequency, its total and each group), filled with what is stored; the filled-in form
/// is written as an observation file and imported as one (`IndicatorUpload`), so it
/// gets the CSV import's checks and messages, and is one import to undo. Each row of
/// that file is one row of the form, so an error's line names its field.
struct ValueEntry: Sendable {
    /// One indicator × group of the form.
    struct Row: Sendable {
        var indicator: String
        var group: String
        var title: String
        var unit: IndicatorUnit
        var previous: Double?
        var previousPeriod: Period?
        var target: Target?
        /// What is stored for the period (hand-entered), as the form shows it.
        var stored: Values
    }

    /// A row's inputs, as typed (decimal comma and all).
    struct Values: Sendable, Equatable {
        var value = "", numerator = "", denominator = "", note = ""

        var isEmpty: Bool { [value, numerator, denominator, note].allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }

        /// A field by its form name (`ValueEntry.fields`): value, numerator, denominator, note.
        subscript(field field: String) -> String {
            get {
                switch field {
                case "value": value
                case "numerator": numerator
                case "denominator": denominator
                default: note
                }
            }
            set {
                switch field {
                case "value": value = newValue
                case "numerator": numerator = newValue
                case "denominator": denominator = newValue
                default: note = newValue
                }
            }
        }
    }

    /// The form's field names: `value:I1:total`, `numerator:…`, `denominator:…`, `note:…`.
    static let fields = ["value", "numerator", "denominator", "note"]
    static func fieldName(_ field: String, _ row: Row) -> String { "\(field):\(row.indicator):\(row.group)" }

    let period: Period
    let rows: [Row]
    /// Indicators whose values are computed from loaded data (`data:`): shown, not entered.
    let computed: [Indicator]
    /// The stored state of the period's entered values (the imports that brought them):
    /// a save from a form opened on another state is refused, never a silent overwrite.
    let version: String
    /// The period's approval: nil while open.
    let approval: PeriodApproval?
    /// Live values that differ from a locked period's kept ones, by `indicator:group`.
    let pending: [String: Observation]

    var locked: Bool { approval?.state == .locked }

    init(model: LogicModel, period: Period, observations: [Observation], approval: PeriodApproval? = nil,
         pending: [Observation] = []) {
        self.period = period
        self.approval = approval
        var waiting: [String: Observation] = [:]
        for o in pending where o.period == period { waiting["\(o.indicator):\(o.group)"] = o }
        self.pending = waiting
        let entered = observations.filter { $0.computed == nil }
        let ofPeriod = entered.filter { $0.period == period }
        // The rows that stand: the latest import's for each indicator and group (the
        // observations keep the superseded rows too).
        let current = ObservationSet(ofPeriod)
        let template = IndicatorTemplate.rows(model: model, period: period, stored: entered)
        rows = template.compactMap { t in
            guard let indicator = model.indicators.first(where: { $0.id == t.indicator }),
                  Self.entered(indicator, in: period) else { return nil }
            var stored = Values()
            if let o = current.get(t.indicator, period, t.group) {
                stored = Values(value: o.value.map(Self.text) ?? "", numerator: o.numerator.map(Self.text) ?? "",
                                denominator: o.denominator.map(Self.text) ?? "", note: o.note ?? "")
            }
            return Row(indicator: t.indicator, group: t.group, title: t.title, unit: indicator.unit, previous: t.previous,
                       previousPeriod: t.previousPeriod, target: IndicatorTemplate.unitTarget(indicator, period),
                       stored: stored)
        }
        computed = model.indicators.filter { $0.data != nil && Self.frequency($0) == period.kind }
        version = Self.version(ofPeriod)
    }

    /// Whether an indicator is entered in periods of this kind: its frequency's
    /// (a tertial indicator in tertials, a yearly one in years; without a frequency, tertials).
    static func entered(_ indicator: Indicator, in period: Period) -> Bool {
        indicator.data == nil && frequency(indicator) == period.kind
    }

    static func frequency(_ indicator: Indicator) -> Period.Kind? {
        switch indicator.frequency ?? .tertial {
        case .month: .month
        case .tertial: .tertial
        case .quarter: .quarter
        case .year, .wave: .year
        }
    }

    /// The imports behind the period's entered values, in order: changes with every
    /// save and every undo that touches the period.
    static func version(_ observations: [Observation]) -> String {
        let imports = Set(observations.compactMap(\.importID)).sorted()
        return imports.isEmpty ? "none" : imports.map(String.init).joined(separator: ",")
    }

    /// A stored number as a person would type it back: no trailing ".0", a decimal comma.
    static func text(_ value: Double) -> String {
        let plain = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
        return plain.replacingOccurrences(of: ".", with: ",")
    }

    /// The periods a person may enter: of each kind the model's entered indicators use,
    /// from the model's start to the period that has ended most recently (or its end),
    /// newest first; and the one the form opens on (the most recently ended).
    static func periods(model: LogicModel, today: CalendarDate) -> (all: [Period], opening: Period?) {
        let kinds = Set(model.indicators.filter { $0.data == nil }.compactMap(frequency))
        let start = model.period?.start ?? CalendarDate(year: today.year - 2, month: 1, day: 1)!
        let end = min(model.period?.end ?? today, today)
        var all: [Period] = []
        var ended: [Period.Kind: Period] = [:]
        for kind in Period.Kind.allCases where kinds.contains(kind) {
            var p = Period(containing: start, kind: kind)
            var ofKind: [Period] = []
            while p.start <= end {
                ofKind.append(p)
                p = p.next
            }
            // The latest that has ended by today, else the first.
            ended[kind] = ofKind.last { $0.end < today } ?? ofKind.first
            all += ofKind.reversed().prefix(36)
        }
        // The city's reporting term first: a tertial when the model has tertial indicators.
        let opening = ended[.tertial] ?? Period.Kind.allCases.lazy.compactMap { ended[$0] }.first
        return (all, opening)
    }

    /// Whether the typed values are exactly what is stored (nothing to save).
    func isUnchanged(_ input: [String: Values]) -> Bool {
        rows.allSatisfy { row in
            let typed = input["\(row.indicator):\(row.group)"] ?? Values()
            return Self.same(typed, row.stored)
        }
    }

    /// Two rows of inputs alike as numbers and text ("41" and "41,0", a note's spaces).
    static func same(_ a: Values, _ b: Values) -> Bool {
        func number(_ t: String) -> Double?? {
            let trimmed = t.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return .some(nil) }
            return Double(trimmed.replacingOccurrences(of: ",", with: ".")).map { .some($0) }
        }
        for (x, y) in [(a.value, b.value), (a.numerator, b.numerator), (a.denominator, b.denominator)] {
            guard let nx = number(x), let ny = number(y) else { if x != y { return false }; continue }
            if nx != ny { return false }
        }
        return a.note.trimmingCharacters(in: .whitespaces) == b.note.trimmingCharacters(in: .whitespaces)
    }

    /// The observation file the form amounts to: one row per form row with anything in it.
    /// - Returns: the file's text and, per line, the row it came from.
    func file(_ input: [String: Values]) -> (text: String, lines: [Int: Row]) {
        var text = "indicator;period;group;value;numerator;denominator;note\n"
        var lines: [Int: Row] = [:]
        var line = 1
        for row in rows {
            guard let v = input["\(row.indicator):\(row.group)"], !v.isEmpty else { continue }
            line += 1
            lines[line] = row
            text += [row.indicator, period.text, row.group, v.value, v.numerator, v.denominator, v.note]
                .map(Self.cell).joined(separator: ";") + "\n"
        }
        return (text, lines)
    }

    /// A CSV cell: quoted when it holds a delimiter, quote or line break; lines joined.
    static func cell(_ text: String) -> String {
        // Every line break (CR, LF, CRLF, U+2028 …) and tab becomes a space: a row stays one line.
        let one = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 }).trimmingCharacters(in: .whitespaces)
        guard one.contains(where: { $0 == ";" || $0 == "\"" || $0 == "," }) else { return one }
        return "\"" + one.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The column of the observation file an error points at, as the form's field.
    static func field(column: Int?) -> String? {
        switch column {
        case 4: "value"
        case 5: "numerator"
        case 6: "denominator"
        case 7: "note"
        default: nil
        }
    }
}
