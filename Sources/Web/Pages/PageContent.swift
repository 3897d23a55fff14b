import LogicModel
import Presentation
import Reports

/// A page's content in reading order — the page's own HTML (forms, tiles, headings)
/// and blocks, among them a report's sections — rendered by the reports' one HTML
/// writer in a single pass, so tables and figures are numbered once through the page
/// (a page that shows its own table above a report's section does not have two
/// "Tabell 1") and every figure's id is its own.
struct PageContent: Sendable {
    enum Part: Sendable {
        /// The page's own markup, already escaped.
        case html(String)
        /// Blocks; `depth` 1 puts a heading of level 1 at `<h3>` (under a section's
        /// `<h2>`), 0 at `<h2>` (directly under the page's `<h1>`).
        case blocks([Block], depth: Int = 1)
        /// Report sections with their headings (`<h2>`).
        case sections([ReportSection])
        /// One section's content under the page's own `<h1>`, without its heading.
        case contents(ReportSection)
    }

    private(set) var parts: [Part] = []

    init(_ parts: [Part] = []) { self.parts = parts }

    mutating func html(_ markup: String) { if !markup.isEmpty { parts.append(.html(markup)) } }

    mutating func blocks(_ blocks: [Block], depth: Int = 1) { if !blocks.isEmpty { parts.append(.blocks(blocks, depth: depth)) } }

    static func + (a: PageContent, b: PageContent) -> PageContent { PageContent(a.parts + b.parts) }

    func html(_ language: Language) -> String {
        let writer = HTMLWriter(templates: WebTemplates.reports, strings: ReportStrings(language), toolVersion: "")
        var counter = CaptionCounter()
        return parts.map { part -> String in
            switch part {
            case .html(let markup): markup
            case .blocks(let blocks, let depth): writer.fragment(blocks, depth: depth, counter: &counter)
            case .sections(let sections): writer.fragment(sections: sections, depth: 1, counter: &counter)
            case .contents(let section): writer.fragment(contentsOf: section, counter: &counter)
            }
        }.joined()
    }
}
