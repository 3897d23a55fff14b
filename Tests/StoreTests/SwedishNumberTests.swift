import Periods
import Store
import Testing

@Suite("Swedish numbers")
struct SwedishNumberTests {
    @Test(arguments: [
        ("1,5", 1.5), ("1.5", 1.5), ("-1,5", -1.5), ("\u{2212}2,25", -2.25), ("+3", 3),
        ("1 234,5", 1234.5), ("1\u{00A0}234,5", 1234.5), ("1\u{202F}234\u{202F}567", 1_234_567),
        ("1.234.567", 1_234_567), ("1,234,567", 1_234_567),
        ("12,5 %", 12.5), ("12,5%", 12.5), ("-0,5 %", -0.5), ("  42  ", 42), (",5", 0.5),
        ("1,234", 1.234), ("1.234", 1.234), ("0", 0), ("1,5e3", 1500), ("2E-2", 0.02),
        ("1 234 567,891", 1_234_567.891),
        // Longer than the fast path's 15 digits; 20 and more overflowed its mantissa
        // and trapped (found by Tests/fuzz/run.sh: a 35-digit survey answer).
        ("50000000000000000000000000000000000", 5e34), ("1234567890123456", 1_234_567_890_123_456),
        ("-18446744073709551616", -18_446_744_073_709_551_616), ("0,00000000000000000001", 1e-20),
    ])
    func parses(_ text: String, _ expected: Double) {
        #expect(SwedishNumber.parse(text) == .value(expected))
        #expect(viaBytes(text) == .value(expected))
    }

    /// The case importer's entry point, on the field's UTF-8 in place.
    func viaBytes(_ text: String) -> ParseResult<Double> {
        Array(text.utf8).withUnsafeBufferPointer { SwedishNumber.parse(utf8: $0) }
    }

    @Test(arguments: ["", "   ", "\u{00A0}"])
    func blankIsEmpty(_ text: String) {
        #expect(SwedishNumber.parse(text) == .empty)
        #expect(viaBytes(text) == .empty)
        #expect(SwedishNumber.value(text) == nil)
    }

    @Test(arguments: [
        "abc", "-", "..", "1,2,3.4.5", "1 23,4", "12 st", "1.234,5,6", "1,5.3,2", "5,", "1e", "n/a",
        "1 234.567,8", "1,23.4", "inf", "NaN", "1e999",
        // Both a point and a comma: 1.2345 mistyped or 1234.5? Refused (issue 11).
        "1.234,5", "1,234.5", "12,34,5",
    ])
    func invalidHasAReason(_ text: String) {
        let result = SwedishNumber.parse(text)
        #expect(viaBytes(text) == result)
        #expect(result.value == nil)
        #expect(result.reason != nil, "\(text) should be invalid with a reason")
    }
}

@Suite("Swedish numbers, fast path")
struct SwedishNumberFastPathTests {
    /// The byte-level fast path must agree exactly with Double's own parser, which
    /// rounds correctly; the decimal strings here cover every fraction length it takes.
    @Test func agreesWithDoubleParsing() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let digits = String(state % 1_000_000_000_000_000)
            let cut = Int(state >> 60) % max(1, digits.count)
            let text = cut == 0 ? digits : digits.prefix(cut) + "," + digits.dropFirst(cut)
            let expected = Double(text.replacingOccurrences(of: ",", with: "."))!
            #expect(SwedishNumber.parse(text) == .value(expected), "\(text)")
            #expect(SwedishNumber.parse("-" + text) == .value(-expected), "-\(text)")
        }
    }
}
