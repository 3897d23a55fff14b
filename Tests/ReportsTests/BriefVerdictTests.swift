import Evaluation
import Foundation
import LogicModel
import Periods
@testable import Presentation
@testable import Reports
import Store
import ZIPFoundation
import Testing

/// The steering brief answers "is the pilot working, and how sure are we?" in words:
/// a verdict at the top with better / worse / unclear per outcome and the certainty,
/// one line per domain, no method names; the tertial report says which period it is
/// about when none was asked for (issue 20).
@Suite struct BriefVerdictTests {
    static let methodNames = ["r_wg", "ICC", "Welch", "Wilson", "Newcombe", "SMD", "Cronbach", "log-rank", "Kaplan"]

    /// The text with markup's gaps closed: one space between words, none before a point.
    static func words(_ text: String) -> String {
        text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
            .replacingOccurrences(of: " .", with: ".").replacingOccurrences(of: " :", with: ":")
    }

    @Test func theBriefOpensWithAVerdictInWordsInEveryLanguageAndFormat() throws {
        let full = try VisibleTextTests.full()
        for format in VisibleTextTests.formats {
            let sv = Self.words(try VisibleTextTests.visibleText(full, kind: .steering, language: .sv, format: format))
            // The verdict: the interval of the 14-day share holds zero; the comparison has 3 units.
            #expect(sv.contains("I korthet"), "\(format)")
            #expect(sv.contains("Testteamet i Vällingby jämfört med linjen: oklart på förhandsbedömning inom 14 dagar och utredningar per barn."), "\(format)")
            #expect(sv.contains("Ärendena för sig pekar mot lägre på utredningar per barn."), "\(format)")
            #expect(sv.contains("Säkerheten är låg: piloten är ett enda team; jämförelsen mellan 3 team kan inte visa en säker skillnad."), "\(format)")
            #expect(sv.contains("jämförelsen mellan 3 team kan inte visa en säker skillnad"), "\(format)")
            #expect(sv.contains("Underlag: ärendeuttag 31 december 2022."), "\(format)")
            // Direction per outcome, in words; an outcome with no better direction says so.
            #expect(sv.contains("Bättre eller sämre?"), "\(format)")
            // The words follow the comparison over the 3 units, which cannot show a difference;
            // the cases alone point lower on investigations per child.
            #expect(sv.contains("Bättre, sämre eller oklart (ingen säker skillnad) enligt den starkaste jämförelse"), "\(format)")
            // The cell names the ranking the words rest on.
            #expect(sv.contains("Oklart (plats 1 av 3 team); ärendena: lägre"), "\(format)")
            #expect(sv.contains("Plats: pilotens plats bland teamen, 1 = störst skillnad från de övriga."), "\(format)")
            #expect(sv.contains("Högre eller lägre: ingen given riktning."), "\(format)")
            // One line per domain: indicators on and off target, the PDSA cycles.
            #expect(sv.contains("Indikatorer för 2021: 0 når målet, 1 når det inte och 1 kan inte bedömas (1 har ett mål i ord)."), "\(format)")
            #expect(sv.contains("Förbättringsarbete: 2 PDSA-cykler på 1 mått: 2 behålls och ingen avbryts."),
                    "\(format)")
            // Readiness in plain words, without the figures behind the verdict.
            #expect(ReportStrings(.sv).values.keys.filter { $0.hasPrefix("readiness.steering.verdict.") }
                .contains { sv.contains(ReportStrings(.sv)($0)) }, "\(format)")
            // The final report's things only: no promise of curves it does not draw.
            #expect(!sv.contains("kurvor"), "\(format)")
            let en = Self.words(try VisibleTextTests.visibleText(full, kind: .steering, language: .en, format: format))
            #expect(en.contains("In brief"), "\(format)")
            #expect(en.contains("Testteamet i Vällingby compared with the line: unclear on initial assessment within 14 days and investigations per child."), "\(format)")
            #expect(en.contains("Certainty is low: the pilot is a single team"), "\(format)")
            #expect(en.contains("Unclear (rank 1 of 3 teams); cases: lower") && en.contains("Higher or lower: no given direction."), "\(format)")
            #expect(en.contains("Improvement work: 2 PDSA cycles on 1 measure: 2 adopted and none abandoned."), "\(format)")
            for (language, text) in [("sv", sv), ("en", en)] {
                for name in Self.methodNames {
                    #expect(!text.contains(name), "\(language) \(format): the method name \(name) in the brief")
                }
            }
        }
    }

    @Test func verdictWordsFollowTheBetterDirection() {
        func outcome(_ key: String, _ d: Double, _ lo: Double, _ hi: Double) -> CohortComparisonSection.Outcome {
            let g = CohortComparisonSection.Group(label: "x", n: 10, nNote: nil, estimate: 0.5, estimateNote: nil, ciLow: nil,
                                                  ciHigh: nil, median: nil, medianNote: nil)
            return CohortComparisonSection.Outcome(outcome: key, kind: "binary", limitDays: nil, pilot: g, line: g, difference: d,
                                                   differenceNote: nil, ciLow: lo, ciHigh: hi, test: "chi_square", p: nil, pNote: nil,
                                                   permutationP: nil, permutationNote: nil, units: nil, mddStandardized: nil,
                                                   mddRaw: nil, mddAbove: nil, mddBelow: nil, mddNote: nil, censored: nil,
                                                   censoredNote: nil, byGender: [], caveats: [])
        }
        #expect(PilotVsLineReport.verdict(outcome("investigation_within_4m", 0.08, 0.02, 0.14)) == .better)
        #expect(PilotVsLineReport.verdict(outcome("re_referral_12m", 0.08, 0.02, 0.14)) == .worse)
        #expect(PilotVsLineReport.verdict(outcome("re_referral_12m", -0.08, -0.14, 0.001)) == .unclear)
        #expect(PilotVsLineReport.verdict(outcome("distinct_caseworkers", -0.4, -0.5, -0.3)) == .better)
        #expect(PilotVsLineReport.verdict(outcome("investigations_per_child", -0.1, -0.2, -0.05)) == .lower)
        #expect(PilotVsLineReport.inSentence("Förhandsbedömning inom 14 dagar") == "förhandsbedömning inom 14 dagar")
        #expect(PilotVsLineReport.inSentence("KF:s mål") == "KF:s mål")
        #expect(ListWords.joined(["a", "b", "c"], and: "och") == "a, b och c")
    }

    @Test func theTertialReportTakesThePeriodWithTheMostValuesAndSaysSo() throws {
        let full = try VisibleTextTests.full()
        for format in VisibleTextTests.formats {
            let sv = try VisibleTextTests.visibleText(full, kind: .tertial, language: .sv, format: format)
            #expect(sv.contains("Period: 2021, den period som har flest indikatorvärden."), "\(format)")
            let en = try VisibleTextTests.visibleText(full, kind: .tertial, language: .en, format: format)
            #expect(en.contains("Period: 2021, the period with the most indicator values."), "\(format)")
        }
        // The period with the most indicators given a value; ties go to the latest; a
        // kind asked for wins when any of its periods has a value.
        let t1 = Period(parsing: "2022-T1")!, t2 = Period(parsing: "2022-T2")!, year = Period(parsing: "2022")!
        var rows: [Observation] = []
        for (period, indicators) in [(t1, ["I1", "I2", "I3"]), (t2, ["I1", "I2", "I3"]), (year, ["I1", "I2", "I3", "I4", "I5"])] {
            rows += indicators.map { Observation(indicator: $0, period: period, value: 1) }
        }
        rows.append(Observation(indicator: "I9", period: Period(parsing: "2023-T1")!, group: "girls", value: 1))  // not a total
        #expect(IndicatorData.fullestPeriod(rows) == year)
        #expect(IndicatorData.fullestPeriod(rows, kind: .tertial) == t2)
        #expect(IndicatorData.fullestPeriod(rows.filter { $0.period != year && $0.period != t2 }, kind: .tertial) == t1)
        #expect(IndicatorData.fullestPeriod([]) == nil)
        // A year and its first tertial with as many values: the year ends later.
        let tie = ["I1", "I2"].flatMap { [Observation(indicator: $0, period: t1, value: 1), Observation(indicator: $0, period: year, value: 1)] }
        #expect(IndicatorData.fullestPeriod(tie) == year)
    }

    @Test func exampleDataIsNamedAtTheTopOfEveryKindAndPage() throws {
        let full = try VisibleTextTests.full()
        for (kind, language, format) in VisibleTextTests.combinations {
            let text = try VisibleTextTests.visibleText(full, kind: kind, language: language, format: format)
            let marking = ReportStrings(language)("marking.illustrative")
            // The fixture's proposed indicator and its PDSA cycles are illustrative.
            #expect(text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("> **" + marking) || format != .markdown,
                    "\(kind) \(language) \(format): the marking first")
            #expect(text.contains(marking), "\(kind) \(language) \(format)")
        }
        // A synthetic extract (by its file name) or a synthetic wave names synthetic data.
        let request = ReportRequest(kind: .steering, language: .sv, format: "html", toolVersion: "test")
        let strings = ReportStrings(.sv)
        let file = ReportRecord.DataFile(importID: 1, kind: "cases", fileName: "synthetic-cases-2022-12-31.csv", sha256: "x",
                                         rows: 1, target: "m", importedAt: "2022-12-31")
        #expect(ReportEngine.marking(request: request, results: [:], dataFiles: [file], strings: strings)
                == strings("marking.synthetic"))
        let wave: JSONValue = .object(["surveys": .array([.object(["waves": .array([.object(["synthetic": .bool(true)])])])])])
        let proposal: JSONValue = .object(["rows": .array([.object(["illustrative": .bool(true)])])])
        #expect(ReportEngine.marking(request: request, results: ["readiness": wave, "indicators": proposal], dataFiles: [],
                                     strings: strings) == strings("marking.synthetic_illustrative"))
        #expect(ReportEngine.marking(request: request, results: ["readiness": .object(["synthetic": .bool(false)])], dataFiles: [],
                                     strings: strings) == nil)
    }

    @Test func aNoteOnAPartOfAYearBeginsWithACapital() {
        let sv = ReportStrings(.sv)("indicators.interim", ["period": "tertial 3 2022"])
        #expect(sv.hasPrefix("Perioden tertial 3 2022 är en del av ett år"))
        let en = ReportStrings(.en)("indicators.interim", ["period": "tertial 3 2022"])
        #expect(en.first?.isUppercase == true)
    }
}

