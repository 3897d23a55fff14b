import LogicModel
import Statistics

/// `piloteval readiness gaps`: the two comparisons the steering group's reading turns
/// on, for one wave.
///
/// - Between items, within each unit ("understand why" 6.2 vs "know what it means for
///   my role" 5.0): paired t test over respondents who answered both (as
///   `scipy.stats.ttest_rel`), difference a − b with its t CI, effect size d_z = d̄/s_d.
/// - Between units, on each item (4.8 vs 3.2 vs 3.6): one-way ANOVA (`f_oneway`) and
///   Welch's ANOVA (`anova_oneway(use_var='unequal')`, the one the correction uses,
///   since unit sizes and spreads differ), effect sizes η² = SSB/SST and
///   ω² = (SSB − (k − 1)·MSW)/(SST + MSW), and pairwise Welch t tests between units.
///
/// Answers are compared as answered (reverse items are not reversed), like the item
/// means in the summary. Units below the minimum group size take no part. Each family
/// of tests is corrected (Holm by default) and the result says over how many. For an
/// aggregated wave only the differences of means are given, without tests.
public struct ReadinessGaps: Sendable, Equatable {
    public var instrument: String
    public var wave: String
    public var aggregated: Bool
    public var items: [String]
    public var correction: ReadinessCorrection
    public var withinUnits: [ReadinessItemGap]
    public var withinUnitsCorrection: String
    public var betweenUnits: [ReadinessUnitGap]
    public var betweenUnitsCorrection: String
    public var pairwiseCorrection: String
    public var minGroup: Int
    public var confidence: Double
    public var notes: [String]
}

/// Item a versus item b within one unit.
public struct ReadinessItemGap: Sendable, Equatable {
    public var unit: String
    public var itemA: String
    public var itemB: String
    /// Respondents who answered both (respondent-level), or the unit's n (aggregated).
    public var n: Int?
    public var meanA: Figure
    public var meanB: Figure
    /// a − b.
    public var difference: Figure
    public var ciLow: Figure
    public var ciHigh: Figure
    public var t: Figure
    public var df: Figure
    public var p: Figure
    public var pAdjusted: Figure
    /// d_z = mean difference / SD of differences.
    public var dz: Figure
}

/// The units compared on one item.
public struct ReadinessUnitGap: Sendable, Equatable {
    public var item: String
    public var units: [ReadinessUnitMean]
    /// Largest minus smallest unit mean.
    public var range: Figure
    public var anovaF: Figure
    public var anovaDf1: Figure
    public var anovaDf2: Figure
    public var anovaP: Figure
    public var welchF: Figure
    public var welchDf1: Figure
    public var welchDf2: Figure
    public var welchP: Figure
    public var welchPAdjusted: Figure
    public var etaSquared: Figure
    public var omegaSquared: Figure
    public var pairwise: [ReadinessUnitPair]
}

public struct ReadinessUnitMean: Sendable, Equatable {
    public var unit: String
    public var n: Int?
    public var mean: Figure
    public var sd: Figure
}

public struct ReadinessUnitPair: Sendable, Equatable {
    public var unitA: String
    public var unitB: String
    /// a − b.
    public var difference: Figure
    public var ciLow: Figure
    public var ciHigh: Figure
    public var t: Figure
    public var df: Figure
    public var p: Figure
    public var pAdjusted: Figure
}

