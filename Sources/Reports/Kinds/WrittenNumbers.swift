import Foundation
import LogicModel

/// The numbers in a text as a report writes them (`NumberStyle`): Swedish with decimal
/// comma, digits grouped by a no-break, narrow no-break or thin space, the minus sign
/// U+2212, "12,5 %"; English with 1,234, 5.3, "-" and "12.5%". Also the symbols of
/// disclosure control, "<5" and "..". Each comes out in one spelling ("-0.11", "12.5%",
/// "1150000", "<5", ".."), so a number written by a writer and the same number written
/// from the record compare equal.
///
/// A number glued to a letter is part of a code and not read (I10, G2, O1); an ISO date
/// (2022-12-31) is one token, so its parts are not read as numbers.
public enum WrittenNumbers {
    public struct Token: Sendable, Equatable, Hashable {
        /// The one spelling: sign, digits, "." and decimals, "%" when a percent sign follows.
        public var value: String
        /// As written, for messages.
        public var written: String
        /// Where in the text.
        public var range: Range<String.Index>

        /// The number, for arithmetic (nil for "<5", "..", a date).
        public var number: Double? {
            Double(value.hasSuffix("%") ? String(value.dropLast()) : value)
        }
        public var isDate: Bool { value.count == 10 && value.filter { $0 == "-" }.count == 2 && !value.hasPrefix("-") }
        public var isSymbol: Bool { value.hasPrefix("<") || value == ".." }
    }

    static let space = "[\\u00A0\\u202F\\u2009]"

    static func pattern(_ language: Language) -> NSRegularExpression {
        let date = #"(?<![\p{L}\d])\d{4}-\d{2}-\d{2}(?!\d)"#
        let symbol = #"<"# + space + #"?\d+(?:[.,]\d+)?|(?<![.\d])\.\.(?![.\d])"#
        let grouped = language == .sv ? #"\d{1,3}(?:"# + space + #"\d{3})+(?!\d)"# : #"\d{1,3}(?:,\d{3})+(?!\d)"#
        let decimal = language == .sv ? "," : "\\."
        let number = #"(?<![\p{L}\d_.,\u2212-])(?:(?<![\p{L}\d])[+\u2212-])?(?:"# + grouped + #"|\d+)(?:"# + decimal
            + #"\d+)?(?:"# + space + #"?%|\s?%)?"#
        // Dates first: their parts are not numbers.
        return try! NSRegularExpression(pattern: "(" + date + ")|(" + symbol + ")|(" + number + ")")
    }

    nonisolated(unsafe) static let patterns: [Language: NSRegularExpression] = [.sv: pattern(.sv), .en: pattern(.en)]

    public static func tokens(in text: String, language: Language) -> [Token] {
        let re = patterns[language] ?? pattern(language)
        return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            guard let range = Range(m.range, in: text) else { return nil }
            let written = String(text[range])
            return Token(value: normalized(written, language: language), written: written, range: range)
        }
    }

    /// The values only, in order.
    public static func values(in text: String, language: Language) -> [String] {
        tokens(in: text, language: language).map(\.value)
    }

    static func normalized(_ written: String, language: Language) -> String {
        if written == ".." { return written }
        if written.count == 10, written.filter({ $0 == "-" }).count == 2, written.first?.isNumber == true { return written }
        var s = ""
        for ch in written {
            switch ch {
            case "\u{00A0}", "\u{202F}", "\u{2009}", " ": continue
            case "\u{2212}", "-": s.append("-")
            case ",": if language == .sv { s.append(".") }
            default: s.append(ch)
            }
        }
        return s
    }
}
