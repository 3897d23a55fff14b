/// A problem in a CSV file, located as `file:line:column` (line 1-based, physical;
/// column 1-based, in characters) so an editor can jump to it; in an .xlsx sheet, as
/// `file:Blad1!C14` (`cell`), which Excel's Go To takes, with `line` the sheet row.
public struct CSVError: Error, CustomStringConvertible, Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A quoted field never closes; `line`/`column` point at the opening quote.
        case unterminatedQuote
        /// Something other than a delimiter or line end follows a closing quote.
        case textAfterClosingQuote
        /// A row's field count differs from the header's.
        case fieldCount(expected: Int, found: Int)
        /// No header line: the file is empty or blank.
        case noHeader
        /// The file could not be read.
        case unreadable
        /// A cell's value is not what its column needs; for importers built on the reader.
        case invalidValue
        /// A NUL byte: a binary file, or UTF-16 without a byte-order mark.
        case binaryContent
        /// Valid UTF-8 letters and bytes that are not UTF-8 in one file.
        case mixedEncoding
        /// A field longer than `CSVReader.maximumFieldBytes`.
        case fieldTooLong
    }

    public let kind: Kind
    /// The file name as given to the reader.
    public let file: String
    /// 0 when the error concerns the whole file.
    public let line: Int
    public let column: Int?
    public let message: String
    /// The spreadsheet reference (`Blad1!C14`, or `Blad1!14:14` for a whole row) when
    /// the file is a workbook; it replaces line and column in the description.
    public let cell: String?

    public init(kind: Kind, file: String, line: Int, column: Int? = nil, message: String, cell: String? = nil) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.cell = cell
    }

    public var description: String {
        if let cell { return "\(file):\(cell): \(message)" }
        var location = file
        if line > 0 { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(message)"
    }
}
