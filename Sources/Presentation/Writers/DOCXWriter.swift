import Foundation
import LogicModel

/// A real Word document: heading styles with outline levels (Word's navigation pane
/// works), a contents list whose page numbers are PAGEREF fields to bookmarks on the
/// headings (`tableOfContents`), real tables (header rows repeat on each page, rows do
/// not split), figures as pictures with alternative text, core properties.
///
/// Figures: Word 2016+ shows SVG through the `asvg:svgBlip` extension, but only beside
/// a raster copy in the main `a:blip` (MS-ODRAWXML §1.3.3, "for backward compatibility
/// Office applications embed a rasterized version … in PNG"); LibreOffice and older
/// Word read that raster copy. So with a rasteriser (rsvg-convert) each figure is a PNG
/// at 2× (192 dpi) in the main blip plus the SVG in the extension. Without one the SVG
/// itself is the main blip, which LibreOffice renders and Word 365 accepts, and the CLI
/// says how to get the PNG copy (docs/reports.md, "Figures in DOCX").
public struct DOCXWriter {
    public let templates: TemplateSet
    public let strings: ReportStrings
    public let toolVersion: String
    public let rasterizer: SVGRasterizer?

    public init(templates: TemplateSet, strings: ReportStrings, toolVersion: String, rasterizer: SVGRasterizer?) {
        self.templates = templates
        self.strings = strings
        self.toolVersion = toolVersion
        self.rasterizer = rasterizer
    }

    /// Page geometry in twips (1/1440 in): A4, 2.5 cm margins; landscape for the tertial table.
    struct Page {
        var width: Int, height: Int, margin: Int
        var landscape: Bool
        var textWidth: Int { width - 2 * margin }
        var textHeight: Int { height - 2 * margin }
        static let portrait = Page(width: 11906, height: 16838, margin: 1417, landscape: false)
        static let landscapeA4 = Page(width: 16838, height: 11906, margin: 1134, landscape: true)
    }

    final class State {
        var counter = CaptionCounter()
        var media: [DOCXPackage.Media] = []
        var drawingID = 0
        var orderedLists = 0
        var warnings: [String] = []
        /// Whether the content written so far sits in a landscape section.
        var inLandscape = false
        /// Each figure's PNG copy by its SVG text, made before writing (`rasterize`).
        var rasters: [String: Data] = [:]
        /// Whether every section carries the page header with the document's marking.
        var marked = false
        /// Sparklines drawn so far (each picture's media names and ids).
        var sparklines = 0
        /// The bookmark on each heading the contents list names, by the entry's anchor.
        var bookmarks: [String: Bookmark] = [:]
    }

    /// A heading's bookmark: a hidden name (Word hides names starting with `_` from its
    /// bookmark list) and the id its start and end share.
    struct Bookmark: Equatable {
        var name: String, id: Int
    }

    /// One bookmark per contents entry, numbered in reading order.
    static func bookmarks(_ contents: [ReportDocument.ContentsEntry]) -> [String: Bookmark] {
        var out: [String: Bookmark] = [:]
        for (i, entry) in contents.enumerated() { out[entry.anchor] = Bookmark(name: "_Contents\(i + 1)", id: i + 1) }
        return out
    }

    /// The PNG copy of every figure in the document, made before it is written and
    /// several at a time: one `rsvg-convert` process per figure was nearly all of a
    /// large report's DOCX time (100 charts, 16.6 s one after the other). Keyed by the
    /// SVG text, so a figure that appears twice is rasterised once. The first failure
    /// in document order is the one thrown.
    func rasterize(_ document: ReportDocument) throws -> [String: Data] {
        guard let rasterizer else { return [:] }
        // Each SVG with its scale: figures at 2× (192 dpi); a table cell's sparkline,
        // a few millimetres wide, at 4× so its line stays sharp in print.
        var svgs: [(svg: String, scale: Double)] = []
        var seen = Set<String>()
        func collect(_ section: ReportSection) {
            for block in section.blocks {
                switch block {
                case .figure(let f) where seen.insert(f.svg).inserted: svgs.append((f.svg, 2))
                case .table(let t):
                    for line in (t.headerRows + t.rows).joined().compactMap(\.sparkline) {
                        let svg = line.svg()
                        if seen.insert(svg).inserted { svgs.append((svg, 4)) }
                    }
                default: break
                }
            }
            section.children.forEach(collect)
        }
        document.sections.forEach(collect)
        let results = RasterResults(count: svgs.count)
        let pending = svgs
        DispatchQueue.concurrentPerform(iterations: pending.count) { i in
            results.set(i, Result { try rasterizer.png(svg: pending[i].svg, scale: pending[i].scale) })
        }
        var out: [String: Data] = [:]
        for (i, item) in svgs.enumerated() { out[item.svg] = try results.get(i) }
        return out
    }

