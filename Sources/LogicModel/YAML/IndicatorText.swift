import Foundation
import Yams

/// Writes one indicator into a model's YAML text for the web application's indicator
/// form (issue 23), keeping everything else as the author wrote it.
///
/// A model file is a document people write by hand, with comments that explain choices
/// ("# consultations, not persons: never suppressed"), section rulers and a layout of
/// their own; re-serialising the whole model would throw all that away. So the form
/// rewrites only the keys whose values it changed: each key of the indicator's mapping
/// spans the lines from its own line to the next key's (comment and blank lines at the
/// end of a span stay with what follows), an unchanged key keeps its lines byte for byte,
/// a changed one gets freshly written lines, a new one is inserted where the file's
/// usual order puts it, and a cleared one is removed. A new indicator is appended to the
/// `indicators:` list. An indicator written as one flow mapping (`- {id: I1, …}`) is
/// rewritten whole. The caller decodes the result with the model decoder, and
/// `IndicatorText.sameForm` confirms the indicator reads back as the form meant.
public enum IndicatorText {
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// The keys the form edits. Others (`data`, `baseline`, `illustrative`) are kept as written.
    public static let formKeys = ["title", "description", "measures", "unit", "direction", "counts", "targets",
                                  "source", "frequency", "breakdowns", "note"]
    /// The order the shipped models write an indicator's keys in; a new key goes there.
    static let order = ["id", "title", "description", "measures", "unit", "direction", "counts", "baseline", "targets",
                        "source", "frequency", "data", "breakdowns", "illustrative", "note"]

