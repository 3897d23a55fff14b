import Foundation
import Testing
@testable import LogicModel

/// "Did you mean": deterministic ties, case-insensitive, and ids of the kind a
/// reference may point at preferred.
@Suite struct SuggestionTests {
    @Test func nearestWins() {
        #expect(closest("contributes-to", in: ["leads_to", "contributes_to", "title"]) == "contributes_to")
        #expect(closest("tilte", in: ["title", "term", "id"]) == "title")
    }

    @Test func nothingNearGivesNoSuggestion() {
        #expect(closest("frequency", in: ["id", "title"]) == nil)
        // Two characters with nothing in common are not "near".
        #expect(closest("G9", in: ["A1", "R1"]) == nil)
    }

    @Test func caseIsIgnoredOnBothSides() {
        #expect(closest("g2", in: ["G2", "I2"]) == "G2")
        #expect(closest("Title", in: ["TITLE", "term"]) == "TITLE")
        #expect(closest("TITEL", in: ["title", "term"]) == "title")
    }

    /// Ties at the same distance break by shared prefix, then by name, whatever the
    /// candidates' order (the old version took the min over a dictionary's keys, so
    /// the answer changed from run to run).
    @Test func tiesAreDeterministic() {
        let ids = ["I2", "G1", "O1", "A2", "G3", "P1"]
        for _ in 0..<20 {
            #expect(closest("G2", in: ids.shuffled()) == "G1")
        }
        // Same distance, same shared prefix: name order.
        #expect(closest("O5", in: ["O7", "O6", "O4"]) == "O4")
        #expect(closest("O5", in: Set(["O7", "O6", "O4"])) == "O4")
        // Shared prefix beats name order: "AS2" is nearer "AS1" than "A2".
        #expect(closest("AS3", in: ["A3", "AS1"]) == "AS1")
    }

    @Test func preferredKindBreaksTiesBeforePrefix() {
        // G1 is preferred but two edits away; of the two at one edit, X9 shares the prefix.
        #expect(closest("X2", in: ["I2", "G1", "X9"], preferring: ["G1"].contains) == "X9")
        // At equal distance the preferred id wins even against a shared prefix…
        #expect(closest("G2", in: ["G3", "I2"], preferring: ["I2"].contains) == "I2")
        // …but a nearer id still beats a preferred one.
        #expect(closest("G2", in: ["G2x", "I22"], preferring: ["I22"].contains) == "G2x")
    }

    /// The tutorial's model: O3 contributes to G2, which does not exist; the model has
    /// the goal G1 and the indicator I2, both one edit away. `contributes_to` may point
    /// at an outcome or a goal, so the suggestion is G1.
    @Test func validatorSuggestsAnIdOfTheAllowedKind() {
        let yaml = """
        schema: piloteval/logic-model/v1
        id: x
        name: X
        goals:
          - {id: G1, title: Mål}
        outcomes:
          - {id: O1, title: Effekt, contributes_to: [G1]}
          - {id: O3, title: Annan effekt, contributes_to: [G2]}
        indicators:
          - {id: I1, title: Ett, measures: O1, unit: percent, direction: increase}
          - {id: I2, title: Två, measures: O3, unit: percent, direction: increase}
        """
        for _ in 0..<5 {
            let result = LogicModelDecoder.decode(Data(yaml.utf8), file: "m.yaml")
            let messages = result.errors.map(\.message)
            #expect(messages == ["`contributes_to` refers to G2, which is not defined in this model; did you mean G1?"])
        }
    }

    /// `measures` may point at any node but an indicator: a missing O4 suggests the
    /// outcome O3 rather than the indicator I4.
    @Test func measuresSuggestsANodeNotAnIndicator() {
        let yaml = """
        schema: piloteval/logic-model/v1
        id: x
        name: X
        goals:
          - {id: G1, title: Mål}
        outcomes:
          - {id: O3, title: Effekt, contributes_to: [G1]}
        indicators:
          - {id: I4, title: Ett, measures: O4, unit: percent, direction: increase}
        """
        let result = LogicModelDecoder.decode(Data(yaml.utf8), file: "m.yaml")
        #expect(result.errors.map(\.message).contains { $0.hasSuffix("did you mean O3?") }, "\(result.errors)")
    }
}
