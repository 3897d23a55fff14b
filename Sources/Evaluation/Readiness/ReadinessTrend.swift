import LogicModel
import Statistics

/// `piloteval readiness trend`: each unit's item means and scale scores across waves,
/// with the change since the previous wave. The change is tested (Welch t, independent
/// samples: anonymous surveys cannot pair a person across waves) only when both waves
/// are respondent-level; with an aggregated wave on either side it is descriptive only,
/// and says so.
public struct ReadinessTrend: Sendable, Equatable {
    public var instrument: String
    public var waves: [ReadinessTrendWave]
    public var series: [ReadinessTrendSeries]
    public var correction: ReadinessCorrection
    public var correctionNote: String
    public var minGroup: Int
    public var confidence: Double
    public var notes: [String]
}

public struct ReadinessTrendWave: Sendable, Equatable {
    public var wave: String
    public var aggregated: Bool
}

public struct ReadinessTrendSeries: Sendable, Equatable {
    public var unit: String
    /// "item" or "scale".
    public var kind: String
    public var key: String
    public var points: [ReadinessTrendPoint]
    public var changes: [ReadinessTrendChange]
}

public struct ReadinessTrendPoint: Sendable, Equatable {
    public var wave: String
    public var aggregated: Bool
    /// nil when suppressed or (aggregated) not given.
    public var n: Int?
    public var suppressed: Bool
    public var mean: Figure
    public var ciLow: Figure
    public var ciHigh: Figure
    /// The values behind the point (respondent-level), for the test; not encoded.
    var values: [Double]
}

public struct ReadinessTrendChange: Sendable, Equatable {
    public var from: String
    public var to: String
    /// "welch" (tested) or "descriptive".
    public var method: String
    /// Later minus earlier.
    public var difference: Figure
    public var ciLow: Figure
    public var ciHigh: Figure
    public var t: Figure
    public var df: Figure
    public var p: Figure
    public var pAdjusted: Figure
}

extension ReadinessTrend {
    /// - Parameter waves: every wave of the instrument, oldest first.
    public static func compute(_ waves: [ReadinessWaveData], instrument: Instrument, minGroup: Int = 5,
                               confidence: Double = 0.95, correction: ReadinessCorrection = .holm) -> ReadinessTrend {
        var unitOrder: [String] = []
        for w in waves { for u in w.units where !unitOrder.contains(u) { unitOrder.append(u) } }
        let scales = ReadinessScoring.scales(of: instrument)
        var series: [ReadinessTrendSeries] = []
        for unit in unitOrder {
            for (i, key) in instrument.itemKeys.enumerated() {
                let points = waves.map { point($0, unit: unit, minGroup: minGroup, confidence: confidence) { w, rows in
                    (rows.map { $0.answers[i] }.filter(\.isFinite), w.unitMeans.first { $0.unit == unit }?.means[i] ?? nil)
                } }
                series.append(ReadinessTrendSeries(unit: unit, kind: "item", key: key, points: points,
                                                   changes: changes(points, confidence: confidence)))
            }
            for s in scales {
                let points = waves.map { point($0, unit: unit, minGroup: minGroup, confidence: confidence) { w, rows in
                    let scores = rows.map { ReadinessScoring.score(ReadinessScoring.scored($0.answers, instrument: instrument), indices: s.itemIndices) }
                    let aggregated: Double? = w.unitMeans.first { $0.unit == unit }.flatMap { row in
                        let means = s.itemIndices.compactMap { j in row.means[j].map { instrument.items[j].reverse ? instrument.scale.reversed($0) : $0 } }
                        return !means.isEmpty && 2 * means.count >= s.itemIndices.count ? means.reduce(0, +) / Double(means.count) : nil
                    }
                    return (scores.filter(\.isFinite), aggregated)
                } }
                series.append(ReadinessTrendSeries(unit: unit, kind: "scale", key: s.key, points: points,
                                                   changes: changes(points, confidence: confidence)))
            }
        }
        // One family: every tested change in this result.
        var refs: [(Int, Int)] = []
        var ps: [Figure] = []
        for (si, s) in series.enumerated() {
            for (ci, c) in s.changes.enumerated() where c.p.isDefined { refs.append((si, ci)); ps.append(c.p) }
        }
        let adjusted = correction.adjust(ps)
        for (k, (si, ci)) in refs.enumerated() { series[si].changes[ci].pAdjusted = adjusted[k] }
        var notes: [String] = []
        if waves.contains(where: \.isAggregated) {
            notes.append("changes to or from an aggregated wave (\(waves.filter(\.isAggregated).map(\.wave).joined(separator: ", "))) are descriptive only: that wave has unit means, no respondents, so no CI or test exists")
        }
        notes.append("changes between respondent-level waves: Welch t test of independent samples (the survey is anonymous, so respondents are not paired across waves)")
        return ReadinessTrend(instrument: instrument.id,
                              waves: waves.map { ReadinessTrendWave(wave: $0.wave, aggregated: $0.isAggregated) },
                              series: series, correction: correction,
                              correctionNote: correction.statement(tests: ps.count, family: "of changes in this trend"),
                              minGroup: minGroup, confidence: confidence, notes: notes)
    }

