import Periods
import Statistics

/// `describe` and `compare` on any CSV: pure functions from a file's columns to the
/// result values of the Statistics module (which carry the JSON of DESIGN §5).
public enum CSVAnalyses {
    /// The cells of the analysed column that were not numbers (text such as "okänt" or
    /// "12 dagar"): left out as missing, counted, the first one located. In the JSON as
    /// `non_numeric_cells: {column, count, first_location, first_text}` beside the
    /// result's own keys (the `first_…` keys only when count > 0), so a script sees what
    /// stderr tells a person.
    public struct NonNumericCells: Encodable, Sendable, Equatable {
        public var column: String
        public var count: Int
        public var firstLocation: String?
        public var firstText: String?

        init(column: String, _ bad: CSVColumns.NotANumber?) {
            self.column = column
            count = bad?.count ?? 0
            firstLocation = bad?.firstLocation
            firstText = bad?.firstText
        }

        /// The stderr note, nil when every cell was a number or blank.
        var note: String? {
            guard count > 0, let firstLocation, let firstText else { return nil }
            return "\(count) cell(s) in \(column) are not numbers and were left out as missing (first: \(firstLocation): \"\(firstText)\")"
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: FigureKey.self)
            try c.encode(column, forKey: FigureKey("column"))
            try c.encode(count, forKey: FigureKey("count"))
            if let firstLocation, let firstText {
                try c.encode(firstLocation, forKey: FigureKey("first_location"))
                try c.encode(firstText, forKey: FigureKey("first_text"))
            }
        }

