import Periods

/// Finds identity numbers (personnummer, samordningsnummer) wherever a text may hold
/// them, in every spelling exports and Excel produce (DESIGN §9, docs/privacy.md):
///
/// - 10 or 12 digits, together (`8112189876`) or split after the date by a separator of
///   one to three characters: `-`, `+`, space, en dash, em dash, minus sign and the other
///   Unicode dashes, no-break, thin and figure spaces (`811218 – 9876`, `19811218\u{A0}9876`);
/// - joined to other text: `BU-120514-4825`, `2021-03-05-120514-4825`,
///   `syskon 131212-9149`, `="19130730-9813"`, `'191307309813`.
///
/// A match is such a run that is not part of a longer digit run and not the fractional
/// part of a decimal number (`0,1205144825`), whose date part is shaped like a date:
/// month 1–12, day 1–31 or 61–91 (day + 60), and for 12 digits a century of 18, 19 or 20
/// and a date that exists. The check digit is not required for a match: a number with a
/// wrong check digit is most likely somebody's number mistyped, so it identifies too.
/// `IdentityNumber` (valid numbers only) is what a match becomes when its check digit
/// and date are right; only valid numbers can be pseudonymised.
///
/// Everything reads UTF-8 bytes in place: the case importer runs this on every text cell
/// of extracts of millions of rows.
public enum IdentityNumberScanner {
    /// What replaces a number inside text that is kept (docs/privacy.md).
    public static let mask = "[personnummer]"

    /// One number found in a text.
    public struct Match: Sendable, Equatable {
        /// Byte offsets into the text's UTF-8.
        public let range: Range<Int>
        /// The number, when its date exists and its check digit is right; nil for a
        /// date-shaped number with a wrong check digit (still identifying).
        public let number: IdentityNumber?
    }

    /// Every number in `utf8`, in order. `reference` decides the century of 10-digit
    /// forms (see `IdentityNumber`).
    public static func matches(in utf8: UnsafeBufferPointer<UInt8>, reference: CalendarDate) -> [Match] {
        var found: [Match] = []
        scan(utf8, reference: reference) { found.append($0); return true }
        return found
    }

    public static func matches(in text: String, reference: CalendarDate) -> [Match] {
        withBytes(text) { matches(in: $0, reference: reference) }
    }

    /// True when `utf8` holds any number. Stops at the first.
    public static func containsNumber(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard digitCount(utf8, atLeast: 10) else { return false }
        var any = false
        scan(utf8, reference: fallbackReference) { _ in any = true; return false }
        return any
    }

    public static func containsNumber(_ text: String) -> Bool {
        withBytes(text) { containsNumber($0) }
    }

