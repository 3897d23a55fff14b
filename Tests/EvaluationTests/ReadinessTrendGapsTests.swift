import Foundation
import LogicModel
import Statistics
import Store
import Testing
@testable import Evaluation

/// Trend and gap analyses against make_fixtures_readiness.py (scipy ttest_ind/ttest_rel,
/// f_oneway, statsmodels anova_oneway and multipletests), and the aggregated-wave rules.
@Suite struct ReadinessTrendGapsTests {
    @Test func trendMatchesWelchWithHolmOverEveryTestedChange() throws {
        let w = try ReadinessWorkspace()
        let instrument = try w.instrument()
        try w.importFixture("wave-a.csv", wave: "wave-a")
        try w.importFixture("wave-b.csv", wave: "wave-b")
        let waves = try ReadinessRepository(w.database).loadAll(instrument: instrument)
        #expect(waves.map(\.wave) == ["wave-a", "wave-b"])
        let trend = ReadinessTrend.compute(waves, instrument: instrument)
        let expected = ReadinessExpected.list(ReadinessExpected.json["trend"])
        var tested = 0
        for e in expected {
            let unit = e["unit"] as! String, kind = e["kind"] as! String, key = e["key"] as! String
            let s = try #require(trend.series.first { $0.unit == unit && $0.kind == kind && $0.key == key })
            let c = s.changes[0]
            #expect(c.method == "welch")
            let what = "\(unit) \(kind) \(key)"
            expectClose(c.difference, e["difference"], what + " difference")
            expectClose(c.ciLow, e["ci_low"], what + " ci_low")
            expectClose(c.ciHigh, e["ci_high"], what + " ci_high")
            expectClose(c.t, e["t"], what + " t")
            expectClose(c.df, e["df"], what + " df")
            expectClose(c.p, e["p"], what + " p")
            expectClose(c.pAdjusted, e["p_adjusted"], what + " p_adjusted")
            tested += 1
        }
        // U4 is below the minimum group size in both waves: its points are withheld, untested.
        let u4 = trend.series.filter { $0.unit == "U4" }
        #expect(!u4.isEmpty && u4.allSatisfy { $0.points.allSatisfy(\.suppressed) && !$0.changes[0].p.isDefined })
        #expect(trend.correctionNote.contains("Holm") && trend.correctionNote.contains("\(tested) test"))
    }

    @Test func gapsMatchPairedTAndAnovas() throws {
        let w = try ReadinessWorkspace()
        let instrument = try w.instrument()
        try w.importFixture("wave-b.csv", wave: "wave-b")
        let data = try ReadinessRepository(w.database).load(instrument: instrument, wave: "wave-b")
        let gaps = ReadinessGaps.compute(data, instrument: instrument)
        let expected = ReadinessExpected.dict(ReadinessExpected.json["gaps_b"])
        let within = ReadinessExpected.list(expected["within_units"])
        #expect(gaps.withinUnits.count == within.count)
        for e in within {
            let g = try #require(gaps.withinUnits.first {
                $0.unit == e["unit"] as! String && $0.itemA == e["item_a"] as! String && $0.itemB == e["item_b"] as! String
            })
            let what = "\(g.unit) \(g.itemA)−\(g.itemB)"
            #expect(g.n == e["n"] as? Int)
            for (figure, key) in [(g.difference, "difference"), (g.ciLow, "ci_low"), (g.ciHigh, "ci_high"), (g.t, "t"),
                                  (g.df, "df"), (g.p, "p"), (g.pAdjusted, "p_adjusted"), (g.dz, "d_z")] {
                expectClose(figure, e[key], what + " " + key)
            }
        }
        for e in ReadinessExpected.list(expected["between_units"]) {
            let b = try #require(gaps.betweenUnits.first { $0.item == e["item"] as! String })
            for (figure, key) in [(b.anovaF, "anova_f"), (b.anovaP, "anova_p"), (b.welchF, "welch_f"), (b.welchDf2, "welch_df2"),
                                  (b.welchP, "welch_p"), (b.welchPAdjusted, "welch_p_adjusted"),
                                  (b.etaSquared, "eta_squared"), (b.omegaSquared, "omega_squared")] {
                expectClose(figure, e[key], b.item + " " + key)
            }
            for ep in ReadinessExpected.list(e["pairwise"]) {
                let p = try #require(b.pairwise.first { $0.unitA == ep["unit_a"] as! String && $0.unitB == ep["unit_b"] as! String })
                for (figure, key) in [(p.difference, "difference"), (p.ciLow, "ci_low"), (p.ciHigh, "ci_high"), (p.t, "t"),
                                      (p.df, "df"), (p.p, "p"), (p.pAdjusted, "p_adjusted")] {
                    expectClose(figure, ep[key], "\(b.item) \(p.unitA)−\(p.unitB) " + key)
                }
            }
            #expect(!b.units.contains { $0.unit == "U4" }, "suppressed unit compared")
        }
        #expect(gaps.withinUnitsCorrection.contains("Holm") && gaps.withinUnitsCorrection.contains("\(within.count) test"))
        #expect(gaps.betweenUnitsCorrection.contains("5 test"))
    }

    @Test func correctionCanBeBenjaminiHochbergOrNone() throws {
        let w = try ReadinessWorkspace()
        let instrument = try w.instrument()
        try w.importFixture("wave-b.csv", wave: "wave-b")
        let data = try ReadinessRepository(w.database).load(instrument: instrument, wave: "wave-b")
        let bh = ReadinessGaps.compute(data, instrument: instrument, correction: .bh)
        let expectedBH = AdjustedPValues.benjaminiHochberg(bh.withinUnits.map(\.p))
        #expect(bh.withinUnits.map(\.pAdjusted) == expectedBH)
        #expect(bh.withinUnitsCorrection.contains("Benjamini"))
        let none = ReadinessGaps.compute(data, instrument: instrument, items: ["a", "b"], correction: .none)
        #expect(none.withinUnits.allSatisfy { $0.pAdjusted == $0.p })
        #expect(none.withinUnitsCorrection.contains("no correction"))
    }
}

