import Foundation

/// Model files keep line references to the source document they were read from ("(l.
/// 104)", "(l. 58, 167–173)") so their authors can check them; `model show` keeps them,
/// documents leave them out — a reader of the report does not have that source open.
/// A reference that closes a parenthesis of other words ("(den befintliga enkäten, l.
/// 190)") goes too, the words staying.
enum SourceLineReferences {
    static func removed(from text: String) -> String {
        text.replacingOccurrences(of: #"\s*\((?:l|rad|line|lines)\.?\s*[0-9][0-9,\s–-]*\)"#, with: "",
                                  options: .regularExpression)
            .replacingOccurrences(of: #"[,;]\s*(?:l|rad|line|lines)\.\s*[0-9][0-9,\s–-]*(?=\))"#, with: "",
                                  options: .regularExpression)
    }
}
