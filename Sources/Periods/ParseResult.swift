/// The reading of one cell: a value, a blank cell, or text that is not a value — with the
/// reason, so an importer can say `file:line:column: "1,2,3" is not a number (…)`.
public enum ParseResult<Value> {
    case value(Value)
    case empty
    case invalid(reason: String)

    /// The value; nil for a blank or invalid cell.
    public var value: Value? {
        if case .value(let v) = self { return v }
        return nil
    }

    /// Why the text is not a value; nil for a value or a blank cell.
    public var reason: String? {
        if case .invalid(let r) = self { return r }
        return nil
    }
}

extension ParseResult: Sendable where Value: Sendable {}

/// A cell as a reason quotes it: in quotes with control characters escaped (a cell must
/// not move a terminal's cursor), at most 40 characters, and not at all when it holds
/// ten digits or more, which could be an identity number (docs/privacy.md; the finer
/// masking, `IdentityNumberScanner`, lives in Store, above this module).
package func quotedCell(_ text: some StringProtocol) -> String {
    if text.unicodeScalars.lazy.filter(\.isASCIIDigit).count >= 10 { return "the value (not shown: it could be an identity number)" }
    return escapedCell(text, limit: 40)
}

/// A cell in quotes for a message: line breaks and tabs as `\n`, `\r`, `\t`, other
/// control and bidirectional-override characters as `\u{…}`, a quote as `\"`, and at most
/// `limit` characters then "…". The one escaper both `quotedCell` and Store's
/// `IdentityNumberScanner.quoted` (which masks first) use.
package func escapedCell(_ text: some StringProtocol, limit: Int) -> String {
    var out = "\""
    for (k, scalar) in text.unicodeScalars.enumerated() {
        if k == limit { out += "…"; break }
        switch scalar.value {
        case 0x0A: out += "\\n"
        case 0x0D: out += "\\r"
        case 0x09: out += "\\t"
        case 0x00..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
            out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        case 0x22: out += "\\\""
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
extension ParseResult: Equatable where Value: Equatable {}
extension ParseResult: Hashable where Value: Hashable {}

extension Unicode.Scalar {
    /// Whitespace as it appears around numbers in Swedish exports and reports: ordinary
    /// space, tab, no-break space (U+00A0, Excel's thousands separator), narrow no-break
    /// space (U+202F, the typographic one) and thin space (U+2009).
    package var isCellSpace: Bool {
        switch value {
        case 0x20, 0x09, 0xA0, 0x202F, 0x2009: return true
        default: return false
        }
    }

    package var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension Substring.UnicodeScalarView {
    package func trimmingCellSpace() -> Substring.UnicodeScalarView {
        var s = self
        while let first = s.first, first.isCellSpace || first == "\r" || first == "\n" { s.removeFirst() }
        while let last = s.last, last.isCellSpace || last == "\r" || last == "\n" { s.removeLast() }
        return s
    }
}
