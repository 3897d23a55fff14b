import Foundation
import Testing
@testable import Statistics

/// Bootstrap intervals, permutation tests and permutation over units
/// (models_resampling.json from Fixtures/make_fixtures_models.py).
@Suite struct ResamplingTests {
    nonisolated(unsafe) static let fixture: [String: Any] = ((try? modelsFixture("resampling"))?["cases"] as? [String: Any]) ?? [:]
    nonisolated(unsafe) static let boot: [[String: Any]] = fixture["bootstrap"] as? [[String: Any]] ?? []
    nonisolated(unsafe) static let perm: [[String: Any]] = fixture["permutation"] as? [[String: Any]] ?? []

    /// scipy's own replicates fed to our interval code must give scipy's interval.
    @Test(arguments: boot.compactMap { $0["name"] as? String })
    func intervalFromScipyReplicates(name: String) throws {
        let c = try #require(Self.boot.first { $0["name"] as? String == name })
        let reps = doubles(c["replicates"])
        let interval: BootstrapInterval
        if c["method"] as? String == "bca" {
            interval = Bootstrap.bcaInterval(replicates: reps, estimate: c["estimate"] as! Double,
                                             jackknife: doubleRows(c["jackknife"]))
            if let z0 = c["z0"] as? Double {
                #expect(modelsClose(interval.biasCorrection.value, z0), "\(name) z0")
                #expect(modelsClose(interval.acceleration.value, c["acceleration"] as! Double), "\(name) a")
            }
        } else {
            interval = Bootstrap.percentileInterval(replicates: reps)
        }
        #expect(modelsClose(interval.low.value, c["ci_low"] as! Double), "\(name) low \(interval.low)")
        #expect(modelsClose(interval.high.value, c["ci_high"] as! Double), "\(name) high \(interval.high)")
    }

    @Test func percentileOfKnownDistribution() {
        // Replicates 0…100: type-7 quantiles at 0.025 and 0.975 are 2.5 and 97.5 (up to
        // the rounding of (1 − 0.95)/2, as in scipy).
        let i = Bootstrap.percentileInterval(replicates: (0...100).map(Double.init).shuffled())
        #expect(modelsClose(i.low.value, 2.5) && modelsClose(i.high.value, 97.5))
    }

    @Test func sameSeedSameResultOtherSeedOther() {
        let x: [Double] = [3, 7, 1, 9, 4, 4, 6, 2, 8, 5, 11, 0.5]
        let a = Bootstrap.oneSample(x, resamples: 999, seed: 42)
        let b = Bootstrap.oneSample(x, resamples: 999, seed: 42)
        let c = Bootstrap.oneSample(x, resamples: 999, seed: 43)
        #expect(a == b)
        #expect(a.replicates != c.replicates)
        let d1 = Bootstrap.differenceOfMeans(pilot: x, comparison: x.map { $0 + 1 }, resamples: 499, seed: 7)
        let d2 = Bootstrap.differenceOfMeans(pilot: x, comparison: x.map { $0 + 1 }, resamples: 499, seed: 7)
        #expect(d1 == d2)
        #expect(d1.estimate.value.map { abs($0 + 1) < 1e-12 } == true)
        let p1 = PermutationTest.differenceOfMeans(pilot: x, comparison: x.map { $0 * 1.5 }, resamples: 999, seed: 5, exactLimit: 10)
        let p2 = PermutationTest.differenceOfMeans(pilot: x, comparison: x.map { $0 * 1.5 }, resamples: 999, seed: 5, exactLimit: 10)
        #expect(p1 == p2 && !p1.exact && p1.seed == 5)
    }

    @Test func bcaMatchesItsOwnJackknifeOnGeneratedData() throws {
        // End to end: the BCa interval of a generated bootstrap equals the formula
        // applied to the result's replicates.
        let x: [Double] = [0.2, 0.5, 0.9, 1.1, 1.4, 2.2, 3.0, 4.7, 6.1, 9.9]
        let r = Bootstrap.oneSample(x, resamples: 1999, seed: 2024)
        let jack = (0..<x.count).map { i -> Double in var y = x; y.remove(at: i); return y.reduce(0, +) / Double(y.count) }
        let again = Bootstrap.bcaInterval(replicates: r.replicates, estimate: x.reduce(0, +) / 10, jackknife: [jack])
        #expect(modelsClose(r.bca.low.value, again.low.value!) && modelsClose(r.bca.high.value, again.high.value!))
        #expect(r.bca.low.value! < r.bca.high.value!)
        #expect(r.percentile.low.value! < 3 && r.percentile.high.value! > 3)
    }

