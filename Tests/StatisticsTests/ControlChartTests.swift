import Foundation
import Testing
@testable import Statistics

/// Run and control charts against qicharts2 0.8.1, transcribed independently into
/// Fixtures/make_fixtures_spc.py (which also checks qicharts2's vignette and two of
/// Montgomery's published examples before writing Fixtures/spc_cases.json).
@Suite struct ControlChartTests {
    static func fixture() throws -> [String: Any] {
        let url = try #require(Bundle.module.url(forResource: "spc_cases", withExtension: "json", subdirectory: "Fixtures"),
                               "missing Fixtures/spc_cases.json; run Fixtures/make_fixtures_spc.py")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    static func optionalNumbers(_ any: Any?) -> [Double?]? {
        guard let list = any as? [Any] else { return nil }
        return list.map { number($0) }
    }

    static func chart(for c: [String: Any]) throws -> ControlChart {
        let kind = try #require(ChartKind(rawValue: c["chart"] as? String ?? ""))
        let freeze = c["freeze"].flatMap { number($0) }.map { Int($0) }
        return try ControlChart(.init(
            kind: kind, values: optionalNumbers(c["values"]) ?? [],
            denominators: optionalNumbers(c["denominators"]),
            freeze: freeze, partBreaks: numbers(c["parts"]).map { Int($0) },
            exclude: Set(numbers(c["exclude"]).map { Int($0) }),
            multiply: number(c["multiply"]) ?? 1))
    }

