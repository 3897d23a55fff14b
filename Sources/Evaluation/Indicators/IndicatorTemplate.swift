import LogicModel
import Periods
import Store

/// The entry sheet `piloteval indicators template` writes (DESIGN §3.5): one row per
/// indicator × group for a period — the indicator code and the group each in a cell of
/// their own, then the input cells (value, numerator, denominator, note; unlocked,
/// numbers validated), then the period, title, unit, previous value and target as
/// read-only context — and instructions in Swedish on a second sheet. Its headers are the
/// observation file's Swedish names, so the filled-in sheet imports back as it is
/// (`indicators import`); the context columns are not read.
public enum IndicatorTemplate {
    public static let header = ["Indikator", "Grupp", "Värde", "Täljare", "Nämnare", "Kommentar",
                                "Period", "Titel", "Enhet", "Föregående värde", "Mål"]

    public struct Row: Sendable, Equatable {
        public var indicator: String
        public var group: String
        public var title: String
        public var unit: String
        public var previous: Double?
        public var previousPeriod: Period?
        public var target: String?
    }

    /// The rows for `period`: every hand-entered indicator of the model, its total and
    /// then each breakdown value (DESIGN §3.2's groups), with the latest stored value
    /// before the period and the unit's target for the period (or its year). An indicator
    /// computed from loaded data (`data:`) has no row: a value typed for it would replace
    /// the computed one (a hand-entered observation wins, BoundValues.merge).
    public static func rows(model: LogicModel, period: Period, stored: [Observation]) -> [Row] {
        var rows: [Row] = []
        // The rows that stand (the latest import's), not the superseded ones beside them.
        let current = ObservationSet(stored)
        for indicator in model.indicators where indicator.data == nil {
            let groups = [Observation.total] + indicator.breakdowns.keys.sorted().flatMap { indicator.breakdowns[$0] ?? [] }
            let target = unitTarget(indicator, period)
            for group in groups {
                let previous = current.periods(of: indicator.id).filter { $0 < period }.sorted(by: >)
                    .lazy.compactMap { current.get(indicator.id, $0, group) }.first
                rows.append(Row(indicator: indicator.id, group: group, title: indicator.title, unit: indicator.unit.rawValue,
                                previous: previous.flatMap { $0.value ?? $0.figure(unit: indicator.unit) },
                                previousPeriod: previous?.period, target: target.map { $0.rule.text }))
            }
        }
        return rows
    }

    /// The unit's own target for the period, or for its year.
    public static func unitTarget(_ indicator: Indicator, _ period: Period) -> Target? {
        indicator.targets.first { $0.setBy == .unit && $0.period == period }
            ?? indicator.targets.first { $0.setBy == .unit && $0.period == period.yearPeriod }
    }

    /// The workbook: the entry sheet and the instructions.
    public static func workbook(model: LogicModel, period: Period, rows: [Row]) -> XLSXWriter {
        typealias Cell = XLSXWriter.Cell
        var sheetRows: [[Cell]] = [header.map { Cell(.text($0), style: .header) }]
        for r in rows {
            var previous = XLSXWriter.Value.empty
            if let p = r.previous { previous = .number(p) }
            sheetRows.append([
                Cell(.text(r.indicator), style: .context), Cell(.text(r.group), style: .context),
                Cell(.empty, style: .input), Cell(.empty, style: .input), Cell(.empty, style: .input), Cell(.empty, style: .input),
                Cell(.text(period.text), style: .context), Cell(.text(r.title), style: .context),
                Cell(.text(r.unit), style: .context), Cell(previous, style: .context),
                Cell(r.target.map { .text($0) } ?? .empty, style: .context),
            ])
        }
        let last = rows.count + 1
        let entry = XLSXWriter.Sheet(name: "Inmatning", rows: sheetRows,
                                     columnWidths: [11, 10, 10, 10, 10, 30, 10, 50, 9, 16, 14],
                                     freezeHeader: true, protected: true, numberRanges: ["C2:E\(last)"])
        let text = [
            "Inmatning av indikatorvärden: \(model.name), period \(period.text)",
            "",
            "Fyll i bladet Inmatning, en rad per indikator och grupp. Skriv värdet i kolumnen Värde, eller antalen i Täljare och Nämnare (till exempel 41 av 50), eller båda. Kommentar är fri text: varifrån siffran kommer.",
            "Skriv tal som Excel visar dem: decimalkomma går bra. Lämna cellerna tomma för en rad som saknar uppgift, eller ta bort raden.",
            "Kolumnerna Indikator, Grupp och Period anger vad raden gäller och ska inte ändras. Titel, Enhet, Föregående värde och Mål är hjälp för den som fyller i och läses inte in.",
            "Läs sedan in filen som den är: piloteval indicators import FIL.xlsx --model \(model.id)",
            "Skriv aldrig personnummer eller namn i kommentarerna.",
        ]
        let instructions = XLSXWriter.Sheet(name: "Instruktioner", rows: text.map { [Cell(.text($0), style: .wrapped)] },
                                            columnWidths: [100], protected: true)
        return XLSXWriter(sheets: [entry, instructions])
    }
}
