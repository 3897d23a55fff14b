import Foundation
import Testing
@testable import LogicModel

/// `counts: persons | events` on an indicator (DESIGN §3.1): optional, persons by
/// default, anything else an error at the value; a model without the key has the same
/// JSON as before.
@Suite struct IndicatorCountsTests {
    static func model(counts: String?) -> String {
        """
        schema: piloteval/logic-model/v1
        id: x
        name: X
        goals:
          - {id: G1, title: Mål ett}
        indicators:
          - id: I1
            title: Antal konsultationer till förskolor
            measures: G1
            unit: count
            direction: increase
            targets:
              - {period: "2022", rule: improve}
        """ + (counts.map { "\n    counts: \($0)" } ?? "") + "\n"
    }

    static func read(_ text: String) -> LogicModelDecoder.Result {
        LogicModelDecoder.decode(Data(text.utf8), file: "m.yaml")
    }

    @Test func eventsIsRead() throws {
        let result = Self.read(Self.model(counts: "events"))
        #expect(result.errors.isEmpty, "\(result.errors)")
        let indicator = try #require(result.model?.indicators.first)
        #expect(indicator.counts == .events)
        #expect(indicator.countsEvents)
    }

    @Test func personsIsTheDefault() throws {
        let absent = try #require(Self.read(Self.model(counts: nil)).model?.indicators.first)
        #expect(absent.counts == nil)
        #expect(!absent.countsEvents)
        let written = try #require(Self.read(Self.model(counts: "persons")).model?.indicators.first)
        #expect(written.counts == .persons)
        #expect(!written.countsEvents)
    }

    @Test func anotherValueIsAnErrorAtTheValue() throws {
        let result = Self.read(Self.model(counts: "visits"))
        #expect(!result.isValid)
        let error = try #require(result.errors.first { $0.message.contains("`counts`") })
        // `    counts: visits` is the file's last line (14), the value at column 13.
        #expect(error.location.file == "m.yaml")
        #expect(error.location.line == 14 && error.location.column == 13, "\(error)")
        #expect(error.id == "I1")
        #expect(error.message == "`counts` is \"visits\"; it must be one of: persons, events")
    }

    /// The stored JSON of a model without the key has no `counts` (so models stored
    /// before the key existed decode, and their JSON is unchanged); with it, it has.
    @Test func jsonCarriesTheKeyOnlyWhenWritten() throws {
        let plain = try #require(Self.read(Self.model(counts: nil)).model)
        let plainJSON = try JSONRenderer.render(plain)
        #expect(!plainJSON.contains("\"counts\""))
        #expect(try JSONRenderer.decode(plainJSON) == plain)

        let events = try #require(Self.read(Self.model(counts: "events")).model)
        let eventsJSON = try JSONRenderer.render(events)
        #expect(eventsJSON.contains("\"counts\" : \"events\""))
        #expect(try JSONRenderer.decode(eventsJSON).indicators.first?.counts == .events)
        // Apart from the key, the two JSON texts are the same.
        #expect(eventsJSON.replacingOccurrences(of: "      \"counts\" : \"events\",\n", with: "") == plainJSON)
    }
}

extension IndicatorCountsTests {
    /// The Markdown rendering names an events indicator's kind beside its unit.
    @Test func markdownSaysEvents() throws {
        let events = try #require(Self.read(Self.model(counts: "events")).model)
        #expect(MarkdownRenderer.render(events).contains("| count (counts: events) |"))
        let plain = try #require(Self.read(Self.model(counts: nil)).model)
        #expect(!MarkdownRenderer.render(plain).contains("counts: events"))
    }
}
