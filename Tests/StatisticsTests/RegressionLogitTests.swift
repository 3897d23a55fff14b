import Foundation
import Testing
@testable import Statistics

/// Logistic regression against statsmodels 0.15 `Logit` (models_logit.json).
@Suite struct RegressionLogitTests {
    // Read-only after loading; JSONSerialization values are not Sendable.
    nonisolated(unsafe) static let cases: [[String: Any]] = ((try? modelsFixture("logit"))?["cases"] as? [[String: Any]]) ?? []

    @Test func fixtureLoaded() { #expect(Self.cases.count >= 7) }

    @Test(arguments: cases.compactMap { $0["name"] as? String })
    func matchesStatsmodels(name: String) throws {
        let c = try #require(Self.cases.first { $0["name"] as? String == name })
        let fit = try LogisticRegression.fit(y: doubles(c["y"]), predictors: doubleRows(c["predictors"]),
                                             names: c["names"] as? [String] ?? [])
        if let problem = c["expect_problem"] as? String {
            #expect(fit.problems.joined().contains(problem), "\(name): \(fit.problems)")
            #expect(fit.coefficients.coefficients.allSatisfy { !$0.estimate.isDefined })
            return
        }
        #expect(fit.problems.isEmpty, "\(name): \(fit.problems)")
        #expect(fit.converged)
        #expect(fit.coefficients.df == nil, "Wald z, normal reference")
        expectTable(fit.coefficients, c, statistic: "zvalues", name)
        #expect(modelsClose(fit.logLikelihood.value, c["llf"] as! Double))
        #expect(modelsClose(fit.nullLogLikelihood.value, c["llnull"] as! Double))
        #expect(modelsClose(fit.pseudoRSquared.value, c["prsquared"] as! Double))
    }

    @Test func nonBinaryOutcomeIsReported() throws {
        let fit = try LogisticRegression.fit(y: [0, 1, 2, 1], predictors: [[1, 2, 3, 4]], names: ["x"])
        #expect(fit.problems.first?.contains("0 or 1") == true)
    }
}
