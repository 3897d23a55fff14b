import Foundation

/// A target rule, parsed from the text a model states it in (DESIGN §3.1).
///
/// Thresholds remember how many decimals they were written with, because numbers are
/// compared at the precision they are stated in: 61/1000 = 6.1 % meets "<= 6.1" and
/// 6.14 % does too (it reads as 6.1), while 6.16 % does not.
public indirect enum TargetRule: Sendable, Equatable {
    public enum Comparison: String, Sendable, CaseIterable {
        case atLeast = ">="
        case above = ">"
        case atMost = "<="
        case below = "<"
        case equal = "=="
    }

    case threshold(Comparison, Threshold)
    case between(Threshold, Threshold)
    /// Better than the previous period, per the indicator's direction.
    case improve
    /// The same as or better than the previous period.
    case maintainOrImprove
    /// Judged in words, not computed.
    case qualitative
    /// Met when any part is met ("max 6,1 % eller minskar").
    case any([TargetRule])

    /// A number with the count of decimals it was written with.
    public struct Threshold: Sendable, Equatable {
        public var value: Double
        public var decimals: Int

        public init(value: Double, decimals: Int) {
            self.value = value
            self.decimals = decimals
        }

        /// "6,1", "6.1", "80", "-2" → value and decimals.
        public init?(parsing text: Substring) {
            var t = String(text.trimmingWhitespace())
            if t.hasSuffix("%") { t = String(t.dropLast()).trimmingCharacters() }
            t = t.replacingOccurrences(of: ",", with: ".")
            guard !t.isEmpty, let v = Double(t), v.isFinite,
                  t.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" })
            else { return nil }
            value = v
            if let dot = t.firstIndex(of: ".") {
                decimals = t.distance(from: dot, to: t.endIndex) - 1
            } else {
                decimals = 0
            }
        }

        public var text: String {
            decimals == 0 && value == value.rounded()
                ? String(Int(value))
                : String(format: decimals, value)
        }
    }

    /// Whether the rule needs the previous period's value.
    public var isRelative: Bool {
        switch self {
        case .improve, .maintainOrImprove: true
        case .any(let parts): parts.contains { $0.isRelative }
        default: false
        }
    }

    /// The rule as written in a model (parts of `any` joined for display).
    public var text: String {
        switch self {
        case .threshold(let c, let t): "\(c.rawValue) \(t.text)"
        case .between(let a, let b): "between \(a.text) and \(b.text)"
        case .improve: "improve"
        case .maintainOrImprove: "maintain_or_improve"
        case .qualitative: "qualitative"
        case .any(let parts): parts.map(\.text).joined(separator: " or ")
        }
    }
}

extension TargetRule {
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let text: String
        public var description: String {
            "cannot read target rule \"\(text)\"; write one of \">= x\", \"> x\", \"<= x\", \"< x\", \"== x\", "
                + "\"between a and b\", \"improve\", \"maintain_or_improve\", \"qualitative\", or {any: [...]}"
        }
    }

    /// Parses the string form of a rule; `{any: [...]}` is built by the YAML decoder.
    public init(parsing text: String) throws(ParseError) {
        let s = Substring(text).trimmingWhitespace()
        switch s.lowercased() {
        case "improve": self = .improve; return
        case "maintain_or_improve": self = .maintainOrImprove; return
        case "qualitative": self = .qualitative; return
        default: break
        }
        for comparison in [Comparison.atLeast, .atMost, .equal, .above, .below] {
            if s.hasPrefix(comparison.rawValue) {
                let rest = s.dropFirst(comparison.rawValue.count)
                guard let t = Threshold(parsing: rest) else { throw ParseError(text: text) }
                self = .threshold(comparison, t)
                return
            }
        }
        let words = s.split(separator: " ", omittingEmptySubsequences: true)
        if words.count == 4, words[0].lowercased() == "between", words[2].lowercased() == "and",
           let a = Threshold(parsing: words[1]), let b = Threshold(parsing: words[3]), a.value <= b.value {
            self = .between(a, b)
            return
        }
        throw ParseError(text: text)
    }
}

extension TargetRule: Codable {
    private struct AnyForm: Codable {
        var any: [TargetRule]
    }

    /// Encoded as written: a string, or `{"any": [...]}` for a choice.
    public func encode(to encoder: Encoder) throws {
        if case .any(let parts) = self {
            try AnyForm(any: parts).encode(to: encoder)
        } else {
            var c = encoder.singleValueContainer()
            try c.encode(text)
        }
    }

    public init(from decoder: Decoder) throws {
        if let c = try? decoder.singleValueContainer(), let s = try? c.decode(String.self) {
            do {
                self = try TargetRule(parsing: s)
            } catch {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: error.description)
            }
        } else {
            self = .any(try AnyForm(from: decoder).any)
        }
    }
}

private extension String {
    init(format decimals: Int, _ value: Double) {
        // Fixed-point with exactly `decimals` digits, without Foundation's locale.
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        var digits = String(Int(scaled))
        while digits.count <= decimals { digits = "0" + digits }
        let cut = digits.index(digits.endIndex, offsetBy: -decimals)
        self = (value < 0 ? "-" : "") + digits[..<cut] + (decimals > 0 ? "." + digits[cut...] : "")
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var s = self
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
