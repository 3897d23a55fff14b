import Testing
@testable import LogicModel

@Suite struct TargetRuleTests {
    @Test(arguments: [
        (">= 80", TargetRule.threshold(.atLeast, .init(value: 80, decimals: 0))),
        ("> 5", .threshold(.above, .init(value: 5, decimals: 0))),
        ("<= 6,1", .threshold(.atMost, .init(value: 6.1, decimals: 1))),
        ("<6.10", .threshold(.below, .init(value: 6.1, decimals: 2))),
        ("== 100", .threshold(.equal, .init(value: 100, decimals: 0))),
        ("between 70 and 90.5", .between(.init(value: 70, decimals: 0), .init(value: 90.5, decimals: 1))),
        ("improve", .improve),
        ("maintain_or_improve", .maintainOrImprove),
        ("qualitative", .qualitative),
    ])
    func parses(_ text: String, _ expected: TargetRule) throws {
        #expect(try TargetRule(parsing: text) == expected)
    }

    @Test(arguments: ["", "80", "at least 80", ">= ", ">= eighty", "between 90 and 70", "between 1 or 2", "improves"])
    func rejects(_ text: String) {
        #expect(throws: TargetRule.ParseError.self) { try TargetRule(parsing: text) }
    }

    /// Numbers are compared at the precision they are stated in (DESIGN §3.1).
    @Test func comparesAtStatedPrecision() throws {
        let rule = try TargetRule(parsing: "<= 6.1")
        // 61/1000 = 6.1 %; 6.14 % reads as 6.1; 6.15 % reads as 6.2 (half away from zero).
        #expect(rule.evaluate(value: 61.0 / 1000 * 100, previous: nil, direction: .decrease) == .met)
        #expect(rule.evaluate(value: 6.14, previous: nil, direction: .decrease) == .met)
        #expect(rule.evaluate(value: 6.15, previous: nil, direction: .decrease) == .notMet)
        // ">= 80": 79.6 reads as 80 at zero decimals.
        #expect(try TargetRule(parsing: ">= 80").evaluate(value: 79.6, previous: nil, direction: .increase) == .met)
        #expect(try TargetRule(parsing: ">= 80").evaluate(value: 79.4, previous: nil, direction: .increase) == .notMet)
    }

    @Test func relativeRules() throws {
        #expect(TargetRule.improve.evaluate(value: 20, previous: 22, direction: .decrease) == .met)
        #expect(TargetRule.improve.evaluate(value: 22, previous: 22, direction: .decrease) == .notMet)
        #expect(TargetRule.maintainOrImprove.evaluate(value: 22, previous: 22, direction: .increase) == .met)
        #expect(TargetRule.maintainOrImprove.evaluate(value: 21, previous: 22, direction: .increase) == .notMet)
        #expect(TargetRule.improve.evaluate(value: 20, previous: nil, direction: .decrease) == .noComparison)
        #expect(TargetRule.qualitative.evaluate(value: 20, previous: 3, direction: .decrease) == .notAssessed)
        #expect(TargetRule.improve.evaluate(value: nil, previous: 3, direction: .decrease) == .noData)
    }

    /// "max 6,1 % eller minskar": met when either part is met.
    @Test func choiceRule() {
        let rule = TargetRule.any([.threshold(.atMost, .init(value: 6.1, decimals: 1)), .improve])
        #expect(rule.evaluate(value: 7.0, previous: 8.0, direction: .decrease) == .met)   // decreased
        #expect(rule.evaluate(value: 6.0, previous: 5.0, direction: .decrease) == .met)   // under the cap
        #expect(rule.evaluate(value: 7.0, previous: 6.5, direction: .decrease) == .notMet)
        // Over the cap, but it may have decreased: undetermined, not "not met" (docs/indicators.md).
        #expect(rule.evaluate(value: 7.0, previous: nil, direction: .decrease) == .noComparison)
        #expect(rule.evaluate(value: 6.0, previous: nil, direction: .decrease) == .met)
    }
}