    /// Moves to a landscape or back to the document's own orientation. A DOCX section's
    /// properties sit in the paragraph that ends it, so the transition writes an empty
    /// paragraph carrying the properties of the section that ends there.
    func orientation(landscape: Bool, page: Page, state: State) -> String {
        guard !page.landscape, landscape != state.inLandscape else { return "" }
        let ending = state.inLandscape ? Page.landscapeA4 : page
        state.inLandscape = landscape
        return WordML.paragraph(properties: sectionProperties(ending, marked: state.marked), "")
    }

    public func write(_ document: ReportDocument) throws -> (data: Data, warnings: [String]) {
        let page = document.kind == .tertial ? Page.landscapeA4 : Page.portrait
        let state = State()
        state.marked = document.marking != nil
        state.rasters = try rasterize(document)
        if document.kind == .final { state.bookmarks = Self.bookmarks(document.contents) }
        // The steering brief is two pages, the tertial report one section: no page after
        // the cover, no contents list (a page holding a cover block or two lines of
        // contents would be all but empty).
        var body = cover(document, pageBreak: document.kind == .final)
        if document.kind == .final { body += tableOfContents(document, bookmarks: state.bookmarks) }
        for section in document.sections { body += try render(section, depth: 1, page: page, state: state) }
        body += orientation(landscape: false, page: page, state: state)
        if document.kind == .steering {
            // The brief's two pages: its colophon is one paragraph, a line per entry.
            body += WordML.paragraph(style: "Colophon", properties: "<w:spacing w:before=\"120\" w:after=\"0\"/>",
                                     WordML.run(document.colophon.joined(separator: "\n")))
        } else {
            body += WordML.paragraph(style: "Colophon", properties: "<w:spacing w:before=\"600\"/>", "")
            body += document.colophon.map { WordML.paragraph(style: "Colophon", WordML.run($0)) }.joined()
        }
        body += sectionProperties(page, marked: state.marked)
        let documentXML = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document \(WordML.namespaces)><w:body>\(body)</w:body></w:document>
        """
        let languageTag = document.language == .sv ? "sv-SE" : "en-GB"
        let styles = try templates.template("docx-styles.xml").render(["language_tag": languageTag])
        let package = DOCXPackage(
            documentXML: documentXML, stylesXML: styles, numberingXML: numbering(orderedLists: state.orderedLists),
            media: state.media, title: document.title + (document.subtitle.map { " – " + $0 } ?? ""),
            subject: document.subtitle ?? "", creator: document.cover.fields.first { $0.key == "administration" }?.value ?? "piloteval",
            languageTag: languageTag, keywords: "piloteval; \(document.kind.rawValue)",
            description: document.colophon.joined(separator: " "), created: document.generatedAt, toolVersion: toolVersion,
            headerXML: document.marking.map(Self.header))
        return (try package.zip(), state.warnings)
    }

    /// The page header of a marked document: the marking, bold, on every page.
    static func header(_ marking: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:hdr \(WordML.namespaces)>\(WordML.paragraph(properties: "<w:jc w:val=\"center\"/>", WordML.run(marking, bold: true)))</w:hdr>
        """
    }

    func sectionProperties(_ page: Page, marked: Bool) -> String {
        let orientation = page.landscape ? " w:orient=\"landscape\"" : ""
        let header = (marked ? "<w:headerReference w:type=\"default\" r:id=\"\(DOCXPackage.headerRelationshipID)\"/>" : "")
            + "<w:footerReference w:type=\"default\" r:id=\"\(DOCXPackage.footerRelationshipID)\"/>"
        return "<w:sectPr>\(header)<w:pgSz w:w=\"\(page.width)\" w:h=\"\(page.height)\"\(orientation)/>"
            + "<w:pgMar w:top=\"\(page.margin)\" w:right=\"\(page.margin)\" w:bottom=\"\(page.margin)\" w:left=\"\(page.margin)\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr>"
    }

    // MARK: - Cover and contents