    /// `text` with every number replaced by `mask`; the text itself when it holds none
    /// (the common case costs one pass over the bytes).
    public static func masking(_ text: String) -> String {
        withBytes(text) { bytes in
            guard digitCount(bytes, atLeast: 10) else { return text }
            let found = matches(in: bytes, reference: fallbackReference)
            guard !found.isEmpty else { return text }
            var out = [UInt8]()
            out.reserveCapacity(bytes.count)
            var at = 0
            for m in found {
                out.append(contentsOf: bytes[at..<m.range.lowerBound])
                out.append(contentsOf: mask.utf8)
                at = m.range.upperBound
            }
            out.append(contentsOf: bytes[at...])
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Masks numbers, escapes control characters (a quoted cell must not move a
    /// terminal's cursor or colour its text) and shortens long values: the one way a
    /// message quotes a value a user brought (`"\(IdentityNumberScanner.quoted(cell))"`).
    public static func quoted(_ value: String, limit: Int = 60) -> String {
        escapedCell(masking(value), limit: limit)
    }

    /// The number a whole cell holds, in any spelling: the number with nothing around it
    /// but padding (spaces, no-break spaces, tabs) and Excel's wrappers (`="…"`, a
    /// leading `'`). Nil when the cell holds anything else, or a number whose check digit
    /// or date is wrong (`cellMatch` tells those apart).
    public static func cellNumber(_ utf8: UnsafeBufferPointer<UInt8>, reference: CalendarDate) -> IdentityNumber? {
        cellMatch(utf8, reference: reference)?.number
    }

    public static func cellNumber(_ text: String, reference: CalendarDate) -> IdentityNumber? {
        withBytes(text) { cellNumber($0, reference: reference) }
    }

    /// The one match that makes up the whole cell (see `cellNumber`), valid or not.
    public static func cellMatch(_ utf8: UnsafeBufferPointer<UInt8>, reference: CalendarDate) -> Match? {
        // Most cells have fewer than ten digits: decided without scanning for runs.
        guard digitCount(utf8, atLeast: 10) else { return nil }
        var only: Match?
        var several = false
        scan(utf8, reference: reference) { m in
            if only == nil { only = m; return true }
            several = true
            return false
        }
        guard let only, !several else { return nil }
        return isWrapping(utf8[..<only.range.lowerBound], leading: true)
            && isWrapping(utf8[only.range.upperBound...], leading: false) ? only : nil
    }

    // MARK: Scanning

    /// Reference for masking, where the century does not matter: a match is a match
    /// whatever century it gets.
    static let fallbackReference = CalendarDate(year: 2099, month: 12, day: 31)!

    /// Calls `found` for each match in order until it returns false.
    static func scan(_ b: UnsafeBufferPointer<UInt8>, reference: CalendarDate, _ found: (Match) -> Bool) {
        let n = b.count
        var i = 0
        var previousMatchEnd = -1
        while i < n {
            guard isDigit(b[i]) else { i += 1; continue }
            let start = i
            var end = i
            while end < n, isDigit(b[end]) { end += 1 }
            let first = end - start
            defer { i = end }
            // The fractional part of a decimal (`0,1205144825`), unless the number
            // before the point was itself a match (a list: `…-4825,1312129149`).
            if start >= 2, b[start - 1] == 0x2C || b[start - 1] == 0x2E, isDigit(b[start - 2]),
               previousMatchEnd != start - 1 {
                continue
            }
            var digits = (start: start, count: first, second: -1)
            var matchEnd = end
            var plus = false
            if first == 6 || first == 8 {
                // A separator of one to three characters, then exactly four digits.
                var k = end
                var separators = 0
                while separators < 3, k < n, let width = separatorWidth(b, at: k) {
                    if b[k] == 0x2B { plus = true }
                    k += width
                    separators += 1
                }
                guard separators > 0, k < n, isDigit(b[k]) else { continue }
                var last = k
                while last < n, isDigit(b[last]) { last += 1 }
                guard last - k == 4 else { continue }
                digits.second = k
                matchEnd = last
                end = last
            } else if first != 10 && first != 12 {
                continue
            }
            var ascii = SIMD16<UInt8>()
            var count = 0
            for p in digits.start..<(digits.start + digits.count) { ascii[count] = b[p] - 0x30; count += 1 }
            if digits.second >= 0 {
                for p in digits.second..<(digits.second + 4) { ascii[count] = b[p] - 0x30; count += 1 }
            }
            guard isDateShaped(ascii, count: count) else { continue }
            let number = IdentityNumber(digits: ascii, count: count, hundredOrOlder: plus && count == 10,
                                        reference: reference)
            previousMatchEnd = matchEnd
            if !found(Match(range: start..<matchEnd, number: number)) { return }
        }
    }

    /// Month 1–12 and day 1–31 or 61–91; for twelve digits a century of 18–20 and a
    /// date that exists (the day − 60 for a samordningsnummer).
    static func isDateShaped(_ d: SIMD16<UInt8>, count: Int) -> Bool {
        let o = count == 12 ? 2 : 0
        let month = Int(d[o + 2]) * 10 + Int(d[o + 3])
        let written = Int(d[o + 4]) * 10 + Int(d[o + 5])
        let day = written > 60 ? written - 60 : written
        guard (1...12).contains(month), (1...31).contains(day) else { return false }
        if count == 12 {
            let century = Int(d[0]) * 10 + Int(d[1])
            guard (18...20).contains(century) else { return false }
            let year = century * 100 + Int(d[2]) * 10 + Int(d[3])
            return CalendarDate(year: year, month: month, day: day) != nil
        }
        return true
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// The byte length of the separator at `k`, or nil: `-`, `+`, space; U+00A0 no-break
    /// space; U+2007 figure, U+2009 thin, U+202F narrow no-break space; U+2010–U+2015
    /// hyphens and dashes; U+2212 minus; U+FE58, U+FE63, U+FF0D small and full-width forms.
    @inline(__always)
    static func separatorWidth(_ b: UnsafeBufferPointer<UInt8>, at k: Int) -> Int? {
        switch b[k] {
        case 0x2D, 0x2B, 0x20: return 1
        case 0xC2: return k + 1 < b.count && b[k + 1] == 0xA0 ? 2 : nil
        case 0xE2:
            guard k + 2 < b.count else { return nil }
            if b[k + 1] == 0x80, [0x87, 0x89, 0xAF, 0x90, 0x91, 0x92, 0x93, 0x94, 0x95].contains(b[k + 2]) { return 3 }
            if b[k + 1] == 0x88, b[k + 2] == 0x92 { return 3 }
            return nil
        case 0xEF:
            guard k + 2 < b.count else { return nil }
            if b[k + 1] == 0xB9, b[k + 2] == 0x98 || b[k + 2] == 0xA3 { return 3 }
            if b[k + 1] == 0xBC, b[k + 2] == 0x8D { return 3 }
            return nil
        default: return nil
        }
    }

    /// Only padding and Excel's wrappers: spaces, tabs, no-break and thin spaces, `=`,
    /// `"`, and a leading `'`.
    static func isWrapping(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, leading: Bool) -> Bool {
        var k = bytes.startIndex
        while k < bytes.endIndex {
            let byte = bytes[k]
            if byte == 0x20 || byte == 0x09 || byte == 0x22 || (leading && (byte == 0x3D || byte == 0x27)) {
                k += 1
            } else if byte == 0xC2, k + 1 < bytes.endIndex, bytes[k + 1] == 0xA0 {
                k += 2
            } else if byte == 0xE2, k + 2 < bytes.endIndex, bytes[k + 1] == 0x80,
                      bytes[k + 2] == 0x89 || bytes[k + 2] == 0xAF || bytes[k + 2] == 0x87 {
                k += 3
            } else {
                return false
            }
        }
        return true
    }

    /// At least `minimum` ASCII digits anywhere in the bytes: the quick "cannot hold a
    /// number" for nearly every cell.
    @inline(__always)
    static func digitCount(_ b: UnsafeBufferPointer<UInt8>, atLeast minimum: Int) -> Bool {
        guard b.count >= minimum else { return false }
        var digits = 0
        for byte in b where byte &- 0x30 < 10 {
            digits += 1
            if digits >= minimum { return true }
        }
        return false
    }

    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = text
        return text.withUTF8(body)
    }
}
