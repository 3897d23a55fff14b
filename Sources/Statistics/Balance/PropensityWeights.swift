/// Inverse-probability weights from a logistic propensity model
/// logit P(treated | x) = b₀ + b·x, fitted by `LogisticRegression` (Rosenbaum & Rubin
/// 1983; Austin & Stuart 2015, "Moving towards best practice when using inverse
/// probability of treatment weighting", Stat Med 34).
///
/// * ATT (effect on the treated — "what would the pilot's own cases have had in the
///   line?"): treated weight 1, comparison weight e/(1 − e).
/// * ATE (effect in everyone): 1/e for the treated, 1/(1 − e) for the comparison.
///
/// The weights make the comparison group resemble the pilot on the modelled
/// covariates only; unmeasured differences (the team itself, its caseworkers) stay.
public struct PropensityWeights: Sendable, Equatable {
    public enum Estimand: String, Sendable, Codable {
        case att, ate
    }

    public let estimand: Estimand
    /// The fitted model; when it failed, `model.problems` says why and `weights` is nil.
    public let model: LogisticResult
    /// One propensity score per input row (nil for rows the model left out).
    public let propensity: [Double?]
    /// One weight per input row, nil for rows left out, or nil as a whole when the
    /// propensity model could not be fitted.
    public let weights: [Double?]?
    public let notes: [String]

    /// - Parameters:
    ///   - treated: one flag per case.
    ///   - covariates: one array per covariate, each as long as `treated` (NaN: the
    ///     row is left out, listwise).
    ///   - names: covariate names for the coefficient table and problem reports.
    public static func fit(treated: [Bool], covariates: [[Double]], names: [String],
                           estimand: Estimand = .att) throws -> PropensityWeights {
        let y = treated.map { $0 ? 1.0 : 0.0 }
        let model = try LogisticRegression.fit(y: y, predictors: covariates, names: names)
        guard model.problems.isEmpty else {
            return PropensityWeights(estimand: estimand, model: model,
                                     propensity: [Double?](repeating: nil, count: treated.count), weights: nil,
                                     notes: ["the propensity model could not be fitted: " + model.problems.joined(separator: "; ")])
        }
        var propensity = [Double?](repeating: nil, count: treated.count)
        var weights = [Double?](repeating: nil, count: treated.count)
        for (k, row) in model.keptRows.enumerated() {
            let e = model.fitted[k]
            propensity[row] = e
            switch estimand {
            case .att: weights[row] = treated[row] ? 1 : e / (1 - e)
            case .ate: weights[row] = treated[row] ? 1 / e : 1 / (1 - e)
            }
        }
        var notes = model.notes
        let extreme = model.fitted.filter { $0 < 0.01 || $0 > 0.99 }.count
        if extreme > 0 {
            notes.append("\(extreme) case(s) have a propensity below 0.01 or above 0.99: the groups barely overlap there and a few cases carry large weights")
        }
        return PropensityWeights(estimand: estimand, model: model, propensity: propensity,
                                 weights: weights, notes: notes)
    }
}