    func cover(_ d: ReportDocument, pageBreak: Bool) -> String {
        var out = ""
        // Without a page of its own (the steering brief) the title is a heading at the
        // top of page 1, not set down a cover page: the administration in body type above
        // it (as the HTML page sets it), the title and the project smaller than a cover's.
        if let owner = d.cover.fields.first(where: { $0.key == "administration" })?.value {
            out += WordML.paragraph(style: "Subtitle", properties: "<w:spacing w:before=\"0\" w:after=\"0\"/>",
                                    WordML.run(owner, size: pageBreak ? nil : 20))
        }
        let titleSpacing = pageBreak ? "" : "<w:spacing w:before=\"120\" w:after=\"60\"/>"
        let subtitleSpacing = pageBreak ? "" : "<w:spacing w:after=\"120\"/>"
        out += WordML.paragraph(style: "Title", properties: titleSpacing, WordML.run(d.title, size: pageBreak ? nil : 40))
        if let subtitle = d.subtitle {
            out += WordML.paragraph(style: "Subtitle", properties: subtitleSpacing, WordML.run(subtitle, size: pageBreak ? nil : 24))
        }
        if !d.coverTableFields.isEmpty {
            let rows = d.coverTableFields.map { f in
                "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                    + cell(WordML.paragraph(style: "CoverLabel", WordML.run(f.label)), width: 3200)
                    + cell(WordML.paragraph(style: "TableText", WordML.run(f.value)), width: 5872) + "</w:tr>"
            }.joined()
            out += "<w:tbl><w:tblPr><w:tblStyle w:val=\"CoverTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
                + "<w:tblCaption w:val=\"\(WordML.escape(d.title))\"/></w:tblPr>"
                + "<w:tblGrid><w:gridCol w:w=\"3200\"/><w:gridCol w:w=\"5872\"/></w:tblGrid>\(rows)</w:tbl>"
        }
        return out + (pageBreak ? WordML.pageBreak : "")
    }

    /// The contents list: a paragraph per entry, its heading linked to the heading's
    /// bookmark and its page a PAGEREF field to the same bookmark. LibreOffice computes a
    /// PAGEREF as it lays the pages out, so its PDF shows the pages; Word computes it when
    /// it updates fields (settings.xml asks on opening; F9) and when it prints. Not a TOC
    /// field: LibreOffice (7.4) takes a TOC field's result as it stands and never lays its
    /// page numbers out, so the list it printed had none (FoU review). The cached page is
    /// a dash, not a guess: a wrong number would be worse than none.
    func tableOfContents(_ d: ReportDocument, bookmarks: [String: Bookmark]) -> String {
        var out = WordML.paragraph(style: "TOCHeading", WordML.run(strings("cover.toc")))
        for entry in d.contents {
            guard let mark = bookmarks[entry.anchor] else { continue }
            let page = WordML.field("PAGEREF \(mark.name) \\h", cached: "–")
            out += WordML.paragraph(style: "TOC\(entry.depth)",
                                    "<w:hyperlink w:anchor=\"\(mark.name)\" w:history=\"1\">"
                                        + WordML.run(entry.heading) + "<w:r><w:tab/></w:r>" + page + "</w:hyperlink>")
        }
        return out + WordML.pageBreak
    }

    // MARK: - Sections and blocks

    func render(_ section: ReportSection, depth: Int, page: Page, state: State) throws -> String {
        let properties = section.pageBreakBefore ? "<w:pageBreakBefore/>" : ""
        var out = orientation(landscape: false, page: page, state: state)
        out += WordML.paragraph(style: "Heading\(min(3, depth))", properties: properties,
                                Self.heading(section.heading, bookmark: state.bookmarks[section.anchor]))
        // Whether the paragraph written last is kept with what follows: the section's
        // heading, a heading block, a lead-in paragraph, a compiled part's opening line.
        var previousKept = true
        for (i, block) in section.blocks.enumerated() {
            let kept = leadsIn(section.blocks, at: i, page: page) || isCompiledNote(block)
            out += try render(block, depth: depth, page: page, state: state, keepWithNext: kept,
                              captionInTable: previousKept,
                              bookmark: state.bookmarks[ReportDocument.subheadingAnchor(section, i)])
            switch block {
            case .heading: previousKept = true
            case .paragraph: previousKept = kept
            default: previousKept = false
            }
        }
        for child in section.children { out += try render(child, depth: depth + 1, page: page, state: state) }
        return out
    }

    /// Whether `block` is the line opening a compiled part, kept with what it opens.
    func isCompiledNote(_ block: Block) -> Bool {
        guard case .paragraph(let text) = block else { return false }
        return CompiledNote.matches(text, strings: strings)
    }

    /// Whether block `i` is a paragraph leading into the table or figure right after it,
    /// and so stays on its page (keepNext; the table keeps its caption, column heads and
    /// first rows together, a figure its caption): Röjandekontroll's heading and text stood
    /// on one page, its table alone on the next. Also a paragraph between two tables: in
    /// 6.2 it says what the next table shows ("Andel beslut … : i Socialtjänst … skiljer
    /// sig flickor och pojkar …"). Not one before a table or a figure on a landscape page
    /// of its own (a section break comes between); not one before a figure taller than
    /// three quarters of the page, where the three together would not fit a page and
    /// LibreOffice would break them where it could.
    func leadsIn(_ blocks: [Block], at i: Int, page: Page) -> Bool {
        guard case .paragraph = blocks[i], i + 1 < blocks.count else { return false }
        switch blocks[i + 1] {
        case .table(let t):
            return t.placement != .landscapePage && (page.landscape || Self.columnWidths(t, available: page.textWidth) != nil)
        case .figure(let f):
            return f.placement != .landscapePage && Self.figureSize(f, page: page).height * 15 <= 0.75 * Double(page.textHeight)
        default:
            return false
        }
    }

