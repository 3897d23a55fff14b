/// One result row, copied out of SQLite so it outlives the statement that produced it.
public struct Row: Sendable, Hashable {
    public let columns: [String]
    public let values: [DatabaseValue]

    public init(columns: [String], values: [DatabaseValue]) {
        precondition(columns.count == values.count, "a row needs one value per column")
        self.columns = columns
        self.values = values
    }

    public subscript(index: Int) -> DatabaseValue { values[index] }

    /// The value of the named column. Asking for a column the query did not select is a
    /// programming error, so it traps rather than returning NULL and hiding a typo.
    public subscript(column: String) -> DatabaseValue {
        guard let index = columns.firstIndex(of: column) else {
            preconditionFailure("no column \(column) in row with columns \(columns)")
        }
        return values[index]
    }

    public func int(_ column: String) -> Int? { self[column].int }
    public func double(_ column: String) -> Double? { self[column].double }
    public func string(_ column: String) -> String? { self[column].string }
}
