import Foundation
import Testing
@testable import Evaluation

/// The large simulation behind Benchmarks/cases-simulation: runs only when
/// PILOTEVAL_SIMULATION_SEEDS is set (the test suite keeps its small fixed-seed
/// version in `CohortComparisonTests`). Prints a Markdown table of rejection rates
/// under no effect and with a planted effect, and the DiD's bias, for clustered data.
@Suite struct CohortSimulation {
    static let seeds = Int(ProcessInfo.processInfo.environment["PILOTEVAL_SIMULATION_SEEDS"] ?? "") ?? 0

    @Test(.enabled(if: seeds > 0))
    func rejectionRatesAndBias() throws {
        var lines = ["| planted effect | design | rejections | rate | nominal |", "|---|---|---|---|---|"]
        for effect in [0.0, -4.0] {
            var welch = 0, randomisation = 0, bootstrap = 0, estimates: [Double] = []
            for s in 0..<Self.seeds {
                let data = SyntheticCaseData.make(.init(seed: UInt64(10_000 + s), scoreEffect: effect, casesPerAreaYear: 40))
                let r = try CohortComparison.run(data, outcome: "score",
                                                 options: .init(design: .did, bootstrap: .init(replicates: 399, seed: UInt(s + 1))))
                if case .continuous(let c) = r.unadjusted, let p = c.welch.p.value, p < 0.05 { welch += 1 }
                if let did = r.did?.result {
                    if let p = did.randomisation?.p.value, p <= 1.0 / 7 + 1e-12 { randomisation += 1 }
                    if let p = did.wildBootstrap?.p.value, p < 0.05 { bootstrap += 1 }
                    if let e = did.estimate.value { estimates.append(e) }
                }
            }
            let n = Double(Self.seeds)
            func row(_ name: String, _ k: Int, _ nominal: String) {
                lines.append("| \(effect) | \(name) | \(k)/\(Self.seeds) | \(String(format: "%.3f", Double(k) / n)) | \(nominal) |")
            }
            row("Welch t, cases as independent (unadjusted)", welch, "0.05")
            row("DiD, randomisation over areas (p ≤ 1/7)", randomisation, "0.143")
            row("DiD, wild cluster bootstrap, Webb (p < 0.05)", bootstrap, "0.05")
            let mean = estimates.reduce(0, +) / Double(max(estimates.count, 1))
            lines.append("| \(effect) | DiD mean estimate (truth \(effect)) | \(String(format: "%.3f", mean)) | | |")
        }
        let table = lines.joined(separator: "\n") + "\n"
        print(table)
        if let out = ProcessInfo.processInfo.environment["PILOTEVAL_SIMULATION_OUT"] {
            try table.write(toFile: out, atomically: true, encoding: .utf8)
        }
    }
}
