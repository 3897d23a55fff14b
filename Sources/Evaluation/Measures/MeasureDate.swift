import Periods

/// The x of a measure's point: a date, a reporting period (`2021`, `2021-T1`, `2021-Q2`,
/// `2021-03`, drawn at its first day) or an ISO week (`2021-W05`, `2021-v5`, drawn at its
/// Monday) — Genombrott measures are weekly or monthly.
public enum MeasureDate {
    public static func parse(_ text: String) -> ParseResult<CalendarDate> {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return .empty }
        if let week = isoWeek(t) { return .value(week) }
        // A period first: `2021-03` is a month, not a malformed date.
        if let period = Period(parsing: t) { return .value(period.start) }
        switch CalendarDate.parse(t) {
        case .value(let d): return .value(d)
        case .empty: return .empty
        case .invalid(let reason):
            return .invalid(reason: reason + "; a measure's date is a date (2021-03-05), a month (2021-03), a tertial or quarter (2021-T1, 2021-Q2), a year, or an ISO week (2021-W05)")
        }
    }

    /// `YYYY-Www`, `YYYY-Ww`, `YYYY-vNN` (Swedish "vecka"), case-insensitive: the Monday
    /// of that ISO 8601 week (week 1 holds 4 January).
    static func isoWeek(_ text: String) -> CalendarDate? {
        let parts = text.lowercased().split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), parts[0].count == 4,
              let marker = parts[1].first, marker == "w" || marker == "v",
              let week = Int(parts[1].dropFirst()), (1...53).contains(week),
              let jan4 = CalendarDate(year: year, month: 1, day: 4) else { return nil }
        let monday = jan4.adding(days: 1 - jan4.weekday).adding(days: 7 * (week - 1))
        if week == 53 {
            // Only years whose 28 December falls in week 53 have one.
            let next = CalendarDate(year: year + 1, month: 1, day: 4)!
            if monday >= next.adding(days: 1 - next.weekday) { return nil }
        }
        return monday
    }
}
