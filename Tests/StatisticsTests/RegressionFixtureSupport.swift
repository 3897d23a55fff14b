import Foundation
import Testing
@testable import Statistics

/// Loads a `models_*.json` fixture written by Fixtures/make_fixtures_models.py.
func modelsFixture(_ name: String) throws -> [String: Any] {
    let url = try #require(Bundle.module.url(forResource: "models_\(name)", withExtension: "json", subdirectory: "Fixtures"))
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    let root = try #require(object as? [String: Any])
    return try #require(root as [String: Any]?)
}

/// Relative 1e-9 with an absolute floor of 1e-15 (DESIGN §4); p-values at or below
/// 1e-12 to a relative 1e-6.
func modelsClose(_ actual: Double?, _ expected: Double, p isP: Bool = false) -> Bool {
    guard let actual else { return false }
    let rel = isP && expected <= 1e-12 ? 1e-6 : 1e-9
    return abs(actual - expected) <= max(rel * abs(expected), 1e-15)
}

func doubles(_ any: Any?) -> [Double] {
    (any as? [Any] ?? []).map { ($0 as? NSNumber)?.doubleValue ?? .nan }
}

func doubleRows(_ any: Any?) -> [[Double]] {
    (any as? [Any] ?? []).map { doubles($0) }
}

/// Compares a coefficient table with a statsmodels table from the fixture.
func expectTable(_ table: CoefficientTable, _ expected: [String: Any], statistic: String = "tvalues",
                 _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let fields: [(String, KeyPath<RegressionCoefficient, Figure>, Bool)] = [
        ("params", \.estimate, false), ("bse", \.standardError, false), (statistic, \.statistic, false),
        ("pvalues", \.p, true), ("ci_low", \.ciLow, false), ("ci_high", \.ciHigh, false),
    ]
    for (key, path, isP) in fields {
        let want = doubles(expected[key])
        #expect(want.count == table.coefficients.count, "\(label) \(key) count", sourceLocation: sourceLocation)
        for (row, w) in zip(table.coefficients, want) {
            let got = row[keyPath: path].value
            #expect(modelsClose(got, w, p: isP), "\(label) \(row.name) \(key): \(String(describing: got)) vs \(w)",
                    sourceLocation: sourceLocation)
        }
    }
}