/// Aggregated waves (unit means only, like March 2021): shown and compared
/// descriptively, never tested as if they had n.
@Suite struct ReadinessAggregatedTests {
    static let seedMeans: [String: [Double]] = [   // seed 004, UPPFÖLJNINGSPLAN, l. 194-203
        "Enheten för barn och unga": [5.3, 5.9, 4.8, 4.5, 6.2, 6.1, 5.0, 4.6],
        "Enheten för förebyggande och behandling": [4.4, 4.6, 3.2, 4.8, 5.4, 5.3, 3.8, 4.9],
        "Familj- och mottagningsenheten": [5.4, 5.0, 3.6, 4.4, 6.7, 5.9, 4.5, 4.4],
    ]

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    func vallingby(_ w: ReadinessWorkspace) throws -> Instrument {
        try InstrumentCatalog(w.database).resolve(Self.repository.appendingPathComponent("Models/instruments/vallingbyteamet-readiness.yaml").path)
    }

    @Test func theDatasetHoldsExactlyTheSeedsMeans() throws {
        let w = try ReadinessWorkspace()
        let instrument = try vallingby(w)
        let path = Self.repository.appendingPathComponent("Datasets/vallingbyteamet/readiness-2021-03.csv").path
        try ReadinessImporter(w.database).importFile(path: path, instrument: instrument, wave: "2021-03", aggregated: true)
        let data = try ReadinessRepository(w.database).load(instrument: instrument, wave: "2021-03")
        #expect(data.isAggregated)
        #expect(Set(data.unitMeans.map(\.unit)) == Set(Self.seedMeans.keys))
        for row in data.unitMeans { #expect(row.means == Self.seedMeans[row.unit]!.map { Optional($0) }, "\(row.unit)") }
    }

    @Test func summaryOfAnAggregatedWaveHasMeansOnly() throws {
        let w = try ReadinessWorkspace()
        let instrument = try vallingby(w)
        try w.importFixture("aggregated-2021-03.csv", wave: "2021-03", aggregated: true, instrument: instrument)
        let data = try ReadinessRepository(w.database).load(instrument: instrument, wave: "2021-03")
        let s = ReadinessSummary.compute(data, instrument: instrument)
        #expect(s.aggregated)
        let unit = s.units.first { $0.unit == "Enheten för barn och unga" }!
        #expect(!unit.suppressed && unit.n == nil)   // no n in the source: shown, unknown size
        let why = unit.items.first { $0.item == "understand_why" }!
        #expect(why.mean.value == 6.2)
        #expect(why.sd.value == nil && why.ciLow.value == nil && why.agreeShare.value == nil && why.distribution == nil)
        #expect(why.sd.note!.contains("aggregated"))
        #expect(s.reliability.alpha.value == nil && s.aggregation.icc1.value == nil && s.aggregation.rwgJ.isEmpty)
        #expect(s.aggregation.verdict.code == .cannotAssess)
        #expect(s.notes.contains { $0.contains("never tested") })
    }

    @Test func aggregatedUnitsWithSmallNAreSuppressed() throws {
        let w = try ReadinessWorkspace()
        let instrument = try w.instrument()
        let path = try w.write("agg.csv", "unit;n;a;b;c;d;e\nStor;12;5,5;5;4,75;5;3\nLiten;4;6;6;6;6;2\n")
        try ReadinessImporter(w.database).importFile(path: path, instrument: instrument, wave: "2020", aggregated: true)
        let data = try ReadinessRepository(w.database).load(instrument: instrument, wave: "2020")
        let s = ReadinessSummary.compute(data, instrument: instrument)
        #expect(s.units.first { $0.unit == "Stor" }!.items[2].mean.value == 4.75)   // decimal comma read
        #expect(s.units.first { $0.unit == "Liten" }!.suppressed)
    }

    @Test func trendToAnAggregatedWaveIsDescriptiveOnly() throws {
        let w = try ReadinessWorkspace()
        let instrument = try vallingby(w)
        try w.importFixture("aggregated-2021-03.csv", wave: "2021-03", aggregated: true, instrument: instrument)
        let later = try w.write("2022.csv", "respondent,unit,wave," + instrument.itemKeys.joined(separator: ",") + "\n"
            + (1...6).map { "r\($0),Enheten för barn och unga,2022-03,5,6,5,4,\($0 % 2 == 0 ? 7 : 6),6,5,4" }.joined(separator: "\n")
            + "\n" + (7...12).map { "r\($0),Enheten för barn och unga,2023-03,5,6,5,4,\($0 % 3 == 0 ? 7 : 5),6,6,5" }.joined(separator: "\n") + "\n")
        let y2022 = try w.write("only2022.csv", try String(contentsOfFile: later, encoding: .utf8).split(separator: "\n").filter { !$0.contains("2023-03") }.joined(separator: "\n") + "\n")
        let y2023 = try w.write("only2023.csv", try String(contentsOfFile: later, encoding: .utf8).split(separator: "\n").enumerated().filter { $0.offset == 0 || $0.element.contains("2023-03") }.map(\.element).joined(separator: "\n") + "\n")
        try ReadinessImporter(w.database).importFile(path: y2022, instrument: instrument, wave: "2022-03", aggregated: false)
        try ReadinessImporter(w.database).importFile(path: y2023, instrument: instrument, wave: "2023-03", aggregated: false)
        let trend = ReadinessTrend.compute(try ReadinessRepository(w.database).loadAll(instrument: instrument), instrument: instrument)
        #expect(trend.waves.map(\.aggregated) == [true, false, false])
        let s = trend.series.first { $0.unit == "Enheten för barn och unga" && $0.key == "understand_why" }!
        let first = s.changes[0], second = s.changes[1]
        #expect(first.method == "descriptive")
        #expect(abs(first.difference.value! - (6.5 - 6.2)) < 1e-12)
        #expect(first.p.value == nil && first.ciLow.value == nil && first.pAdjusted.value == nil)
        #expect(first.p.note!.contains("aggregated"))
        #expect(second.method == "welch" && second.p.isDefined)
        #expect(s.points[0].ciLow.value == nil && s.points[0].aggregated)
        // The Holm family counts only tested changes.
        let tested = trend.series.flatMap(\.changes).filter { $0.p.isDefined }.count
        #expect(trend.correctionNote.contains("\(tested) test"))
        // Units in the aggregated wave only have no later points, and nothing is tested for them.
        let other = trend.series.first { $0.unit == "Familj- och mottagningsenheten" && $0.key == "understand_why" }!
        #expect(other.changes.allSatisfy { !$0.p.isDefined })
    }

    @Test func gapsOnAnAggregatedWaveAreDifferencesWithoutTests() throws {
        let w = try ReadinessWorkspace()
        let instrument = try vallingby(w)
        try w.importFixture("aggregated-2021-03.csv", wave: "2021-03", aggregated: true, instrument: instrument)
        let data = try ReadinessRepository(w.database).load(instrument: instrument, wave: "2021-03")
        let gaps = ReadinessGaps.compute(data, instrument: instrument, items: ["understand_why", "know_what_it_means_for_me"])
        let bou = gaps.withinUnits.first { $0.unit == "Enheten för barn och unga" }!
        #expect(abs(bou.difference.value! - 1.2) < 1e-12)            // 6,2 − 5,0, the seed's gap
        #expect(bou.p.value == nil && bou.t.value == nil && bou.ciLow.value == nil)
        let possible = ReadinessGaps.compute(data, instrument: instrument, items: ["follow_individual_possible"])
        let b = possible.betweenUnits[0]
        #expect(abs(b.range.value! - 1.6) < 1e-12)                    // 4,8 vs 3,2 vs 3,6
        #expect(b.welchP.value == nil && b.anovaF.value == nil && b.etaSquared.value == nil)
        #expect(b.pairwise.allSatisfy { $0.p.value == nil && $0.difference.isDefined })
        #expect(gaps.notes.contains { $0.contains("descriptive") })
    }
}
