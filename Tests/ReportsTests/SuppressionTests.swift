import Evaluation
@testable import Reports
import Presentation
import Statistics
import Testing

/// Small counts and complementary suppression (DESIGN §6). Expected masks worked out
/// by hand below each table.
@Suite struct SuppressionTests {
    typealias T = ComplementarySuppression.Table

    @Test func primaryRuleHidesOneToFourOnly() {
        let rule = SuppressionRule.standard
        #expect(!rule.isSmall(0))
        #expect((1...4).allSatisfy(rule.isSmall))
        #expect(!rule.isSmall(5))
    }

    @Test func aSmallCellInARowWithATotalTakesAPartner() {
        // girls 3, boys 12, total 15: hiding only the 3 leaves it as 15 − 12.
        let table = T(cells: [[3, 12]], rowTotals: [15])
        let mask = ComplementarySuppression.apply(table)
        #expect(mask.cells == [[.small, .hidden]])
        #expect(mask.rowTotals == [.shown])
        #expect(!ComplementarySuppression.isRecoverable(table, mask))
    }

    @Test func partnerIsTheSmallestNonZeroBodyCell() {
        // 2 | 0 | 9 | 40, total 51: the zero protects nothing, 9 is the cheapest partner.
        let table = T(cells: [[2, 0, 9, 40]], rowTotals: [51])
        let mask = ComplementarySuppression.apply(table)
        #expect(mask.cells == [[.small, .shown, .hidden, .shown]])
    }

    @Test func twoWayTableClosesRowsAndColumns() {
        //            girls boys | total
        // unit A        3    10 |   13
        // unit B        8    12 |   20
        // total        11    22 |   33
        // The 3 is small. Row A needs a partner (10: the only one), column girls needs a
        // partner (8), and then row B and column boys each hold one hidden cell, so the 12
        // goes too: the classic 2×2 pattern. Margins stay visible.
        let table = T(cells: [[3, 10], [8, 12]], rowTotals: [13, 20], columnTotals: [11, 22], grandTotal: 33)
        let mask = ComplementarySuppression.apply(table)
        #expect(mask.cells == [[.small, .hidden], [.hidden, .hidden]])
        #expect(mask.rowTotals == [.shown, .shown])
        #expect(mask.columnTotals == [.shown, .shown])
        #expect(mask.grandTotal == .shown)
        #expect(!ComplementarySuppression.isRecoverable(table, mask))
    }

    @Test func aSmallTotalIsHiddenAndItsCellsFollow() {
        // A row total of 4: every cell under it is 0–4. Row: 1, 3 | 4 inside a table
        // with column totals.
        let table = T(cells: [[1, 3], [20, 30]], rowTotals: [4, 50], columnTotals: [21, 33], grandTotal: 54)
        let mask = ComplementarySuppression.apply(table)
        #expect(mask.rowTotals?[0] == .small)
        #expect(mask.cells[0] == [.small, .small])
        #expect(!ComplementarySuppression.isRecoverable(table, mask))
    }

    @Test func noTableEverLeavesAHiddenCellRecoverable() {
        // A property check over many tables: fixed linear congruential sequence, so the
        // same 500 tables every run.
        var state: UInt64 = 42
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<500 {
            let rows = 1 + next(4), columns = 2 + next(4)
            // Counts skewed small so suppression happens often.
            let cells = (0..<rows).map { _ in (0..<columns).map { _ in next(3) == 0 ? next(5) : next(40) } }
            let rowTotals = cells.map { $0.reduce(0, +) }
            let columnTotals = (0..<columns).map { c in cells.reduce(0) { $0 + $1[c] } }
            let table = T(cells: cells, rowTotals: rowTotals, columnTotals: rows > 1 ? columnTotals : nil,
                          grandTotal: rows > 1 ? rowTotals.reduce(0, +) : nil)
            let mask = ComplementarySuppression.apply(table)
            #expect(!ComplementarySuppression.isRecoverable(table, mask), "recoverable: \(cells)")
            // Every primary-small count stays hidden.
            for (r, row) in cells.enumerated() {
                for (c, v) in row.enumerated() where SuppressionRule.standard.isSmall(v) {
                    #expect(mask.cells[r][c] == .small)
                }
            }
        }
    }

