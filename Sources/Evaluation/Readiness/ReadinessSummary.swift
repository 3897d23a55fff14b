import LogicModel
import Statistics

/// `piloteval readiness summary`: one wave of one instrument, per unit and item, per
/// scale, with reliability (Cronbach's alpha) and aggregation statistics (ICC, r_wg(J))
/// and a plain verdict on whether unit means describe the units.
public struct ReadinessSummary: Sendable, Equatable {
    public var instrument: String
    public var wave: String
    /// True for a wave of unit means only: no SD, CI, reliability or agreement exist.
    public var aggregated: Bool
    /// Units with fewer respondents than this are suppressed.
    public var minGroup: Int
    public var confidence: Double
    public var units: [ReadinessUnitSummary]
    public var reliability: ReadinessReliability
    public var aggregation: ReadinessAggregation
    public var notes: [String]
}

public struct ReadinessUnitSummary: Sendable, Equatable {
    public var unit: String
    /// Respondents (rows) in the unit; for an aggregated wave the n given, if any.
    public var n: Int?
    /// Below the minimum group size: every figure withheld.
    public var suppressed: Bool
    public var items: [ReadinessItemSummary]
    public var scales: [ReadinessScaleSummary]
    /// r_wg(J) over all items (respondent-level waves).
    public var rwgJ: Figure
}

public struct ReadinessItemSummary: Sendable, Equatable {
    public var item: String
    public var reverse: Bool
    /// Answers given (blank answers left out).
    public var n: Int?
    public var mean: Figure
    public var sd: Figure
    public var ciLow: Figure
    public var ciHigh: Figure
    /// Share of answers at or above the instrument's `agree_from` (6–7 on 1–7), as
    /// answered (a reverse item's agreement is agreement with its statement).
    public var agreeShare: Figure
    /// Count of answers per scale point, min…max; nil when withheld or aggregated.
    public var distribution: [Int]?
}

public struct ReadinessScaleSummary: Sendable, Equatable {
    public var scale: String
    /// Respondents with a score (at least half the scale's items answered).
    public var n: Int?
    public var mean: Figure
    public var sd: Figure
    public var ciLow: Figure
    public var ciHigh: Figure
}

public struct ReadinessReliability: Sendable, Equatable {
    /// Cronbach's alpha over all items asked in the wave (reverse items reversed).
    public var alpha: Figure
    public var ciLow: Figure
    public var ciHigh: Figure
    /// Complete responses used (listwise).
    public var respondents: Int
    public var excluded: Int
    public var items: Int
    public var subscales: [ReadinessScaleReliability]
    public var notes: [String]
}

public struct ReadinessScaleReliability: Sendable, Equatable {
    public var scale: String
    public var alpha: Figure
    public var ciLow: Figure
    public var ciHigh: Figure
    public var respondents: Int
    public var items: Int
}

public struct ReadinessAggregation: Sendable, Equatable {
    /// The respondent score the ICCs are computed on (`all_items`).
    public var score: String
    public var icc1: Figure
    public var icc2: Figure
    /// One-way ANOVA of the score by unit: F, p, k (adjusted group size).
    public var f: Figure
    public var p: Figure
    public var groupSize: Figure
    public var units: Int
    public var respondents: Int
    public var rwgJ: [ReadinessUnitAgreement]
    public var verdict: ReadinessVerdict
    public var notes: [String]
}

public struct ReadinessUnitAgreement: Sendable, Equatable {
    public var unit: String
    public var rwgJ: Figure
    /// "strong", "moderate", "weak", … (LeBreton & Senter 2008), nil when undefined.
    public var level: String?
}

