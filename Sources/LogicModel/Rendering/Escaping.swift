/// Escaping for each text format the renderers write (the report writers share `xml`).
public enum Escape {
    /// Inside a Markdown table cell: pipes and line breaks would break the row.
    static func markdownCell(_ s: String) -> String {
        s.replacingAll("|", with: "\\|").replacingAll("\r\n", with: " ").replacingAll("\n", with: " ")
    }

    /// XML text and attribute values: SVG, HTML text and WordprocessingML alike, the one
    /// escaper of every XML the writers produce.
    public static func xml(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // XML 1.0 forbids most control characters: drop them rather than write a
                // document Word refuses to open or an SVG no browser draws.
                if let v = ch.unicodeScalars.first?.value, v < 0x20, v != 0x9, v != 0xA, v != 0xD { continue }
                out.append(ch)
            }
        }
        return out
    }

    /// A Graphviz double-quoted string.
    static func dot(_ s: String) -> String {
        s.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"").replacingAll("\n", with: "\\n")
    }

    /// A Mermaid node label in double quotes (Mermaid uses HTML entities).
    static func mermaid(_ s: String) -> String {
        s.replacingAll("\"", with: "#quot;").replacingAll("\n", with: " ")
    }

    /// Node ids may contain dots ("N1.4"); DOT and Mermaid ids may not.
    static func identifier(_ s: String) -> String {
        "n_" + String(s.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return self.split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

/// The one word-wrapper: every terminal table, chart label and diagram box that
/// breaks text into lines does it here (docs/architecture.md).
public enum TextWrap {
    /// `text` in lines of at most `width` characters, broken at spaces, and inside a
    /// word after a hyphen or slash between letters ("IFO-|chefer",
    /// "Familjebehandling/|Barn-"), where a line would take the word's start but not all
    /// of it. A word still longer than a line is broken where it must be (with a hyphen)
    /// — unless `breakingLongWords` is false: then it stands alone on a line of its own,
    /// longer than `width`, for the caller to measure (chart labels, diagram boxes, which
    /// widen or set it smaller; "Kommunikationspl-an" is no word).
    public static func lines(_ text: String, width: Int, breakingLongWords: Bool = true) -> [String] {
        let width = max(2, width)
        var lines: [String] = []
        var current = ""
        for word in units(text, width: width) {
            for (k, piece) in pieces(word).enumerated() {
                // A word's first piece follows a space; its further pieces follow their
                // hyphen or slash directly.
                let joiner = k == 0 ? " " : ""
                var w = piece
                if !current.isEmpty, current.count + joiner.count + w.count <= width {
                    current += joiner + w
                    continue
                }
                if !current.isEmpty { lines.append(current); current = "" }
                while breakingLongWords && w.count > width {
                    lines.append(String(w.prefix(width - 1)) + "-")
                    w = String(w.dropFirst(width - 1))
                }
                current = w
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }

    /// A word cut after each hyphen or slash that stands between two letters, the mark
    /// kept with the piece before it: "Barn-och-familj" → "Barn-", "och-", "familj".
    /// Not "2021-03" (digits), "−0,5" or a word that ends in a hyphen ("Barn- och").
    static func pieces(_ word: Substring) -> [String] {
        let chars = Array(word)
        var out: [String] = [], start = 0
        for i in chars.indices.dropFirst().dropLast() where (chars[i] == "-" || chars[i] == "/")
            && chars[i - 1].isLetter && chars[i + 1].isLetter {
            out.append(String(chars[start...i]))
            start = i + 1
        }
        out.append(String(chars[start...]))
        return out
    }

    /// Symbols that bind the words on either side: a line never ends or begins with one,
    /// so "p < 0.001", "(n = 27)" and "80.0% – 89.7%" stay on one line.
    static let binding: Set<Substring> = ["<", ">", "=", "≤", "≥", "–", "±", "≈"]

    /// The words of `text`, with each binding symbol joined to its neighbours — unless
    /// the joined unit would not fit a line, when the words stay apart.
    static func units(_ text: String, width: Int) -> [Substring] {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        var units: [Substring] = []
        var i = 0
        while i < words.count {
            var j = i
            while j + 2 < words.count, binding.contains(words[j + 1]) { j += 2 }
            let unit = words[i...j].joined(separator: " ")
            if j > i, unit.count <= width {
                units.append(Substring(unit))
            } else {
                units.append(contentsOf: words[i...j])
            }
            i = j + 1
        }
        return units
    }
}

/// Diagram boxes and Graphviz labels: a word is never cut; a box widens to its longest.
func wrap(_ text: String, width: Int) -> [String] { TextWrap.lines(text, width: width, breakingLongWords: false) }
