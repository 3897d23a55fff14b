import Foundation

public enum ReportFormat: String, Sendable, CaseIterable, Codable {
    case html, markdown, docx, pdf, json

    public var fileExtension: String {
        switch self {
        case .html: "html"
        case .markdown: "md"
        case .docx: "docx"
        case .pdf: "pdf"
        case .json: "json"
        }
    }

    /// Whether the output is bytes that must go to a file (`-o`), not to a terminal.
    public var isBinary: Bool { self == .docx || self == .pdf }
}

/// What a writer produced: the main file's bytes and any files that go beside it
/// (Markdown's figures), by path relative to the main file's folder.
public struct ReportOutput {
    public var data: Data
    public var attachments: [(path: String, data: Data)]

    public init(data: Data, attachments: [(path: String, data: Data)] = []) {
        self.data = data
        self.attachments = attachments
    }
}

/// Figure and table numbers, counted in document order the same way by every writer.
public struct CaptionCounter {
    public internal(set) var figures = 0
    public internal(set) var tables = 0

    public init() {}

    public mutating func figure(_ f: FigureBlock, _ s: ReportStrings) -> (label: String, text: String) {
        figures += 1
        var text = f.caption
        if let n = f.n {
            text += " (" + s("figure.n", ["n": NumberStyle(s.language).integer(n)]) + (f.nLabel.map { " " + $0 } ?? "") + ")"
        }
        return (s("figure.label", ["number": String(figures)]) + ".", text)
    }

    public mutating func table(_ t: TableBlock, _ s: ReportStrings) -> (label: String, text: String)? {
        guard let caption = t.caption else { return nil }
        tables += 1
        return (s("table.label", ["number": String(tables)]) + ".", caption)
    }
}

extension Callout {
    /// The title shown: the callout's own, else its kind's word (never colour alone).
    func displayTitle(_ s: ReportStrings) -> String {
        if let title { return title }
        switch kind {
        case .note: return s("note.title")
        case .caveat: return s("caveat.title")
        case .warning: return s("warning.title")
        case .placeholder: return s("placeholder.text.title")
        }
    }
}
