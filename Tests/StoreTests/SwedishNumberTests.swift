import Store
import Testing

@Suite("Swedish numbers")
struct SwedishNumberTests {
    @Test(arguments: [
        ("1,5", 1.5), ("1.5", 1.5), ("-1,5", -1.5), ("\u{2212}2,25", -2.25), ("+3", 3),
        ("1 234,5", 1234.5), ("1\u{00A0}234,5", 1234.5), ("1\u{202F}234\u{202F}567", 1_234_567),
        ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("1.234.567", 1_234_567), ("1,234,567", 1_234_567),
        ("12,5 %", 12.5), ("12,5%", 12.5), ("-0,5 %", -0.5), ("  42  ", 42), (",5", 0.5),
        ("1,234", 1.234), ("1.234", 1.234), ("0", 0), ("1,5e3", 1500), ("2E-2", 0.02),
        ("1 234 567,891", 1_234_567.891),
    ])
    func parses(_ text: String, _ expected: Double) {
        #expect(SwedishNumber.parse(text) == .value(expected))
    }

    @Test(arguments: ["", "   ", "\u{00A0}"])
    func blankIsEmpty(_ text: String) {
        #expect(SwedishNumber.parse(text) == .empty)
        #expect(SwedishNumber.value(text) == nil)
    }

    @Test(arguments: [
        "abc", "-", "..", "1,2,3.4.5", "1 23,4", "12 st", "1.234,5,6", "1,5.3,2", "5,", "1e", "n/a",
        "1 234.567,8", "1,23.4", "inf", "NaN", "1e999",
    ])
    func invalidHasAReason(_ text: String) {
        let result = SwedishNumber.parse(text)
        #expect(result.value == nil)
        #expect(result.reason != nil, "\(text) should be invalid with a reason")
    }
}
