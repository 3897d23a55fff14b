import Foundation
import Periods
import Store

/// A measure over time as read from a CSV file or the database: one point per date,
/// a value or a numerator/denominator pair.
public struct MeasureSeries: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        /// The date or period as written.
        public var label: String
        /// Where the point is drawn; nil when the file has no date column (x is the row).
        public var date: CalendarDate?
        /// The value, or the numerator when `denominator` is used.
        public var value: Double?
        public var denominator: Double?
        public var note: String?
        /// The CSV line (for messages), if read from a file.
        public var line: Int?

        public init(label: String, date: CalendarDate?, value: Double?, denominator: Double? = nil,
                    note: String? = nil, line: Int? = nil) {
            self.label = label
            self.date = date
            self.value = value
            self.denominator = denominator
            self.note = note
            self.line = line
        }
    }

    public var name: String
    public var points: [Point]
    public var hasDenominator: Bool
    /// Things the reader did that a user should know (rows aggregated per date, …).
    public var notes: [String] = []

    public init(name: String, points: [Point], hasDenominator: Bool, notes: [String] = []) {
        self.name = name
        self.points = points
        self.hasDenominator = hasDenominator
        self.notes = notes
    }

    /// The columns to read: `value` (or numerator), optional `denominator`, optional
    /// `date` (default: a column named date, period, week, month or datum, if any),
    /// optional `note` (default: a column named note or kommentar).
    public struct Columns: Sendable {
        public var value: String
        public var denominator: String?
        public var date: String?
        public var note: String?
        public init(value: String, denominator: String? = nil, date: String? = nil, note: String? = nil) {
            self.value = value
            self.denominator = denominator
            self.date = date
            self.note = note
        }
    }

    static let dateColumnNames = ["date", "datum", "period", "week", "vecka", "month", "månad"]
    static let noteColumnNames = ["note", "notes", "kommentar", "anteckning"]

    /// Reads a CSV file (any dialect docs/csv-input.md describes). Every unreadable cell
    /// is an `AnalysisInputError` naming file:line:column; nothing is guessed. Rows with
    /// the same date are combined as qicharts2 does: numerators and denominators summed,
    /// plain values averaged (with a note saying so).
    public static func read(path: String, columns: Columns, name: String? = nil, combine: Bool = true,
                            sheet: String? = nil) throws -> MeasureSeries {
        let reader: CSVReader
        do { reader = try CSVReader(path: path, sheet: sheet) } catch let e as CSVError { throw AnalysisInputError(e.description) }
        return try read(reader, label: path, columns: columns, name: name, combine: combine)
    }

    /// Reads an open reader (an upload held in memory); `path` names it in messages.
    public static func read(_ reader: CSVReader, label path: String, columns: Columns, name: String? = nil,
                            combine: Bool = true) throws -> MeasureSeries {
        func column(_ wanted: String) throws -> Int {
            guard let i = reader.columnIndex(wanted) else {
                throw AnalysisInputError("\(path): no column named \"\(wanted)\"; the header has: \(reader.header.joined(separator: ", "))")
            }
            return i
        }
        let valueIndex = try column(columns.value)
        let denominatorIndex = try columns.denominator.map(column)
        let dateIndex = try columns.date.map(column)
            ?? dateColumnNames.lazy.compactMap { reader.columnIndex($0) }.first
        let noteIndex = try columns.note.map(column) ?? noteColumnNames.lazy.compactMap { reader.columnIndex($0) }.first

        var points: [Point] = []
        do {
            try reader.forEachRow { row in
                func located(_ index: Int, _ reason: String) -> AnalysisInputError {
                    AnalysisInputError("\(path):\(reader.sheet?.reference(row: row.line, field: index) ?? "\(row.line):\(index + 1)"): \(reason)")
                }
                func number(_ index: Int, what: String) throws -> Double? {
                    switch SwedishNumber.parse(row[index]) {
                    case .value(let v): return v
                    case .empty: return nil
                    case .invalid(let reason): throw located(index, "\(what): \(reason)")
                    }
                }
                var date: CalendarDate?
                var label = String(points.count + 1)
                if let dateIndex {
                    label = row[dateIndex].trimmingCharacters(in: .whitespaces)
                    switch MeasureDate.parse(row[dateIndex]) {
                    case .value(let d): date = d
                    case .empty: throw located(dateIndex, "the date is blank; every row needs one (leave the value blank for a missing value)")
                    case .invalid(let reason): throw located(dateIndex, reason)
                    }
                }
                let value = try number(valueIndex, what: "value")
                var denominator: Double?
                if let denominatorIndex {
                    denominator = try number(denominatorIndex, what: "denominator")
                    if let d = denominator, d < 0 { throw located(denominatorIndex, "the denominator is negative (\(row[denominatorIndex]))") }
                    if let v = value, v < 0 { throw located(valueIndex, "the numerator is negative (\(row[valueIndex])); a count cannot be") }
                }
                let note = noteIndex.map { row[$0].trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
                points.append(Point(label: label, date: date, value: value, denominator: denominator, note: note, line: row.line))
            }
        } catch let e as CSVError {
            throw AnalysisInputError(e.description)
        }
        if points.isEmpty { throw AnalysisInputError("\(path): no data rows under the header") }
        var series = MeasureSeries(name: name ?? columns.value, points: points, hasDenominator: denominatorIndex != nil)
        if let note = reader.noDataNote { series.notes.append(note) }   // `-`, `..`, `saknas` read as blank
        if combine { series.combineSameDates() }
        return series
    }

    /// Sorts by date and combines rows that share one, as qicharts2's `qic.agg` does
    /// (`y.sum / n` with a denominator, else the mean). Without dates, rows stay in order.
    mutating func combineSameDates() {
        guard points.allSatisfy({ $0.date != nil }) else { return }
        let sorted = points.enumerated().sorted { ($0.element.date!, $0.offset) < ($1.element.date!, $1.offset) }.map(\.element)
        var combined: [Point] = []
        var merged = 0
        var i = 0
        while i < sorted.count {
            var j = i
            while j + 1 < sorted.count && sorted[j + 1].date == sorted[i].date { j += 1 }
            let group = sorted[i...j]
            if group.count == 1 {
                combined.append(group.first!)
            } else {
                merged += group.count
                var p = group.first!
                let values = group.compactMap(\.value)
                if hasDenominator {
                    // qicharts2 drops incomplete pairs before summing.
                    let pairs = group.filter { $0.value != nil && $0.denominator != nil }
                    p.value = pairs.isEmpty ? nil : pairs.reduce(0) { $0 + $1.value! }
                    p.denominator = pairs.isEmpty ? nil : pairs.reduce(0) { $0 + $1.denominator! }
                } else {
                    p.value = values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
                }
                let notes = group.compactMap(\.note)
                p.note = notes.isEmpty ? nil : notes.joined(separator: " | ")
                combined.append(p)
            }
            i = j + 1
        }
        if merged > 0 {
            notes.append("\(merged) rows share a date with another row and were combined per date (\(hasDenominator ? "numerators and denominators summed" : "values averaged"), as qicharts2 does)")
        }
        points = combined
    }
}
