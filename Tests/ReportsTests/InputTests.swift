import Evaluation
import Foundation
@testable import Reports
import Presentation
import Testing

/// The `--budget` CSV and the `--text` Markdown (docs/reports.md).
@Suite struct InputTests {
    @Test func seedBudgetReadsAndSums() throws {
        let budget = try Budget.read(data: Data(ReportFixture.budgetCSV.utf8), name: "budget.csv")
        // Hand sums of seed 004 l. 30–41: 500 000 + 650 000; 1 457 956 + 4 104 + 37 940.
        #expect(budget.total(.income) == 1_150_000)
        #expect(budget.total(.cost) == 1_500_000)
        #expect(budget.lines(.income).count == 3)          // the blank "Övriga intäkter" is kept
        #expect(budget.lines(.income)[2].amount == nil)
        #expect(budget.statedTotal(.cost)?.amount == 1_500_000)
        #expect(budget.lines(.cost)[0].lineEN == "Staff")
    }

    @Test func aStatedSumThatDisagreesIsALocatedError() {
        let csv = ReportFixture.budgetCSV.replacingOccurrences(of: "Total costs;1 500 000", with: "Total costs;1 400 000")
        #expect {
            try Budget.read(data: Data(csv.utf8), name: "budget.csv")
        } throws: { error in
            let e = error as? BudgetError
            return e?.line == 9 && e?.description.contains("the cost lines sum to 1,500,000 but the sum row says 1,400,000") == true
        }
    }

    @Test func badSectionAndAmountAreLocated() {
        #expect(throws: BudgetError.self) {
            try Budget.read(data: Data("section,line,amount\nintäkt,Bidrag,100\nutgift?,X,5\n".utf8), name: "b.csv")
        }
        do {
            _ = try Budget.read(data: Data("section,line,amount\nincome,Bidrag,12 st\n".utf8), name: "b.csv")
            Issue.record("expected an error")
        } catch let e as BudgetError {
            #expect(e.line == 2 && e.column == 3)
        } catch { Issue.record("\(error)") }
    }

    @Test func incomeBelowCostsIsFlaggedInTheReport() throws {
        let fixture = try ReportFixture()
        let built = try fixture.build()
        guard case .object(let budget)? = built.record.results["budget"] else { Issue.record("no budget result"); return }
        #expect(budget["income_total"] == .number(1_150_000))
        #expect(budget["cost_total"] == .number(1_500_000))
        #expect(budget["difference"] == .number(-350_000))
        #expect(budget["balanced"] == .bool(false))
        #expect(built.warnings.contains { $0.contains("differ by 350,000 kr") })
        let section = built.document.sections.first { $0.key == "budget" }!
        let warning = section.blocks.contains { if case .callout(let c) = $0 { c.kind == .warning && c.text.plainText.contains("350\u{00A0}000\u{00A0}kr") } else { false } }
        #expect(warning)
    }

    @Test func textSectionsByNumberOrTitleWithFrontMatter() throws {
        let fixture = try ReportFixture()
        let text = try #require(fixture.request().text)
        #expect(text.cover["project"] == "Ett testprojekt")
        #expect(text.cover["dnr"] == "HV 2019/554")
        #expect(Set(text.sections.keys) == ["1", "2", "6.2"])      // "# BAKGRUND" found section 2
        #expect(text.sections["1"] == [.paragraph(RichText([.plain("Syftet är "), .emphasis("tidigt stöd"), .plain(" och "), .strong("kontinuitet"), .plain(".")]))])
        let bakgrund = text.sections["2"]!
        // A loose list stays one list; the unknown "## En underrubrik" is a subheading.
        #expect(bakgrund.contains(.list(ListBlock(items: ["att kontinuiteten behöver förbättras", "att barn utreds mer än en gång"]))))
        #expect(bakgrund.contains(.heading(level: 1, text: "En underrubrik")))
    }

    @Test func missingSectionsArePlaceholdersAndListed() throws {
        let built = try ReportFixture().build()
        #expect(built.missingText.contains("3 Syfte"))
        // Appendices are the author's choice; Röjandekontroll is always one of them.
        #expect(!built.missingText.contains("9 Bilagor"))
        #expect(!built.missingText.contains("1 Sammanfattning"))
        let syfte = built.document.sections.first { $0.key == "3" }!
        #expect(syfte.blocks.count == 1)
        // Not a draft: one neutral line, no box telling the author what to write.
        if case .paragraph(let p) = syfte.blocks[0] { #expect(p.plainText == "Avsnittet är inte skrivet ännu.") } else { Issue.record("no line") }
        #expect(built.record.sections.first { $0.key == "3" }?.content == ["placeholder"])
        let fixture = try ReportFixture()
        var request = try fixture.request()
        request.draft = true
        let draft = try ReportEngine.build(model: fixture.model, provenance: fixture.provenance, request: request,
                                           strings: ReportStrings(.sv), database: fixture.database)
        if case .callout(let c) = draft.document.sections.first(where: { $0.key == "3" })!.blocks[0] {
            #expect(c.kind == .placeholder)
        } else { Issue.record("no draft box") }
    }

    @Test func textErrorsNameTheLine() {
        let matcher = ReportLayout.matcher(.final, strings: ReportStrings(.sv), model: try! ReportFixture().model)
        #expect(throws: SectionTextError(file: "t.md", line: 1, message: "\"Inledning\" is not a section of this report; start with one of: Ekonomisk redovisning, 1 Sammanfattning, 2 Bakgrund, 3 Syfte, 4 Avgränsning, 5 Metod och material, Underlag och beräkningar, 6 Resultatredovisning, Uppföljningsplan och logikmodell, Indikatorer, Pilotverksamheten jämförd med linjeverksamheten, Förändringsbenägenhet, Förbättringsarbete (Genombrott), 6.1 Strategiskt värde för staden som helhet, 6.2 Jämställdhet, 7 Slutsatser och förslag, Begränsningar, 8 Referens, källor, 9 Bilagor")) {
            try SectionText.parse("# Inledning\ntext", fileName: "t.md", matcher: matcher)
        }
        do {
            _ = try SectionText.parse("# 2\na\n\n# Bakgrund\nb", fileName: "t.md", matcher: matcher)
            Issue.record("expected an error")
        } catch let e as SectionTextError {
            #expect(e.line == 4 && e.message.contains("first on line 1"))
        } catch { Issue.record("\(error)") }
        do {
            _ = try SectionText.parse("---\nfoo: bar\n---\n", fileName: "t.md", matcher: matcher)
            Issue.record("expected an error")
        } catch let e as SectionTextError {
            #expect(e.line == 2)
        } catch { Issue.record("\(error)") }
    }
}