    /// One wave's point for one unit: `extract` gives the respondent-level values and
    /// the aggregated mean.
    static func point(_ w: ReadinessWaveData, unit: String, minGroup: Int, confidence: Double,
                      extract: (ReadinessWaveData, [ReadinessRespondent]) -> ([Double], Double?)) -> ReadinessTrendPoint {
        let rows = w.respondents.filter { $0.unit == unit }
        let (values, aggregatedMean) = extract(w, rows)
        if w.isAggregated {
            let row = w.unitMeans.first { $0.unit == unit }
            let why = "aggregated wave: means only"
            if let n = row?.n, n < minGroup {
                let s = Figure(undefined: "fewer than \(minGroup) respondents: suppressed")
                return ReadinessTrendPoint(wave: w.wave, aggregated: true, n: nil, suppressed: true, mean: s, ciLow: s, ciHigh: s, values: [])
            }
            return ReadinessTrendPoint(wave: w.wave, aggregated: true, n: row?.n, suppressed: false,
                                       mean: aggregatedMean.map(Figure.init) ?? Figure(undefined: row == nil ? "the unit is not in this wave" : "no mean given"),
                                       ciLow: Figure(undefined: why), ciHigh: Figure(undefined: why), values: [])
        }
        if rows.isEmpty {
            let u = Figure(undefined: "the unit is not in this wave")
            return ReadinessTrendPoint(wave: w.wave, aggregated: false, n: 0, suppressed: false, mean: u, ciLow: u, ciHigh: u, values: [])
        }
        if rows.count < minGroup || values.count < minGroup {
            let s = Figure(undefined: "fewer than \(minGroup) respondents: suppressed")
            return ReadinessTrendPoint(wave: w.wave, aggregated: false, n: nil, suppressed: true, mean: s, ciLow: s, ciHigh: s, values: [])
        }
        let d = Descriptives(of: values, confidence: confidence)
        return ReadinessTrendPoint(wave: w.wave, aggregated: false, n: values.count, suppressed: false,
                                   mean: d.mean, ciLow: d.ciLow, ciHigh: d.ciHigh, values: values)
    }

    static func changes(_ points: [ReadinessTrendPoint], confidence: Double) -> [ReadinessTrendChange] {
        guard points.count >= 2 else { return [] }
        return (1..<points.count).map { k in
            let a = points[k - 1], b = points[k]
            guard let ma = a.mean.value, let mb = b.mean.value else {
                let why = "no mean in " + [a, b].filter { !$0.mean.isDefined }.map(\.wave).joined(separator: " and ")
                    + " (" + ([a, b].first { !$0.mean.isDefined }?.mean.note ?? "") + ")"
                let u = Figure(undefined: why)
                return ReadinessTrendChange(from: a.wave, to: b.wave, method: "none", difference: u, ciLow: u, ciHigh: u,
                                            t: u, df: u, p: u, pAdjusted: u)
            }
            if a.aggregated || b.aggregated {
                let which = [a, b].filter(\.aggregated).map(\.wave).joined(separator: " and ")
                let u = Figure(undefined: "descriptive only: \(which) is aggregated (means only), so there is no CI or test")
                return ReadinessTrendChange(from: a.wave, to: b.wave, method: "descriptive", difference: Figure(mb - ma),
                                            ciLow: u, ciHigh: u, t: u, df: u, p: u, pAdjusted: u)
            }
            let w = WelchTest(b.values, a.values, confidence: confidence)
            return ReadinessTrendChange(from: a.wave, to: b.wave, method: "welch", difference: w.difference.estimate,
                                        ciLow: w.difference.ciLow, ciHigh: w.difference.ciHigh,
                                        t: w.test.statistic, df: w.test.df ?? Figure(undefined: "no df"), p: w.test.p,
                                        pAdjusted: w.test.p)
        }
    }
}
