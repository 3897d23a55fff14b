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
