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
    /// The physical line the header is on (after any leading blank lines).
    public let headerLine: Int

    /// The file's bytes as read, for hashing: the import log identifies a file by them.
    public let original: Data
    /// What the parser reads: `original`, or its UTF-8 transcoding for UTF-16 files.
    private let bytes: Data
    /// Where the first data row starts in `bytes`, and on which line.
    private let bodyStart: Int
    private let bodyLine: Int

    /// Memory-maps the file at `path`.
    public init(path: String, delimiter: CSVDelimiter? = nil) throws {
        try self.init(data: CSVReader.map(path: path), name: path, delimiter: delimiter)
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

    /// Reads from bytes already in memory; `name` is used in error messages.
    public init(data: Data, name: String, delimiter: CSVDelimiter? = nil) throws {
        self.name = name
        self.original = data
        let (encoding, bytes, start) = CSVReader.detectEncoding(data)
        self.encoding = encoding
        self.bytes = bytes
        try CSVReader.refuseUnreadableText(bytes, encoding: encoding, name: name)
        let delimiter = delimiter ?? bytes.withUnsafeBytes {
            CSVReader.detectDelimiter($0.assumingMemoryBound(to: UInt8.self), from: start)
        }
        self.delimiter = delimiter
        // The header is parsed like any record, then its end is remembered so that
        // `forEachRow` starts after it without parsing it again.
        let found: (line: Int, fields: [String], end: Int, endLine: Int)? = try bytes.withUnsafeBytes { raw in
            var parser = CSVParser(bytes: raw.assumingMemoryBound(to: UInt8.self), start: start,
                                   delimiter: delimiter.byte, encoding: encoding, file: name)
            guard let line = try parser.nextRecord() else { return nil }
            let fields = parser.decodeFields().map { $0.trimmingCharacters(in: .whitespaces) }
            return (line, fields, parser.position, parser.line)
        }
        guard let found else {
            throw CSVError(kind: .noHeader, file: name, line: 0, message: "the file is empty: a header line was expected")
        }
        self.header = found.fields
        self.headerLine = found.line
        self.bodyStart = found.end
        self.bodyLine = found.endLine
    }

    /// The index of a column by name, ignoring case and surrounding spaces; the first
    /// one if the name occurs twice.
    public func columnIndex(_ name: String) -> Int? {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        return header.firstIndex { $0.lowercased() == wanted }
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
            try body(CSVRow(line: line, fields: parser.decodeFields()))
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
            while let line = try parser.nextRecord() {
                if parser.fieldCount != header.count {
                    throw CSVError(kind: .fieldCount(expected: header.count, found: parser.fieldCount),
                                   file: name, line: line,
                                   message: "this row has \(parser.fieldCount) fields, the header has \(header.count)")
                }
                try each(&parser, line)
                if let progress, parser.position >= nextReport {
                    progress(parser.position, buffer.count)
                    nextReport = parser.position + step
                }
            }
            progress?(buffer.count, buffer.count)
        }
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