/// The final report's method and limitations, compiled from what was done (issue 20).
@Suite struct FinalMethodAndLimitationsTests {
    @Test func methodAndLimitationsAreWrittenFromTheResults() throws {
        let full = try VisibleTextTests.full()
        for format in VisibleTextTests.formats {
            let sv = BriefVerdictTests.words(try VisibleTextTests.visibleText(full, kind: .final, language: .sv, format: format))
            for phrase in ["Underlag och beräkningar", "Sammanställt ur rapportens resultat.",
                           "Pilot jämfört med linjen. Underlaget är ärendeuttaget den 31 december 2022.",
                           "Antalet (n) räknar ärenden, utom för utredningar per barn, där det räknar barn.",
                           "Designens styrka: låg.", "Piloten rangordnas också bland 3 team",
                           "räknas som pågående (censurerade)",
                           "Förhandsbedömning inom 14 dagar: andelen aktualiseringar med beslut om förhandsbedömning inom 14 dagar.",
                           "Indikatorer. Logikmodellens 2 indikatorer bedöms för 2021", "1 av dem är förslag (illustrativa).",
                           "Förändringsbenägenhet. Förändringsbenägenhet i testet, mätningarna mars 2022",
                           "Förbättringsarbete. Mått följs över tid", "Röjandekontroll. Antal från 1 till 4 visas som <5",
                           "Begränsningar", "Ett team räknas som en observation. Piloten är ett enda team.",
                           "Jämförelsen mellan 3 team kan därför inte visa en säker skillnad.",
                           "PDSA-cyklerna är exempel (illustrativa), inte genomförda tester.",
                           "1 av logikmodellens 2 indikatorer är förslag (illustrativa)",
                           "Vad som krävs för att sprida arbetssättet."] {
                #expect(sv.contains(phrase), "\(format): \(phrase)")
            }
            let en = BriefVerdictTests.words(try VisibleTextTests.visibleText(full, kind: .final, language: .en, format: format))
            for phrase in ["Data and calculations", "Compiled from the report's results.", "Strength of the design: low.",
                           "Limitations", "One team counts as one observation.", "What scaling up would need."] {
                #expect(en.contains(phrase), "\(format): \(phrase)")
            }
        }
    }
}

