import LogicModel

/// A report as a tree of sections, independent of output format. Kinds (final,
/// steering, tertial) build one; writers render it.
public struct ReportDocument: Sendable, Equatable {
    public var kind: ReportKind
    public var language: Language
    public var title: String
    public var subtitle: String?
    public var cover: Cover
    public var sections: [ReportSection]
    /// Short lines printed at the end: tool, model version, when generated.
    public var colophon: [String]
    /// What every page must say about the document itself: for the internal audience,
    /// that it contains small counts and must not be spread (DESIGN §9). nil for the public.
    public var marking: String?
    /// When the report was made (ISO 8601 UTC): DOCX core properties and zip dates use
    /// it, so the same report written twice is the same bytes.
    public var generatedAt: String

    public init(kind: ReportKind, language: Language, title: String, subtitle: String? = nil,
                cover: Cover = Cover(), sections: [ReportSection] = [], colophon: [String] = [],
                marking: String? = nil, generatedAt: String = "1970-01-01T00:00:00Z") {
        self.kind = kind
        self.language = language
        self.title = title
        self.subtitle = subtitle
        self.cover = cover
        self.sections = sections
        self.colophon = colophon
        self.marking = marking
        self.generatedAt = generatedAt
    }

    /// The cover's table: the brief leaves out the administration, which already stands
    /// above its title (two pages leave no room for saying a thing twice).
    public var coverTableFields: [Cover.Field] {
        kind == .steering ? cover.fields.filter { $0.key != "administration" } : cover.fields
    }

    /// Every section, depth first, with its depth (1 = top level).
    public var outline: [(section: ReportSection, depth: Int)] {
        var out: [(ReportSection, Int)] = []
        func walk(_ s: ReportSection, _ d: Int) {
            out.append((s, d))
            s.children.forEach { walk($0, d + 1) }
        }
        sections.forEach { walk($0, 1) }
        return out
    }

    /// One line of the contents list.
    public struct ContentsEntry: Sendable, Equatable {
        public var anchor: String
        public var heading: String
        public var depth: Int
    }

    /// The contents list: every heading of the first two levels, in reading order — the
    /// sections, their subsections, and the subheadings a section's own text or computed
    /// part sets at the subsections' level ("Organisation och roller" in 5 stands beside
    /// "Underlag och beräkningar"). All of a level or none: a reader who finds one
    /// subheading there looks for the others (issue 20). DOCX's contents list is the same
    /// entries, each with a PAGEREF field to a bookmark on its heading.
    public var contents: [ContentsEntry] {
        var out: [ContentsEntry] = []
        for section in sections {
            out.append(ContentsEntry(anchor: section.anchor, heading: section.heading, depth: 1))
            for (i, block) in section.blocks.enumerated() {
                if case .heading(1, let text) = block {
                    out.append(ContentsEntry(anchor: Self.subheadingAnchor(section, i), heading: text, depth: 2))
                }
            }
            out += section.children.map { ContentsEntry(anchor: $0.anchor, heading: $0.heading, depth: 2) }
        }
        return out
    }

    /// The HTML id of a top-level section's subheading (its block index), for the contents.
    public static func subheadingAnchor(_ section: ReportSection, _ index: Int) -> String { "\(section.anchor)-h\(index)" }
}

/// The cover block: labelled fields in a fixed order (the LUM form's), empty ones left out.
public struct Cover: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var key: String
        public var label: String
        public var value: String

        public init(key: String, label: String, value: String) {
            self.key = key
            self.label = label
            self.value = value
        }
    }

    public var fields: [Field]

    public init(fields: [Field] = []) { self.fields = fields }
}

/// One numbered (or unnumbered) section with its blocks and subsections.
public struct ReportSection: Sendable, Equatable {
    /// Stable key: the anchor in HTML, the heading key in `--text` and in templates'
    /// heading files, the slot a domain fills ("6.2", "budget", "steering.decisions").
    public var key: String
    /// "6.2"; nil for unnumbered sections (Ekonomisk redovisning, subheadings in 6).
    public var number: String?
    public var title: String
    public var blocks: [Block]
    public var children: [ReportSection]
    /// Whether the section starts on a new page when printed.
    public var pageBreakBefore: Bool

    public init(key: String, number: String? = nil, title: String, blocks: [Block] = [],
                children: [ReportSection] = [], pageBreakBefore: Bool = false) {
        self.key = key
        self.number = number
        self.title = title
        self.blocks = blocks
        self.children = children
        self.pageBreakBefore = pageBreakBefore
    }

    /// "6.2 Jämställdhet", or the title alone.
    public var heading: String { number.map { "\($0) \(title)" } ?? title }

    /// An HTML id / DOCX bookmark name derived from the key: letters, digits and `-`.
    public var anchor: String {
        "s-" + String(key.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}

public enum ReportKind: String, Sendable, Codable, CaseIterable {
    /// The FoU final report (LUM), seed 004.
    case final
    /// The steering group's two-page brief.
    case steering
    /// The city's tertial indicator table per goal.
    case tertial
}

extension ReportSection {
    /// Every word the section shows a reader, its subsections' too, as plain text — as
    /// the terminal's writer writes its blocks (`PlainTextWriter`), lines unwrapped: what a
    /// document-wide check reads, such as which withheld marks a brief shows.
    public var shownText: String {
        ([title, PlainTextWriter(width: 10_000).render(blocks)] + children.map(\.shownText)).joined(separator: "\n")
    }
}
