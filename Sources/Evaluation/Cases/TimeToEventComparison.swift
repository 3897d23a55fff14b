import Statistics

/// Pilot versus line on a duration with censoring: Kaplan–Meier median and share
/// within the limit for each group, their difference, and the log-rank test. JSON in
/// the style of `compare` (DESIGN §5): `{"kind":"time_to_event","outcome",
/// "limit_days","pilot":{…},"comparison":{…},"difference":{…},"log_rank":{…}}`.
public struct TimeToEventComparison: Sendable {
    public struct Group: Sendable {
        public let label: String
        public let curve: KaplanMeier
        /// 1 − S(limit), when a limit is known.
        public let shareWithinLimit: Estimate
        /// Counts 1–4 among n, events, censored (DESIGN §6).
        public var smallCell: Bool { SmallCell.isSmall([curve.n, curve.events, curve.censored]) }
    }

    public let outcome: String
    public let limitDays: Double?
    public let pilot: Group
    public let comparison: Group
    /// Share within the limit, pilot − comparison, Wald CI from Greenwood's errors.
    public let difference: Estimate
    public let logRank: LogRankTest

    static func group(_ label: String, _ xs: [CaseObservation], limit: Double?, noLimit: String,
                      weights: [Double]? = nil) -> Group {
        let km = KaplanMeier(times: xs.map(\.value), observed: xs.map(\.observed), weights: weights)
        let share = limit.map { km.shareWithin($0) } ?? Estimate(undefined: noLimit)
        return Group(label: label, curve: km, shareWithinLimit: share)
    }

    init(sample: OutcomeSample, pilotLabel: String, comparisonLabel: String, confidence: Double = 0.95) {
        let noLimit = "no limit is defined for outcome '\(sample.name)' (limits exist for days_to_assessment and investigation_days)"
        outcome = sample.name
        limitDays = sample.limitDays
        pilot = Self.group(pilotLabel, sample.pilot, limit: sample.limitDays, noLimit: noLimit)
        comparison = Self.group(comparisonLabel, sample.comparison, limit: sample.limitDays, noLimit: noLimit)
        difference = Self.shareDifference(pilot: pilot.curve, comparison: comparison.curve, limit: sample.limitDays,
                                          noLimit: noLimit, confidence: confidence)
        logRank = LogRankTest(pilotTimes: sample.pilot.map(\.value), pilotObserved: sample.pilot.map(\.observed),
                              comparisonTimes: sample.comparison.map(\.value),
                              comparisonObserved: sample.comparison.map(\.observed))
    }

    /// (1 − S₁(L)) − (1 − S₀(L)) = S₀(L) − S₁(L) ± z·√(se₁² + se₀²), Greenwood's
    /// standard errors (a Wald interval on the probability scale).
    static func shareDifference(pilot: KaplanMeier, comparison: KaplanMeier, limit: Double?, noLimit: String,
                                confidence: Double) -> Estimate {
        guard let limit else { return Estimate(undefined: noLimit) }
        let s1 = pilot.survival(at: limit), s0 = comparison.survival(at: limit)
        guard let a = s1.value, let b = s0.value else {
            return Estimate(undefined: s1.note ?? s0.note ?? "S is undefined at the limit")
        }
        let estimate = Figure(b - a)
        func se(_ km: KaplanMeier) -> Double? {
            guard let step = km.step(at: limit) else { return 0 }   // S = 1 exactly, no events yet
            return step.standardError.value
        }
        guard let se1 = se(pilot), let se0 = se(comparison), se1 + se0 > 0 else {
            let why = "Greenwood's standard error is undefined or zero at the limit in a group (S is 0 or 1 there)"
            return Estimate(estimate: estimate, ciLow: Figure(undefined: why), ciHigh: Figure(undefined: why))
        }
        let z = Normal.standard.upperQuantile((1 - confidence) / 2)
        let h = z * (se1 * se1 + se0 * se0).squareRoot()
        return Estimate(estimate: estimate, ciLow: Figure(b - a - h), ciHigh: Figure(b - a + h))
    }
}

extension TimeToEventComparison.Group: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(label, forKey: "label")
        try c.encode(curve.n, forKey: "n")
        try c.encode(curve.events, forKey: "events")
        try c.encode(curve.censored, forKey: "censored")
        try c.encode(curve.median.estimate, forKey: "median")
        try c.encode(curve.median.ciLow, forKey: "median_ci_low")
        try c.encode(curve.median.ciHigh, forKey: "median_ci_high")
        try c.encode(shareWithinLimit.estimate, forKey: "share_within_limit")
        try c.encode(shareWithinLimit.ciLow, forKey: "share_ci_low")
        try c.encode(shareWithinLimit.ciHigh, forKey: "share_ci_high")
        try c.encode(smallCell, forKey: "small_cell")
    }
}

extension TimeToEventComparison: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode("time_to_event", forKey: "kind")
        try c.encode(outcome, forKey: "outcome")
        if let limitDays { try c.encode(limitDays, forKey: "limit_days") }
        else { try c.encode(Figure(undefined: "no limit is defined for this outcome"), forKey: "limit_days") }
        try c.encode(pilot, forKey: "pilot")
        try c.encode(comparison, forKey: "comparison")
        try c.encode(difference, forKey: "difference")
        try c.encode(LogRankJSON(test: logRank), forKey: "log_rank")
    }
}

struct LogRankJSON: Encodable {
    let test: LogRankTest
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(test.test.statistic, forKey: "statistic")
        try c.encode(test.test.df ?? Figure(1), forKey: "df")
        try c.encode(test.test.p, forKey: "p")
        try c.encode(test.observedPilot, forKey: "observed_pilot")
        try c.encode(test.expectedPilot, forKey: "expected_pilot")
    }
}
