import Evaluation
import Foundation
import LogicModel
import Periods
import Presentation
@testable import Reports
import Store
import Testing
import ZIPFoundation

/// What a reader sees, in every kind × language × format (HTML, Markdown, DOCX), with
/// every domain holding data: no tool syntax, no instruction to the author, no internal
/// key, slug or line reference where a name exists, no English in a Swedish document,
/// numbers that agree with their words, no empty heading, italics that render — and the
/// names that stand in for the keys (issue 20, first part).
@Suite struct VisibleTextTests {
    // MARK: - Data

    /// The fixture's model with what the shipped models carry: line references to the
    /// source text, a method naming a derived case measure by its key, and two
    /// indicators of one outcome measured differently.
    static let modelYAML = """
    schema: piloteval/logic-model/v1
    id: testteamet
    name: Testteamet i Vällingby
    language: sv
    owner: Testförvaltningen, avdelningen för barn och unga
    period: {start: 2020-01-01, end: 2022-12-31}
    goals:
      - {id: G1, title: Barn och unga har en trygg uppväxt}
    outcomes:
      - {id: O1, title: Färre barn aktualiseras på nytt, term: short, contributes_to: [G1]}
    outputs:
      - {id: P1, title: Ärenden i hela kedjan, leads_to: [O1]}
    activities:
      - {id: A1, title: Hela kedjan, leads_to: [P1]}
    indicators:
      - id: I1
        title: Andel barn som åter aktualiseras inom 12 månader
        measures: O1
        unit: percent
        direction: decrease
        source: "Ärendeutdrag; härlett mått re_referral_12m"
        targets:
          - {period: 2021, rule: "<= 22"}
          - {period: 2021, rule: "<= 20", set_by: city}
        breakdowns: {gender: [girls, boys]}
        illustrative: true
      - id: I2
        title: Antal utredningar per barn
        measures: O1
        unit: count
        direction: decrease
        source: "Journalgranskning två gånger om året"
        targets:
          - {period: 2021, rule: qualitative, note: "färre än i fjol (l. 987)"}
    assumptions:
      - id: AS1
        text: Hela kedjan ger kontinuitet (l. 104).
        "on": [A1]
        critical: true
      - id: AS2
        text: Linjen kan ta emot arbetssätten (l. 58, 167–173).
        "on": [O1]
    """

    static let observations = """
    indicator,period,group,value,numerator,denominator,note
    I1,2020,total,,10,40,
    I1,2020,girls,,5,20,
    I1,2020,boys,,5,20,
    I1,2021,total,,12,40,
    I1,2021,girls,,6,20,
    I1,2021,boys,,6,20,
    """

    /// Item keys written as a survey's CSV columns; one item without a short label, so
    /// its chart label must come from the statement.
    static let instrumentYAML = """
    schema: piloteval/instrument/v1
    id: testteamet-readiness
    name: Förändringsbenägenhet i testet
    language: sv
    scale: {min: 1, max: 5, anchors: [{value: 1, sv: instämmer inte alls}, {value: 5, sv: instämmer helt}]}
    items:
      - {key: gemensam_vision, sv: Jag anser att socialtjänsten arbetar utifrån en gemensam vision, short: {sv: Gemensam vision, en: Shared vision}}
      - {key: vill_bidra, sv: Jag vill vara med och bidra till utvecklingsarbetet, en: I want to contribute to the development work}
    """

    static var wave: String {
        var rows = ["respondent,unit,gemensam_vision,vill_bidra"]
        for i in 0..<12 { rows.append("a\(i),Enhet A,\(3 + i % 3),\(2 + i % 4)") }
        for i in 0..<10 { rows.append("b\(i),Enhet B,\(2 + i % 3),\(3 + i % 3)") }
        return rows.joined(separator: "\n")
    }

    static let measure = """
    month,planned,opened
    2021-01,12,20
    2021-02,6,20
    2021-03,7,20
    2021-04,6,20
    2021-05,8,20
    2021-06,9,20
    2021-07,10,20
    2021-08,9,20
    """

    static func cycle(_ id: String, previous: String?, start: String, end: String) -> String {
        """
        schema: piloteval/pdsa/v1
        id: \(id)
        title: Tidsplan med familjen \(id.suffix(1))
        model: testteamet
        activity: A1
        ramp: tidsplan-ramp
        \(previous.map { "previous: \($0)" } ?? "")
        measure: planerade-utredningar
        change_idea: Planera med familjen.
        plan: {prediction: Fler planerade.}
        do: {start: \(start), end: \(end)}
        act: {decision: adopt}
        illustrative: true
        """
    }

