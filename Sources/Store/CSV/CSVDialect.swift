/// The field separator. Swedish Excel writes `;` (because `,` is the decimal sign),
/// most systems write `,`, and "Unicode text" exports use tab.
public enum CSVDelimiter: String, Sendable, Hashable, CaseIterable {
    case semicolon, comma, tab

    public var byte: UInt8 {
        switch self {
        case .semicolon: return UInt8(ascii: ";")
        case .comma: return UInt8(ascii: ",")
        case .tab: return UInt8(ascii: "\t")
        }
    }
}

/// The text encoding a file was read in, as detected.
public enum CSVEncoding: String, Sendable, Hashable, CaseIterable {
    /// UTF-8 without a byte-order mark (plain ASCII files are reported as this).
    case utf8
    /// UTF-8 with a BOM, as Excel's "CSV UTF-8" writes.
    case utf8WithBOM = "utf8-bom"
    /// Windows-1252, as Excel's "CSV (semikolonavgränsad)" writes on Swedish Windows:
    /// chosen when the bytes are not valid UTF-8.
    case windows1252
    /// UTF-16 with a BOM, as Excel's "Unicode-text" writes; converted to UTF-8 on open.
    case utf16LittleEndian = "utf16le"
    case utf16BigEndian = "utf16be"
}