    @Test func degenerateBootstrapSaysWhy() {
        let r = Bootstrap.oneSample([2, 2, 2, 2], resamples: 99, seed: 1)
        #expect(r.bca.low.isDefined == false)
        #expect(r.bca.low.note?.contains("one side") == true || r.bca.low.note?.contains("jackknife") == true)
        #expect(Bootstrap.oneSample([1], seed: 1).estimate.note?.contains("at least 2") == true)
    }

    /// Coverage of the 95 % percentile interval for a normal mean, n = 25, 200 data
    /// sets × 399 resamples. The percentile interval slightly under-covers at this n
    /// (≈ 0.93); Binomial(200, 0.93) puts 99.9 % of outcomes in [172, 196].
    @Test func percentileCoverageIsNearNominal() {
        let rng = ResamplingRandom(seed: 99)
        var covered = 0
        for s in 0..<200 {
            // Box–Muller from the same generator keeps the test self-contained.
            let x = (0..<25).map { _ -> Double in
                let u1 = (Double(rng.index(below: 1 << 30)) + 0.5) / Double(1 << 30)
                let u2 = Double(rng.index(below: 1 << 30)) / Double(1 << 30)
                return 10 + 2 * (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
            }
            let r = Bootstrap.oneSample(x, resamples: 399, seed: UInt(1000 + s))
            if let lo = r.percentile.low.value, let hi = r.percentile.high.value, lo <= 10, 10 <= hi { covered += 1 }
        }
        #expect((172...196).contains(covered), "covered \(covered) of 200")
    }

    @Test(arguments: perm.compactMap { $0["name"] as? String })
    func exactPermutationMatchesScipy(name: String) throws {
        let c = try #require(Self.perm.first { $0["name"] as? String == name })
        let r = PermutationTest.differenceOfMeans(pilot: doubles(c["pilot"]), comparison: doubles(c["comparison"]), seed: 0)
        #expect(r.exact)
        #expect(r.arrangements == c["arrangements"] as? Int)
        #expect(modelsClose(r.difference.value, c["difference"] as! Double))
        #expect(modelsClose(r.p.value, c["p"] as! Double, p: true), "\(name) p \(r.p)")
        #expect(modelsClose(r.doubledOneSidedP.value, c["scipy_two_sided"] as! Double, p: true), "\(name) scipy two-sided")
    }

    /// Under the null the random-permutation p is (super-)uniform: 200 null data sets,
    /// B = 199; rejections at 0.05 ~ Binomial(200, 0.05), 99.9 % band [2, 21].
    @Test func randomPermutationSizeUnderNull() {
        let rng = ResamplingRandom(seed: 3)
        var rejections = 0
        for s in 0..<200 {
            let v = (0..<30).map { _ in Double(rng.index(below: 1000)) / 100 }
            let r = PermutationTest.differenceOfMeans(pilot: Array(v[0..<12]), comparison: Array(v[12...]),
                                                      resamples: 199, seed: UInt(s), exactLimit: 0)
            #expect(!r.exact)
            if let p = r.p.value, p <= 0.05 { rejections += 1 }
            #expect(r.p.value.map { $0 >= 1.0 / 200 } == true)
        }
        #expect((2...21).contains(rejections), "rejections \(rejections) of 200")
    }

    @Test func unitPermutation() {
        let stats: [Double] = [0.3, -0.1, 2.5, 0.8, -0.4, 0.0, 1.1, -0.9, 0.2, 0.6]
        let r = UnitPermutation.test(unitStatistics: stats, treated: 2)
        #expect(r.rank == 1 && r.p.value == 0.1 && r.smallestAttainableP == 0.1)
        #expect(r.notes.contains { $0.contains("1/10") })
        let less = UnitPermutation.test(unitStatistics: stats, treated: 7, alternative: .less)
        #expect(less.p.value == 0.1)
        let mid = UnitPermutation.test(unitStatistics: stats, treated: 0, alternative: .greater)
        #expect(mid.rank == 5 && mid.p.value == 0.5)
        #expect(UnitPermutation.test(unitStatistics: [1], treated: 0).p.isDefined == false)
        #expect(UnitPermutation.test(unitStatistics: [1, 2], treated: 5).p.note?.contains("outside") == true)
    }
}
