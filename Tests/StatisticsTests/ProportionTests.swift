import Testing
@testable import Statistics

@Suite struct ProportionTests {
    @Test func wilsonAndClopperPearson() throws {
        for c in cases(try coreFixture("proportions")) {
            let k = integer(c["k"]), n = integer(c["n"])
            let w = WilsonInterval.compute(events: k, trials: n)
            let ew = numbers(c["wilson"])
            expectClose(w.ciLow, ew[0], "wilson low \(k)/\(n)")
            expectClose(w.ciHigh, ew[1], "wilson high \(k)/\(n)")
            if k == 0 { #expect(w.ciLow.value == 0) }
            if k == n { #expect(w.ciHigh.value == 1) }
            let b = ClopperPearsonInterval.compute(events: k, trials: n)
            let eb = numbers(c["beta"])
            expectClose(b.ciLow, eb[0], "beta low \(k)/\(n)")
            expectClose(b.ciHigh, eb[1], "beta high \(k)/\(n)")
        }
    }

    @Test func binaryComparison() throws {
        for c in cases(try coreFixture("binary")) {
            let name = c["name"] as! String
            let r = BinaryComparison.compute(pilotEvents: integer(c["a"]), pilotN: integer(c["n1"]),
                                             comparisonEvents: integer(c["c"]), comparisonN: integer(c["n2"]),
                                             pilotLabel: "pilot", comparisonLabel: "line", outcome: "o")
            expectClose(r.pilot.proportion.ciLow, numbers(c["pilot_ci"])[0], "\(name) pilot low")
            expectClose(r.pilot.proportion.ciHigh, numbers(c["pilot_ci"])[1], "\(name) pilot high")
            expectClose(r.comparison.proportion.ciLow, numbers(c["comparison_ci"])[0], "\(name) comparison low")
            expectClose(r.comparison.proportion.ciHigh, numbers(c["comparison_ci"])[1], "\(name) comparison high")
            let d = dict(c["difference"])
            expectClose(r.difference.estimate, number(d["estimate"]), "\(name) diff")
            expectClose(r.difference.ciLow, number(d["ci_low"]), "\(name) diff low")
            expectClose(r.difference.ciHigh, number(d["ci_high"]), "\(name) diff high")
            for (label, est, e) in [("rr", r.riskRatio, c["risk_ratio"]), ("or", r.oddsRatio, c["odds_ratio"])] {
                let e = e as? [String: Any]
                expectClose(est.estimate, number(e?["estimate"]), "\(name) \(label)")
                expectClose(est.ciLow, number(e?["ci_low"]), "\(name) \(label) low")
                expectClose(est.ciHigh, number(e?["ci_high"]), "\(name) \(label) high")
            }
            let chi = c["chi_square"] as? [String: Any]
            expectClose(r.chiSquare.statistic, number(chi?["statistic"]), "\(name) chi2")
            expectClose(r.chiSquare.p, number(chi?["p"]), pValue: true, "\(name) chi2 p")
            expectClose(r.fisherP, number(c["fisher_p"]), pValue: true, "\(name) fisher")
        }
    }

    @Test func chiSquareRxC() throws {
        for c in cases(try coreFixture("rxc")) {
            let table = (c["table"] as! [[Any]]).map { $0.map(integer) }
            let r = ChiSquareTest.compute(table, yates: false)
            expectClose(r.statistic, number(c["statistic"]), "\(c["name"]!) X2")
            expectClose(r.df!, number(c["df"]), "\(c["name"]!) df")
            expectClose(r.p, number(c["p"]), pValue: true, "\(c["name"]!) p")
        }
    }

    @Test func fisherExact() throws {
        for c in cases(try coreFixture("fisher")) {
            let t = (c["table"] as! [[Any]]).map { $0.map(integer) }
            let table = TwoByTwoTable(pilotEvents: t[0][0], pilotN: t[0][0] + t[0][1],
                                      comparisonEvents: t[1][0], comparisonN: t[1][0] + t[1][1])
            expectClose(FisherExactTest.twoSidedP(table), number(c["p"]), pValue: true, "fisher \(t)")
        }
    }

    @Test func degenerate() throws {
        expectUndefined(WilsonInterval.compute(events: 0, trials: 0).ciLow, "wilson n=0")
        expectUndefined(ClopperPearsonInterval.compute(events: 0, trials: 0).ciHigh, "beta n=0")
        let none = BinaryComparison.compute(pilotEvents: 0, pilotN: 10, comparisonEvents: 0, comparisonN: 12,
                                            pilotLabel: "p", comparisonLabel: "c", outcome: "o")
        expectUndefined(none.riskRatio.estimate, "RR without events")
        expectUndefined(none.oddsRatio.ciHigh, "OR without events")
        expectUndefined(none.chiSquare.p, "chi2 with an empty column")
        #expect(none.fisherP.value == 1)
        let empty = BinaryComparison.compute(pilotEvents: 0, pilotN: 0, comparisonEvents: 3, comparisonN: 12,
                                             pilotLabel: "p", comparisonLabel: "c", outcome: "o")
        expectUndefined(empty.pilot.proportion.estimate, "empty pilot proportion")
        expectUndefined(empty.difference.estimate, "difference with empty pilot")
        expectUndefined(ChiSquareTest.compute([[1, 2, 3]], yates: false).statistic, "one-row table")
        #expect(throws: StatisticsError.self) {
            _ = try BinaryComparison.compute(pilot: [0, 1, 2], comparison: [0, 1], pilotLabel: "p",
                                             comparisonLabel: "c", outcome: "o")
        }
        let fromValues = try BinaryComparison.compute(pilot: [0, 1, 1, .nan], comparison: [0, 0, 1],
                                                      pilotLabel: "p", comparisonLabel: "c", outcome: "o")
        #expect(fromValues.pilot.n == 3 && fromValues.pilot.events == 2)
    }
}
