import Foundation
import Testing
@testable import LogicModel

/// Every validation rule of DESIGN §3.1 has a fixture that must fail at the right
/// place. Locations were read off the fixture files by hand (1-based line and
/// column of the offending token).
@Suite struct ValidationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var line: Int
        var column: Int
        var id: String?
        var message: String
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "unknown-schema.yaml", line: 1, column: 9, id: nil, message: "unknown schema"),
        Case(file: "duplicate-id.yaml", line: 7, column: 10, id: "G1", message: "duplicate id"),
        Case(file: "missing-reference.yaml", line: 9, column: 26, id: "O1", message: "refers to G9, which is not defined"),
        Case(file: "cycle.yaml", line: 7, column: 10, id: "O1", message: "cycle: O1 → O2 → O3 → O1"),
        Case(file: "measures-nothing.yaml", line: 7, column: 5, id: "I1", message: "measures nothing"),
        Case(file: "bad-rule.yaml", line: 13, column: 32, id: "I1", message: "cannot read target rule \"at least 80\""),
        Case(file: "bad-period.yaml", line: 13, column: 18, id: "I1", message: "\"2021-T4\" is not a period"),
        Case(file: "bad-unit.yaml", line: 10, column: 11, id: "I1", message: "`unit` is \"procent\""),
        Case(file: "bad-direction.yaml", line: 11, column: 16, id: "I1", message: "`direction` is \"up\""),
        Case(file: "bad-counts.yaml", line: 12, column: 13, id: "I1", message: "`counts` is \"händelser\"; it must be one of: persons, events"),
        Case(file: "unknown-key.yaml", line: 9, column: 5, id: nil, message: "unknown key `contributes-to` in an outcome; did you mean `contributes_to`?"),
        Case(file: "wrong-kind.yaml", line: 7, column: 40, id: "R1", message: "which is a goal; it must be activity"),
        Case(file: "not-yaml.yaml", line: 3, column: 5, id: nil, message: "not valid YAML"),
        Case(file: "alias-in-list.yaml", line: 5, column: 5, id: nil, message: "anchors and aliases"),
        Case(file: "alias-bomb.yaml", line: 5, column: 5, id: nil, message: "anchors and aliases"),
        Case(file: "top-level-list.yaml", line: 1, column: 1, id: nil, message: "a logic model file is a mapping"),
        Case(file: "empty.yaml", line: 1, column: 1, id: nil, message: "file is empty"),
    ]

    @Test(arguments: cases)
    func invalidFixtureFailsAtTheRightPlace(_ c: Case) throws {
        let result = Fixtures.read("invalid/" + c.file)
        #expect(!result.isValid)
        let match = result.errors.first { $0.message.contains(c.message) }
        let found = try #require(match, "no error containing \"\(c.message)\"; got: \(result.errors.map(\.description))")
        #expect(found.location.file == c.file)
        #expect(found.location.line == c.line, "\(found)")
        #expect(found.location.column == c.column, "\(found)")
        #expect(found.id == c.id, "\(found)")
        // The printed form is file:line:column: error: [id] message.
        #expect(found.description.hasPrefix("\(c.file):\(c.line):\(c.column): error: "))
    }

    @Test func completeExampleHasNoErrorsOrWarnings() {
        let result = Fixtures.read("valid/complete.yaml")
        #expect(result.isValid)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func weakSpotsAreWarningsNotErrors() throws {
        let result = Fixtures.read("warnings.yaml")
        #expect(result.isValid)
        let messages = result.warnings.map { "\($0.id ?? ""): \($0.message)" }
        #expect(messages.contains { $0.hasPrefix("O1: outcome has no indicator") })
        #expect(messages.contains { $0.hasPrefix("A1: activity leads nowhere") })
        #expect(messages.contains { $0.hasPrefix("G1: no outcome contributes") })
        #expect(result.warnings.count == 3)
    }
}

/// Hostile or broken input exits with a message, never a crash or a hang.
@Suite struct RobustnessTests {
    @Test func tenMegabyteFileIsRefused() {
        var text = "schema: piloteval/logic-model/v1\nid: x\nname: X\ndescription: |\n"
        let line = "  " + String(repeating: "x", count: 98) + "\n"
        text += String(repeating: line, count: 10 * 1024 * 1024 / line.utf8.count + 1)
        #expect(text.utf8.count > 10_000_000)
        let result = LogicModelDecoder.decode(Data(text.utf8), file: "big.yaml")
        #expect(result.model == nil)
        #expect(result.errors.first?.message.contains("MiB") == true)
    }

    @Test func windows1252IsRefusedWithItsPlace() {
        // "name: Vällingby" with ä as the single Windows-1252 byte 0xE4.
        var bytes = Array("schema: piloteval/logic-model/v1\nid: x\nname: V".utf8)
        bytes.append(0xE4)
        bytes += Array("llingby\n".utf8)
        let result = LogicModelDecoder.decode(Data(bytes), file: "latin.yaml")
        let error = result.errors.first
        #expect(error?.location.line == 3)
        #expect(error?.location.column == 8)
        #expect(error?.message.contains("not UTF-8 (byte 0xE4)") == true)
    }

    @Test func deepFlowNestingIsRefused() {
        let text = "schema: piloteval/logic-model/v1\nid: x\nname: X\ngoals: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let result = LogicModelDecoder.decode(Data(text.utf8), file: "deep.yaml")
        #expect(result.errors.first?.message.contains("nesting is deeper") == true)
        #expect(result.errors.first?.location.line == 4)
    }

    @Test func deepBlockNestingIsRefused() {
        var text = "schema: piloteval/logic-model/v1\nid: x\nname: X\ngoals:\n"
        for depth in 1...400 { text += String(repeating: " ", count: depth) + "- \n" }
        let result = LogicModelDecoder.decode(Data(text.utf8), file: "deep.yaml")
        #expect(result.errors.first?.message.contains("nesting is deeper") == true)
    }

    @Test func byteOrderMarkIsAccepted() throws {
        let url = Fixtures.url("valid/complete.yaml")
        let data = Data([0xEF, 0xBB, 0xBF]) + (try Data(contentsOf: url))
        let result = LogicModelDecoder.decode(data, file: "bom.yaml")
        #expect(result.isValid)
    }

    @Test func binaryGarbageIsRefused() {
        let bytes = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 13) }
        let result = LogicModelDecoder.decode(Data(bytes), file: "garbage.yaml")
        #expect(result.model == nil)
        #expect(!result.errors.isEmpty)
    }

    @Test func missingFileSaysSo() {
        let result = LogicModelDecoder.read(path: "/nonexistent/model.yaml")
        #expect(result.errors.first?.message.contains("cannot read the file") == true)
    }
}

/// The anchor scan must not mistake ordinary text for anchors or aliases.
@Suite struct AnchorScanTests {
    @Test func ampersandsAndStarsInTextAreFine() {
        let text = """
        schema: piloteval/logic-model/v1
        id: x
        name: "Barn & unga * stjärna"
        description: |
          * en punkt i en lista
          & ett tecken
        owner: Barn & unga
        goals:
          - {id: G1, title: "&inte ett ankare"}
          - {id: G2, title: 'Mål *två*'}
        """
        let result = LogicModelDecoder.decode(Data(text.utf8), file: "text.yaml")
        #expect(result.errors.isEmpty, "\(result.errors)")
    }
}