    static func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return isClose(x, y)
        default: return false
        }
    }

    @Test func criticalValuesForOneToHundredUsefulPoints() throws {
        let rows = try #require(Self.fixture()["critical_values"] as? [[String: Any]])
        #expect(rows.count == 100)
        for row in rows {
            let n = integer(row["n_useful"])
            #expect(AnhojRules.longestRunMax(usefulPoints: n) == integer(row["longest_run_max"]), "n = \(n)")
            #expect(AnhojRules.crossingsMin(usefulPoints: n) == integer(row["crossings_min"]), "n = \(n)")
            #expect(AnhojRules.signalPossible(usefulPoints: n) == (row["signal_possible"] as? Bool), "n = \(n)")
        }
    }

    /// Boundaries written out by hand (qicharts2 vignette, Appendix 2; binomial sums).
    @Test func criticalValueBoundariesByHand() {
        // round(log2 n) + 3 steps up where log2 n passes k + ½: n = 12 (3.58 → 4), 23 (4.52 → 5),
        // 46 (5.52 → 6), 91 (6.51 → 7).
        #expect(AnhojRules.longestRunMax(usefulPoints: 11) == 6)
        #expect(AnhojRules.longestRunMax(usefulPoints: 12) == 7)
        #expect(AnhojRules.longestRunMax(usefulPoints: 22) == 7)
        #expect(AnhojRules.longestRunMax(usefulPoints: 23) == 8)
        #expect(AnhojRules.longestRunMax(usefulPoints: 45) == 8)
        #expect(AnhojRules.longestRunMax(usefulPoints: 46) == 9)
        #expect(AnhojRules.longestRunMax(usefulPoints: 90) == 9)
        #expect(AnhojRules.longestRunMax(usefulPoints: 91) == 10)
        #expect(AnhojRules.longestRunMax(usefulPoints: 100) == 10)
        // n = 10: Bin(9, ½), P(X ≤ 1) = 10/512 = 0.0195, P(X ≤ 2) = 46/512 = 0.0898 → 2.
        #expect(AnhojRules.crossingsMin(usefulPoints: 10) == 2)
        // n = 24: the vignette's example, 8.
        #expect(AnhojRules.crossingsMin(usefulPoints: 24) == 8)
        // n = 6: Bin(5, ½), P(X = 0) = 1/32 < 0.05 → 1; n = 5: P(X = 0) = 1/16 > 0.05 → 0.
        #expect(AnhojRules.crossingsMin(usefulPoints: 6) == 1)
        #expect(AnhojRules.crossingsMin(usefulPoints: 5) == 0)
        #expect(AnhojRules.crossingsMin(usefulPoints: 100) == 41)
        #expect(!AnhojRules.signalPossible(usefulPoints: 5))
        #expect(AnhojRules.signalPossible(usefulPoints: 6))
    }

    @Test func everyFixtureCaseMatchesTheReference() throws {
        let all = try #require(Self.fixture()["cases"] as? [[String: Any]])
        #expect(all.count >= 30)
        for c in all {
            let name = c["name"] as? String ?? "?"
            let chart = try Self.chart(for: c)
            let expected = dict(c["expected"])
            let points = expected["points"] as? [[String: Any]] ?? []
            #expect(chart.points.count == points.count, "\(name): point count")
            for (p, e) in zip(chart.points, points) {
                let at = "\(name) point \(p.index)"
                #expect(Self.same(p.y, number(e["y"])), "\(at): y \(String(describing: p.y)) vs \(String(describing: e["y"]))")
                #expect(Self.same(p.centre, number(e["cl"])), "\(at): cl \(String(describing: p.centre))")
                #expect(Self.same(p.lower, number(e["lcl"])), "\(at): lcl \(String(describing: p.lower)) vs \(String(describing: e["lcl"]))")
                #expect(Self.same(p.upper, number(e["ucl"])), "\(at): ucl \(String(describing: p.upper)) vs \(String(describing: e["ucl"]))")
                #expect(p.part == integer(e["part"]), "\(at): part")
                #expect(p.outsideLimits == (e["signal"] as? Bool), "\(at): signal")
                #expect(p.runsSignal == (e["runs_signal"] as? Bool), "\(at): runs signal")
            }
            let parts = expected["parts"] as? [[String: Any]] ?? []
            #expect(chart.parts.count == parts.count, "\(name): part count")
            for (p, e) in zip(chart.parts, parts) {
                let at = "\(name) part \(p.part)"
                #expect(p.runs.observations == integer(e["n_obs"]), "\(at): n_obs")
                #expect(p.runs.usefulPoints == integer(e["n_useful"]), "\(at): n_useful")
                #expect(p.runs.longestRun == number(e["longest_run"]).map { Int($0) }, "\(at): longest run")
                #expect(p.runs.longestRunMax == number(e["longest_run_max"]).map { Int($0) }, "\(at): longest run max")
                #expect(p.runs.crossings == number(e["crossings"]).map { Int($0) }, "\(at): crossings")
                #expect(p.runs.crossingsMin == number(e["crossings_min"]).map { Int($0) }, "\(at): crossings min")
                #expect(p.runs.signal == (e["runs_signal"] as? Bool), "\(at): runs signal")
                #expect(Self.same(p.centre.value, number(e["cl"])), "\(at): centre")
            }
        }
    }

    /// qicharts2's vignette prints summary(qic(y, chart = 'i')) for its set.seed(19) series;
    /// the fixture script regenerates y with R's generator and checks the printed digits.
    @Test func vignetteSummaryAsPublished() throws {
        let all = try #require(Self.fixture()["cases"] as? [[String: Any]])
        let c = try #require(all.first { $0["name"] as? String == "vignette_i_chart_seed19" })
        let published = dict(c["published"])
        let chart = try Self.chart(for: c)
        let part = try #require(chart.parts.first)
        #expect(part.runs.observations == 24 && part.runs.usefulPoints == 24)
        #expect(part.runs.longestRun == 13 && part.runs.longestRunMax == 8)
        #expect(part.runs.crossings == 4 && part.runs.crossingsMin == 8)
        #expect(part.runs.signal && part.pointsOutsideLimits == 0)
        for (key, value) in [("cl", part.centre.value), ("lcl", chart.points[0].lower), ("ucl", chart.points[0].upper)] {
            let v = try #require(value)
            #expect(abs(v - (number(published[key]) ?? .nan)) <= 5e-7, "\(key): \(v)")
        }
    }

    @Test func montgomeryPublishedLimits() throws {
        let all = try #require(Self.fixture()["cases"] as? [[String: Any]])
        for name in ["montgomery_7_1_p", "montgomery_7_1_p_excluded", "montgomery_7_4_u"] {
            let c = try #require(all.first { $0["name"] as? String == name })
            let published = dict(c["published"])
            let tolerance = 0.5 * pow(10, -(number(published["decimals"]) ?? 0))
            let chart = try Self.chart(for: c)
            let p = chart.points[0]
            #expect(abs((p.centre ?? .nan) - (number(published["cl"]) ?? .nan)) <= tolerance, "\(name) cl")
            #expect(abs((p.upper ?? .nan) - (number(published["ucl"]) ?? .nan)) <= tolerance, "\(name) ucl")
            #expect(abs((p.lower ?? .nan) - (number(published["lcl"]) ?? .nan)) <= tolerance, "\(name) lcl")
        }
        let juice = try Self.chart(for: try #require(all.first { $0["name"] as? String == "montgomery_7_1_p" }))
        #expect(juice.points.filter(\.outsideLimits).map(\.index) == [15, 23])
    }

    /// 1…12 as a run chart, by hand: median 6.5, six points below then six above, so
    /// 12 useful points, longest run 6 (limit round(log2 12) + 3 = 7), 1 crossing
    /// (limit qbinom(0.05, 11, ½) = 3, as P(X ≤ 2) = 67/2048 = 0.033 and P(X ≤ 3) = 0.113).
    @Test func handCheckedRunChart() throws {
        let chart = try ControlChart(.init(kind: .run, values: (1...12).map { Double($0) }))
        let part = chart.parts[0]
        #expect(part.centre.value == 6.5)
        #expect(part.runs.usefulPoints == 12 && part.runs.longestRun == 6 && part.runs.longestRunMax == 7)
        #expect(part.runs.crossings == 1 && part.runs.crossingsMin == 3)
        #expect(part.runs.crossingsSignal && !part.runs.longestRunSignal && part.runs.signal)
        #expect(chart.points.allSatisfy { $0.lower == nil && $0.upper == nil && !$0.outsideLimits })
    }

    /// An I chart by hand with one moving range screened out:
    /// y = 4 6 5 7 5 6 4 6 5 30 5 6, mean 89/12; moving ranges 2 1 2 2 1 2 2 1 25 25 1
    /// (mean 64/11 = 5.818, screening limit 3.267 × 5.818 = 19.007 drops both 25s);
    /// the remaining nine sum to 14, so sigma = (14/9)/1.128 and the limits are
    /// 89/12 ± 3 · 1.379039 = 3.279551 … 11.553783; point 10 is above.
    @Test func handCheckedScreenedIndividuals() throws {
        let y: [Double] = [4, 6, 5, 7, 5, 6, 4, 6, 5, 30, 5, 6]
        let chart = try ControlChart(.init(kind: .i, values: y))
        let sigma = (14.0 / 9.0) / 1.128
        let p = chart.points[0]
        #expect(isClose(p.centre!, 89.0 / 12.0))
        #expect(isClose(p.upper!, 89.0 / 12.0 + 3 * sigma))
        #expect(isClose(p.lower!, 89.0 / 12.0 - 3 * sigma))
        #expect(abs(p.upper! - 11.553783) < 1e-6 && abs(p.lower! - 3.279551) < 1e-6)
        #expect(chart.points.filter(\.outsideLimits).map(\.index) == [10])
    }

    /// P chart by hand: 2/10, 3/20, 1/10 → p̄ = 6/40 = 0.15; the first point's sigma is
    /// √(0.15 · 0.85 / 10) = 0.112916, UCL 0.488748, LCL 0 (floored); the second's
    /// √(0.15 · 0.85 / 20) = 0.079844, UCL 0.389531.
    @Test func handCheckedProportions() throws {
        let chart = try ControlChart(.init(kind: .p, values: [2, 3, 1], denominators: [10, 20, 10]))
        #expect(isClose(chart.points[0].centre!, 0.15))
        #expect(abs(chart.points[0].upper! - 0.488748) < 1e-6)
        #expect(chart.points[0].lower == 0)
        #expect(abs(chart.points[1].upper! - 0.389531) < 1e-6)
        #expect(isClose(chart.points[1].y!, 0.15))
    }

    @Test func tooFewPointsSaysNoSignalIsPossible() throws {
        let chart = try ControlChart(.init(kind: .run, values: [4, 6, 5, 7, 3]))
        let runs = chart.parts[0].runs
        #expect(runs.usefulPoints == 4 && !runs.signalPossible && !runs.signal)
        let reason = try #require(runs.noSignalReason)
        #expect(reason.contains("no signal is possible"))
        #expect(reason.contains("4 useful points"))
        let flat = try ControlChart(.init(kind: .i, values: Array(repeating: 5, count: 8)))
        #expect(flat.parts[0].runs.noSignalReason?.contains("no useful points") == true)
        #expect(flat.points[0].upper == nil)
        #expect(flat.parts[0].limitsNote?.contains("moving range is zero") == true)
    }

    @Test func refusesWhatCannotBeCharted() {
        #expect(throws: StatisticsError.self) { try ControlChart(.init(kind: .run, values: [])) }
        #expect(throws: StatisticsError.self) { try ControlChart(.init(kind: .p, values: [1, 2])) }
        #expect(throws: StatisticsError.self) {
            try ControlChart(.init(kind: .run, values: [1, 2, 3, 4], freeze: 2, partBreaks: [2]))
        }
        #expect(throws: StatisticsError.self) { try ControlChart(.init(kind: .run, values: [1, 2, 3], freeze: 4)) }
        #expect(throws: StatisticsError.self) { try ControlChart(.init(kind: .run, values: [1, 2, 3], partBreaks: [3])) }
        #expect(throws: StatisticsError.self) { try ControlChart(.init(kind: .run, values: [1, 2, 3], exclude: [0])) }
    }
}
