import Foundation
import Periods
import Store
import Testing

/// Identity numbers inside text and in every spelling (DESIGN §9, docs/privacy.md).
/// The numbers are Skatteverket's published examples or were checked by hand with the
/// Luhn rule (weights 2,1,2,… over YYMMDDNNN, digit sums, check = (10 − sum mod 10) mod 10):
/// 130730-9813 (`luhnDigitsOfTheExamples`), 120514-4825, 131212-9149, 811218-9876,
/// samordningsnummer 701063-2391.
@Suite("Identity numbers in text")
struct IdentityNumberScannerTests {
    let ref = CalendarDate(year: 2024, month: 6, day: 1)!
    typealias Scanner = IdentityNumberScanner

    @Test func luhnDigitsOfTheExamples() {
        // Hand calculation for 130730981: 1·2=2, 3, 0·2=0, 7, 3·2=6, 0, 9·2=18→9, 8, 1·2=2
        // → 37 → check 3.
        #expect(IdentityNumber.luhnCheckDigit([1, 3, 0, 7, 3, 0, 9, 8, 1]) == 3)
        for ten in ["1205144825", "1312129149", "8112189876", "7010632391"] {
            #expect(IdentityNumber.luhnValid(ten.map { UInt8($0.wholeNumberValue!) }), "\(ten)")
        }
    }

    /// Every spelling a whole cell may have, and the 12 digits it normalises to.
    static let cellSpellings: [(String, String)] = [
        ("19130730-9813", "191307309813"),
        ("191307309813", "191307309813"),
        ("130730-9813", "201307309813"),   // 2013-07-30 is before the reference: 2013
        ("1307309813", "201307309813"),
        ("130730+9813", "191307309813"),   // + : a hundred or older
        ("130730 9813", "201307309813"),
        ("130730\u{2013}9813", "201307309813"),       // en dash
        ("130730\u{2014}9813", "201307309813"),       // em dash
        ("130730\u{2212}9813", "201307309813"),       // minus sign
        ("130730\u{2011}9813", "201307309813"),       // non-breaking hyphen
        ("130730\u{00A0}9813", "201307309813"),       // no-break space
        ("130730\u{2009}9813", "201307309813"),       // thin space
        ("130730 - 9813", "201307309813"),
        ("  19130730-9813  ", "191307309813"),
        ("\u{00A0}19130730-9813\u{00A0}", "191307309813"),
        ("=\"19130730-9813\"", "191307309813"),        // Excel's text formula
        ("'191307309813", "191307309813"),              // Excel's leading apostrophe
        ("\t811218-9876", "198112189876"),
        ("701063-2391", "197010632391"),                // samordningsnummer, day + 60
    ]

