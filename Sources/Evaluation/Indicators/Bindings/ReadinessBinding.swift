import LogicModel
import Periods

/// Values of an indicator bound to a survey item or subscale (`data: {readiness:
/// INSTRUMENT, item: KEY}` or `subscale: NAME`): one per wave, in the wave's year (a
/// wave id starts with its year, `2022-03`; the later wave wins where a year has two).
///
/// The total is all units of the wave (the survey asks the department's units, of which
/// the pilot is one part), leaving out a unit of fewer than `minGroup` respondents as
/// every published readiness total does (docs/privacy.md): respondent-level waves pool
/// the respondents' answers (an item: the mean answer as given; a subscale: the mean of
/// respondents' scale scores, reverse items reversed, at least half the items answered);
/// aggregated waves weight the unit means by their n, or equally where the source gives
/// none. Units as groups are not given yet (docs/indicators.md).
public enum ReadinessBinding {
    public struct Wave: Sendable {
        public var data: ReadinessWaveData
        public var imports: [Int]
        public init(data: ReadinessWaveData, imports: [Int]) { self.data = data; self.imports = imports }
    }

    public static func observations(indicator: Indicator, binding: DataBinding, instrument: Instrument,
                                    waves: [Wave], minGroup: Int = 5) -> [Observation] {
        let indices: [Int], isItem: Bool
        switch binding {
        case .readinessItem(_, let key):
            guard let i = instrument.itemKeys.firstIndex(of: key) else { return [] }
            indices = [i]; isItem = true
        case .readinessSubscale(_, let key):
            guard let s = ReadinessScoring.scales(of: instrument).first(where: { $0.key == key }) else { return [] }
            indices = s.itemIndices; isItem = false
        default:
            return []
        }
        var byYear: [Period: (Observation, String)] = [:]
        for wave in waves.sorted(by: { $0.data.wave < $1.data.wave }) {
            guard let year = Int(wave.data.wave.prefix(4)), let period = Period(kind: .year, year: year),
                  let (value, rule) = value(wave.data, instrument: instrument, indices: indices, isItem: isItem, minGroup: minGroup)
            else { continue }
            var fullRule = rule
            if let earlier = byYear[period] { fullRule += "; the later of the year's waves (\(earlier.1) left out)" }
            let source = ValueSource(binding: binding.text, imports: wave.imports, wave: wave.data.wave, rule: fullRule)
            byYear[period] = (Observation(indicator: indicator.id, period: period, value: value, computed: source), wave.data.wave)
        }
        return byYear.keys.sorted().map { byYear[$0]!.0 }
    }

    /// The wave's total and the rule in words; nil when no unit that may be shown has a value.
    static func value(_ data: ReadinessWaveData, instrument: Instrument, indices: [Int], isItem: Bool,
                      minGroup: Int) -> (Double, String)? {
        let what = isItem ? "item mean" : "mean scale score"
        if data.isAggregated {
            var parts: [(mean: Double, n: Int?)] = []
            for row in data.unitMeans where row.n.map({ $0 >= minGroup }) ?? true {
                let means = indices.compactMap { i -> Double? in
                    guard let m = row.means[i] else { return nil }
                    return !isItem && instrument.items[i].reverse ? instrument.scale.reversed(m) : m
                }
                guard !means.isEmpty, 2 * means.count >= indices.count else { continue }
                parts.append((means.reduce(0, +) / Double(means.count), row.n))
            }
            guard !parts.isEmpty else { return nil }
            let weighted = parts.allSatisfy { $0.n != nil }
            let w = parts.map { weighted ? Double($0.n!) : 1 }
            let mean = zip(parts, w).map { $0.mean * $1 }.reduce(0, +) / w.reduce(0, +)
            return (mean, "\(what) of all units, aggregated wave: unit means "
                    + (weighted ? "weighted by their n" : "weighted equally (the source gives no n)") + ", \(parts.count) units")
        }
        var sizes: [String: Int] = [:]
        for r in data.respondents { sizes[r.unit, default: 0] += 1 }
        let shown = data.respondents.filter { sizes[$0.unit, default: 0] >= minGroup }
        let values: [Double] = shown.compactMap { r in
            if isItem { let a = r.answers[indices[0]]; return a.isFinite ? a : nil }
            let s = ReadinessScoring.score(ReadinessScoring.scored(r.answers, instrument: instrument), indices: indices)
            return s.isFinite ? s : nil
        }
        guard values.count >= minGroup else { return nil }
        let left = sizes.values.filter { $0 < minGroup }.count
        return (values.reduce(0, +) / Double(values.count),
                "\(what) of all units' respondents, n = \(values.count)"
                + (left > 0 ? "; \(left) unit(s) of fewer than \(minGroup) respondents left out" : ""))
    }
}
