import Foundation

/// Reads delimited text the way Swedish exports write it, straight from bytes.
///
/// Opening a reader detects the encoding (UTF-8 with or without BOM, UTF-16 with BOM,
/// else Windows-1252 when the bytes are not valid UTF-8) and the delimiter (the most
/// frequent of `;`, `,` and tab in the header line, outside quotes; ties go to `;`), and
/// reads the header. Rows are then parsed on demand by `forEachRow`, from a memory-mapped
/// buffer, one row of strings at a time (or of bytes in place, `forEachRecord`), so a
/// file of millions of rows never exists as one Swift string. Quoting follows RFC 4180.
/// The details are in docs/csv-input.md.
///
/// An .xlsx workbook (a zip file, or a name ending .xlsx) is read too: one sheet is
/// streamed into the same text (`XLSXSheetText`), so every importer reads sheets through
/// the same rows and checks; rows then carry their sheet row as `line`, and `sheet` turns
/// errors into `Blad1!C14` references (`located(_:)`).
public struct CSVReader: Sendable {
    /// The longest field accepted, in bytes. Free-text fields in case exports run to a
    /// few kilobytes; a field of megabytes is a quote that swallowed the file or not an
    /// export at all, and holding it would cost memory for nothing.
    public static let maximumFieldBytes = 1 << 20

    /// The file name used in error messages: the path as given, or the name passed in.
    public let name: String
    public let delimiter: CSVDelimiter
    public let encoding: CSVEncoding
    /// The header's field names, with surrounding spaces removed.
    public let header: [String]
    /// The physical line the header is on (after any leading blank lines); in a
    /// sheet, the header's row.
    public let headerLine: Int
    /// Set when the file is an .xlsx workbook: the sheet read and where its cells are.
    public let sheet: SheetLocation?

    /// The file's bytes as read, for hashing: the import log identifies a file by them.
    public let original: Data
    /// What the parser reads: `original`, or its UTF-8 transcoding for UTF-16 files.
    private let bytes: Data
    /// Where the first data row starts in `bytes`, and on which line.
    private let bodyStart: Int
    private let bodyLine: Int
    /// "No data" marks read as blank in the last complete pass over the rows.
    private let noData = NoDataTally()

    /// Memory-maps the file at `path`. `sheet` names the sheet of a workbook (nil: the
    /// first); it is an error for a text file.
    public init(path: String, delimiter: CSVDelimiter? = nil, sheet: String? = nil) throws {
        try self.init(data: CSVReader.map(path: path), name: path, delimiter: delimiter, sheet: sheet)
    }

