/// A reporting period: a year, a tertial (T1–T3, the city's four-month follow-up),
/// a quarter or a month, written `2021`, `2021-T1`, `2021-Q2`, `2021-03`.
public struct Period: Sendable, Hashable, Comparable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case year, tertial, quarter, month

        /// Periods of this kind in a year.
        public var perYear: Int {
            switch self {
            case .year: 1
            case .tertial: 3
            case .quarter: 4
            case .month: 12
            }
        }

        var monthsLong: Int { 12 / perYear }
    }

    public let kind: Kind
    public let year: Int
    /// 1-based index within the year (1 for a year).
    public let index: Int

    public init?(kind: Kind, year: Int, index: Int = 1) {
        guard (1...kind.perYear).contains(index), (1000...9999).contains(year) else { return nil }
        self.kind = kind
        self.year = year
        self.index = index
    }

    public init?(parsing text: some StringProtocol) {
        let s = Substring(text).trimmingWhitespace()
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, let y = Int(first) else { return nil }
        if parts.count == 1 {
            self.init(kind: .year, year: y)
            return
        }
        guard parts.count == 2, let tail = parts.last, !tail.isEmpty else { return nil }
        let upper = tail.uppercased()
        if upper.hasPrefix("T"), tail.count == 2, let i = Int(upper.dropFirst()) {
            self.init(kind: .tertial, year: y, index: i)
        } else if upper.hasPrefix("Q"), tail.count == 2, let i = Int(upper.dropFirst()) {
            self.init(kind: .quarter, year: y, index: i)
        } else if tail.count == 2, tail.allSatisfy(\.isNumber), let m = Int(tail) {
            self.init(kind: .month, year: y, index: m)
        } else {
            return nil
        }
    }

    public var text: String {
        switch kind {
        case .year: return "\(year)"
        case .tertial: return "\(year)-T\(index)"
        case .quarter: return "\(year)-Q\(index)"
        case .month: return index < 10 ? "\(year)-0\(index)" : "\(year)-\(index)"
        }
    }

    public var start: CalendarDate {
        CalendarDate(year: year, month: (index - 1) * kind.monthsLong + 1, day: 1)!
    }

    public var end: CalendarDate {
        start.adding(months: kind.monthsLong).adding(days: -1)
    }

    public func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }

    /// The year this period falls in, as a period.
    public var yearPeriod: Period { Period(kind: .year, year: year)! }

    /// The period of the same kind just before this one.
    public var previous: Period {
        if index > 1 { return Period(kind: kind, year: year, index: index - 1)! }
        return Period(kind: kind, year: year - 1, index: kind.perYear)!
    }

    /// Orders by start date, then the longer period first (2021 before 2021-T1).
    public static func < (a: Period, b: Period) -> Bool {
        if a.start != b.start { return a.start < b.start }
        return a.end > b.end
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let p = Period(parsing: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a period: \(s)")
        }
        self = p
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}

extension Period: CustomStringConvertible {
    public var description: String { text }
}