extension ReadinessGaps {
    /// - Parameter items: the items to compare (all pairs among them within units; each
    ///   of them between units); nil = every item of the instrument.
    public static func compute(_ data: ReadinessWaveData, instrument: Instrument, items: [String]? = nil,
                               minGroup: Int = 5, confidence: Double = 0.95,
                               correction: ReadinessCorrection = .holm) -> ReadinessGaps {
        let keys = items ?? instrument.itemKeys
        let index = Dictionary(uniqueKeysWithValues: data.items.enumerated().map { ($1, $0) })
        let chosen = keys.compactMap { index[$0] }
        var notes: [String] = []
        var withinUnits: [ReadinessItemGap] = []
        var betweenUnits: [ReadinessUnitGap] = []
        let aggregated = data.isAggregated
        let descriptive = Figure(undefined: "aggregated wave: means only, so no test")

        // Units that may be shown.
        var shown: [(unit: String, rows: [ReadinessRespondent], means: ReadinessUnitMeans?)] = []
        var suppressed: [String] = []
        for unit in data.units {
            if aggregated {
                let row = data.unitMeans.first { $0.unit == unit }!
                if let n = row.n, n < minGroup { suppressed.append(unit) } else { shown.append((unit, [], row)) }
            } else {
                let rows = data.respondents.filter { $0.unit == unit }
                if rows.count < minGroup { suppressed.append(unit) } else { shown.append((unit, rows, nil)) }
            }
        }
        if !suppressed.isEmpty {
            notes.append("\(suppressed.count) unit(s) with fewer than \(minGroup) respondents are left out (suppressed)")
        }

        for u in shown {
            for (x, a) in chosen.enumerated() {
                for b in chosen[(x + 1)...] {
                    if let means = u.means {
                        let ma = means.means[a].map(Figure.init) ?? Figure(undefined: "no mean given")
                        let mb = means.means[b].map(Figure.init) ?? Figure(undefined: "no mean given")
                        let diff = (ma.value != nil && mb.value != nil) ? Figure(ma.value! - mb.value!) : Figure(undefined: "a mean is missing")
                        withinUnits.append(ReadinessItemGap(unit: u.unit, itemA: data.items[a], itemB: data.items[b], n: means.n,
                                                            meanA: ma, meanB: mb, difference: diff, ciLow: descriptive, ciHigh: descriptive,
                                                            t: descriptive, df: descriptive, p: descriptive, pAdjusted: descriptive, dz: descriptive))
                        continue
                    }
                    let pairs = u.rows.filter { $0.answers[a].isFinite && $0.answers[b].isFinite }
                    let xa = pairs.map { $0.answers[a] }, xb = pairs.map { $0.answers[b] }
                    let paired = PairedTTest(xa, xb, confidence: confidence)
                    let dm = Descriptives(of: zip(xa, xb).map { $0 - $1 })
                    let dz: Figure = if let m = dm.mean.value, let s = dm.sd.value, s > 0 { Figure(m / s) } else {
                        Figure(undefined: pairs.count < 2 ? "needs at least two pairs" : "every difference is the same")
                    }
                    let meanA = pairs.isEmpty ? Figure(undefined: "no respondent answered both") : Figure(xa.reduce(0, +) / Double(xa.count))
                    let meanB = pairs.isEmpty ? Figure(undefined: "no respondent answered both") : Figure(xb.reduce(0, +) / Double(xb.count))
                    withinUnits.append(ReadinessItemGap(unit: u.unit, itemA: data.items[a], itemB: data.items[b], n: pairs.count,
                                                        meanA: meanA, meanB: meanB, difference: paired.difference.estimate,
                                                        ciLow: paired.difference.ciLow, ciHigh: paired.difference.ciHigh,
                                                        t: paired.test.statistic, df: paired.test.df ?? Figure(undefined: "no df"),
                                                        p: paired.test.p, pAdjusted: paired.test.p, dz: dz))
                }
            }
        }
        let withinP = withinUnits.map(\.p)
        let withinAdjusted = correction.adjust(withinP)
        for i in withinUnits.indices where withinUnits[i].p.isDefined { withinUnits[i].pAdjusted = withinAdjusted[i] }
        let withinTests = withinP.filter(\.isDefined).count

        var pairwiseTests = 0
        for i in chosen {
            let key = data.items[i]
            if aggregated {
                let means = shown.map { u in
                    ReadinessUnitMean(unit: u.unit, n: u.means!.n,
                                      mean: u.means!.means[i].map(Figure.init) ?? Figure(undefined: "no mean given"),
                                      sd: Figure(undefined: "aggregated wave: means only"))
                }
                var pairs: [ReadinessUnitPair] = []
                for (x, a) in means.enumerated() {
                    for b in means[(x + 1)...] {
                        let d = (a.mean.value != nil && b.mean.value != nil) ? Figure(a.mean.value! - b.mean.value!) : Figure(undefined: "a mean is missing")
                        pairs.append(ReadinessUnitPair(unitA: a.unit, unitB: b.unit, difference: d, ciLow: descriptive, ciHigh: descriptive,
                                                       t: descriptive, df: descriptive, p: descriptive, pAdjusted: descriptive))
                    }
                }
                betweenUnits.append(ReadinessUnitGap(item: key, units: means, range: range(means), anovaF: descriptive,
                                                     anovaDf1: descriptive, anovaDf2: descriptive, anovaP: descriptive,
                                                     welchF: descriptive, welchDf1: descriptive, welchDf2: descriptive,
                                                     welchP: descriptive, welchPAdjusted: descriptive, etaSquared: descriptive,
                                                     omegaSquared: descriptive, pairwise: pairs))
                continue
            }
            let groups = shown.map { u in u.rows.map { $0.answers[i] }.filter(\.isFinite) }
            let means = zip(shown, groups).map { u, g -> ReadinessUnitMean in
                let d = Descriptives(of: g)
                return ReadinessUnitMean(unit: u.unit, n: g.count, mean: d.mean, sd: d.sd)
            }
            let anova = OneWayANOVA(groups)
            let welch = WelchANOVA(groups)
            var eta = Figure(undefined: anova.ssWithin.note ?? "ANOVA undefined")
            var omega = eta
            if let ssb = anova.ssBetween.value, let ssw = anova.ssWithin.value, let df2 = anova.dfWithin.value, ssb + ssw > 0 {
                let k = Double(groups.count)
                let msw = ssw / df2
                eta = Figure(ssb / (ssb + ssw))
                omega = Figure((ssb - (k - 1) * msw) / (ssb + ssw + msw))
            } else if anova.ssBetween.isDefined {
                eta = Figure(undefined: "no variation at all"); omega = eta
            }
            var pairs: [ReadinessUnitPair] = []
            for x in groups.indices {
                for y in groups.indices where y > x {
                    let w = WelchTest(groups[x], groups[y], confidence: confidence)
                    pairs.append(ReadinessUnitPair(unitA: shown[x].unit, unitB: shown[y].unit, difference: w.difference.estimate,
                                                   ciLow: w.difference.ciLow, ciHigh: w.difference.ciHigh, t: w.test.statistic,
                                                   df: w.test.df ?? Figure(undefined: "no df"), p: w.test.p, pAdjusted: w.test.p))
                }
            }
            let adjusted = correction.adjust(pairs.map(\.p))
            for k in pairs.indices where pairs[k].p.isDefined { pairs[k].pAdjusted = adjusted[k] }
            pairwiseTests = max(pairwiseTests, pairs.filter { $0.p.isDefined }.count)
            betweenUnits.append(ReadinessUnitGap(item: key, units: means, range: range(means),
                                                 anovaF: anova.test.statistic, anovaDf1: anova.test.df ?? Figure(undefined: "no df"),
                                                 anovaDf2: anova.dfWithin, anovaP: anova.test.p,
                                                 welchF: welch.test.statistic, welchDf1: welch.test.df ?? Figure(undefined: "no df"),
                                                 welchDf2: welch.dfDenominator, welchP: welch.test.p, welchPAdjusted: welch.test.p,
                                                 etaSquared: eta, omegaSquared: omega, pairwise: pairs))
        }
        let betweenAdjusted = correction.adjust(betweenUnits.map(\.welchP))
        for i in betweenUnits.indices where betweenUnits[i].welchP.isDefined { betweenUnits[i].welchPAdjusted = betweenAdjusted[i] }
        let betweenTests = betweenUnits.filter { $0.welchP.isDefined }.count
        if aggregated {
            notes.append("aggregated wave (unit means only): differences are descriptive; no CI, test or effect size exists without respondents")
        }
        if shown.count < 2 && !aggregated { notes.append("fewer than two units can be shown, so units cannot be compared") }
        return ReadinessGaps(
            instrument: instrument.id, wave: data.wave, aggregated: aggregated, items: chosen.map { data.items[$0] },
            correction: correction, withinUnits: withinUnits,
            withinUnitsCorrection: correction.statement(tests: withinTests, family: "of item pairs within units (paired t)"),
            betweenUnits: betweenUnits,
            betweenUnitsCorrection: correction.statement(tests: betweenTests, family: "of items compared between units (Welch ANOVA)"),
            pairwiseCorrection: correction.statement(tests: pairwiseTests, family: "of unit pairs, within each item (Welch t)"),
            minGroup: minGroup, confidence: confidence, notes: notes)
    }

    static func range(_ means: [ReadinessUnitMean]) -> Figure {
        let values = means.compactMap(\.mean.value)
        guard values.count >= 2 else { return Figure(undefined: "fewer than two unit means") }
        return Figure(values.max()! - values.min()!)
    }
}
