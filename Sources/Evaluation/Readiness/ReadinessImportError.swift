/// Problems in a readiness responses file, each located as `file:line` plus the column
/// (its number as a spreadsheet counts them, and its header name), so the user can find
/// the cell. All problems of a file are reported together; nothing is imported.
public struct ReadinessImportError: Error, Sendable, CustomStringConvertible {
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var file: String
        /// 0 when the problem concerns the whole file.
        public var line: Int
        /// 1-based field number, nil for a whole row or file.
        public var column: Int?
        public var columnName: String?
        public var message: String
        /// `Blad1!C14` when the file is an .xlsx sheet; replaces line and column.
        public var cell: String? = nil

        public var description: String {
            if let cell {
                return "\(file):\(cell): " + (columnName.map { "column \($0): " } ?? "") + message
            }
            var s = file
            if line > 0 { s += ":\(line)" }
            if let column { s += ":\(column)" }
            s += ": "
            if let columnName { s += "column \(column.map(String.init) ?? "?") (\(columnName)): " }
            return s + message
        }
    }

    public var problems: [Problem]
    /// Problems beyond the first `ReadinessImporter.maximumProblems` are counted, not listed.
    public var omitted: Int

    public init(_ problems: [Problem], omitted: Int = 0) {
        self.problems = problems
        self.omitted = omitted
    }

    public var description: String {
        var lines = problems.map(\.description)
        if omitted > 0 { lines.append("… and \(omitted) more problem(s)") }
        return lines.joined(separator: "\n")
    }
}
