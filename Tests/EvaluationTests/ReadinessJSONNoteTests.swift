import Foundation
import LogicModel
import Statistics
import Testing
@testable import Evaluation

/// DESIGN §5: every `null` in JSON has a sibling `"..._note"` saying why. Checked over the
/// whole JSON of `readiness summary`, `trend` and `gaps`, on waves that have a withheld
/// unit (wave-b's U4, 3 respondents) and on an aggregated wave (means only).
@Suite struct ReadinessJSONNoteTests {
    /// Paths of nulls without a `_note` beside them.
    static func nullsWithoutNotes(_ value: some Encodable) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(value), options: [.fragmentsAllowed])
        var missing: [String] = []
        func walk(_ any: Any, _ path: String) {
            if let dict = any as? [String: Any] {
                for (key, child) in dict {
                    if child is NSNull, !(dict[key + "_note"] is String) { missing.append(path + "." + key) }
                    walk(child, path + "." + key)
                }
            } else if let array = any as? [Any] {
                for (i, child) in array.enumerated() {
                    if child is NSNull { missing.append(path + "[\(i)]") }
                    walk(child, path + "[\(i)]")
                }
            }
        }
        walk(object, "$")
        return missing.sorted()
    }

    @Test func summaryWithAWithheldUnitHasANoteForEveryNull() throws {
        let w = try ReadinessWorkspace()
        let instrument = try w.instrument()
        try w.importFixture("wave-b.csv", wave: "wave-b")
        let data = try ReadinessRepository(w.database).load(instrument: instrument, wave: "wave-b")
        let summary = ReadinessSummary.compute(data, instrument: instrument)
        let u4 = try #require(summary.aggregation.rwgJ.first { $0.unit == "U4" })
        #expect(u4.level == nil)
        #expect(try Self.nullsWithoutNotes(summary) == [])
        // The withheld unit's level says why it is missing: the unit was suppressed.
        let object = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(summary)) as! [String: Any]
        let agreement = ((object["aggregation"] as! [String: Any])["rwg_j"] as! [[String: Any]]).first { $0["unit"] as? String == "U4" }!
        #expect(agreement["level"] is NSNull)
        #expect((agreement["level_note"] as? String)?.contains("suppressed") == true)
        #expect(try Self.nullsWithoutNotes(ReadinessGaps.compute(data, instrument: instrument)) == [])
    }

    @Test func trendAndGapsOverAggregatedAndRespondentWavesHaveANoteForEveryNull() throws {
        let w = try ReadinessWorkspace()
        let instrument = try w.instrument()
        try w.importFixture("wave-a.csv", wave: "wave-a")
        try w.importFixture("wave-b.csv", wave: "wave-b")
        let aggregated = try w.write("agg.csv", "unit;n;a;b;c;d;e\nU1;12;5,5;5;4,75;5;3\nU4;3;6;6;6;6;2\nU9;;4;4;4;4;4\n")
        try ReadinessImporter(w.database).importFile(path: aggregated, instrument: instrument, wave: "wave-c", aggregated: true)
        let repository = ReadinessRepository(w.database)
        let trend = ReadinessTrend.compute(try repository.loadAll(instrument: instrument), instrument: instrument)
        #expect(try Self.nullsWithoutNotes(trend) == [])
        let waveC = try repository.load(instrument: instrument, wave: "wave-c")
        #expect(try Self.nullsWithoutNotes(ReadinessSummary.compute(waveC, instrument: instrument)) == [])
        #expect(try Self.nullsWithoutNotes(ReadinessGaps.compute(waveC, instrument: instrument)) == [])
        // A wave with one unit left after suppression: no ICC, no between-unit tests.
        let strict = try repository.load(instrument: instrument, wave: "wave-b")
        #expect(try Self.nullsWithoutNotes(ReadinessSummary.compute(strict, instrument: instrument, minGroup: 10)) == [])
        #expect(try Self.nullsWithoutNotes(ReadinessGaps.compute(strict, instrument: instrument, minGroup: 10)) == [])
    }
}
