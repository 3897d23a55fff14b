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

    private static func common(_ text: String) -> CaseRecord.Gender? {
        switch text {
        case "girl", "flicka", "F", "f", "Flicka": return .girl
        case "boy", "pojke", "M", "m", "Pojke": return .boy
        case "other", "annat", "X", "x", "Annat": return .other
        default: return nil
        }
    }
}
