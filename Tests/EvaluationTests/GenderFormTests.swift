import Evaluation
import Periods
import Testing

@Suite("Gender forms")
struct GenderFormTests {
    /// The forms of DESIGN §3.3, any letter case and surrounding space, and what is not
    /// one; the byte-level entry point the case importer uses gives the same answers.
    @Test func formsAreReadTheSameFromStringsAndBytes() {
        let expected: [(String, ParseResult<CaseRecord.Gender>?)] = [
            ("girl", .value(.girl)), ("boy", .value(.boy)), ("other", .value(.other)),
            ("flicka", .value(.girl)), ("Pojke", .value(.boy)), ("ANNAT", .value(.other)),
            ("F", .value(.girl)), ("m", .value(.boy)), ("x", .value(.other)), (" Girl ", .value(.girl)),
            ("", .empty), ("  ", .empty), ("kvinna", nil), ("g", nil), ("boys", nil), ("pojk", nil),
        ]
        for (text, result) in expected {
            let viaString = GenderForm.parse(text)
            let viaBytes = Array(text.utf8).withUnsafeBufferPointer { GenderForm.parse(utf8: $0) }
            #expect(viaBytes == viaString, "\(text)")
            if let result { #expect(viaString == result, "\(text)") } else { #expect(viaString.value == nil && viaString.reason != nil, "\(text)") }
        }
        // A mapping's own forms; the common ones still work beside them.
        let extra: [String: CaseRecord.Gender] = ["kvinna": .girl, "man": .boy]
        for (text, gender) in [("Kvinna", CaseRecord.Gender.girl), ("man", .boy), ("flicka", .girl)] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { GenderForm.parse(utf8: $0, extra: extra) } == .value(gender))
        }
    }
}