    /// `captionInTable`: a table's caption goes in its first row (`table`). `bookmark`: a
    /// heading's, when the contents list names it.
    func render(_ block: Block, depth: Int, page: Page, state: State, keepWithNext: Bool = false,
                captionInTable: Bool = false, bookmark: Bookmark? = nil) throws -> String {
        let landscape: Bool
        switch block {
        case .figure(let f): landscape = f.placement == .landscapePage
        // A table too wide for a portrait page even in the smallest table type goes
        // landscape, rather than breaking its words.
        case .table(let t): landscape = t.placement == .landscapePage
            || (!page.landscape && Self.columnWidths(t, available: page.textWidth) == nil)
        default: landscape = false
        }
        return orientation(landscape: landscape, page: page, state: state)
            + (try renderContent(block, depth: depth, page: state.inLandscape ? Page.landscapeA4 : page, state: state,
                                 keepWithNext: keepWithNext, captionInTable: captionInTable, bookmark: bookmark))
    }

    /// A heading's text, inside its bookmark when it has one.
    static func heading(_ text: String, bookmark: Bookmark?) -> String {
        bookmark.map { WordML.bookmarked(WordML.run(text), name: $0.name, id: $0.id) } ?? WordML.run(text)
    }

    /// `keepWithNext`: a paragraph stays on the page of what follows it. `captionInTable`:
    /// a table's caption goes in its first row (`table`). `bookmark`: a heading's.
    func renderContent(_ block: Block, depth: Int, page: Page, state: State, keepWithNext: Bool = false,
                       captionInTable: Bool = false, bookmark: Bookmark? = nil) throws -> String {
        switch block {
        case .heading(let level, let text):
            return WordML.paragraph(style: "Heading\(min(3, depth + level))", Self.heading(text, bookmark: bookmark))
        case .paragraph(let text):
            // The compiled part's opening line by its style too, for whoever edits the
            // document (and Tests/print/stranded.py); kept by keepNext like a lead-in.
            return WordML.paragraph(style: CompiledNote.matches(text, strings: strings) ? "CompiledNote" : nil,
                                    properties: keepWithNext ? "<w:keepNext/>" : "", WordML.runs(text))
        case .list(let list):
            var numID = 1
            if list.ordered {
                state.orderedLists += 1
                numID = 1 + state.orderedLists
            }
            return list.items.map {
                WordML.paragraph(style: "ListParagraph", properties: "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"\(numID)\"/></w:numPr>",
                                 WordML.runs($0))
            }.joined()
        case .callout(let c):
            let style: String
            switch c.kind {
            case .note: style = "CalloutNote"
            case .caveat: style = "CalloutCaveat"
            case .warning: style = "CalloutWarning"
            case .placeholder: style = "CalloutPlaceholder"
            }
            return WordML.paragraph(style: style, WordML.run(c.displayTitle(strings) + ": ", bold: true) + WordML.runs(c.text))
        case .pageBreak:
            return WordML.pageBreak
        case .figure(let f):
            return try figure(f, page: page, state: state)
        case .table(let t):
            return table(t, page: page, state: state, captionInRow: captionInTable)
        }
    }

    func cell(_ content: String, width: Int, span: Int = 1, shade: String? = nil) -> String {
        var props = "<w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
        if span > 1 { props += "<w:gridSpan w:val=\"\(span)\"/>" }
        if let shade { props += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(shade)\"/>" }
        return "<w:tc><w:tcPr>\(props)</w:tcPr>\(content)</w:tc>"
    }

    /// Tables of at most this many body rows are kept on one page (HTML: `.keep`).
    static let shortTableRows = 12