    /// The file's bytes, memory-mapped, with the reader's error when it cannot be read:
    /// for a caller that wants the bytes before the reader (to hash them meanwhile).
    public static func map(path: String) throws -> Data {
        // Say what the path is when it is not a file: Foundation's own messages for a
        // folder or a pipe ("NSCocoaErrorDomain error 256", "You don't have permission"
        // as root) send people looking in the wrong place.
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            let what: String
            switch info.st_mode & S_IFMT {
            case S_IFDIR: what = "a folder, not a file; give the path of the CSV file inside it"
            case S_IFIFO: what = "a named pipe (FIFO), not a file; save the data to a file and import that"
            case S_IFCHR, S_IFBLK: what = "a device, not a file; give the path of a CSV file"
            case S_IFSOCK: what = "a socket, not a file; give the path of a CSV file"
            default: what = "not a regular file; give the path of a CSV file"
            }
            throw CSVError(kind: .unreadable, file: path, line: 0, message: "this is \(what)")
        } else if stat(path, &info) != 0, errno == ENOENT {
            throw CSVError(kind: .unreadable, file: path, line: 0, message: "no such file; check the path and the name")
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw CSVError(kind: .unreadable, file: path, line: 0,
                           message: "cannot read the file: \((error as NSError).localizedDescription)")
        }
    }

    /// Reads from bytes already in memory; `name` is used in error messages. `sheet` as
    /// for `init(path:)`.
    public init(data: Data, name: String, delimiter: CSVDelimiter? = nil, sheet sheetName: String? = nil) throws {
        self.name = name
        self.original = data
        let encoding: CSVEncoding, bytes: Data, start: Int, chosen: CSVDelimiter
        if XLSXSheetText.isWorkbook(data, name: name) {
            // A workbook: its sheet as the text the parser reads (docs/decisions.md).
            let sheetText = try XLSXSheetText(data: data, name: name, sheet: sheetName)
            (encoding, bytes, start, chosen) = (.utf8, sheetText.text, 0, .comma)
            self.sheet = sheetText.location
        } else {
            if let sheetName {
                throw CSVError(kind: .unreadable, file: name, line: 0,
                               message: "--sheet \"\(sheetName)\" names a sheet of an Excel workbook (.xlsx), and this is a text (CSV) file; leave --sheet out")
            }
            (encoding, bytes, start) = CSVReader.detectEncoding(data)
            try CSVReader.refuseUnreadableText(bytes, encoding: encoding, name: name)
            chosen = delimiter ?? bytes.withUnsafeBytes {
                CSVReader.detectDelimiter($0.assumingMemoryBound(to: UInt8.self), from: start)
            }
            self.sheet = nil
        }
        self.encoding = encoding
        self.bytes = bytes
        self.delimiter = chosen
        // The header is parsed like any record, then its end is remembered so that
        // `forEachRow` starts after it without parsing it again.
        let found: (line: Int, fields: [String], end: Int, endLine: Int)? = try bytes.withUnsafeBytes { raw in
            var parser = CSVParser(bytes: raw.assumingMemoryBound(to: UInt8.self), start: start,
                                   delimiter: chosen.byte, encoding: encoding, file: name)
            guard let line = try parser.nextRecord() else { return nil }
            let fields = parser.decodeFields().map { $0.trimmingCharacters(in: .whitespaces) }
            return (line, fields, parser.position, parser.line)
        }
        guard let found else {
            throw CSVError(kind: .noHeader, file: name, line: 0, message: "the file is empty: a header line was expected")
        }
        self.header = found.fields
        self.headerLine = sheet?.headerRow ?? found.line
        self.bodyStart = found.end
        self.bodyLine = found.endLine
    }

    /// The index of a column by name, ignoring case and surrounding spaces; the first
    /// one if the name occurs twice.
    public func columnIndex(_ name: String) -> Int? {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        return header.firstIndex { $0.lowercased() == wanted }
    }

    /// The first column named any of `names` (an English name and its Swedish ones),
    /// as `sameColumnName` compares them.
    public func columnIndex(anyOf names: [String]) -> Int? {
        for name in names {
            if let i = header.firstIndex(where: { CSVReader.sameColumnName($0, anyOf: [name]) }) { return i }
        }
        return nil
    }

    /// Header names compared ignoring case, surrounding spaces, and the difference
    /// between a space, a dash and an underscore (`Födelse år`, `födelse_år`).
    public static func sameColumnName(_ header: String, anyOf names: [String]) -> Bool {
        func key(_ s: String) -> String {
            String(s.trimmingCharacters(in: .whitespaces).lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
        }
        let h = key(header)
        return names.contains { key($0) == h }
    }

    /// SHA-256 of the file's bytes as read: what `ImportLog` matches re-imports on.
    public var sha256: String { ContentHash.sha256(original) }

    /// Size of the parsed bytes (the total that `progress` counts towards).
    public var byteCount: Int { bytes.count }

    /// Calls `body` with each data row in order. Blank lines, and rows whose fields are
    /// all empty (Excel writes `;;;` for formatted but empty rows), are skipped. A row
    /// with another number of fields than the header throws, naming its line.
    /// `progress(bytesRead, totalBytes)` is called about every 4 MB and once at the end.
    public func forEachRow(progress: ((Int, Int) -> Void)? = nil, _ body: (CSVRow) throws -> Void) throws {
        try forEachParsedRecord(progress: progress) { parser, line in
            var row = CSVRow(line: line, fields: parser.decodeFields())
            row.noDataMarks = parser.marks
            try body(row)
        }
    }

    /// `forEachRow` without a `String` per field: `body` gets each record's fields as
    /// UTF-8 bytes in place (`CSVFields`), valid only during the call. The same rows,
    /// checks, errors and progress as `forEachRow`.
    public func forEachRecord(progress: ((Int, Int) -> Void)? = nil, _ body: (CSVFields) throws -> Void) throws {
        try forEachParsedRecord(progress: progress) { parser, line in
            parser.locateFields()
            try parser.decoded.withUnsafeBufferPointer { decoded in
                try parser.fieldRanges.withUnsafeBufferPointer { ranges in
                    try body(CSVFields(line: line, file: parser.bytes, decoded: decoded, ranges: ranges))
                }
            }
        }
    }

    /// The loop both share: each record with data, its field count checked against the
    /// header, handed to `each` with the line it starts on; progress about every 4 MB.
    private func forEachParsedRecord(progress: ((Int, Int) -> Void)?,
                                     _ each: (inout CSVParser, Int) throws -> Void) throws {
        try bytes.withUnsafeBytes { raw in
            let buffer = raw.assumingMemoryBound(to: UInt8.self)
            var parser = CSVParser(bytes: buffer, start: bodyStart, delimiter: delimiter.byte,
                                   encoding: encoding, file: name)
            parser.line = bodyLine
            let step = 4 << 20
            var nextReport = step
            var marks = 0, firstMark: (line: Int, field: Int)?
            while var line = try parser.nextRecord() {
                // A sheet's rows are reported by their row number (one branch per row for text).
                if let sheet { line = sheet.row(ofLine: line) }
                if parser.fieldCount != header.count {
                    throw CSVError(kind: .fieldCount(expected: header.count, found: parser.fieldCount),
                                   file: name, line: line,
                                   message: "this row has \(parser.fieldCount) fields, the header has \(header.count)")
                }
                try each(&parser, line)
                if parser.marks > 0 {   // "no data" marks the fields were given as blank
                    marks += parser.marks
                    if firstMark == nil { firstMark = (line, parser.firstMark) }
                }
                if let progress, parser.position >= nextReport {
                    progress(parser.position, buffer.count)
                    nextReport = parser.position + step
                }
            }
            progress?(buffer.count, buffer.count)
            noData.set(count: marks, first: firstMark)
        }
    }

    /// The "no data" marks (`-`, `–`, `..`, `n/a`, `saknas`) the last complete pass over
    /// the rows read as blank, as a warning naming how many and where the first was;
    /// nil when there were none.
    public var noDataNote: String? {
        guard let (count, first) = noData.get(), count > 0, let first else { return nil }
        let at: String
        if let sheet {
            at = sheet.reference(row: first.line, field: first.field)
        } else {
            at = "line \(first.line), column \(header.indices.contains(first.field) ? header[first.field] : String(first.field + 1))"
        }
        // Masked: the file and column names are the user's (docs/privacy.md).
        return IdentityNumberScanner.masking("\(name): \(count) cell(s) held a \"no data\" mark (-, –, .., n/a or saknas) and were read as blank; the first at \(at)")
    }

    /// `error` placed in the sheet for a workbook: `Blad1!C14` when it names a column
    /// (the importers' character column of a field, as `headerColumn` computes it, is
    /// turned back into the field by reading the row again: only on this error path),
    /// else `Blad1!14:14`. Errors of text files, of other files, or already placed pass
    /// unchanged.
    public func located(_ error: CSVError) -> CSVError {
        guard let sheet, error.cell == nil, error.file == name, error.line > 0 else { return error }
        var field: Int?
        if let column = error.column {
            var fields: [String]?
            if error.line == headerLine {
                fields = header
            } else {
                struct Found: Error {}
                do {
                    try forEachRow { row in
                        if row.line == error.line { fields = row.fields; throw Found() }
                    }
                } catch {}
            }
            if let fields {
                var start = 1
                for (i, f) in fields.enumerated() {
                    if start == column { field = i; break }
                    start += f.count + 1
                }
            }
        }
        return CSVError(kind: error.kind, file: error.file, line: error.line, column: nil, message: error.message,
                        cell: sheet.reference(row: error.line, field: field))
    }

    /// An error at a row and (optionally) a field: `file:line` for a text file,
    /// `file:Blad1!C14` for a sheet.
    public func error(line: Int, field: Int? = nil, message: String) -> CSVError {
        CSVError(kind: .invalidValue, file: name, line: line, message: message,
                 cell: sheet?.reference(row: line, field: field))
    }

    /// All data rows in memory: for small files (models' fixtures, indicator tables).
    public func readAll() throws -> [CSVRow] {
        var rows: [CSVRow] = []
        try forEachRow { rows.append($0) }
        return rows
    }

    // MARK: Detection

    static func detectEncoding(_ data: Data) -> (CSVEncoding, Data, Int) {
        let prefix = [UInt8](data.prefix(3))
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8WithBOM, data, 3) }
        if prefix.starts(with: [0xFF, 0xFE]) || prefix.starts(with: [0xFE, 0xFF]) {
            let little = prefix[0] == 0xFF
            // Rare and small (a manual "Unicode text" save), so transcoding it all is fine.
            let text = String(data: data.dropFirst(2), encoding: little ? .utf16LittleEndian : .utf16BigEndian) ?? ""
            return (little ? .utf16LittleEndian : .utf16BigEndian, Data(text.utf8), 0)
        }
        let valid = data.withUnsafeBytes { UTF8Validation.isValid($0.assumingMemoryBound(to: UInt8.self)) }
        return (valid ? .utf8 : .windows1252, data, 0)
    }

    /// Bytes no text export contains, found before any row is read so that nothing is
    /// imported from them: a NUL (a binary file, or UTF-16 without its byte-order mark),
    /// and UTF-8 letters beside bytes that are not UTF-8 (rows pasted together from a
    /// UTF-8 and a Windows-1252 file, which no single decoding reads right).
    static func refuseUnreadableText(_ data: Data, encoding: CSVEncoding, name: String) throws {
        try data.withUnsafeBytes { raw in
            let p = raw.assumingMemoryBound(to: UInt8.self)
            guard let base = p.baseAddress, p.count > 0 else { return }
            if let hit = memchr(base, 0, p.count) {
                let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                let (line, column) = location(of: offset, in: p)
                throw CSVError(kind: .binaryContent, file: name, line: line, column: column,
                               message: "a NUL byte (0x00): this is not a text CSV file (a binary file, or UTF-16 saved without a byte-order mark?); export it again as CSV")
            }
            guard encoding == .windows1252 else { return }
            let found = UTF8Validation.inspect(p)
            if let bad = found.firstInvalid, let good = found.firstMultibyte {
                let (badLine, badColumn) = location(of: bad, in: p)
                let (goodLine, _) = location(of: good, in: p)
                throw CSVError(kind: .mixedEncoding, file: name, line: badLine, column: badColumn,
                               message: String(format: "byte 0x%02X is not UTF-8, but line %d has UTF-8 letters: the file mixes two encodings (UTF-8 and Windows-1252); save it again with one encoding (Excel: \"CSV UTF-8\")", p[bad], goodLine))
            }
        }
    }

    /// 1-based line and byte column of an offset, counting LF, CRLF and lone CR as line ends.
    static func location(of offset: Int, in p: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0, i = 0
        while i < offset {
            if p[i] == 0x0A || (p[i] == 0x0D && (i + 1 >= p.count || p[i + 1] != 0x0A)) {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        return (line, offset - lineStart + 1)
    }

    /// Counts candidate delimiters in the first line, outside quotes.
    static func detectDelimiter(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> CSVDelimiter {
        var counts: [CSVDelimiter: Int] = [:]
        var inQuotes = false
        var i = start
        // Skip leading blank lines, as the header reader does.
        while i < p.count, p[i] == 0x0A || p[i] == 0x0D { i += 1 }
        while i < p.count {
            let b = p[i]
            if b == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes {
                if b == 0x0A || b == 0x0D { break }
                if b == UInt8(ascii: ";") { counts[.semicolon, default: 0] += 1 }
                if b == UInt8(ascii: ",") { counts[.comma, default: 0] += 1 }
                if b == UInt8(ascii: "\t") { counts[.tab, default: 0] += 1 }
            }
            i += 1
        }
        // Ties (and a one-column header) go to `;`: in Swedish files a lone `,` is more
        // likely a decimal comma in the data than a separator.
        let order: [CSVDelimiter] = [.semicolon, .tab, .comma]
        var best = CSVDelimiter.semicolon
        for d in order where counts[d, default: 0] > counts[best, default: 0] { best = d }
        return best
    }
}

/// What the last complete pass of a reader counted; a reader is a value shared by the
/// importer's passes, so the count lives in a box.
final class NoDataTally: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (count: Int, first: (line: Int, field: Int)?)?

    func set(count: Int, first: (line: Int, field: Int)?) {
        lock.lock(); defer { lock.unlock() }
        value = (count, first)
    }

    func get() -> (Int, (line: Int, field: Int)?)? {
        lock.lock(); defer { lock.unlock() }
        return value.map { ($0.count, $0.first) }
    }
}
