import Foundation
import Periods
import Testing
@testable import LogicModel

/// The indicator form writes one indicator into a model's text and keeps the rest as the
/// author wrote it: the checks decode the written text again and compare, and count the
/// lines that changed.
@Suite struct IndicatorTextTests {
    static let vallingby = (try? String(contentsOf: ShippedModelsTests.modelsDir.appendingPathComponent("vallingbyteamet.yaml"),
                                        encoding: .utf8)) ?? ""

    static func decode(_ text: String) throws -> LogicModel {
        let result = LogicModelDecoder.decode(Data(text.utf8), file: "m.yaml", instrument: nil)
        #expect(result.errors.isEmpty, "\(result.errors.map(\.description))")
        return try #require(result.model)
    }

    /// Lines of `b` not in `a` and of `a` not in `b`, as multisets.
    static func changedLines(_ a: String, _ b: String) -> (removed: [String], added: [String]) {
        var counts: [String: Int] = [:]
        for l in a.components(separatedBy: "\n") { counts[l, default: 0] += 1 }
        var added: [String] = []
        for l in b.components(separatedBy: "\n") {
            if let n = counts[l], n > 0 { counts[l] = n - 1 } else { added.append(l) }
        }
        return (counts.flatMap { l, n in Array(repeating: l, count: n) }, added)
    }

    @Test(arguments: ShippedModelsTests.files)
    func writingAnIndicatorUnchangedLeavesTheTextAsItWas(_ file: String) throws {
        let text = try String(contentsOf: ShippedModelsTests.modelsDir.appendingPathComponent(file), encoding: .utf8)
        let model = try Self.decode(text)
        for indicator in model.indicators {
            #expect(try IndicatorText.write(indicator, replacing: indicator.id, in: text) == text, "\(file) \(indicator.id)")
        }
    }

    @Test func aNewTitleChangesOneLineAndKeepsTheComments() throws {
        let model = try Self.decode(Self.vallingby)
        var i14 = try #require(model.indicators.first { $0.id == "I14" })
        i14.title = "Konsultationer: förskolor & skolor \"walk-and-talk\" # inte en kommentar"
        let written = try IndicatorText.write(i14, replacing: "I14", in: Self.vallingby)
        let (removed, added) = Self.changedLines(Self.vallingby, written)
        #expect(removed == ["    title: Antal konsultationer till förskolor och skolor (inklusive walk-and-talk)"])
        #expect(added == ["    title: \"Konsultationer: förskolor & skolor \\\"walk-and-talk\\\" # inte en kommentar\""])
        #expect(written.contains("counts: events                # consultations, not persons: never suppressed"))
        let read = try Self.decode(written)
        #expect(IndicatorText.sameForm(try #require(read.indicators.first { $0.id == "I14" }), i14))
        #expect(read.indicators.filter { $0.id != "I14" } == model.indicators.filter { $0.id != "I14" })
    }

