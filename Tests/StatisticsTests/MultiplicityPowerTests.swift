import Testing
@testable import Statistics

@Suite struct MultiplicityTests {
    @Test func matchStatsmodels() throws {
        for c in cases(try coreFixture("multiplicity")) {
            let p = numbers(c["p"])
            for (label, adjusted, expected) in [("holm", AdjustedPValues.holm(p), numbers(c["holm"])),
                                                ("bh", AdjustedPValues.benjaminiHochberg(p), numbers(c["bh"]))] {
                #expect(adjusted.count == expected.count)
                for (a, e) in zip(adjusted, expected) { expectClose(a, e, pValue: true, "\(label) \(p)") }
            }
        }
    }

    @Test func undefinedStayUndefined() {
        let r = AdjustedPValues.holm([Figure(0.01), Figure(undefined: "too few"), Figure(0.04)])
        expectUndefined(r[1], "undefined input")
        // Two defined tests: 0.01·2 and max(0.02, 0.04·1).
        #expect(r[0].value == 0.02 && r[2].value == 0.04)
    }
}

@Suite struct MinimumDetectableDifferenceTests {
    @Test func matchFormula() throws {
        for c in cases(try coreFixture("power")) {
            let n1 = integer(c["n1"]), n2 = integer(c["n2"])
            let m = MinimumDetectableDifference.means(n1: n1, n2: n2, sd: number(c["sd"]))
            expectClose(m.standardized, number(c["delta"]), "delta \(n1)/\(n2)")
            expectClose(m.raw, number(c["raw"]), "raw \(n1)/\(n2)")
            let p = MinimumDetectableDifference.proportions(n1: n1, n2: n2, baseline: number(c["p0"])!)
            expectClose(p.proportionAbove, number(c["above"]), "above \(n1)/\(n2)")
            expectClose(p.proportionBelow, number(c["below"]), "below \(n1)/\(n2)")
        }
    }

    @Test func degenerate() {
        expectUndefined(MinimumDetectableDifference.means(n1: 0, n2: 5).standardized, "empty group")
        expectUndefined(MinimumDetectableDifference.means(n1: 4, n2: 5).raw, "no sd")
        expectUndefined(MinimumDetectableDifference.proportions(n1: 4, n2: 5, baseline: 1.5).proportionAbove, "p0 > 1")
    }
}
