import Foundation
import Testing
@testable import LogicModel

/// `data:` on an indicator (DESIGN §3.1): read, checked structurally without a database,
/// errors located; absent from the JSON when not written.
@Suite struct DataBindingTests {
    /// The indicator's last lines are `frequency` (line 13) and `data` (line 14).
    static func model(data: String?, unit: String = "percent", frequency: String = "tertial") -> String {
        """
        schema: piloteval/logic-model/v1
        id: x
        name: X
        goals:
          - {id: G1, title: Mål ett}
        indicators:
          - id: I1
            title: Andel utredningar inom fyra månader
            measures: G1
            unit: \(unit)
            direction: increase
            targets: [{period: "2022", rule: ">= 90"}]
            frequency: \(frequency)
        """ + (data.map { "\n    data: \($0)" } ?? "") + "\n"
    }

    static func read(_ text: String) -> LogicModelDecoder.Result {
        LogicModelDecoder.decode(Data(text.utf8), file: "m.yaml")
    }

    static func binding(_ data: String, unit: String = "percent", frequency: String = "tertial") throws -> DataBinding? {
        let result = read(model(data: data, unit: unit, frequency: frequency))
        #expect(result.errors.isEmpty, "\(result.errors)")
        return try #require(result.model?.indicators.first).data
    }

    @Test func eachKindIsRead() throws {
        #expect(try Self.binding("{cases: investigation_within_4m, cohort: pilot}")
                == .cases(outcome: "investigation_within_4m", cohort: .pilot, comparison: nil))
        #expect(try Self.binding("{cases: investigation_within_4m, cohort: line, comparison: pilot}")
                == .cases(outcome: "investigation_within_4m", cohort: .line, comparison: .pilot))
        // The cohort defaults to the pilot; any name far from a derived measure is an outcome column.
        #expect(try Self.binding("{cases: placed_within_year}") == .cases(outcome: "placed_within_year", cohort: .pilot, comparison: nil))
        #expect(try Self.binding("{readiness: vallingbyteamet-readiness, item: shared_vision}", unit: "mean", frequency: "year")
                == .readinessItem(instrument: "vallingbyteamet-readiness", item: "shared_vision"))
        #expect(try Self.binding("{readiness: vallingbyteamet-readiness, subscale: motivation}", unit: "mean", frequency: "wave")
                == .readinessSubscale(instrument: "vallingbyteamet-readiness", subscale: "motivation"))
        #expect(try Self.binding("{measure: tidsplanerade-utredningar}") == .measure(id: "tidsplanerade-utredningar"))
        #expect(try Self.binding("{cases: days_to_assessment}", unit: "days") == .cases(outcome: "days_to_assessment", cohort: .pilot, comparison: nil))
    }

    static func firstError(_ data: String, unit: String = "percent", frequency: String = "tertial") throws -> Diagnostic {
        let result = read(model(data: data, unit: unit, frequency: frequency))
        #expect(!result.isValid)
        return try #require(result.errors.first)
    }

    /// A typo of a derived measure: did you mean, at the name (line 14, `    data: {cases: ` is 18 columns).
    @Test func unknownDerivedMeasureSuggests() throws {
        let e = try Self.firstError("{cases: investigation_within_4mo, cohort: pilot}")
        #expect(e.location.line == 14 && e.location.column == 19, "\(e)")
        #expect(e.id == "I1")
        #expect(e.message.hasPrefix("`cases: investigation_within_4mo` is not a derived measure; did you mean `investigation_within_4m`?"), "\(e.message)")
    }

    @Test func malformedBindingsAreLocated() throws {
        // An unknown key: at the key, with a suggestion.
        var e = try Self.firstError("{cases: investigation_within_4m, cohrot: pilot}")
        #expect(e.location.line == 14 && e.location.column == 44, "\(e)")
        #expect(e.message.contains("did you mean `cohort`?"), "\(e.message)")
        // Two sources, or none: at the mapping.
        e = try Self.firstError("{cases: investigation_within_4m, measure: m}")
        #expect(e.location.line == 14 && e.location.column == 11, "\(e)")
        #expect(e.message.contains("names cases and measure"), "\(e.message)")
        e = try Self.firstError("{cohort: pilot}")
        #expect(e.message.contains("names no source"), "\(e.message)")
        // A key of another source: at the key.
        e = try Self.firstError("{cases: investigation_within_4m, item: x}")
        #expect(e.location.line == 14 && e.location.column == 44, "\(e)")
        #expect(e.message.contains("`item` does not go with `cases`"), "\(e.message)")
        // A cohort not in the list: at the value.
        e = try Self.firstError("{cases: investigation_within_4m, cohort: linjen}")
        #expect(e.location.line == 14 && e.location.column == 52, "\(e)")
        #expect(e.message == "`cohort` is \"linjen\"; it must be one of: pilot, line")
        e = try Self.firstError("{cases: investigation_within_4m, cohort: pilot, comparison: pilot}")
        #expect(e.message.contains("the comparison is the other cohort"), "\(e.message)")
        // Readiness needs an item or a subscale, and is yearly.
        e = try Self.firstError("{readiness: r}", unit: "mean", frequency: "year")
        #expect(e.message.contains("needs `item: KEY` or `subscale: NAME`"), "\(e.message)")
        e = try Self.firstError("{readiness: r, item: a}", unit: "mean", frequency: "tertial")
        #expect(e.message.contains("write frequency: year"), "\(e.message)")
        // A known measure read in the wrong unit; a case measure needs calendar periods.
        e = try Self.firstError("{cases: investigation_within_4m}", unit: "days")
        #expect(e.message.contains("write unit: percent or ratio"), "\(e.message)")
        e = try Self.firstError("{cases: investigation_within_4m}", frequency: "wave")
        #expect(e.message.contains("frequency wave is for surveys"), "\(e.message)")
    }

    /// A model without the key keeps its JSON; with it, the JSON carries it and reads back.
    @Test func jsonCarriesTheKeyOnlyWhenWritten() throws {
        let plain = try #require(Self.read(Self.model(data: nil)).model)
        let plainJSON = try JSONRenderer.render(plain)
        #expect(!plainJSON.contains("\"data\""))
        for data in ["{cases: investigation_within_4m, cohort: pilot, comparison: line}", "{measure: m}"] {
            let bound = try #require(Self.read(Self.model(data: data)).model)
            let json = try JSONRenderer.render(bound)
            #expect(json.contains("\"data\" : {"))
            #expect(try JSONRenderer.decode(json) == bound)
        }
        let r = try #require(Self.read(Self.model(data: "{readiness: r, subscale: s}", unit: "mean", frequency: "year")).model)
        #expect(try JSONRenderer.decode(try JSONRenderer.render(r)) == r)
    }
}