    /// Cases of two outcomes: a share within 14 days and a mean per child.
    static func cases() -> CaseDataset {
        var cases: [CaseRecord] = []
        func add(_ n: Int, events: Int, pilot: Bool, gender: CaseRecord.Gender, unit: String) {
            for i in 0..<n {
                cases.append(CaseRecord(caseID: "c\(cases.count)", cohort: pilot ? "testteamet" : "linjen", isPilot: pilot,
                                        unit: unit, gender: gender,
                                        values: ["assessment_within_14d": .number(i < events ? 1 : 0),
                                                 "investigations_per_child": .number(Double(i % (pilot ? 2 : 3)))]))
            }
        }
        add(20, events: 14, pilot: true, gender: .girl, unit: "Testteamet")
        add(20, events: 12, pilot: true, gender: .boy, unit: "Testteamet")
        add(24, events: 12, pilot: false, gender: .girl, unit: "Linje A")
        add(24, events: 12, pilot: false, gender: .boy, unit: "Linje B")
        return CaseDataset(modelID: "testteamet", pilotCohort: "testteamet", pilotStart: nil,
                           extractDate: CalendarDate(year: 2022, month: 12, day: 31)!, cases: cases)
    }

    struct Full {
        let fixture: ReportFixture
        let model: LogicModel
        let provenance: ReportRecord.ModelProvenance
    }

    static func full(modelYAML: String = modelYAML) throws -> Full {
        let f = try ReportFixture()
        try modelYAML.write(toFile: f.path("model-v2.yaml"), atomically: true, encoding: .utf8)
        let (model, stored) = try ModelCatalog(f.database).resolveStored(f.path("model-v2.yaml"))
        try observations.write(toFile: f.path("obs.csv"), atomically: true, encoding: .utf8)
        _ = try IndicatorImporter(f.database).importFile(try CSVReader(path: f.path("obs.csv")),
                                                         model: ModelCatalog(f.database).resolveVersioned("testteamet"))
        try instrumentYAML.write(toFile: f.path("instrument.yaml"), atomically: true, encoding: .utf8)
        try wave.write(toFile: f.path("wave.csv"), atomically: true, encoding: .utf8)
        let instrument = try InstrumentCatalog(f.database).resolve(f.path("instrument.yaml"))
        try ReadinessImporter(f.database).importFile(path: f.path("wave.csv"), instrument: instrument, wave: "2022-03", aggregated: false)
        try measure.write(toFile: f.path("m.csv"), atomically: true, encoding: .utf8)
        _ = try MeasureImporter(f.database).importFile(path: f.path("m.csv"), measure: "planerade-utredningar", value: "planned",
                                                       denominator: "opened", date: "month")
        try cycle("tidsplan-1", previous: nil, start: "2021-03-01", end: "2021-03-31").write(toFile: f.path("p1.yaml"), atomically: true, encoding: .utf8)
        try cycle("tidsplan-2", previous: "tidsplan-1", start: "2021-05-01", end: "2021-05-31").write(toFile: f.path("p2.yaml"), atomically: true, encoding: .utf8)
        _ = try PDSACatalog(f.database).add(paths: [f.path("p1.yaml"), f.path("p2.yaml")])
        return Full(fixture: f, model: model,
                    provenance: .init(id: stored.id, name: model.name, version: stored.version, sha256: stored.sha256))
    }

    static var builders: [AnySectionBuilder] { builders(cases()) }

    static func builders(_ dataset: CaseDataset) -> [AnySectionBuilder] {
        SectionRegistry.builders.map { b in
            b.key == CohortComparisonSection().key ? AnySectionBuilder(CohortComparisonSection(load: { _, _ in dataset })) : b
        }
    }

