/// One record of a CSV file, decoded to strings exactly as written (no trimming: a
/// value's own parser decides what surrounding space means).
public struct CSVRow: Sendable, Hashable {
    /// The physical line the record starts on (1-based); a record with a quoted line
    /// break spans further lines, and the next record's number says how many.
    public let line: Int
    public let fields: [String]
    /// How many fields held only a "no data" mark (`-`, `..`, `saknas`, …) and are given
    /// as blank (docs/csv-input.md).
    public var noDataMarks: Int = 0

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }

    public var count: Int { fields.count }

    public subscript(index: Int) -> String { fields[index] }
}
