import Foundation

/// Wild cluster bootstrap of the CRV1 t statistic of a difference-in-differences
/// coefficient with the null β = 0 imposed ("WCR", Cameron, Gelbach & Miller 2008;
/// Roodman, MacKinnon, Nielsen & Webb 2019, "Fast and wild", Stata J 19):
/// 1. fit the model without the effect column (the null imposed): fitted ŷ⁰, residuals ũ;
/// 2. for each replicate draw one weight v_g per cluster and set y* = ŷ⁰ + v_g·ũ;
/// 3. refit the full model to y*, t* = β*/se*(CRV1);
/// 4. p = #{|t*| ≥ |t|} / B (symmetric two-sided, boottest's convention; ties within
///    a relative 1e-10 count as extreme).
/// Weights are Rademacher (±1, each ½) or Webb's six-point (±√½, ±1, ±√(3/2), each
/// ⅙; Webb 2023, Can J Econ 56), drawn cluster by cluster, replicate by replicate,
/// with GSL's mt19937 (`gsl_rng_uniform_int(r, 2)` or `(r, 6)`: index 0 is the most
/// negative weight). When all 2^G Rademacher (or 6^G Webb) sign patterns are no more
/// than the replicates asked for, every pattern is enumerated instead (pattern b gives
/// cluster g the weight of digit g of b in base 2 or 6), and p is exact.
///
/// With one treated cluster this bootstrap is known to under-reject badly (MacKinnon &
/// Webb 2017, "Wild bootstrap inference for wildly different cluster sizes", J Appl
/// Econ 32; 2018, Econometrics J 21): its p-value is a second opinion, and the
/// randomisation over units is the headline.
public enum WildClusterBootstrap {
    public enum Weights: String, Sendable, Codable {
        case rademacher, webb

        var values: [Double] {
            switch self {
            case .rademacher: return [-1, 1]
            case .webb: return [-(1.5).squareRoot(), -1, -(0.5).squareRoot(), (0.5).squareRoot(), 1, (1.5).squareRoot()]
            }
        }
    }

    public struct Options: Sendable, Equatable {
        public var weights: Weights
        public var replicates: Int
        public var seed: UInt
        public init(weights: Weights = .webb, replicates: Int = 9999, seed: UInt = 20240601) {
            self.weights = weights; self.replicates = replicates; self.seed = seed
        }
    }

    static func test(panel: DiDPanel, effect: @escaping (DiDPanel.Cell) -> Double, options: Options) -> WildClusterBootstrapResult {
        let g = panel.units.count
        func undefined(_ why: String) -> WildClusterBootstrapResult {
            WildClusterBootstrapResult(weights: options.weights, clusters: g, replicates: 0, enumerated: false,
                                       seed: nil, estimate: Figure(undefined: why), standardError: Figure(undefined: why),
                                       t: Figure(undefined: why), p: Figure(undefined: why), smallestAttainableP: nil,
                                       notes: [why])
        }
        guard g >= 2 else { return undefined("the wild cluster bootstrap needs at least 2 clusters (there are \(g))") }
        guard options.replicates >= 1 else { return undefined("the number of replicates must be at least 1") }
        guard let full = panel.regression(effects: [effect]),
              let restricted = panel.regression(effects: []) else {
            return undefined("the model cannot be estimated (its design is singular)")
        }
        let y = panel.cells.map(\.mean)
        let d = full.effectStart
        let row = full.model.inverseRow(d)
        let b = full.model.coefficients(y)
        guard let se = full.model.clusterStandardError(index: d, inverseRow: row, y: y, b: b), se > 0 else {
            return undefined("the cluster-robust standard error is zero or undefined, so there is no t statistic to bootstrap")
        }
        let t = b[d] / se
        let null = restricted.model.fitted(restricted.model.coefficients(y))
        let residual = zip(y, null).map { $0 - $1 }
        let clusterOf = full.model.clusters

        // The draws: every pattern, or random.
        let values = options.weights.values
        let patterns = pow(Double(values.count), Double(g))
        let enumerate = patterns <= Double(options.replicates)
        let replicates = enumerate ? Int(patterns) : options.replicates
        let rng = enumerate ? nil : ResamplingRandom(seed: options.seed)
        var v = [Double](repeating: 0, count: g)
        var extreme = 0, undefinedReplicates = 0
        // Structural ties: flipping every cluster's sign gives exactly −t, which
        // rounding can move by far more than an ulp; 1e-10 relative counts it as a tie.
        let threshold = abs(t) * (1 - 1e-10)
        var ystar = [Double](repeating: 0, count: y.count)
        for r in 0..<replicates {
            if enumerate {
                var code = r
                for c in 0..<g { v[c] = values[code % values.count]; code /= values.count }
            } else {
                for c in 0..<g { v[c] = values[rng!.index(below: values.count)] }
            }
            for i in ystar.indices { ystar[i] = null[i] + v[clusterOf[i]] * residual[i] }
            let bs = full.model.coefficients(ystar)
            guard let ses = full.model.clusterStandardError(index: d, inverseRow: row, y: ystar, b: bs), ses > 0 else {
                undefinedReplicates += 1
                continue
            }
            if abs(bs[d] / ses) >= threshold { extreme += 1 }
        }
        var notes: [String] = []
        if undefinedReplicates > 0 {
            notes.append("\(undefinedReplicates) replicate(s) had a zero standard error and count as not extreme")
        }
        notes.append("with one treated cluster the wild cluster bootstrap with the null imposed is known to under-reject (MacKinnon & Webb 2017): read this p-value as a second opinion beside the randomisation over units")
        if enumerate {
            notes.append("all \(replicates) weight patterns of \(g) clusters were enumerated, so p is exact for this bootstrap and cannot be below 1/\(replicates)")
        }
        return WildClusterBootstrapResult(
            weights: options.weights, clusters: g, replicates: replicates, enumerated: enumerate,
            seed: enumerate ? nil : options.seed,
            estimate: Figure(b[d]), standardError: Figure(se), t: Figure(t),
            p: Figure(Double(extreme) / Double(replicates)),
            smallestAttainableP: 1 / Double(replicates), notes: notes)
    }
}

public struct WildClusterBootstrapResult: Sendable, Equatable {
    public let weights: WildClusterBootstrap.Weights
    /// G.
    public let clusters: Int
    /// B (the number of patterns when enumerated).
    public let replicates: Int
    public let enumerated: Bool
    /// The mt19937 seed when weights were drawn at random.
    public let seed: UInt?
    public let estimate: Figure
    /// CRV1 standard error (statsmodels' small-sample factor, cases as N).
    public let standardError: Figure
    /// β / se(CRV1): the statistic being bootstrapped (its t(G − 1) p-value is not
    /// valid with one treated cluster and is not reported).
    public let t: Figure
    public let p: Figure
    public let smallestAttainableP: Double?
    public let notes: [String]
}
