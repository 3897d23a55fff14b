import Foundation
import Periods
import Store
import Testing

/// Identity numbers (DESIGN §3.3). Valid numbers below are Skatteverket's published
/// examples (811218-9876; samordningsnummer 701063-2391) or numbers whose check digit
/// was computed by hand with the Luhn rule: weights 2,1,2,… over YYMMDDNNN, digit sums,
/// check = (10 − sum mod 10) mod 10.
@Suite("Identity numbers")
struct IdentityNumberTests {
    let ref = CalendarDate(year: 2024, month: 6, day: 1)!

    @Test func everyWrittenFormNormalisesToTwelveDigits() throws {
        for form in ["811218-9876", "8112189876", "19811218-9876", "198112189876", " 811218-9876 "] {
            let n = try #require(IdentityNumber(form, reference: ref), "\(form)")
            // The case importer reads the field's UTF-8 in place: the same number.
            #expect(Array(form.utf8).withUnsafeBufferPointer { IdentityNumber(utf8: $0, reference: ref) } == n)
            #expect(Array(form.utf8).withUnsafeBufferPointer { IdentityNumber.mightBe(utf8: $0) })
            #expect(n.normalized == "198112189876")
            #expect(n.birthDate == CalendarDate(year: 1981, month: 12, day: 18))
            #expect(n.legalSex == .male)        // ninth digit 7 is odd
            #expect(!n.isCoordinationNumber)
        }
    }

    @Test func luhnDigitMustMatch() {
        #expect(IdentityNumber("811218-9876", reference: ref) != nil)
        for wrong in ["811218-9875", "811218-9877", "19811218-9870"] {
            #expect(IdentityNumber(wrong, reference: ref) == nil, "\(wrong)")
        }
        // Hand calculation for 850709-980?: 8·2=16→7, 5, 0, 7, 0·2=0, 9, 9·2=18→9, 8, 0 → 45 → check 5.
        #expect(IdentityNumber.luhnCheckDigit([8, 5, 0, 7, 0, 9, 9, 8, 0]) == 5)
        let woman = IdentityNumber("850709-9805", reference: ref)
        #expect(woman?.legalSex == .female)     // ninth digit 0 is even
    }

    @Test func samordningsnummerHasDayPlusSixty() throws {
        let n = try #require(IdentityNumber("701063-2391", reference: ref))
        #expect(n.isCoordinationNumber)
        #expect(n.birthDate == CalendarDate(year: 1970, month: 10, day: 3))
        #expect(n.normalized == "197010632391")   // the number as written, day 63 kept
        // Day 93 − 60 = 33 does not exist, whatever the check digit.
        let nine: [UInt8] = [7, 0, 1, 0, 9, 3, 2, 3, 9]
        let text = "701093-239" + String(IdentityNumber.luhnCheckDigit(nine))
        #expect(IdentityNumber(text, reference: ref) == nil)
        // Day 32 (neither a day nor day + 60) with a valid check digit.
        let nine32: [UInt8] = [7, 0, 1, 0, 3, 2, 2, 3, 9]
        #expect(IdentityNumber("701032-239" + String(IdentityNumber.luhnCheckDigit(nine32)), reference: ref) == nil)
    }

    @Test func centuryIsInferredFromTheReferenceDate() throws {
        // 121212-1212: born 2012-12-12 if that is not after the reference, else 1912.
        #expect(IdentityNumber("121212-1212", reference: ref)?.normalized == "201212121212")
        let dayBefore = CalendarDate(year: 2012, month: 12, day: 11)!
        #expect(IdentityNumber("121212-1212", reference: dayBefore)?.normalized == "191212121212")
        let sameDay = CalendarDate(year: 2012, month: 12, day: 12)!
        #expect(IdentityNumber("121212-1212", reference: sameDay)?.normalized == "201212121212")
        // `+`: a hundred or older.
        #expect(IdentityNumber("811218+9876", reference: ref)?.normalized == "188112189876")
        // 29 February is checked in the century chosen: 2000 is a leap year, 1900 is not.
        #expect(IdentityNumber("000229-2381", reference: ref)?.normalized == "200002292381")
        #expect(IdentityNumber("000229-2381", reference: CalendarDate(year: 1999, month: 12, day: 31)!) == nil)
        // With the century written, the reference does not matter.
        #expect(IdentityNumber("20121212-1212", reference: dayBefore)?.normalized == "201212121212")
    }

    @Test func otherShapesAreNotIdentityNumbers() {
        // "811218 9876" and "811218--9876" are numbers since the scanner knows every
        // separator an export writes (IdentityNumberScannerTests).
        for text in ["", "8112", "81121-89876", "19811218-98761", "1981121-89876",
                     "811218-x-9876", "abc218-9876", "2021-03-05", "20210305", "131301-9802", "12,5"] {
            #expect(IdentityNumber(text, reference: ref) == nil, "\(text)")
            #expect(Array(text.utf8).withUnsafeBufferPointer { IdentityNumber(utf8: $0, reference: ref) } == nil)
            #expect(Array(text.utf8).withUnsafeBufferPointer { IdentityNumber.mightBe(utf8: $0) } == IdentityNumber.mightBe(text))
        }
        #expect(!IdentityNumber.mightBe("2021-03-05"))
        #expect(IdentityNumber.mightBe("811218-9876"))
    }
}

