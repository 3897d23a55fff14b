import Presentation
import Testing
@testable import Web

/// A page made of its own blocks and a report's blocks numbers captions once through.
@Suite struct PageContentTests {
    @Test func captionsAndFigureIDsRunThroughThePage() {
        let table = Block.table(TableBlock(caption: "Värden", header: [["a"]], rows: [["1"]]))
        let figure = Block.figure(FigureBlock(svg: "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>", caption: "Bild",
                                              altText: "En bild"))
        let content = PageContent([.blocks([table, figure]), .html("<p>mellan</p>\n"), .blocks([table, figure])])
        let html = content.html(.sv)
        #expect(html.contains("<strong>Tabell 1.</strong> Värden") && html.contains("<strong>Tabell 2.</strong> Värden"))
        #expect(html.contains("<strong>Figur 1.</strong> Bild") && html.contains("<strong>Figur 2.</strong> Bild"))
        #expect(html.contains("id=\"figure-1\"") && html.contains("id=\"figure-2\""))
        #expect(html.contains("<p>mellan</p>"))
        #expect(PageContent([.blocks([table])]).html(.en).contains("<strong>Table 1.</strong> Värden"))
    }
}
