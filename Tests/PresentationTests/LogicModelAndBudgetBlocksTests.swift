import Evaluation
import Foundation
import LogicModel
import Presentation
import Testing

/// The logic model and the budget as blocks (Presentation/Results/LogicModel+Blocks.swift,
/// Budget+Blocks.swift): what the final report, the web's logic model page and `model
/// show --format table` show, checked cell by cell against the model and the budget
/// written here.
@Suite struct LogicModelAndBudgetBlocksTests {
    /// One outcome measured two ways (each method must stand beside its own indicator),
    /// one proposal, a line reference to the source document, a city target, an
    /// assumption on the outcome.
    static let model: LogicModel = {
        let result = LogicModelDecoder.decode(Data("""
            schema: piloteval/logic-model/v1
            id: exempel
            name: Exempelteamet
            language: sv
            goals:
              - {id: G1, title: Barn har en trygg uppväxt}
            outcomes:
              - {id: O1, title: Kortare utredningstider (l. 104), term: short, contributes_to: [G1]}
            activities:
              - {id: A1, title: Gemensam planering, leads_to: [O1]}
            assumptions:
              - {id: AS1, text: Personalen stannar, on: [O1], critical: true}
            indicators:
              - id: I1
                title: Andel utredningar inom fyra månader
                measures: O1
                unit: percent
                direction: increase
                targets:
                  - {period: "2021", rule: ">= 75"}
                  - {period: "2022", rule: ">= 80", set_by: city}
                source: Verksamhetssystemet (l. 58, 167–173)
              - id: I2
                title: Antal omplaceringar
                measures: O1
                unit: count
                direction: decrease
                source: Akter
                illustrative: true
            """.utf8), file: "m.yaml")
        precondition(result.isValid, "\(result.diagnostics)")
        return result.model!
    }()

    static func table(_ blocks: [Block]) -> TableBlock? {
        blocks.lazy.compactMap { if case .table(let t) = $0 { return t } else { return nil } }.first
    }