    /// A table with its caption above it and its notes below. `captionInRow`: the caption
    /// is the table's first row (a header row without side or top borders, repeated on each
    /// page like the column heads) instead of a paragraph before it. LibreOffice carries
    /// only the one kept paragraph right before a table onto the table's page: after a
    /// heading, heading and caption were two, and LibreOffice left "3 Förändringsbenägenhet
    /// per enhet" alone at the foot of the brief's first page, its caption and table on
    /// the next. So a table after a paragraph kept with it (a heading, a lead-in) takes its
    /// caption inside; elsewhere the caption paragraph is that one kept paragraph.
    func table(_ t: TableBlock, page: Page, state: State, captionInRow: Bool = false) -> String {
        // Its dates each on one line: Word has no span to keep them, but no-break spaces.
        let t = WholeDates.joined(t)
        var out = ""
        var captionRuns: String?
        if let (label, text) = state.counter.table(t, strings) {
            captionRuns = WordML.run(label + " ", bold: true) + WordML.run(text)
        }
        if let captionRuns, !captionInRow { out += WordML.paragraph(style: "Caption", captionRuns) }
        let columns = max(1, t.columnCount)
        // The widths at the largest type that keeps every word whole; failing that even
        // landscape (a table wider than any page), the smallest type, words as they fall.
        let fit = Self.columnWidths(t, available: page.textWidth)
            ?? Self.columnWidths(t, available: page.textWidth, sizes: [Self.tableTextSizes.last!], force: true)!
        let widths = fit.widths
        let size = fit.size == Self.tableTextSizes[0] ? nil : fit.size
        let margins = fit.margin == Self.cellMargin(size: Self.tableTextSizes[0]) ? ""
            : "<w:tblCellMar><w:left w:w=\"\(fit.margin)\" w:type=\"dxa\"/><w:right w:w=\"\(fit.margin)\" w:type=\"dxa\"/></w:tblCellMar>"
        func jc(_ column: Int) -> String {
            switch t.alignment(column) {
            case .left: return ""
            case .right: return "<w:jc w:val=\"right\"/>"
            case .center: return "<w:jc w:val=\"center\"/>"
            }
        }
        // A short table stays on one page with its caption (Word's way: every row but the
        // last kept with the next); a long one keeps its caption and header with its first
        // three rows, so no page ends on a caption or a lone row.
        let together = t.rows.count <= Self.shortTableRows
        func row(_ cells: [TableBlock.Cell], header: Bool, bold: Bool, keepWithNext: Bool = true) -> String {
            var xml = "<w:tr><w:trPr><w:cantSplit/>\(header ? "<w:tblHeader/>" : "")</w:trPr>"
            let keep = keepWithNext ? "<w:keepNext/>" : ""
            var c = 0
            for cell in cells {
                let width = widths[min(c, columns - 1)..<min(columns, c + cell.span)].reduce(0, +)
                let content = cell.sparkline.map { sparkline($0, state: state) }
                    ?? WordML.runs(cell.text, bold: header || bold, size: size)
                let paragraph = WordML.paragraph(style: "TableText", properties: keep + (cell.span == 1 ? jc(c) : ""), content)
                xml += self.cell(paragraph, width: width, span: cell.span, shade: header ? "EEF3F8" : nil)
                c += cell.span
            }
            // Word requires every row to fill the grid.
            if c < columns { xml += self.cell(WordML.paragraph(style: "TableText", ""), width: widths[c...].reduce(0, +), span: columns - c) }
            return xml + "</w:tr>"
        }
        let caption = t.caption.map { "<w:tblCaption w:val=\"\(WordML.escape($0))\"/>" } ?? ""
        out += "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
            + "<w:tblLayout w:type=\"fixed\"/>\(margins)<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/>\(caption)</w:tblPr>"
        out += "<w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        if let captionRuns, captionInRow {
            out += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/>"
                + (columns > 1 ? "<w:gridSpan w:val=\"\(columns)\"/>" : "")
                + "<w:tcBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:right w:val=\"nil\"/></w:tcBorders>"
                + "<w:tcMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tcMar></w:tcPr>"
                + WordML.paragraph(style: "Caption", properties: "<w:keepNext/><w:spacing w:before=\"0\"/>", captionRuns) + "</w:tc></w:tr>"
        }
        for r in t.headerRows { out += row(r, header: true, bold: false) }
        for (i, r) in t.rows.enumerated() {
            out += row(r, header: false, bold: t.totalRows.contains(i),
                       keepWithNext: together ? i < t.rows.count - 1 : i < 2)
        }
        out += "</w:tbl>"
        if t.notes.isEmpty {
            // Word joins two tables that touch; an empty paragraph keeps them apart.
            out += WordML.paragraph(style: "TableNote", "")
        } else {
            out += t.notes.map { WordML.paragraph(style: "TableNote", WordML.runs($0)) }.joined()
        }
        return out
    }

    /// The table type's sizes in half-points, the style's own (9.5 pt) first; no smaller
    /// than 8 pt, since a steering group reads these on paper (7.5 pt was the floor, and
    /// five of the demo's tables were set in it).
    static let tableTextSizes = [19, 18, 17, 16]

    /// A cell's left and right margin (twips): Word's default at the style's own size,
    /// 1 mm in a table set smaller to fit (its narrow columns need the room more), and
    /// 0.5 mm at the smallest size when a table fits no other way (`tightMargin`).
    static func cellMargin(size: Int) -> Int { size == tableTextSizes[0] ? 108 : 57 }
    static let tightMargin = 28

    /// How a table is set: its column widths (twips), type size (half-points) and the
    /// cells' left and right margin (twips).
    struct ColumnFit: Equatable {
        var widths: [Int], size: Int, margin: Int
    }

    /// Column widths (twips) that fill `available`, at a size of `sizes` where every
    /// column is at least as wide as its longest word — headers bold, and characters as
    /// wide as DejaVu Sans, which LibreOffice falls back to when it has no Calibri or
    /// Carlito (wider than either) — so no word breaks inside (the 8 columns of the
    /// indicator table broke "Utfal l", "Förändri ng"). What is left goes where the
    /// longest text would take the most lines.
    ///
    /// Of the sizes that fit, the largest whose table takes at most a quarter more lines
    /// than the fewest any size gives: the indicator tables' header words ("Föregående",
    /// "Förändring") left the names a quarter of the page at 9 pt, ten lines a name; a
    /// point smaller gives the names the room and halves the rows (issue 20).
    ///
    /// When no size fits, never a smaller type than the last of `sizes` but, at that
    /// size: first cell margins of 0.5 mm instead of 1 mm; then a long word of a name
    /// may break (a word of a text cell, without digits, past `nameBreak` characters),
    /// while column heads and every number stay whole. Nil when that does not fit either
    /// (the writer turns the page to landscape), unless `force` (the page is landscape
    /// already): then the columns of names give up room before those of numbers.
    static func columnWidths(_ t: TableBlock, available: Int, sizes: [Int] = tableTextSizes,
                             force: Bool = false) -> ColumnFit? {
        let measure = ColumnMeasure(t)
        let room = Double(available)
        let fitting = sizes.compactMap { size in measure.widths(size: size, available: room).map { (size, $0) } }
        if !fitting.isEmpty {
            let lines = fitting.map { measure.lines(size: $0.0, widths: $0.1) }
            let fewest = lines.min()!
            let chosen = fitting.indices.first { Double(lines[$0]) <= 1.25 * Double(fewest) }!
            let size = fitting[chosen].0
            return ColumnFit(widths: fitting[chosen].1.map { Int($0) }, size: size, margin: cellMargin(size: size))
        }
        guard let size = sizes.last else { return nil }
        for breakingNames in [false, true] {
            if let widths = measure.widths(size: size, margin: tightMargin, breakingNames: breakingNames, available: room) {
                return ColumnFit(widths: widths.map { Int($0) }, size: size, margin: tightMargin)
            }
        }
        guard force else { return nil }
        return ColumnFit(widths: measure.squeezed(size: size, margin: tightMargin, available: room).map { Int($0) },
                         size: size, margin: tightMargin)
    }

    /// Characters of a name's word that stay whole when a table fits no other way.
    static let nameBreak = 12

    /// What `columnWidths` knows of a table's text: each column's longest word and longest
    /// line (twips at the style's own size, without padding), and every cell's lines.
    struct ColumnMeasure {
        // Twips per character at 9.5 pt: a wide average (digits, capitals, å ä ö), more in bold.
        static let plainPerChar = 120.0, boldPerChar = 135.0
        /// Per column, the longest word (at most 24 characters: a longer one breaks anyway).
        var words: [Double]
        /// Per column, the longest word that must stay whole when a name's words may break
        /// (`nameBreak`): column heads' words, numbers, and words with digits in them.
        var wholeWords: [Double]
        var longestLines: [Double]
        /// Per row, per column: the cell's lines as widths in twips at 9.5 pt.
        var cells: [[[Double]]]

        init(_ t: TableBlock) {
            // A date is one word: the writers keep it on one line (`WholeDates`).
            let t = WholeDates.joined(t)
            let columns = max(1, t.columnCount)
            words = Array(repeating: 4 * Self.plainPerChar, count: columns)
            wholeWords = words
            longestLines = words
            cells = []
            for (r, row) in (t.headerRows + t.rows).enumerated() {
                let header = r < t.headerRows.count
                let perChar = header ? Self.boldPerChar : Self.plainPerChar
                var c = 0
                var measured = Array(repeating: [Double](), count: columns)
                for cell in row {
                    if cell.span == 1, c < columns {
                        // A sparkline is a picture as wide as 7 characters (56 px), whatever its text.
                        let text = cell.sparkline == nil ? cell.text.plainText
                            : String(repeating: "0", count: Int(Sparkline.width * 15 / Self.plainPerChar))
                        let cellWords = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
                        let longestWord = cellWords.map(\.count).max() ?? 0
                        words[c] = max(words[c], min(Double(longestWord), 24) * perChar)
                        // A name's word may break; a head's, a number's or a figure cell's not.
                        let breakable = !header && cell.figures.isEmpty && cell.sparkline == nil
                        let whole = cellWords.map { word in
                            breakable && !word.contains(where: \.isNumber) ? min(word.count, DOCXWriter.nameBreak) : word.count
                        }.max() ?? 0
                        wholeWords[c] = max(wholeWords[c], min(Double(whole), 24) * perChar)
                        let cellLines = text.split(separator: "\n").map { Double($0.count) * perChar }
                        longestLines[c] = max(longestLines[c], min(cellLines.max() ?? 0, 60 * perChar))
                        measured[c] = cellLines
                    }
                    c += cell.span
                }
                cells.append(measured)
            }
        }

        static func padding(_ margin: Int) -> Double { Double(2 * margin + 30) }
        static func scale(_ size: Int) -> Double { Double(size) / Double(tableTextSizes[0]) }

        /// Each column's narrowest width at `size` and `margin` (nil: the size's own).
        func minimum(size: Int, margin: Int? = nil, breakingNames: Bool = false) -> [Double] {
            let scale = Self.scale(size), padding = Self.padding(margin ?? cellMargin(size: size))
            return (breakingNames ? wholeWords : words).map { $0 * scale + padding }
        }

        /// Every word whole at `size` (but a name's long words with `breakingNames`), the
        /// room left where lines are longest; nil when the words alone are wider than
        /// `available`. `margin`: the cells' (nil: the size's own).
        func widths(size: Int, margin: Int? = nil, breakingNames: Bool = false, available room: Double) -> [Double]? {
            let scale = Self.scale(size), padding = Self.padding(margin ?? cellMargin(size: size))
            let minimum = minimum(size: size, margin: margin, breakingNames: breakingNames)
            guard minimum.reduce(0, +) <= room else { return nil }
            // The room left goes, a little at a time, to the column whose longest text
            // would take the most lines: the tallest cell sets a row's height.
            var widths = minimum
            let need = longestLines.map { $0 * scale }
            var left = room - minimum.reduce(0, +)
            let step = 40.0
            while left >= step {
                let ratios = need.indices.map { need[$0] / (widths[$0] - padding) }
                guard let c = ratios.indices.max(by: { ratios[$0] < ratios[$1] }), ratios[c] > 1 else { break }
                widths[c] += step
                left -= step
            }
            // Every line fits: the rest in proportion, so the table fills the page.
            let used = widths.reduce(0, +)
            return used < room ? widths.map { $0 * room / used } : widths
        }

        /// The words as they fall: the narrowest widths (names' long words broken) shrunk to
        /// `available`. The columns of names (those with words that may break) give up the
        /// room, so numbers stay whole, as long as each keeps its padding and three
        /// characters; past that every column shrinks alike.
        func squeezed(size: Int, margin: Int, available room: Double) -> [Double] {
            let minimum = minimum(size: size, margin: margin, breakingNames: true)
            let names = Set(words.indices.filter { wholeWords[$0] < words[$0] })
            let fixed = minimum.indices.filter { !names.contains($0) }.reduce(0) { $0 + minimum[$1] }
            let narrowest = Self.padding(margin) + 3 * Self.plainPerChar * Self.scale(size)
            if !names.isEmpty, room - fixed >= Double(names.count) * narrowest {
                // Each name column's share of what the numbers leave, none below the narrowest.
                var widths = minimum
                var left = room - fixed, shrinking = names
                while !shrinking.isEmpty {
                    let total = shrinking.reduce(0) { $0 + minimum[$1] }
                    let below = shrinking.filter { minimum[$0] * left / total < narrowest }
                    guard !below.isEmpty else {
                        for c in shrinking { widths[c] = minimum[c] * left / total }
                        break
                    }
                    for c in below { widths[c] = narrowest; left -= narrowest; shrinking.remove(c) }
                }
                return widths
            }
            return minimum.map { $0 * room / minimum.reduce(0, +) }
        }

        /// The table's lines at `size` and `widths`: each row as tall as its tallest cell,
        /// a line taking a tenth more room than its characters (words do not fill a line).
        func lines(size: Int, widths: [Double], margin: Int? = nil) -> Int {
            rowLines(size: size, widths: widths, margin: margin).reduce(0, +)
        }

        /// Each row's lines (header rows first), as `lines` counts them.
        func rowLines(size: Int, widths: [Double], margin: Int? = nil) -> [Int] {
            let scale = Self.scale(size), padding = Self.padding(margin ?? cellMargin(size: size))
            return cells.map { row in
                let tallest = row.indices.map { c in
                    row[c].reduce(0) { $0 + max(1, Int((1.1 * $1 * scale / (widths[c] - padding)).rounded(.up))) }
                }.max() ?? 1
                return max(1, tallest)
            }
        }
    }

    func figure(_ f: FigureBlock, page: Page, state: State) throws -> String {
        let (label, text) = state.counter.figure(f, strings)
        let n = state.counter.figures
        state.drawingID += 1
        let id = state.drawingID
        let emuPerPixel = 9525.0
        let (w, h) = Self.figureSize(f, page: page)
        let cx = Int(w * emuPerPixel), cy = Int(h * emuPerPixel)

        let svgID = "rIdSvg\(n)", pngID = "rIdPng\(n)"
        state.media.append(.init(name: "figure-\(n).svg", relationshipID: svgID, data: Data(f.svg.utf8)))
        var blip: String
        if let rasterizer {
            let png = try state.rasters[f.svg] ?? rasterizer.png(svg: f.svg, scale: 2)
            state.media.append(.init(name: "figure-\(n).png", relationshipID: pngID, data: png))
            blip = "<a:blip r:embed=\"\(pngID)\"><a:extLst><a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\">"
                + "<asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"\(svgID)\"/>"
                + "</a:ext></a:extLst></a:blip>"
        } else {
            blip = "<a:blip r:embed=\"\(svgID)\"/>"
        }
        let drawing = Self.picture(id: id, name: label, file: "figure-\(n)", description: f.altText, cx: cx, cy: cy, blip: blip)
        return WordML.paragraph(style: "Figure", drawing)
            // The caption under a figure ends the chain of kept-together paragraphs: with the
            // Caption style's keep-with-next (for captions above tables) it bound the chart
            // to whatever followed, a chain too tall for a page, and LibreOffice then broke
            // it between chart and caption.
            + WordML.paragraph(style: "Caption", properties: "<w:keepNext w:val=\"0\"/>",
                               WordML.run(label + " ", bold: true) + WordML.run(text))
    }

    /// A figure's size in pixels (96 dpi, 15 twips each): the SVG's own, shrunk to the
    /// text area's width and to 85 % of its height.
    static func figureSize(_ f: FigureBlock, page: Page) -> (width: Double, height: Double) {
        let (w, h) = f.size
        let scale = min(1, Double(page.textWidth) / 15 / w, Double(page.textHeight) * 0.85 / 15 / h)
        return (w * scale, h * scale)
    }

    /// A sparkline in a table cell: a picture the size it has on screen (56 × 16 px),
    /// the PNG from `rasterize` in the main blip and the SVG beside it, as a figure has
    /// (the SVG alone without a rasteriser); its values in words as alternative text.
    func sparkline(_ line: Sparkline, state: State) -> String {
        state.sparklines += 1
        state.drawingID += 1
        let k = state.sparklines, svg = line.svg()
        let svgID = "rIdSparkSvg\(k)", pngID = "rIdSparkPng\(k)"
        state.media.append(.init(name: "sparkline-\(k).svg", relationshipID: svgID, data: Data(svg.utf8)))
        var blip = "<a:blip r:embed=\"\(svgID)\"/>"
        if let png = state.rasters[svg] {
            state.media.append(.init(name: "sparkline-\(k).png", relationshipID: pngID, data: png))
            blip = "<a:blip r:embed=\"\(pngID)\"><a:extLst><a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\">"
                + "<asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"\(svgID)\"/>"
                + "</a:ext></a:extLst></a:blip>"
        }
        let emuPerPixel = 9525.0
        return Self.picture(id: state.drawingID, name: "sparkline-\(k)", file: "sparkline-\(k)", description: line.label,
                            cx: Int(Sparkline.width * emuPerPixel), cy: Int(Sparkline.height * emuPerPixel), blip: blip)
    }

    /// An inline picture run: `blip` stretched to `cx` × `cy` EMU, `description` as its
    /// alternative text.
    static func picture(id: Int, name: String, file: String, description: String, cx: Int, cy: Int, blip: String) -> String {
        let alt = WordML.escape(description)
        return """
        <w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">\
        <wp:extent cx="\(cx)" cy="\(cy)"/><wp:effectExtent l="0" t="0" r="0" b="0"/>\
        <wp:docPr id="\(id)" name="\(WordML.escape(name))" descr="\(alt)"/>\
        <wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>\
        <a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">\
        <pic:pic><pic:nvPicPr><pic:cNvPr id="\(id)" name="\(file)" descr="\(alt)"/><pic:cNvPicPr/></pic:nvPicPr>\
        <pic:blipFill>\(blip)<a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
        <pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="\(cx)" cy="\(cy)"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>\
        </pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>
        """
    }

    /// numId 1: bullets; numId 2…: one numbered list each, so each restarts at 1.
    func numbering(orderedLists: Int) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>
        <w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        """
        for i in 0..<orderedLists {
            out += "\n<w:num w:numId=\"\(2 + i)\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
        }
        return out + "\n</w:numbering>\n"
    }
}

/// Results of figures rasterised at once, one slot per figure. `@unchecked Sendable`:
/// every slot is written by one task and read after all have ended, under the lock.
private final class RasterResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Data, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ result: Result<Data, any Error>) {
        lock.lock()
        defer { lock.unlock() }
        slots[i] = result
    }

    func get(_ i: Int) throws -> Data {
        lock.lock()
        defer { lock.unlock() }
        return try slots[i]!.get()
    }
}
