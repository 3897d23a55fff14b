import LogicModel

/// How answers become scores: reverse items are scored min + max − x, and a scale score
/// is the mean of the respondent's answered items of the scale, defined only when at
/// least half of them are answered (the usual "half rule" for short attitude scales).
public enum ReadinessScoring {
    /// Key of the score over every item, always computed first.
    public static let allItemsKey = "all_items"

    public struct Scale: Sendable, Equatable {
        public var key: String
        public var sv: String
        public var en: String
        /// Indices into the instrument's items.
        public var itemIndices: [Int]
    }

    /// `all_items`, then the instrument's subscales.
    public static func scales(of instrument: Instrument) -> [Scale] {
        let index = Dictionary(uniqueKeysWithValues: instrument.itemKeys.enumerated().map { ($1, $0) })
        var out = [Scale(key: allItemsKey, sv: "Alla påståenden", en: "All statements",
                         itemIndices: Array(instrument.items.indices))]
        for s in instrument.subscales {
            out.append(Scale(key: s.key, sv: s.sv, en: s.en ?? s.sv, itemIndices: s.items.compactMap { index[$0] }))
        }
        return out
    }

    /// Answers with reverse items reversed; NaN stays NaN.
    public static func scored(_ answers: [Double], instrument: Instrument) -> [Double] {
        zip(answers, instrument.items).map { a, item in
            item.reverse && a.isFinite ? instrument.scale.reversed(a) : a
        }
    }

    /// The respondent's scale score, NaN when fewer than half the items are answered.
    public static func score(_ scored: [Double], indices: [Int]) -> Double {
        let answered = indices.map { scored[$0] }.filter(\.isFinite)
        guard !indices.isEmpty, 2 * answered.count >= indices.count else { return .nan }
        return answered.reduce(0, +) / Double(answered.count)
    }
}
