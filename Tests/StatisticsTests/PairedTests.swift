import Testing
@testable import Statistics

@Suite struct PairedTests {
    @Test func matchScipy() throws {
        for c in cases(try coreFixture("paired")) {
            let name = c["name"] as! String
            let x = numbers(c["x"]), y = numbers(c["y"])
            let t = PairedTTest(x, y), et = dict(c["t"])
            expectClose(t.test.statistic, number(et["t"]), "\(name) t")
            expectClose(t.test.df!, number(et["df"]), "\(name) df")
            expectClose(t.test.p, number(et["p"]), pValue: true, "\(name) t p")
            expectClose(t.difference.estimate, number(et["estimate"]), "\(name) mean diff")
            expectClose(t.difference.ciLow, number(et["ci_low"]), "\(name) ci low")
            expectClose(t.difference.ciHigh, number(et["ci_high"]), "\(name) ci high")
            let w = WilcoxonSignedRank(x, y), ew = dict(c["wilcoxon"])
            expectClose(w.statistic, number(ew["statistic"]), "\(name) W")
            expectClose(w.p, number(ew["p"]), pValue: true, "\(name) wilcoxon p")
            #expect(w.method?.rawValue == ew["method"] as? String, "\(name) method")
        }
    }

    @Test func degenerate() {
        expectUndefined(PairedTTest([1], [2]).test.p, "one pair")
        expectUndefined(PairedTTest([1, 2, 3], [0, 1, 2]).test.statistic, "constant difference")
        expectUndefined(PairedTTest([1, 2], [1]).test.p, "unequal lengths")
        let zeros = WilcoxonSignedRank([1, 2, 3], [1, 2, 3])
        expectUndefined(zeros.p, "all differences zero")
        expectUndefined(WilcoxonSignedRank([.nan, 1], [2, .nan]).p, "no complete pairs")
    }
}
