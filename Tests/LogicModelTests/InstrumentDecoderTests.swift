import Foundation
import Testing
@testable import LogicModel

/// Instrument files (DESIGN §3.4): the shipped ones validate; mistakes are located.
@Suite struct InstrumentDecoderTests {
    static let instrumentsDir = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Models/instruments")

    func decode(_ text: String) -> InstrumentDecoder.Result {
        InstrumentDecoder.decode(Data(text.utf8), file: "i.yaml")
    }

    @Test(arguments: ["vallingbyteamet-readiness.yaml", "oric-structure-example.yaml"])
    func shippedInstrumentsValidate(_ file: String) throws {
        let result = InstrumentDecoder.read(path: Self.instrumentsDir.appendingPathComponent(file).path, displayName: file)
        #expect(result.errors.isEmpty, "\(result.errors.map(\.description).joined(separator: "\n"))")
        #expect(result.warnings.isEmpty)
        let instrument = try #require(result.instrument)
        let json = try JSONEncoder().encode(instrument)
        #expect(try JSONDecoder().decode(Instrument.self, from: json) == instrument)
    }

    @Test func vallingbyteametInstrumentHasTheSeedsEightStatements() throws {
        let i = try #require(InstrumentDecoder.read(path: Self.instrumentsDir.appendingPathComponent("vallingbyteamet-readiness.yaml").path).instrument)
        #expect(i.id == "vallingbyteamet-readiness")
        #expect(i.itemKeys == ["shared_vision", "follow_individual_important", "follow_individual_possible", "needs_adapted_support",
                               "understand_why", "want_to_contribute", "know_what_it_means_for_me", "have_prerequisites"])
        #expect(i.scale.min == 1 && i.scale.max == 7 && i.scale.agreeFrom == 6)
        #expect(i.scale.anchor(1)?.sv == "instämmer inte alls" && i.scale.anchor(7)?.sv == "instämmer helt")
        #expect(i.item("understand_why")?.sv == "Jag förstår varför utvecklingsarbetet behövs")
        #expect(i.items.allSatisfy { $0.en != nil })
        // English documents name it in English; without `name_en`, by its name.
        #expect(i.name(in: .en) == "Readiness for change, department for children and young people (Vällingbyteamet)")
        #expect(i.name(in: .sv) == "Förändringsbenägenhet, avdelningen för barn och unga (Vällingbyteamet)")
        #expect(try #require(decode(Self.valid).instrument).name(in: .en) == "T")
    }

    @Test func oricExampleHasCommitmentAndEfficacy() throws {
        let i = try #require(InstrumentDecoder.read(path: Self.instrumentsDir.appendingPathComponent("oric-structure-example.yaml").path).instrument)
        #expect(i.subscales.map(\.key) == ["change_commitment", "change_efficacy"])
        #expect(i.subscales.map(\.items.count) == [5, 7])
        #expect(i.scale.options == 5)
    }

    static let valid = """
        schema: piloteval/instrument/v1
        id: t
        name: T
        scale: {min: 1, max: 5}
        items:
          - {key: a, sv: A, en: A}
          - {key: b, sv: B, en: B, reverse: true}
        subscales:
          - {key: s, sv: S, items: [a, b]}
        """

    @Test func aMinimalInstrumentReads() throws {
        let r = decode(Self.valid)
        #expect(r.errors.isEmpty)
        let i = try #require(r.instrument)
        #expect(i.scale.agreeFrom == 4)   // top two of 1–5 by default
        #expect(i.items[1].reverse && i.scale.reversed(2) == 4)
    }

    @Test func unknownSubscaleItemIsLocated() {
        let r = decode(Self.valid.replacingOccurrences(of: "items: [a, b]", with: "items: [a, bb]"))
        let e = r.errors.first
        #expect(e?.location.line == 9 && e?.message.contains("\"bb\"") == true && e?.message.contains("did you mean `b`") == true)
    }

    @Test(arguments: [
        ("schema: piloteval/instrument/v1", "schema: piloteval/instrument/v2", "unknown schema"),
        ("{key: b, sv: B, en: B, reverse: true}", "{key: a, sv: B, en: B}", "duplicate item key"),
        ("scale: {min: 1, max: 5}", "scale: {min: 5, max: 1}", "must be above min"),
        ("scale: {min: 1, max: 5}", "scale: {min: 1, max: 5, agree_from: 9}", "agree_from"),
        ("{key: a, sv: A, en: A}", "{key: unit, sv: A, en: A}", "reserved column"),
        ("{key: a, sv: A, en: A}", "{key: A-1, sv: A, en: A}", "lowercase"),
        ("reverse: true}", "reverse: kanske}", "true or false"),
        ("scale: {min: 1, max: 5}", "scale: {min: 1, max: 5, anchors: [{value: 6, sv: x}]}", "not a point of the scale"),
        ("- {key: s, sv: S, items: [a, b]}", "- {key: s, sv: S, itmes: [a, b]}", "did you mean `items`"),
    ])
    func mistakesAreReportedWithTheirLine(_ from: String, _ to: String, _ message: String) {
        let r = decode(Self.valid.replacingOccurrences(of: from, with: to))
        #expect(r.errors.contains { $0.message.contains(message) && $0.location.line >= 1 },
                "\(r.diagnostics.map(\.description))")
    }

    @Test func anchorsAndAliasesAreRefused() {
        let r = decode(Self.valid + "\nextra: &x [a]\n")
        #expect(!r.isValid)
    }
}
