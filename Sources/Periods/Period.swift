/// A reporting period: a year, a tertial (the city's four-month reporting term), a
/// quarter or a month. Written `2021`, `2021-T1`, `2021-Q2`, `2021-03` (DESIGN §3.2).
///
/// Kept free of Foundation and SQLite so it can move to a module of its own.
public struct Period: Sendable, Hashable, Comparable, Codable, LosslessStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case year, tertial, quarter, month

        public var perYear: Int {
            switch self {
            case .year: return 1
            case .tertial: return 3
            case .quarter: return 4
            case .month: return 12
            }
        }

        var months: Int { 12 / perYear }
    }

    public let kind: Kind
    public let year: Int
    /// 1-based position within the year: tertial 1–3, quarter 1–4, month 1–12; 1 for a year.
    public let index: Int

    public init?(kind: Kind, year: Int, index: Int = 1) {
        guard (1...9999).contains(year), (1...kind.perYear).contains(index) else { return nil }
        self.kind = kind
        self.year = year
        self.index = index
    }

    /// The period of `kind` that contains `date`.
    public init(containing date: CalendarDate, kind: Kind) {
        self.kind = kind
        self.year = date.year
        self.index = (date.month - 1) / kind.months + 1
    }

    // MARK: Calendar

    /// First day.
    public var start: CalendarDate {
        CalendarDate(year: year, month: (index - 1) * kind.months + 1, day: 1)!
    }

    /// Last day, inclusive.
    public var end: CalendarDate {
        let lastMonth = index * kind.months
        return CalendarDate(year: year, month: lastMonth, day: CalendarDate.daysIn(month: lastMonth, year: year))!
    }

    public func contains(_ date: CalendarDate) -> Bool {
        start <= date && date <= end
    }

    /// True when `other` lies wholly inside: 2021 contains 2021-T1 and 2021-03.
    public func contains(_ other: Period) -> Bool {
        start <= other.start && other.end <= end
    }

    /// The year this period belongs to, as a period: where a year target applies.
    public var yearPeriod: Period {
        Period(kind: .year, year: year)!
    }

    /// The period of the same kind just before: 2021-T1 → 2020-T3.
    public var previous: Period {
        index > 1 ? Period(kind: kind, year: year, index: index - 1)!
                  : Period(kind: kind, year: year - 1, index: kind.perYear)!
    }

    /// The period of the same kind just after: 2020-T3 → 2021-T1.
    public var next: Period {
        index < kind.perYear ? Period(kind: kind, year: year, index: index + 1)!
                             : Period(kind: kind, year: year + 1, index: 1)!
    }

    /// By start date, then the longer period first (2021 before 2021-T1 before 2021-01),
    /// so sorting a mixed list reads like a table of contents.
    public static func < (a: Period, b: Period) -> Bool {
        if a.start != b.start { return a.start < b.start }
        return a.end > b.end
    }

    // MARK: Text

    public var text: String {
        switch kind {
        case .year: return "\(year)"
        case .tertial: return "\(year)-T\(index)"
        case .quarter: return "\(year)-Q\(index)"
        case .month: return index < 10 ? "\(year)-0\(index)" : "\(year)-\(index)"
        }
    }

    public var description: String { text }

    public init?(parsing text: some StringProtocol) {
        guard let period = Period.parse(text).value else { return nil }
        self = period
    }

    public init?(_ description: String) {
        self.init(parsing: description)
    }

    /// Accepts `2021`, `2021-T1`…`2021-T3`, `2021-Q1`…`2021-Q4`, `2021-03` (also
    /// `2021-3`); the letter in either case, and a space or nothing instead of the dash
    /// before it (`2021 T1`, `2021t1`), as hand-made sheets write it.
    public static func parse(_ text: some StringProtocol) -> ParseResult<Period> {
        let trimmed = Substring(text).unicodeScalars.trimmingCellSpace()
        if trimmed.isEmpty { return .empty }
        let original = String(text)
        func invalid(_ why: String) -> ParseResult<Period> {
            .invalid(reason: "\(quotedCell(original)) is not a period (\(why)); write 2021, 2021-T1, 2021-Q1 or 2021-03")
        }
        let s = Substring(trimmed)
        let yearPart = s.prefix(4)
        guard yearPart.count == 4, yearPart.unicodeScalars.allSatisfy(\.isASCIIDigit), let year = Int(yearPart) else {
            return invalid("no four-digit year first")
        }
        var rest = s.dropFirst(4)
        if rest.isEmpty { return make(.year, year, 1, invalid) }
        var separated = false
        if rest.first == "-" || rest.first == " " {
            rest.removeFirst()
            separated = true
        }
        guard let letter = rest.first else { return invalid("nothing after the separator") }
        let kind: Kind
        switch letter {
        case "T", "t": kind = .tertial
        case "Q", "q": kind = .quarter
        default:
            guard separated, (1...2).contains(rest.count), rest.unicodeScalars.allSatisfy(\.isASCIIDigit),
                  let month = Int(rest) else { return invalid("unknown form") }
            return make(.month, year, month, invalid)
        }
        let digits = rest.dropFirst()
        guard digits.count == 1, let index = Int(digits) else { return invalid("unknown form") }
        return make(kind, year, index, invalid)
    }

    private static func make(_ kind: Kind, _ year: Int, _ index: Int,
                             _ invalid: (String) -> ParseResult<Period>) -> ParseResult<Period> {
        if let period = Period(kind: kind, year: year, index: index) { return .value(period) }
        if kind == .year { return invalid("year out of range") }
        return invalid("\(kind.rawValue)s are numbered 1–\(kind.perYear)")
    }

    // MARK: Codable as text

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        switch Period.parse(text) {
        case .value(let period): self = period
        case .empty:
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "empty period")
        case .invalid(let reason):
            throw DecodingError.dataCorruptedError(in: container, debugDescription: reason)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
