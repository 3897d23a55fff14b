import Testing
@testable import Statistics

/// Quantiles at the points where GSL's own inverse CDFs return NaN (DESIGN §4).
/// Expected values: scipy 1.17.1, `stats.chi2.ppf(0.975, 1e5)`,
/// `stats.f.isf(0.975, 99999, 699993)`, `stats.f.ppf(0.975, 3, 1e6)`.
@Suite struct GuardedQuantileTests {
    @Test func chiSquareLargeDf() {
        let x = ChiSquared(df: 1e5).quantile(0.975)
        #expect(abs(x - 100878.41530566558) / 100878.41530566558 < 1e-12)
    }

    @Test func fUpperQuantileLargeDf() {
        let x = FisherF(df1: 99999, df2: 699993).upperQuantile(0.975)
        #expect(abs(x - 0.9906567221704825) / 0.9906567221704825 < 1e-12)
    }

    @Test func fLargeDenominator() {
        let x = FisherF(df1: 3, df2: 1e6).quantile(0.975)
        #expect(abs(x - 3.116147542239905) / 3.116147542239905 < 1e-12)
    }

    @Test func normalQuantile() {
        // 0.975 quantile of the standard normal, scipy `norm.ppf(0.975)`.
        #expect(abs(Normal.standard.quantile(0.975) - 1.959963984540054) < 1e-15)
    }

    @Test func qbinomMatchesR() {
        // R: qbinom(0.05, 9, 0.5) = 2; qbinom(0.05, 99, 0.5) = 41.
        #expect(Binomial(n: 9, p: 0.5).quantile(0.05) == 2)
        #expect(Binomial(n: 99, p: 0.5).quantile(0.05) == 41)
    }
}
