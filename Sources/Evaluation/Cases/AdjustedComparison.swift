import Statistics

/// Pilot versus line after adjusting for age, gender and referral reason, two ways:
/// * inverse probability weighting (ATT) — the headline, since the balance table
///   shows what it achieved: pilot mean − weighted line mean (for durations: the
///   share within the limit from a weighted Kaplan–Meier curve of the line);
/// * regression adjustment — OLS of the outcome on a pilot indicator and the same
///   covariates, HC1 standard errors (a linear probability model for 0/1
///   outcomes) — as a check: when the two disagree, the result depends on the model.
/// Neither touches what was not measured (the team itself, caseworkers, intake), and
/// both treat cases as independent, which one treated team does not guarantee.
public struct AdjustedComparison: Sendable, Encodable {
    public let method: String
    public let pilotValue: Figure
    public let comparisonWeightedValue: Figure
    /// Pilot − weighted line.
    public let ipwEstimate: Figure
    public let effectiveComparisonN: Figure
    /// The pilot coefficient of the regression adjustment with its HC1 CI and p.
    public let regression: Estimate
    public let regressionP: Figure
    /// What the values are: "mean", "proportion" or "share within N days".
    public let measure: String
    public let notes: [String]

    init(sample: OutcomeSample, adjustment: PropensityAdjustment) {
        var notes: [String] = []
        let nPilot = sample.pilot.count
        let noWeights = adjustment.failure ?? "no weights"
        switch sample.kind {
        case .continuous, .binary:
            measure = sample.kind == .binary ? "proportion" : "mean"
            let y = sample.all.map(\.value)
            let pilotY = Array(y[..<nPilot]), lineY = Array(y[nPilot...])
            pilotValue = pilotY.isEmpty ? Figure(undefined: "the pilot has no cases with this outcome")
                : Figure(pilotY.reduce(0, +) / Double(pilotY.count))
            if let w = adjustment.weights {
                comparisonWeightedValue = WeightedSummary.mean(lineY, weights: Array(w[nPilot...]))
                effectiveComparisonN = WeightedSummary.effectiveSampleSize(Array(w[nPilot...]))
            } else {
                comparisonWeightedValue = Figure(undefined: noWeights)
                effectiveComparisonN = Figure(undefined: noWeights)
            }
            // Regression adjustment.
            let columns = adjustment.covariates.modelColumns
            let pilotColumn = sample.all.map { $0.record.isPilot ? 1.0 : 0.0 }
            if let fit = try? OrdinaryLeastSquares.fit(y: y, predictors: [pilotColumn] + columns.map(\.values),
                                                       names: ["pilot"] + columns.map(\.name)),
               fit.problems.isEmpty, let row = fit.hc1["pilot"] {
                regression = Estimate(estimate: row.estimate, ciLow: row.ciLow, ciHigh: row.ciHigh)
                regressionP = row.p
            } else {
                let why = "the regression could not be estimated (a cohort is empty or the covariates are collinear with the pilot indicator)"
                regression = Estimate(undefined: why); regressionP = Figure(undefined: why)
            }
        case .timeToEvent:
            let noLimit = "no limit is defined for outcome '\(sample.name)'"
            measure = sample.limitDays.map { "share within \(formatDays($0)) days (Kaplan–Meier)" } ?? "share within a limit (Kaplan–Meier)"
            let pilotKM = KaplanMeier(times: sample.pilot.map(\.value), observed: sample.pilot.map(\.observed))
            pilotValue = sample.limitDays.map { pilotKM.shareWithin($0).estimate } ?? Figure(undefined: noLimit)
            if let w = adjustment.weights {
                let lineKM = KaplanMeier(times: sample.comparison.map(\.value), observed: sample.comparison.map(\.observed),
                                         weights: Array(w[nPilot...]))
                comparisonWeightedValue = sample.limitDays.map { lineKM.shareWithin($0).estimate } ?? Figure(undefined: noLimit)
                effectiveComparisonN = WeightedSummary.effectiveSampleSize(Array(w[nPilot...]))
            } else {
                comparisonWeightedValue = Figure(undefined: noWeights)
                effectiveComparisonN = Figure(undefined: noWeights)
            }
            let why = "regression adjustment of censored durations needs a survival regression (e.g. Cox), which piloteval does not fit; the weighted Kaplan–Meier comparison is the adjusted estimate"
            regression = Estimate(undefined: why); regressionP = Figure(undefined: why)
        }
        if let a = pilotValue.value, let b = comparisonWeightedValue.value {
            ipwEstimate = Figure(a - b)
        } else {
            ipwEstimate = Figure(undefined: pilotValue.note ?? comparisonWeightedValue.note ?? "undefined")
        }
        notes.append("no confidence interval for the weighted estimate: an individual-level interval would overstate certainty with one treated team, and ignores that the weights were estimated")
        method = PropensityAdjustment.method + "; regression adjustment (OLS, HC1) as a check"
        self.notes = notes
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(method, forKey: "method")
        try c.encode(measure, forKey: "measure")
        try c.encode(pilotValue, forKey: "pilot")
        try c.encode(comparisonWeightedValue, forKey: "comparison_weighted")
        try c.encode(ipwEstimate, forKey: "estimate")
        try c.encode(effectiveComparisonN, forKey: "effective_n_comparison")
        var r = c.nestedContainer(keyedBy: FigureKey.self, forKey: FigureKey("regression"))
        try r.encode(regression.estimate, forKey: "estimate")
        try r.encode(regression.ciLow, forKey: "ci_low")
        try r.encode(regression.ciHigh, forKey: "ci_high")
        try r.encode(regressionP, forKey: "p")
        try r.encode("HC1", forKey: "standard_errors")
        try c.encode(notes, forKey: "notes")
    }
}

func formatDays(_ d: Double) -> String {
    d == d.rounded() ? String(Int(d)) : String(d)
}