/// DOCX tables: no word breaks inside a cell in LibreOffice or Word (issue 20: "Utfal l",
/// "Linje n", "Förändri ng" in the 8 columns of the indicator table).
@Suite struct DOCXColumnWidthTests {
    static let portrait = 11906 - 2 * 1417

    @Test func everyColumnHoldsItsLongestWordOrTheTypeGetsSmaller() throws {
        let header = ["Indikator", "Utfall", "Linjen", "Föregående period", "Förändring", "Enhetens mål", "KF:s mål", "Bedömning"]
        let row = ["I13 Andel barn som återaktualiseras inom tolv månader", "80,8 %", "66,7 %", "75,0 %", "+5,8 p.e.",
                   "≥ 90 %", "förbättras", "○ Ej uppfyllt"]
        let table = TableBlock(header: [header.map { TableBlock.Cell($0) }], rows: [row.map { TableBlock.Cell($0) }])
        let fit = try #require(DOCXWriter.columnWidths(table, available: Self.portrait))
        #expect(fit.widths.reduce(0, +) <= Self.portrait)
        #expect(fit.size >= 16, "no table type under 8 pt")
        let scale = Double(fit.size) / 19
        for (c, text) in header.enumerated() {
            let header = text.split(separator: " ").map(\.count).max()!
            let body = row[c].split(separator: " ").map(\.count).max()!
            // Bold header characters and plain body characters, with the cell's padding.
            let padding = Double(2 * fit.margin + 30)
            #expect(Double(fit.widths[c]) >= max(Double(header) * 135, Double(body) * 120) * scale + padding - 1,
                    "column \(c) (\(text)) is \(fit.widths[c]) twips at \(fit.size) half-points")
        }
        // Too many long words for any size on a portrait page: none fits, so the writer
        // turns to a landscape page.
        let wide = TableBlock(header: [(1...5).map { TableBlock.Cell("Återaktualiseringar\($0)") }], rows: [])
        #expect(DOCXWriter.columnWidths(wide, available: Self.portrait) == nil)
        #expect(DOCXWriter.columnWidths(wide, available: 16838 - 2 * 1134) != nil)
        // A narrow table keeps the style's own size.
        let narrow = TableBlock(header: [["Enhet", "Medelvärde"].map { TableBlock.Cell($0) }], rows: [])
        #expect(DOCXWriter.columnWidths(narrow, available: Self.portrait)?.size == 19)
    }

    /// The final report's indicator table: long names beside seven numeric columns whose
    /// header words are long. At 9 pt the words left the names a quarter of the page and
    /// ten lines each; the writer takes the size whose table has about the fewest lines.
    @Test func longNamesGetTheRoomTheNumericHeadersLeave() throws {
        let header = ["Indikator", "Utfall", "Linjen", "Föregående", "Förändring", "Årsmål (enheten)", "Bedömning"]
        let name = "I8 Jag har förutsättningar (utbildning, verktyg, tid, kunskap om arbetssätt osv.) för att utföra mitt arbete i enlighet med utvecklingsarbetet"
        let row = [name, "80,8\u{00A0}%", "69,3\u{00A0}%", "85,4\u{00A0}% (2020)", "−4,6 p.e.", "≥ 90\u{00A0}%", "○ Ej uppfyllt"]
        let table = TableBlock(header: [header.map { TableBlock.Cell($0) }],
                               rows: Array(repeating: row.map { TableBlock.Cell($0) }, count: 8))
        let fit = try #require(DOCXWriter.columnWidths(table, available: Self.portrait))
        #expect(fit.size < 19)
        // Against the largest size whose words fit (8.5 pt here: names 2 159 twips, 74 lines
        // by the writer's count), the chosen one (8 pt) gives the names a sixth more room
        // and the table a fifth fewer lines.
        let measure = DOCXWriter.ColumnMeasure(table)
        let largest = try #require(DOCXWriter.tableTextSizes.first { measure.widths(size: $0, available: Double(Self.portrait)) != nil })
        let atLargest = try #require(measure.widths(size: largest, available: Double(Self.portrait)))
        #expect(Double(fit.widths[0]) >= 1.15 * atLargest[0], "names get \(fit.widths[0]) of \(Self.portrait) twips")
        #expect(measure.lines(size: fit.size, widths: fit.widths.map(Double.init)) < measure.lines(size: largest, widths: atLargest))
    }

    /// Twips a column needs at 8 pt for `characters` of a word (bold in a head) and a
    /// cell margin of `margin` on either side: the writer's character widths (135 bold,
    /// 120 plain at 9.5 pt), scaled to 8 pt, and 30 twips for borders.
    static func at8pt(_ characters: Int, bold: Bool = false, margin: Int) -> Double {
        Double(characters) * (bold ? 135 : 120) * 16 / 19 + Double(2 * margin + 30)
    }

    /// 8 pt is the floor (a steering group prints these). Seven column heads of 73 bold
    /// characters take 8 299 twips at 8 pt: with 1 mm cell margins the columns need 9 307,
    /// more than the portrait page's 9 072; with 0.5 mm margins 8 901, which fits. 7.5 pt,
    /// where they fitted with 1 mm margins (8 788), is no longer tried.
    @Test func aTableTooWideAt8ptTakesNarrowerMarginsNotSmallerType() throws {
        let heads = ["Aaaaaaaaaaa", "Bbbbbbbbbbb", "Ccccccccccc", "Dddddddddd", "Eeeeeeeeee", "Ffffffffff", "Gggggggggg"]
        #expect(heads.map(\.count).reduce(0, +) == 73)
        let table = TableBlock(header: [heads.map { TableBlock.Cell($0) }], rows: [heads.map { _ in TableBlock.Cell("1") }])
        let normal = heads.reduce(0) { $0 + Self.at8pt($1.count, bold: true, margin: 57) }
        let tight = heads.reduce(0) { $0 + Self.at8pt($1.count, bold: true, margin: 28) }
        #expect(normal > Double(Self.portrait) && tight <= Double(Self.portrait))
        let fit = try #require(DOCXWriter.columnWidths(table, available: Self.portrait))
        #expect(fit.size == 16 && fit.margin == 28)
        for (c, head) in heads.enumerated() {
            #expect(Double(fit.widths[c]) >= Self.at8pt(head.count, bold: true, margin: 28) - 1, "\(head) breaks")
        }
        // The DOCX says so: the margins on the table, the size on every run, none smaller.
        let document = ReportDocument(kind: .final, language: .sv, title: "T",
                                      sections: [ReportSection(key: "x", title: "X", blocks: [.table(table)])])
        let xml = String(decoding: try WriterTests.documentXML(document), as: UTF8.self)
        #expect(xml.contains("<w:tblCellMar><w:left w:w=\"28\" w:type=\"dxa\"/><w:right w:w=\"28\" w:type=\"dxa\"/></w:tblCellMar>"))
        let sizes = Set(xml.ranges(of: "<w:sz w:val=\"").map { Int(xml[$0.upperBound...].prefix { $0.isNumber })! })
        #expect(sizes == [16], "type sizes in the document: \(sizes)")
        #expect(!xml.contains("w:orient=\"landscape\""))
    }

    /// A table that does not fit at 8 pt even so: a name's long word may break, a number
    /// may not. Six columns of "12345678,90" need 6 × 1 198 twips at 8 pt with 0.5 mm
    /// margins; beside them the name's 24 characters (2 511) do not fit the page, its
    /// first 12 (1 299) do.
    @Test func aLongNameBreaksBeforeANumberDoes() throws {
        let name = "Förändringsbenägenhetsmätningen"
        let number = "12345678,90"
        let table = TableBlock(header: [["Namn"] + (1...6).map { "Värde\($0)" }].map { $0.map { TableBlock.Cell($0) } },
                               rows: [[TableBlock.Cell(name)] + (1...6).map { _ in TableBlock.Cell(number) }],
                               alignments: [.left] + Array(repeating: .right, count: 6))
        let numbers = 6 * Self.at8pt(number.count, margin: 28)
        #expect(numbers + Self.at8pt(24, margin: 28) > Double(Self.portrait))
        #expect(numbers + Self.at8pt(12, margin: 28) <= Double(Self.portrait))
        let fit = try #require(DOCXWriter.columnWidths(table, available: Self.portrait))
        #expect(fit.size == 16 && fit.margin == 28)
        #expect(Double(fit.widths[0]) < Self.at8pt(24, margin: 28), "the name's word breaks")
        #expect(Double(fit.widths[0]) >= Self.at8pt(12, margin: 28) - 1)
        for c in 1...6 { #expect(Double(fit.widths[c]) >= Self.at8pt(number.count, margin: 28) - 1, "column \(c)") }
        // Narrower still (a landscape page cannot widen further): without `force` none fits;
        // forced, the numbers keep their width and the name takes what is left.
        let narrow = 8000
        #expect(DOCXWriter.columnWidths(table, available: narrow) == nil)
        let squeezed = try #require(DOCXWriter.columnWidths(table, available: narrow, force: true))
        #expect(squeezed.size == 16)
        for c in 1...6 { #expect(Double(squeezed.widths[c]) >= Self.at8pt(number.count, margin: 28) - 1, "column \(c)") }
        #expect(abs(Double(squeezed.widths[0]) - (Double(narrow) - numbers)) <= 2)
    }
}

/// No page that is all but empty, and no heading that repeats the title (issue 20).
@Suite struct NearEmptyPagesTests {
    @Test func theTertialReportHasNoContentsPageAndNoSecondTitle() throws {
        let full = try VisibleTextTests.full()
        let request = try full.fixture.request(.tertial, format: .html, withText: false)
        let built = try ReportEngine.build(model: full.model, provenance: full.provenance, request: request,
                                           strings: ReportStrings(.sv), database: full.fixture.database,
                                           builders: VisibleTextTests.builders)
        #expect(!built.document.sections.contains { $0.title == built.document.title })
        #expect(built.document.sections.first?.title == "Indikatorer per mål")
        let docx = try VisibleTextTests.visibleText(full, kind: .tertial, language: .sv, format: .docx)
        #expect(VisibleTextTests.matches(#"\bInnehåll\b"#, in: docx).isEmpty, "a contents list of one section")
        let html = try VisibleTextTests.visibleText(full, kind: .tertial, language: .sv, format: .html)
        #expect(html.components(separatedBy: "Tertialrapport: indikatorer per mål").count - 1 <= 2)   // <title> and the cover
        let css = try TemplateSet().text("report.css")
        #expect(css.contains("body.kind-steering .toc, body.kind-tertial .toc { display: none; }"))
        #expect(css.contains("body.kind-steering .cover, body.kind-tertial .cover { break-after: auto; }"))
    }

    @Test func anUnwrittenSectionDoesNotTakeAPageOfItsOwn() throws {
        let full = try VisibleTextTests.full()
        for draft in [false, true] {
            var request = try full.fixture.request(.final, format: .html, withText: true)
            request.draft = draft
            let built = try ReportEngine.build(model: full.model, provenance: full.provenance, request: request,
                                               strings: ReportStrings(.sv), database: full.fixture.database,
                                               builders: VisibleTextTests.builders)
            let aims = try #require(built.document.sections.first { $0.key == "3" })
            #expect(built.record.sections.first { $0.key == "3" }?.content == ["placeholder"])
            // A short section shares its page, in a finished document and a proof alike.
            #expect(!aims.pageBreakBefore)
            #expect(built.document.sections.first { $0.key == "6" }?.pageBreakBefore == true)
        }
    }

    /// A short section neither starts a page nor makes the next section start one; a
    /// long one after a long one does (estimates by hand: 20 lines of 90 characters is
    /// long, a paragraph of 200 characters short).
    @Test func aShortSectionSharesItsPage() {
        let long = [Block](repeating: .paragraph(RichText(String(repeating: "x", count: 90))), count: 20)
        let short = [Block.paragraph(RichText(String(repeating: "y", count: 200)))]
        #expect(ReportSection(key: "a", title: "A", blocks: long).estimatedLength == 1_800)
        #expect(ReportSection(key: "b", title: "B", blocks: short).estimatedLength == 200)
        let sections = [("1", long), ("2", long), ("3", short), ("4", long), ("5", long)].map {
            ReportSection(key: $0.0, title: $0.0, blocks: $0.1, pageBreakBefore: true)
        }
        let laid = ReportAssembler.sharingShortPages(sections)
        #expect(laid.map(\.pageBreakBefore) == [true, true, false, false, true])
    }
}

/// Sammanfattning and Slutsatser drafted from the results when the text lacks them, for
/// the author to edit and confirm; never beside the author's own text (issue 20).
@Suite struct GeneratedSectionsTests {
    func built(_ full: VisibleTextTests.Full, withText: Bool, draft: Bool = false, language: Language = .sv) throws -> BuiltReport {
        var request = try full.fixture.request(.final, format: .html, withText: withText)
        request.language = language
        request.draft = draft
        return try ReportEngine.build(model: full.model, provenance: full.provenance, request: request,
                                      strings: ReportStrings(language), database: full.fixture.database,
                                      builders: VisibleTextTests.builders)
    }

    func text(_ section: ReportSection?) -> String {
        (section?.blocks ?? []).compactMap { b -> String? in
            switch b {
            case .paragraph(let p): return p.plainText
            case .callout(let c): return c.text.plainText
            default: return nil
            }
        }.joined(separator: "\n")
    }

    @Test func missingSummaryAndConclusionsAreCompiledFromTheResults() throws {
        let full = try VisibleTextTests.full()
        let without = try built(full, withText: false)
        let summary = text(without.document.sections.first { $0.key == "1" })
        #expect(summary.hasPrefix("Sammanställt ur rapportens resultat.\nTestteamet i Vällingby jämfört med linjen: oklart på förhandsbedömning inom 14 dagar och utredningar per barn."))
        #expect(summary.contains("Indikatorer för 2021: 0 når målet"))
        #expect(summary.contains("Förbättringsarbete: 2 PDSA-cykler"))
        #expect(!summary.contains("Avsnittet är inte skrivet ännu."))
        let conclusions = text(without.document.sections.first { $0.key == "7" })
        #expect(conclusions.contains("Säkerheten är låg"))
        #expect(conclusions.contains("Innan arbetssättet sprids behövs ett starkare underlag"))
        #expect(!conclusions.contains("Vad som krävs för att sprida arbetssättet."))
        // References: the works behind the methods the report used.
        #expect(without.generatedText == ["1 Sammanfattning", "7 Slutsatser och förslag", "8 Referens, källor"])
        #expect(!without.missingText.contains("1 Sammanfattning"))
        #expect(without.record.sections.first { $0.key == "1" }?.content == ["generated", "computed"])
        let works = (without.document.sections.first { $0.key == "8" }?.blocks ?? []).flatMap { block -> [String] in
            if case .list(let list) = block { return list.items.map(\.plainText) }; return []
        }
        #expect(works.contains { $0.hasPrefix("Welch, B. L. (1947)") } && works.contains { $0.hasPrefix("Newcombe, R. G. (1998)") })

        // The author's own summary follows the verdict: a summary without the results
        // (last year's text, in the demo) is no summary.
        let with = try built(full, withText: true)
        let written = text(with.document.sections.first { $0.key == "1" })
        #expect(written.hasPrefix("Sammanställt ur rapportens resultat.\nTestteamet i Vällingby jämfört med linjen:"))
        // The lines per domain too: this year's results above the author's prose.
        #expect(written.contains("Förbättringsarbete: 2 PDSA-cykler"))
        #expect(with.record.sections.first { $0.key == "1" }?.content == ["written", "computed"])
        #expect(with.generatedText == ["7 Slutsatser och förslag", "8 Referens, källor"])

        // The proof copy: the box saying what to write, then the draft.
        let draft = try built(full, withText: false, draft: true)
        let proof = text(draft.document.sections.first { $0.key == "1" })
        #expect(proof.contains("Sammanställt ur rapportens resultat."))
        #expect(draft.missingText.contains("1 Sammanfattning"))

        let english = text(try built(full, withText: false, language: .en).document.sections.first { $0.key == "1" })
        #expect(english.hasPrefix("Compiled from the report's results.\nTestteamet i Vällingby compared with the line: unclear on"))
    }
}

/// The cover says how recent the data are, and is never dated before them.
@Suite struct CoverDateTests {
    @Test func theCoverSaysHowRecentTheDataAre() throws {
        let full = try VisibleTextTests.full()
        var request = try full.fixture.request(.final, format: .html, withText: true)
        request.text?.cover["date"] = "2022-02-28"
        let built = try ReportEngine.build(model: full.model, provenance: full.provenance, request: request,
                                           strings: ReportStrings(.sv), database: full.fixture.database,
                                           builders: VisibleTextTests.builders)
        // The extract of 31 December 2022 is the latest data the report shows.
        let field = try #require(built.document.cover.fields.first { $0.key == "data_through" })
        #expect(field.label == "Underlag till och med")
        #expect(field.value == "31 december 2022")
        // A date before the data is last year's text: the cover is dated the day the
        // report is made, and the author is told.
        // In words, as the line beside it.
        let made = try #require(CalendarDate(parsing: String(Timestamp.iso8601(request.generatedAt).prefix(10))))
        #expect(built.document.cover.fields.first { $0.key == "date" }?.value == NumberStyle(.sv).date(made))
        #expect(built.warnings.contains { $0.contains("the text's date (2022-02-28) is before the latest data") })
        // The model is named by its name, never its key.
        let model = try #require(built.document.cover.fields.first { $0.key == "model" })
        #expect(model.value == "\(full.provenance.name), version \(full.provenance.version)")
        request.text?.cover["date"] = "2023-02-28"
        let later = try ReportEngine.build(model: full.model, provenance: full.provenance, request: request,
                                           strings: ReportStrings(.sv), database: full.fixture.database,
                                           builders: VisibleTextTests.builders)
        #expect(later.document.cover.fields.first { $0.key == "data_through" }?.value == "31 december 2022")
        #expect(later.document.cover.fields.first { $0.key == "date" }?.value == "28 februari 2023")
        #expect(!later.warnings.contains { $0.contains("the text's date") })
        // A text about an earlier year over figures that run later: the cover says so, in
        // words, and the author is told; a text about the figures' year says nothing.
        request.text?.cover["year"] = "2021"
        let earlier = try ReportEngine.build(model: full.model, provenance: full.provenance, request: request,
                                             strings: ReportStrings(.sv), database: full.fixture.database,
                                             builders: VisibleTextTests.builders)
        let note = try #require(earlier.document.cover.fields.first { $0.key == "data_note" })
        #expect(note.label == "Observera" && note.value == "Texten gäller 2021; rapportens siffror sträcker sig till och med 31 december 2022.")
        #expect(earlier.warnings.contains { $0.contains("the text is about 2021 but the report's figures run to 2022-12-31") })
        request.text?.cover["year"] = "2022"
        let same = try ReportEngine.build(model: full.model, provenance: full.provenance, request: request,
                                          strings: ReportStrings(.sv), database: full.fixture.database,
                                          builders: VisibleTextTests.builders)
        #expect(!same.document.cover.fields.contains { $0.key == "data_note" })
        // The brief has its extract date in its first lines instead.
        let brief = try ReportEngine.build(model: full.model, provenance: full.provenance,
                                           request: try full.fixture.request(.steering, format: .html, withText: false),
                                           strings: ReportStrings(.sv), database: full.fixture.database,
                                           builders: VisibleTextTests.builders)
        #expect(!brief.document.cover.fields.contains { $0.key == "data_through" })
    }
}

/// The tertial table has boys and girls columns only where an indicator is broken down
/// by gender (not beside a staff survey's items or a count of PDSA cycles).
@Suite struct TertialGenderColumnsTests {
    @Test func aGoalWithoutAGenderBreakdownHasNoBoysOrGirlsColumns() throws {
        let full = try VisibleTextTests.full()
        // A second goal measured by I2 alone, which has no gender breakdown.
        let yaml = VisibleTextTests.modelYAML
            .replacingOccurrences(of: "  - {id: G1, title: Barn och unga har en trygg uppväxt}",
                                  with: "  - {id: G1, title: Barn och unga har en trygg uppväxt}\n  - {id: G2, title: Arbetet sker i hela kedjan}")
            .replacingOccurrences(of: "measures: O1\n    unit: count", with: "measures: G2\n    unit: count")
        #expect(yaml.contains("measures: G2"))
        try yaml.write(toFile: full.fixture.path("model-g2.yaml"), atomically: true, encoding: .utf8)
        let (model, _) = try ModelCatalog(full.fixture.database).resolveStored(full.fixture.path("model-g2.yaml"))
        let request = try full.fixture.request(.tertial, format: .html, withText: false)
        let built = try ReportEngine.build(model: model, provenance: full.provenance, request: request,
                                           strings: ReportStrings(.sv), database: full.fixture.database,
                                           builders: VisibleTextTests.builders)
        let tables = built.document.sections.flatMap(\.blocks).compactMap { b -> TableBlock? in
            if case .table(let t) = b { return t }; return nil
        }
        try #require(tables.count >= 2)
        // G1 holds I1, broken down by gender: the columns stay.
        #expect(tables[0].headerRows[0].map(\.text.plainText).contains("Pojkar"))
        // In a table with the columns (the fixture's own model: G1 holds I1 and I2), a row
        // without a breakdown leaves them empty, not "–", which would say a value is missing.
        let mixed = try ReportEngine.build(model: full.model, provenance: full.provenance, request: request,
                                           strings: ReportStrings(.sv), database: full.fixture.database,
                                           builders: VisibleTextTests.builders)
        let g1 = try #require(mixed.document.sections.flatMap(\.blocks).compactMap { b -> TableBlock? in
            if case .table(let t) = b { return t }; return nil
        }.first)
        let columns = g1.headerRows[0].map(\.text.plainText)
        let boys = try #require(columns.firstIndex(of: "Pojkar")), girls = try #require(columns.firstIndex(of: "Flickor"))
        let i2 = try #require(g1.rows.first { $0[0].text.plainText.hasPrefix("I2") })
        #expect(i2[boys].text.plainText.isEmpty && i2[girls].text.plainText.isEmpty)
        let i1 = try #require(g1.rows.first { $0[0].text.plainText.hasPrefix("I1") })
        #expect(!i1[boys].text.plainText.isEmpty)
        // G2 holds I2 only: no boys or girls, in the header, the rows and the alignments alike.
        let header = tables[1].headerRows[0].map(\.text.plainText)
        #expect(!header.contains("Pojkar") && !header.contains("Flickor"), "\(header)")
        #expect(tables[1].rows.allSatisfy { $0.count == header.count })
        #expect(tables[1].alignments.count == header.count)
    }
}

