import Foundation
import Periods
import Yams

/// Walks a composed YAML tree, reading typed values and collecting located
/// diagnostics instead of stopping at the first problem, so that a user sees every
/// mistake in a file at once.
final class NodeReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Where each indicator's `data:` names its survey item or subscale (indicator id →
    /// the value's location), for the check against the instrument file (`DataBindingCheck`).
    var bindingLocations: [String: SourceLocation] = [:]

    init(file: String) { self.file = file }

    func location(_ node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func error(_ node: Node, id: String?, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: location(node), id: id, message))
    }

    func warning(_ node: Node, id: String?, _ message: String) {
        diagnostics.append(Diagnostic(.warning, at: location(node), id: id, message))
    }

    func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// Anchors and aliases are refused: our files never need them, and an alias
    /// bomb ("billion laughs") must not be expanded.
    func rejectAnchor(_ node: Node, id: String?) -> Bool {
        if node.anchor != nil {
            error(node, id: id, "YAML anchors and aliases (&name, *name) are not supported here; write the value out")
            return true
        }
        return false
    }

    /// A mapping's entries in file order, after checking every key is one of
    /// `allowed` (a misspelt key such as `contributes-to` is an error, with a
    /// suggestion).
    func entries(_ node: Node, what: String, id: String?, allowed: [String]) -> [String: (key: Node, value: Node)]? {
        guard !rejectAnchor(node, id: id) else { return nil }
        guard case .mapping(let mapping) = node else {
            error(node, id: id, "\(what) should be a mapping of keys to values")
            return nil
        }
        var result: [String: (key: Node, value: Node)] = [:]
        var previous: (key: String, value: Node)?
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                error(keyNode, id: id, "keys in \(what) must be plain words")
                continue
            }
            let key = scalar.string
            let before = previous
            previous = (key, valueNode)
            if !allowed.contains(key), let before,
               let hint = Self.decimalCommaHint(key: keyNode, value: valueNode, previous: before) {
                error(keyNode, id: id, hint)
                continue
            }
            if !allowed.contains(key) {
                var message = "unknown key `\(key)` in \(what)"
                if let suggestion = closest(key, in: allowed) {
                    message += "; did you mean `\(suggestion)`?"
                } else {
                    message += "; allowed keys: \(allowed.joined(separator: ", "))"
                }
                error(keyNode, id: id, message)
                continue
            }
            _ = rejectAnchor(valueNode, id: id)
            result[key] = (keyNode, valueNode)
        }
        return result
    }

    /// `{period: "2022", value: 54,5}`: inside `{ }` a comma separates entries, so YAML
    /// reads `value: 54` and a key `5` without a value. Says so, instead of "unknown key `5`".
    /// Recognised by the digits-only key written right after the number, comma between
    /// (Yams does not keep whether a mapping was written in flow style).
    static func decimalCommaHint(key keyNode: Node, value: Node, previous: (key: String, value: Node)) -> String? {
        guard case .scalar(let keyScalar) = keyNode else { return nil }
        let key = keyScalar.string
        guard !key.isEmpty, key.allSatisfy(\.isASCIIDigitCharacter),
              case .scalar(let before) = previous.value, before.style == .plain,
              let at = before.mark, let keyAt = keyScalar.mark,
              keyAt.line == at.line, keyAt.column == at.column + before.string.count + 1,
              !before.string.isEmpty, before.string.last!.isASCIIDigitCharacter,
              Double(before.string.replacingOccurrences(of: " ", with: "")) != nil,
              case .scalar(let empty) = value, empty.string.isEmpty else { return nil }
        let written = "\(before.string),\(key)"
        return "`\(previous.key): \(written)` has a decimal comma, which inside { } separates entries "
            + "(YAML read \(previous.key) \(before.string) and a key `\(key)`); write \(previous.key): \(before.string).\(key), "
            + "or put the entry on a line of its own (\(previous.key): \(written))"
    }

    /// The quotation marks Word's AutoFormat types in place of straight ones. YAML does
    /// not read them as quotes, so `rule: “>= 80”` is the text with the quotes in it.
    static let curlyQuotes: [Character] = ["\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{201E}"]

    /// A sentence naming the curly quotes in `text`, or nil when it has none.
    static func curlyQuoteHint(_ text: String) -> String? {
        let found = curlyQuotes.filter(text.contains)
        guard !found.isEmpty else { return nil }
        return "it is written with curly quotes (\(found.map(String.init).joined(separator: " "))), as Word types them, "
            + "and YAML does not read those as quotes; type straight quotes (\" or ') or none"
    }

    static func removingCurlyQuotes(_ text: String) -> String {
        String(text.filter { !curlyQuotes.contains($0) })
    }

    /// Errors when an id or a reference to one holds curly quotes; true when it did.
    func rejectCurlyQuotes(_ text: String, node: Node, key: String, id: String?) -> Bool {
        guard let hint = Self.curlyQuoteHint(text) else { return false }
        error(node, id: id, "`\(key)` \"\(text)\": \(hint)")
        return true
    }

    func isNull(_ node: Node) -> Bool {
        if case .scalar(let s) = node { return s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string) }
        return false
    }

    func string(_ node: Node?, key: String, id: String?, required: Bool = false, parent: Node? = nil) -> String? {
        guard let node else {
            if required, let parent { error(parent, id: id, "missing `\(key)`") }
            return nil
        }
        guard case .scalar(let scalar) = node, !isNull(node) else {
            if isNull(node) {
                if required { error(node, id: id, "`\(key)` is empty") }
                return nil
            }
            error(node, id: id, "`\(key)` should be text")
            return nil
        }
        let text = scalar.string.trimmingCharacters()
        if required && text.isEmpty {
            error(node, id: id, "`\(key)` is empty")
            return nil
        }
        return text
    }

    func stringList(_ node: Node?, key: String, id: String?) -> [String] {
        guard let node, !isNull(node) else { return [] }
        switch node {
        case .scalar:
            // A single id written without brackets: `contributes_to: G1`.
            return string(node, key: key, id: id).map { [$0] } ?? []
        case .sequence(let sequence):
            var out: [String] = []
            for item in sequence {
                guard !rejectAnchor(item, id: id) else { continue }
                if let s = string(item, key: key, id: id), !s.isEmpty { out.append(s) }
            }
            return out
        default:
            error(node, id: id, "`\(key)` should be a list, like [A1, A2]")
            return []
        }
    }

    func sequence(_ node: Node?, key: String, id: String?) -> [Node] {
        guard let node, !isNull(node) else { return [] }
        guard case .sequence(let sequence) = node else {
            error(node, id: id, "`\(key)` should be a list (each item starting with `- `)")
            return []
        }
        return Array(sequence)
    }

    func number(_ node: Node?, key: String, id: String?) -> Double? {
        guard let node, let text = string(node, key: key, id: id) else { return nil }
        let normalised = text.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: " ", with: "")
        guard let value = Double(normalised), value.isFinite else {
            error(node, id: id, "`\(key)` should be a number, found \"\(text)\"" + (Self.curlyQuoteHint(text).map { "; " + $0 } ?? ""))
            return nil
        }
        return value
    }

    func bool(_ node: Node?, key: String, id: String?) -> Bool? {
        guard let node, let text = string(node, key: key, id: id) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "ja": return true
        case "false", "no", "nej": return false
        default:
            error(node, id: id, "`\(key)` should be true or false, found \"\(text)\"" + (Self.curlyQuoteHint(text).map { "; " + $0 } ?? ""))
            return nil
        }
    }

    func choice<T: RawRepresentable & CaseIterable>(_ node: Node?, key: String, id: String?, as: T.Type) -> T? where T.RawValue == String {
        guard let node, let text = string(node, key: key, id: id) else { return nil }
        if let value = T(rawValue: text) { return value }
        let allowed = T.allCases.map(\.rawValue)
        error(node, id: id, "`\(key)` is \"\(text)\"; it must be one of: \(allowed.joined(separator: ", "))"
              + (Self.curlyQuoteHint(text).map { "; " + $0 } ?? ""))
        return nil
    }

    func period(_ node: Node?, key: String, id: String?) -> Period? {
        guard let node, let text = string(node, key: key, id: id) else { return nil }
        if let period = Period(parsing: text) { return period }
        error(node, id: id, "`\(key)` \"\(text)\" is not a period; "
              + (Self.curlyQuoteHint(text).map { $0 + ", e.g. \"2021\"" } ?? "write 2021, 2021-T1, 2021-Q2 or 2021-03"))
        return nil
    }

    func date(_ node: Node?, key: String, id: String?) -> CalendarDate? {
        guard let node, let text = string(node, key: key, id: id) else { return nil }
        if let date = CalendarDate(parsing: text) { return date }
        error(node, id: id, "`\(key)` \"\(text)\" is not a date; "
              + (Self.curlyQuoteHint(text).map { $0 + ", e.g. 2021-03-05" } ?? "write YYYY-MM-DD, e.g. 2021-03-05"))
        return nil
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

extension String {
    func trimmingCharacters() -> String {
        String(Substring(self).trimmingWhitespace())
    }
}
