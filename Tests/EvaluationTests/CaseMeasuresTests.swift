import Periods
import Testing
@testable import Evaluation

/// Each derived measure against a hand calculation (docs/cases.md, "Derived measures").
@Suite("Case measures")
struct CaseMeasuresTests {
    func snapshot(_ id: String = "1", person: String? = nil, referral: String? = "2021-03-01",
                  decision: String? = nil, start: String? = nil, end: String? = nil,
                  reReferral: String? = nil, caseworkers: Double? = nil, censor: String) -> CaseSnapshot {
        CaseSnapshot(caseID: id, personKey: person, cohort: "linjen", referralDate: referral.map(date),
                     assessmentDecisionDate: decision.map(date), investigationStart: start.map(date),
                     investigationEnd: end.map(date), caseworkerCount: caseworkers,
                     reReferralDate: reReferral.map(date), censorDate: date(censor))
    }

    @Test func daysToAssessmentAndTheFourteenDayLimit() {
        // 1 → 15 March is 14 days: within the limit; 16 March is 15: not.
        var c = snapshot(decision: "2021-03-15", censor: "2021-12-31")
        #expect(CaseMeasures.daysToAssessment(c) == .duration(days: 14, observed: true))
        #expect(CaseMeasures.assessmentWithin14d(c) == .number(1))
        c = snapshot(decision: "2021-03-16", censor: "2021-12-31")
        #expect(CaseMeasures.assessmentWithin14d(c) == .number(0))
        // Open: censored at the extract date; unknown while the 14 days have not passed.
        c = snapshot(censor: "2021-03-10")
        #expect(CaseMeasures.daysToAssessment(c) == .duration(days: 9, observed: false))
        #expect(CaseMeasures.assessmentWithin14d(c) == nil)
        c = snapshot(censor: "2021-03-15")
        #expect(CaseMeasures.assessmentWithin14d(c) == nil)     // day 14 still open: could yet make it
        c = snapshot(censor: "2021-03-16")
        #expect(CaseMeasures.assessmentWithin14d(c) == .number(0))
        #expect(CaseMeasures.daysToAssessment(snapshot(referral: nil, censor: "2021-03-16")) == nil)
    }

    @Test func investigationLengthAndFourCalendarMonths() {
        // 2021-10-31 + 4 months = 2022-02-28 (day clamped): 120 days, within.
        var c = snapshot(start: "2021-10-31", end: "2022-02-28", censor: "2022-12-31")
        #expect(CaseMeasures.investigationDays(c) == .duration(days: 120, observed: true))
        #expect(CaseMeasures.investigationWithin4m(c) == .number(1))
        c = snapshot(start: "2021-10-31", end: "2022-03-01", censor: "2022-12-31")
        #expect(CaseMeasures.investigationWithin4m(c) == .number(0))
        // Open at the deadline: not yet known; open the day after: over the limit.
        c = snapshot(start: "2021-10-31", censor: "2022-02-28")
        #expect(CaseMeasures.investigationWithin4m(c) == nil)
        #expect(CaseMeasures.investigationDays(c) == .duration(days: 120, observed: false))
        c = snapshot(start: "2021-10-31", censor: "2022-03-01")
        #expect(CaseMeasures.investigationWithin4m(c) == .number(0))
        // 2021-05-15 + 4 months = 2021-09-15 (123 days).
        c = snapshot(start: "2021-05-15", end: "2021-09-15", censor: "2022-12-31")
        #expect(CaseMeasures.investigationDays(c) == .duration(days: 123, observed: true))
        #expect(CaseMeasures.investigationWithin4m(c) == .number(1))
        #expect(CaseMeasures.investigationDays(snapshot(censor: "2022-01-01")) == nil)
    }

    @Test func reReferralOnlyWithTwelveMonthsOfFollowUp() {
        // Ended 2021-01-31: follow-up complete on 2022-01-31.
        var c = snapshot(start: "2020-11-01", end: "2021-01-31", reReferral: "2021-06-01", censor: "2022-01-30")
        #expect(CaseMeasures.reReferral12m(c, laterReferral: nil) == nil)      // a day short: left out, event or not
        c.censorDate = date("2022-01-31")
        #expect(CaseMeasures.reReferral12m(c, laterReferral: nil) == .number(1))
        c.reReferralDate = date("2022-01-31")
        #expect(CaseMeasures.reReferral12m(c, laterReferral: nil) == .number(1))   // the last day counts
        c.reReferralDate = date("2022-02-01")
        #expect(CaseMeasures.reReferral12m(c, laterReferral: nil) == .number(0))
        c.reReferralDate = nil
        #expect(CaseMeasures.reReferral12m(c, laterReferral: nil) == .number(0))
        #expect(CaseMeasures.reReferral12m(c, laterReferral: date("2021-12-24")) == .number(1))
        // Without a closed investigation the measure does not apply.
        #expect(CaseMeasures.reReferral12m(snapshot(start: "2021-01-01", censor: "2023-01-01"), laterReferral: nil) == nil)
    }

    @Test func personLevelMeasuresAreGivenOncePerChild() {
        let cases = [
            snapshot("a", person: "P", referral: "2020-01-10", start: "2020-01-20", end: "2020-03-01", caseworkers: 2, censor: "2022-12-31"),
            snapshot("b", person: "P", referral: "2020-09-01", start: "2020-09-05", end: "2020-10-01", caseworkers: 1, censor: "2022-12-31"),
            snapshot("c", person: "P", referral: "2022-06-01", censor: "2022-12-31"),
            snapshot("d", person: "Q", referral: "2021-01-01", start: "2021-01-02", end: "2021-02-01", censor: "2022-12-31"),
            snapshot("e", person: nil, referral: "2021-01-01", start: "2021-01-02", censor: "2022-12-31"),
        ]
        let values = CaseMeasures.derive(cases)
        // P: two of three cases investigated, given on the first case (a) only.
        #expect(values[0]["investigations_per_child"] == .number(2))
        #expect(values[1]["investigations_per_child"] == nil && values[2]["investigations_per_child"] == nil)
        #expect(values[3]["investigations_per_child"] == .number(1))
        #expect(values[4]["investigations_per_child"] == nil)      // no person: unknown
        // a ended 2020-03-01; P's next referral 2020-09-01 is within 12 months → re-referred.
        #expect(values[0]["re_referral_12m"] == .number(1))
        // b ended 2020-10-01; P's next referral 2022-06-01 is later than 2021-10-01 → 0.
        #expect(values[1]["re_referral_12m"] == .number(0))
        #expect(values[3]["re_referral_12m"] == .number(0))
        #expect(values[0]["distinct_caseworkers"] == .number(2))
        #expect(values[3]["distinct_caseworkers"] == nil)
    }
}