    /// `text` with the indicator `replacing` (an id in the text) rewritten as `indicator`,
    /// or with `indicator` appended when `replacing` is nil.
    public static func write(_ indicator: Indicator, replacing id: String?, in text: String) throws -> String {
        // The YAML reader breaks lines at these too; counting lines by "\n" alone would
        // then edit the wrong ones.
        let scalars = Array(text.unicodeScalars)
        if let odd = scalars.indices.first(where: { i in
            ["\u{85}", "\u{2028}", "\u{2029}"].contains(scalars[i]) || (scalars[i] == "\r" && (i + 1 == scalars.count || scalars[i + 1] != "\n"))
        }) {
            throw Failure(description: String(format: "the model's text holds an unusual line break (U+%04X); change the indicator in the text editor",
                                              scalars[odd].value))
        }
        let root: Node
        do {
            root = try SafeYAML.compose(Data(text.utf8), file: "model.yaml")
        } catch {
            throw Failure(description: "the model's text does not read as YAML: \(error.diagnostics.first?.message ?? "")")
        }
        guard let pairs = root.mapping else { throw Failure(description: "the model's text is not a mapping") }
        // Split on the scalar: in a Swift String "\r\n" is one Character, which a search
        // for "\n" does not find (a text from a browser's text area has CRLF endings).
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        let ending = text.contains("\r\n") ? "\r" : ""
        func written(_ new: [String]) -> [String] { new.map { $0 + ending } }
        let rootKeys = pairs.map { (name: $0.key.string ?? "", line: line($0.key)) }.sorted { $0.line < $1.line }
        guard let listKey = rootKeys.first(where: { $0.name == "indicators" }) else {
            guard id == nil else { throw Failure(description: "the model has no indicators") }
            // No list yet: start one at the end of the file.
            while lines.last == "" { lines.removeLast() }
            lines += written(["indicators:"] + item(indicator, dash: "  - ")) + [""]
            return lines.joined(separator: "\n")
        }
        // Every line number below comes from the reader's marks; out of range is a fault, not a trap.
        guard listKey.line <= lines.count else { throw Failure(description: "the model's text could not be laid out line by line") }
        let listEnd = rootKeys.first(where: { $0.line > listKey.line }).map { $0.line - 1 } ?? lines.count
        let items = (pairs.first { $0.key.string == "indicators" }?.value.sequence).map(Array.init) ?? []
        let starts = items.map { line($0) }
        guard starts.allSatisfy({ (1...lines.count).contains($0) }) else {
            throw Failure(description: "the model's text could not be laid out line by line")
        }
        func end(ofItem k: Int) -> Int {
            trimmed(lines, from: starts[k], to: k + 1 < starts.count ? starts[k + 1] - 1 : listEnd)
        }

        guard let id else {
            // Appended after the last item (or the `indicators:` line), before any comment
            // that introduces what follows.
            let after = items.isEmpty ? listKey.line : end(ofItem: items.count - 1)
            // `indicators: []` becomes a block list that the new item can join.
            if items.isEmpty {
                let keyLine = lines[listKey.line - 1]
                let bare = keyLine.replacingOccurrences(of: " ", with: "").trimmingCharacters(in: .whitespacesAndNewlines)
                if bare == "indicators:[]" { lines[listKey.line - 1] = "indicators:" + (keyLine.hasSuffix("\r") ? "\r" : "") }
            }
            let dash = items.first.flatMap { dashPrefix(lines[line($0) - 1], keyColumn: column($0)) } ?? "  - "
            lines.insert(contentsOf: written(item(indicator, dash: dash)), at: after)
            return lines.joined(separator: "\n")
        }
        guard let k = items.firstIndex(where: { $0.mapping?["id"]?.string == id }), let mapping = items[k].mapping else {
            throw Failure(description: "the model has no indicator \"\(id)\"")
        }
        let itemEnd = end(ofItem: k)
        let keys = mapping.map { (name: $0.key.string ?? "", line: line($0.key), column: column($0.key)) }.sorted { $0.line < $1.line }
        let oneLinePerKey = Set(keys.map(\.line)).count == keys.count
        guard mapping.style != .flow, oneLinePerKey, let first = keys.first, first.name == "id",
              dashPrefix(lines[first.line - 1], keyColumn: first.column) != nil else {
            // Written on one line (`- {id: I1, …}`) or in an unusual layout: written again
            // whole, in block style, when the form holds all of it.
            guard keys.allSatisfy({ $0.name == "id" || formKeys.contains($0.name) }),
                  let dash = dashPrefix(lines[starts[k] - 1], keyColumn: nil) else {
                throw Failure(description: "indicator \"\(id)\" is written in a layout the form cannot change without losing part of it; change it in the text editor")
            }
            lines.replaceSubrange((starts[k] - 1)..<itemEnd, with: written(item(indicator, dash: dash)))
            return lines.joined(separator: "\n")
        }
        let indent = String(repeating: " ", count: first.column - 1)
        let current = LogicModelDecoder.indicator(in: text, id: id)
        let values = Dictionary(uniqueKeysWithValues: formKeys.map { ($0, value($0, of: indicator)) })

        // Edits from the bottom up, so earlier line numbers stay valid.
        var edits: [(from: Int, to: Int, lines: [String])] = []   // 1-based, `to` exclusive
        for (i, key) in keys.enumerated() where formKeys.contains(key.name) {
            let spanEnd = i + 1 < keys.count ? trimmed(lines, from: key.line, to: keys[i + 1].line - 1) : itemEnd
            let new = values[key.name] ?? nil
            if let current, value(key.name, of: current) == new { continue }
            edits.append((key.line, spanEnd + 1, new.map { written(emit(key.name, $0, prefix: indent, indent: indent)) } ?? []))
        }
        for name in formKeys where !keys.contains(where: { $0.name == name }) {
            guard let new = values[name] ?? nil, current.map({ value(name, of: $0) }) != new else { continue }
            // After the last present key that the usual order puts before it.
            let rank = order.firstIndex(of: name) ?? order.count
            let before = keys.indices.last { (order.firstIndex(of: keys[$0].name) ?? order.count) < rank } ?? 0
            let after = before + 1 < keys.count ? trimmed(lines, from: keys[before].line, to: keys[before + 1].line - 1) : itemEnd
            edits.append((after + 1, after + 1, written(emit(name, new, prefix: indent, indent: indent))))
        }
        // Bottom up; two keys inserted at one place go in the order they were listed.
        for (_, edit) in edits.enumerated().sorted(by: { ($0.element.from, $0.element.to, $0.offset) > ($1.element.from, $1.element.to, $1.offset) }) {
            lines.replaceSubrange((edit.from - 1)..<(edit.to - 1), with: edit.lines)
        }
        return lines.joined(separator: "\n")
    }

    /// Whether `read` (decoded from the written text) carries what the form meant:
    /// every form key, and the id.
    public static func sameForm(_ read: Indicator, _ meant: Indicator) -> Bool {
        read.id == meant.id && formKeys.allSatisfy { value($0, of: read) == value($0, of: meant) }
    }

    // MARK: Values as YAML

