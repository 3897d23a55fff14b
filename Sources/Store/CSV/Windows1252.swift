/// Windows-1252 ("ANSI" on Swedish Windows), the encoding of Excel's
/// "CSV (semikolonavgränsad)". It equals Latin-1 except in 0x80–0x9F, where it has
/// typographic characters that exports do contain: € (0x80), ’ (0x92), – (0x96).
enum Windows1252 {
    /// Code points for 0x80–0x9F (unicode.org's cp1252.txt). The five undefined bytes
    /// (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same value, as
    /// Windows itself decodes them, so no byte is ever lost.
    static let high: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func codePoint(_ byte: UInt8) -> UInt32 {
        (0x80...0x9F).contains(byte) ? UInt32(high[Int(byte - 0x80)]) : UInt32(byte)
    }

    /// Appends the UTF-8 encoding of `bytes` to `out`.
    static func appendUTF8(of bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            let c = codePoint(byte)
            if c < 0x800 {
                out.append(UInt8(0xC0 | (c >> 6)))
                out.append(UInt8(0x80 | (c & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (c >> 12)))
                out.append(UInt8(0x80 | ((c >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (c & 0x3F)))
            }
        }
    }
}
