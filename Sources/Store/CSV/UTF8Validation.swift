/// Strict UTF-8 validation (Unicode 15, table 3-7: no overlong forms, no surrogates,
/// nothing above U+10FFFF). A Windows-1252 file with any letter outside ASCII fails it
/// almost surely — "å" alone is 0xE5 followed by an ASCII byte — which is how the
/// reader tells the two apart.
enum UTF8Validation {
    static func isValid(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        inspect(p, untilInvalid: true).firstInvalid == nil
    }

    /// Where the first byte that breaks UTF-8 is, and where the first valid multi-byte
    /// sequence is. A file with both mixes encodings (a Windows-1252 row pasted into a
    /// UTF-8 file): no single decoding reads it right. With `untilInvalid` the scan stops
    /// at the first invalid byte.
    static func inspect(_ p: UnsafeBufferPointer<UInt8>, untilInvalid: Bool = false)
        -> (firstInvalid: Int?, firstMultibyte: Int?) {
        let n = p.count
        guard let base = p.baseAddress else { return (nil, nil) }
        var firstInvalid: Int?, firstMultibyte: Int?
        var i = 0
        while i < n {
            // ASCII runs dominate CSV files: test eight bytes at once.
            if i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
            }
            let b0 = base[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            func continuation(_ k: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
                i + k < n && range.contains(base[i + k])
            }
            let length: Int
            switch b0 {
            case 0xC2...0xDF:
                length = continuation(1) ? 2 : 0
            case 0xE0:
                length = continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
            case 0xE1...0xEC, 0xEE...0xEF:
                length = continuation(1) && continuation(2) ? 3 : 0
            case 0xED:
                length = continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
            case 0xF0:
                length = continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
            case 0xF1...0xF3:
                length = continuation(1) && continuation(2) && continuation(3) ? 4 : 0
            case 0xF4:
                length = continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
            default:
                length = 0
            }
            if length == 0 {
                if firstInvalid == nil { firstInvalid = i }
                if untilInvalid || firstMultibyte != nil { break }
                i += 1
            } else {
                if firstMultibyte == nil { firstMultibyte = i }
                if firstInvalid != nil { break }
                i += length
            }
        }
        return (firstInvalid, firstMultibyte)
    }
}
