import Periods
/// Numbers as Swedish spreadsheets and reports write them.
///
/// Accepted (see docs/csv-input.md for the full table):
/// - decimal comma `1,5` or point `1.5`; a lone separator is always the decimal one,
///   so `1,234` is 1.234 and `1.234` is 1.234;
/// - thousands grouped by space, no-break space (U+00A0), narrow no-break space
///   (U+202F) or thin space: `1 234 567,5`; by `.` or `,` only when the separator
///   occurs twice (`1.234.567`); groups after the first must have three digits. Both a
///   point and a comma (`1.234,5`, `1,234.5`) is refused as ambiguous;
/// - a leading `-`, `+` or Unicode minus `−` (U+2212); an exponent `1,5e3`;
/// - a trailing percent sign, stripped without scaling: `12,5 %` is 12.5.
/// A blank cell is `.empty`; anything else (`..`, `-` alone, `n/a`, `12 st`) is invalid.
public enum SwedishNumber {
    /// The same for a `String`, concretely: the generic form is not specialised across
    /// modules, and importers call this on every numeric cell.
    public static func parse(_ text: String) -> ParseResult<Double> {
        var text = text
        if let value = text.withUTF8(plainDecimal) { return .value(value) }
        return parseGeneral(text)
    }

    /// The same for UTF-8 bytes in place (`CSVFields`): the common forms are read
    /// without building a string.
    public static func parse(utf8: UnsafeBufferPointer<UInt8>) -> ParseResult<Double> {
        if let value = plainDecimal(utf8) { return .value(value) }
        return parseGeneral(String(decoding: utf8, as: UTF8.self))
    }

    public static func parse(_ text: some StringProtocol) -> ParseResult<Double> {
        if let plain = text.utf8.withContiguousStorageIfAvailable(plainDecimal), let value = plain {
            return .value(value)
        }
        return parseGeneral(text)
    }

    /// Powers of ten that are exact in a Double (10^22 is the last).
    private static let exactPowersOfTen: [Double] = (0...22).map { pow10($0) }
    private static func pow10(_ n: Int) -> Double { n == 0 ? 1 : 10 * pow10(n - 1) }

    /// The common case, `-1234,5` or `1234.5` with at most 15 digits, without building
    /// strings: a cell-by-cell import spends most of its time here. Both the digits and
    /// the power of ten are exact in a Double, so one division gives the correctly rounded
    /// result (Clinger 1990, the "fast path"), the same as Double("1234.5"). Anything
    /// else — spaces, grouping, percent, exponent, more digits — returns nil and takes
    /// the general path.
    private static func plainDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        var negative = false
        if i < bytes.count && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0, fractionDigits = 0
        var seenSeparator = false
        while i < bytes.count {
            let b = bytes[i]
            if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                // A 16th digit leaves the fast path before the mantissa can overflow (20
                // digits did: a trap, found by Tests/fuzz); the general path reads it.
                if digits == 15 { return nil }
                mantissa = mantissa * 10 + UInt64(b - UInt8(ascii: "0"))
                digits += 1
                if seenSeparator { fractionDigits += 1 }
            } else if (b == UInt8(ascii: ",") || b == UInt8(ascii: ".")) && !seenSeparator {
                seenSeparator = true
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0, digits <= 15, !seenSeparator || fractionDigits > 0 else { return nil }
        let magnitude = Double(mantissa) / exactPowersOfTen[fractionDigits]
        return negative ? -magnitude : magnitude
    }

    private static func parseGeneral(_ text: some StringProtocol) -> ParseResult<Double> {
        var s = Substring(text).unicodeScalars.trimmingCellSpace()
        if s.isEmpty { return .empty }
        let original = String(text)
        if s.last == "%" {
            s.removeLast()
            s = s.trimmingCellSpace()
        }
        var negative = false
        if let first = s.first, first == "-" || first == "+" || first == "\u{2212}" {
            negative = first != "+"
            s.removeFirst()
        }
        // Split off an exponent before looking at separators: `1,5e3`.
        var exponent = ""
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var tail = s[s.index(after: e)...]
            s = s[..<e]
            if let sign = tail.first, sign == "-" || sign == "+" {
                exponent.unicodeScalars.append(sign)
                tail.removeFirst()
            }
            guard !tail.isEmpty, tail.allSatisfy(\.isASCIIDigit) else {
                return .invalid(reason: "\(quotedCell(original)) is not a number (bad exponent)")
            }
            exponent.unicodeScalars.append(contentsOf: tail)
        }

