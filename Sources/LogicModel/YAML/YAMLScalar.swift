import Foundation

/// Scalars written into YAML that people typed into a form.
public enum YAMLScalar {
    /// A YAML double-quoted scalar: JSON's string syntax, which YAML reads as is, so no
    /// text a person types (a colon, a quote, a `#`, a line break) changes the structure.
    public static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let json = (try? String(decoding: encoder.encode(text), as: UTF8.self)) ?? "\"\""
        // JSON leaves these as they are; YAML reads them as line breaks (NEL, LS, PS).
        return json.replacingOccurrences(of: "\u{85}", with: "\\u0085")
            .replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }
}
