import Foundation
import Statistics

/// A number in a table, typed: what it is (a count of persons, a share, a difference,
/// a p-value), the figure itself (a value, or the reason it is undefined), and the
/// disclosure decision taken on it. Every writer renders it through the one
/// `NumberStyle`, so the terminal, the documents and the web show the same figure the
/// same way; disclosure control (docs/privacy.md) decides on cells, not on strings.
public struct FigureCell: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Persons or cases: small counts are subject to disclosure control.
        case count
        /// Events, not persons (DESIGN §3.1 `counts: events`): never suppressed.
        case eventCount
        /// A plain number with a fixed count of decimals.
        case decimal(Int)
        /// A value already in percent (12.5 → "12,5 %").
        case percent(Int)
        /// A proportion 0–1, written in percent (0.125 → "12,5 %").
        case share(Int)
        /// A difference of percentages, signed ("+2,3 procentenheter").
        case percentagePoints(Int)
        /// A signed difference ("+2,3", "−0,4").
        case signed(Int)
        /// Whole kronor.
        case kronor
        /// A p-value: three decimals, "< 0,001" below that.
        case pValue
        /// A measurement of any size to this many significant digits (a run chart's
        /// points: 0,0412 and 1 234): as many decimals as that takes, at most six.
        case significant(Int)
    }

    public var figure: Figure
    public var kind: Kind
    public var disclosure: Disclosure

    public init(_ figure: Figure, _ kind: Kind, disclosure: Disclosure = .shown) {
        self.figure = figure
        self.kind = kind
        self.disclosure = disclosure
    }

    public init(_ value: Double?, _ kind: Kind, undefined note: String = "no value", disclosure: Disclosure = .shown) {
        self.init(value.map { Figure($0, orUndefined: note) } ?? Figure(undefined: note), kind, disclosure: disclosure)
    }

    /// Counts of persons are what small-count rules protect.
    public var isPersonCount: Bool { kind == .count }
}

/// What a reader may see of one figure (DESIGN §9). Decided once per cell by
/// disclosure control; writers only render the decision.
public enum Disclosure: Sendable, Equatable {
    case shown
    /// Primary suppression: a count of 1 to threshold − 1, written as a band ("<5").
    case small(threshold: Int)
    /// Complementary suppression, or a figure built on a suppressed count: withheld,
    /// written "..".
    case withheld

    public var isSuppressed: Bool { self != .shown }
}

extension NumberStyle {
    /// The figure as a person reads it in this language: the decision of disclosure
    /// control first, then "–" for an undefined figure, else the number in its kind.
    public func text(_ cell: FigureCell) -> String {
        switch cell.disclosure {
        case .small(let threshold): return "<" + integer(threshold)
        case .withheld: return ".."
        case .shown: break
        }
        guard let v = cell.figure.value else { return "–" }
        switch cell.kind {
        case .count, .eventCount: return decimal(v, decimals: 0)
        case .decimal(let d): return decimal(v, decimals: d)
        case .percent(let d): return percent(v, decimals: d)
        case .share(let d): return percent(100 * v, decimals: d)
        case .percentagePoints(let d): return percentagePoints(v, decimals: d)
        case .signed(let d): return signed(v, decimals: d)
        case .kronor: return kronor(v)
        case .pValue: return v < 0.001 ? "<" + Self.noBreakSpace + decimal(0.001, decimals: 3) : decimal(v, decimals: 3)
        case .significant(let digits):
            guard v != 0 else { return decimal(0, decimals: 0) }
            let magnitude = Int((abs(v)).log10Floor)
            return decimal(v, decimals: max(0, min(6, digits - 1 - magnitude)))
        }
    }
}

private extension Double {
    /// ⌊log₁₀ x⌋ for x > 0, exact at powers of ten (log10 of 1000 is 2.9999… on some
    /// platforms).
    var log10Floor: Double {
        var e = Foundation.log10(self).rounded(.down)
        if Foundation.pow(10, e + 1) <= self { e += 1 }
        if Foundation.pow(10, e) > self { e -= 1 }
        return e
    }
}
