import Foundation
import Testing
import Statistics

/// Timing of the bootstrap and the permutation test for Benchmarks/resampling/bench.sh,
/// on the same generated samples scipy.stats.bootstrap / permutation_test get:
/// `PILOTEVAL_BENCH=1 PILOTEVAL_BENCH_RESAMPLING=samples.csv swift test -c release
/// --filter resamplingThroughput`. Never runs in the normal suite (tests do not time
/// things); the figures it prints are checked against scipy's by the script.
@Suite struct ResamplingBenchmark {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PILOTEVAL_BENCH"] == "1"))
    func resamplingThroughput() throws {
        let env = ProcessInfo.processInfo.environment
        let path = try #require(env["PILOTEVAL_BENCH_RESAMPLING"], "set PILOTEVAL_BENCH_RESAMPLING to a generated file")
        // group,value lines: the generator writes plain numbers, one per line.
        var pilot: [Double] = [], comparison: [Double] = []
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst() {
            let parts = line.split(separator: ",")
            guard parts.count == 2, let v = Double(parts[1]) else { continue }
            if parts[0] == "pilot" { pilot.append(v) } else { comparison.append(v) }
        }
        let resamples = Int(env["PILOTEVAL_BENCH_RESAMPLES"] ?? "") ?? 9999

        var t0 = Date()
        let one = Bootstrap.oneSample(pilot, resamples: resamples, seed: 2024)
        let oneSeconds = Date().timeIntervalSince(t0)
        t0 = Date()
        let two = Bootstrap.differenceOfMeans(pilot: pilot, comparison: comparison, resamples: resamples, seed: 2024)
        let twoSeconds = Date().timeIntervalSince(t0)
        t0 = Date()
        let perm = PermutationTest.differenceOfMeans(pilot: pilot, comparison: comparison, resamples: resamples, seed: 2024)
        let permSeconds = Date().timeIntervalSince(t0)
        #expect(!perm.exact)
        func f(_ x: Figure) -> String { x.value.map { String($0) } ?? "null" }
        print("piloteval-resampling n1=\(pilot.count) n2=\(comparison.count) resamples=\(resamples)"
              + " one_sample_seconds=\(oneSeconds) two_sample_seconds=\(twoSeconds) permutation_seconds=\(permSeconds)"
              + " one_bca=\(f(one.bca.low)),\(f(one.bca.high)) two_bca=\(f(two.bca.low)),\(f(two.bca.high))"
              + " perm_p=\(f(perm.p))")
    }
}
