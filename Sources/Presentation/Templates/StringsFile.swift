import LogicModel

/// `strings.sv.txt` / `strings.en.txt`: every word of a report as `key = text` lines,
/// so a municipality renames headings or labels without recompiling. `#` starts a
/// comment line; `{name}` marks where the tool puts a value.
public enum StringsFile {
    public static func write(_ language: Language) -> String {
        let values = ReportStrings.defaults(language)
        var out = language == .sv
            ? "# Texter i rapporterna (svenska). Ändra texten efter likhetstecknet; nyckeln före det måste stå kvar.\n# {namn} fylls i av piloteval. Rader som tas bort får standardtexten.\n"
            : "# Report texts (English). Change the text after the equals sign; keep the key before it.\n# {name} is filled in by piloteval. Lines removed keep the default text.\n"
        var group = ""
        for key in ReportStrings.keys {
            let g = String(key.split(separator: ".").first ?? "")
            if g != group { out += "\n"; group = g }
            out += "\(key) = \(values[key] ?? "")\n"
        }
        return out
    }

    /// Reads overrides; an unknown key or a line without `=` is an error naming the line.
    public static func parse(_ text: String, fileName: String) throws -> [String: String] {
        let known = Set(ReportStrings.keys)
        var result: [String: String] = [:]
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if i == 0, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let eq = trimmed.firstIndex(of: "=") else {
                throw TemplateError(file: fileName, line: i + 1, column: nil, message: "a line must be \"key = text\"")
            }
            let key = trimmed[..<eq].trimmingCharacters(in: .whitespaces)
            guard known.contains(key) else {
                throw TemplateError(file: fileName, line: i + 1, column: 1,
                                    message: "\"\(key)\" is not a text key; `piloteval report templates DIR` writes the list")
            }
            result[key] = trimmed[trimmed.index(after: eq)...].trimmingCharacters(in: .whitespaces)
        }
        return result
    }
}

public struct TemplateError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var line: Int
    public var column: Int?
    public var message: String
    public var description: String {
        var location = file
        if line > 0 { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(message)"
    }
}