/// A goal's roll-up says how many of its indicators could be assessed (issue 20:
/// "uppfylls helt — 1 av 3 indikatorer bedömbara").
@Suite struct GoalCoverageTests {
    @Test func aRollUpOnPartOfItsIndicatorsSaysSo() throws {
        let full = try VisibleTextTests.full()
        // G1 holds I1 (a target, not met in 2021) and I2 (a qualitative target, not assessable).
        let tertial = BriefVerdictTests.words(try VisibleTextTests.visibleText(full, kind: .tertial, language: .sv, format: .markdown))
        #expect(tertial.contains("Målets beräknade bedömning: ○ Uppfylls inte – 0 av 1 bedömd indikator uppfylld; 1 av 2 indikatorer bedömbara."), "\(tertial.prefix(0))")
        // The period in one line at the top, each indicator counted once: I1 off target,
        // I2's target in words.
        #expect(tertial.contains("2021 i korthet: 0 av 2 indikatorer når målet, 1 når det inte och 1 kan inte bedömas (1 har inget mål eller ett mål i ord)."),
                "\(tertial)")
        let final = BriefVerdictTests.words(try VisibleTextTests.visibleText(full, kind: .final, language: .sv, format: .html))
        #expect(final.contains("0 av 1 bedömd indikator uppfylld; 1 av 2 indikatorer bedömbara"))
        let english = BriefVerdictTests.words(try VisibleTextTests.visibleText(full, kind: .tertial, language: .en, format: .html))
        #expect(english.contains("0 of 1 assessed indicator met; 1 of 2 indicators assessable."))
    }
}

