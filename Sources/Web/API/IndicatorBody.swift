import LogicModel

/// An indicator as the API's write takes it: the keys the indicator form edits, named as
/// in the model file (`set_by` in a target; a rule as its text, or `{"any": [...]}`).
/// Keys the form does not edit (`data`, `baseline`, `illustrative`) are kept from the
/// stored indicator; an optional key left out is cleared.
struct IndicatorBody: Decodable, Sendable {
    var id: String?
    var title: String
    var description: String?
    var measures: String
    var unit: IndicatorUnit
    var direction: Direction
    var counts: Counts?
    var targets: [Target]?
    var source: String?
    var frequency: Frequency?
    var breakdowns: [String: [String]]?
    var note: String?

    func apply(to i: inout Indicator) {
        i.title = title
        i.description = description
        i.measures = measures
        i.unit = unit
        i.direction = direction
        i.counts = counts
        i.targets = targets ?? []
        i.source = source
        i.frequency = frequency
        i.breakdowns = breakdowns ?? [:]
        i.note = note
    }

    /// A decoding error in a sentence: where, and what.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "" : "at " + keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[") + ": "
        }
        switch error {
        case .keyNotFound(let key, let context): return path(context) + "missing `\(key.stringValue)`"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return path(context) + context.debugDescription
        @unknown default: return "\(error)"
        }
    }
}
