import Statistics

/// Inverse-probability weights (ATT) for the cases of a comparison, from a logistic
/// propensity model of "pilot" on age, gender and referral reason, and the balance
/// table they give. The weights answer: what would the pilot's own mix of children
/// have looked like in the line? (ATT: pilot weight 1, line weight e/(1 − e).)
struct PropensityAdjustment {
    let covariates: CaseCovariates
    /// One weight per case of `sample.all` (pilot first), nil when the model failed.
    let weights: [Double]?
    let balance: CovariateBalance
    let notes: [String]
    /// Why `weights` is nil (the fit's own reason), nil when there are weights.
    let failure: String?

    static let method = "inverse probability weights (ATT: pilot 1, line e/(1 − e)) from a logistic propensity model of the pilot on age, gender and referral reason"

    init(sample: OutcomeSample) {
        let all = sample.all
        let records = all.map(\.record)
        let covariates = CaseCovariates(records)
        self.covariates = covariates
        var notes = covariates.notes
        let treated = all.map { $0.record.isPilot }
        var weights: [Double]? = nil
        // Why there are no weights, in the words every undefined figure repeats.
        var failure: String? = nil
        let model = covariates.modelColumns
        if sample.pilot.isEmpty || sample.comparison.isEmpty {
            failure = "no weights: a cohort has no cases with this outcome"
            notes.append(failure!)
        } else if model.isEmpty {
            failure = "no weights: age, gender and referral reason are all unknown or constant"
            notes.append(failure!)
        } else {
            do {
                let fit = try PropensityWeights.fit(treated: treated, covariates: model.map(\.values),
                                                    names: model.map(\.name))
                notes += fit.notes
                if let w = fit.weights, w.allSatisfy({ $0 != nil }) {
                    weights = w.map { $0! }
                } else if !fit.model.problems.isEmpty {
                    failure = "no weights: the propensity model could not be fitted: " + fit.model.problems.joined(separator: "; ")
                } else {
                    failure = "no weights: the propensity model left cases out"
                    notes.append(failure!)
                }
            } catch {
                failure = "no weights: the propensity model could not be fitted: \(error)"
                notes.append(failure!)
            }
        }
        self.weights = weights
        self.failure = failure
        let nPilot = sample.pilot.count
        let w = weights
        var rows: [CovariateBalance.Row] = []
        for col in covariates.balanceColumns {
            let t = Array(col.values[..<nPilot]), c = Array(col.values[nPilot...])
            let known = { (xs: [Double]) in xs.filter { $0.isFinite } }
            func mean(_ xs: [Double]) -> Figure {
                let k = known(xs)
                return k.isEmpty ? Figure(undefined: "no case with this covariate known") : Figure(k.reduce(0, +) / Double(k.count))
            }
            let before = StandardizedMeanDifference.compute(col.kind, treated: t, comparison: c)
            let after: Figure, weightedMean: Figure
            if let w {
                let wt = Array(w[..<nPilot]), wc = Array(w[nPilot...])
                after = StandardizedMeanDifference.compute(col.kind, treated: t, comparison: c,
                                                           treatedWeights: wt, comparisonWeights: wc)
                weightedMean = WeightedSummary.mean(c, weights: wc)
            } else {
                let why = failure ?? "no weights"
                after = Figure(undefined: why); weightedMean = Figure(undefined: why)
            }
            rows.append(.init(name: col.name, kind: col.kind, pilotMean: mean(t), comparisonMean: mean(c),
                              comparisonWeightedMean: weightedMean, smdBefore: before, smdAfter: after))
        }
        let ess = w.map { WeightedSummary.effectiveSampleSize(Array($0[nPilot...])) }
            ?? Figure(undefined: failure ?? "no weights")
        balance = CovariateBalance(method: Self.method, rows: rows, effectiveComparisonN: ess, notes: notes)
        self.notes = notes
    }
}
