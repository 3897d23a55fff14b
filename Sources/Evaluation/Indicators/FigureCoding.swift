import Statistics

/// Reading back what `KeyedEncodingContainer<FigureKey>.encode(_:forKey:)` writes, so
/// result values round-trip through JSON (reports embed them; `report verify` reads
/// them back and recomputes).
extension KeyedDecodingContainer where K == FigureKey {
    /// `key: number` → a defined figure; `key: null` with `key_note` → undefined with that note.
    func figure(_ key: String) throws -> Figure {
        if let value = try decodeIfPresent(Double.self, forKey: FigureKey(key)) { return Figure(value) }
        let note = try decodeIfPresent(String.self, forKey: FigureKey(key + "_note"))
        return Figure(undefined: note ?? "undefined")
    }

    func value<T: Decodable>(_ key: String, as type: T.Type = T.self) throws -> T {
        try decode(T.self, forKey: FigureKey(key))
    }

    func optional<T: Decodable>(_ key: String, as type: T.Type = T.self) throws -> T? {
        try decodeIfPresent(T.self, forKey: FigureKey(key))
    }
}

extension KeyedEncodingContainer where K == FigureKey {
    /// An optional value written as `null` when absent (never left out), so every key of
    /// the documented shape is always there.
    mutating func encodeOrNull<T: Encodable>(_ value: T?, forKey key: String) throws {
        if let value { try encode(value, forKey: FigureKey(key)) } else { try encodeNil(forKey: FigureKey(key)) }
    }
}