        var commas = 0, points = 0, spaces = 0
        for i in s.indices {
            let c = s[i]
            if c.isASCIIDigit { continue }
            if c == "," { commas += 1 }
            else if c == "." { points += 1 }
            else if c.isCellSpace { spaces += 1 }
            else {
                return .invalid(reason: "\(quotedCell(original)) is not a number (unexpected \"\(c)\")")
            }
        }

        // Decide which separator is the decimal one and which (if any) groups thousands.
        var decimal: Unicode.Scalar?
        var grouping: Unicode.Scalar?
        switch (commas, points) {
        case (0, 0): break
        case (1, 0): decimal = ","
        case (0, 1): decimal = "."
        case (_, 0): grouping = ","
        case (0, _): grouping = "."
        default:
            // Both occur (`1.234,5`, `1,234.5`). A lone `.` or `,` is read as the decimal
            // separator, so such a number reads one way by the rule for one separator and
            // another way by the rule for both: 1.2345 mistyped, or 1234.5? Swedish files
            // group thousands with spaces; refuse rather than guess by a factor of 1000
            // (issue 11).
            return .invalid(reason: "\(quotedCell(original)) is ambiguous (both a point and a comma): write 1234,5 or 1 234,5 (a space groups thousands)")
        }
        if spaces > 0 {
            if grouping != nil {
                return .invalid(reason: "\(quotedCell(original)) is not a number (mixed thousands separators)")
            }
            grouping = " "
        }

        var integerPart = s[...]
        var fraction = s[s.endIndex...]
        if let decimal, let d = s.firstIndex(of: decimal) {
            integerPart = s[..<d]
            fraction = s[s.index(after: d)...]
            guard fraction.allSatisfy(\.isASCIIDigit) else {
                return .invalid(reason: "\(quotedCell(original)) is not a number (a thousands separator after the decimal separator)")
            }
        }
        var digits = ""
        if let grouping {
            let groups = integerPart.split(omittingEmptySubsequences: false) {
                grouping == " " ? $0.isCellSpace : $0 == grouping
            }
            for (n, group) in groups.enumerated() {
                let ok = n == 0 ? (1...3).contains(group.count) : group.count == 3
                guard ok else {
                    return .invalid(reason: "\(quotedCell(original)) is not a number (digit groups must have three digits)")
                }
                digits.unicodeScalars.append(contentsOf: group)
            }
        } else {
            digits.unicodeScalars.append(contentsOf: integerPart)
        }
        if digits.isEmpty && fraction.isEmpty {
            return .invalid(reason: "\(quotedCell(original)) is not a number (no digits)")
        }
        if decimal != nil && fraction.isEmpty {
            return .invalid(reason: "\(quotedCell(original)) is not a number (no digits after the decimal separator)")
        }
        var ascii = negative ? "-" : ""
        ascii += digits.isEmpty ? "0" : digits
        if !fraction.isEmpty {
            ascii += "."
            ascii.unicodeScalars.append(contentsOf: fraction)
        }
        if !exponent.isEmpty { ascii += "e" + exponent }
        // Double(String) rounds correctly; building the ASCII form is simpler than
        // accumulating digits by hand and never loses the last bit.
        guard let value = Double(ascii), value.isFinite else {
            return .invalid(reason: "\(quotedCell(original)) is out of range")
        }
        return .value(value)
    }

    /// The number, or nil for a blank or invalid cell.
    public static func value(_ text: some StringProtocol) -> Double? {
        parse(text).value
    }
}


