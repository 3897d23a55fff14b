import Testing
@testable import LogicModel

/// The one word-wrapper (`TextWrap`): a line never ends or begins with a comparison, an
/// equals sign or a range dash, so a figure stays with what it qualifies.
@Suite struct TextWrapTests {
    @Test func figuresStayWithTheirSymbol() {
        // Width 20: a plain break would leave "p <" at the end of the first line.
        #expect(TextWrap.lines("one-way F = 40.00, p < 0.001", width: 20) == ["one-way F = 40.00,", "p < 0.001"])
        #expect(TextWrap.lines("mean 4.50 (n = 6)", width: 12) == ["mean 4.50", "(n = 6)"])
        #expect(TextWrap.lines("CI 80.0% – 89.7% here", width: 15) == ["CI", "80.0% – 89.7%", "here"])
    }

    @Test func aUnitTooLongForALineBreaksAsWords() {
        #expect(TextWrap.lines("aaaa = bbbb", width: 6) == ["aaaa =", "bbbb"])
        #expect(TextWrap.lines("plain words wrap as before", width: 11) == ["plain words", "wrap as", "before"])
    }
}
