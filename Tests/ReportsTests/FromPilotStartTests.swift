import Evaluation
import Foundation
import Periods
import Presentation
@testable import Reports
import Testing

/// Issue 20: the line's cases reach back before the pilot's start, so the direct
/// comparison also sets the pilot's years against the line's earlier ones. `cases
/// compare --from-start` compares only cases referred from the start; the reports keep
/// the comparison over every case and give this one beside it, with whether the answer
/// holds.
///
/// The fixture (`StrongestDesignTests.didCases`): the pilot's 5 cases after the start
/// (mean 1.2); the line's 20 cases before it (sum 43) and 15 after (sum 35).
@Suite struct FromPilotStartTests {
    /// scipy.stats.ttest_ind([1,1,2,1,1], [2,3,2,2,2, 2,2,2,2,1, 3,3,3,3,3],
    /// equal_var=False).confidence_interval(0.95).
    static let welchFromStart = (difference: -1.1333333333333335, low: -1.7064707863381763, high: -0.5601958803284909)

    static func close(_ x: Double?, _ y: Double) -> Bool { x.map { abs($0 - y) <= 1e-9 * max(1, abs(y)) } ?? false }

    @Test func theEngineComparesOnlyCasesFromTheStartWhenAsked() throws {
        let dataset = StrongestDesignTests.didCases()
        let all = try CohortComparison.run(dataset, outcome: "distinct_caseworkers")
        let window = try CohortComparison.run(dataset, outcome: "distinct_caseworkers", options: .init(fromPilotStart: true))
        guard case .continuous(let a) = all.unadjusted, case .continuous(let w) = window.unadjusted else {
            Issue.record("expected a comparison of means"); return
        }
        // Every case: the line's 35 cases, mean 78/35.
        #expect(a.comparison.summary.n == 35 && Self.close(a.comparison.summary.mean.value, 78.0 / 35))
        // From the start: the line's 15, mean 35/15; the pilot's 5 unchanged.
        #expect(w.comparison.summary.n == 15 && Self.close(w.comparison.summary.mean.value, 35.0 / 15))
        #expect(w.pilot.summary.n == 5)
        let r = Self.welchFromStart
        #expect(Self.close(w.difference.estimate.value, r.difference))
        #expect(Self.close(w.difference.ciLow.value, r.low) && Self.close(w.difference.ciHigh.value, r.high))
        #expect(all.comparedFrom == nil && window.comparedFrom == "2020-01-01")
        // The caveat says which: the line reaching back, or the cases left out.
        let allPeriod = try #require(all.caveats.first { $0.code == "period" })
        #expect(allPeriod.text.contains("20 line case(s) referred earlier"))
        let windowPeriod = try #require(window.caveats.first { $0.code == "period" })
        #expect(windowPeriod.text.contains("20 case(s) referred earlier"))
    }

    @Test func differenceInDifferencesStillReadsTheYearsBefore() throws {
        let dataset = StrongestDesignTests.didCases()
        let all = try CohortComparison.run(dataset, outcome: "distinct_caseworkers", options: .init(design: .did))
        let window = try CohortComparison.run(dataset, outcome: "distinct_caseworkers", options: .init(design: .did, fromPilotStart: true))
        // By hand (StrongestDesignTests): β = −0.8 − (0.2 − 0.2 + 0.4)/3.
        let beta = -0.8 - (0.2 - 0.2 + 0.4) / 3
        #expect(Self.close(all.did?.result?.estimate.value, beta))
        #expect(Self.close(window.did?.result?.estimate.value, beta))
    }

    @Test func aLineThatStartsWithThePilotLeavesNothingOut() throws {
        let dataset = StrongestDesignTests.didCases().referred(from: CalendarDate(year: 2020, month: 1, day: 1)!)
        #expect(dataset.lineReachesBack == nil)
        let r = try CohortComparison.run(dataset, outcome: "distinct_caseworkers", options: .init(fromPilotStart: true))
        #expect(!r.caveats.contains { $0.code == "period" })
        let (_, result, _) = try StrongestDesignTests.compute(dataset)
        #expect(result.lineFirstReferral == nil && result.outcomes.allSatisfy { $0.fromStart == nil })
    }

    @Test func theReportGivesTheComparisonFromTheStartBesideItsAnswer() throws {
        let (section, result, context) = try StrongestDesignTests.compute(StrongestDesignTests.didCases())
        #expect(result.lineFirstReferral != nil)
        let o = try #require(result.outcomes.first)
        let f = try #require(o.fromStart)
        let r = Self.welchFromStart
        #expect(f.pilotN == 5 && f.lineN == 15)
        #expect(Self.close(f.difference, r.difference) && Self.close(f.ciLow, r.low) && Self.close(f.ciHigh, r.high))
        // Over every case: 1.2 − 78/35 < 0 with its interval below zero too, so the
        // picture is the same.
        #expect((o.ciHigh ?? 0) < 0)
        let words = DomainSectionTests.text(section.blocks(result, for: .pilotVsLine, context: context))
        #expect(words.contains("Med bara ärenden från pilotens start (5 i piloten, 15 i linjen) är skillnaden −1,1 (−1,7\u{00A0}till\u{00A0}−0,6)."), "\(words)")
        #expect(words.contains("Intervallet ligger på samma sida om noll som med alla ärenden: bilden är densamma."))
        let limits = DomainSectionTests.text(section.blocks(result, for: .limitations, context: context))
        // One comparison: no "alla en".
        #expect(limits.contains("Med bara ärenden från pilotens start blir bilden densamma."), "\(limits)")
        let method = DomainSectionTests.text(section.blocks(result, for: .method, context: context))
        #expect(method.contains("bara ärenden som aktualiserades från pilotens start"), "\(method)")
        // The record round-trips, and says which figures rest on the window.
        let json = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        #expect(json.contains("\"from_start\":{"))
        let back = try JSONDecoder().decode(PilotVsLineReport.self, from: Data(json.utf8))
        #expect(back.outcomes.first?.fromStart?.lineN == 15)
    }

    /// Three line cases before the start: the comparison over every case less the one
    /// from the start would give their figures back, so the window is withheld whole.
    @Test func aSmallLeftOutGroupWithholdsTheWindow() throws {
        var dataset = StrongestDesignTests.didCases()
        let start = try #require(dataset.pilotStart)
        var before = 0
        dataset.cases = dataset.cases.filter { c in
            guard let d = c.referralDate, d < start else { return true }
            before += 1
            return before <= 3
        }
        let (section, result, context) = try StrongestDesignTests.compute(dataset)
        let f = try #require(result.outcomes.first?.fromStart)
        #expect(f.difference == nil && f.lineN == nil && f.pilotN == nil && f.disclosure.isSuppressed)
        #expect(f.differenceNote == PublishedComparisons.hiddenNote)
        let words = DomainSectionTests.text(section.blocks(result, for: .pilotVsLine, context: context))
        #expect(words.contains("Jämförelsen med bara ärenden från pilotens start redovisas inte"))
        #expect(!words.contains("15 i linjen"))
        PilotVsLineDisclosureTests.checkAgreement(result)
    }
}
