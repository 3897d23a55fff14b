import Foundation
import Testing
@testable import LogicModel

/// The PDSA format (docs/pdsa.md): a complete cycle reads back field by field, and each
/// mistake is reported at its line and column (counted by hand in the texts below).
@Suite struct PDSADecoderTests {
    static let complete = """
        schema: piloteval/pdsa/v1
        id: tidsplan-2
        title: Tidsplan vid första samtalet
        model: vallingbyteamet
        activity: A6
        ramp: tidsplanerade-utredningar
        previous: tidsplan-1
        measure: tidsplanerade-utredningar
        change_idea: Tidslinje på papper i första samtalet.
        plan:
          question: Fungerar det?
          prediction: 70 % får en tidsplan inom 14 dagar.
        do:
          start: 2021-03-08
          end: 2021-04-09
        study:
          observations: 11 av 16 i mars.
        act:
          decision: adapt
          next: Följ upp på ärendedragningen.
        illustrative: true
        """

    func decode(_ text: String) -> PDSADecoder.Result {
        PDSADecoder.decode(Data(text.utf8), file: "c.yaml")
    }

    @Test func completeCycleReadsBack() throws {
        let r = decode(Self.complete)
        #expect(r.isValid, "\(r.diagnostics)")
        let c = try #require(r.cycle)
        #expect(c.id == "tidsplan-2" && c.activity == "A6" && c.model == "vallingbyteamet")
        #expect(c.prediction == "70 % får en tidsplan inom 14 dagar." && c.question == "Fungerar det?")
        #expect(c.start.iso == "2021-03-08" && c.end?.iso == "2021-04-09")
        #expect(c.decision == .adapt && c.previous == "tidsplan-1" && c.measure == "tidsplanerade-utredningar")
        #expect(c.observations == "11 av 16 i mars." && c.illustrative && c.status == "decided")
    }

    @Test func runningCycleNeedsNoStudyOrAct() throws {
        let text = Self.complete.components(separatedBy: "\n").filter {
            !["  end: 2021-04-09", "study:", "  observations: 11 av 16 i mars.", "act:", "  decision: adapt",
              "  next: Följ upp på ärendedragningen."].contains($0)
        }.joined(separator: "\n")
        let r = decode(text)
        #expect(r.isValid, "\(r.diagnostics)")
        #expect(r.cycle?.status == "running")
    }

    struct Mistake: Sendable, CustomTestStringConvertible {
        var replace: String
        var with: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { message }
    }

    static let mistakes: [Mistake] = [
        Mistake(replace: "schema: piloteval/pdsa/v1", with: "schema: piloteval/pdsa/v9", line: 1, column: 9, message: "unknown schema"),
        Mistake(replace: "  decision: adapt", with: "  decision: adjust", line: 19, column: 13, message: "must be one of: adopt, adapt, abandon"),
        Mistake(replace: "  end: 2021-04-09", with: "  end: 2021-02-30", line: 15, column: 8, message: "is not a date"),
        Mistake(replace: "  end: 2021-04-09", with: "  end: 2021-03-01", line: 15, column: 8, message: "is before `start`"),
        Mistake(replace: "change_idea:", with: "change_ide:", line: 9, column: 1, message: "did you mean `change_idea`"),
        Mistake(replace: "previous: tidsplan-1", with: "previous: tidsplan-2", line: 7, column: 11, message: "names the cycle itself"),
        Mistake(replace: "id: tidsplan-2", with: "id: Tidsplan 2", line: 2, column: 5, message: "lowercase letters"),
        Mistake(replace: "  prediction: 70 % får en tidsplan inom 14 dagar.", with: "  prediction:", line: 12, column: 14, message: "`prediction` is empty"),
    ]

    @Test(arguments: mistakes) func mistakesAreLocated(_ m: Mistake) throws {
        #expect(Self.complete.contains(m.replace))
        let r = decode(Self.complete.replacingOccurrences(of: m.replace, with: m.with))
        #expect(!r.isValid)
        let hit = r.errors.first { $0.message.contains(m.message) }
        let d = try #require(hit, "no error containing \"\(m.message)\" in \(r.diagnostics)")
        #expect(d.location.line == m.line && d.location.column == m.column, "\(d)")
    }

    @Test func missingSectionsAreNamed() {
        let r = decode("schema: piloteval/pdsa/v1\nid: x\ntitle: T\nactivity: A1\nchange_idea: C\n")
        #expect(r.errors.contains { $0.message.contains("missing `plan:`") })
        #expect(r.errors.contains { $0.message.contains("missing `do:`") })
    }

    @Test func shippedCyclesAreValid() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Models/pdsa")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.count >= 8)
        for f in files {
            let r = PDSADecoder.read(path: dir.appendingPathComponent(f).path)
            #expect(r.isValid, "\(f): \(r.diagnostics)")
            #expect(r.cycle?.illustrative == true, "\(f) should be marked illustrative")
        }
    }
}