@Suite("Pseudonym keys")
struct PseudonymKeyTests {
    let ref = CalendarDate(year: 2024, month: 6, day: 1)!
    let fixedKey = PseudonymKey(bytes: Array(0..<32) as [UInt8])

    /// python3 -c "import hmac,hashlib; print(hmac.new(bytes(range(32)), b'198112189876', hashlib.sha256).hexdigest()[:32])"
    @Test func pseudonymIsTruncatedHMACSHA256OfTheTwelveDigits() throws {
        let n = try #require(IdentityNumber("811218-9876", reference: ref))
        #expect(fixedKey.pseudonym(of: n) == "dc14c122005e4ad803d98b5a21f92ea5")
        // python3 -c "...hmac.new(bytes(range(32)), b'piloteval key fingerprint', hashlib.sha256).hexdigest()[:16]"
        #expect(fixedKey.fingerprint == "4af65eb252720ab1")
    }

    /// Keys shorter than, as long as and longer than SHA-256's 64-byte block (RFC 2104
    /// hashes a longer key first); key byte i is (7i + 3) mod 256. Expected values:
    /// python3 -c "import hmac,hashlib; k=bytes((7*i+3)%256 for i in range(N));
    ///   print(hmac.new(k, b'198112189876', hashlib.sha256).hexdigest()[:32])"
    @Test(arguments: [
        (0, "bda52dec07fbabe6cd332b92e80fc47d"), (1, "916ac4fbcbdbeaf72759a824f71ff974"),
        (63, "f167cb278824ec73e41c2c2cb83f070b"), (64, "7c7dde3974cc18ec14e74f773d2b4e8a"),
        (65, "cc0c48be506bd499bc22796ac3fad40f"), (200, "92b79c728bc3740491ddd908f5e46f78"),
    ])
    func pseudonymIsHMACSHA256ForAnyKeyLength(keyLength: Int, expected: String) throws {
        let key = PseudonymKey(bytes: (0..<keyLength).map { UInt8((7 * $0 + 3) % 256) })
        let n = try #require(IdentityNumber("811218-9876", reference: ref))
        #expect(key.pseudonym(of: n) == expected)
        // The importer's path writes the same characters into its row buffer.
        var written = [UInt8](repeating: 0, count: PseudonymKey.pseudonymLength)
        written.withUnsafeMutableBufferPointer { key.writePseudonym(of: n, to: $0) }
        #expect(String(decoding: written, as: UTF8.self) == expected)
    }

    @Test func sameNumberSamePseudonymWhateverTheForm_otherKeyOtherPseudonym() throws {
        let forms = ["811218-9876", "198112189876", "8112189876"].map { IdentityNumber($0, reference: ref)! }
        #expect(Set(forms.map(fixedKey.pseudonym(of:))).count == 1)
        let other = PseudonymKey.generate()
        #expect(other.pseudonym(of: forms[0]) != fixedKey.pseudonym(of: forms[0]))
        #expect(other.fingerprint != fixedKey.fingerprint)
    }

    @Test func keyFileIsOwnerOnlyRoundTripsAndIsNeverOverwritten() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("k.key").path
            let key = PseudonymKey.generate()
            try key.write(to: path)
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! Int
            #expect(mode == 0o600)
            #expect(!PseudonymKey.isExposed(path: path))
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains("schema: piloteval/pseudonym-key/v1"))
            let read = try PseudonymKey.read(path: path)
            let n = IdentityNumber("811218-9876", reference: ref)!
            #expect(read.pseudonym(of: n) == key.pseudonym(of: n))
            #expect(throws: PseudonymKeyError.self) { try PseudonymKey.generate().write(to: path) }
            #expect(try PseudonymKey.read(path: path).fingerprint == key.fingerprint)   // unchanged
        }
    }

    @Test func badKeyFilesSayWhereAndWhy() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("bad.key").path
            try "schema: piloteval/pseudonym-key/v1\nkey: 00ff\n".write(toFile: path, atomically: true, encoding: .utf8)
            do {
                _ = try PseudonymKey.read(path: path)
                Issue.record("a short key was accepted")
            } catch let e as PseudonymKeyError {
                #expect(e.line == 2)
                #expect(e.description.contains("64 hexadecimal digits"))
            }
            try "key: \(String(repeating: "ab", count: 32))\n".write(toFile: path, atomically: true, encoding: .utf8)
            #expect(throws: PseudonymKeyError.self) { try PseudonymKey.read(path: path) }
        }
    }
}
