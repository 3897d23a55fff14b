import Foundation
import LogicModel
@testable import Presentation
@testable import Reports
import Store
import Testing
import ZIPFoundation

/// `--audience public|internal` (DESIGN §9, docs/privacy.md "Audiences"): an internal
/// report shows small counts and says on every page that it must not be spread; a public
/// one withholds them and accounts for it in an appendix; the record and verify carry
/// the audience; a public brief does not compare with an internal one.
@Suite struct AudienceTests {
    static let marking = "Intern handling: innehåller små antal (färre än 5) – får inte spridas."
    static let illustrative = "Innehåller illustrativa uppgifter (förslag och exempel) – inte uppmätta resultat."

    func build(_ fixture: ReportFixture, _ kind: ReportKind, _ audience: Audience, format: ReportFormat = .json,
               since: ReportRecord? = nil) throws -> BuiltReport {
        var request = try fixture.request(kind, format: format, withText: kind == .final)
        request.suppression = SuppressionRule(audience: audience)
        request.since = since
        return try ReportEngine.build(model: fixture.model, provenance: fixture.provenance, request: request,
                                      strings: ReportStrings(.sv), database: fixture.database)
    }

    func render(_ built: BuiltReport, _ format: ReportFormat, _ fixture: ReportFixture) throws -> Data {
        let renderer = ReportRenderer(templates: try TemplateSet(), strings: ReportStrings(.sv), toolVersion: "test")
        return try renderer.render(built, format: format, outputPath: fixture.path("report.\(format.fileExtension)"),
                                   rasterizer: WriterTests.FakeRasterizer()).output.data
    }

