/// The byte-level state machine behind `CSVReader`: finds field boundaries in one
/// record at a time and decodes them to strings only when asked. It works on a borrowed
/// buffer, so it lives only inside `withUnsafeBytes`.
struct CSVParser {
    /// Where one field's bytes are; for a quoted field, the bytes between the quotes.
    struct Span {
        var start: Int
        var end: Int
        /// The field contains `""`, which decodes to one `"`.
        var escaped: Bool
        var quoted: Bool
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    let encoding: CSVEncoding
    let file: String
    /// Next byte to read.
    private(set) var position: Int
    /// The physical line `position` is on, 1-based.
    var line = 1
    /// Where that line starts, for column numbers in errors.
    private var lineStart: Int
    private(set) var spans: [Span] = []
    private var scratch: [UInt8] = []
    private var unescaped: [UInt8] = []
    /// Set by `locateFields`: where each field's UTF-8 bytes are, in the file or in `decoded`.
    private(set) var fieldRanges: [CSVFields.Range] = []
    private(set) var decoded: [UInt8] = []

    private static let quote = UInt8(ascii: "\"")
    private static let lf: UInt8 = 0x0A
    private static let cr: UInt8 = 0x0D

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, delimiter: UInt8, encoding: CSVEncoding, file: String) {
        self.bytes = bytes
        self.position = start
        self.lineStart = start
        self.delimiter = delimiter
        self.encoding = encoding
        self.file = file
        spans.reserveCapacity(32)
    }

    var fieldCount: Int { spans.count }

    /// Finds the next record with data and returns the line it starts on; nil at the end.
    mutating func nextRecord() throws -> Int? {
        while position < bytes.count {
            let start = line
            try parseRecord()
            // A blank line is one empty unquoted field; `;;;` is several. Neither holds data.
            if spans.contains(where: { $0.quoted || $0.end > $0.start }) { return start }
        }
        return nil
    }

    /// Parses one record from `position`, leaving `position` after its line end.
    private mutating func parseRecord() throws {
        spans.removeAll(keepingCapacity: true)
        let p = bytes.baseAddress!
        let n = bytes.count
        let delimiter = self.delimiter
        while true {
            if position < n && p[position] == Self.quote {
                let openLine = line, openColumn = column(of: position)
                position += 1
                let start = position
                var escaped = false
                while true {
                    guard position < n else {
                        throw CSVError(kind: .unterminatedQuote, file: file, line: openLine, column: openColumn,
                                       message: "a quoted field starts here and never ends (a missing closing \")")
                    }
                    let b = p[position]
                    if b == Self.quote {
                        if position + 1 < n && p[position + 1] == Self.quote {
                            escaped = true
                            position += 2
                            continue
                        }
                        break
                    }
                    position += 1
                    if b == Self.lf || b == Self.cr {
                        if b == Self.cr && position < n && p[position] == Self.lf { position += 1 }
                        line += 1
                        lineStart = position
                    }
                }
                if position - start > CSVReader.maximumFieldBytes { throw fieldTooLong(line: openLine, column: openColumn) }
                spans.append(Span(start: start, end: position, escaped: escaped, quoted: true))
                position += 1  // the closing quote
                guard position < n else { return }
                let b = p[position]
                if b == delimiter {
                    position += 1
                    continue
                }
                if b == Self.lf || b == Self.cr {
                    endLine(at: b)
                    return
                }
                throw CSVError(kind: .textAfterClosingQuote, file: file, line: line, column: column(of: position),
                               message: "text after a closing quote; inside a quoted field a quote is written twice (\"\")")
            } else {
                let start = position
                // The hot loop: most fields are short unquoted numbers or codes. A quote
                // inside an unquoted field (`12"`) is kept as a character, as Excel reads it.
                while position < n {
                    let b = p[position]
                    if b == delimiter || b == Self.lf || b == Self.cr { break }
                    position += 1
                }
                if position - start > CSVReader.maximumFieldBytes {
                    throw fieldTooLong(line: line, column: column(of: start))
                }
                spans.append(Span(start: start, end: position, escaped: false, quoted: false))
                guard position < n else { return }
                let b = p[position]
                if b == delimiter {
                    position += 1
                    continue
                }
                endLine(at: b)
                return
            }
        }
    }

