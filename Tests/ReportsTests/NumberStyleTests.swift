import LogicModel
import Periods
@testable import Reports
@testable import Presentation
import Testing

/// Swedish and English number, percent and date writing (docs/reports.md, "Numbers").
@Suite struct NumberStyleTests {
    let sv = NumberStyle(.sv), en = NumberStyle(.en)
    let nbsp = "\u{00A0}"

    @Test func swedishGroupsThousandsWithNoBreakSpace() {
        #expect(sv.integer(1234) == "1\(nbsp)234")
        #expect(sv.integer(1_150_000) == "1\(nbsp)150\(nbsp)000")
        #expect(sv.integer(999) == "999")
        #expect(sv.integer(0) == "0")
        #expect(sv.integer(-4104) == "\u{2212}4\(nbsp)104")
        #expect(en.integer(1_150_000) == "1,150,000")
        // Documents write the minus sign in English too; the terminal the hyphen-minus,
        // which a shell or a spreadsheet reads back as a number.
        #expect(en.integer(-4104) == "\u{2212}4,104")
        #expect(NumberStyle.terminal.integer(-4104) == "-4,104")
    }

    @Test func decimalCommaAndHalfAwayFromZero() {
        #expect(sv.decimal(5.25, decimals: 1) == "5,3")
        #expect(sv.decimal(5.3, decimals: 1) == "5,3")
        #expect(en.decimal(5.25, decimals: 1) == "5.3")
        // 6.15 is stored as 6.1499999…; people read it as 6,2.
        #expect(sv.decimal(6.15, decimals: 1) == "6,2")
        #expect(sv.decimal(-0.45, decimals: 1) == "\u{2212}0,5")
        #expect(sv.decimal(1234.5, decimals: 2) == "1\(nbsp)234,50")
        #expect(sv.decimal(0.04, decimals: 1) == "0,0")
        #expect(sv.decimal(.nan, decimals: 1) == "–")
    }

    @Test func percentAndPercentagePoints() {
        #expect(sv.percent(12.5) == "12,5\(nbsp)%")
        #expect(en.percent(12.5) == "12.5%")
        #expect(sv.percentagePoints(2.34) == "+2,3\(nbsp)procentenheter")
        #expect(sv.percentagePoints(-0.44) == "\u{2212}0,4\(nbsp)procentenheter")
        #expect(sv.percentagePoints(0.04) == "0,0\(nbsp)procentenheter")
        #expect(en.percentagePoints(2.34) == "+2.3\(nbsp)percentage points")
    }

    @Test func kronorDatesAndPeriods() {
        #expect(sv.kronor(350_000) == "350\(nbsp)000\(nbsp)kr")
        #expect(en.kronor(350_000) == "SEK\(nbsp)350,000")
        let date = CalendarDate(year: 2022, month: 2, day: 28)!
        #expect(sv.date(date) == "28 februari 2022")
        #expect(en.date(date) == "28 February 2022")
        #expect(sv.period(Period(parsing: "2021-T1")!) == "tertial 1 2021")
        #expect(sv.period(Period(parsing: "2021-03")!) == "mars 2021")
        #expect(en.period(Period(parsing: "2021-Q2")!) == "Q2 2021")
        #expect(sv.period(Period(parsing: "2021")!) == "2021")
    }

    @Test func targetRulesInWords() {
        let rule = try! TargetRule(parsing: "<= 6.1")
        #expect(TargetRuleText.text(rule, unit: .percent, language: .sv) == "≤\(nbsp)6,1\(nbsp)%")
        #expect(TargetRuleText.text(.improve, unit: .count, language: .sv) == "förbättras")
        #expect(TargetRuleText.text(.any([rule, .improve]), unit: .percent, language: .en) == "≤\(nbsp)6.1% or improves")
    }

    @Test func bothStringTablesHaveEveryKey() {
        let sv = Set(ReportStrings.svTable.map(\.0)), en = Set(ReportStrings.enTable.map(\.0))
        #expect(sv == en)
        #expect(sv.count == ReportStrings.svTable.count, "duplicate key in the Swedish table")
        #expect(en.count == ReportStrings.enTable.count, "duplicate key in the English table")
    }
}
