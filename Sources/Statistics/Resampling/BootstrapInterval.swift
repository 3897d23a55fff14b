/// A bootstrap confidence interval of one kind.
public struct BootstrapInterval: Sendable, Equatable {
    public enum Method: String, Sendable, Equatable, Codable {
        /// Efron's percentile interval: the α/2 and 1 − α/2 quantiles of the
        /// bootstrap distribution.
        case percentile
        /// Bias-corrected and accelerated (Efron 1987; Efron & Tibshirani 1993 §14.3).
        case bca
    }
    public let method: Method
    public let confidence: Double
    public let low: Figure
    public let high: Figure
    /// BCa bias correction ẑ₀ (undefined for the percentile method).
    public let biasCorrection: Figure
    /// BCa acceleration â (undefined for the percentile method).
    public let acceleration: Figure
    /// The probability levels actually used for the lower and upper quantile.
    public let levels: (low: Double, high: Double)?

    public static func == (a: BootstrapInterval, b: BootstrapInterval) -> Bool {
        a.method == b.method && a.confidence == b.confidence && a.low == b.low && a.high == b.high
            && a.biasCorrection == b.biasCorrection && a.acceleration == b.acceleration
            && a.levels?.low == b.levels?.low && a.levels?.high == b.levels?.high
    }
}

extension Bootstrap {
    /// Percentile interval from given bootstrap replicates (type-7 quantiles, as
    /// `scipy.stats.bootstrap(method='percentile')`).
    public static func percentileInterval(replicates: [Double], confidence: Double = 0.95) -> BootstrapInterval {
        let why = "not used by the percentile method"
        guard let sorted = sortedFinite(replicates) else {
            let u = Figure(undefined: "there are no finite bootstrap replicates")
            return BootstrapInterval(method: .percentile, confidence: confidence, low: u, high: u,
                                     biasCorrection: Figure(undefined: why), acceleration: Figure(undefined: why), levels: nil)
        }
        let alpha = (1 - confidence) / 2
        return BootstrapInterval(
            method: .percentile, confidence: confidence,
            low: Figure(ResamplingMath.quantileSorted(sorted, alpha)),
            high: Figure(ResamplingMath.quantileSorted(sorted, 1 - alpha)),
            biasCorrection: Figure(undefined: why), acceleration: Figure(undefined: why),
            levels: (alpha, 1 - alpha))
    }

    /// BCa interval from given replicates, the estimate on the original data and the
    /// jackknife estimates (one array per sample: the statistic with observation i of
    /// that sample left out, the other samples whole).
    ///
    /// As `scipy.stats.bootstrap(method='BCa')` (Efron & Tibshirani 1993, eq. 14.14,
    /// 14.15 and 15.36):
    ///   ẑ₀ = Φ⁻¹(#{θ*_b < θ̂}/B + #{θ*_b ≤ θ̂}/B) / 2)  (ties counted half),
    ///   U_ji = (n_j − 1)(θ̄_(j·) − θ_(ji)),
    ///   â = Σ_j Σ_i U_ji³ / n_j³  ÷  6 (Σ_j Σ_i U_ji² / n_j²)^{3/2},
    ///   α₁ = Φ(ẑ₀ + (ẑ₀ + z_{α/2}) / (1 − â(ẑ₀ + z_{α/2}))), α₂ likewise with z_{1−α/2},
    /// and the interval is the α₁ and α₂ type-7 quantiles of the replicates.
    public static func bcaInterval(replicates: [Double], estimate: Double, jackknife: [[Double]],
                                   confidence: Double = 0.95) -> BootstrapInterval {
        func undefined(_ why: String) -> BootstrapInterval {
            let u = Figure(undefined: why)
            return BootstrapInterval(method: .bca, confidence: confidence, low: u, high: u,
                                     biasCorrection: u, acceleration: u, levels: nil)
        }
        guard let sorted = sortedFinite(replicates) else { return undefined("there are no finite bootstrap replicates") }
        guard estimate.isFinite else { return undefined("the statistic is undefined on the original data") }
        let b = Double(sorted.count)
        let below = Double(sorted.filter { $0 < estimate }.count)
        let atOrBelow = Double(sorted.filter { $0 <= estimate }.count)
        let share = (below + atOrBelow) / (2 * b)
        guard share > 0, share < 1 else {
            return undefined("every bootstrap replicate lies on one side of the estimate, so the BCa bias correction is infinite")
        }
        let z0 = Normal.standard.quantile(share)
        var num = 0.0, den = 0.0
        for theta in jackknife {
            let n = Double(theta.count)
            guard theta.count > 1, theta.allSatisfy({ $0.isFinite }) else {
                return undefined("the jackknife needs at least 2 observations per sample with a defined statistic")
            }
            let dot = ResamplingMath.mean(theta)
            for t in theta {
                let u = (n - 1) * (dot - t)
                num += u * u * u / (n * n * n)
                den += u * u / (n * n)
            }
        }
        guard den > 0 else {
            return undefined("the jackknife estimates do not vary, so the BCa acceleration is undefined (degenerate data)")
        }
        let a = num / (6 * den * den.squareRoot())
        let alpha = (1 - confidence) / 2
        let zLow = Normal.standard.quantile(alpha)
        func level(_ z: Double) -> Double {
            let t = z0 + z
            return Normal.standard.cdf(z0 + t / (1 - a * t))
        }
        let l1 = level(zLow), l2 = level(-zLow)
        guard l1.isFinite, l2.isFinite else { return undefined("the BCa levels are not finite") }
        return BootstrapInterval(
            method: .bca, confidence: confidence,
            low: Figure(ResamplingMath.quantileSorted(sorted, l1)),
            high: Figure(ResamplingMath.quantileSorted(sorted, l2)),
            biasCorrection: Figure(z0), acceleration: Figure(a), levels: (l1, l2))
    }

    static func sortedFinite(_ x: [Double]) -> [Double]? {
        let f = x.filter { $0.isFinite }
        return f.isEmpty ? nil : f.sorted()
    }
}
