/// The coding key for result JSON: any snake_case name, chosen at run time, so a
/// `Figure` can write its value under `key` and its reason under `key_note`.
public struct FigureKey: CodingKey, Hashable, Sendable {
    public let stringValue: String
    public var intValue: Int? { nil }
    public init(_ name: String) { self.stringValue = name }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { return nil }
}

extension KeyedEncodingContainer where K == FigureKey {
    /// Writes a figure as DESIGN §5 asks: the number under `key`, or `null` under
    /// `key` and the reason under `key_note` when the figure is undefined.
    public mutating func encode(_ figure: Figure, forKey key: String) throws {
        if let value = figure.value {
            try encode(value, forKey: FigureKey(key))
        } else {
            try encodeNil(forKey: FigureKey(key))
            try encode(figure.note ?? "undefined", forKey: FigureKey(key + "_note"))
        }
    }

    /// Convenience for plain values under a run-time key.
    public mutating func encode<T: Encodable>(_ value: T, forKey key: String) throws {
        try encode(value, forKey: FigureKey(key))
    }
}
