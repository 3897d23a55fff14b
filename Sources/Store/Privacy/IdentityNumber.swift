import Periods

/// A Swedish personnummer or samordningsnummer, read from the forms exports write
/// (Skatteverket, SKV 704 "Personnummer" and SKV 707 "Samordningsnummer"):
///
/// - `YYYYMMDD-NNNC`, `YYYYMMDDNNNC` (12 digits, century written);
/// - `YYMMDD-NNNC`, `YYMMDDNNNC` (10 digits; the century is the one that makes the
///   person younger than 100 at the reference date), `YYMMDD+NNNC` (100 or older).
///
/// Every other spelling (Unicode dashes and spaces, Excel's `="…"`, numbers inside
/// text) is `IdentityNumberScanner`'s business; this type holds what it finds.
///
/// Valid means: the date exists, or for a samordningsnummer the day plus 60 is written
/// (61–91), and the last digit is the Luhn check digit over the ten digits
/// YYMMDDNNN. Only the normalised 12-digit text (`normalized`) ever leaves this type,
/// and only into the pseudonymiser; nothing here prints or stores a number.
public struct IdentityNumber: Sendable, Hashable {
    /// Twelve digits, `YYYYMMDDNNNC`, the day as written (+60 kept for a
    /// samordningsnummer): the form that is hashed, so one person gets one pseudonym
    /// whichever way an extract writes the number.
    public let normalized: String
    /// The date of birth (for a samordningsnummer, the day minus 60).
    public let birthDate: CalendarDate
    /// True for a samordningsnummer (day + 60).
    public let isCoordinationNumber: Bool
    /// Legal sex as registered: the ninth digit (last of the birth number NNN) is odd
    /// for men, even for women.
    public let legalSex: LegalSex

    public enum LegalSex: String, Sendable, Hashable {
        case female, male
    }

    /// Parses a whole cell: the number in any spelling `IdentityNumberScanner` knows,
    /// with nothing around it but padding and Excel's wrappers (`="…"`, a leading `'`).
    /// Nil when it is not a valid number (date, day + 60, check digit).
    /// `reference` decides the century of 10-digit forms: the latest date a person
    /// could have been born on, normally the extract date or today.
    /// The same for a `String`, concretely: the generic form is not specialised across
    /// modules, and the case importer calls this on every cell that might be a number.
    public init?(_ text: String, reference: CalendarDate) {
        guard let parsed = IdentityNumberScanner.cellNumber(text, reference: reference) else { return nil }
        self = parsed
    }

    /// The same for UTF-8 bytes in place (`CSVFields`).
    public init?(utf8: UnsafeBufferPointer<UInt8>, reference: CalendarDate) {
        guard let parsed = IdentityNumberScanner.cellNumber(utf8, reference: reference) else { return nil }
        self = parsed
    }

    public init?(_ text: some StringProtocol, reference: CalendarDate) {
        self.init(String(text), reference: reference)
    }

    private init(normalized: String, birthDate: CalendarDate, isCoordinationNumber: Bool, legalSex: LegalSex) {
        self.normalized = normalized
        self.birthDate = birthDate
        self.isCoordinationNumber = isCoordinationNumber
        self.legalSex = legalSex
    }

