import Foundation
import LogicModel
@testable import Presentation
import Testing

/// The line that opens a part compiled from the results ("Sammanställt ur rapportens
/// resultat.") stays with what it opens: Chromium printed it alone at the foot of the
/// final report's page 54, its part on page 55 (issue 20). HTML marks it for the print
/// CSS, DOCX gives it a style and keepNext. Tests/print/stranded.py reads where it fell.
@Suite struct CompiledNoteWritersTests {
    /// As the report engine writes it: its words in italics, a paragraph of its own.
    static func note(_ words: String) -> Block { .paragraph(RichText([.emphasis(words)])) }

    static func section(_ words: String) -> ReportSection {
        ReportSection(key: "7", number: "7", title: "Slutsatser", blocks: [
            .paragraph(RichText("Författarens text.")),
            note(words),
            .paragraph(RichText([.strong("Piloten jämfört med linjen: ")]) + RichText("oklart.")),
            // An author's sentence with the same words first is prose, not the marker.
            .paragraph(RichText([.emphasis(words + " Och mer.")])),
            // A marker right before a table: the table takes its caption in its first row,
            // as after any paragraph kept with what follows (DOCXWriter.table).
            note(words),
            .table(TableBlock(caption: "Begränsningar", header: [["Del"]], rows: [["En rad"]])),
        ])
    }

    @Test(arguments: [(Language.sv, "Sammanställt ur rapportens resultat."), (.en, "Compiled from the report's results.")])
    func htmlGivesTheLineAClassThePrintCSSKeepsWithTheNext(_ language: Language, _ words: String) throws {
        let strings = ReportStrings(language)
        #expect(strings("generated.note") == words)
        var counter = CaptionCounter()
        let html = HTMLWriter(templates: try TemplateSet(), strings: strings, toolVersion: "test")
            .render(Self.section(words), depth: 1, counter: &counter)
        let escaped = HTMLEscape.text(words)
        #expect(html.components(separatedBy: "<p class=\"compiled-note\"><em>\(escaped)</em></p>\n").count == 3)
        #expect(html.contains("<p><em>\(escaped) Och mer.</em></p>"))
        #expect(html.contains("<p>Författarens text.</p>"))
        // In print it is kept with what follows it.
        let print = try #require(DefaultTemplates.css.range(of: "@media print {"))
        #expect(DefaultTemplates.css[print.upperBound...].contains(".compiled-note { break-after: avoid; }"))
    }

    @Test func docxKeepsTheLineWithTheNextByStyleAndKeepNext() throws {
        let strings = ReportStrings(.sv)
        let writer = DOCXWriter(templates: try TemplateSet(), strings: strings, toolVersion: "test", rasterizer: nil)
        let xml = try writer.render(Self.section("Sammanställt ur rapportens resultat."), depth: 1, page: .portrait,
                                    state: DOCXWriter.State())
        let marked = "<w:p><w:pPr><w:pStyle w:val=\"CompiledNote\"/><w:keepNext/></w:pPr><w:r><w:rPr><w:i/></w:rPr>"
            + "<w:t xml:space=\"preserve\">Sammanställt ur rapportens resultat.</w:t></w:r></w:p>"
        #expect(xml.components(separatedBy: marked).count == 3)
        // The prose after it is not kept (a chain through every paragraph would move pages).
        #expect(xml.contains("<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Piloten jämfört med linjen: </w:t>"))
        #expect(xml.contains("<w:p><w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">Sammanställt ur rapportens resultat. Och mer.</w:t>"))
        // The table after the second marker carries its caption in its first row.
        let table = try #require(xml.range(of: "<w:tbl>"))
        #expect(xml[table.upperBound...].contains(">Begränsningar</w:t>"))
        // The style is defined, kept with the next paragraph in itself too.
        #expect(DOCXStyles.defaultXML.contains("<w:style w:type=\"paragraph\" w:styleId=\"CompiledNote\"><w:name w:val=\"Compiled Note\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:keepNext/></w:pPr></w:style>"))
    }
}
