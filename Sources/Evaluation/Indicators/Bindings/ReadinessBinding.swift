import LogicModel
import Periods

/// Values of an indicator bound to a survey item or subscale (`data: {readiness:
/// INSTRUMENT, item: KEY}` or `subscale: NAME`): one per wave, in the wave's year (a
/// wave id starts with its year, `2022-03`; the later wave wins where a year has two).
///
/// Each unit of the wave is a group (named as the survey names it), and the total is
/// either all units of the wave (the default: the survey asks the department's units, of
/// which the pilot is one part) or the pilot's own unit, when the model names it
/// (`cohorts.survey_unit`); the value's source says which (`ValueSource.total`). A unit
/// of fewer than `minGroup` respondents is left out — of the groups and of an all-units
/// total — as every published readiness figure leaves it out (docs/privacy.md), so no
/// hidden unit can be worked out from the total and the others. Respondent-level waves
/// pool the respondents' answers (an item: the mean answer as given; a subscale: the mean
/// of respondents' scale scores, reverse items reversed, at least half the items
/// answered); aggregated waves weight the unit means by their n, or equally where the
/// source gives none.
public enum ReadinessBinding {
    public struct Wave: Sendable {
        public var data: ReadinessWaveData
        public var imports: [Int]
        public init(data: ReadinessWaveData, imports: [Int]) { self.data = data; self.imports = imports }
    }

    /// - Parameter pilotUnit: the pilot's own unit as the survey names it
    ///   (`cohorts.survey_unit`); the total is that unit's figure. Nil: all units.
    public static func observations(indicator: Indicator, binding: DataBinding, instrument: Instrument,
                                    waves: [Wave], minGroup: Int = 5, pilotUnit: String? = nil) -> [Observation] {
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
        let pilotKey = pilotUnit.map(Self.unitKey)
        var byYear: [Period: ([Observation], String)] = [:]
        for wave in waves.sorted(by: { $0.data.wave < $1.data.wave }) {
            guard let year = Int(wave.data.wave.prefix(4)), let period = Period(kind: .year, year: year) else { continue }
            let units = unitValues(wave.data, instrument: instrument, indices: indices, isItem: isItem, minGroup: minGroup)
            let total: (Double, String)?
            if let pilotUnit, let pilotKey {
                total = units.first { unitKey($0.unit) == pilotKey }.map { u in
                    (u.value, "\(isItem ? "item mean" : "mean scale score") of the pilot's own unit, \(u.unit)"
                        + (u.n.map { ", n = \($0)" } ?? "") + " (cohorts.survey_unit: \(pilotUnit))")
                }
            } else {
                total = value(wave.data, instrument: instrument, indices: indices, isItem: isItem, minGroup: minGroup)
            }
            guard let (value, rule) = total else { continue }
            var fullRule = rule
            if let earlier = byYear[period] { fullRule += "; the later of the year's waves (\(earlier.1) left out)" }
            if !units.isEmpty { fullRule += "; each unit of at least \(minGroup) respondents as a group" }
            let source = ValueSource(binding: binding.text, imports: wave.imports, wave: wave.data.wave, rule: fullRule,
                                     total: pilotUnit == nil ? .allUnits : .pilotUnit, totalUnit: pilotUnit)
            var rows = [Observation(indicator: indicator.id, period: period, value: value, computed: source)]
            for u in units.sorted(by: { $0.unit < $1.unit }) {
                rows.append(Observation(indicator: indicator.id, period: period, group: u.unit, value: u.value, computed: source))
            }
            byYear[period] = (rows, wave.data.wave)
        }
        return byYear.keys.sorted().flatMap { byYear[$0]!.0 }
    }

    static func unitKey(_ name: String) -> String { name.trimmingCharacters(in: .whitespaces).lowercased() }

    /// Each unit's figure, for the units that may be shown (at least `minGroup`
    /// respondents who answered; an aggregated unit of at least `minGroup`, or of unknown n).
    static func unitValues(_ data: ReadinessWaveData, instrument: Instrument, indices: [Int], isItem: Bool,
                           minGroup: Int) -> [(unit: String, value: Double, n: Int?)] {
        if data.isAggregated {
            return data.unitMeans.compactMap { row in
                guard row.n.map({ $0 >= minGroup }) ?? true, let mean = aggregatedMean(row, instrument: instrument,
                                                                                       indices: indices, isItem: isItem)
                else { return nil }
                return (row.unit, mean, row.n)
            }
        }
        return data.units.compactMap { unit in
            let values = respondentValues(data.respondents.filter { $0.unit == unit }, instrument: instrument,
                                          indices: indices, isItem: isItem)
            guard data.respondents.filter({ $0.unit == unit }).count >= minGroup, values.count >= minGroup else { return nil }
            return (unit, values.reduce(0, +) / Double(values.count), values.count)
        }
    }

    /// A unit's mean over the indices (reverse items reversed for a scale); nil with fewer than half.
    static func aggregatedMean(_ row: ReadinessUnitMeans, instrument: Instrument, indices: [Int], isItem: Bool) -> Double? {
        let means = indices.compactMap { i -> Double? in
            guard let m = row.means[i] else { return nil }
            return !isItem && instrument.items[i].reverse ? instrument.scale.reversed(m) : m
        }
        guard !means.isEmpty, 2 * means.count >= indices.count else { return nil }
        return means.reduce(0, +) / Double(means.count)
    }

    static func respondentValues(_ respondents: [ReadinessRespondent], instrument: Instrument, indices: [Int],
                                 isItem: Bool) -> [Double] {
        respondents.compactMap { r in
            if isItem { let a = r.answers[indices[0]]; return a.isFinite ? a : nil }
            let s = ReadinessScoring.score(ReadinessScoring.scored(r.answers, instrument: instrument), indices: indices)
            return s.isFinite ? s : nil
        }
    }

    /// The wave's all-units total and the rule in words; nil when no unit that may be shown has a value.
    static func value(_ data: ReadinessWaveData, instrument: Instrument, indices: [Int], isItem: Bool,
                      minGroup: Int) -> (Double, String)? {
        let what = isItem ? "item mean" : "mean scale score"
        if data.isAggregated {
            var parts: [(mean: Double, n: Int?)] = []
            for row in data.unitMeans where row.n.map({ $0 >= minGroup }) ?? true {
                guard let mean = aggregatedMean(row, instrument: instrument, indices: indices, isItem: isItem) else { continue }
                parts.append((mean, row.n))
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
        let values = respondentValues(shown, instrument: instrument, indices: indices, isItem: isItem)
        guard values.count >= minGroup else { return nil }
        let left = sizes.values.filter { $0 < minGroup }.count
        return (values.reduce(0, +) / Double(values.count),
                "\(what) of all units' respondents, n = \(values.count)"
                + (left > 0 ? "; \(left) unit(s) of fewer than \(minGroup) respondents left out" : ""))
    }
}
