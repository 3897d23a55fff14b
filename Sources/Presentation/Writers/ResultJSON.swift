import Foundation

/// A result value as JSON (DESIGN §5): the single source of truth, and an output only.
/// The CLI's `--format json` and the web API's reads (`/api/v1/…`) both write through
/// here, so the same question gets byte-identical answers from both.
public enum ResultJSON {
    public static func data<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0a)
        return data
    }

    public static func text<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try data(value), as: UTF8.self)
    }
}
