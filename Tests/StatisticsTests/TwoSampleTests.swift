import Testing
@testable import Statistics

@Suite struct TwoSampleTests {
    @Test func matchScipy() throws {
        for c in cases(try coreFixture("two_sample")) {
            let name = c["name"] as! String
            let x = numbers(c["pilot"]), y = numbers(c["comparison"])
            let welch = WelchTest(x, y), student = StudentTest(x, y)
            for (label, r, e) in [("welch", welch.test, dict(c["welch"])), ("student", student.test, dict(c["student"]))] {
                expectClose(r.statistic, number(e["t"]), "\(name) \(label) t")
                expectClose(r.df!, number(e["df"]), "\(name) \(label) df")
                expectClose(r.p, number(e["p"]), pValue: true, "\(name) \(label) p")
            }
            expectClose(welch.difference.estimate, number(c["difference"]), "\(name) difference")
            expectClose(welch.difference.ciLow, number(dict(c["welch"])["ci_low"]), "\(name) welch ci_low")
            expectClose(welch.difference.ciHigh, number(dict(c["welch"])["ci_high"]), "\(name) welch ci_high")
            expectClose(student.difference.ciLow, number(dict(c["student"])["ci_low"]), "\(name) student ci_low")
            expectClose(student.difference.ciHigh, number(dict(c["student"])["ci_high"]), "\(name) student ci_high")

            let mw = MannWhitneyU(x, y), emw = dict(c["mann_whitney"])
            expectClose(mw.u, number(emw["u"]), "\(name) U")
            expectClose(mw.p, number(emw["p"]), pValue: true, "\(name) MWU p")
            #expect(mw.method?.rawValue == emw["method"] as? String, "\(name) MWU method")

            let hl = HodgesLehmann(x, y), ehl = dict(c["hodges_lehmann"])
            #expect(hl.lowerRank == integer(ehl["c"]), "\(name) HL rank")
            expectClose(hl.shift.estimate, number(ehl["estimate"]), "\(name) HL estimate")
            expectClose(hl.shift.ciLow, number(ehl["ci_low"]), "\(name) HL low")
            expectClose(hl.shift.ciHigh, number(ehl["ci_high"]), "\(name) HL high")

            let g = HedgesG(x, y).g, eg = dict(c["hedges_g"])
            expectClose(g.estimate, number(eg["estimate"]), "\(name) g")
            expectClose(g.ciLow, number(eg["ci_low"]), "\(name) g low")
            expectClose(g.ciHigh, number(eg["ci_high"]), "\(name) g high")
        }
    }

    @Test func exactUDistribution() throws {
        for c in cases(try coreFixture("mann_whitney_distribution")) {
            let dist = MannWhitneyDistribution(m: integer(c["m"]), n: integer(c["n"]))
            expectClose(dist.cdf(integer(c["u"])), number(c["cdf"]), pValue: true, "U cdf \(c)")
        }
    }

    @Test func pairwiseDifferenceSelection() {
        // Brute force against the selection by bisection, with ties and negatives.
        let x: [Double] = [3, -1.5, 2, 2, 7.25, 0], y: [Double] = [1, 1, -2, 4.5, 0.1]
        let all = x.flatMap { a in y.map { a - $0 } }.sorted()
        let pd = PairwiseDifferences(x, y)
        for k in 1...all.count { #expect(pd.kthSmallest(k) == all[k - 1], "k = \(k)") }
    }

    @Test func degenerate() {
        let empty = ContinuousComparison.compute(pilot: [], comparison: [1, 2, 3], pilotLabel: "p",
                                                 comparisonLabel: "c", outcome: "o")
        expectUndefined(empty.welch.p, "welch p, empty pilot")
        expectUndefined(empty.mannWhitney.u, "U, empty pilot")
        expectUndefined(empty.hodgesLehmann.shift.estimate, "HL, empty pilot")
        expectUndefined(empty.hedgesG.estimate, "g, empty pilot")
        expectUndefined(empty.pilot.summary.mean, "pilot mean, empty")

        let one = WelchTest([5], [1, 2, 3])
        expectUndefined(one.test.t, "welch t, n=1")
        #expect(one.difference.estimate.value == 3)

        let constant = WelchTest([2, 2, 2], [2, 2])
        expectUndefined(constant.test.t, "welch t, zero variance")
        expectUndefined(StudentTest([2, 2, 2], [2, 2]).test.p, "student p, zero variance")
        expectUndefined(HedgesG([2, 2, 2], [2, 2]).g.estimate, "g, zero variance")

        let ties = MannWhitneyU([4, 4, 4], [4, 4])
        #expect(ties.u.value == 3)
        expectUndefined(ties.p, "MWU p, all tied")
        expectUndefined(HodgesLehmann([4, 4, 4], [4, 4]).shift.ciLow, "HL CI, all tied")

        let nan = WelchTest([.nan, .nan], [1, 2, 3])
        expectUndefined(nan.test.p, "welch p, all missing")
    }
}

extension TestResult {
    var t: Figure { statistic }
}