    /// The visible text of one report: markup stripped, entities decoded; a DOCX's
    /// document and page headers.
    static func visibleText(_ full: Full, kind: ReportKind, language: Language, format: ReportFormat,
                            draft: Bool = false, builders: [AnySectionBuilder] = builders) throws -> String {
        var request = try full.fixture.request(kind, format: format, withText: kind == .final)
        request.language = language
        request.draft = draft
        let strings = ReportStrings(language)
        if kind == .final {
            let matcher = ReportLayout.matcher(kind, strings: strings, model: full.model)
            request.text = try SectionText.parse(ReportFixture.text, fileName: "text.md", matcher: matcher)
        }
        let built = try ReportEngine.build(model: full.model, provenance: full.provenance, request: request,
                                           strings: strings, database: full.fixture.database, builders: builders)
        let renderer = ReportRenderer(templates: try TemplateSet(), strings: strings, toolVersion: "test")
        let output = try renderer.render(built, format: format, outputPath: full.fixture.path("r.\(format.fileExtension)"),
                                         rasterizer: WriterTests.FakeRasterizer()).output
        switch format {
        case .html:
            return markupStripped(String(decoding: output.data, as: UTF8.self))
        case .markdown:
            var md = String(decoding: output.data, as: UTF8.self)
            md = md.replacingOccurrences(of: #"!\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
            md = md.replacingOccurrences(of: #"\\(.)"#, with: "$1", options: .regularExpression)
            for (path, svg) in output.attachments where path.hasSuffix(".svg") {
                md += "\n" + markupStripped(String(decoding: svg, as: UTF8.self))
            }
            return md
        case .docx:
            let archive = try Archive(data: output.data, accessMode: .read)
            var text = ""
            for entry in archive where entry.path == "word/document.xml" || entry.path.hasPrefix("word/header")
                || (entry.path.hasPrefix("word/media/") && entry.path.hasSuffix(".svg")) {
                var data = Data()
                _ = try archive.extract(entry) { data.append($0) }
                // Paragraph ends become line ends, so words of two paragraphs stay apart.
                let xml = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "</w:p>", with: "</w:p>\n")
                text += markupStripped(xml) + "\n"
            }
            return text
        default:
            Issue.record("not a visible format: \(format)")
            return ""
        }
    }

    static func markupStripped(_ markup: String) -> String {
        var t = markup.replacingOccurrences(of: #"<style[\s\S]*?</style>"#, with: " ", options: .regularExpression)
        t = t.replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression)
        for (entity, ch) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&nbsp;", "\u{00A0}"),
                             ("&amp;", "&")] {
            t = t.replacingOccurrences(of: entity, with: ch)
        }
        return t
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return ["bad pattern \(pattern)"] }
        return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            Range(m.range, in: text).map { String(text[$0]) }
        }
    }

    static let formats: [ReportFormat] = [.html, .markdown, .docx]
    static let combinations: [(ReportKind, Language, ReportFormat)] =
        ReportKind.allCases.flatMap { k in [Language.sv, .en].flatMap { l in formats.map { (k, l, $0) } } }

    // MARK: - Tests

    @Test func noDefectClassInAnyKindLanguageOrFormat() throws {
        let full = try Self.full()
        for (kind, language, format) in Self.combinations {
            let text = try Self.visibleText(full, kind: kind, language: language, format: format)
            let at = "\(kind) \(language) \(format)"
            // Tool syntax.
            #expect(Self.matches(#"(?<![\p{L}\d])--[a-z]"#, in: text).isEmpty, "\(at): an option: \(Self.matches(#".{30}--[a-z].{20}"#, in: text))")
            #expect(Self.matches(#"piloteval (report|indicators|cases|readiness|measures|pdsa|model|imports|runchart|synth|demo)\b"#, in: text).isEmpty,
                    "\(at): a command line")
            #expect(!text.contains("JSON"), "\(at): the record named as a place to read")
            // Instructions to the author.
            for phrase in ["Skriv det", "Förklara", "Läs in", "Lägg till", "Ange ", "textfilen", "Write it", "Explain", "Import ",
                           "Add one", "text file", "Att skriva", "To be written"] {
                #expect(!text.contains(phrase), "\(at): an instruction (\(phrase))")
            }
            // Internal keys, slugs and line references.
            let snake = Self.matches(#"\b[a-z]+_[a-z0-9_]+\b"#, in: text).filter { $0 != "r_wg" }
            #expect(snake.isEmpty, "\(at): keys \(Set(snake))")
            for slug in ["planerade-utredningar", "tidsplan-ramp", "tidsplan-1", "tidsplan-2"] {
                #expect(!text.contains(slug), "\(at): the slug \(slug)")
            }
            // The model's id only as provenance beside its name (cover, colophon).
            let ids = Self.matches(#".{0,14}\btestteamet\b.{0,10}"#, in: text)
                .filter { !$0.contains("(testteamet, version") && !$0.contains("testteamet, version") }
            #expect(ids.isEmpty, "\(at): the model id for its name: \(ids)")
            #expect(!text.contains("(l. "), "\(at): a line reference")
            // A logic-model activity by its title, never a bare code in brackets ("(A1)").
            #expect(Self.matches(#"\(A\d+\)"#, in: text).isEmpty, "\(at): an activity's code for its title")
            // Brackets: none empty ("kan inte bedömas ()"), none inside another on one
            // label ("(förslag (illustrativt))").
            #expect(Self.matches(#"\(\s*\)"#, in: text).isEmpty, "\(at): empty brackets")
            #expect(Self.matches(#"\([^()]{0,40}\([^()]*\)\)"#, in: text).isEmpty,
                    "\(at): nested brackets: \(Self.matches(#".{0,30}\([^()]{0,40}\([^()]*\)\)"#, in: text).prefix(3))")
            // The model's names are Swedish: an English document says so, a Swedish one need not.
            #expect(text.contains("indicators and activities are named in Swedish") == (language == .en), "\(at): the names' language")
            if language == .sv {
                #expect(!text.contains("SIGNAL"), "\(at): English")
                #expect(Self.matches(#"\bitems?\b"#, in: text).isEmpty, "\(at): English 'item'")
            }
            // Numbers agree with their words.
            #expect(Self.matches(#"(?<![\d,.])1 (korsningar|punkter|ärenden|uppgifter|indikatorer|crossings|points|cases|figures)\b"#, in: text).isEmpty,
                    "\(at): a plural after 1")
            #expect(!text.contains("rymmer ingen skillnad") && !text.contains("includes no difference"), "\(at): 'no difference' for zero")
            #expect(Self.matches(#"\d %"#, in: text).isEmpty, "\(at): a breakable space before %: \(Self.matches(#".{0,40}\d %.{0,5}"#, in: text).prefix(4))")
        }
    }

    @Test func markdownItalicsOpenAndCloseOnAWord() throws {
        let full = try Self.full()
        for kind in ReportKind.allCases {
            var request = try full.fixture.request(kind, format: .markdown, withText: false)
            request.language = .sv
            let built = try ReportEngine.build(model: full.model, provenance: full.provenance, request: request,
                                               strings: ReportStrings(.sv), database: full.fixture.database, builders: Self.builders)
            let md = String(decoding: try ReportRenderer(templates: try TemplateSet(), strings: ReportStrings(.sv), toolVersion: "test")
                .render(built, format: .markdown, outputPath: full.fixture.path("r.md")).output.data, as: UTF8.self)
            // CommonMark opens emphasis only before a non-space and closes only after one.
            let broken = Self.matches(#"(?<![*\\])\*[ \u00A0][^*\n|]*[^ *]\*(?!\*)"#, in: md) + Self.matches(#"[^ *\n|]\*{1,2} \("#, in: md)
            #expect(broken.isEmpty, "\(kind): literal asterisks \(broken.prefix(3))")
            #expect(md.contains("*(förslag, illustrativt)*") || kind == .steering, "\(kind): the proposal mark in italics")
        }
    }

    @Test func namesStandForKeys() throws {
        let full = try Self.full()
        let final = try Self.visibleText(full, kind: .final, language: .sv, format: .html)
        #expect(final.contains("Testteamet i Vällingby jämfört med linjen"))          // the pilot by its name
        #expect(final.contains("Förhandsbedömning inom 14 dagar"))                     // outcomes by their names
        #expect(final.contains("Utredningar per barn"))
        #expect(final.contains("härlett mått ”Ny aktualisering inom 12 månader”"))     // the logframe's method
        #expect(final.contains("Mått: Planerade utredningar"))                         // a measure by its id spelt out
        #expect(final.contains("Tidsplan ramp"))
        #expect(final.contains("Gemensam vision"))                                     // the item's short label
        #expect(final.contains("Jag vill vara med och bidra…"))                        // a statement, shortened
        #expect(final.contains("Hela kedjan ger kontinuitet."))                        // the assumption without "(l. 104)"
        #expect(final.contains("Antal, piloten"))
        let english = try Self.visibleText(full, kind: .final, language: .en, format: .html)
        #expect(english.contains("Testteamet i Vällingby compared with the line"))
        #expect(english.contains("I want to contribute to the…"))
        let brief = try Self.visibleText(full, kind: .steering, language: .sv, format: .docx)
        #expect(brief.contains("Testteamet i Vällingby jämfört med linjen"))
    }

    @Test func logframeMethodsSitBesideTheirIndicators() throws {
        let full = try Self.full()
        let frame = LogframeRenderer.table(full.model)
        let o1 = try #require(frame.rows.first { $0.id == "O1" })
        #expect(o1.verification == ["I1: Ärendeutdrag; härlett mått re_referral_12m", "I2: Journalgranskning två gånger om året"])
        let md = try Self.visibleText(full, kind: .final, language: .sv, format: .markdown)
        let row = try #require(md.split(separator: "\n").first { $0.contains("**O1**") })
        #expect(row.contains("**I1** Ärendeutdrag; härlett mått ”Ny aktualisering inom 12 månader”<br>**I2** Journalgranskning två gånger om året"))
    }

    /// "Avsnittet är inte skrivet ännu" stands only where nothing else does: a section
    /// the author left unwritten but with results or subsections under it (5 Metod och
    /// material, 6 Resultatredovisning) carries them without the line, which would
    /// contradict the pages under it. Conclusions recommend rather than repeat the
    /// limitation they rest on.
    @Test func theNeutralLineNeverStandsAboveContent() throws {
        let full = try Self.full()
        var request = try full.fixture.request(.final, format: .markdown, withText: false)
        request.text = nil
        let built = try ReportEngine.build(model: full.model, provenance: full.provenance, request: request,
                                           strings: ReportStrings(.sv), database: full.fixture.database, builders: Self.builders)
        let line = Block.paragraph(RichText([.emphasis("Avsnittet är inte skrivet ännu.")]))
        func check(_ section: ReportSection) {
            let rest = section.blocks.filter { $0 != line }
            if section.blocks.contains(line) {
                #expect(rest.isEmpty && section.children.isEmpty, "\(section.title): the line above content")
            }
            section.children.forEach(check)
        }
        built.document.sections.forEach(check)
        let titles = built.document.sections.filter { $0.blocks.contains(line) }.map(\.title)
        #expect(titles.contains("Bakgrund") && !titles.contains("Metod och material"), "\(titles)")
        let text = DomainSectionTests.text(built.document.sections.flatMap { [$0] + $0.children }.flatMap(\.blocks))
        #expect(text.components(separatedBy: "Vad som krävs för att sprida arbetssättet.").count == 2, "said once, in Begränsningar")
        #expect(text.contains("Innan arbetssättet sprids behövs ett starkare underlag"))
    }

    @Test func missingSectionsAreANeutralLineUnlessDraft() throws {
        let full = try Self.full()
        for format in Self.formats {
            let finished = try Self.visibleText(full, kind: .final, language: .sv, format: format)
            #expect(finished.contains("Avsnittet är inte skrivet ännu."), "\(format)")
            #expect(!finished.contains("Utkast"), "\(format)")
            let draft = try Self.visibleText(full, kind: .final, language: .sv, format: format, draft: true)
            #expect(draft.contains("Utkast: att skriva"), "\(format)")
            #expect(draft.contains("Skriv det under rubriken \"8 Referens, källor\"") || draft.contains("Skriv det under rubriken ”8 Referens, källor”")
                    || draft.contains("8 Referens, källor"), "\(format)")
            #expect(Self.matches(#"(?<![\p{L}\d])--[a-z]"#, in: draft).isEmpty, "\(format): an option in the draft")
        }
        // The record says whether it was a draft; records from before read as not.
        var request = try full.fixture.request(.final, format: .json)
        request.draft = true
        let built = try ReportEngine.build(model: full.model, provenance: full.provenance, request: request,
                                           strings: ReportStrings(.sv), database: full.fixture.database, builders: Self.builders)
        #expect(built.record.parameters.draft)
        let json = String(decoding: try JSONEncoder().encode(built.record.parameters), as: UTF8.self)
        #expect(json.contains("\"draft\":true"))
        let old = #"{"format":"json","suppression_threshold":5}"#
        #expect(try JSONDecoder().decode(ReportRecord.Parameters.self, from: Data(old.utf8)).draft == false)
    }

    @Test func noEmptyHeadings() throws {
        let full = try Self.full()
        for kind in ReportKind.allCases {
            for language in [Language.sv, .en] {
                var request = try full.fixture.request(kind, format: .html, withText: kind == .final)
                request.language = language
                let built = try ReportEngine.build(model: full.model, provenance: full.provenance, request: request,
                                                   strings: ReportStrings(language), database: full.fixture.database,
                                                   builders: Self.builders)
                func walk(_ section: ReportSection) {
                    let hasContent = !section.blocks.isEmpty || !section.children.isEmpty
                    #expect(hasContent, "\(kind) \(language): the heading \(section.title) has nothing under it")
                    // A subheading block must be followed by something other than a heading of its level or above.
                    for (i, block) in section.blocks.enumerated() {
                        guard case .heading(let level, let text) = block else { continue }
                        let next = i + 1 < section.blocks.count ? section.blocks[i + 1] : nil
                        if next == nil { Issue.record("\(kind) \(language): '\(text)' ends its section"); continue }
                        if case .heading(let nextLevel, _)? = next, nextLevel <= level {
                            Issue.record("\(kind) \(language): '\(text)' has nothing under it")
                        }
                    }
                    section.children.forEach(walk)
                }
                built.document.sections.forEach(walk)
            }
        }
    }

    @Test func aSubheadingWithNothingUnderItIsLeftOutAndReported() throws {
        let full = try Self.full()
        var request = try full.fixture.request(.final, format: .html, withText: false)
        let text = """
        # 3 Syfte
        Syftet.

        ## Önskade effekter
        ### För invånare
        Rätt stöd i rätt tid.

        ### För staden som helhet

        # 4 Avgränsning
        ## Tom rubrik
        ### Också tom
        """
        let matcher = ReportLayout.matcher(.final, strings: ReportStrings(.sv), model: full.model)
        request.text = try SectionText.parse(text, fileName: "text.md", matcher: matcher)
        let built = try ReportEngine.build(model: full.model, provenance: full.provenance, request: request,
                                           strings: ReportStrings(.sv), database: full.fixture.database, builders: Self.builders)
        let syfte = try #require(built.document.sections.first { $0.key == "3" })
        let headings = syfte.blocks.compactMap { b -> String? in if case .heading(_, let t) = b { return t }; return nil }
        #expect(headings == ["Önskade effekter", "För invånare"])
        let avgransning = try #require(built.document.sections.first { $0.key == "4" })
        #expect(avgransning.blocks.isEmpty == false)                     // the "not written yet" line, no empty headings
        #expect(!avgransning.blocks.contains { if case .heading = $0 { return true }; return false })
        #expect(built.warnings.contains { $0.contains("För staden som helhet") })
    }

    @Test func aMeasureIsNamedByItsTitleElseTheIndicatorBoundToIt() throws {
        var model = try Self.full().model
        #expect(RunChartSection.measureName("planerade-utredningar", model: model) == "Planerade utredningar")
        model.indicators[1].data = .measure(id: "planerade-utredningar")
        #expect(RunChartSection.measureName("planerade-utredningar", model: model) == "Antal utredningar per barn")
        #expect(RunChartSection.measureName("planerade-utredningar", title: "Tidsplan delad med familjen inom två veckor",
                                            model: model) == "Tidsplan delad med familjen inom två veckor")
    }

    /// A measure with a title (`measures import --title`, here `measures title`) is named
    /// by it wherever the report names it — its heading, chart, caption, the ramp of the
    /// cycles watching it, the brief's headline — in every format; a cycle's activity is
    /// its title from the logic model, never its code.
    @Test func aTitledMeasureIsNamedByItsTitle() throws {
        let full = try Self.full()
        let title = "Tidsplaner som familjen fått inom två veckor – målgrupp förskolebarn"
        try MeasureTable(full.fixture.database).setTitle(title, of: "planerade-utredningar")
        for format in Self.formats {
            let text = try Self.visibleText(full, kind: .final, language: .sv, format: format)
            #expect(text.contains("Mått: " + title), "\(format): the heading")
            #expect(text.contains("p-diagram för " + title), "\(format): the caption")
            #expect(!text.contains("Planerade utredningar") && !text.contains("Tidsplan ramp"), "\(format): the id spelt out")
            #expect(text.contains("Aktivitet: Hela kedjan"), "\(format): the cycles' activity by its title")
            #expect(Self.matches(#"\(A\d+\)"#, in: text).isEmpty, "\(format): an activity's code")
            let english = try Self.visibleText(full, kind: .final, language: .en, format: format)
            #expect(english.contains("Measure: " + title) && english.contains("Activity: Hela kedjan"), "\(format): English")
        }
        // The record carries the title beside the id; the ramps' table names the ramp by it.
        let request = try full.fixture.request(.final, format: .html, withText: false)
        let built = try ReportEngine.build(model: full.model, provenance: full.provenance, request: request,
                                           strings: ReportStrings(.sv), database: full.fixture.database, builders: Self.builders)
        let improvement = try #require(built.document.outline.flatMap(\.section.blocks).compactMap { block -> TableBlock? in
            if case .table(let t) = block, t.caption == ReportStrings(.sv)("improvement.ramps.caption") { return t }
            return nil
        }.first)
        #expect(improvement.rows.map { $0[0].text.plainText } == [title, ""])
        #expect(improvement.rows.map { $0[1].text.plainText } == ["1 Tidsplan med familjen 1 – förslag, illustrativt\nAktivitet: Hela kedjan",
                                                               "2 Tidsplan med familjen 2 – förslag, illustrativt"])
    }

    @Test func noCalloutRepeatsAParagraphOrNoteOfItsSection() throws {
        let full = try Self.full()
        for kind in ReportKind.allCases {
            let request = try full.fixture.request(kind, format: .html, withText: false)
            let built = try ReportEngine.build(model: full.model, provenance: full.provenance, request: request,
                                               strings: ReportStrings(.sv), database: full.fixture.database, builders: Self.builders)
            func walk(_ section: ReportSection) {
                var said: Set<String> = []
                for block in section.blocks {
                    switch block {
                    case .paragraph(let p): said.insert(p.plainText)
                    case .table(let t): t.notes.forEach { said.insert($0.plainText) }
                    default: break
                    }
                }
                for case .callout(let c) in section.blocks {
                    #expect(!said.contains(c.text.plainText), "\(kind) \(section.title): a box repeats '\(c.text.plainText.prefix(60))'")
                }
                section.children.forEach(walk)
            }
            built.document.sections.forEach(walk)
        }
    }

    /// The brief's first lines and the note under its indicator overview give the same
    /// reasons an indicator cannot be assessed, in the same words and counts (the brief
    /// said "16 utan mål för perioden eller med ett mål i ord" over a note saying all 16
    /// had no target).
    @Test func briefSummaryAndOverviewGiveTheSameReasonsForUnassessed() throws {
        let full = try Self.full()
        for format in Self.formats {
            for language in [Language.sv, .en] {
                let text = try Self.visibleText(full, kind: .steering, language: language, format: format)
                    .replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
                let phrase = language == .sv ? "kan inte bedömas" : "cannot be assessed"
                let summary = Self.matches(phrase + #" \(([^)]*)\)"#, in: text)
                let note = Self.matches(phrase + #": [^.]*\."#, in: text)
                #expect(!text.contains("eller med ett mål i ord") && !text.contains("or with a target in words"), "\(language) \(format)")
                guard let s = summary.first, let n = note.first else { continue }
                let inSummary = s.dropFirst(phrase.count + 2).dropLast()
                let inNote = n.dropFirst(phrase.count + 2).dropLast()
                #expect(inSummary == inNote, "\(language) \(format): '\(inSummary)' vs '\(inNote)'")
            }
        }
    }

    /// The English brief counts as the Swedish one does, number before word ("2 on
    /// target, 1 off target and 3 cannot be assessed"), not "on target 2, off target 1".
    @Test func theEnglishBriefPutsTheCountBeforeItsWord() throws {
        let full = try Self.full()
        for format in Self.formats {
            let text = try Self.visibleText(full, kind: .steering, language: .en, format: format)
                .replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
            #expect(!Self.matches(#"\d+ on target, \d+ off target and \d+ cannot be assessed \("#, in: text).isEmpty,
                    "\(format)")
            #expect(Self.matches(#"(on target|off target|cannot be assessed|adopted|adapted|abandoned|ongoing) \d"#, in: text).isEmpty,
                    "\(format): \(Self.matches(#".{20}(on target|adopted) \d.{20}"#, in: text))")
        }
    }

    /// A line reference that closes a parenthesis of other words ("(den befintliga
    /// enkäten, l. 190)") is left out of every document as "(l. 190)" is, the words kept.
    @Test func aLineReferenceInsideAParenthesisIsLeftOut() throws {
        let yaml = Self.modelYAML.replacingOccurrences(of: "source: \"Journalgranskning två gånger om året\"",
                                                       with: "source: \"Journalgranskning (två gånger om året, l. 190–191)\"")
        #expect(yaml != Self.modelYAML)
        let full = try Self.full(modelYAML: yaml)
        for format in Self.formats {
            let text = try Self.visibleText(full, kind: .final, language: .sv, format: format)
            #expect(text.contains("Journalgranskning (två gånger om året)"), "\(format)")
            #expect(Self.matches(#"\bl\. \d"#, in: text).isEmpty, "\(format): \(Self.matches(#".{30}\bl\. \d.{5}"#, in: text))")
        }
    }

    /// A trend chart's caption says "med målnivåer" only when the chart draws a target
    /// line: not for a target in words ("förbättras"), which draws none.
    @Test func aTrendCaptionNamesTargetLevelsOnlyWhenTheChartDrawsOne() throws {
        let withLine = try Self.visibleText(try Self.full(), kind: .final, language: .sv, format: .html)
        #expect(withLine.contains("Andel barn som åter aktualiseras inom 12 månader: utfall per period med målnivåer"))
        let yaml = Self.modelYAML.replacingOccurrences(of: """
                  - {period: 2021, rule: "<= 22"}
                  - {period: 2021, rule: "<= 20", set_by: city}
            """, with: """
                  - {period: 2021, rule: improve}
            """)
        #expect(yaml != Self.modelYAML)
        let full = try Self.full(modelYAML: yaml)
        for (language, plain, levels) in [(Language.sv, "månader: utfall per period", "med målnivåer"),
                                          (.en, "månader: outcome by period", "with target levels")] {
            for format in Self.formats {
                let text = try Self.visibleText(full, kind: .final, language: language, format: format)
                    .replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
                #expect(text.contains(plain), "\(language) \(format)")
                #expect(!text.contains(levels), "\(language) \(format): a caption names target levels the chart does not draw")
            }
        }
    }

    /// The day a report was made reads as the reader writes a date, as the cover's
    /// other dates do: "den 7 december 2026", not "2026-12-07T10:16:11Z".
    @Test func theDayAReportWasMadeReadsAsADate() throws {
        let full = try Self.full()
        for (kind, language, format) in Self.combinations {
            let text = try Self.visibleText(full, kind: kind, language: language, format: format)
            let at = "\(kind) \(language) \(format)"
            #expect(Self.matches(#"\d{4}-\d\d-\d\dT\d\d:\d\d"#, in: text).isEmpty, "\(at): a timestamp")
            let made = language == .sv ? #"Framtagen med piloteval test den \d{1,2} [a-zä]+ \d{4}\."#
                : #"Produced with piloteval test on \d{1,2} [A-Z][a-z]+ \d{4}\."#
            #expect(!Self.matches(made, in: text).isEmpty, "\(at): the day it was made")
        }
    }

    /// Pilot vs line with a duration besides the fixture's share and mean (issue 20): each
    /// outcome is named for what its figure is (the duration's share within 122 days as
    /// "Andel … inom 122 dagar", not "Utredningstid (dagar)"), each paragraph says the
    /// smallest possible p once and names the units that give it (not "enheter eller
    /// områden"), and no interval anywhere prints as one repeated value.
    @Test func pilotVsLineSaysEachFigureOnceAndAsWhatItIs() throws {
        var dataset = Self.cases()
        for i in dataset.cases.indices {
            dataset.cases[i].values["investigation_days"] = .duration(days: Double(40 + (i * 37) % 160), observed: i % 9 != 0)
        }
        let full = try Self.full()
        let builders = Self.builders(dataset)
        for language in [Language.sv, .en] {
            for format in Self.formats {
                let text = try Self.visibleText(full, kind: .final, language: language, format: format, builders: builders)
                let at = "\(language) \(format)"
                if language == .sv {
                    #expect(text.contains("Andel utredningar klara inom 122 dagar") && !text.contains("Utredningstid (dagar)"), "\(at)")
                    #expect(text.contains("Med 3 team kan rangordningen bland dem inte visa en säker skillnad: minsta möjliga p är 1/3 = 0,333."),
                            "\(at): \(Self.matches(#".{80}minsta möjliga p.{40}"#, in: text).prefix(3))")
                    #expect(!text.contains("jämförda enheter eller områden") && !text.contains("(minsta möjliga p är 1/"), "\(at)")
                } else {
                    #expect(text.contains("Share of investigations completed within 122 days")
                            && !text.contains("Investigation length (days)"), "\(at)")
                    #expect(text.contains("With 3 teams the ranking among them cannot show a clear difference: the smallest possible p is 1/3 = 0.333."),
                            "\(at)")
                    #expect(!text.contains("units or areas compared"), "\(at)")
                }
                // "0,6 (0,6 till 0,6)": an interval printed as one repeated value.
                let repeated = Self.matches(#"(?<![\d,.])([−+-]?\d+[,.]\d+)(\u00A0%)? \(\1(\u00A0%)? (till|to) \1(\u00A0%)?\)"#, in: text)
                #expect(repeated.isEmpty, "\(at): \(repeated.prefix(3))")
            }
        }
    }

    @Test func decimalsKeepTheIntervalApartFromZero() {
        let n = NumberStyle(.sv)
        #expect(DistinguishingDecimals.decimals(for: [-0.11, -0.17, -0.05], numbers: n) == 2)
        #expect(DistinguishingDecimals.decimals(for: [-0.44, -0.51, -0.37], numbers: n) == 2)   // ends apart from the estimate
        #expect(DistinguishingDecimals.decimals(for: [3.0, -0.5, 6.6], numbers: n) == 1)
        #expect(DistinguishingDecimals.decimals(for: [-0.004, -0.009, -0.0004], numbers: n) == 3)
        #expect(DistinguishingDecimals.decimals(for: [0.2, 0, 0.4], numbers: n) == 1)             // a true zero may print as 0,0
        // One precision for a table's values and intervals: none printed alike within one.
        #expect(DistinguishingDecimals.apart([[0.587, 0.554, 0.620], [0.5, 0.1, 0.9]], numbers: n) == 2)  // not "0,6 (0,6 till 0,6)"
        #expect(DistinguishingDecimals.apart([[81.4, 79.4, 83.2], [0.03, -2.6, 2.6]], numbers: n) == 1)
        #expect(DistinguishingDecimals.apart([[-0.04, -0.11, 0.02]], numbers: n) == 2)                    // not "0,0 (−0,1 till 0,0)"
        #expect(DistinguishingDecimals.apart([[0.61, 0.62, 0.60], [0.9, 0.8, 1.0]], numbers: n) == 2)     // groups need not differ
        // One figure computed two ways (its last bits differ) is one figure, not two to tell apart.
        #expect(DistinguishingDecimals.apart([[0.3, 0.1 + 0.2, 0.5]], numbers: n) == 1)
        // Figures alike even at the limit: a table takes the limit, a chart's labels the
        // fewest decimals that leave as few alike (1,29268 and 1,29310 read alike at three).
        #expect(DistinguishingDecimals.apart([[1.29268, 1.29310]], numbers: n) == 3)
        #expect(DistinguishingDecimals.apart([[1.29268, 1.29310]], numbers: n, signed: false, whenNoneSuffices: .fewestAlike) == 1)
    }
}