/// 6.2: a sentence per outcome on whether girls and boys differ, by a test of their
/// difference (issue 20; the figures themselves: StrongestDesignTests).
@Suite struct GenderDifferenceTests {
    @Test func aSentencePerOutcomeOnGirlsAgainstBoys() throws {
        let f = try ReportFixture()
        let context = try DomainSectionTests.context(f, .final)
        func group(_ e: Double, _ lo: Double, _ hi: Double) -> CohortComparisonSection.Group {
            CohortComparisonSection.Group(label: "x", n: 40, nNote: nil, estimate: e, estimateNote: nil, ciLow: lo, ciHigh: hi,
                                          median: nil, medianNote: nil)
        }
        let rows = [CohortComparisonSection.GenderRow(gender: "girl", pilot: group(0.8, 0.7, 0.9), line: group(0.5, 0.4, 0.6)),
                    CohortComparisonSection.GenderRow(gender: "boy", pilot: group(0.4, 0.3, 0.5), line: group(0.55, 0.45, 0.65))]
        var outcome = CohortComparisonSection.Outcome(
            outcome: "assessment_within_14d", kind: "binary", limitDays: nil, pilot: group(0.6, 0.5, 0.7), line: group(0.5, 0.4, 0.6),
            difference: 0.1, differenceNote: nil, ciLow: 0, ciHigh: 0.2, test: "chi_square", p: nil, pNote: nil, permutationP: nil,
            permutationNote: nil, units: nil, mddStandardized: nil, mddRaw: nil, mddAbove: nil, mddBelow: nil, mddNote: nil,
            censored: nil, censoredNote: nil, byGender: rows, caveats: [])
        outcome.genderDifferences = [.init(cohort: "pilot", difference: 0.4, differenceNote: nil, ciLow: 0.25, ciHigh: 0.55),
                                     .init(cohort: "line", difference: -0.05, differenceNote: nil, ciLow: -0.2, ciHigh: 0.1)]
        let result = CohortComparisonSection.Result(present: true, note: nil, pilot: "Testteamet", extractDate: nil, pilotStart: nil,
                                                    synthetic: false, genders: ["girl", "boy"], joined: false, outcomes: [outcome])
        let sentence = result.genderDifferences(outcome, CohortComparisonSection.input(context))
        let pp = "\u{00A0}p.e."
        #expect(sentence == "Förhandsbedömning inom 14 dagar: i Testteamet skiljer sig flickor och pojkar åt, flickor − pojkar +40,0\(pp) (+25,0\u{00A0}till\u{00A0}+55,0); i linjen skiljer sig flickor och pojkar inte säkert, flickor − pojkar −5,0\(pp) (−20,0\u{00A0}till\u{00A0}+10,0).")
        // The fixture's own cases: 14/20 against 12/20 in the pilot, 12/24 against 12/24 in the line.
        let full = try VisibleTextTests.full()
        let text = BriefVerdictTests.words(try VisibleTextTests.visibleText(full, kind: .final, language: .sv, format: .html))
        #expect(text.contains("i Testteamet i Vällingby skiljer sig flickor och pojkar inte säkert, flickor − pojkar +10"))
        #expect(text.contains("i linjen skiljer sig flickor och pojkar inte säkert, flickor − pojkar"))
    }
}

