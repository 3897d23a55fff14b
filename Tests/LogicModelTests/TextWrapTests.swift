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

    /// Swedish compounds are long: a word longer than a line is never cut where a chart
    /// label or a diagram box asks for that ("Kommunikationspl-an" was the diagram's);
    /// it stands on a line of its own for the caller to widen or set smaller.
    @Test func aLongCompoundIsNotCutWhenBreakingIsOff() {
        #expect(TextWrap.lines("Kommunikationsplan och informationsträffar", width: 17, breakingLongWords: false)
                == ["Kommunikationsplan", "och", "informationsträffar"])
        #expect(TextWrap.lines("Enkät om medarbetarnas förändringsbenägenhet", width: 14, breakingLongWords: false)
                == ["Enkät om", "medarbetarnas", "förändringsbenägenhet"])
        // The terminal's narrow columns still cut (with a hyphen) where they must.
        #expect(TextWrap.lines("förändringsbenägenhet", width: 10) == ["förändrin-", "gsbenägen-", "het"])
    }

    /// A line may break after a hyphen or slash between letters, the mark kept at the end
    /// of the line; not inside a date or a number, nor at a hyphen that ends a word.
    @Test func linesBreakAfterAHyphenOrSlashInsideAWord() {
        #expect(TextWrap.lines("Stödmaterial för insatsen Familjebehandling/Barn- och föräldrastöd", width: 17, breakingLongWords: false)
                == ["Stödmaterial för", "insatsen", "Familjebehandling/", "Barn- och", "föräldrastöd"])
        #expect(TextWrap.lines("A5 · Walk-and-talk med skolan", width: 14, breakingLongWords: false) == ["A5 · Walk-and-", "talk med", "skolan"])
        #expect(TextWrap.lines("mätning 2021-03 till 2023-03", width: 12) == ["mätning", "2021-03 till", "2023-03"])
        #expect(TextWrap.lines("2021-03", width: 6, breakingLongWords: false) == ["2021-03"])
        // A hyphenated word that fits a line of its own is not cut when it need not be.
        #expect(TextWrap.lines("IFO-chefer", width: 12) == ["IFO-chefer"])
        // In the terminal's narrow columns the hyphen is where a long word breaks first.
        #expect(TextWrap.lines("barn-och-ungdomsenheten", width: 12) == ["barn-och-", "ungdomsenhe-", "ten"])
    }
}
