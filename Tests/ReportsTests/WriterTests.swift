import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Presentation
@testable import Reports
import Testing
import ZIPFoundation

/// What each writer produces, checked as files: HTML self-contained and accessible,
/// DOCX a WordprocessingML package with heading styles and real tables, Markdown tables.
@Suite struct WriterTests {
    /// A deterministic stand-in for rsvg-convert: a 1×1 PNG.
    struct FakeRasterizer: SVGRasterizer {
        func png(svg: String, scale: Double) throws -> Data {
            Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC")!
        }
    }

    func render(_ format: ReportFormat, kind: ReportKind = .final, rasterizer: SVGRasterizer? = FakeRasterizer()) throws -> ReportOutput {
        let fixture = try ReportFixture()
        let built = try fixture.build(kind, format: format)
        let renderer = ReportRenderer(templates: try TemplateSet(), strings: ReportStrings(.sv), toolVersion: "test")
        return try renderer.render(built, format: format, outputPath: fixture.path("report.\(format.fileExtension)"),
                                   rasterizer: rasterizer).output
    }

    @Test func htmlHasNoExternalReferences() throws {
        for kind in ReportKind.allCases {
            let html = String(decoding: try render(.html, kind: kind).data, as: UTF8.self)
            #expect(!html.lowercased().contains("http"), "\(kind): a URL")
            #expect(!html.contains("src="), "\(kind): src attribute")
            #expect(!html.contains("@import"), "\(kind): CSS import")
            #expect(!html.contains("<script"), "\(kind): script")
            #expect(!html.contains("<link"), "\(kind): link element")
            // url( only to an id inside the page (the diagram's arrow markers).
            for range in html.ranges(of: "url(") {
                #expect(html[range.upperBound...].hasPrefix("#"), "\(kind): url() outside the page")
            }
            for range in html.ranges(of: "href=\"") {
                #expect(html[range.upperBound...].hasPrefix("#"), "\(kind): link outside the page")
            }
        }
    }

    @Test func htmlIsAccessible() throws {
        let html = String(decoding: try render(.html).data, as: UTF8.self)
        #expect(html.contains("<html lang=\"sv\">"))
        #expect(html.components(separatedBy: "<h1").count == 2, "one h1")
        #expect(html.contains("<h3 id=\"s-6-2-h\">6.2 Jämställdhet</h3>"))
        #expect(html.contains("<th scope=\"col\""))
        #expect(html.contains("<th scope=\"row\">Summa</th>"))
        #expect(html.contains("<caption><strong>Tabell 1.</strong> Intäkter under projektperioden</caption>"))
        // The diagram: role img, named by the alt text, ids prefixed.
        #expect(html.contains("<svg role=\"img\" aria-labelledby=\"fig1-title\""))
        #expect(html.contains("<title id=\"fig1-title\">Diagram över förändringskedjan i Testteamet"))
        #expect(html.contains("url(#fig1-arrow)"))
        #expect(html.contains("<figcaption><strong>Figur 1.</strong>"))
        // Swedish numbers with no-break spaces, the gap flagged.
        #expect(html.contains("1\u{00A0}457\u{00A0}956"))
        #expect(html.contains("callout-warning"))
        #expect(!html.contains("class=\"callout callout-placeholder\""))     // draft boxes only with --draft
        #expect(html.contains("@media print"))
        #expect(html.contains("@bottom-center { content: counter(page) \" / \" counter(pages)"), "page numbers in print")
    }

