import Periods
import Statistics

/// `describe` and `compare` on any CSV: pure functions from a file's columns to the
/// result values of the Statistics module (which carry the JSON of DESIGN §5).
public enum CSVAnalyses {
    public struct Described: Encodable {
        public var overall: Descriptives?
        public var groups: [(String, Descriptives)]
        public var notes: [String]

        public func encode(to encoder: Encoder) throws {
            if let overall, groups.isEmpty {
                try overall.encode(to: encoder)
                return
            }
            var c = encoder.container(keyedBy: FigureKey.self)
            var nested = c.nestedContainer(keyedBy: FigureKey.self, forKey: FigureKey("groups"))
            for (label, d) in groups { try nested.encode(d, forKey: FigureKey(label)) }
        }
    }

    public static func describe(_ table: CSVColumns, column: String, by: String?) -> Described {
        let (values, bad) = table.numbers(column)
        var notes: [String] = []
        if let bad {
            notes.append("\(bad.count) cell(s) in \(column) are not numbers and were left out as missing (first: \(bad.firstLocation): \"\(bad.firstText)\")")
        }
        guard let by else {
            return Described(overall: Descriptives(of: values), groups: [], notes: notes)
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
        return Described(overall: nil, groups: order.map { ($0, Descriptives(of: grouped[$0]!)) }, notes: notes)
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
                               kind: Kind?) throws -> (result: Compared, notes: [String]) {
        let (values, notes) = outcomeValues(table, outcome)
        let rows = Array(0..<table.rowCount)
        let chosen = try resolveKind(kind, values: values, outcome: outcome, file: table.file)
        return (try compareRows(rows, table, values, group: group, pilot: pilot, outcome: outcome, kind: chosen), notes)
    }

    /// `compare` overall and within each value of `by`. The kind is decided once, on
    /// all rows, so every stratum is analysed the same way.
    public static func compare(_ table: CSVColumns, group: String, pilot: String, outcome: String,
                               kind: Kind?, by: String) throws -> (result: Stratified, notes: [String]) {
        let (values, notes) = outcomeValues(table, outcome)
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
        return (Stratified(by: by, overall: overall, strata: strata), notes)
    }

    private static func outcomeValues(_ table: CSVColumns, _ outcome: String) -> ([Double], [String]) {
        let (values, bad) = table.numbers(outcome)
        guard let bad else { return (values, []) }
        return (values, ["\(bad.count) cell(s) in \(outcome) are not numbers and were left out as missing (first: \(bad.firstLocation): \"\(bad.firstText)\")"])
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