    /// A key's value as written, or nil when the key is left out (empty, or the default).
    static func value(_ key: String, of i: Indicator) -> Value? {
        func text(_ s: String?) -> Value? { s.flatMap { $0.isEmpty ? nil : .scalar(YAMLScalar.quoted($0)) } }
        switch key {
        case "title": return text(i.title)
        case "description": return text(i.description)
        case "measures": return .scalar(plainOrQuoted(i.measures))
        case "unit": return .scalar(i.unit.rawValue)
        case "direction": return .scalar(i.direction.rawValue)
        case "counts": return i.counts.map { .scalar($0.rawValue) }
        case "source": return text(i.source)
        case "frequency": return i.frequency.map { .scalar($0.rawValue) }
        case "note": return text(i.note)
        case "breakdowns":
            guard !i.breakdowns.isEmpty else { return nil }
            return .scalar("{" + i.breakdowns.keys.sorted().map { name in
                plainOrQuoted(name) + ": [" + i.breakdowns[name]!.map(plainOrQuoted).joined(separator: ", ") + "]"
            }.joined(separator: ", ") + "}")
        case "targets":
            guard !i.targets.isEmpty else { return nil }
            return .list(i.targets.map { t in
                var parts = ["period: " + YAMLScalar.quoted(t.period.description), "rule: " + rule(t.rule)]
                if t.setBy == .city { parts.append("set_by: city") }
                if let note = t.note, !note.isEmpty { parts.append("note: " + YAMLScalar.quoted(note)) }
                return "{" + parts.joined(separator: ", ") + "}"
            })
        default: return nil
        }
    }

    enum Value: Equatable {
        case scalar(String)
        /// A block sequence of one-line items.
        case list([String])
    }

    static func rule(_ r: TargetRule) -> String {
        if case .any(let parts) = r { return "{any: [" + parts.map(rule).joined(separator: ", ") + "]}" }
        return YAMLScalar.quoted(r.text)
    }

    static func emit(_ key: String, _ value: Value, prefix: String, indent: String) -> [String] {
        switch value {
        case .scalar(let s): return [prefix + key + ": " + s]
        case .list(let items): return [prefix + key + ":"] + items.map { indent + "  - " + $0 }
        }
    }

    /// A whole indicator as a list item, `dash` being the text before its first key ("  - ").
    static func item(_ i: Indicator, dash: String) -> [String] {
        let indent = String(repeating: " ", count: dash.count)
        var out = [dash + "id: " + plainOrQuoted(i.id)]
        for key in order where formKeys.contains(key) {
            if let v = value(key, of: i) { out += emit(key, v, prefix: indent, indent: indent) }
        }
        return out
    }

    /// Ids and enum-like words plain (`I9`, `girls`), anything else quoted.
    static func plainOrQuoted(_ text: String) -> String {
        let plain = text.first.map { $0.isASCII && $0.isLetter } == true
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
            && !["y", "n", "yes", "no", "on", "off", "true", "false", "null"].contains(text.lowercased())
        return plain ? text : YAMLScalar.quoted(text)
    }

    // MARK: Lines

    static func line(_ node: Node) -> Int { node.mark?.line ?? 1 }
    static func column(_ node: Node) -> Int { node.mark?.column ?? 1 }

    /// The last line of `from...to` (1-based) that is neither blank nor only a comment:
    /// a comment after an item introduces what follows it.
    static func trimmed(_ lines: [String], from: Int, to: Int) -> Int {
        var last = min(to, lines.count)
        while last > from {
            let t = lines[last - 1].trimmingCharacters(in: .whitespacesAndNewlines)
            guard t.isEmpty || t.hasPrefix("#") else { break }
            last -= 1
        }
        return last
    }

    /// The text before an item's first key — spaces and the dash ("  - ") — when the line
    /// is laid out that way.
    static func dashPrefix(_ line: String, keyColumn: Int?) -> String? {
        guard let dash = line.firstIndex(of: "-"), line[..<dash].allSatisfy({ $0 == " " }) else { return nil }
        let afterDash = line.index(after: dash)
        let spaces = line[afterDash...].prefix { $0 == " " }.count
        let width = line.distance(from: line.startIndex, to: afterDash) + max(spaces, 1)
        if let keyColumn, keyColumn - 1 != width { return nil }
        return String(repeating: " ", count: line.distance(from: line.startIndex, to: dash)) + "-" + String(repeating: " ", count: max(spaces, 1))
    }
}

extension LogicModelDecoder {
    /// One indicator of a model text as the decoder reads it (nil when it does not read).
    static func indicator(in text: String, id: String) -> Indicator? {
        decode(Data(text.utf8), file: "model.yaml", instrument: nil).model?.indicators.first { $0.id == id }
    }
}
