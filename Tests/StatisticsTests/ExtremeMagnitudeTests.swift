import Foundation
import Testing
@testable import Statistics

/// Values near the ends of Double's range (found by an independent cross-check against
/// R): squares overflow beyond ~1e154 and underflow below ~1e-162, and the SD used to
/// become 0, so `compare` said both groups had zero variance. Expected means and SDs are
/// exact, from Python's `statistics` on `fractions.Fraction`s of the same doubles,
/// rounded once to a double:
///
///     from fractions import Fraction; import statistics
///     float(statistics.stdev([Fraction(x) for x in xs]))
@Suite struct ExtremeMagnitudeTests {
    static let cases: [(name: String, values: [Double], mean: Double, sd: Double)] = [
        ("near 1e300", [1e300, 2e300, 3e300, 4e300], 2.5e300, 1.2909944487358056e300),
        ("near 1e-300", [1e-300, 2e-300, 3e-300, 4e-300], 2.5e-300, 1.2909944487358057e-300),
        ("near ±1.7e308", [1.7e308, -1.7e308, 1.6e308, 1.5e308], 7.75e307, 1.6520189667999173e308),
        ("multiples of 5e-324", [5e-324, 1e-323, 1.5e-323, 2e-323, 2.5e-323], 1.5e-323, 1e-323),
    ]

    @Test func meanAndSDAreRightAtTheEndsOfTheRange() {
        for c in Self.cases {
            let d = Descriptives(of: c.values)
            let mean = d.mean.value ?? .nan, sd = d.sd.value ?? .nan
            #expect(abs(mean - c.mean) <= 1e-9 * abs(c.mean), "\(c.name): mean \(mean)")
            if c.sd >= 1e-307 {
                #expect(abs(sd - c.sd) <= 1e-9 * c.sd, "\(c.name): sd \(sd)")
            } else {
                // Subnormal: the SD is a whole number of 5e-324; one step either way.
                #expect(abs(sd - c.sd) <= 5e-324, "\(c.name): sd \(sd)")
            }
            #expect(sd > 0, "\(c.name): the SD must not collapse to 0")
        }
    }

    /// Welch's t, df and p do not depend on the unit: the data near 1e300 give exactly
    /// the figures of the same data divided by 2^997 (an exact scaling to near 1), whose
    /// Welch test is ordinary; the difference and its CI scale back by 2^997.
    @Test func welchIsUnitFreeAtTheEndsOfTheRange() {
        let x = [1e300, 2e300, 3e300, 4e300], y = [1.5e300, 1.7e300, 3.1e300]
        let k = Double(sign: .plus, exponent: 997, significand: 1)
        let big = WelchTest(x, y), ordinary = WelchTest(x.map { $0 / k }, y.map { $0 / k })
        #expect(big.test.statistic.value != nil)
        #expect(big.test.statistic == ordinary.test.statistic)
        #expect(big.test.df == ordinary.test.df)
        #expect(big.test.p == ordinary.test.p)
        #expect(big.difference.estimate.value == ordinary.difference.estimate.value.map { $0 * k })
        #expect(big.difference.ciLow.value == ordinary.difference.ciLow.value.map { $0 * k })
        let tiny = WelchTest(x.map { $0 * 1e-300 * 1e-300 }, y.map { $0 * 1e-300 * 1e-300 })   // near 1e-300
        #expect(tiny.test.p.value != nil, "\(tiny.test.p.note ?? "")")
        #expect(abs(tiny.test.statistic.value! - ordinary.test.statistic.value!) <= 1e-9 * abs(ordinary.test.statistic.value!))
        let g = HedgesG(x, y).g, gOrdinary = HedgesG(x.map { $0 / k }, y.map { $0 / k }).g
        #expect(g.estimate == gOrdinary.estimate)
        let student = StudentTest(x, y), studentOrdinary = StudentTest(x.map { $0 / k }, y.map { $0 / k })
        #expect(student.test.statistic == studentOrdinary.test.statistic)
    }

    /// Ordinary data take the unscaled path: bit for bit what they gave before.
    @Test func ordinaryDataAreNotScaled() {
        #expect(Summation.scale([1, 2, 3e100, -4e-100]) == 1)
        #expect(Summation.scale([1e151]) != 1)
        #expect(Summation.scale([1e-151]) != 1)
        #expect(Summation.scale([0, 0]) == 1)
    }
}
