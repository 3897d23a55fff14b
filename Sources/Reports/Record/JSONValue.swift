import Foundation

/// Any JSON value, so a report can carry each domain's result value as it encodes
/// itself and `report verify` can compare recorded and recomputed results leaf by leaf
/// without knowing their types.
public enum JSONValue: Sendable, Equatable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let d):
            // Whole numbers as integers, so 1150000 is not written 1150000.0.
            if d == d.rounded(), abs(d) < 9e15 { try c.encode(Int64(d)) } else { try c.encode(d) }
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    /// Encodes any Codable result value the way the report JSON writes it.
    public static func encoding<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONTextReader.parse(Array(try JSONEncoder().encode(value)))
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// Every leaf with its path (`budget.income.lines[0].amount`), in path order.
    public func leaves(prefix: String = "") -> [(path: String, value: JSONValue)] {
        switch self {
        case .object(let o):
            return o.keys.sorted().flatMap { k in o[k]!.leaves(prefix: prefix.isEmpty ? k : prefix + "." + k) }
        case .array(let a):
            if a.isEmpty { return [(prefix, .array([]))] }
            return a.enumerated().flatMap { i, v in v.leaves(prefix: prefix + "[\(i)]") }
        default:
            return [(prefix, self)]
        }
    }

    /// A short human reading of a leaf for difference lists.
    public var display: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return String(b)
        case .number(let d): return d == d.rounded() && abs(d) < 9e15 ? String(Int64(d)) : String(d)
        case .string(let s): return "\"\(s)\""
        case .array(let a): return a.isEmpty ? "[]" : "[…]"
        case .object: return "{…}"
        }
    }
}
