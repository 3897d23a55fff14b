/// Checks of `data:` bindings that need another file: a survey binding's item or
/// subscale against the instrument, when the instrument's file is at hand (`model
/// validate` looks for `instruments/<id>.yaml` beside the model). An instrument not
/// found is no error: it may be stored already, or come later (docs/logic-model-format.md).
public enum DataBindingCheck {
    /// `locations`: where each indicator's item or subscale value is written.
    static func instruments(_ model: LogicModel, locations: [String: SourceLocation], sourceMap map: SourceMap,
                            instrument: (String) -> Instrument?) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var cache: [String: Instrument?] = [:]
        for indicator in model.indicators {
            let id: String, key: String, isItem: Bool
            switch indicator.data {
            case .readinessItem(let i, let k)?: (id, key, isItem) = (i, k, true)
            case .readinessSubscale(let i, let k)?: (id, key, isItem) = (i, k, false)
            default: continue
            }
            if cache[id] == nil { cache[id] = .some(instrument(id)) }
            guard let found = cache[id] ?? nil else { continue }
            let names = isItem ? found.itemKeys : found.subscales.map(\.key)
            guard !names.contains(key) else { continue }
            var message = "instrument \(id) has no \(isItem ? "item" : "subscale") `\(key)`"
            if let near = closest(key, in: names) {
                message += "; did you mean `\(near)`?"
            } else {
                message += names.isEmpty ? " (it has no \(isItem ? "items" : "subscales"))"
                    : "; its \(isItem ? "items" : "subscales"): " + names.joined(separator: ", ")
            }
            out.append(Diagnostic(.error, at: locations[indicator.id] ?? map.location(of: indicator.id), id: indicator.id, message))
        }
        return out
    }
}
