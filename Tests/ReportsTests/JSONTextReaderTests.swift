import Foundation
@testable import Presentation
@testable import Reports
import Testing

/// `JSONValue.encoding` reads the encoder's text with `JSONTextReader` instead of
/// `JSONDecoder`; both must give the same value, to the bit, on everything the encoder
/// writes.
@Suite("JSON text reader")
struct JSONTextReaderTests {
    struct Sample: Codable {
        var name: String
        var numbers: [Double]
        var count: Int
        var flag: Bool
        var missing: Double?
        var nested: [String: [Int]]
        var empty: [String]
        var emptyObject: [String: Int]
    }

    /// What JSONValue read through JSONDecoder, the reader used before.
    static func throughDecoder<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    }

    @Test func agreesWithJSONDecoderOnEveryShape() throws {
        let sample = Sample(
            name: "Förhandsbedömning \"14 dagar\" / 4 mån\\år\n\t\u{1}😀 ≤ 90 %",
            numbers: [0, -0.0, 0.1, 1e-300, 5e-324, 1.7976931348623157e308, -2.5, 1150000, 0.1 + 0.2, 123456789.123456789, 1e21],
            count: -9_007_199_254_740_993, flag: true, missing: nil,
            nested: ["a": [1, 2, 3], "ö": []], empty: [], emptyObject: [:])
        let fast = try JSONValue.encoding(sample)
        #expect(fast == (try Self.throughDecoder(sample)))
        // Bit-for-bit numbers (== would let 0 and -0 pass as one).
        guard case .array(let mine)? = fast["numbers"], case .array(let theirs)? = try Self.throughDecoder(sample)["numbers"] else {
            Issue.record("numbers missing"); return
        }
        for (a, b) in zip(mine, theirs) {
            guard case .number(let x) = a, case .number(let y) = b else { Issue.record("not a number"); continue }
            #expect(x.bitPattern == y.bitPattern)
        }
        #expect(fast["name"] == .string(sample.name))
        #expect(fast["missing"] == nil || fast["missing"] == .null)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let text = #"{"s": "a\u00e5\u00C4\/\ud83d\ude00\b\f\r", "n": [1E2, -0.5e-3, 7]}"#
        let value = try JSONTextReader.parse(Array(text.utf8))
        #expect(value["s"] == .string("aåÄ/😀\u{8}\u{C}\r"))
        #expect(value["n"] == .array([.number(100), .number(-0.0005), .number(7)]))
    }

    @Test func refusesMalformedText() {
        for text in ["", "{", "[1,]", #"{"a" 1}"#, #""unterminated"#, "tru", "[1] 2", #""\ud83d""#, #""\x""#, "-"] {
            #expect(throws: JSONTextReader.Malformed.self, "\(text)") { try JSONTextReader.parse(Array(text.utf8)) }
        }
    }
}