    @Test func everySpellingOfAWholeCell() throws {
        for (form, normalized) in Self.cellSpellings {
            let n = try #require(Scanner.cellNumber(form, reference: ref), "\(form)")
            #expect(n.normalized == normalized, "\(form)")
            #expect(IdentityNumber(form, reference: ref) == n, "\(form)")
            #expect(IdentityNumber.mightBe(form), "\(form)")
            #expect(Scanner.masking(form).contains(Scanner.mask), "\(form)")
            #expect(!Scanner.masking(form).contains("9813") && !Scanner.masking(form).contains("9876")
                    && !Scanner.masking(form).contains("2391"), "\(form)")
        }
    }

    @Test func numbersJoinedToOtherText() throws {
        let cases: [(String, String)] = [
            ("BU-120514-4825", "BU-[personnummer]"),
            ("2021-03-05-120514-4825", "2021-03-05-[personnummer]"),
            ("syskon 131212-9149", "syskon [personnummer]"),
            ("syskon 131212-9149 och 120514-4825.", "syskon [personnummer] och [personnummer]."),
            ("120514-4825,131212-9149", "[personnummer],[personnummer]"),
            ("1205144825,1312129149", "[personnummer],[personnummer]"),
            ("ärende BU1205144825", "ärende BU[personnummer]"),
            ("(=\"19130730-9813\")", "(=\"[personnummer]\")"),
        ]
        for (text, masked) in cases {
            #expect(Scanner.masking(text) == masked, "\(text)")
            #expect(Scanner.containsNumber(text), "\(text)")
        }
        let found = Scanner.matches(in: "BU-120514-4825", reference: ref)
        #expect(found.count == 1)
        #expect(found.first?.range == 3..<14)
        #expect(found.first?.number?.normalized == "201205144825")
    }

    @Test func aWrongCheckDigitStillIdentifies() {
        // 120514-4826: date-shaped, check digit wrong: most likely a typo of a number.
        let found = Scanner.matches(in: "barnet 120514-4826", reference: ref)
        #expect(found.count == 1)
        #expect(found.first?.number == nil)
        #expect(Scanner.masking("barnet 120514-4826") == "barnet [personnummer]")
        // Not a valid number, so not one for a pseudonym.
        #expect(Scanner.cellNumber("120514-4826", reference: ref) == nil)
        let typo = Array("120514-4826".utf8).withUnsafeBufferPointer { Scanner.cellMatch($0, reference: ref) }
        #expect(typo != nil && typo?.number == nil)
    }

    @Test func numberLikeValuesThatAreNotIdentityNumbersSurvive() {
        let kept = [
            "0,1205144825",            // the fractional part of a decimal
            "3.1312129149",
            "12051448251",             // 11 digits
            "1205144825123",           // 13 digits: a longer run
            "4000000001234567",        // a long id
            "1234567890",              // month 34
            "2021-03-05",              // a date
            "2021-T1",
            "1 234 567,89",
            "121299-1234",             // month 12, day 99
            "23456789",
            "99999999-9999",           // century 99
            "20210230-1234",           // 12 digits, 30 February does not exist
            "R-0017",
            "",
        ]
        for text in kept {
            #expect(Scanner.masking(text) == text, "\(text)")
            #expect(!Scanner.containsNumber(text), "\(text)")
            #expect(Scanner.cellNumber(text, reference: ref) == nil, "\(text)")
        }
    }

    @Test func aCellHoldsOneNumberAndNothingElse() {
        #expect(Scanner.cellNumber("BU-120514-4825", reference: ref) == nil)
        #expect(Scanner.cellNumber("120514-4825 131212-9149", reference: ref) == nil)
        #expect(Scanner.cellNumber("120514-4825x", reference: ref) == nil)
        #expect(Scanner.cellNumber("'120514-4825", reference: ref) != nil)
        #expect(Scanner.cellNumber("=\"120514-4825\"", reference: ref) != nil)
    }

    @Test func quotingMasksAndEscapes() {
        #expect(Scanner.quoted("syskon 131212-9149") == "\"syskon [personnummer]\"")
        #expect(Scanner.quoted("a\u{1B}[31mred") == "\"a\\u{1B}[31mred\"")
        #expect(Scanner.quoted("rad\nny") == "\"rad\\nny\"")
        #expect(Scanner.quoted(String(repeating: "x", count: 100), limit: 5) == "\"xxxxx…\"")
    }

    /// Generated: every date-shaped 10-digit number with a valid check digit, in every
    /// separator and wrapper, is found inside text and never survives masking.
    @Test func generatedNumbersInEverySpelling() throws {
        var generator = SystemRandomNumberGenerator()
        let separators = ["", "-", "+", " ", "\u{2013}", "\u{00A0}", "\u{2009}", " \u{2013} "]
        let wrappers: [(String, String)] = [("", ""), ("=\"", "\""), ("'", ""), ("BU-", ""), ("syskon ", " här"),
                                            ("2021-03-05-", ""), ("(", ")")]
        for _ in 0..<300 {
            let y = Int.random(in: 0...99, using: &generator), m = Int.random(in: 1...12, using: &generator)
            var d = Int.random(in: 1...28, using: &generator)
            if Bool.random(using: &generator) { d += 60 }
            let nnn = Int.random(in: 0...999, using: &generator)
            let nine = String(format: "%02d%02d%02d%03d", y, m, d, nnn).map { UInt8($0.wholeNumberValue!) }
            let ten = nine.map(String.init).joined() + String(IdentityNumber.luhnCheckDigit(nine))
            let century = Bool.random(using: &generator) ? "20" : "19"
            for sep in separators {
                for (pre, post) in wrappers {
                    let long = Bool.random(using: &generator)
                    let body = (long ? century : "") + ten.prefix(6) + sep + ten.suffix(4)
                    let text = pre + body + post
                    let masked = Scanner.masking(text)
                    #expect(masked == pre + Scanner.mask + post, "\(text)")
                }
            }
        }
    }

    /// The quick "could hold a number" (ten digits or more) counts sixteen bytes at a time
    /// where it can: it agrees with a plain count on every length and mix.
    @Test func theQuickDigitCountAgreesWithAPlainCount() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789abc -åä,.".utf8)
        for length in 0...70 {
            for _ in 0..<40 {
                let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
                let plain = bytes.filter { $0 >= 0x30 && $0 <= 0x39 }.count >= 10
                #expect(bytes.withUnsafeBufferPointer { IdentityNumber.mightBe(utf8: $0) } == plain, "\(bytes)")
            }
        }
    }
}