    @Test func docxIsAWordPackageWithHeadingsAndTables() throws {
        let data = try render(.docx).data
        let archive = try Archive(data: data, accessMode: .read)
        let names = Set(archive.map(\.path))
        for part in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml",
                     "word/numbering.xml", "word/_rels/document.xml.rels", "docProps/core.xml", "docProps/app.xml",
                     "word/media/figure-1.png", "word/media/figure-1.svg", "word/footer1.xml"] {
            #expect(names.contains(part), "missing \(part)")
        }
        func text(_ path: String) throws -> String {
            var out = Data()
            _ = try archive.extract(archive[path]!) { out.append($0) }
            return String(decoding: out, as: UTF8.self)
        }
        let document = try text("word/document.xml")
        // Sections start pages (short ones share theirs: NearEmptyPagesTests).
        #expect(document.contains("<w:pStyle w:val=\"Heading1\"/><w:pageBreakBefore/></w:pPr>"))
        #expect(document.contains("<w:pStyle w:val=\"Heading1\"/>") && document.contains(">1 Sammanfattning</w:t>"))
        #expect(document.contains("<w:pStyle w:val=\"Heading2\"/></w:pPr><w:bookmarkStart w:id=\"")
                && document.contains("<w:r><w:t xml:space=\"preserve\">6.2 Jämställdhet</w:t></w:r><w:bookmarkEnd"))
        #expect(document.components(separatedBy: "<w:tbl>").count - 1 == 4, "cover, two budget tables, logframe")
        #expect(document.contains("<w:tblHeader/>"))
        #expect(document.contains(" PAGEREF _Contents1 \\h "))
        #expect(document.contains("<asvg:svgBlip"))
        #expect(document.contains("descr=\"Diagram över förändringskedjan i Testteamet"))
        #expect(document.contains("w:orient=\"landscape\""))
        // Page numbers: every section's footer is the one with PAGE and NUMPAGES fields.
        #expect(try text("word/footer1.xml").contains(" PAGE ") && (try text("word/footer1.xml")).contains(" NUMPAGES "))
        #expect(document.components(separatedBy: "<w:footerReference").count == document.components(separatedBy: "<w:sectPr>").count)
        let styles = try text("word/styles.xml")
        for level in 0...2 { #expect(styles.contains("<w:outlineLvl w:val=\"\(level)\"/>")) }
        #expect(styles.contains("<w:lang w:val=\"sv-SE\""))
        let core = try text("docProps/core.xml")
        #expect(core.contains("<dc:title>Redovisning av LUM – Ett testprojekt</dc:title>"))
        #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2022-02-27T22:00:00Z</dcterms:created>"))
        // Every XML part parses.
        for part in names where part.hasSuffix(".xml") || part.hasSuffix(".rels") {
            #expect(XMLParser(data: Data(try text(part).utf8)).parse(), "\(part) is not well-formed XML")
        }
    }

    /// The contents list's page numbers: each entry is a PAGEREF field (and a link) to a
    /// bookmark around its heading, which LibreOffice fills in as it lays out the pages and
    /// Word when it updates fields; not a TOC field, whose result LibreOffice shows as it
    /// stands (FoU review: no page numbers). Tests/print/contents-pages.py checks the pages.
    @Test func docxContentsEntriesArePageFieldsToTheirHeadings() throws {
        // Headings at every level the contents take, and one they do not (a level 3).
        let document = ReportDocument(kind: .final, language: .sv, title: "T", sections: [
            ReportSection(key: "1", number: "1", title: "Första", blocks: [
                .paragraph(RichText("Text.")), .heading(level: 1, text: "En underrubrik"), .heading(level: 2, text: "Djupare"),
            ]),
            ReportSection(key: "2", number: "2", title: "Andra", children: [
                ReportSection(key: "2.1", number: "2.1", title: "Delen"),
                ReportSection(key: "2.2", number: "2.2", title: "Å & ö <ok>"),
            ]),
        ])
        let expected = [("TOC1", "1 Första", "Heading1"), ("TOC2", "En underrubrik", "Heading2"), ("TOC1", "2 Andra", "Heading1"),
                        ("TOC2", "2.1 Delen", "Heading2"), ("TOC2", "2.2 Å & ö <ok>", "Heading2")]
        let xml = try Self.documentXML(document)
        #expect(XMLParser(data: xml).parse())
        let root = try XMLDocument(data: xml).rootElement()!
        func elements(_ node: XMLNode, _ name: String) -> [XMLElement] {
            (node.children ?? []).flatMap { child -> [XMLElement] in
                guard let e = child as? XMLElement else { return [] }
                return (e.name == name ? [e] : []) + elements(e, name)
            }
        }
        func style(_ p: XMLElement) -> String? {
            elements(p, "w:pStyle").first?.attribute(forName: "w:val")?.stringValue
        }
        func text(_ p: XMLElement) -> String { elements(p, "w:t").map { $0.stringValue ?? "" }.joined() }
        let paragraphs = elements(root, "w:p")
        // Each heading's bookmark: its name, and the heading's style and text.
        var bookmarks: [String: (style: String?, text: String)] = [:]
        for p in paragraphs {
            for start in elements(p, "w:bookmarkStart") {
                let name = start.attribute(forName: "w:name")!.stringValue!, id = start.attribute(forName: "w:id")!.stringValue!
                #expect(elements(p, "w:bookmarkEnd").contains { $0.attribute(forName: "w:id")?.stringValue == id }, "\(name) ends")
                #expect(bookmarks[name] == nil, "\(name) twice")
                bookmarks[name] = (style(p), text(p))
            }
        }
        let entries = paragraphs.filter { style($0)?.hasPrefix("TOC") == true && style($0) != "TOCHeading" }
        #expect(entries.count == expected.count)
        for (entry, (tocStyle, heading, headingStyle)) in zip(entries, expected) {
            #expect(style(entry) == tocStyle)
            let instructions = elements(entry, "w:instrText").map { $0.stringValue ?? "" }
            #expect(instructions.count == 1 && instructions[0].hasPrefix(" PAGEREF ") && instructions[0].hasSuffix(" \\h "))
            let target = instructions.first.map { $0.split(separator: " ")[1] }.map(String.init) ?? ""
            #expect(bookmarks[target]?.text == heading && bookmarks[target]?.style == headingStyle, "\(heading) → \(target)")
            #expect(elements(entry, "w:hyperlink").first?.attribute(forName: "w:anchor")?.stringValue == target)
            // The entry reads as the heading, a tab, and the cached page: a dash until computed.
            #expect(text(entry) == heading + "–")
            #expect(elements(entry, "w:fldChar").map { $0.attribute(forName: "w:fldCharType")!.stringValue! } == ["begin", "separate", "end"])
        }
        #expect(!String(decoding: xml, as: UTF8.self).contains(" TOC "), "no TOC field (LibreOffice does not lay out its pages)")
        // The steering brief and the tertial report have no contents list, and no bookmarks.
        for kind in [ReportKind.steering, .tertial] {
            var other = document
            other.kind = kind
            let body = String(decoding: try Self.documentXML(other), as: UTF8.self)
            #expect(!body.contains("PAGEREF") && !body.contains("w:bookmarkStart"), "\(kind)")
        }
    }

    /// `word/document.xml` of `document` written as DOCX without pictures.
    static func documentXML(_ document: ReportDocument) throws -> Data {
        let (data, _) = try DOCXWriter(templates: try TemplateSet(), strings: ReportStrings(.sv), toolVersion: "test",
                                       rasterizer: nil).write(document)
        let archive = try Archive(data: data, accessMode: .read)
        var xml = Data()
        _ = try archive.extract(archive["word/document.xml"]!) { xml.append($0) }
        return xml
    }

    /// A paragraph that leads into a table or a figure is kept with it (a table keeps its
    /// caption, heads and first rows together, a figure its caption), so no page ends on a
    /// table's or a figure's introduction; also one between two tables (6.2's paragraph
    /// on what the next table shows). Not one before another paragraph, and not one before
    /// a figure taller than three quarters of a page, which with it would not fit a page.
    @Test func aLeadInParagraphStaysWithItsTableOrFigure() throws {
        func table(_ rows: Int) -> Block {
            .table(TableBlock(caption: "Uppgifter", header: [[TableBlock.Cell("Del")]],
                              rows: (0..<rows).map { [TableBlock.Cell("rad \($0)")] }))
        }
        // The portrait text area is 14 004 twips high: 700 pixels (15 twips each) is 3/4.
        func figure(height: Int) -> Block {
            .figure(FigureBlock(svg: "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"\(height)\"></svg>",
                                caption: "Ruta", altText: "En ruta"))
        }
        let section = ReportSection(key: "x", title: "Röjandekontroll", blocks: [
            .paragraph(RichText("Leder in i en kort tabell.")), table(3),
            .paragraph(RichText("Leder in i en lång tabell.")), table(DOCXWriter.shortTableRows + 1),
            .paragraph(RichText("Leder in i ett diagram.")), figure(height: 300),
            .paragraph(RichText("Leder in i ett högt diagram.")), figure(height: 720),
            .paragraph(RichText("Följs av text.")), .paragraph(RichText("Sist.")),
        ])
        let document = ReportDocument(kind: .final, language: .sv, title: "T", sections: [section])
        let xml = try Self.documentXML(document)
        let body = String(decoding: xml, as: UTF8.self)
        func kept(_ text: String) -> Bool {
            guard let end = body.range(of: text) else { Issue.record("\(text) missing"); return false }
            let start = body[..<end.lowerBound].range(of: "<w:p>", options: .backwards)!.lowerBound
            return body[start..<end.lowerBound].contains("<w:keepNext/>")
        }
        #expect(kept("Leder in i en kort tabell."))
        #expect(kept("Leder in i en lång tabell."))
        #expect(kept("Leder in i ett diagram."))
        #expect(!kept("Leder in i ett högt diagram."))
        #expect(!kept("Följs av text."))
    }

    /// LibreOffice carries only the one kept paragraph right before a table onto the
    /// table's page, so a table after a heading (or a kept lead-in) carries its caption in
    /// its first row, a header row: the heading is then that one paragraph (issue 20, the
    /// brief's "3 Förändringsbenägenhet per enhet" alone at the foot of page 1). A table
    /// after a block nothing is kept with (a list) keeps its caption paragraph.
    @Test func aTableAfterAHeadingCarriesItsCaptionInItsFirstRow() throws {
        func table(_ caption: String, rows: Int = 1) -> Block {
            .table(TableBlock(caption: caption, header: [[TableBlock.Cell("Enhet"), TableBlock.Cell("Medel")]],
                              rows: (0..<rows).map { [TableBlock.Cell("E\($0)"), TableBlock.Cell("5,6")] }))
        }
        // A list is nothing kept with what follows it.
        let section = ReportSection(key: "x", title: "Förändringsbenägenhet per enhet", blocks: [
            table("Efter rubriken"), .paragraph(RichText("Ledtext.")),
            table("Efter ledtext", rows: DOCXWriter.shortTableRows + 1), .list(ListBlock(items: [RichText("En punkt")])),
            table("Efter en lista"), .heading(level: 1, text: "Underrubrik"),
            table("Efter underrubriken"),
        ])
        let document = ReportDocument(kind: .steering, language: .sv, title: "T", sections: [section])
        let xml = try Self.documentXML(document)
        let body = String(decoding: xml, as: UTF8.self)
        #expect(XMLParser(data: xml).parse())
        /// Whether the caption is inside a table (its paragraph after the table's start).
        func inTable(_ caption: String) -> Bool {
            guard let at = body.range(of: ">\(caption)</w:t>") else { Issue.record("\(caption) missing"); return false }
            let before = body[..<at.lowerBound]
            let opened = before.range(of: "<w:tbl>", options: .backwards)?.lowerBound
            let closed = before.range(of: "</w:tbl>", options: .backwards)?.lowerBound
            guard let opened else { return false }
            return closed.map { $0 < opened } ?? true
        }
        #expect(inTable("Efter rubriken"))
        #expect(inTable("Efter ledtext"))
        #expect(!inTable("Efter en lista"))
        #expect(inTable("Efter underrubriken"))
        // The caption row is a header row, one cell across the table's two columns.
        let row = body.range(of: ">Efter rubriken</w:t>").map { body[..<$0.lowerBound] }!
        let rowStart = row.range(of: "<w:tr>", options: .backwards)!.lowerBound
        #expect(row[rowStart...].contains("<w:tblHeader/>") && row[rowStart...].contains("<w:gridSpan w:val=\"2\"/>"))
        // Still numbered, and the table's own caption for assistive technology is there.
        #expect(body.contains("Tabell 1. </w:t>") && body.contains("<w:tblCaption w:val=\"Efter rubriken\"/>"))
    }

    /// In print a short table stays whole on one page, a tall one breaks between rows, and
    /// a row taller than a quarter of a page may break inside (issue 20: a table or a row
    /// moved whole to the next page left the page before it all but white).
    @Test func htmlMarksWhichTablesAndRowsMayBreakInPrint() throws {
        let short = TableBlock(caption: "Kort", header: [[TableBlock.Cell("Del"), TableBlock.Cell("Antal")]],
                               rows: (0..<5).map { [TableBlock.Cell("rad \($0)"), TableBlock.Cell("\($0)")] })
        // Few rows, but each of them several lines deep: most of a page.
        let deepCell = Array(repeating: "En indikator med ett långt namn som tar en hel rad i tabellen", count: 4).joined(separator: "\n")
        let deep = TableBlock(caption: "Djup", header: [[TableBlock.Cell("Mål"), TableBlock.Cell("Indikatorer")]],
                              rows: (0..<7).map { [TableBlock.Cell("G\($0)"), TableBlock.Cell(RichText(deepCell))] })
        // One row of forty lines: more than a quarter of a page.
        let tallCell = Array(repeating: "Ännu en indikator", count: 40).joined(separator: "\n")
        let tall = TableBlock(caption: "Hög rad", header: [[TableBlock.Cell("Nivå"), TableBlock.Cell("Indikatorer")]],
                              rows: [[TableBlock.Cell("O1"), TableBlock.Cell("I1")], [TableBlock.Cell("O8"), TableBlock.Cell(RichText(tallCell))]])
        #expect(HTMLWriter.PrintBreaks(short).keepWhole)
        #expect(!HTMLWriter.PrintBreaks(deep).keepWhole)
        #expect(HTMLWriter.PrintBreaks(short).splitRows.isEmpty && HTMLWriter.PrintBreaks(deep).splitRows.isEmpty)
        #expect(HTMLWriter.PrintBreaks(tall).splitRows == [1])
        let writer = HTMLWriter(templates: try TemplateSet(), strings: ReportStrings(.sv), toolVersion: "test")
        let html = writer.fragment([.table(short), .table(deep), .table(tall)])
        #expect(html.contains("<div class=\"table-block keep\" tabindex=\"0\" role=\"region\" aria-label=\"Tabell 1. Kort\">"))
        #expect(html.contains("<div class=\"table-block\" tabindex=\"0\" role=\"region\" aria-label=\"Tabell 2. Djup\">"))
        #expect(html.contains("<tr class=\"split\"><th scope=\"row\">O8</th>") || html.contains("<tr class=\"split\"><td>O8</td>"))
    }

    @Test func docxWithoutRasterizerEmbedsTheSVGItself() throws {
        let archive = try Archive(data: try render(.docx, rasterizer: nil).data, accessMode: .read)
        #expect(archive["word/media/figure-1.png"] == nil)
        #expect(archive["word/media/figure-1.svg"] != nil)
    }

    /// Figures are rasterised several at a time before the document is written: each
    /// distinct SVG once, each figure given its own PNG, and a failure is reported.
    @Test func docxRasterisesEveryFigureOnceAndReportsAFailure() throws {
        final class Recorder: SVGRasterizer, @unchecked Sendable {
            let lock = NSLock()
            var seen: [String] = []
            let failOn: Int?
            init(failOn: Int? = nil) { self.failOn = failOn }
            func png(svg: String, scale: Double) throws -> Data {
                lock.lock()
                seen.append(svg)
                let n = seen.count
                lock.unlock()
                if n == failOn { throw DOCXError(message: "rsvg-convert could not rasterise a figure: test") }
                // A PNG that carries the figure's own SVG length, to tell figures apart.
                return try FakeRasterizer().png(svg: svg, scale: scale) + Data("\(svg.utf8.count)".utf8)
            }
        }
        let recorder = Recorder()
        let archive = try Archive(data: try render(.docx, rasterizer: recorder).data, accessMode: .read)
        let figures = archive.compactMap { $0.path.hasPrefix("word/media/figure-") && $0.path.hasSuffix(".svg") ? $0.path : nil }
        #expect(!figures.isEmpty)
        #expect(recorder.seen.count == Set(recorder.seen).count)             // no SVG rasterised twice
        for svgPath in figures {
            var svg = Data(), png = Data()
            _ = try archive.extract(archive[svgPath]!) { svg.append($0) }
            _ = try archive.extract(archive[svgPath.replacingOccurrences(of: ".svg", with: ".png")]!) { png.append($0) }
            #expect(png.suffix(String(svg.count).utf8.count) == Data(String(svg.count).utf8), "\(svgPath)'s PNG is another figure's")
        }
        // Whichever figure fails (the last one asked for, here), the DOCX is not written.
        #expect(throws: DOCXError.self) { _ = try render(.docx, rasterizer: Recorder(failOn: recorder.seen.count)) }
    }

    @Test func sameReportSameBytes() throws {
        #expect(try render(.docx).data == render(.docx).data)
    }

    @Test func markdownTablesAndFigureFiles() throws {
        let out = try render(.markdown)
        let md = String(decoding: out.data, as: UTF8.self)
        // The fixture's proposed indicator is illustrative: the marking comes first.
        #expect(md.hasPrefix("> **Innehåller illustrativa uppgifter (förslag och exempel) – inte uppmätta resultat.**\n\n# Redovisning av LUM\n"))
        #expect(md.contains("| Intäkter | Belopp (kr) |\n| --- | ---: |\n"))
        #expect(md.contains("| **Summa** | **1\u{00A0}150\u{00A0}000** |"))
        #expect(md.contains("![Diagram över förändringskedjan i Testteamet"))
        #expect(out.attachments.map(\.path) == ["report-figures/figure-1.svg"])
        #expect(md.contains("## 6 Resultatredovisning\n"))
        #expect(md.contains("### 6.2 Jämställdhet\n"))
    }

    /// The cover's texts come from what people type (the new-pilot form's name): in a
    /// Markdown file, which renderers turn into HTML with any HTML inside kept, markup
    /// typed there is escaped like the body's (Tests/security found it raw on the cover).
    @Test func markdownCoverEscapesTypedHTML() throws {
        let payload = "<script>alert(1)</script>\"'><img src=x onerror=1>"
        let fixture = try ReportFixture()
        var built = try fixture.build(.final, format: .markdown)
        built.document.title = payload
        built.document.subtitle = payload
        built.document.cover.fields.append(.init(key: "project", label: "Projektets namn", value: payload))
        built.document.colophon.append(payload)
        let renderer = ReportRenderer(templates: try TemplateSet(), strings: ReportStrings(.sv), toolVersion: "test")
        let md = String(decoding: try renderer.render(built, format: .markdown, outputPath: nil).output.data, as: UTF8.self)
        // A backslash before < makes it text (CommonMark's backslash escapes).
        let unescaped = md.replacingOccurrences(of: "\\<", with: "")
        #expect(!unescaped.contains("<script"), "raw <script> in the Markdown")
        #expect(!unescaped.contains("<img"), "raw <img> in the Markdown")
        #expect(md.contains("# \\<script\\>alert(1)\\</script\\>"))
        #expect(md.contains("| Projektets namn | \\<script\\>alert(1)\\</script\\>\"'\\>\\<img src=x onerror=1\\> |"))
    }

    @Test func templatesOverrideHeadingsAndAreLocatedWhenBroken() throws {
        let fixture = try ReportFixture()
        let dir = fixture.path("mallar")
        let written = try TemplateSet.writeDefaults(to: dir)
        #expect(written.count == DefaultTemplates.files.count)
        #expect(throws: TemplateError.self) { try TemplateSet.writeDefaults(to: dir) }   // never overwrites
        var strings = try String(contentsOfFile: dir + "/strings.sv.txt", encoding: .utf8)
        strings = strings.replacingOccurrences(of: "final.2 = Bakgrund", with: "final.2 = Bakgrund och behov")
        try strings.write(toFile: dir + "/strings.sv.txt", atomically: true, encoding: .utf8)
        let set = try TemplateSet(directory: dir)
        #expect(try set.strings(.sv)("final.2") == "Bakgrund och behov")
        try "<html>{{#toc}}".write(toFile: dir + "/report.html.mustache", atomically: true, encoding: .utf8)
        #expect {
            try TemplateSet(directory: dir)
        } throws: { error in
            (error as? TemplateError)?.description.hasPrefix(dir + "/report.html.mustache:1:") == true
        }
        try "final.2 Bakgrund".write(toFile: dir + "/strings.sv.txt", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: dir + "/report.html.mustache")
        #expect(throws: TemplateError(file: dir + "/strings.sv.txt", line: 1, column: nil, message: "a line must be \"key = text\"")) {
            try TemplateSet(directory: dir)
        }
    }
}
