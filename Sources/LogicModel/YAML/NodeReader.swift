import Foundation
import Periods
import Yams

/// Walks a composed YAML tree, reading typed values and collecting located
/// diagnostics instead of stopping at the first problem, so that a user sees every
/// mistake in a file at once.
final class NodeReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

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
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                error(keyNode, id: id, "keys in \(what) must be plain words")
                continue
            }
            let key = scalar.string
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
            error(node, id: id, "`\(key)` should be a number, found \"\(text)\"")
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
            error(node, id: id, "`\(key)` should be true or false, found \"\(text)\"")
            return nil
        }
    }

    func choice<T: RawRepresentable & CaseIterable>(_ node: Node?, key: String, id: String?, as: T.Type) -> T? where T.RawValue == String {
        guard let node, let text = string(node, key: key, id: id) else { return nil }
        if let value = T(rawValue: text) { return value }
        let allowed = T.allCases.map(\.rawValue)
        error(node, id: id, "`\(key)` is \"\(text)\"; it must be one of: \(allowed.joined(separator: ", "))")
        return nil
    }

    func period(_ node: Node?, key: String, id: String?) -> Period? {
        guard let node, let text = string(node, key: key, id: id) else { return nil }
        if let period = Period(parsing: text) { return period }
        error(node, id: id, "`\(key)` \"\(text)\" is not a period; write 2021, 2021-T1, 2021-Q2 or 2021-03")
        return nil
    }

    func date(_ node: Node?, key: String, id: String?) -> CalendarDate? {
        guard let node, let text = string(node, key: key, id: id) else { return nil }
        if let date = CalendarDate(parsing: text) { return date }
        error(node, id: id, "`\(key)` \"\(text)\" is not a date; write YYYY-MM-DD, e.g. 2021-03-05")
        return nil
    }
}

extension String {
    func trimmingCharacters() -> String {
        String(Substring(self).trimmingWhitespace())
    }
}
