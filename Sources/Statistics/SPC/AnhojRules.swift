import Foundation

/// The critical values of the Anhøj rules for runs analysis, as qicharts2's
/// `runs.analysis()` computes them (Anhøj & Olesen 2014, doi:10.1371/journal.pone.0113825).
/// Both depend only on the number of useful points: points not on the centre line.
public enum AnhojRules {
    /// The longest run may be at most round(log2(n)) + 3 points (Schilling 2012); a longer
    /// run signals a shift. R's `round` is half-to-even, but log2 of an integer is never
    /// exactly k + 0.5 (2^(k+0.5) is irrational), so the rounding rule never matters here;
    /// half-to-even is used anyway so the code reads as the R it transcribes.
    public static func longestRunMax(usefulPoints n: Int) -> Int {
        precondition(n >= 1, "the run limit needs at least one useful point")
        return Int(log2(Double(n)).rounded(.toNearestOrEven)) + 3
    }

    /// Fewer crossings than qbinom(0.05, n − 1, 0.5) signal (Chen 2010): in a random
    /// sequence each of the n − 1 gaps between useful points is a crossing with
    /// probability ½, and this is the lower 5 % limit of that binomial count.
    public static func crossingsMin(usefulPoints n: Int) -> Int {
        precondition(n >= 1, "the crossings limit needs at least one useful point")
        return Binomial(n: n - 1, p: 0.5).quantile(0.05)
    }

    /// Whether either rule can signal at all with n useful points: a run longer than the
    /// limit needs more points than the limit, and the crossings rule needs a limit above
    /// zero. With 5 or fewer useful points neither can (n = 6 is the first where zero
    /// crossings falls below the limit of 1).
    public static func signalPossible(usefulPoints n: Int) -> Bool {
        guard n >= 1 else { return false }
        return n > longestRunMax(usefulPoints: n) || crossingsMin(usefulPoints: n) > 0
    }
}