/// The contents list: every heading of the first two levels or none (issue 20).
@Suite struct ContentsTests {
    @Test func theContentsListEveryHeadingOfTheFirstTwoLevels() throws {
        let full = try VisibleTextTests.full()
        var request = try full.fixture.request(.final, format: .html, withText: true)
        request.language = .sv
        let built = try ReportEngine.build(model: full.model, provenance: full.provenance, request: request,
                                           strings: ReportStrings(.sv), database: full.fixture.database,
                                           builders: VisibleTextTests.builders)
        let html = String(decoding: try ReportRenderer(templates: try TemplateSet(), strings: ReportStrings(.sv), toolVersion: "test")
            .render(built, format: .html, outputPath: full.fixture.path("r.html"), rasterizer: WriterTests.FakeRasterizer()).output.data,
                          as: UTF8.self)
        let main = String(html[html.range(of: "<main>")!.lowerBound...])
        let linked = Set(PageLinks.matches(##"<a href="#([^"]+)">"##, in: html))
        // Every h2 and h3 of the body has an id the contents link to, and no more.
        let h2 = PageLinks.matches(#"<h2 id="([^"]+)-h">"#, in: main), h3 = PageLinks.matches(#"<h3 id="([^"]+)">"#, in: main)
        #expect(!main.contains("<h3>"), "a subheading without an id, so not in the contents")
        let ids = Set(h2 + h3.map { $0.hasSuffix("-h") ? String($0.dropLast(2)) : $0 })
        #expect(ids == linked, "in the body, not the contents: \(ids.subtracting(linked)); the other way: \(linked.subtracting(ids))")
        // The author's subheading and the computed subsection side by side.
        let headings = built.document.contents.map(\.heading)
        #expect(headings.contains("En underrubrik"))
        #expect(headings.contains("Underlag och beräkningar"))
        #expect(built.document.contents.allSatisfy { $0.depth <= 2 })
        // DOCX: the same entries, each a page field to its heading's bookmark.
        let docx = try ReportRenderer(templates: try TemplateSet(), strings: ReportStrings(.sv), toolVersion: "test")
            .render(built, format: .docx, outputPath: full.fixture.path("r.docx"), rasterizer: WriterTests.FakeRasterizer()).output.data
        let archive = try Archive(data: docx, accessMode: .read)
        var xml = Data()
        _ = try archive.extract(try #require(archive["word/document.xml"])) { xml.append($0) }
        let body = String(decoding: xml, as: UTF8.self)
        let pageFields = PageLinks.matches(#" PAGEREF (\S+) \\h "#, in: body)
        #expect(pageFields.count == built.document.contents.count)
        let bookmarks = PageLinks.matches(#"<w:bookmarkStart w:id="\d+" w:name="([^"]+)"/>"#, in: body)
        #expect(Set(pageFields) == Set(bookmarks) && bookmarks.count == Set(bookmarks).count)
    }
}

enum PageLinks {
    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}

/// A run chart's PDSA legend keeps each cycle's number apart from its start date.
@Suite struct PDSALegendTests {
    @Test func theNumberStandsApartFromTheDate() throws {
        let full = try VisibleTextTests.full()
        let text = BriefVerdictTests.words(try VisibleTextTests.visibleText(full, kind: .final, language: .sv, format: .markdown))
        #expect(text.contains("1 · 2021-03-01: Tidsplan med familjen 1"), "\(VisibleTextTests.matches(#".{0,20}2021-03-01.{0,30}"#, in: text).prefix(3))")
    }
}

/// The final report's indicator tables carry a city (KF) target column only when some
/// indicator has a city target: an empty column took a portrait page's width from the
/// indicators' names.
@Suite struct CityTargetColumnTests {
    @Test func theCityColumnIsThereOnlyWhenAnIndicatorHasACityTarget() throws {
        let full = try VisibleTextTests.full()
        func header(_ model: LogicModel) throws -> [String] {
            let built = try ReportEngine.build(model: model, provenance: full.provenance,
                                               request: try full.fixture.request(.final, format: .html, withText: false),
                                               strings: ReportStrings(.sv), database: full.fixture.database,
                                               builders: VisibleTextTests.builders)
            func tables(_ s: ReportSection) -> [TableBlock] {
                s.blocks.compactMap { if case .table(let t) = $0 { return t }; return nil } + s.children.flatMap(tables)
            }
            let table = try #require(built.document.sections.flatMap(tables).first { $0.caption?.hasPrefix("Indikatorer för G1") == true })
            return table.headerRows[0].map(\.text.plainText)
        }
        #expect(full.model.indicators.contains { $0.targets.contains { $0.setBy == .city } })
        #expect(try header(full.model).contains("KF:s årsmål"))
        var unitOnly = full.model
        for i in unitOnly.indicators.indices { unitOnly.indicators[i].targets.removeAll { $0.setBy == .city } }
        let shown = try header(unitOnly)
        #expect(!shown.contains("KF:s årsmål"))
        #expect(shown.last == "Bedömning" && shown.contains("Årsmål (enheten)"))
    }
}

/// The final report's pilot-vs-line part writes its dates in words, as the brief and
/// the cover do.
@Suite struct CohortDatesTests {
    @Test func theExtractDateReadsAsADate() throws {
        let full = try VisibleTextTests.full()
        let sv = BriefVerdictTests.words(try VisibleTextTests.visibleText(full, kind: .final, language: .sv, format: .html))
        #expect(sv.contains("i uttaget per 31 december 2022."), "\(sv.prefix(0))")
        #expect(!sv.contains("i uttaget per 2022-12-31"))
    }
}
