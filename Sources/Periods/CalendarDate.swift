/// A day in the proleptic Gregorian calendar, without time or time zone: case data
/// records the day a decision was made, and "within 14 days" counts days, not hours.
///
/// Kept free of Foundation and SQLite so it can move to a module of its own.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, LosslessStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil unless the date exists (2021-02-29 does not; 2020-02-29 does). Years 1–9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // MARK: Day arithmetic

    /// Days since 1970-01-01 (Howard Hinnant, "chrono-Compatible Low-Level Date
    /// Algorithms", days_from_civil): exact integer arithmetic, no time zones involved.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The inverse of `dayNumber` (Hinnant's civil_from_days). Traps outside years 1–9999.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        guard let date = CalendarDate(year: y, month: m, day: d) else {
            preconditionFailure("day number \(dayNumber) is outside years 1–9999")
        }
        self = date
    }

    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days)
    }

    /// Calendar months, the day clamped to the target month's length: 2021-01-31 + 1
    /// month = 2021-02-28, and 2021-10-31 + 4 months = 2022-02-28. This is how a deadline
    /// of "four months" (socialtjänstlagen 11 kap. 2 §) is counted from a start date.
    public func adding(months: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + months
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        let d = min(day, CalendarDate.daysIn(month: m, year: y))
        guard let date = CalendarDate(year: y, month: m, day: d) else {
            preconditionFailure("\(self) + \(months) months is outside years 1–9999")
        }
        return date
    }

    /// Days from self to `other`: positive when `other` is later. 2021-03-01 to
    /// 2021-03-15 is 14.
    public func days(until other: CalendarDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// ISO weekday, 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    public var weekday: Int {
        let w = (dayNumber + 3) % 7
        return (w < 0 ? w + 7 : w) + 1
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    // MARK: Text

    /// ISO 8601: `2021-03-05`.
    public var iso: String {
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    /// Parses the forms `parse` accepts; nil for a blank or invalid text.
    public init?(parsing text: some StringProtocol) {
        guard let date = CalendarDate.parse(text).value else { return nil }
        self = date
    }

    public init?(_ description: String) {
        self.init(parsing: description)
    }

    /// Dates as case-management exports write them:
    /// - `2021-03-05` (also `2021-3-5`), `20210305`;
    /// - any of these followed by a time after a space or `T` (`2021-03-05 14:30`,
    ///   `2021-03-05T14:30:00Z`): the time is ignored and the date taken as written;
    /// - `5/3/2021` only when the order is unambiguous: one of the first two numbers is
    ///   above 12 (`25/3/2021`, `3/25/2021`) or both are equal. `5/3/2021` — 5 March in
    ///   Sweden, 3 May in the US — is refused with a reason, not guessed.
    public static func parse(_ text: some StringProtocol) -> ParseResult<CalendarDate> {
        let trimmed = Substring(text).unicodeScalars.trimmingCellSpace()
        if trimmed.isEmpty { return .empty }
        let original = String(text)
        // Drop a time part: everything from the first space or `T` after the date.
        var s = Substring(trimmed)
        if let cut = s.firstIndex(where: { $0 == " " || $0 == "T" || $0 == "t" }) {
            s = s[..<cut]
        }
        func invalid(_ why: String) -> ParseResult<CalendarDate> {
            .invalid(reason: "\(quotedCell(original)) is not a date (\(why))")
        }
        func make(_ y: Int, _ m: Int, _ d: Int) -> ParseResult<CalendarDate> {
            if let date = CalendarDate(year: y, month: m, day: d) { return .value(date) }
            return invalid("no such day in the calendar")
        }
        func number(_ part: Substring, digits: ClosedRange<Int>) -> Int? {
            guard digits.contains(part.count), part.unicodeScalars.allSatisfy(\.isASCIIDigit) else { return nil }
            return Int(part)
        }

        if s.contains("/") {
            let parts = s.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 3, let a = number(parts[0], digits: 1...2), let b = number(parts[1], digits: 1...2),
                  let y = number(parts[2], digits: 4...4) else {
                return invalid("expected YYYY-MM-DD")
            }
            switch (a > 12, b > 12) {
            case (true, false): return make(y, b, a)
            case (false, true): return make(y, a, b)
            case (false, false) where a == b: return make(y, a, a)
            case (false, false):
                return invalid("day and month order is ambiguous; write \(y)-MM-DD")
            case (true, true): return invalid("neither part is a month")
            }
        }
        if s.contains("-") {
            let parts = s.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, let y = number(parts[0], digits: 4...4),
                  let m = number(parts[1], digits: 1...2), let d = number(parts[2], digits: 1...2) else {
                return invalid("expected YYYY-MM-DD")
            }
            return make(y, m, d)
        }
        if s.count == 8, let all = number(s, digits: 8...8) {
            return make(all / 10_000, all / 100 % 100, all % 100)
        }
        return invalid("expected YYYY-MM-DD")
    }

    // MARK: Codable as ISO text, as JSON output and YAML input write dates

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        switch CalendarDate.parse(text) {
        case .value(let date): self = date
        case .empty:
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "empty date")
        case .invalid(let reason):
            throw DecodingError.dataCorruptedError(in: container, debugDescription: reason)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