extension DataBindingTests {
    /// `model validate` checks a survey binding against the instrument file beside the
    /// model (instruments/<id>.yaml): a missing item or subscale is an error at its value,
    /// with "did you mean"; an instrument without a file is not checked.
    @Test func surveyBindingCheckedAgainstTheInstrumentFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pe-bind-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("instruments"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Models/instruments/vallingbyteamet-readiness.yaml")
        try FileManager.default.copyItem(at: shipped, to: folder.appendingPathComponent("instruments/vallingbyteamet-readiness.yaml"))
        func validate(_ data: String) -> LogicModelDecoder.Result {
            let path = folder.appendingPathComponent("m.yaml").path
            try? Data(Self.model(data: data, unit: "mean", frequency: "year").utf8).write(to: URL(fileURLWithPath: path))
            return LogicModelDecoder.read(path: path, displayName: "m.yaml")
        }
        #expect(validate("{readiness: vallingbyteamet-readiness, item: shared_vision}").errors.isEmpty)
        #expect(validate("{readiness: vallingbyteamet-readiness, subscale: motivation}").errors.isEmpty)
        var e = try #require(validate("{readiness: vallingbyteamet-readiness, item: shared_visoin}").errors.first)
        // `    data: {readiness: vallingbyteamet-readiness, item: ` is 55 columns.
        #expect(e.location.line == 14 && e.location.column == 56, "\(e)")
        #expect(e.message == "instrument vallingbyteamet-readiness has no item `shared_visoin`; did you mean `shared_vision`?")
        e = try #require(validate("{readiness: vallingbyteamet-readiness, subscale: motivaton}").errors.first)
        #expect(e.message == "instrument vallingbyteamet-readiness has no subscale `motivaton`; did you mean `motivation`?")
        #expect(validate("{readiness: another-survey, item: anything}").errors.isEmpty)
    }
}
