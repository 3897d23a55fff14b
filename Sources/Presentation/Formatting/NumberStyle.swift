import Foundation
import LogicModel
import Periods

/// How numbers, percentages and dates are written in a report of one language.
///
/// Swedish follows Språkrådet and the city's own reports: decimal comma (5,3), digits
/// grouped by three with a space (1 234), a space before the percent sign (12,5 %),
/// differences of percentages in "procentenheter", the minus sign U+2212. The space
/// is a **no-break space** (U+00A0): it keeps "1 150 000" and "12,5 %" on one line in
/// every writer, and unlike the narrow no-break space (U+202F) every font Word,
/// LibreOffice and browsers fall back to has a glyph for it. English uses 1,234, 5.3,
/// 12.5%, "percentage points" and, in documents and pages, the minus sign U+2212 too
/// (a hyphen is shorter and sits lower: "-0.4" read as a dash beside "+0.4"); the
/// terminal's style keeps the hyphen-minus, which a shell or a spreadsheet reads back.
///
/// Rounding is half away from zero, as people read tables (docs/decisions.md), with a
/// few ulps of nudge so 6.15 stored as 6.1499999… is written 6,2.
public struct NumberStyle: Sendable, Equatable {
    public let language: Language
    /// Units in their short forms ("pp", "p.e."), for the terminal's narrow tables;
    /// documents write them out.
    public let abbreviated: Bool

    /// The terminal's style: English for the analyst, short units.
    public static let terminal = NumberStyle(.en, abbreviated: true)

    public init(_ language: Language, abbreviated: Bool = false) {
        self.language = language
        self.abbreviated = abbreviated
    }

    public static let noBreakSpace = "\u{00A0}"

    var groupSeparator: String { language == .sv ? Self.noBreakSpace : "," }
    var decimalSeparator: String { language == .sv ? "," : "." }
    var minus: String { language == .sv || !abbreviated ? "\u{2212}" : "-" }

    /// 1234567 → "1 234 567" / "1,234,567".
    public func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? minus : "") + grouped(digits)
    }

    /// A number with a fixed count of decimals: (5.25, 1) → "5,3" / "5.3".
    /// Non-finite values have no written form; callers show undefined figures by their
    /// note, so this returns "–" rather than "nan".
    public func decimal(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        let (integerDigits, fraction, negative) = Self.rounded(value, decimals: decimals)
        var out = (negative ? minus : "") + grouped(integerDigits)
        if decimals > 0 { out += decimalSeparator + fraction }
        return out
    }

    /// A value already in percent: (12.5, 1) → "12,5 %" / "12.5%".
    public func percent(_ value: Double, decimals: Int = 1) -> String {
        let number = decimal(value, decimals: decimals)
        return language == .sv ? number + Self.noBreakSpace + "%" : number + "%"
    }

    /// A difference of two percentages, signed: (2.34, 1) → "+2,3 procentenheter".
    public func percentagePoints(_ value: Double, decimals: Int = 1) -> String {
        let unit = abbreviated ? (language == .sv ? "p.e." : "pp") : (language == .sv ? "procentenheter" : "percentage points")
        return signed(value, decimals: decimals) + Self.noBreakSpace + unit
    }

    /// A signed difference: "+2,3", "−0,4", "0,0".
    public func signed(_ value: Double, decimals: Int) -> String {
        let text = decimal(value, decimals: decimals)
        let isZero = text.allSatisfy { !"123456789".contains($0) }
        return (value > 0 && !isZero ? "+" : "") + (isZero ? decimal(0, decimals: decimals) : text)
    }

    /// Whole kronor: 1150000 → "1 150 000 kr" / "SEK 1,150,000".
    public func kronor(_ value: Double) -> String {
        let number = decimal(value, decimals: 0)
        return language == .sv ? number + Self.noBreakSpace + "kr" : "SEK" + Self.noBreakSpace + number
    }

    /// 2022-02-28 → "28 februari 2022" / "28 February 2022".
    public func date(_ date: CalendarDate) -> String {
        let names = language == .sv ? Self.swedishMonths : Self.englishMonths
        return "\(date.day) \(names[date.month - 1]) \(date.year)"
    }

    /// 2021 → "2021"; 2021-T1 → "tertial 1 2021"; 2021-Q2 → "kvartal 2 2021" / "Q2 2021";
    /// 2021-03 → "mars 2021" / "March 2021".
    public func period(_ period: Period) -> String {
        switch period.kind {
        case .year: return String(period.year)
        case .tertial: return "tertial \(period.index) \(period.year)"
        case .quarter: return language == .sv ? "kvartal \(period.index) \(period.year)" : "Q\(period.index) \(period.year)"
        case .month:
            let names = language == .sv ? Self.swedishMonths : Self.englishMonths
            return "\(names[period.index - 1]) \(period.year)"
        }
    }

    /// A period's label in words, as every part of a report names it (its text, tables,
    /// captions and the charts' own titles and axes): a survey wave or a measure's month
    /// ("2023-03") as people write it, "mars 2023" / "March 2023"; a year or tertial as
    /// `period` writes it; any other label (a week, "2021-v02") as it is.
    public func periodLabel(_ label: String) -> String {
        Period(parsing: label).map(period) ?? label
    }

    /// From one period's label to another's, in words: "september 2020 – mars 2021"
    /// (a spaced dash between words), "2021-v02–2021-v08".
    public func span(_ first: String, _ last: String) -> String {
        let (a, b) = (periodLabel(first), periodLabel(last))
        return a.contains(" ") || b.contains(" ") ? "\(a) – \(b)" : "\(a)–\(b)"
    }

    static let swedishMonths = ["januari", "februari", "mars", "april", "maj", "juni", "juli",
                                "augusti", "september", "oktober", "november", "december"]
    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July",
                                "August", "September", "October", "November", "December"]

    private func grouped(_ digits: String) -> String {
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return groups.isEmpty ? "0" : groups.joined(separator: groupSeparator)
    }

    /// The value as this formatter writes it with `decimals`, as a number: what a record
    /// holds of a figure that may be published only as rounded (docs/privacy.md).
    public static func roundedValue(_ value: Double, decimals: Int) -> Double {
        guard value.isFinite else { return value }
        let (whole, fraction, negative) = rounded(value, decimals: decimals)
        let magnitude = Double(fraction.isEmpty ? whole : whole + "." + fraction) ?? value
        return negative ? -magnitude : magnitude
    }

    /// Integer digits, fraction digits and sign of |value| rounded half away from zero.
    static func rounded(_ value: Double, decimals: Int) -> (String, String, Bool) {
        let decimals = max(0, min(decimals, 15))
        let scale = pow(10.0, Double(decimals))
        let scaled = abs(value) * scale
        let nudged = scaled + 4 * scaled.ulp
        if nudged < 9e15 {
            let units = UInt64(nudged.rounded(.toNearestOrAwayFromZero))
            let divisor = UInt64(scale)
            let whole = String(units / divisor)
            var fraction = decimals > 0 ? String(units % divisor) : ""
            while fraction.count < decimals { fraction = "0" + fraction }
            return (whole, fraction, value < 0 && units > 0)
        }
        // Beyond exact integers: the digits printf gives are all a Double holds anyway.
        let text = String(format: "%.\(decimals)f", abs(value))
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        return (parts[0], parts.count > 1 ? parts[1] : "", value < 0)
    }
}
