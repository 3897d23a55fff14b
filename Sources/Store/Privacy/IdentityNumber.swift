import Periods

/// A Swedish personnummer or samordningsnummer, read from the forms exports write
/// (Skatteverket, SKV 704 "Personnummer" and SKV 707 "Samordningsnummer"):
///
/// - `YYYYMMDD-NNNC`, `YYYYMMDDNNNC` (12 digits, century written);
/// - `YYMMDD-NNNC`, `YYMMDDNNNC` (10 digits; the century is the one that makes the
///   person younger than 100 at the reference date), `YYMMDD+NNNC` (100 or older).
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

    /// Parses `text` (surrounding spaces allowed); nil when it is not a valid number.
    /// `reference` decides the century of 10-digit forms: the latest date a person
    /// could have been born on, normally the extract date or today.
    /// The same for a `String`, concretely: the generic form is not specialised across
    /// modules, and the case importer calls this on every cell that might be a number.
    public init?(_ text: String, reference: CalendarDate) {
        var text = text
        guard let parsed = text.withUTF8({ Self.scan($0, reference: reference) }) else { return nil }
        self = parsed
    }

    /// The same for UTF-8 bytes in place (`CSVFields`).
    public init?(utf8: UnsafeBufferPointer<UInt8>, reference: CalendarDate) {
        guard let parsed = Self.scan(utf8, reference: reference) else { return nil }
        self = parsed
    }

    public init?(_ text: some StringProtocol, reference: CalendarDate) {
        // Read from the bytes in place: this runs on every cell that might be a number.
        guard let parsed = text.utf8.withContiguousStorageIfAvailable({ Self.scan($0, reference: reference) })
                ?? Array(text.utf8).withUnsafeBufferPointer({ Self.scan($0, reference: reference) }) else { return nil }
        self = parsed
    }

    private init(normalized: String, birthDate: CalendarDate, isCoordinationNumber: Bool, legalSex: LegalSex) {
        self.normalized = normalized
        self.birthDate = birthDate
        self.isCoordinationNumber = isCoordinationNumber
        self.legalSex = legalSex
    }

    private static func scan(_ raw: UnsafeBufferPointer<UInt8>, reference: CalendarDate) -> IdentityNumber? {
        // Every accepted form is 10–13 ASCII characters once surrounding space is gone.
        var lo = 0, hi = raw.count
        while lo < hi, raw[lo] == 0x20 || raw[lo] == 0x09 { lo += 1 }
        while hi > lo, raw[hi - 1] == 0x20 || raw[hi - 1] == 0x09 { hi -= 1 }
        guard hi - lo >= 10, hi - lo <= 13 else { return nil }
        // Up to 12 digits fit in a UInt64; the digits are read back by position below.
        var value: UInt64 = 0
        var count = 0
        var separator: UInt8 = 0
        var separatorAt = -1
        for i in lo..<hi {
            let byte = raw[i]
            if byte >= 0x30 && byte <= 0x39 {
                guard count < 12 else { return nil }
                value = value * 10 + UInt64(byte - 0x30)
                count += 1
            } else if (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")) && separator == 0 {
                separator = byte
                separatorAt = count
            } else {
                return nil
            }
        }
        if separator != 0 {
            guard (count == 10 && separatorAt == 6) || (count == 12 && separatorAt == 8) else { return nil }
        } else {
            guard count == 10 || count == 12 else { return nil }
        }
        // The ten digits YYMMDDNNNC, most significant first.
        // A SIMD vector rather than an array: no allocation for every cell checked.
        var ten = SIMD16<UInt8>()
        var rest = value
        for k in stride(from: 9, through: 0, by: -1) {
            ten[k] = UInt8(rest % 10)
            rest /= 10
        }
        let century = Int(rest)   // the two leading digits of a 12-digit form
        guard luhnValid(digits: ten) else { return nil }

        func number(_ a: Int, _ b: Int) -> Int { Int(ten[a]) * 10 + Int(ten[b]) }
        let yy = number(0, 1), month = number(2, 3), writtenDay = number(4, 5)
        let coordination = writtenDay > 60
        let day = coordination ? writtenDay - 60 : writtenDay
        guard (1...12).contains(month), day >= 1 else { return nil }

        let year: Int
        if count == 12 {
            year = century * 100 + yy
            guard CalendarDate(year: year, month: month, day: day) != nil else { return nil }
        } else {
            guard let inferred = inferYear(yy: yy, month: month, day: day,
                                           hundredOrOlder: separator == UInt8(ascii: "+"),
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
        return IdentityNumber(normalized: normalized, birthDate: birth, isCoordinationNumber: coordination,
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

    /// Cheap pre-check used on every cell of an import: could `text` be one of the
    /// accepted forms at all (10–16 bytes of digits, `-`, `+` and spaces, with 10 or 12
    /// digits)? Most cells fail on their length.
    public static func mightBe(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count >= 10 && utf8.count <= 16 else { return false }
        // Called on every cell of an extract: read the bytes in place when they are
        // contiguous (native strings), not through the view's iterator.
        return utf8.withContiguousStorageIfAvailable(mightBe(bytes:)) ?? mightBe(bytes: Array(utf8))
    }

    /// The same for UTF-8 bytes in place (`CSVFields`).
    public static func mightBe(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        utf8.count >= 10 && utf8.count <= 16 && mightBe(bytes: utf8)
    }

    private static func mightBe(bytes: some Collection<UInt8>) -> Bool {
        var digits = 0
        for b in bytes {
            if b >= 0x30 && b <= 0x39 { digits += 1 }
            else if b != 0x2D && b != 0x2B && b != 0x20 && b != 0x09 { return false }
        }
        return digits == 10 || digits == 12
    }
}
