import Foundation
import Testing
@testable import Statistics

/// OLS against statsmodels 0.15 (models_ols.json; regenerate with
/// `python3 make_fixtures_models.py` in Fixtures/).
@Suite struct RegressionOLSTests {
    // Read-only after loading; JSONSerialization values are not Sendable.
    nonisolated(unsafe) static let cases: [[String: Any]] = ((try? modelsFixture("ols"))?["cases"] as? [[String: Any]]) ?? []

    @Test func fixtureLoaded() { #expect(Self.cases.count >= 8) }

    @Test(arguments: cases.compactMap { $0["name"] as? String })
    func matchesStatsmodels(name: String) throws {
        let c = try #require(Self.cases.first { $0["name"] as? String == name })
        let fit = try OrdinaryLeastSquares.fit(
            y: doubles(c["y"]), predictors: doubleRows(c["predictors"]),
            names: c["names"] as? [String] ?? [], intercept: c["intercept"] as? Bool ?? true,
            clusters: c["clusters"] as? [String])
        if let problem = c["expect_problem"] as? String {
            #expect(!fit.problems.isEmpty, "\(name): a problem should be reported")
            #expect(fit.problems.joined().contains(problem), "\(name): \(fit.problems)")
            #expect(fit.classical.coefficients.allSatisfy { !$0.estimate.isDefined })
            return
        }
        #expect(fit.problems.isEmpty, "\(name): \(fit.problems)")
        expectTable(fit.classical, try #require(c["classical"] as? [String: Any]), "\(name) classical")
        expectTable(fit.hc1, try #require(c["hc1"] as? [String: Any]), "\(name) HC1")
        #expect(fit.hc1.df == Double(fit.residualDF))
        if let cl = c["cluster"] as? [String: Any] {
            let table = try #require(fit.cluster)
            expectTable(table, cl, "\(name) cluster")
            #expect(table.df == (cl["df"] as? Double), "cluster df is G − 1")
        }
        #expect(modelsClose(fit.rSquared.value, c["rsquared"] as! Double), "\(name) R²")
        #expect(modelsClose(fit.adjustedRSquared.value, c["rsquared_adj"] as! Double), "\(name) adj R²")
        #expect(modelsClose(fit.residualStandardError.value, c["sigma"] as! Double), "\(name) sigma")
        #expect(modelsClose(fit.residualSumOfSquares.value, c["ssr"] as! Double), "\(name) SSR")
        if let f = c["fvalue"] as? Double {
            #expect(modelsClose(fit.fStatistic.value, f), "\(name) F")
            #expect(modelsClose(fit.fP.value, c["f_pvalue"] as! Double, p: true), "\(name) F p")
        } else {
            #expect(!fit.fStatistic.isDefined)
        }
    }

    @Test func collinearNamesTheColumns() throws {
        let a: [Double] = [1, 2, 3, 4, 5, 6], b: [Double] = [2, 1, 4, 3, 6, 5]
        let fit = try OrdinaryLeastSquares.fit(y: [1, 3, 2, 5, 4, 6], predictors: [a, b, zip(a, b).map { $0 - $1 }],
                                               names: ["visits", "calls", "net"])
        let text = fit.problems.joined(separator: " ")
        #expect(text.contains("linear combination"))
        #expect(text.contains("'visits'") && text.contains("'calls'") && text.contains("'net'"))
    }

    @Test func listwiseDeletionAndOneCluster() throws {
        let fit = try OrdinaryLeastSquares.fit(y: [1, 2, .nan, 4, 5.5, 5], predictors: [[1, 2, 3, 4, 5, 6]], names: ["x"],
                                               clusters: ["a", "a", "a", "a", "a", "a"])
        #expect(fit.n == 5)
        #expect(fit.keptRows == [0, 1, 3, 4, 5])
        #expect(fit.notes.contains { $0.contains("listwise") })
        #expect(fit.cluster?.coefficients.allSatisfy { !$0.standardError.isDefined } == true)
        #expect(fit.cluster?.notes.first?.contains("at least 2 clusters") == true)
    }

    @Test func exactFitGivesZeroErrorsAndWords() throws {
        let fit = try OrdinaryLeastSquares.fit(y: [3, 5, 7, 9], predictors: [[1, 2, 3, 4]], names: ["x"])
        #expect(fit.classical["x"]?.estimate.value.map { abs($0 - 2) < 1e-14 } == true)
        #expect(fit.classical["x"]?.standardError.value == 0)
        #expect(fit.classical["x"]?.statistic.isDefined == false)
        #expect(fit.notes.contains { $0.contains("exactly") })
    }

    @Test func mismatchedLengthsThrow() {
        #expect(throws: StatisticsError.self) {
            try OrdinaryLeastSquares.fit(y: [1, 2, 3], predictors: [[1, 2]], names: ["x"])
        }
    }
}
