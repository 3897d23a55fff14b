import Foundation
import Store

/// Imports measures over time from CSV into `measure_values` through the import log
/// (kind `measures`): one transaction, the same file never twice, every row located.
public struct MeasureImporter {
    let database: Database

    public init(_ database: Database) { self.database = database }

    public struct Outcome: Sendable {
        public var record: ImportRecord
        public var measure: String
        public var first: String
        public var last: String
        /// What the reading noted (no-data marks read as blank).
        public var notes: [String] = []
        /// What the measure counts, as stored.
        public var counts: Counts = .persons
        /// The measure's title after the import: the one it gave, else the stored one.
        public var title: String? = nil
    }

    /// `columns.value` defaults to a column named `value`, else `numerator`; the
    /// denominator to one named `denominator` if present. A measure needs a date column.
    ///
    /// `counts` says what the values count (DESIGN §3.1): `events` are never suppressed
    /// in reports. Without it a measure already stored keeps what it counts, a new one
    /// counts persons; one that contradicts the stored values is refused, since a
    /// measure is one or the other.
    ///
    /// `title` is the measure's name for people ("Konsultation till förskolor"), kept
    /// with this import (`MeasureTable.checkedTitle`: one line, trimmed); without it a
    /// measure keeps the title an earlier import gave, and one that never had a title is
    /// named by its id spelt out.
    public func importFile(path: String, measure: String, value: String? = nil, denominator: String? = nil,
                           date: String? = nil, sheet: String? = nil, counts: Counts? = nil,
                           title: String? = nil) throws -> Outcome {
        guard LogicModelIDCheck.isValid(measure) else {
            throw AnalysisInputError("measure id \"\(measure)\" should use lowercase letters, digits and - only")
        }
        let reader: CSVReader
        do { reader = try CSVReader(path: path, sheet: sheet) } catch let e as CSVError { throw AnalysisInputError(e.description) }
        return try importFile(reader, fileName: path, measure: measure, value: value, denominator: denominator, date: date,
                              counts: counts, title: title)
    }

    /// Imports from an open reader (an upload held in memory, never written to disk);
    /// `path` names it in messages and the import log.
    public func importFile(_ reader: CSVReader, fileName path: String, measure: String, value: String? = nil,
                           denominator: String? = nil, date: String? = nil, counts: Counts? = nil,
                           title: String? = nil) throws -> Outcome {
        guard LogicModelIDCheck.isValid(measure) else {
            throw AnalysisInputError("measure id \"\(measure)\" should use lowercase letters, digits and - only")
        }
        let title = try title.map { text in
            do { return try MeasureTable.checkedTitle(text) } catch let e as MeasureTableError {
                throw AnalysisInputError("\(path): \(e.description)")
            }
        }
        // Swedish names too (värde, täljare, nämnare); MeasureSeries finds the column again by the name found.
        func found(_ names: [String]) -> String? { reader.columnIndex(anyOf: names).map { reader.header[$0] } }
        let valueColumn = value ?? found(["value", "värde"]) ?? found(["numerator", "täljare"])
        guard let valueColumn else {
            throw AnalysisInputError("\(path): no column named value or numerator; name the value column with --value (the header has: \(reader.header.joined(separator: ", ")))")
        }
        let denominatorColumn = denominator ?? found(["denominator", "nämnare"])
        let series = try MeasureSeries.read(reader, label: path,
                                            columns: .init(value: valueColumn, denominator: denominatorColumn, date: date),
                                            name: measure, combine: false)
        var values: [MeasureValue] = []
        var firstLine: [String: Int] = [:]
        for p in series.points {
            guard let d = p.date else {
                throw AnalysisInputError("\(path): no date column (date, period, week, month); a stored measure needs one, or name it with --date")
            }
            if let earlier = firstLine[d.iso] {
                throw AnalysisInputError("\(path):\(p.line ?? 0): \(p.label) is already given on line \(earlier); one row per date")
            }
            firstLine[d.iso] = p.line ?? 0
            values.append(MeasureValue(measure: measure, date: d.iso, label: p.label,
                                       value: series.hasDenominator ? nil : p.value,
                                       numerator: series.hasDenominator ? p.value : nil,
                                       denominator: p.denominator, note: p.note, line: p.line))
        }
        do {
            var counted = Counts.persons
            var titled = title
            let record = try ImportLog(database).record(kind: "measures", fileName: path, fileSHA256: reader.sha256, target: measure) { id in
                // Read in the import's transaction, so two imports cannot disagree.
                let table = MeasureTable(database)
                let stored = try table.storedCounts(of: measure)
                let storedCounts: Counts? = stored.map { $0.countsEvents ? .events : .persons }
                if let counts, let stored, let storedCounts, counts != storedCounts {
                    throw AnalysisInputError(
                        "\(path): measure \(measure) is stored as counting \(storedCounts.rawValue) (import \(stored.importID)), "
                        + "not \(counts.rawValue); nothing was imported. Import it with --counts \(storedCounts.rawValue), "
                        + "or undo its earlier imports first (piloteval imports undo \(stored.importID))")
                }
                counted = counts ?? storedCounts ?? .persons
                if titled == nil { titled = try table.title(of: measure) }
                try table.insert(values, importID: id, fileName: path, countsEvents: counted == .events, title: title)
                return values.count
            }
            let dates = values.map(\.label)
            return Outcome(record: record, measure: measure, first: dates.first ?? "", last: dates.last ?? "",
                           notes: series.notes, counts: counted, title: titled)
        } catch let e as MeasureTableError {
            throw AnalysisInputError(e.description)
        } catch let e as ImportLogError {
            throw AnalysisInputError(e.description)
        }
    }

    /// A stored measure as a series for charting.
    public func series(_ measure: String) throws -> MeasureSeries {
        let values = try MeasureTable(database).values(of: measure)
        guard !values.isEmpty else {
            let known = try MeasureTable(database).list().map(\.measure)
            throw AnalysisInputError("no stored measure \"\(measure)\"" + (known.isEmpty
                ? "; import one with `piloteval measures import FILE --measure \(measure)`"
                : "; stored measures: \(known.joined(separator: ", "))"))
        }
        let ratio = values.contains { $0.denominator != nil }
        return MeasureSeries(name: measure, points: values.map { v in
            MeasureSeries.Point(label: v.label, date: CalendarDateParsing.iso(v.date), value: ratio ? v.numerator : v.value,
                                denominator: v.denominator, note: v.note, line: v.line)
        }, hasDenominator: ratio)
    }
}

import Periods
import LogicModel

enum LogicModelIDCheck {
    static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}

enum CalendarDateParsing {
    static func iso(_ text: String) -> CalendarDate? { CalendarDate(parsing: text) }
}