        static let key = FigureKey("non_numeric_cells")
    }

    /// A result with the count of non-numeric cells beside its own keys: the JSON is the
    /// result's (DESIGN §5's keys unchanged) plus `non_numeric_cells`.
    public struct Checked<Result: Encodable>: Encodable {
        public var result: Result
        public var nonNumericCells: NonNumericCells

        public func encode(to encoder: Encoder) throws {
            try result.encode(to: encoder)
            var c = encoder.container(keyedBy: FigureKey.self)
            try c.encode(nonNumericCells, forKey: NonNumericCells.key)
        }
    }

    public struct Described: Encodable {
        public var overall: Descriptives?
        public var groups: [(String, Descriptives)]
        public var notes: [String]
        public var nonNumericCells: NonNumericCells

        public func encode(to encoder: Encoder) throws {
            if let overall, groups.isEmpty {
                try overall.encode(to: encoder)
                var c = encoder.container(keyedBy: FigureKey.self)
                try c.encode(nonNumericCells, forKey: NonNumericCells.key)
                return
            }
            var c = encoder.container(keyedBy: FigureKey.self)
            var nested = c.nestedContainer(keyedBy: FigureKey.self, forKey: FigureKey("groups"))
            for (label, d) in groups { try nested.encode(d, forKey: FigureKey(label)) }
            try c.encode(nonNumericCells, forKey: NonNumericCells.key)
        }
    }

    public static func describe(_ table: CSVColumns, column: String, by: String?) -> Described {
        let (values, bad) = table.numbers(column)
        let nonNumeric = NonNumericCells(column: column, bad)
        let notes = nonNumeric.note.map { [$0] } ?? []
        guard let by else {
            return Described(overall: Descriptives(of: values), groups: [], notes: notes, nonNumericCells: nonNumeric)
        }
        let keys = table.text(by)
        var order: [String] = []
        var grouped: [String: [Double]] = [:]
        for (k, v) in zip(keys, values) {
            let key = trimmedCell(k)
            guard !key.isEmpty else { continue }
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append(v)
        }
        return Described(overall: nil, groups: order.map { ($0, Descriptives(of: grouped[$0]!)) }, notes: notes,
                         nonNumericCells: nonNumeric)
    }

    public enum Kind: String, Sendable, CaseIterable {
        case continuous, binary
    }

    public enum Compared: Encodable {
        case continuous(ContinuousComparison)
        case binary(BinaryComparison)

        public func encode(to encoder: Encoder) throws {
            switch self {
            case .continuous(let c): try c.encode(to: encoder)
            case .binary(let b): try b.encode(to: encoder)
            }
        }
    }

    /// The comparison overall and, with `--by`, within each stratum (e.g. girls and
    /// boys: jämställdhet asks for both). Strata keep the file's order of first
    /// appearance; rows with a blank `by` value count only overall.
    public struct Stratified: Encodable {
        public var by: String
        public var overall: Compared
        public var strata: [(value: String, result: Compared)]

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: FigureKey.self)
            try c.encode(by, forKey: FigureKey("by"))
            try c.encode(overall, forKey: FigureKey("overall"))
            var nested = c.nestedContainer(keyedBy: FigureKey.self, forKey: FigureKey("groups"))
            for (value, result) in strata { try nested.encode(result, forKey: FigureKey(value)) }
        }
    }

    /// Pilot (rows whose `group` is `pilot`) against every other non-blank group value.
    public static func compare(_ table: CSVColumns, group: String, pilot: String, outcome: String,
                               kind: Kind?) throws -> (result: Checked<Compared>, notes: [String]) {
        let (values, nonNumeric) = outcomeValues(table, outcome)
        let rows = Array(0..<table.rowCount)
        let chosen = try resolveKind(kind, values: values, outcome: outcome, file: table.file)
        let result = try compareRows(rows, table, values, group: group, pilot: pilot, outcome: outcome, kind: chosen)
        return (Checked(result: result, nonNumericCells: nonNumeric), nonNumeric.note.map { [$0] } ?? [])
    }

    /// `compare` overall and within each value of `by`. The kind is decided once, on
    /// all rows, so every stratum is analysed the same way.
    public static func compare(_ table: CSVColumns, group: String, pilot: String, outcome: String,
                               kind: Kind?, by: String) throws -> (result: Checked<Stratified>, notes: [String]) {
        let (values, nonNumeric) = outcomeValues(table, outcome)
        let chosen = try resolveKind(kind, values: values, outcome: outcome, file: table.file)
        let overall = try compareRows(Array(0..<table.rowCount), table, values, group: group, pilot: pilot,
                                      outcome: outcome, kind: chosen)
        var order: [String] = []
        var rowsByValue: [String: [Int]] = [:]
        for (i, cell) in table.text(by).enumerated() {
            let key = trimmedCell(cell)
            guard !key.isEmpty else { continue }
            if rowsByValue[key] == nil { order.append(key) }
            rowsByValue[key, default: []].append(i)
        }
        let strata = try order.map { value in
            (value, try compareRows(rowsByValue[value]!, table, values, group: group, pilot: pilot,
                                    outcome: outcome, kind: chosen, requirePilot: false))
        }
        return (Checked(result: Stratified(by: by, overall: overall, strata: strata), nonNumericCells: nonNumeric),
                nonNumeric.note.map { [$0] } ?? [])
    }

    private static func outcomeValues(_ table: CSVColumns, _ outcome: String) -> ([Double], NonNumericCells) {
        let (values, bad) = table.numbers(outcome)
        return (values, NonNumericCells(column: outcome, bad))
    }

    private static func resolveKind(_ kind: Kind?, values: [Double], outcome: String, file: String) throws -> Kind {
        let present = values.filter { !$0.isNaN }
        let isBinary = !present.isEmpty && present.allSatisfy { $0 == 0 || $0 == 1 }
        if kind == .binary && !(isBinary || present.isEmpty) {
            throw AnalysisInputError("\(file): --kind binary needs \(outcome) to hold only 0 and 1")
        }
        return kind ?? (isBinary ? .binary : .continuous)
    }

    /// The comparison on a subset of rows. Overall, a pilot value that matches no row
    /// is a typo worth an error; within a stratum it is a finding (no pilot girls), and
    /// the result says so through its undefined figures.
    private static func compareRows(_ rows: [Int], _ table: CSVColumns, _ values: [Double], group: String,
                                    pilot: String, outcome: String, kind: Kind,
                                    requirePilot: Bool = true) throws -> Compared {
        let groups = table.text(group)
        var p: [Double] = [], c: [Double] = []
        var others: [String] = []
        for i in rows {
            let key = trimmedCell(groups[i])
            if key.isEmpty { continue }
            if key == pilot { p.append(values[i]) } else {
                c.append(values[i])
                if !others.contains(key) { others.append(key) }
            }
        }
        if requirePilot && p.isEmpty {
            throw AnalysisInputError("\(table.file): no row has \(group) = \"\(pilot)\"; values found: \(others.prefix(10).joined(separator: ", "))")
        }
        let comparisonLabel = others.count == 1 ? others[0] : "other (\(others.joined(separator: ", ")))"
        switch kind {
        case .continuous:
            return .continuous(ContinuousComparison.compute(pilot: p, comparison: c, pilotLabel: pilot,
                                                            comparisonLabel: comparisonLabel, outcome: outcome))
        case .binary:
            return .binary(try BinaryComparison.compute(pilot: p, comparison: c, pilotLabel: pilot,
                                                        comparisonLabel: comparisonLabel, outcome: outcome))
        }
    }
}

import Foundation

/// A group label without the spaces around it. Most labels have none, so the check on
/// the first and last byte skips the copy; Foundation's `trimmingCharacters` bridges
/// through UTF-16 and was half of `compare`'s time on a million rows.
func trimmedCell(_ text: String) -> String {
    guard let first = text.utf8.first, let last = text.utf8.last else { return text }
    let plain: (UInt8) -> Bool = { $0 > 0x20 && $0 < 0x80 }
    if plain(first) && plain(last) { return text }
    return String(Substring(text).unicodeScalars.trimmingCellSpace())
}
