import Foundation
import Yams

/// Reads a YAML file defensively before handing it to libyaml: piloteval's files
/// are small and hand-written, so anything huge, deeply nested, aliased or not UTF-8
/// is refused with a located message instead of risking a hang or a stack overflow.
public enum SafeYAML {
    /// Logic models, instruments and PDSA files are a few hundred kB at most.
    public static let maximumBytes = 2 * 1024 * 1024
    /// Deeper than any of our formats needs; guards the recursive composer.
    public static let maximumDepth = 64
    /// Columns of indentation (including compact `- - -` prefixes) before a line
    /// counts as too deeply nested.
    public static let maximumIndent = 240

    /// Loads and composes `data` (named `file` in messages). Throws
    /// `ValidationFailure` with one located diagnostic on any problem.
    public static func compose(_ data: Data, file: String) throws(ValidationFailure) -> Node {
        func fail(_ line: Int, _ column: Int, _ message: String) -> ValidationFailure {
            ValidationFailure([Diagnostic(.error, at: SourceLocation(file: file, line: line, column: column), message)])
        }
        if data.count > maximumBytes {
            throw fail(1, 1, "file is \(data.count / 1024) KiB; piloteval's YAML files are at most \(maximumBytes / 1024 / 1024) MiB. Is this the right file?")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            let (line, column, byte) = firstInvalidUTF8(bytes)
            throw fail(line, column, String(format: "not UTF-8 (byte 0x%02X); save the file as UTF-8 (in Excel or Notepad: \"UTF-8\" encoding)", byte))
        }
        // Windows line endings (a Notepad file, a browser's text area) as "\n": in a Swift
        // String "\r\n" is one Character, which the line counting below would not see.
        let text = decoded.contains("\r\n") ? decoded.replacingOccurrences(of: "\r\n", with: "\n") : decoded
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw fail(1, 1, "file is empty; it should start with a `schema:` line")
        }
        if text.contains("\0") {
            throw fail(1, 1, "file contains NUL bytes; it is not a text file")
        }
        if let (line, column, why) = nestingProblem(text) {
            throw fail(line, column, why)
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let (line, column, problem) = describe(error)
            if let hint = unquotedComparison(text, near: line) {
                throw fail(hint.line, hint.column, "not valid YAML: \(hint.message)")
            }
            throw fail(line, column, "not valid YAML: \(problem)")
        } catch {
            throw fail(1, 1, "not valid YAML: \(error)")
        }
        guard let node else { throw fail(1, 1, "file holds no YAML document") }
        return node
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int, byte: UInt8) {
        var line = 1, column = 1, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column, b)
            }
            if i + length > bytes.count { return (line, column, b) }
            let sequence = Array(bytes[i..<(i + length)])
            if String(validating: sequence, as: UTF8.self) == nil { return (line, column, b) }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return (line, column, 0)
    }

    /// Finds, outside quotes, comments and block scalars: flow nesting (`[[[`,
    /// `{{{`) deeper than `maximumDepth`, block indentation beyond
    /// `maximumIndent`, and anchors or aliases (`&name`, `*name` where a node
    /// starts). Yams does not expose anchors on composed nodes, so they are found
    /// here, before libyaml could expand an alias bomb.
    static func nestingProblem(_ text: String) -> (Int, Int, String)? {
        var line = 1, column = 0, depth = 0
        var inSingle = false, inDouble = false, inComment = false
        var atLineStart = true, indent = 0
        var previous: Character = "\n"
        var lastNonSpace: Character = "\n"     // last significant character on this line
        var blockScalarIndent: Int? = nil      // inside `|` / `>` content deeper than this
        var inBlockScalarLine = false
        var currentLineIndent = 0
        var previousIndicator: Character = " "
        for ch in text {
            column += 1
            if ch == "\n" {
                // A line ending in `|` or `>` (with optional chomping/indent digits)
                // starts a block scalar.
                if !inDouble && !inSingle && !inBlockScalarLine && (lastNonSpace == "|" || lastNonSpace == ">"
                    || ((lastNonSpace == "-" || lastNonSpace == "+" || lastNonSpace.isNumber) && (previousIndicator == "|" || previousIndicator == ">"))) {
                    blockScalarIndent = currentLineIndent
                }
                line += 1; column = 0
                inComment = false; atLineStart = true; indent = 0
                previous = ch; lastNonSpace = "\n"; previousIndicator = " "
                inBlockScalarLine = false
                continue
            }
            if atLineStart {
                if ch == " " || ch == "-" {
                    indent += 1
                    if indent > maximumIndent {
                        return (line, column, "nesting is deeper than piloteval's files need (indentation over \(maximumIndent) columns); flatten the structure")
                    }
                    previous = ch
                    if ch == "-" { lastNonSpace = "-" }
                    continue
                }
                atLineStart = false
                currentLineIndent = indent
                if let limit = blockScalarIndent {
                    if indent > limit || ch == "\r" {
                        inBlockScalarLine = true
                    } else {
                        blockScalarIndent = nil
                    }
                }
            }
            if inBlockScalarLine || inComment { continue }
            if inDouble {
                if ch == "\"" && previous != "\\" { inDouble = false }
            } else if inSingle {
                if ch == "'" { inSingle = false }
            } else {
                let startsNode = previous == " " || previous == "\t" || previous == "[" || previous == "{" || previous == ","
                    || lastNonSpace == "\n"
                let afterIndicator = "\n-:[{,?".contains(lastNonSpace)
                switch ch {
                case "#" where previous == " " || previous == "\n" || previous == "\t" || lastNonSpace == "\n": inComment = true
                case "\"": inDouble = true
                case "'" where startsNode: inSingle = true
                case "&" where startsNode && afterIndicator, "*" where startsNode && afterIndicator:
                    return (line, column, "YAML anchors and aliases (&name, *name) are not supported in piloteval files; write the value out")
                case "[", "{":
                    depth += 1
                    if depth > maximumDepth {
                        return (line, column, "nesting is deeper than \(maximumDepth) levels; piloteval's files never need that")
                    }
                case "]", "}": depth = max(0, depth - 1)
                default: break
                }
                if ch == "|" || ch == ">" { previousIndicator = ch }
            }
            previous = ch
            if ch != " " && ch != "\t" && ch != "\r" { lastNonSpace = ch }
        }
        return nil
    }

    /// `rule: >= 80` unquoted: YAML reads a value starting with `>` as the start of a
    /// folded text block and stops with a message about block scalars. Finds such a
    /// value on the failing line (or the line before) and says to quote it.
    static func unquotedComparison(_ text: String, near line: Int) -> (line: Int, column: Int, message: String)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for number in [line, line - 1] where number >= 1 && number <= lines.count {
            let chars = Array(lines[number - 1])
            var i = 0
            while i < chars.count {
                // A key (letters, digits, _), a colon, blanks, then `>` or `>=` and a number.
                guard chars[i] == ":" else { i += 1; continue }
                var keyStart = i
                while keyStart > 0, chars[keyStart - 1].isLetter || chars[keyStart - 1].isNumber || chars[keyStart - 1] == "_" { keyStart -= 1 }
                var j = i + 1
                while j < chars.count, chars[j] == " " || chars[j] == "\t" { j += 1 }
                guard keyStart < i, j > i + 1, j < chars.count, chars[j] == ">" else { i += 1; continue }
                var end = j + 1
                if end < chars.count, chars[end] == "=" { end += 1 }
                while end < chars.count, chars[end] == " " { end += 1 }
                let numberStart = end
                while end < chars.count, chars[end].isNumber || ".,-+%".contains(chars[end]) { end += 1 }
                // A decimal comma inside { } ends the value there; keep what was written.
                if end > numberStart, chars[end - 1] == "," { end -= 1 }
                guard end > numberStart else { i += 1; continue }
                let key = String(chars[keyStart..<i]), value = String(chars[j..<end])
                return (number, j + 1, "`\(key): \(value)` needs quotes: write \(key): \"\(value)\" "
                        + "(unquoted, YAML reads a value that starts with > as the start of a folded text block)")
            }
        }
        return nil
    }

    static func describe(_ error: YamlError) -> (Int, Int, String) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let extra = context.map { " (\($0.text))" } ?? ""
            return (mark.line, mark.column, problem + extra)
        case let .reader(problem, _, _, _):
            return (1, 1, problem)
        case let .duplicatedKeysInMapping(duplicates, context):
            return (context.mark.line, context.mark.column,
                    "duplicate key \(duplicates.joined(separator: ", ")) in the same mapping; each key may appear once")
        default:
            return (1, 1, "\(error)")
        }
    }
}
