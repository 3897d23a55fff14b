/// Pilot versus comparison on a 0/1 outcome: the result behind
/// `piloteval compare --kind binary` and its JSON (DESIGN §5). Differences are
/// pilot − comparison, ratios pilot / comparison.
public struct BinaryComparison: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        public let label: String
        public let n: Int
        public let events: Int
        /// Proportion with its Wilson CI.
        public let proportion: Estimate
    }

    public let outcome: String
    public let pilot: Group
    public let comparison: Group
    /// p₁ − p₂ with Newcombe's hybrid score CI.
    public let difference: Estimate
    public let riskRatio: Estimate
    public let oddsRatio: Estimate
    /// Pearson chi-square with Yates' correction (scipy `chi2_contingency`).
    public let chiSquare: TestResult
    public let fisherP: Figure

    public static func compute(pilotEvents: Int, pilotN: Int,
                               comparisonEvents: Int, comparisonN: Int,
                               pilotLabel: String, comparisonLabel: String,
                               outcome: String, confidence: Double = 0.95) -> BinaryComparison {
        let table = TwoByTwoTable(pilotEvents: pilotEvents, pilotN: pilotN,
                                  comparisonEvents: comparisonEvents, comparisonN: comparisonN)
        return BinaryComparison(
            outcome: outcome,
            pilot: Group(label: pilotLabel, n: pilotN, events: pilotEvents,
                         proportion: WilsonInterval.compute(events: pilotEvents, trials: pilotN, confidence: confidence)),
            comparison: Group(label: comparisonLabel, n: comparisonN, events: comparisonEvents,
                              proportion: WilsonInterval.compute(events: comparisonEvents, trials: comparisonN,
                                                                 confidence: confidence)),
            difference: NewcombeDifference.compute(events1: pilotEvents, trials1: pilotN,
                                                   events2: comparisonEvents, trials2: comparisonN,
                                                   confidence: confidence),
            riskRatio: RiskRatio.compute(table, confidence: confidence),
            oddsRatio: OddsRatio.compute(table, confidence: confidence),
            chiSquare: table.isValid ? ChiSquareTest.compute(table.rows, yates: true)
                : TestResult(undefined: "events outside 0…n", hasDf: true),
            fisherP: FisherExactTest.twoSidedP(table))
    }

    /// From the raw 0/1 values of each group (NaN = missing, left out). Any other
    /// value is an error: the outcome is not binary.
    public static func compute(pilot: [Double], comparison: [Double],
                               pilotLabel: String, comparisonLabel: String,
                               outcome: String, confidence: Double = 0.95) throws -> BinaryComparison {
        func count(_ xs: [Double], _ label: String) throws -> (events: Int, n: Int) {
            let present = xs.filter { !$0.isNaN }
            if let bad = present.first(where: { $0 != 0 && $0 != 1 }) {
                throw StatisticsError("outcome \(outcome) is not binary: group \(label) has the value \(bad); use 0/1")
            }
            return (present.filter { $0 == 1 }.count, present.count)
        }
        let p = try count(pilot, pilotLabel), c = try count(comparison, comparisonLabel)
        return compute(pilotEvents: p.events, pilotN: p.n, comparisonEvents: c.events, comparisonN: c.n,
                       pilotLabel: pilotLabel, comparisonLabel: comparisonLabel, outcome: outcome,
                       confidence: confidence)
    }
}

extension BinaryComparison.Group: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(label, forKey: "label")
        try c.encode(n, forKey: "n")
        try c.encode(events, forKey: "events")
        try c.encode(proportion.estimate, forKey: "proportion")
        try c.encode(proportion.ciLow, forKey: "ci_low")
        try c.encode(proportion.ciHigh, forKey: "ci_high")
    }
}

/// `{"p"}` for Fisher's test.
struct PValueJSON: Encodable {
    let p: Figure
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(p, forKey: "p")
    }
}

extension BinaryComparison: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode("binary", forKey: "kind")
        try c.encode(outcome, forKey: "outcome")
        try c.encode(pilot, forKey: "pilot")
        try c.encode(comparison, forKey: "comparison")
        try c.encode(difference, forKey: "difference")
        try c.encode(riskRatio, forKey: "risk_ratio")
        try c.encode(oddsRatio, forKey: "odds_ratio")
        try c.encode(TestResultJSON(result: chiSquare, statisticKey: "statistic"), forKey: "chi_square")
        try c.encode(PValueJSON(p: fisherP), forKey: "fisher")
    }
}