    @Test func percentagesOnHiddenCountsAreWithheld() {
        let f = SuppressedFigures(rule: .standard, numbers: NumberStyle(.sv), strings: ReportStrings(.sv))
        #expect(f.count(3) == "<5")
        #expect(f.count(12) == "12")
        #expect(f.count(40, .hidden) == "..")
        #expect(f.percent(3, of: 15, numeratorVisibility: .small, denominatorVisibility: .shown) == "..")
        #expect(f.percent(12, of: 15, numeratorVisibility: .hidden, denominatorVisibility: .shown) == "..")
        #expect(f.percent(12, of: 48, numeratorVisibility: .shown, denominatorVisibility: .shown) == "25,0\u{00A0}%")
    }

    // MARK: - Indicator shares (docs/privacy.md, "Indicator shares")

    static func share(_ k: Int, of n: Int) -> GroupFigure {
        GroupFigure(value: Figure(100 * Double(k) / Double(n)), numerator: Double(k), denominator: Double(n),
                    ciLow: Figure(1), ciHigh: Figure(2))
    }

    /// A small team's 22 of 25 misses 3: the share stays (88 %), its counts and interval go.
    @Test func aShareWhoseOnlySmallCountIsItsMissesKeepsItsValue() {
        let (total, _) = IndicatorFigureSuppression.apply(total: Self.share(22, of: 25), groups: [:], unit: .percent, rule: .standard)
        #expect(total.value.value == 88)
        #expect(total.numerator == nil && total.denominator == nil)
        #expect(total.ciLow.note == IndicatorFigureSuppression.countsHiddenNote && total.ciHigh.value == nil)
        // Girls 12 of 13 (misses 1) and boys 10 of 12 (misses 2): every value stays, written
        // as the document writes it (12/13 = 92,307… % → 92,3), no count anywhere.
        let (t, groups) = IndicatorFigureSuppression.apply(total: Self.share(22, of: 25),
                                                           groups: ["girls": Self.share(12, of: 13), "boys": Self.share(10, of: 12)],
                                                           unit: .percent, rule: .standard)
        #expect(t.value.value == 88 && groups["girls"]?.value.value == 92.3 && groups["boys"]?.value.value == 83.3)
        #expect([t, groups["girls"]!, groups["boys"]!].allSatisfy { $0.numerator == nil && $0.denominator == nil && $0.ciLow.value == nil })
        // The internal audience sees everything.
        let (inside, _) = IndicatorFigureSuppression.apply(total: Self.share(22, of: 25), groups: [:], unit: .percent,
                                                          rule: SuppressionRule(audience: .internal))
        #expect(inside.numerator == 22 && inside.ciLow.value == 1)
    }

    /// A share built on a small numerator (3 of 25) is withheld as before.
    @Test func aShareOnASmallNumeratorIsWithheld() {
        let (total, _) = IndicatorFigureSuppression.apply(total: Self.share(3, of: 25), groups: [:], unit: .percent, rule: .standard)
        #expect(total.value.value == nil && total.value.note == IndicatorFigureSuppression.smallNote)
    }

    /// Girls 20 of 30, boys 18 of 27, other 2 of 3, all 40 of 60 (worked by hand): the
    /// other row is small (n 3). Showing every other n gives it back (60 − 30 − 27);
    /// hiding both girls' and boys' n while showing their 66,7 % does not help (both fit
    /// only multiples of 3, so their sum is 57 and the other row 3 again). The cheapest
    /// safe way hides the smaller partner, the boys, value and n, and shows the girls
    /// whole; the other row's n then fits 1–4.
    @Test func anIndicatorBreakdownHidesTheSmallestAdequatePartner() {
        let (total, groups) = IndicatorFigureSuppression.apply(
            total: Self.share(40, of: 60),
            groups: ["girls": Self.share(20, of: 30), "boys": Self.share(18, of: 27), "other": Self.share(2, of: 3)],
            unit: .percent, rule: .standard)
        #expect(total.value.value == 100 * 40 / 60.0 && total.denominator == 60)
        #expect(groups["girls"]?.value.value == 100 * 20 / 30.0 && groups["girls"]?.denominator == 30)
        #expect(groups["boys"]?.value.value == nil && groups["boys"]?.denominator == nil)
        #expect(groups["other"]?.value.note == IndicatorFigureSuppression.smallNote && groups["other"]?.denominator == nil)
    }
}
