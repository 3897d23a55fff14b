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
            let key = k.trimmingCharacters(in: .whitespaces)
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

    /// Pilot (rows whose `group` is `pilot`) against every other non-blank group value.
    public static func compare(_ table: CSVColumns, group: String, pilot: String, outcome: String,
                               kind: Kind?) throws -> (result: Compared, notes: [String]) {
        let (values, bad) = table.numbers(outcome)
        var notes: [String] = []
        if let bad {
            notes.append("\(bad.count) cell(s) in \(outcome) are not numbers and were left out as missing (first: \(bad.firstLocation): \"\(bad.firstText)\")")
        }
        var p: [Double] = [], c: [Double] = []
        var others: [String] = []
        for (k, v) in zip(table.text(group), values) {
            let key = k.trimmingCharacters(in: .whitespaces)
            if key.isEmpty { continue }
            if key == pilot { p.append(v) } else {
                c.append(v)
                if !others.contains(key) { others.append(key) }
            }
        }
        guard !p.isEmpty else {
            throw AnalysisInputError("\(table.file): no row has \(group) = \"\(pilot)\"; values found: \((others).prefix(10).joined(separator: ", "))")
        }
        let comparisonLabel = others.count == 1 ? others[0] : "other (\(others.joined(separator: ", ")))"
        let present = (p + c).filter { !$0.isNaN }
        let isBinary = !present.isEmpty && present.allSatisfy { $0 == 0 || $0 == 1 }
        let chosen = kind ?? (isBinary ? .binary : .continuous)
        switch chosen {
        case .continuous:
            return (.continuous(ContinuousComparison.compute(pilot: p, comparison: c, pilotLabel: pilot,
                                                              comparisonLabel: comparisonLabel, outcome: outcome)), notes)
        case .binary:
            guard isBinary || present.isEmpty else {
                throw AnalysisInputError("\(table.file): --kind binary needs \(outcome) to hold only 0 and 1")
            }
            let result = try BinaryComparison.compute(pilot: p, comparison: c, pilotLabel: pilot,
                                                      comparisonLabel: comparisonLabel, outcome: outcome)
            return (.binary(result), notes)
        }
    }
}

import Foundation