extension ReadinessSummary {
    /// Summarises `data` (one wave). Units with fewer than `minGroup` respondents have
    /// every figure withheld and are listed as suppressed.
    ///
    /// - Parameter poolWithheldUnits: true (the analyst's default): a withheld unit's
    ///   answers still count in the wave's alpha, ICC and respondent count. False (what
    ///   a published document needs): they are left out of every pooled figure — alpha,
    ///   ICC, `reliability.respondents`, and which items count as asked (which decides
    ///   the shown units' scale scores) — so that no figure of the wave differs from the
    ///   shown units' own by a withheld unit's size or answers.
    public static func compute(_ data: ReadinessWaveData, instrument: Instrument,
                               minGroup: Int = 5, confidence: Double = 0.95,
                               poolWithheldUnits: Bool = true) -> ReadinessSummary {
        if data.isAggregated {
            return aggregatedSummary(data, instrument: instrument, minGroup: minGroup, confidence: confidence)
        }
        let scale = instrument.scale
        let scales = ReadinessScoring.scales(of: instrument)
        // Whose answers the wave's pooled figures rest on.
        let pooled: [ReadinessRespondent]
        if poolWithheldUnits {
            pooled = data.respondents
        } else {
            var sizes: [String: Int] = [:]
            for r in data.respondents { sizes[r.unit, default: 0] += 1 }
            pooled = data.respondents.filter { sizes[$0.unit, default: 0] >= minGroup }
        }
        let asked = data.items.indices.filter { i in pooled.contains { $0.answers[i].isFinite } }
        var notes: [String] = []
        let notAsked = data.items.indices.filter { !asked.contains($0) }.map { data.items[$0] }
        if !notAsked.isEmpty { notes.append("not answered by anyone in this wave (not asked?): \(notAsked.joined(separator: ", "))") }

        var units: [ReadinessUnitSummary] = []
        let unitNames = data.units
        for unit in unitNames {
            let rows = data.respondents.filter { $0.unit == unit }
            if rows.count < minGroup {
                let why = "fewer than \(minGroup) respondents: suppressed"
                units.append(ReadinessUnitSummary(
                    unit: unit, n: nil, suppressed: true,
                    items: [], scales: [], rwgJ: Figure(undefined: why)))
                continue
            }
            var items: [ReadinessItemSummary] = []
            for (i, key) in data.items.enumerated() {
                let values = rows.map { $0.answers[i] }.filter(\.isFinite)
                items.append(itemSummary(key, reverse: instrument.item(key)?.reverse ?? false, values: values,
                                         scale: scale, minGroup: minGroup, confidence: confidence))
            }
            let scored = rows.map { ReadinessScoring.scored($0.answers, instrument: instrument) }
            var scaleSummaries: [ReadinessScaleSummary] = []
            for s in scales {
                let scores = scored.map { ReadinessScoring.score($0, indices: s.itemIndices.filter(asked.contains)) }.filter(\.isFinite)
                scaleSummaries.append(scaleSummary(s.key, scores: scores, minGroup: minGroup, confidence: confidence))
            }
            let agreement = WithinGroupAgreement.rwgJ(responses: scored.map { r in asked.map { r[$0] } }, options: scale.options)
            units.append(ReadinessUnitSummary(unit: unit, n: rows.count, suppressed: false,
                                              items: items, scales: scaleSummaries, rwgJ: agreement.rwg))
        }
        let suppressedCount = units.filter(\.suppressed).count
        if suppressedCount > 0 {
            notes.append("\(suppressedCount) unit(s) with fewer than \(minGroup) respondents are suppressed (their figures withheld); "
                + (poolWithheldUnits ? "their answers still count in the wave's alpha and ICC"
                                     : "their answers are left out of the wave's alpha, ICC and respondent count too"))
        }

        // Reliability over every respondent of the wave (or of the shown units).
        let scoredAll = pooled.map { ReadinessScoring.scored($0.answers, instrument: instrument) }
        let alpha = CronbachAlpha.compute(responses: scoredAll.map { r in asked.map { r[$0] } }, confidence: confidence)
        var subscales: [ReadinessScaleReliability] = []
        for s in scales.dropFirst() {
            let members = s.itemIndices.filter(asked.contains)
            let a = CronbachAlpha.compute(responses: scoredAll.map { r in members.map { r[$0] } }, confidence: confidence)
            subscales.append(ReadinessScaleReliability(scale: s.key, alpha: a.alpha, ciLow: a.ciLow, ciHigh: a.ciHigh,
                                                       respondents: a.respondents, items: a.items))
        }
        let reliability = ReadinessReliability(alpha: alpha.alpha, ciLow: alpha.ciLow, ciHigh: alpha.ciHigh,
                                               respondents: alpha.respondents, excluded: alpha.excluded,
                                               items: alpha.items, subscales: subscales, notes: alpha.notes)

        // Aggregation: ICC of the all-items score by unit; r_wg(J) per shown unit.
        let allIndices = scales[0].itemIndices.filter(asked.contains)
        let scores = scoredAll.map { ReadinessScoring.score($0, indices: allIndices) }
        let aggregation: ReadinessAggregation
        do {
            let icc = try IntraclassCorrelation.oneWay(scores: scores, units: pooled.map(\.unit))
            let agreements = units.map { u in
                ReadinessUnitAgreement(unit: u.unit, rwgJ: u.rwgJ, level: u.rwgJ.value.map(ReadinessVerdict.agreementLevel))
            }
            let verdict = ReadinessVerdict.judge(icc2: icc.icc2, icc1: icc.icc1, agreements: agreements)
            aggregation = ReadinessAggregation(score: ReadinessScoring.allItemsKey, icc1: icc.icc1, icc2: icc.icc2,
                                               f: icc.f, p: icc.p, groupSize: icc.groupSize, units: icc.units,
                                               respondents: icc.respondents, rwgJ: agreements, verdict: verdict, notes: icc.notes)
        } catch {
            aggregation = .undefined("\(error)")
        }
        return ReadinessSummary(instrument: instrument.id, wave: data.wave, aggregated: false, minGroup: minGroup,
                                confidence: confidence, units: units, reliability: reliability,
                                aggregation: aggregation, notes: notes)
    }