    /// Fields of the current record that held only a "no data" mark — `-`, `–`, `..`,
    /// `n/a`, `saknas` (any case, spaces around), as Swedish statistics tables write an
    /// empty cell — and were given as empty by `locateFields`/`decodeFields`; the first
    /// one's index (-1 for none). A quoted field is text someone meant (spreadsheets quote
    /// only what needs it) and is left alone.
    private(set) var marks = 0
    private(set) var firstMark = -1

    /// Bits of the bytes a mark can start with: space - . below 64; N S n s from 64.
    private static let markLeadLow: UInt64 = 1 << 0x20 | 1 << 0x2D | 1 << 0x2E
    private static let markLeadHigh: UInt64 = 1 << (0x4E - 64) | 1 << (0x53 - 64) | 1 << (0x6E - 64) | 1 << (0x73 - 64)

    /// Checked while the fields are located (no second pass over them): a field longer
    /// than ten bytes, or starting with any other byte, is passed over at once.
    @inline(__always)
    private static func isMark(_ span: Span, in bytes: UnsafeBufferPointer<UInt8>, encoding: CSVEncoding) -> Bool {
        let length = span.end - span.start
        guard UInt(bitPattern: length &- 1) < 10 else { return false }   // 1...10 bytes
        let lead = bytes[span.start]
        let candidate = lead < 64 ? (markLeadLow >> UInt64(lead)) & 1 == 1
            : lead < 128 ? (markLeadHigh >> UInt64(lead - 64)) & 1 == 1
            : lead == 0xE2 || lead == 0x96
        guard candidate, !span.quoted else { return false }
        return isTrimmedMark(span, in: bytes, encoding: encoding)
    }

    @inline(never)
    private static func isTrimmedMark(_ span: Span, in bytes: UnsafeBufferPointer<UInt8>, encoding: CSVEncoding) -> Bool {
        var s = span.start, e = span.end
        while s < e && bytes[s] == 0x20 { s += 1 }
        while e > s && bytes[e - 1] == 0x20 { e -= 1 }
        return isNoDataMark(UnsafeBufferPointer(rebasing: bytes[s..<e]), encoding: encoding)
    }

    static func isNoDataMark(_ f: UnsafeBufferPointer<UInt8>, encoding: CSVEncoding) -> Bool {
        switch f.count {
        case 1: return f[0] == 0x2D || (encoding == .windows1252 && f[0] == 0x96)
        case 2: return f[0] == 0x2E && f[1] == 0x2E
        case 3:
            if f[0] == 0xE2 && f[1] == 0x80 && f[2] == 0x93 { return encoding != .windows1252 }   // –
            return (f[0] | 0x20) == 0x6E && f[1] == 0x2F && (f[2] | 0x20) == 0x61                  // n/a
        case 6:
            let word: [UInt8] = Array("saknas".utf8)
            for i in 0..<6 where (f[i] | 0x20) != word[i] { return false }
            return true
        default: return false
        }
    }

    private func fieldTooLong(line: Int, column: Int) -> CSVError {
        CSVError(kind: .fieldTooLong, file: file, line: line, column: column,
                 message: "a field longer than \(CSVReader.maximumFieldBytes >> 20) MiB starts here: not a CSV export piloteval can read (a quote that never closes where it should?)")
    }

    /// Consumes LF, CRLF or a lone CR (old Mac files) at `position`.
    private mutating func endLine(at b: UInt8) {
        position += 1
        if b == Self.cr && position < bytes.count && bytes[position] == Self.lf { position += 1 }
        line += 1
        lineStart = position
    }

