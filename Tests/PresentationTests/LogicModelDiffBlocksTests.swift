import Foundation
import LogicModel
import Presentation
import Testing

/// A model diff in the reader's language: the Swedish text a process leader reads, line
/// by line, and the English beside it.
@Suite struct LogicModelDiffBlocksTests {
    static func model(_ yaml: String) -> LogicModel {
        let result = LogicModelDecoder.decode(Data(yaml.utf8), file: "m.yaml")
        precondition(result.isValid, "\(result.diagnostics)")
        return result.model!
    }

    static let old = model("""
        schema: piloteval/logic-model/v1
        id: exempel
        name: Exempelteamet
        goals:
          - {id: G1, title: Barn har en trygg uppväxt}
          - {id: G2, title: Familjer får rätt stöd i tid, parent: G1}
          - {id: G3, title: Medarbetare trivs}
        outcomes:
          - {id: O1, title: Kortare utredningstider, contributes_to: [G2]}
        indicators:
          - id: I1
            title: Andel utredningar inom fyra månader
            measures: O1
            unit: percent
            direction: increase
            targets:
              - {period: "2021", rule: ">= 75"}
              - {period: "2022", rule: ">= 80"}
          - {id: I2, title: Antal omplaceringar, measures: O1, unit: count, direction: decrease}
        """)

    static let new = model("""
        schema: piloteval/logic-model/v1
        id: exempel
        name: Exempelteamet
        goals:
          - {id: G1, title: Barn och unga har en trygg uppväxt}
          - {id: G2, title: Familjer får rätt stöd i tid, parent: G3}
          - {id: G3, title: Medarbetare trivs}
        outcomes:
          - {id: O1, title: Kortare utredningstider, contributes_to: [G2, G3]}
        indicators:
          - id: I1
            title: Andel utredningar inom fyra månader
            measures: O1
            unit: percent
            direction: increase
            frequency: year
            targets:
              - {period: "2022", rule: ">= 85"}
              - {period: "2023", rule: ">= 90", set_by: city}
          - {id: I3, title: Andel barn som kommer till tals, measures: O1, unit: percent, direction: increase}
        """)

    static let diff = LogicModelDiff.compare(old, new, fromVersion: 1, toVersion: 2)

    @Test func swedishReadsAsSentences() throws {
        let text = PlainTextWriter().render(Self.diff.blocks(style: NumberStyle(.sv)))
        let nb = "\u{00A0}"
        let expected = """
            Logikmodellen ”Exempelteamet”: version 2 jämförd med version 1.

            I korthet: 1 indikator tillagd, 1 indikator borttagen, 2 mål ändrade, 1 effekt ändrad
            och 1 indikator ändrad.

            Mål
            ===

            Ändrat: Barn och unga har en trygg uppväxt (G1)

            - Titeln ändrades från ”Barn har en trygg uppväxt” till ”Barn och unga har en trygg
              uppväxt”.

            Ändrat: Familjer får rätt stöd i tid (G2)

            - Hör nu till det överordnade målet ”Medarbetare trivs” (G3) i stället för ”Barn har en
              trygg uppväxt” (G1).

            Effekter
            ========

            Ändrat: Kortare utredningstider (O1)

            - Bidrar nu även till ”Medarbetare trivs” (G3).

            Indikatorer
            ===========

            - Tillagt: Andel barn som kommer till tals (I3)
            - Borttaget: Antal omplaceringar (I2)

            Ändrat: Andel utredningar inom fyra månader (I1)

            - Mäts nu per år.
            - Målet för 2021 (≥\(nb)75\(nb)%) togs bort.
            - Målet för 2022 ändrades från ≥\(nb)80\(nb)% till ≥\(nb)85\(nb)%.
            - Nytt mål från KF för 2023: ≥\(nb)90\(nb)%.

            """
        #expect(text == expected, "\(text)")
        try GoldenFile.check(text, "model-diff-sv.txt")
    }

    @Test func englishToo() {
        let text = PlainTextWriter().render(Self.diff.blocks(style: NumberStyle(.en)))
        #expect(text.contains("In short: 1 indicator added, 1 indicator removed, 2 goals changed, 1 outcome changed and"))
        #expect(text.contains("- The target for 2022 changed from ≥\u{00A0}80% to ≥\u{00A0}85%."))
        #expect(text.contains("- New city target for 2023: ≥\u{00A0}90%."))
        #expect(text.contains("Changed: Familjer får rätt stöd i tid (G2)"))
    }

    @Test func aSentenceWhenNothingChanged() {
        let same = LogicModelDiff.compare(Self.old, Self.old, fromVersion: 1, toVersion: 2)
        let blocks = same.blocks(style: NumberStyle(.sv))
        #expect(blocks.count == 2)
        #expect(blocks.contains { block in
            if case .paragraph(let p) = block { return p.plainText.hasPrefix("Inget i logikmodellens innehåll har ändrats.") }
            return false
        })
        #expect(!blocks.contains { if case .heading = $0 { return true } else { return false } })
    }
}
