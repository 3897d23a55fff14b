import Foundation
import Testing
@testable import LogicModel

/// A model saved with Windows line endings (Notepad, a browser's text area posts CRLF)
/// reads as the same model, and its mistakes are located on the same lines.
@Suite struct LineEndingTests {
    static let lf = """
        schema: piloteval/logic-model/v1
        id: liten
        name: Liten modell
        goals:
          - id: G1
            title: Ett mål
        indicators:
          - id: I1
            title: Ett mått
            measures: G1
            unit: percent
            direction: increase
            targets:
              - {period: "2022", rule: >= 80}
        """

    @Test func aCRLFTextIsLocatedOnTheSameLines() {
        for text in [Self.lf, Self.lf.replacingOccurrences(of: "\n", with: "\r\n")] {
            let result = LogicModelDecoder.decode(Data(text.utf8), file: "m.yaml", instrument: nil)
            #expect(result.errors.map(\.location.line) == [14], "\(result.errors.map(\.description))")
            #expect(result.errors.first?.message.contains("needs quotes") == true)
        }
    }

    @Test func aCRLFTextReadsAsTheSameModel() throws {
        let fixed = Self.lf.replacingOccurrences(of: "rule: >= 80", with: "rule: \">= 80\"")
        let lf = LogicModelDecoder.decode(Data(fixed.utf8), file: "m.yaml", instrument: nil)
        let crlf = LogicModelDecoder.decode(Data(fixed.replacingOccurrences(of: "\n", with: "\r\n").utf8), file: "m.yaml", instrument: nil)
        #expect(lf.errors.isEmpty && crlf.errors.isEmpty)
        #expect(try #require(lf.model) == (try #require(crlf.model)))
    }
}