    /// 1-based column of a byte offset on the current line, in characters: UTF-8
    /// continuation bytes do not start a character; in Windows-1252 every byte does.
    private func column(of offset: Int) -> Int {
        var count = 0
        for i in lineStart..<offset where encoding == .windows1252 || bytes[i] & 0xC0 != 0x80 {
            count += 1
        }
        return count + 1
    }

    /// The current record's fields as UTF-8 bytes, for `CSVFields`: a field that is
    /// already UTF-8 in the file stays where it is; the others are decoded into
    /// `decoded`, one after the other.
    mutating func locateFields() {
        fieldRanges.removeAll(keepingCapacity: true)
        decoded.removeAll(keepingCapacity: true)
        var marks = 0, firstMark = -1, k = -1
        defer { (self.marks, self.firstMark) = (marks, firstMark) }
        for span in spans {
            k += 1
            if Self.isMark(span, in: bytes, encoding: encoding) {
                fieldRanges.append(CSVFields.Range(start: span.start, end: span.start, inFile: true))
                marks += 1
                if firstMark < 0 { firstMark = k }
                continue
            }
            if isUTF8InPlace(span) {
                fieldRanges.append(CSVFields.Range(start: span.start, end: span.end, inFile: true))
                continue
            }
            let start = decoded.count
            Self.appendUTF8(of: raw(span), escaped: span.escaped, encoding: encoding, unescaping: &unescaped, to: &decoded)
            fieldRanges.append(CSVFields.Range(start: start, end: decoded.count, inFile: false))
        }
    }

    /// The current record's fields as strings.
    mutating func decodeFields() -> [String] {
        var fields: [String] = []
        fields.reserveCapacity(spans.count)
        marks = 0
        firstMark = -1
        for (k, span) in spans.enumerated() {
            if Self.isMark(span, in: bytes, encoding: encoding) {
                fields.append("")
                marks += 1
                if firstMark < 0 { firstMark = k }
            } else {
                fields.append(decode(span))
            }
        }
        return fields
    }

    private mutating func decode(_ span: Span) -> String {
        if isUTF8InPlace(span) { return String(decoding: raw(span), as: UTF8.self) }
        scratch.removeAll(keepingCapacity: true)
        Self.appendUTF8(of: raw(span), escaped: span.escaped, encoding: encoding, unescaping: &unescaped, to: &scratch)
        return String(decoding: scratch, as: UTF8.self)
    }

    private func raw(_ span: Span) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
    }

    /// The field's bytes are its UTF-8 as they stand: no `""` to collapse, and UTF-8 (or
    /// Windows-1252 with only ASCII, as most numbers and codes are).
    private func isUTF8InPlace(_ span: Span) -> Bool {
        !span.escaped && (encoding != .windows1252 || !raw(span).contains(where: { $0 >= 0x80 }))
    }

    /// Appends a field's UTF-8 to `out`: `""` collapsed to `"` (in `unescaping`, a
    /// reused buffer), then Windows-1252 converted. One routine for both the strings of
    /// `decodeFields` and the bytes of `locateFields`.
    private static func appendUTF8(of raw: UnsafeBufferPointer<UInt8>, escaped: Bool, encoding: CSVEncoding,
                                   unescaping: inout [UInt8], to out: inout [UInt8]) {
        if escaped {
            unescaping.removeAll(keepingCapacity: true)
            var i = 0
            while i < raw.count {
                unescaping.append(raw[i])
                i += raw[i] == quote ? 2 : 1
            }
        }
        func append(_ bytes: UnsafeBufferPointer<UInt8>) {
            if encoding == .windows1252 { Windows1252.appendUTF8(of: bytes, to: &out) } else { out.append(contentsOf: bytes) }
        }
        if escaped { unescaping.withUnsafeBufferPointer(append) } else { append(raw) }
    }
}
