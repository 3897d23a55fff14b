/// One block of a report document. Writers turn blocks into HTML, Markdown or
/// WordprocessingML; nothing in a block knows about any output format.
public enum Block: Sendable, Equatable {
    /// A subheading inside a section (the section's own heading comes from
    /// `ReportSection`). The level is relative: 1 is one level below the section's own
    /// heading. Writers add the section's depth and cap at their deepest level.
    case heading(level: Int, text: String)
    case paragraph(RichText)
    case list(ListBlock)
    case table(TableBlock)
    case figure(FigureBlock)
    case callout(Callout)
    /// A forced page break (print and DOCX; ignored in Markdown).
    case pageBreak
}

public struct ListBlock: Sendable, Equatable {
    public var ordered: Bool
    public var items: [RichText]

    public init(ordered: Bool = false, items: [RichText]) {
        self.ordered = ordered
        self.items = items
    }
}

/// A boxed note that must not be missed: a caveat about a comparison's design, a
/// flagged budget gap, a section still to be written.
public struct Callout: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, Codable {
        /// Neutral information (e.g. what a symbol means).
        case note
        /// A limitation the reader must weigh (one pilot team, synthetic data, illustrative targets).
        case caveat
        /// A check that failed or a figure that needs explaining (income ≠ costs).
        case warning
        /// Text the process leader still has to write, or a domain part not yet available.
        case placeholder
    }

    public var kind: Kind
    public var title: String?
    public var text: RichText

    public init(_ kind: Kind, title: String? = nil, _ text: RichText) {
        self.kind = kind
        self.title = title
        self.text = text
    }
}
