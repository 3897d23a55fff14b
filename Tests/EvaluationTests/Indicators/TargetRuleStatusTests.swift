import Testing
@testable import Evaluation
import LogicModel

/// Every target-rule form of DESIGN §3.1 against met / not met / the boundary at the
/// precision the threshold is written in / a missing previous period. Expected values
/// are worked out by hand in the comments.
@Suite struct TargetRuleStatusTests {
    func status(_ rule: String, _ value: Double?, previous: Double? = nil,
                direction: Direction = .increase) throws -> TargetStatus {
        try TargetRule(parsing: rule).evaluate(value: value, previous: previous, direction: direction)
    }

    @Test func atLeast() throws {
        #expect(try status(">= 75", 80) == .met)
        #expect(try status(">= 75", 68.97) == .notMet)      // 002 I4: 68.97 reads as 69
        #expect(try status(">= 75", 75) == .met)            // boundary
        #expect(try status(">= 75", 74.5) == .met)          // 74.5 reads as 75 at 0 decimals
        #expect(try status(">= 75", 74.49) == .notMet)      // reads as 74
        #expect(try status(">= 75", nil) == .noData)
    }

    @Test func above() throws {
        #expect(try status("> 83", 90) == .met)
        #expect(try status("> 83", 83) == .notMet)          // boundary: not above
        #expect(try status("> 83", 83.4) == .notMet)        // reads as 83
        #expect(try status("> 83", 83.5) == .met)           // reads as 84
        #expect(try status("> 83", nil) == .noData)
    }

    @Test func atMost() throws {
        #expect(try status("<= 6.1", 61.0 / 1000 * 100) == .met)   // 61/1000 = 6.1 %
        #expect(try status("<= 6.1", 6.14) == .met)         // reads as 6.1
        #expect(try status("<= 6.1", 6.15) == .notMet)      // reads as 6.2 (half away from zero)
        #expect(try status("<= 6.1", 4.9) == .met)
        #expect(try status("<= 24", 22.4) == .met)          // 002 I2
        #expect(try status("<= 6.1", nil) == .noData)
    }

    @Test func below() throws {
        #expect(try status("< 10", 9) == .met)
        #expect(try status("< 10", 10) == .notMet)          // boundary
        #expect(try status("< 10", 9.5) == .notMet)         // reads as 10
        #expect(try status("< 10", 9.49) == .met)           // reads as 9
    }

    @Test func equal() throws {
        #expect(try status("== 100", 100) == .met)
        #expect(try status("== 100", 98.18) == .notMet)     // 002 I1
        #expect(try status("== 100", 99.5) == .met)         // reads as 100
        #expect(try status("== 0", 0) == .met)              // 001 I2
        #expect(try status("== 0", 1) == .notMet)
    }

    @Test func between() throws {
        #expect(try status("between 20 and 30", 25) == .met)
        #expect(try status("between 20 and 30", 20) == .met)     // boundaries included
        #expect(try status("between 20 and 30", 30) == .met)
        #expect(try status("between 20 and 30", 19.5) == .met)   // reads as 20
        #expect(try status("between 20 and 30", 19.49) == .notMet)
        #expect(try status("between 20 and 30", 30.5) == .notMet) // reads as 31
        #expect(try status("between 20 and 30", nil) == .noData)
    }

    @Test func improve() throws {
        // 000 I10, share of men in parental support: 34 → 45 → 40 (direction increase).
        #expect(try status("improve", 45, previous: 34) == .met)
        #expect(try status("improve", 40, previous: 45) == .notMet)
        #expect(try status("improve", 45, previous: 45) == .notMet)   // boundary: equal is not better
        #expect(try status("improve", 45, previous: nil) == .noComparison)
        #expect(try status("improve", 6.1, previous: 7.45, direction: .decrease) == .met)
        #expect(try status("improve", 10, previous: 8, direction: .none) == .notAssessed)
        #expect(try status("improve", nil, previous: 8) == .noData)
    }

    @Test func maintainOrImprove() throws {
        // 000 I1, grade-8 awareness: 47 → 53 → 39.7.
        #expect(try status("maintain_or_improve", 53, previous: 47) == .met)
        #expect(try status("maintain_or_improve", 39.7, previous: 53) == .notMet)
        #expect(try status("maintain_or_improve", 53, previous: 53) == .met)   // boundary: maintained
        #expect(try status("maintain_or_improve", 53, previous: nil) == .noComparison)
    }

    @Test func qualitative() throws {
        #expect(try status("qualitative", 50) == .notAssessed)
        #expect(try status("qualitative", nil) == .notAssessed)
    }

    /// "max 6,1 % eller minskar" (000, sick leave 2020 7.45 % → 2021 6.1 %).
    @Test func anyOfTwo() {
        let rule = TargetRule.any([.threshold(.atMost, .init(value: 6.1, decimals: 1)), .improve])
        #expect(rule.evaluate(value: 6.1, previous: 7.45, direction: .decrease) == .met)   // both parts
        #expect(rule.evaluate(value: 6.5, previous: 7.45, direction: .decrease) == .met)   // decreased only
        #expect(rule.evaluate(value: 6.0, previous: 5.0, direction: .decrease) == .met)    // under the cap only
        #expect(rule.evaluate(value: 6.5, previous: 6.1, direction: .decrease) == .notMet) // neither
        #expect(rule.evaluate(value: 6.5, previous: nil, direction: .decrease) == .noComparison) // may have decreased
        #expect(rule.evaluate(value: 6.1, previous: nil, direction: .decrease) == .met)    // the cap decides
        #expect(rule.evaluate(value: nil, previous: 6.1, direction: .decrease) == .noData)
    }
}
