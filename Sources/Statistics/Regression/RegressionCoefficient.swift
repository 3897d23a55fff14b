/// One row of a coefficient table: estimate, standard error, test statistic (t or z),
/// two-sided p-value and confidence interval. Any figure may be undefined with a note
/// (e.g. a zero standard error makes t undefined).
public struct RegressionCoefficient: Sendable, Equatable {
    public let name: String
    public let estimate: Figure
    public let standardError: Figure
    /// t (or z when `CoefficientTable.df` is nil).
    public let statistic: Figure
    public let p: Figure
    public let ciLow: Figure
    public let ciHigh: Figure
}

/// Coefficients with one kind of standard error.
public struct CoefficientTable: Sendable, Equatable {
    /// "classical", "HC1", "cluster (CRV1)" or "maximum likelihood".
    public let kind: String
    /// Degrees of freedom of the t reference distribution; nil means standard normal.
    public let df: Double?
    public let confidence: Double
    public let coefficients: [RegressionCoefficient]
    /// Why the table or some of its figures are undefined, or a caveat about it.
    public let notes: [String]

    /// The coefficient named `name`, if present.
    public subscript(name: String) -> RegressionCoefficient? {
        coefficients.first { $0.name == name }
    }

    /// Builds t/z, p and CI from estimates and standard errors. `df == nil` uses the
    /// standard normal (statsmodels `use_t=False`), otherwise Student t with `df`.
    static func build(
        kind: String, names: [String], estimates: [Double], standardErrors: [Double],
        df: Double?, confidence: Double, notes: [String] = []
    ) -> CoefficientTable {
        let critical: Double
        let twoSided: (Double) -> Double
        let upper = (1 - confidence) / 2
        if let df {
            let t = StudentT(df: df)
            critical = t.upperQuantile(upper)
            twoSided = { t.twoSidedP($0) }
        } else {
            critical = Normal.standard.upperQuantile(upper)
            twoSided = { Normal.twoSidedP($0) }
        }
        var rows: [RegressionCoefficient] = []
        for (j, name) in names.enumerated() {
            let b = estimates[j], se = standardErrors[j]
            let estimate = Figure(b, orUndefined: "the estimate is not finite")
            guard se.isFinite, se >= 0 else {
                let why = "the standard error is undefined (variance estimate not finite or negative)"
                rows.append(RegressionCoefficient(
                    name: name, estimate: estimate, standardError: Figure(undefined: why),
                    statistic: Figure(undefined: why), p: Figure(undefined: why),
                    ciLow: Figure(undefined: why), ciHigh: Figure(undefined: why)))
                continue
            }
            let stat: Figure, p: Figure
            if se == 0 {
                let why = "the standard error is zero (the model fits exactly)"
                stat = Figure(undefined: why); p = Figure(undefined: why)
            } else {
                let value = b / se
                stat = Figure(value)
                p = Figure(twoSided(value), orUndefined: "the p-value could not be computed")
            }
            rows.append(RegressionCoefficient(
                name: name, estimate: estimate, standardError: Figure(se),
                statistic: stat, p: p,
                ciLow: Figure(b - critical * se, orUndefined: "the critical value is undefined"),
                ciHigh: Figure(b + critical * se, orUndefined: "the critical value is undefined")))
        }
        return CoefficientTable(kind: kind, df: df, confidence: confidence, coefficients: rows, notes: notes)
    }

    /// A table whose every figure is undefined for one reason.
    static func undefined(kind: String, names: [String], df: Double?, confidence: Double, reason: String) -> CoefficientTable {
        let f = Figure(undefined: reason)
        return CoefficientTable(
            kind: kind, df: df, confidence: confidence,
            coefficients: names.map {
                RegressionCoefficient(name: $0, estimate: f, standardError: f, statistic: f, p: f, ciLow: f, ciHigh: f)
            },
            notes: [reason])
    }
}
