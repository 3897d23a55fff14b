import Foundation
import Testing
@testable import LogicModel

/// The logic model's diagram never cuts a word ("Kommunikationspl-an" in the final
/// report's figure): boxes wrap at spaces, hyphens and slashes, and a column widens for
/// a word longer than its boxes' lines. In print the drawing stays within the width at
/// which its box text prints at 8 pt, the gaps giving up the room; a word too long even
/// for that is set smaller in its box rather than cut.
@Suite struct DiagramWordsTests {
    struct Box { var x, width: Double; var lines: [(size: Double, bold: Bool, text: String)] }

    /// The boxes of a rendered SVG: each `<g>` with a rounded rect and its lines.
    static func boxes(_ svg: String) -> [Box] {
        svg.split(separator: "\n").filter { $0.hasPrefix("<g><rect x=") }.map { line in
            let rect = line.firstMatch(of: /<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/)!
            let lines = line.matches(of: /<text x="[\d.]+" y="[\d.]+" font-size="([\d.]+)"( font-weight="bold")? fill="#222">([^<]*)<\/text>/)
                .map { (size: Double($0.1)!, bold: $0.2 != nil, text: String($0.3)) }
            return Box(x: Double(rect.1)!, width: Double(rect.2)!, lines: lines)
        }
    }

    static func width(_ svg: String) -> Double {
        Double(svg.firstMatch(of: /<svg [^>]*width="([\d.]+)"/)!.1)!
    }

    /// A model of seven columns (inputs to goals), as wide as Vällingbyteamet's, with
    /// the long Swedish compounds of its boxes.
    static func model(_ longWord: String = "förändringsbenägenhet") throws -> LogicModel {
        let yaml = """
            schema: piloteval/logic-model/v1
            id: ord
            name: Långa ord
            language: sv
            goals:
              - {id: G3, title: Samverkanspartners har tillit till socialtjänsten}
            outcomes:
              - {id: O1, title: Hög kontinuitet för familjer, term: short, contributes_to: [G3]}
              - {id: O8, title: Högre \(longWord) inom socialtjänsten, term: intermediate, contributes_to: [G3]}
              - {id: O6, title: Barn och unga får rätt stöd i rätt tid, term: long, contributes_to: [G3]}
            outputs:
              - {id: P4, title: Stödmaterial för insatsen Barn- och föräldrastöd (familjebehandling), leads_to: [O1, O8, O6]}
            activities:
              - {id: A14, title: Kommunikationsplan och informationsträffar hos samtliga arbetsgrupper, leads_to: [P4]}
              - {id: A17, title: Enkät om medarbetarnas \(longWord), leads_to: [P4]}
            inputs:
              - {id: R5, title: FoU-medel från Socialförvaltningen, supports: [A14, A17]}
            """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("diagram-words-\(UUID().uuidString).yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try #require(LogicModelDecoder.read(path: path, displayName: "ord.yaml").model)
    }

    /// A text without its spaces: a box's lines hold its node's text, character for
    /// character, when nothing was cut ("Kommunikationspl-" + "an" adds a hyphen).
    static func squeezed(_ text: String) -> String { text.filter { !$0.isWhitespace } }

    @Test(arguments: [SVGRenderer.Layout.print, .screen])
    func noWordIsCutAndEveryLineFitsItsBox(_ layout: SVGRenderer.Layout) throws {
        let model = try Self.model()
        let svg = SVGRenderer.render(model, layout: layout)
        let boxes = Self.boxes(svg)
        #expect(boxes.count == 8)
        let titles = Set((model.inputs.map { "\($0.id) · \($0.title)" } + model.activities.map { "\($0.id) · \($0.title)" }
                          + model.outputs.map { "\($0.id) · \($0.title)" } + model.outcomes.map { "\($0.id) · \($0.title)" }
                          + model.goals.map { "\($0.id) · \($0.title)" }).map(Self.squeezed))
        for box in boxes {
            // Every box says its node's words, whole.
            #expect(titles.contains(Self.squeezed(box.lines.map(\.text).joined())), "\(box.lines.map(\.text))")
            for line in box.lines {
                #expect(line.size == layout.fontSize, "\(line.text) set at \(line.size)")
                // DejaVu Sans, the widest font the drawing comes out in: within the box.
                let drawn = TextWidth.em(line.text, bold: line.bold) * line.size
                #expect(layout.padding + drawn <= box.width, "\(line.text): \(drawn) px in a box of \(box.width)")
            }
        }
        if layout == .print {
            // Longer than a line of 17 characters, each on a line of its own.
            let lines = boxes.flatMap { $0.lines.map(\.text) }
            #expect(lines.contains("förändringsbenägenhet") && lines.contains("Kommunikationsplan"))
        }
    }

    /// DejaVu Sans sets "förändringsbenägenhet" 164,6 px wide at 14 px (24 077 of 2 048
    /// units to the em, read from the font's advance widths), bold 186,6 px.
    @Test func wordsAreMeasuredAsDejaVuSansSetsThem() {
        #expect(abs(TextWidth.em("förändringsbenägenhet") * 14 - 164.6) < 0.1)
        #expect(abs(TextWidth.em("förändringsbenägenhet", bold: true) * 14 - 186.6) < 0.1)
        #expect(TextWidth.em("iiii") < TextWidth.em("mmmm") / 3)
    }

    /// In print the long words widen their columns and the gaps narrow: the drawing stays
    /// 1 274 px or less, the width a landscape page prints its 14 px text at 8 pt.
    @Test func inPrintTheDiagramKeepsItsWidthForEightPoints() throws {
        let layout = SVGRenderer.Layout.print
        let svg = SVGRenderer.render(try Self.model(), layout: layout)
        #expect(Self.width(svg) <= 1274)
        #expect(Self.boxes(svg).contains { $0.width > layout.boxWidth }, "a column widened for the long words")
        // Seven columns of 140 px and 40 px gaps are 1 244 px; the widened ones do not fit
        // beside gaps of 40, so the gaps narrowed (the first box of the second column
        // starts closer to the first column's right edge than 40 px).
        let xs = Set(Self.boxes(svg).map(\.x)).sorted()
        let firstColumn = Self.boxes(svg).filter { $0.x == xs[0] }.map(\.width).max()!
        let gap = xs[1] - xs[0] - firstColumn
        #expect(gap >= layout.minColumnGap && gap < layout.columnGap, "gap \(gap)")
    }

    /// A word no box could widen for within that width (43 letters, in three columns) is
    /// set smaller in its box, not cut, and the drawing still keeps its width.
    @Test func aWordTooLongForAnyBoxIsSetSmaller() throws {
        let layout = SVGRenderer.Layout.print
        let word = "barnkonsekvensanalysdokumentationsrutinerna"
        let svg = SVGRenderer.render(try Self.model(word), layout: layout)
        #expect(Self.width(svg) <= 1274)
        let lines = Self.boxes(svg).flatMap { box in box.lines.map { (box, $0) } }
        let long = lines.filter { $0.1.text == word }
        #expect(long.count == 2)
        for (box, line) in long {
            #expect(line.size < layout.fontSize)
            #expect(layout.padding + TextWidth.em(line.text) * line.size <= box.width)
        }
        #expect(lines.filter { $0.1.text != word }.allSatisfy { $0.1.size == layout.fontSize })
    }
}