    /// A number from its digit values (not ASCII), 10 or 12 of them in the first lanes,
    /// as `IdentityNumberScanner` reads them; `hundredOrOlder` for a 10-digit form
    /// written with `+`. Nil unless the date exists (day − 60 for a samordningsnummer)
    /// and the check digit is right.
    init?(digits: SIMD16<UInt8>, count: Int, hundredOrOlder: Bool, reference: CalendarDate) {
        guard count == 10 || count == 12 else { return nil }
        // The ten digits YYMMDDNNNC; a SIMD vector, so no allocation per cell checked.
        var ten = SIMD16<UInt8>()
        let offset = count - 10
        for k in 0..<10 { ten[k] = digits[k + offset] }
        guard Self.luhnValid(digits: ten) else { return nil }

        func number(_ a: Int, _ b: Int) -> Int { Int(ten[a]) * 10 + Int(ten[b]) }
        let yy = number(0, 1), month = number(2, 3), writtenDay = number(4, 5)
        let coordination = writtenDay > 60
        let day = coordination ? writtenDay - 60 : writtenDay
        guard (1...12).contains(month), day >= 1 else { return nil }

        let year: Int
        if count == 12 {
            year = (Int(digits[0]) * 10 + Int(digits[1])) * 100 + yy
        } else {
            guard let inferred = Self.inferYear(yy: yy, month: month, day: day, hundredOrOlder: hundredOrOlder,
                                                reference: reference) else { return nil }
            year = inferred
        }
        guard let birth = CalendarDate(year: year, month: month, day: day) else { return nil }
        let normalized = String(unsafeUninitializedCapacity: 12) { out in
            out[0] = UInt8(year / 1000 % 10) + 0x30
            out[1] = UInt8(year / 100 % 10) + 0x30
            for k in 0..<10 { out[k + 2] = ten[k] + 0x30 }
            return 12
        }
        self.init(normalized: normalized, birthDate: birth, isCoordinationNumber: coordination,
                  legalSex: ten[8] % 2 == 1 ? .male : .female)
    }

    /// The century of a 10-digit number: the latest year ending in `yy` whose date is not
    /// after `reference`; a `+` separator moves it back another 100 years. A 29 February
    /// is checked in the year chosen (000229 is 2000-02-29, never 1900-02-29).
    static func inferYear(yy: Int, month: Int, day: Int, hundredOrOlder: Bool,
                          reference: CalendarDate) -> Int? {
        var year = reference.year - reference.year % 100 + yy
        // Compare (month, day) as written, before checking the day exists in that year.
        if (year, month, day) > (reference.year, reference.month, reference.day) { year -= 100 }
        if hundredOrOlder { year -= 100 }
        guard year >= 1, CalendarDate(year: year, month: month, day: day) != nil else { return nil }
        return year
    }

    /// `luhnValid` on the first ten lanes of a vector.
    static func luhnValid(digits ten: SIMD16<UInt8>) -> Bool {
        var sum = 0
        for i in 0..<10 {
            var v = Int(ten[i]) * (i % 2 == 0 ? 2 : 1)
            if v > 9 { v -= 9 }
            sum += v
        }
        return sum % 10 == 0
    }

    /// The Luhn (mod 10) check over ten digits: weights 2,1,2,1,… from the left, digit
    /// sums of the products, total divisible by 10 (the check digit makes it so).
    public static func luhnValid(_ ten: [UInt8]) -> Bool {
        guard ten.count == 10 else { return false }
        var sum = 0
        for (i, d) in ten.enumerated() {
            var v = Int(d) * (i % 2 == 0 ? 2 : 1)
            if v > 9 { v -= 9 }
            sum += v
        }
        return sum % 10 == 0
    }

    /// The check digit that completes nine digits YYMMDDNNN: for generating test numbers.
    public static func luhnCheckDigit(_ nine: [UInt8]) -> UInt8 {
        var sum = 0
        for (i, d) in nine.enumerated() {
            var v = Int(d) * (i % 2 == 0 ? 2 : 1)
            if v > 9 { v -= 9 }
            sum += v
        }
        return UInt8((10 - sum % 10) % 10)
    }

    /// Cheap pre-check used on every cell of an import: could `text` hold a number at
    /// all (ten digits or more)? Most cells fail on their length or digit count.
    public static func mightBe(_ text: String) -> Bool {
        IdentityNumberScanner.withBytes(text) { mightBe(utf8: $0) }
    }

    /// The same for UTF-8 bytes in place (`CSVFields`).
    public static func mightBe(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        IdentityNumberScanner.digitCount(utf8, atLeast: 10)
    }
}