    static func itemSummary(_ key: String, reverse: Bool, values: [Double], scale: ResponseScale,
                            minGroup: Int, confidence: Double) -> ReadinessItemSummary {
        if values.count < minGroup {
            let why = values.isEmpty ? "no answers" : "fewer than \(minGroup) answers: withheld"
            let u = Figure(undefined: why)
            return ReadinessItemSummary(item: key, reverse: reverse, n: values.isEmpty ? 0 : nil, mean: u, sd: u,
                                        ciLow: u, ciHigh: u, agreeShare: u, distribution: nil)
        }
        let d = Descriptives(of: values, confidence: confidence)
        let agree = values.filter { $0 >= Double(scale.agreeFrom) }.count
        let distribution = scale.points.map { p in values.filter { $0 == Double(p) }.count }
        return ReadinessItemSummary(item: key, reverse: reverse, n: values.count, mean: d.mean, sd: d.sd,
                                    ciLow: d.ciLow, ciHigh: d.ciHigh,
                                    agreeShare: Figure(Double(agree) / Double(values.count)), distribution: distribution)
    }

    static func scaleSummary(_ key: String, scores: [Double], minGroup: Int, confidence: Double) -> ReadinessScaleSummary {
        if scores.count < minGroup {
            let why = scores.isEmpty ? "no respondent answered at least half of the scale's items"
                : "fewer than \(minGroup) scores: withheld"
            let u = Figure(undefined: why)
            return ReadinessScaleSummary(scale: key, n: scores.isEmpty ? 0 : nil, mean: u, sd: u, ciLow: u, ciHigh: u)
        }
        let d = Descriptives(of: scores, confidence: confidence)
        return ReadinessScaleSummary(scale: key, n: scores.count, mean: d.mean, sd: d.sd, ciLow: d.ciLow, ciHigh: d.ciHigh)
    }

    /// Means only: shown as given (suppressed when the source's n is below the minimum);
    /// SD, CI, shares, reliability and agreement do not exist for such a wave.
    static func aggregatedSummary(_ data: ReadinessWaveData, instrument: Instrument,
                                  minGroup: Int, confidence: Double) -> ReadinessSummary {
        let why = "aggregated wave: the source gives unit means only"
        let u = Figure(undefined: why)
        let scales = ReadinessScoring.scales(of: instrument)
        var units: [ReadinessUnitSummary] = []
        for row in data.unitMeans {
            if let n = row.n, n < minGroup {
                units.append(ReadinessUnitSummary(unit: row.unit, n: nil, suppressed: true, items: [], scales: [],
                                                  rwgJ: Figure(undefined: "fewer than \(minGroup) respondents: suppressed")))
                continue
            }
            let items = data.items.enumerated().map { i, key in
                ReadinessItemSummary(item: key, reverse: instrument.item(key)?.reverse ?? false, n: row.n,
                                     mean: row.means[i].map(Figure.init) ?? Figure(undefined: "no mean given for this item"),
                                     sd: u, ciLow: u, ciHigh: u, agreeShare: u, distribution: nil)
            }
            // A scale "score" of unit means is the mean of the item means (reverse items
            // reversed), which equals the mean of respondent scores only when everyone
            // answered everything; it is labelled as such.
            let scaleSummaries = scales.map { s -> ReadinessScaleSummary in
                let means = s.itemIndices.compactMap { i -> Double? in
                    guard let m = row.means[i] else { return nil }
                    return instrument.items[i].reverse ? instrument.scale.reversed(m) : m
                }
                let mean = 2 * means.count >= s.itemIndices.count && !means.isEmpty
                    ? Figure(means.reduce(0, +) / Double(means.count))
                    : Figure(undefined: "fewer than half of the scale's item means are given")
                return ReadinessScaleSummary(scale: s.key, n: row.n, mean: mean, sd: u, ciLow: u, ciHigh: u)
            }
            units.append(ReadinessUnitSummary(unit: row.unit, n: row.n, suppressed: false, items: items,
                                              scales: scaleSummaries, rwgJ: u))
        }
        var notes = ["aggregated wave (unit means only): shown and compared descriptively, never tested; scale means are means of item means"]
        if data.unitMeans.contains(where: { $0.n == nil }) {
            notes.append("the source gives no number of respondents, so small units cannot be suppressed")
        }
        let reliability = ReadinessReliability(alpha: u, ciLow: u, ciHigh: u, respondents: 0, excluded: 0,
                                               items: data.items.count, subscales: [], notes: [why])
        return ReadinessSummary(instrument: instrument.id, wave: data.wave, aggregated: true, minGroup: minGroup,
                                confidence: confidence, units: units, reliability: reliability,
                                aggregation: .undefined(why), notes: notes)
    }
}

extension ReadinessAggregation {
    static func undefined(_ why: String) -> ReadinessAggregation {
        let u = Figure(undefined: why)
        return ReadinessAggregation(score: ReadinessScoring.allItemsKey, icc1: u, icc2: u, f: u, p: u, groupSize: u,
                                    units: 0, respondents: 0, rwgJ: [],
                                    verdict: ReadinessVerdict(code: .cannotAssess, en: "Cannot assess: \(why).",
                                                              sv: "Kan inte bedömas: enbart medelvärden per enhet finns."),
                                    notes: [why])
    }
}