    @Test func anInternalReportIsMarkedOnEveryPageInEveryFormat() throws {
        let f = try ReportFixture()
        let built = try build(f, .final, .internal, format: .html)
        // The fixture's proposed indicator is illustrative: that is said after the audience.
        #expect(built.document.marking == Self.marking + " " + Self.illustrative)
        #expect(built.record.parameters.audience == .internal)

        // HTML: a banner on screen, the same words in the top margin of every printed page.
        let html = String(decoding: try render(built, .html, f), as: UTF8.self)
        #expect(html.contains("<p class=\"marking\" role=\"note\">\(Self.marking) \(Self.illustrative)</p>"))
        #expect(html.contains("@page { @top-center { content: \"Intern handling: innehåller små antal (färre än 5) – får inte spridas. "))
        // The banner comes before the cover.
        #expect(html.range(of: "class=\"marking\"")!.lowerBound < html.range(of: "Projektets namn")!.lowerBound)

        // Markdown: first and last.
        let md = String(decoding: try render(built, .markdown, f), as: UTF8.self)
        #expect(md.components(separatedBy: "> **\(Self.marking) \(Self.illustrative)**").count - 1 == 2)
        #expect(md.hasPrefix("> **\(Self.marking)"))

        // DOCX: a header part, referenced by every section's properties (landscape ones too).
        let archive = try Archive(data: try render(built, .docx, f), accessMode: .read)
        func text(_ path: String) throws -> String {
            var out = Data()
            _ = try archive.extract(try #require(archive[path])) { out.append($0) }
            return String(decoding: out, as: UTF8.self)
        }
        #expect(try text("word/header1.xml").contains(Self.marking))
        #expect(try text("word/_rels/document.xml.rels").contains("Target=\"header1.xml\""))
        #expect(try text("[Content_Types].xml").contains("/word/header1.xml"))
        let document = try text("word/document.xml")
        let sections = document.components(separatedBy: "<w:sectPr>").count - 1
        #expect(sections >= 1)
        #expect(document.components(separatedBy: "<w:headerReference w:type=\"default\" r:id=\"rIdHeader1\"/>").count - 1 == sections)

        // The appendix says what the audience means, and nothing is counted as withheld.
        // (the last section's last part: in the final report, 9 Bilagor holds it).
        let appendix = try #require(built.document.outline.last?.section)
        #expect(appendix.title == "Röjandekontroll")
        #expect(built.record.disclosure?.entries.isEmpty == true)
    }

    @Test func aPublicReportIsMarkedForItsExampleDataOnly() throws {
        let f = try ReportFixture()
        let built = try build(f, .final, .public, format: .html)
        #expect(built.document.marking == Self.illustrative)
        let html = String(decoding: try render(built, .html, f), as: UTF8.self)
        #expect(!html.contains("Intern handling"))
        let archive = try Archive(data: try render(built, .docx, f), accessMode: .read)
        var header = Data()
        _ = try archive.extract(try #require(archive["word/header1.xml"])) { header.append($0) }
        #expect(!String(decoding: header, as: UTF8.self).contains("Intern handling"))
    }

    /// The pilot-vs-line example of `DomainSectionTests.cases()`: the pilot's girls have 3
    /// non-events, the boys 4. Public: their n and the girls' value are withheld.
    /// Internal: every figure as computed.
    @Test func theInternalAudienceShowsSmallCounts() throws {
        let f = try ReportFixture()
        let dataset = DomainSectionTests.cases()
        let section = CohortComparisonSection(load: { _, _ in dataset })
        var request = try f.request(.final, withText: false)
        request.suppression = SuppressionRule(audience: .internal)
        let context = ReportContext(model: f.model, modelProvenance: f.provenance, request: request,
                                    strings: ReportStrings(.sv), database: f.database)
        let girls = try #require(try section.compute(context).outcomes.first?.byGender.first { $0.gender == "girl" })
        #expect(girls.pilot.n == 10 && girls.pilot.estimate == 0.7 && girls.pilot.ciLow != nil)

        let publicContext = try DomainSectionTests.context(f, .final)
        let hidden = try #require(try section.compute(publicContext).outcomes.first?.byGender.first { $0.gender == "girl" })
        #expect(hidden.pilot.n == nil && hidden.pilot.estimate == nil)
    }

    @Test func verifyRecomputesUnderTheRecordedAudience() throws {
        let f = try ReportFixture()
        for audience in Audience.allCases {
            let built = try build(f, .final, audience)
            let record = try JSONWriter.read(try JSONWriter.write(built.record), name: "report.json")
            #expect(record.parameters.audience == audience)
            let outcome = try ReportVerifier.verify(record, database: f.database)
            #expect(outcome.differences.isEmpty, "\(audience): \(outcome.differences)")
        }
    }

    @Test func aRecordFromBeforeAudiencesReadsAsPublic() throws {
        let f = try ReportFixture()
        let data = try JSONWriter.write(try build(f, .steering, .public).record)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var parameters = try #require(object["parameters"] as? [String: Any])
        parameters.removeValue(forKey: "audience")
        object["parameters"] = parameters
        let old = try JSONWriter.read(try JSONSerialization.data(withJSONObject: object), name: "old.json")
        #expect(old.parameters.audience == .public)
    }

    @Test func aPublicBriefDoesNotCompareWithAnInternalOne() throws {
        let f = try ReportFixture()
        let internalBrief = try build(f, .steering, .internal).record
        #expect(throws: ReportRequestError.self) { try build(f, .steering, .public, since: internalBrief) }
        // Internal with internal, and public with public, are fine.
        _ = try build(f, .steering, .internal, since: internalBrief)
        _ = try build(f, .steering, .public, since: try build(f, .steering, .public).record)
    }

    @Test func thePublicAppendixCountsWhatWasWithheldByRule() throws {
        let results: [String: JSONValue] = [
            "pilot_vs_line": .object([
                "outcomes": .array([.object([
                    "pilot": .object(["n": .null, "n_note": .string(IndicatorFigureSuppression.smallNote),
                                      "estimate": .null, "estimate_note": .string(IndicatorFigureSuppression.hiddenNote)]),
                    "difference": .null, "difference_note": .string("suppressed: built on a hidden count"),
                    "p_note": .string("the test needs two groups"),
                ])]),
            ]),
            "readiness": .object(["units": .array([.object(["n_note": .string("suppressed: fewer respondents than the threshold")])])]),
        ]
        let summary = DisclosureSummary(results: results, rule: .standard)
        #expect(summary.entries == [
            .init(section: "pilot_vs_line", rule: .small, figures: 1),
            .init(section: "pilot_vs_line", rule: .complement, figures: 1),
            .init(section: "pilot_vs_line", rule: .derived, figures: 1),
            .init(section: "readiness", rule: .smallGroup, figures: 1),
        ])
        #expect(summary.total == 4)
        #expect(summary.lines == ["pilot_vs_line: 1 count(s) of 1–4, 1 hidden so a small count cannot be worked out, 1 built on a withheld figure",
                                  "readiness: 1 figure(s) of groups under 5"])
    }

    /// The brief's one sentence explains the marks the brief shows, and only those: the
    /// record behind it withholds figures (here four) that the brief never shows, and a
    /// cold read found "”<5” = 1–4; ”..” = …" under a brief with neither.
    @Test func theBriefsSentenceExplainsOnlyTheMarksItShows() throws {
        let results: [String: JSONValue] = [
            "readiness": .object(["units": .array([.object(["n_note": .string(IndicatorFigureSuppression.smallNote),
                                                            "mean_note": .string(IndicatorFigureSuppression.hiddenNote)])])]),
        ]
        let summary = DisclosureSummary(results: results, rule: .standard)
        #expect(summary.total == 2)
        func line(_ shown: String, _ language: Language = .sv) -> String {
            summary.appendix(strings: ReportStrings(language), numbers: NumberStyle(language), partNames: [:], brief: shown)
                .shownBlocks
        }
        #expect(line("I10 | 79,7 % | ≥ 90 %") == "Inget i lägesrapporten behövde döljas; slutrapportens bilaga visar vad som döljs i dess tabeller och varför.")
        #expect(line("Enhet B | <5 | ..") == "”<5” = 1–4; ”..” = dolt så att ett litet antal inte kan räknas fram (slutrapportens bilaga visar vad och varför).")
        #expect(line("85,0 → .. → 80,8") == "”..” = dolt så att ett litet antal inte kan räknas fram (slutrapportens bilaga visar vad och varför).")
        #expect(line("Enhet B | <5") == "”<5” = 1–4 (slutrapportens bilaga visar vad som döljs och varför).")
        #expect(line("I10 | 79.7%", .en) == "Nothing in this brief needed to be hidden; the final report’s appendix says what is hidden in its tables and why.")
        // Nothing withheld at all: said so, whatever the brief shows.
        let none = DisclosureSummary(results: [:], rule: .standard)
        #expect(none.appendix(strings: ReportStrings(.sv), numbers: NumberStyle(.sv), partNames: [:], brief: "x").shownBlocks
            == "Inga uppgifter behövde döljas.")
    }
}

extension ReportSection {
    /// The section's blocks as the terminal writes them, without the final newline.
    var shownBlocks: String {
        PlainTextWriter(width: 1000).render(blocks).trimmingCharacters(in: .newlines)
    }
}
