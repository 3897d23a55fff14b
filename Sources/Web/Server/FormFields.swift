/// An `application/x-www-form-urlencoded` body (or query) as name → value, last wins.
/// Hummingbird's `URLEncodedFormDecoder` decodes into types; pages read a few loose
/// fields and keep what the person typed when a form fails, so a plain map serves.
struct FormFields: Sendable {
    private(set) var values: [String: String] = [:]

    init(_ text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            values[name] = parts.count > 1 ? Self.decode(parts[1]) : ""
        }
    }

    subscript(name: String) -> String? { values[name] }

    static func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

import Foundation