    /// "max 6,1 % eller minskar", set by the city, beside the unit's own target.
    @Test func targetsWithAChoiceAndACityTargetReadBack() throws {
        let model = try Self.decode(Self.vallingby)
        var i10 = try #require(model.indicators.first { $0.id == "I10" })
        let rule = TargetRule.any([.threshold(.atMost, .init(value: 6.1, decimals: 1)), .improve])
        i10.direction = .decrease
        i10.targets = [Target(period: try #require(Period(parsing: "2022")), rule: rule, setBy: .city, note: "KF:s årsmål"),
                       Target(period: try #require(Period(parsing: "2022-T3")), rule: .between(.init(value: 2, decimals: 0), .init(value: 4.25, decimals: 2)))]
        let written = try IndicatorText.write(i10, replacing: "I10", in: Self.vallingby)
        let (removed, added) = Self.changedLines(Self.vallingby, written)
        #expect(removed.count == 3)   // direction and the two target lines; "targets:" is written again as it was
        #expect(added.contains("      - {period: \"2022\", rule: {any: [\"<= 6.1\", \"improve\"]}, set_by: city, note: \"KF:s årsmål\"}"))
        #expect(added.contains("      - {period: \"2022-T3\", rule: \"between 2 and 4.25\"}"))
        let read = try #require(try Self.decode(written).indicators.first { $0.id == "I10" })
        #expect(read.targets == i10.targets)
        #expect(IndicatorText.sameForm(read, i10))
        #expect(read.data == i10.data && read.illustrative)   // keys the form does not own are kept
    }

    @Test func aClearedNoteIsRemovedAndANewDescriptionGoesAfterTheTitle() throws {
        let model = try Self.decode(Self.vallingby)
        var i9 = try #require(model.indicators.first { $0.id == "I9" })
        i9.note = nil
        i9.description = "Räknas i kalenderdagar."
        i9.frequency = .quarter
        let written = try IndicatorText.write(i9, replacing: "I9", in: Self.vallingby)
        let lines = written.components(separatedBy: "\n")
        let title = try #require(lines.firstIndex { $0.hasPrefix("    title: Antal dagar från inkommen") })
        #expect(lines[title + 1] == "    description: \"Räknas i kalenderdagar.\"")
        #expect(!written.contains("Förslag; källan namnger inget mått för skyndsamhet"))
        #expect(written.contains("    frequency: quarter\n    data: {cases: days_to_assessment"))
        let read = try Self.decode(written)
        #expect(IndicatorText.sameForm(try #require(read.indicators.first { $0.id == "I9" }), i9))
        #expect(read.indicators.count == model.indicators.count)
    }

    @Test func aNewIndicatorIsAppendedToTheList() throws {
        let model = try Self.decode(Self.vallingby)
        var new = Indicator(id: "I21", title: "Andel barn som fått återkoppling", measures: "O10", unit: .percent, direction: .increase)
        new.frequency = .tertial
        new.breakdowns = ["gender": ["girls", "boys"]]
        new.targets = [Target(period: try #require(Period(parsing: "2022")), rule: .threshold(.atLeast, .init(value: 80, decimals: 0)))]
        let written = try IndicatorText.write(new, replacing: nil, in: Self.vallingby)
        let (removed, added) = Self.changedLines(Self.vallingby, written)
        #expect(removed.isEmpty)
        #expect(added.first == "  - id: I21")
        let read = try Self.decode(written)
        #expect(read.indicators.count == model.indicators.count + 1)
        #expect(IndicatorText.sameForm(try #require(read.indicators.last), new))
        #expect(Array(read.indicators.dropLast()) == model.indicators)
    }

    static let small = """
        schema: piloteval/logic-model/v1
        id: liten
        name: Liten modell
        goals:
          - {id: G1, title: Ett mål}
        indicators:
          - {id: I1, title: Ett mått, measures: G1, unit: count, direction: increase}
          - {id: I2, title: Ett annat, measures: G1, unit: count, direction: none, illustrative: true}
        # slut
        """

    @Test func anIndicatorOnOneLineIsWrittenAgainWholeWhenTheFormHoldsAllOfIt() throws {
        var i1 = try #require(try Self.decode(Self.small).indicators.first)
        i1.note = "ny"
        let written = try IndicatorText.write(i1, replacing: "I1", in: Self.small)
        #expect(written.contains("  - id: I1\n    title: \"Ett mått\"\n    measures: G1\n    unit: count\n    direction: increase\n    note: \"ny\"\n  - {id: I2"))
        #expect(IndicatorText.sameForm(try #require(try Self.decode(written).indicators.first), i1))
        // I2 has a key the form does not hold: refused rather than lost.
        let i2 = try #require(try Self.decode(Self.small).indicators.last)
        #expect(throws: IndicatorText.Failure.self) { try IndicatorText.write(i2, replacing: "I2", in: Self.small) }
        #expect(throws: IndicatorText.Failure.self) { try IndicatorText.write(i2, replacing: "I9", in: Self.small) }
    }

    @Test func aNewIndicatorAfterOneLineItemsKeepsTheClosingComment() throws {
        let new = Indicator(id: "I3", title: "Tredje", measures: "G1", unit: .mean, direction: .decrease)
        let written = try IndicatorText.write(new, replacing: nil, in: Self.small)
        #expect(written.hasSuffix("illustrative: true}\n  - id: I3\n    title: \"Tredje\"\n    measures: G1\n    unit: mean\n    direction: decrease\n# slut"))
        #expect(try Self.decode(written).indicators.map(\.id) == ["I1", "I2", "I3"])
    }

    /// A text saved from a browser's text area has CRLF line endings.
    @Test func crlfLineEndingsAreKept() throws {
        let text = Self.vallingby.replacingOccurrences(of: "\n", with: "\r\n")
        let model = try Self.decode(text)
        var i10 = try #require(model.indicators.first { $0.id == "I10" })
        #expect(try IndicatorText.write(i10, replacing: "I10", in: text) == text)
        i10.targets[0].rule = .any([.threshold(.atMost, .init(value: 6.1, decimals: 1)), .improve])
        i10.note = nil
        let written = try IndicatorText.write(i10, replacing: "I10", in: text)
        #expect(!written.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let read = try Self.decode(written)
        #expect(IndicatorText.sameForm(try #require(read.indicators.first { $0.id == "I10" }), i10))
        let new = Indicator(id: "I21", title: "Ny", measures: "O10", unit: .count, direction: .increase)
        let appended = try IndicatorText.write(new, replacing: nil, in: text)
        #expect(!appended.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(try Self.decode(appended).indicators.last?.id == "I21")
    }

    /// The YAML reader breaks lines at NEL, LS, PS and a lone CR too: a text holding one is
    /// refused (the form's line counting would edit the wrong lines), and a typed one is
    /// written escaped, so it reads back as typed.
    @Test func unusualLineBreaksAreRefusedInTheTextAndEscapedInAValue() throws {
        let model = try Self.decode(Self.vallingby)
        var i14 = try #require(model.indicators.first { $0.id == "I14" })
        for odd in ["\u{2028}", "\u{85}", "\r"] {
            let text = Self.vallingby.replacingOccurrences(of: "name: Socialtjänst", with: "name: Social\(odd)tjänst")
            #expect(throws: IndicatorText.Failure.self) { try IndicatorText.write(i14, replacing: "I14", in: text) }
        }
        i14.note = "rad ett\u{2028}rad två\u{85}tre\u{2029}fyra"
        let written = try IndicatorText.write(i14, replacing: "I14", in: Self.vallingby)
        #expect(!written.unicodeScalars.contains { ["\u{85}", "\u{2028}", "\u{2029}"].contains($0) })
        #expect(try Self.decode(written).indicators.first { $0.id == "I14" }?.note == i14.note)
    }

    /// Two keys added at one place keep the file's order; an empty flow list takes a first item.
    @Test func keysAddedTogetherKeepTheirOrderAndAnEmptyListTakesAnItem() throws {
        let text = """
            schema: piloteval/logic-model/v1
            id: liten
            name: Liten modell
            goals:
              - {id: G1, title: Ett mål}
            indicators:
              - id: I1
                title: Ett mått
                measures: G1
                unit: count
                direction: increase
            """
        var i1 = try #require(try Self.decode(text).indicators.first)
        i1.description = "Beskrivning"
        i1.counts = .events
        i1.frequency = .year
        let written = try IndicatorText.write(i1, replacing: "I1", in: text)
        let keys = written.components(separatedBy: "\n").dropFirst(6).map { $0.trimmingCharacters(in: .whitespaces).prefix { $0 != ":" } }
        #expect(keys == ["- id", "title", "description", "measures", "unit", "direction", "counts", "frequency"])
        #expect(IndicatorText.sameForm(try #require(try Self.decode(written).indicators.first), i1))
        let empty = text.components(separatedBy: "\n").prefix(5).joined(separator: "\n") + "\nindicators: []\n"
        let first = try IndicatorText.write(i1, replacing: nil, in: empty)
        #expect(try Self.decode(first).indicators.map(\.id) == ["I1"])
        // A model without the key at all gets one.
        let none = text.components(separatedBy: "\n").prefix(5).joined(separator: "\n") + "\n"
        #expect(try Self.decode(try IndicatorText.write(i1, replacing: nil, in: none)).indicators.map(\.id) == ["I1"])
    }
}
