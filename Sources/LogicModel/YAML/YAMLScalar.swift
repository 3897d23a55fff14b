import Foundation

/// Scalars written into YAML that people typed into a form.
public enum YAMLScalar {
    /// A YAML double-quoted scalar: JSON's string syntax, which YAML reads as is, so no
    /// text a person types (a colon, a quote, a `#`, a line break) changes the structure.
    public static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return (try? String(decoding: encoder.encode(text), as: UTF8.self)) ?? "\"\""
    }
}
