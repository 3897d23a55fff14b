import Periods
import Store

/// Named columns of a CSV file read as numbers or text, for the analyses that work
/// on any CSV (`describe`, `compare`). Cells that are not numbers become missing
/// values and are counted, with the first one located, so the result can say so.
public struct CSVColumns {
    public let file: String
    public let rowCount: Int
    private var columns: [String: [String]]
    private let lines: [Int]

    public struct NotANumber: Sendable, Equatable {
        public var count: Int
        public var firstLocation: String
        public var firstText: String
    }

    public init(path: String, columns requested: [String]) throws {
        // The same column may be asked for twice (`--by` naming the outcome column).
        var wanted: [String] = []
        for name in requested where !wanted.contains(name) { wanted.append(name) }
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path)
        } catch let error as CSVError {
            throw AnalysisInputError(error.description)
        }
        var indices: [String: Int] = [:]
        for name in wanted {
            guard let i = reader.columnIndex(name) else {
                throw AnalysisInputError("\(path): no column named \"\(name)\"; the header has: \(reader.header.joined(separator: ", "))")
            }
            indices[name] = i
        }
        var cols: [String: [String]] = Dictionary(uniqueKeysWithValues: wanted.map { ($0, []) })
        var lines: [Int] = []
        do {
            try reader.forEachRow { row in
                lines.append(row.line)
                for (name, i) in indices { cols[name]!.append(i < row.fields.count ? row.fields[i] : "") }
            }
        } catch let error as CSVError {
            throw AnalysisInputError(error.description)
        }
        self.file = IdentityNumberScanner.masking(path)
        self.columns = cols
        self.lines = lines
        self.rowCount = lines.count
        self.columnNumbers = indices.mapValues { $0 + 1 }
    }

    private let columnNumbers: [String: Int]

    /// The column as text, identity numbers masked: group labels end up in the output
    /// (`describe --by`, `compare --group`), and no output echoes a number
    /// (docs/privacy.md). Masking keeps distinct numbers apart only as one group, which is
    /// as it should be: a person is not a group.
    public func text(_ name: String) -> [String] { (columns[name] ?? []).map(IdentityNumberScanner.masking) }

    /// The column as numbers (Swedish or plain forms); blanks and non-numbers are NaN.
    public func numbers(_ name: String) -> (values: [Double], notANumber: NotANumber?) {
        var values: [Double] = []
        values.reserveCapacity(rowCount)
        var bad: NotANumber?
        for (i, cell) in text(name).enumerated() {
            switch SwedishNumber.parse(cell) {
            case .value(let v): values.append(v)
            case .empty: values.append(.nan)
            case .invalid:
                values.append(.nan)
                if bad == nil {
                    bad = NotANumber(count: 0, firstLocation: "\(file):\(lines[i]):\(columnNumbers[name] ?? 0)", firstText: IdentityNumberScanner.masking(cell))
                }
                bad!.count += 1
            }
        }
        return (values, bad)
    }
}

public struct AnalysisInputError: Error, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
