import Foundation
import Periods

/// Reads a gender cell in the forms case-management exports use (DESIGN §3.3):
/// `girl|boy|other`, `flicka|pojke|annat`, `F|M|X`, any letter case. A mapping may add
/// its own forms (`gender_values: {Kvinna: girl}`).
public enum GenderForm {
    static let builtIn: [String: CaseRecord.Gender] = [
        "girl": .girl, "boy": .boy, "other": .other,
        "flicka": .girl, "pojke": .boy, "annat": .other,
        "f": .girl, "m": .boy, "x": .other,
    ]

    /// `extra` keys must be lower case.
    public static func parse(_ text: String, extra: [String: CaseRecord.Gender] = [:]) -> ParseResult<CaseRecord.Gender> {
        // The forms exports write, without Foundation's trimming and case folding.
        if extra.isEmpty, let g = common(text) { return .value(g) }
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        if key.isEmpty { return .empty }
        if let g = extra[key] ?? builtIn[key] { return .value(g) }
        let forms = (["girl|boy|other", "flicka|pojke|annat", "F|M|X"] + (extra.isEmpty ? [] : [extra.keys.sorted().joined(separator: "|")]))
            .joined(separator: ", ")
        return .invalid(reason: "\"\(text)\" is not a gender form piloteval knows (\(forms)); add it under `gender_values:` in a mapping file")
    }

    /// The same for UTF-8 bytes in place (`CSVFields`): the common forms are read
    /// without building a string.
    public static func parse(utf8: UnsafeBufferPointer<UInt8>, extra: [String: CaseRecord.Gender] = [:]) -> ParseResult<CaseRecord.Gender> {
        if extra.isEmpty, let g = common(utf8) { return .value(g) }
        return parse(String(decoding: utf8, as: UTF8.self), extra: extra)
    }

    /// The forms exports write, compared byte for byte: the one table both entry points use.
    private static func common(_ b: UnsafeBufferPointer<UInt8>) -> CaseRecord.Gender? {
        func equals(_ word: StaticString) -> Bool {
            word.utf8CodeUnitCount == b.count && memcmp(word.utf8Start, b.baseAddress!, b.count) == 0
        }
        switch b.count {
        case 1:
            switch b[0] {
            case UInt8(ascii: "F"), UInt8(ascii: "f"): return .girl
            case UInt8(ascii: "M"), UInt8(ascii: "m"): return .boy
            case UInt8(ascii: "X"), UInt8(ascii: "x"): return .other
            default: return nil
            }
        case 3: return equals("boy") ? .boy : nil
        case 4: return equals("girl") ? .girl : nil
        case 5:
            if equals("other") { return .other }
            if equals("pojke") || equals("Pojke") { return .boy }
            if equals("annat") || equals("Annat") { return .other }
            return nil
        case 6: return equals("flicka") || equals("Flicka") ? .girl : nil
        default: return nil
        }
    }

    private static func common(_ text: String) -> CaseRecord.Gender? {
        var text = text
        return text.withUTF8 { common($0) }
    }
}
