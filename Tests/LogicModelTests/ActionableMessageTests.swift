import Foundation
import Testing
@testable import LogicModel

/// Mistakes a new user makes in a logic model, each with a message that says what to
/// type instead (issue "Small defects found by a new user"), and the warnings and
/// Swedish breakdown names that go with them.
@Suite struct ActionableMessageTests {
    /// A small valid model; `indicator` is spliced in under `indicators:`.
    static func model(indicator: String) -> Data {
        Data("""
        schema: piloteval/logic-model/v1
        id: x
        name: X
        goals:
          - {id: G1, title: Mål}
        outcomes:
          - {id: O1, title: Effekt, contributes_to: [G1]}
        activities:
          - {id: A1, title: Aktivitet, leads_to: [O1]}
        indicators:
        \(indicator)
        """.utf8)
    }

    static func decode(indicator: String) -> LogicModelDecoder.Result {
        LogicModelDecoder.decode(model(indicator: indicator), file: "m.yaml")
    }

    @Test func unquotedComparisonInABlockSaysToQuoteIt() throws {
        let result = Self.decode(indicator: """
          - id: I1
            title: Andel
            measures: O1
            unit: percent
            direction: increase
            targets:
              - period: "2022"
                rule: >= 80
        """)
        let error = try #require(result.errors.first)
        #expect(error.message.contains("`rule: >= 80` needs quotes: write rule: \">= 80\""), "\(error)")
        #expect(error.location.line == 18 && error.location.column == 15, "\(error)")
    }

    @Test func unquotedComparisonInAFlowMappingSaysToQuoteIt() throws {
        let result = Self.decode(indicator: """
          - id: I1
            title: Andel
            measures: O1
            unit: percent
            direction: increase
            targets: [{period: "2022", rule: > 80}]
        """)
        let error = try #require(result.errors.first)
        #expect(error.message.contains("`rule: > 80` needs quotes: write rule: \"> 80\""), "\(error)")
        #expect(error.location.line == 16, "\(error)")
    }

    @Test func curlyQuotesInARuleAreNamed() throws {
        let result = Self.decode(indicator: """
          - id: I1
            title: Andel
            measures: O1
            unit: percent
            direction: increase
            targets: [{period: "2022", rule: “>= 80”}]
        """)
        #expect(result.errors.count == 1, "\(result.errors)")
        let error = try #require(result.errors.first)
        #expect(error.message.contains("`rule` \"“>= 80”\": it is written with curly quotes (“ ”)"), "\(error)")
        #expect(error.message.contains("type straight quotes"))
        #expect(error.id == "I1")
    }

    @Test func curlyQuotesInAnIdAndAReferenceAreNamedOnce() throws {
        let result = LogicModelDecoder.decode(Data("""
        schema: piloteval/logic-model/v1
        id: x
        name: X
        goals:
          - {id: ‘G1’, title: Mål}
        outcomes:
          - {id: O1, title: Effekt, contributes_to: [“G1”]}
        """.utf8), file: "m.yaml")
        let messages = result.errors.map(\.description)
        #expect(messages.count == 2, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("m.yaml:5:") && $0.contains("`id` \"‘G1’\": it is written with curly quotes (‘ ’)") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("m.yaml:7:") && $0.contains("[O1] `contributes_to` \"“G1”\": it is written with curly quotes (“ ”)") }, "\(messages)")
        // Without the quotes the ids match, so nothing else is reported.
        #expect(!messages.contains { $0.contains("not defined") })
    }

    @Test func curlyQuotesInAPeriodAreNamed() throws {
        let result = Self.decode(indicator: """
          - id: I1
            title: Andel
            measures: O1
            unit: percent
            direction: increase
            targets: [{period: “2022”, rule: ">= 80"}]
        """)
        let error = try #require(result.errors.first)
        #expect(error.message.contains("is not a period; it is written with curly quotes (“ ”)"), "\(error)")
    }

    @Test func decimalCommaInAOneLineMappingSaysWhatToWrite() throws {
        let result = Self.decode(indicator: """
          - id: I1
            title: Andel
            measures: O1
            unit: percent
            direction: increase
            baseline: {period: "2022", value: 54,5}
            targets: [{period: "2023", rule: ">= 60"}]
        """)
        let error = try #require(result.errors.first)
        #expect(!error.message.contains("unknown key"), "\(error)")
        #expect(error.message.contains("`value: 54,5` has a decimal comma"), "\(error)")
        #expect(error.message.contains("write value: 54.5, or put the entry on a line of its own (value: 54,5)"), "\(error)")
    }

    @Test func theSameDecimalCommaOnItsOwnLineIsRead() throws {
        let result = Self.decode(indicator: """
          - id: I1
            title: Andel
            measures: O1
            unit: percent
            direction: increase
            baseline:
              period: "2022"
              value: 54,5
            targets: [{period: "2023", rule: ">= 60"}]
        """)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.model?.indicators.first?.baseline?.value == 54.5)
    }

    @Test func anIndicatorWithoutTargetsIsAWarning() throws {
        let result = Self.decode(indicator: """
          - {id: I1, title: Andel, measures: O1, unit: percent, direction: increase}
          - {id: I2, title: Antal, measures: O1, unit: count, direction: none, targets: [{period: "2022", rule: qualitative}]}
        """)
        #expect(result.isValid)
        #expect(result.warnings.map(\.description) == [
            "m.yaml:11:10: warning: [I1] indicator has no target; add `targets:` with a period and a rule "
            + "(e.g. {period: \"2022\", rule: \">= 80\"}, or rule: qualitative with a note); "
            + "without one its status is not_assessed and it counts for no goal",
        ])
    }

    @Test func swedishGenderBreakdownsAreReadAsTheStandardValues() throws {
        let result = Self.decode(indicator: """
          - id: I1
            title: Andel
            measures: O1
            unit: percent
            direction: increase
            targets: [{period: "2022", rule: ">= 80"}]
            breakdowns: {gender: [flickor, Pojkar, kvinnor, män, annat]}
        """)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.model?.indicators.first?.breakdowns["gender"] == ["girls", "boys", "women", "men", "other"])
        let repeated = Self.decode(indicator: """
          - {id: I1, title: Andel, measures: O1, unit: percent, direction: increase, breakdowns: {gender: [girls, flickor]}}
        """)
        #expect(repeated.errors.contains { $0.message.contains("repeats a value") })
        let unknown = Self.decode(indicator: """
          - {id: I1, title: Andel, measures: O1, unit: percent, direction: increase, breakdowns: {gender: [tjejer]}}
        """)
        #expect(unknown.errors.contains { $0.message.contains("\"tjejer\" is not one of girls, boys, women, men, other (or in Swedish: flickor, pojkar, kvinnor, män, annat)") })
    }
}
