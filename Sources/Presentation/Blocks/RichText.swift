/// A run of text with inline emphasis: what a paragraph, a table cell or a caption
/// holds. Kept to the emphasis a report needs (italic, bold) so every writer can
/// express all of it — Markdown, HTML and WordprocessingML alike.
public struct RichText: Sendable, Equatable, ExpressibleByStringLiteral {
    public enum Span: Sendable, Equatable {
        case plain(String)
        case emphasis(String)   // italic: *x*
        case strong(String)     // bold: **x**
    }

    public var spans: [Span]

    public init(_ spans: [Span]) { self.spans = spans }
    public init(_ text: String) { spans = text.isEmpty ? [] : [.plain(text)] }
    public init(stringLiteral value: String) { self.init(value) }

    /// The text without emphasis: for alt text, JSON, plain-text checks.
    public var plainText: String {
        spans.map {
            switch $0 {
            case .plain(let s), .emphasis(let s), .strong(let s): return s
            }
        }.joined()
    }

    public var isEmpty: Bool { spans.allSatisfy { s in
        switch s { case .plain(let t), .emphasis(let t), .strong(let t): return t.isEmpty }
    } }

    public static func + (a: RichText, b: RichText) -> RichText { RichText(a.spans + b.spans) }

    /// The same emphasis over each span's text changed by `transform` (a span is never
    /// split or joined): how the writers and the reader's blocks keep a date or a "95 %"
    /// on one line without touching its bold or italics.
    public func mapText(_ transform: (String) -> String) -> RichText {
        RichText(spans.map {
            switch $0 {
            case .plain(let s): return .plain(transform(s))
            case .emphasis(let s): return .emphasis(transform(s))
            case .strong(let s): return .strong(transform(s))
            }
        })
    }

    /// A paragraph that opens with a bold lead-in: "**Metod.** Indikatorerna följs …"
    /// (the space after the lead inside the bold, as the sections have always written it).
    public init(lead: String, _ text: String) { self = RichText([.strong(lead + " ")]) + RichText(text) }

    /// A row's name after its id in bold: "**I1** Andel utredningar …", "**O1** Kortare …".
    public init(id: String, _ title: String) { self.init([.strong(id), .plain(" " + title)]) }

    /// Reads the inline emphasis of the prose a process leader writes in Markdown:
    /// `**bold**`, `__bold__`, `*italic*`, `_italic_`. Anything else is kept as text;
    /// an unclosed marker is text too (a lone `*` in "5 * 3" stays).
    public static func markdown(_ text: String) -> RichText {
        var spans: [Span] = []
        var plain = ""
        let chars = Array(text)
        var i = 0
        func flush() { if !plain.isEmpty { spans.append(.plain(plain)); plain = "" } }
        while i < chars.count {
            let c = chars[i]
            if c == "*" || c == "_" {
                let double = i + 1 < chars.count && chars[i + 1] == c
                let marker = double ? String([c, c]) : String(c)
                let start = i + marker.count
                // Intraword underscores (snake_case) are not emphasis, as in CommonMark.
                let intraword = c == "_" && i > 0 && (chars[i - 1].isLetter || chars[i - 1].isNumber)
                if !intraword, start < chars.count, chars[start] != " ",
                   let end = find(marker, in: chars, from: start), end > start, chars[end - 1] != " " {
                    flush()
                    let inner = String(chars[start..<end])
                    spans.append(double ? .strong(inner) : .emphasis(inner))
                    i = end + marker.count
                    continue
                }
            }
            plain.append(c)
            i += 1
        }
        flush()
        return RichText(spans)
    }

    private static func find(_ marker: String, in chars: [Character], from: Int) -> Int? {
        let m = Array(marker)
        var j = from
        while j + m.count <= chars.count {
            if Array(chars[j..<(j + m.count)]) == m {
                // A single `*` must not match the first half of a `**`.
                if m.count == 1, j + 1 < chars.count, chars[j + 1] == m[0] { j += 2; continue }
                return j
            }
            j += 1
        }
        return nil
    }
}
