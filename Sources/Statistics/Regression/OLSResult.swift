/// The result of `OrdinaryLeastSquares.fit`.
public struct OLSResult: Sendable, Equatable {
    /// Coefficient names in order, "(intercept)" first when one was added.
    public let names: [String]
    /// Observations used (after listwise deletion).
    public let n: Int
    /// K, the number of coefficients.
    public let parameterCount: Int
    /// n − K.
    public let residualDF: Int
    /// Whether some column is a non-zero constant (then R² is centred).
    public let hasConstant: Bool
    /// Classical standard errors, t with n − K df.
    public let classical: CoefficientTable
    /// White's heteroskedasticity-robust errors scaled by n/(n − K) (MacKinnon & White
    /// 1985 "HC1"), t with n − K df.
    public let hc1: CoefficientTable
    /// Cluster-robust (CRV1) errors, t with G − 1 df; nil unless clusters were given.
    public let cluster: CoefficientTable?
    /// G, the number of clusters (nil unless clusters were given).
    public let clusterCount: Int?
    public let rSquared: Figure
    public let adjustedRSquared: Figure
    /// sqrt(SSR / (n − K)).
    public let residualStandardError: Figure
    public let residualSumOfSquares: Figure
    /// Overall F test of all non-constant coefficients (classical).
    public let fStatistic: Figure
    public let fP: Figure
    public let fitted: [Double]
    public let residuals: [Double]
    /// Positions (in the input) of the observations used.
    public let keptRows: [Int]
    /// Why the model could not be estimated (empty when it was).
    public let problems: [String]
    /// Caveats that do not stop estimation.
    public let notes: [String]

    /// The coefficient estimates (classical table), nil where undefined.
    public var estimates: [Double?] { classical.coefficients.map { $0.estimate.value } }

    func replacing(problems: [String]) -> OLSResult {
        OLSResult(names: names, n: n, parameterCount: parameterCount, residualDF: residualDF,
                  hasConstant: hasConstant, classical: classical, hc1: hc1, cluster: cluster,
                  clusterCount: clusterCount, rSquared: rSquared, adjustedRSquared: adjustedRSquared,
                  residualStandardError: residualStandardError, residualSumOfSquares: residualSumOfSquares,
                  fStatistic: fStatistic, fP: fP, fitted: fitted, residuals: residuals, keptRows: keptRows,
                  problems: problems, notes: notes)
    }
}
