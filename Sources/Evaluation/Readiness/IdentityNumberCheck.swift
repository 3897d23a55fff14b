/// A survey is anonymous: a respondent column that holds Swedish identity numbers
/// (personnummer/samordningsnummer, 10 or 12 digits, optional `-`/`+`, valid Luhn digit
/// and a plausible month and day, day + 60 for samordningsnummer) is refused rather than
/// stored. Running numbers (1, 2, 3) and codes like R017 never match.
enum IdentityNumberCheck {
    static func looksLikeIdentityNumber(_ text: String) -> Bool {
        var digits = text.filter { $0 != "-" && $0 != "+" && $0 != " " }
        guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return false }
        if digits.count == 12 { digits = String(digits.dropFirst(2)) }
        guard digits.count == 10 else { return false }
        let d = digits.compactMap { $0.wholeNumberValue }
        let month = d[2] * 10 + d[3], day = d[4] * 10 + d[5]
        guard (1...12).contains(month), (1...31).contains(day) || (61...91).contains(day) else { return false }
        var sum = 0
        for (i, v) in d.prefix(9).enumerated() {
            let p = v * (i % 2 == 0 ? 2 : 1)
            sum += p / 10 + p % 10
        }
        return (10 - sum % 10) % 10 == d[9]
    }
}
