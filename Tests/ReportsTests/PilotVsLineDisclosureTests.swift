import Evaluation
import Foundation
import Periods
import Presentation
@testable import Reports
import Testing

/// Issue 18: pilot vs line carries disclosure control's decisions typed, as the
/// indicators do (`IndicatorDisclosureTests`): set where `PublishedComparisons` writes the
/// note, read by the blocks, which never look at a note.
@Suite struct PilotVsLineDisclosureTests {
    static func isSuppressed(_ note: String?) -> Bool { (note ?? "").hasPrefix("suppressed") }

    /// Every figure of the record: a typed decision exactly where the JSON nulls the
    /// figure with a note beginning "suppressed"; "<5" (`.small`) exactly on an n
    /// withheld for being small.
    static func checkAgreement(_ r: PilotVsLineReport, threshold: Int = 5,
                               sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        func check(_ decision: Disclosure, _ value: Double?, _ note: String?, _ what: String) {
            #expect(decision.isSuppressed == (value == nil && isSuppressed(note)), "\(what): \(decision) beside \(note ?? "no note")",
                    sourceLocation: sourceLocation)
        }
        for o in r.outcomes {
            for (who, g) in [("pilot", o.pilot), ("line", o.line)] + o.byGender.flatMap({ [("\($0.gender) pilot", $0.pilot), ("\($0.gender) line", $0.line)] }) {
                check(g.nDisclosure, g.n.map(Double.init), g.nNote, "\(o.outcome) \(who) n")
                #expect((g.nDisclosure == .small(threshold: threshold)) == (g.nNote == PublishedComparisons.smallNote),
                        "\(o.outcome) \(who) n: \(g.nDisclosure)", sourceLocation: sourceLocation)
                check(g.valueDisclosure, g.estimate, g.estimateNote, "\(o.outcome) \(who) value")
                #expect(g.valueDisclosure != .small(threshold: threshold), "a mean or share is never itself a small count",
                        sourceLocation: sourceLocation)
            }
            check(o.differenceDisclosure, o.difference, o.differenceNote, "\(o.outcome) difference")
            if let d = o.did { check(d.disclosure, d.estimate, d.estimateNote, "\(o.outcome) did") }
            for d in o.genderDifferences ?? [] {
                check(d.disclosure, d.difference, d.differenceNote, "\(o.outcome) girls − boys \(d.cohort)")
            }
        }
    }

    /// A 0/1 outcome with 2 events among the pilot area's 5 cases before the start: the
    /// difference in differences is withheld.
    static func smallDiD() -> CaseDataset {
        var dataset = StrongestDesignTests.didCases()
        for i in dataset.cases.indices {
            if case .number(let x) = dataset.cases[i].values["distinct_caseworkers"] {
                dataset.cases[i].values = ["re_referral_12m": .number(x >= 2 ? 1 : 0)]
            }
        }
        return dataset
    }

    /// The pilot's share names 3 events of 4 cases: its value, the difference and its
    /// test are withheld.
    static func smallTotal() -> CaseDataset {
        var cases: [CaseRecord] = []
        for i in 0..<4 {
            cases.append(CaseRecord(caseID: "p\(i)", cohort: "testteamet", isPilot: true, unit: "Testteamet", gender: .girl,
                                    values: ["assessment_within_14d": .number(i < 3 ? 1 : 0)]))
        }
        for i in 0..<30 {
            cases.append(CaseRecord(caseID: "l\(i)", cohort: "linjen", isPilot: false, unit: "Linje \(i % 3)",
                                    gender: i % 2 == 0 ? .girl : .boy, values: ["assessment_within_14d": .number(i % 3 == 0 ? 0 : 1)]))
        }
        return CaseDataset(modelID: "testteamet", pilotCohort: "testteamet", pilotStart: nil,
                           extractDate: CalendarDate(year: 2022, month: 12, day: 31)!, cases: cases)
    }

    @Test(arguments: ["gender hides n", "small did", "small total", "girls and boys shown"])
    func theTypedDecisionStandsWhereTheNoteSaysSuppressed(_ name: String) throws {
        let dataset = switch name {
        case "gender hides n": DomainSectionTests.cases()
        case "small did": Self.smallDiD()
        case "small total": Self.smallTotal()
        default: StrongestDesignTests.genderCases()
        }
        let (_, result, _) = try StrongestDesignTests.compute(dataset)
        #expect(!result.outcomes.isEmpty)
        Self.checkAgreement(result)
    }

    @Test func aWithheldShareMakesItsDifferenceAndTestWithheldInEveryTable() throws {
        let (section, result, context) = try StrongestDesignTests.compute(Self.smallTotal())
        let o = try #require(result.outcomes.first)
        #expect(o.pilot.valueDisclosure == .withheld && o.differenceDisclosure == .withheld)
        #expect(o.pilot.nDisclosure == .shown && o.pilot.n == 4)
        let words = DomainSectionTests.text(section.blocks(result, for: .pilotVsLine, context: context))
        // Share, difference and p: ".."; the n stays (a total's n is always published).
        #expect(words.contains("Förhandsbedömning inom 14 dagar | .. (n\u{00A0}=\u{00A0}4) | 66,7\u{00A0}% (n\u{00A0}=\u{00A0}30) | .. | .. |"))
    }

    @Test func aSmallCountReadsAgainstTheThresholdInForce() throws {
        // The pilot's girls are 6 cases: not small under the standard threshold of 5,
        // small under 8, where their cell reads "<8": the decision carries its threshold.
        // (Reports are made with the standard rule; a record read back by `report verify`
        // carries its own.)
        var dataset = DomainSectionTests.cases()
        let dropped = Set(dataset.cases.filter { $0.isPilot && $0.gender == .girl }.suffix(4).map(\.caseID))
        dataset.cases.removeAll { dropped.contains($0.caseID) }
        let cases = dataset
        let f = try ReportFixture()
        let section = CohortComparisonSection(load: { _, _ in cases })
        var request = try f.request(.final, withText: false)
        request.suppression = SuppressionRule(threshold: 8)
        let context = ReportContext(model: f.model, modelProvenance: f.provenance, request: request,
                                    strings: ReportStrings(.sv), database: f.database)
        let result = try section.compute(context)
        Self.checkAgreement(result, threshold: 8)
        let o = try #require(result.outcomes.first)
        #expect(o.byGender.first { $0.gender == "girl" }?.pilot.nDisclosure == .small(threshold: 8))
        let words = DomainSectionTests.text(section.blocks(result, for: .gender, context: context))
        #expect(words.contains("Flickor | <8 |"))
    }
}
