import Crypto
import Foundation
import Periods

extension PseudonymKey {
    /// `text` with each identity number inside it replaced by its pseudonym
    /// (`BU-120514-4825` → `BU-p:1f3a…`): for identifiers such as case ids that carry a
    /// number, which must stay distinct and link across extracts (docs/privacy.md).
    /// A valid number gets the pseudonym `pseudonym(of:)` gives it anywhere; a mistyped
    /// one (date-shaped, wrong check digit) the HMAC of its digits as written, marked `x:`.
    public func pseudonymising(_ text: String, reference: CalendarDate) -> String {
        let found = IdentityNumberScanner.matches(in: text, reference: reference)
        guard !found.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var out = [UInt8]()
        var at = 0
        for m in found {
            out.append(contentsOf: bytes[at..<m.range.lowerBound])
            if let number = m.number {
                out.append(contentsOf: "p:\(pseudonym(of: number))".utf8)
            } else {
                let digits = bytes[m.range].filter { $0 >= 0x30 && $0 <= 0x39 }
                let code = HMAC<SHA256>.authenticationCode(for: Data(digits), using: key)
                out.append(contentsOf: "x:\(Hex.encode(Data(code)).prefix(PseudonymKey.pseudonymLength))".utf8)
            }
            at = m.range.upperBound
        }
        out.append(contentsOf: bytes[at...])
        return String(decoding: out, as: UTF8.self)
    }
}
