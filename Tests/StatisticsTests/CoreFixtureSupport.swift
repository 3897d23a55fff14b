import Foundation
import Testing
@testable import Statistics

/// Loads `Fixtures/core_<name>.json`, written by `Fixtures/make_fixtures_core.py`.
func coreFixture(_ name: String) throws -> [String: Any] {
    let url = try #require(Bundle.module.url(forResource: "core_\(name)", withExtension: "json",
                                             subdirectory: "Fixtures"),
                           "missing fixture core_\(name).json; run Fixtures/make_fixtures_core.py")
    let data = try Data(contentsOf: url)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

/// A JSON number, or nil for JSON null / absent.
func number(_ any: Any?) -> Double? {
    guard let any, !(any is NSNull) else { return nil }
    if let d = any as? Double { return d }
    if let n = any as? NSNumber { return n.doubleValue }
    if let i = any as? Int { return Double(i) }
    return nil
}

/// A JSON array of numbers; null becomes NaN (a missing value).
func numbers(_ any: Any?) -> [Double] {
    (any as? [Any] ?? []).map { number($0) ?? .nan }
}

func integer(_ any: Any?) -> Int { Int(number(any) ?? .nan) }

func dict(_ any: Any?) -> [String: Any] { any as? [String: Any] ?? [:] }

func cases(_ fixture: [String: Any], _ key: String = "cases") -> [[String: Any]] {
    fixture[key] as? [[String: Any]] ?? []
}

/// DESIGN §4 tolerance: relative 1e-9 with an absolute floor of 1e-15; p-values at or
/// below 1e-12 to a relative 1e-6.
func isClose(_ actual: Double, _ expected: Double, pValue: Bool = false) -> Bool {
    if pValue && expected <= 1e-12 {
        // Deep tails: relative 1e-6 and no absolute floor, or any tiny p would pass.
        return abs(actual - expected) <= 1e-6 * abs(expected)
    }
    return abs(actual - expected) <= max(1e-9 * abs(expected), 1e-15)
}

/// Checks a figure against a reference value; a nil reference means the figure must
/// be undefined and carry a note.
func expectClose(_ figure: Figure, _ expected: Double?, pValue: Bool = false, _ label: String,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    guard let expected else {
        #expect(figure.value == nil && figure.note != nil, "\(label): expected undefined, got \(figure)",
                sourceLocation: sourceLocation)
        return
    }
    guard let value = figure.value else {
        Issue.record("\(label): undefined (\(figure.note ?? "")), expected \(expected)", sourceLocation: sourceLocation)
        return
    }
    #expect(isClose(value, expected, pValue: pValue),
            "\(label): \(value) vs \(expected) (rel \(abs(value - expected) / max(abs(expected), 1e-300)))",
            sourceLocation: sourceLocation)
}

func expectClose(_ value: Double, _ expected: Double?, pValue: Bool = false, _ label: String,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    expectClose(Figure(value), expected, pValue: pValue, label, sourceLocation: sourceLocation)
}

/// Asserts a figure is undefined and says why.
func expectUndefined(_ figure: Figure, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(figure.value == nil, "\(label) should be undefined, is \(figure)", sourceLocation: sourceLocation)
    #expect(!(figure.note ?? "").isEmpty, "\(label) has no note", sourceLocation: sourceLocation)
}

/// Log relative error (McCullough 1998), the NIST StRD accuracy measure, capped at 15.
func logRelativeError(_ x: Double, certified c: Double) -> Double {
    if x == c { return 15 }
    let e = c == 0 ? abs(x) : abs(x - c) / abs(c)
    return min(15, -log10(e))
}

@Suite struct ToleranceHelperTests {
    @Test func toleranceRejectsWhatItShould() {
        #expect(isClose(1.0 + 5e-10, 1.0))
        #expect(!isClose(1.0 + 5e-9, 1.0))
        #expect(isClose(1e-16, 0))
        #expect(!isClose(1e-14, 0))
        #expect(isClose(1e-20 * (1 + 5e-7), 1e-20, pValue: true))
        #expect(!isClose(1e-20 * (1 + 5e-6), 1e-20, pValue: true))
        #expect(!isClose(1e-30, 1e-20, pValue: true))
        #expect(isClose(1e-30, 1e-20, pValue: false))   // the absolute floor, as DESIGN says
    }
}