    @Test func logframeRowsInSwedish() throws {
        let s = ReportStrings(.sv)
        let blocks = Self.model.logframeBlocks(strings: s)
        let table = try #require(Self.table(blocks))
        #expect(table.caption == s("logic_model.table.caption"))
        #expect(table.headerRows[0].map(\.text.plainText)
                == ["Nivå", "Beskrivning", "Indikatorer", "Mätmetod (verifieringskälla)", "Antaganden"])
        // Goal, outcome, activity: one row each, from the top of the chain down.
        #expect(table.rows.map { $0[0].text.plainText } == ["Mål", "Effekter (kort sikt)", "Aktiviteter"])
        let outcome = table.rows[1].map(\.text.plainText)
        #expect(outcome[1] == "O1 Kortare utredningstider")    // the line reference left out
        // Targets in words, no-break spaces keeping "≥ 75 %" on one line; the city's marked KF.
        #expect(outcome[2] == "I1 Andel utredningar inom fyra månader [2021: ≥\u{00A0}75\u{00A0}%; 2022 (KF): ≥\u{00A0}80\u{00A0}%]\n"
                + "I2 Antal omplaceringar (förslag, illustrativt)")
        // Two methods: each beside its indicator's id, never a bare list.
        #expect(outcome[3] == "I1 Verksamhetssystemet\nI2 Akter")
        #expect(outcome[4] == "AS1: Personalen stannar (kritiskt)")
        #expect(table.rows[1][2].text.spans.first == .strong("I1"))
        // The proposal explained once, in a caveat box.
        guard case .callout(let caveat) = blocks.last else { Issue.record("no caveat"); return }
        #expect(caveat.kind == .caveat)
        #expect(caveat.text.plainText.contains("förslag, illustrativt"))
    }

    @Test func reportPartAddsIntroCountsAndDiagram() throws {
        let s = ReportStrings(.en)
        let blocks = Self.model.blocks(strings: s, version: 3)
        guard case .paragraph(let counts) = blocks[1], case .figure(let figure) = blocks[2] else {
            Issue.record("intro, counts, figure expected first"); return
        }
        #expect(counts.plainText == "The model has 1 goals, 1 outcomes, 0 outputs, 1 activities and 2 indicators.")
        #expect(figure.caption == "Logic model for Exempelteamet (version 3)")
        #expect(figure.svg.hasPrefix("<svg"))
        // The English report's table speaks English, though the model is Swedish.
        #expect(Self.table(blocks)?.headerRows[0].first?.text.plainText == "Level")
    }

    /// In the terminal: each line of a cell under the one before, the wide columns
    /// wrapped so the table fits (as `model show --format table` prints it).
    @Test func logframeInTheTerminal() throws {
        let text = PlainTextWriter(width: 120, fitsTables: true).render(Self.model.logframeBlocks(strings: ReportStrings(.sv)))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= 120 }, "\(text)")
        // Both methods start in the method column, I2's on a line below I1's.
        let header = try #require(lines.first { $0.hasPrefix("Nivå") })
        let column = try #require(header.range(of: "Mätmetod")).lowerBound.utf16Offset(in: header)
        func starts(_ prefix: String) -> Int? {
            lines.firstIndex { $0.count > column && String($0.dropFirst(column)).hasPrefix(prefix) }
        }
        let i1 = try #require(starts("I1 "), "\(text)"), i2 = try #require(starts("I2 Akter"), "\(text)")
        #expect(i1 < i2)
        #expect(text.contains("! Att tänka på: Indikatorer och mål märkta"))
        try GoldenFile.check(text, "logframe-sv.txt")
    }

    /// A result table keeps its lines as wide as they are: fitting is the caller's choice.
    @Test func tablesAreNotWrappedUnlessAsked() {
        let long = String(repeating: "ord ", count: 40).trimmingCharacters(in: .whitespaces)
        let table = Block.table(TableBlock(header: [["a", "b"]], rows: [[TableBlock.Cell(long), "1"]]))
        #expect(PlainTextWriter().render([table]).split(separator: "\n").map(\.count).max() == long.count + 3)
        #expect(PlainTextWriter(width: 60, fitsTables: true).render([table]).split(separator: "\n").allSatisfy { $0.count <= 60 })
    }

    // MARK: - Budget

    /// Income 650 000 + 500 000 + (blank) = 1 150 000; costs 1 457 956,50 + 42 043,50 =
    /// 1 500 000; income − costs = −350 000.
    static let budget = Budget(fileName: "budget.csv", lines: [
        .init(section: .income, line: "Bidrag från staden", lineEN: "City grant", amount: 650_000),
        .init(section: .income, line: "Statsbidrag", amount: 500_000),
        .init(section: .income, line: "Övriga intäkter", amount: nil),
        .init(section: .cost, line: "Personal", lineEN: "Staff", amount: 1_457_956.50),
        .init(section: .cost, line: "Lokaler", lineEN: "Premises", amount: 42_043.50),
    ])

    @Test func budgetSums() {
        let summary = Self.budget.summary(language: .sv)
        #expect(summary.incomeTotal == Double(650_000 + 500_000))
        #expect(summary.costTotal == Double(1_457_956.50 + 42_043.50))
        #expect(summary.difference == Double(1_150_000 - 1_500_000))
        #expect(summary.balanced == false)
        #expect(summary.income.map(\.amountNote) == [nil, nil, "blank in the budget file"])
        // English lines where the file gives them, the Swedish line otherwise.
        #expect(Self.budget.summary(language: .en).income.map(\.line) == ["City grant", "Statsbidrag", "Övriga intäkter"])
    }

    @Test func budgetBlocksInSwedish() throws {
        let s = ReportStrings(.sv), nb = "\u{00A0}"
        let blocks = Self.budget.summary(language: .sv).blocks(strings: s, style: NumberStyle(.sv), sourceFile: "budget.csv")
        let tables = blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
        #expect(tables.count == 2)
        #expect(tables[0].rows.map { $0.map(\.text.plainText) } == [
            ["Bidrag från staden", "650\(nb)000"], ["Statsbidrag", "500\(nb)000"], ["Övriga intäkter", ""],
            ["Summa", "1\(nb)150\(nb)000"],
        ])
        // Öre where a line has them, whole kronor otherwise; the sum is a total row.
        #expect(tables[1].rows.map { $0[1].text.plainText } == ["1\(nb)457\(nb)956,50", "42\(nb)043,50", "1\(nb)500\(nb)000"])
        #expect(tables[1].totalRows == [2])
        #expect(tables[1].rows[0][1].figure?.figure.value == 1_457_956.50)
        guard case .callout(let gap) = blocks[3] else { Issue.record("no warning"); return }
        #expect(gap.kind == .warning)
        #expect(gap.text.plainText == "Intäkterna (1\(nb)150\(nb)000\(nb)kr) och kostnaderna (1\(nb)500\(nb)000\(nb)kr) skiljer sig med 350\(nb)000\(nb)kr.")
        // The source in words; its file name is the record's (a file hint is not for a reader).
        #expect(blocks.last == .paragraph(RichText([.emphasis("Källa: projektets ekonomiska redovisning, som den lämnats in för rapporten.")])))
    }

    @Test func budgetInTheTerminal() throws {
        let text = PlainTextWriter().render(Self.budget.summary(language: .en).blocks(strings: ReportStrings(.en), style: .terminal))
        #expect(text.contains("""
            Costs     Amount (SEK)
            --------  ------------
            Staff     1,457,956.50
            Premises     42,043.50
            Total        1,500,000
            """))
        #expect(text.replacingOccurrences(of: "\n  ", with: " ").contains(
            "! Income and costs do not balance: Income (SEK\u{00A0}1,150,000) and costs (SEK\u{00A0}1,500,000) differ by SEK\u{00A0}350,000."))
        try GoldenFile.check(text, "budget.txt")
    }

    @Test func missingBudget() {
        let s = ReportStrings(.sv)
        #expect(BudgetSummary.missing.blocks(strings: s, style: NumberStyle(.sv)) == [.paragraph(RichText(s("budget.missing")))])
        guard case .callout(let box) = BudgetSummary.missing.blocks(strings: s, style: NumberStyle(.sv), draft: true).first else {
            Issue.record("a draft shows a placeholder box"); return
        }
        #expect(box.kind == .placeholder)
    }
}
