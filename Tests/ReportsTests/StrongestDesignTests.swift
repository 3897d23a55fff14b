import Evaluation
import Foundation
import Periods
import Presentation
@testable import Reports
import Testing

/// Issue 20: the difference in differences in reports, the words following the
/// strongest available design, and girls against boys with intervals.
@Suite struct StrongestDesignTests {
    static let before = CalendarDate(year: 2019, month: 6, day: 1)!
    static let after = CalendarDate(year: 2020, month: 6, day: 1)!

    /// Four areas, five cases in every area × period cell (a balanced panel, so the
    /// two-way fixed-effects β is the plain difference of differences of the cell means).
    /// Area A is the pilot's: its line cases before the start, the pilot's after.
    static func didCases(units: Bool = true, start: Bool = true) -> CaseDataset {
        var cases: [CaseRecord] = []
        func add(_ values: [Double], area: String, unit: String, pilot: Bool, date: CalendarDate) {
            for v in values {
                cases.append(CaseRecord(caseID: "c\(cases.count)", cohort: pilot ? "testteamet" : "linjen", isPilot: pilot,
                                        unit: units || pilot ? unit : nil, area: area, referralDate: date,
                                        values: ["distinct_caseworkers": .number(v)]))
            }
        }
        add([1, 2, 2, 3, 2], area: "A", unit: "A-linjen", pilot: false, date: before)   // mean 2.0
        add([1, 1, 2, 1, 1], area: "A", unit: "Testteamet", pilot: true, date: after)  // 1.2: Δ −0.8
        add([2, 2, 2, 2, 2], area: "B", unit: "B", pilot: false, date: before)          // 2.0
        add([2, 3, 2, 2, 2], area: "B", unit: "B", pilot: false, date: after)           // 2.2: Δ +0.2
        add([1, 2, 3, 2, 2], area: "C", unit: "C", pilot: false, date: before)          // 2.0
        add([2, 2, 2, 2, 1], area: "C", unit: "C", pilot: false, date: after)           // 1.8: Δ −0.2
        add([3, 3, 2, 2, 3], area: "D", unit: "D", pilot: false, date: before)          // 2.6
        add([3, 3, 3, 3, 3], area: "D", unit: "D", pilot: false, date: after)           // 3.0: Δ +0.4
        return CaseDataset(modelID: "testteamet", pilotCohort: "testteamet",
                           pilotStart: start ? CalendarDate(year: 2020, month: 1, day: 1)! : nil,
                           extractDate: CalendarDate(year: 2022, month: 12, day: 31)!, cases: cases)
    }

    static func compute(_ dataset: CaseDataset, kind: ReportKind = .final) throws
        -> (CohortComparisonSection, CohortComparisonSection.Result, ReportContext) {
        let f = try ReportFixture()
        let section = CohortComparisonSection(load: { _, _ in dataset })
        let context = try DomainSectionTests.context(f, kind)
        return (section, try section.compute(context), context)
    }

    @Test func theDifferenceInDifferencesIsComputedWhereTheDataAllowIt() throws {
        let (section, result, context) = try Self.compute(Self.didCases())
        let o = try #require(result.outcomes.first)
        // By hand: β = ΔA − mean(ΔB, ΔC, ΔD) = −0.8 − (0.2 − 0.2 + 0.4)/3.
        let beta = -0.8 - (0.2 - 0.2 + 0.4) / 3
        let estimate = try #require(o.did?.estimate)
        #expect(abs(estimate - beta) <= 1e-9 * abs(beta))
        // Placebos among B, C, D: 0.2 − (−0.2 + 0.4)/2 = 0.1, −0.2 − 0.3 = −0.5, 0.4 − 0 = 0.4;
        // |β| = 0.933 ranks first of the 4 → p = 1/4.
        #expect(o.did?.p == 0.25 && o.did?.areas == 4)
        // The permutation over units (after the start): the pilot 1.2 − 35/15, D 3.0 − 26/15
        // ranks above it → p = 2/4; the words rest on it and are unclear (4 units cannot
        // reach p < 0.05), while the cases alone point to better (fewer caseworkers).
        #expect(o.permutationP == 0.5 && o.units == 4 && o.permutationSign == -1)
        #expect(o.decidedBy == "permutation" && o.direction == "unclear")
        #expect(PilotVsLineReport.leaning(o) == .better)

        let words = DomainSectionTests.text(section.blocks(result, for: .pilotVsLine, context: context))
        #expect(words.contains("Antal handläggare per ärende | −0,93 | 0,250 (4\u{00A0}områden) | Oklart; ärendena för sig: bättre | Rang bland teamen"))
        #expect(words.contains("minus övriga områdens, är −0,93 (skillnad i skillnader)."))
        #expect(words.contains("Bedömningen (oklart) bygger på: rang bland teamen. Piloten hamnar på plats 2 av 4 team, räknat efter hur mycket varje team skiljer sig från de övriga (plats 1 = störst skillnad), så p = 2/4 = 0,500. Med 4 team kan rangordningen bland dem inte visa en säker skillnad: minsta möjliga p är 1/4 = 0,250. Ärendena för sig pekar mot bättre."))
        let method = DomainSectionTests.text(section.blocks(result, for: .method, context: context))
        #expect(method.contains("Här bygger bedömningen på rangordningen bland teamen för antal handläggare per ärende."))
        #expect(method.contains("slumpning över områden"))
    }

    @Test func withoutUnitsTheDifferenceInDifferencesDecides() throws {
        let (section, result, context) = try Self.compute(Self.didCases(units: false), kind: .steering)
        let o = try #require(result.outcomes.first)
        #expect(o.permutationP == nil && o.did?.p == 0.25)
        #expect(o.decidedBy == "did" && o.direction == "unclear")
        let verdict = BriefVerdictTests.words(DomainSectionTests.text(section.blocks(result, for: .steeringVerdict, context: context)))
        #expect(verdict.contains("oklart på antal handläggare per ärende."))
        #expect(verdict.contains("jämförelsen av förändringen före och efter start mellan 4 områden kan inte visa en säker skillnad"))
        #expect(verdict.contains("Ärendena för sig pekar mot bättre på antal handläggare per ärende."))
        for name in BriefVerdictTests.methodNames + ["skillnad i skillnader", "DiD", "Conley"] {
            #expect(!verdict.contains(name))
        }
        let table = DomainSectionTests.text(section.blocks(result, for: .steeringPilotVsLine, context: context))
        // The cell gives the ranking the words rest on: |β| ranks first of the 4 areas (p = 1/4).
        #expect(table.contains("| Oklart (plats 1 av 4 områden); ärendena: bättre"))
        #expect(table.contains("Plats: pilotområdets plats bland områdena efter förändringen vid start"))
    }

    @Test func withNeitherTheCasesDecide() throws {
        let (_, result, _) = try Self.compute(Self.didCases(units: false, start: false))
        let o = try #require(result.outcomes.first)
        #expect(o.did?.estimate == nil && o.permutationP == nil)
        #expect(o.decidedBy == "unadjusted" && o.direction == "better")
    }

    @Test func theStrongestAvailableDesignDecidesTheWords() {
        func outcome(_ key: String, d: Double, lo: Double, hi: Double, perm: Double? = nil, sign: Int? = nil, units: Int? = nil,
                     did: Double? = nil, didP: Double? = nil) -> CohortComparisonSection.Outcome {
            let g = CohortComparisonSection.Group(label: "x", n: 10, nNote: nil, estimate: 0.5, estimateNote: nil, ciLow: nil,
                                                  ciHigh: nil, median: nil, medianNote: nil)
            var o = CohortComparisonSection.Outcome(outcome: key, kind: "binary", limitDays: nil, pilot: g, line: g, difference: d,
                                                    differenceNote: nil, ciLow: lo, ciHigh: hi, test: "chi_square", p: nil, pNote: nil,
                                                    permutationP: perm, permutationNote: nil, units: units, mddStandardized: nil,
                                                    mddRaw: nil, mddAbove: nil, mddBelow: nil, mddNote: nil, censored: nil,
                                                    censoredNote: nil, byGender: [], caveats: [])
            o.permutationSign = sign
            if let did { o.did = .init(estimate: did, estimateNote: nil, p: didP, pNote: nil, areas: 25) }
            return o
        }
        typealias S = PilotVsLineReport
        // Cases alone: the interval.
        #expect(S.verdict(outcome("investigation_within_4m", d: 0.08, lo: 0.02, hi: 0.14)) == .better)
        // The difference in differences overrules the cases, both ways.
        #expect(S.verdict(outcome("investigation_within_4m", d: 0.08, lo: 0.02, hi: 0.14, did: 0.05, didP: 0.2)) == .unclear)
        #expect(S.verdict(outcome("investigation_within_4m", d: 0.01, lo: -0.02, hi: 0.04, did: -0.05, didP: 0.04)) == .worse)
        // A DiD without a p (one other area) does not decide.
        #expect(S.basis(outcome("investigation_within_4m", d: 0.08, lo: 0.02, hi: 0.14, did: 0.05)) == .unadjusted)
        // The permutation overrules both; its sign, not the cases', gives the direction.
        let ranked = outcome("re_referral_12m", d: 0.01, lo: -0.02, hi: 0.04, perm: 0.04, sign: -1, units: 25, did: 0.05, didP: 0.2)
        #expect(S.basis(ranked) == .permutation && S.verdict(ranked) == .better)
        let floor = outcome("re_referral_12m", d: -0.08, lo: -0.14, hi: -0.02, perm: 1.0 / 6, sign: -1, units: 6)
        #expect(S.verdict(floor) == .unclear && S.floorUnits(floor) == 6 && S.leaning(floor) == .better)
        // No better direction: higher or lower.
        #expect(S.verdict(outcome("investigations_per_child", d: -0.1, lo: -0.2, hi: -0.05)) == .lower)
    }

    /// The adjusted rung is named in the method section's ladder with why it does not
    /// decide (one pilot team: no interval or p for it means anything), and with what the
    /// extract lacks of its covariates; the words never rest on it.
    @Test func theAdjustedRungIsNamedWithWhyItIsNotUsed() throws {
        // All three covariates.
        var full = Self.genderCases()
        for i in full.cases.indices {
            full.cases[i].age = 6 + i % 9
            full.cases[i].referralReason = i % 3 == 0 ? "Ansökan" : "Anmälan"
        }
        let (section, result, context) = try Self.compute(full)
        #expect(result.covariates == ["age", "gender", "referral_reason"])
        #expect(result.outcomes.allSatisfy { $0.decidedBy != "adjusted" })
        let method = DomainSectionTests.text(section.blocks(result, for: .method, context: context))
        #expect(method.contains("i ordningen: pilotens rang bland teamen, förändringen före och efter start mot övriga områden, en justerad jämförelse, ärendena direkt."))
        #expect(method.contains("en justerad jämförelse, ärendena direkt. Den ger bättre eller sämre vid p < 0,05 (för ärendena: ett konfidensintervall helt på ena sidan om noll), annars oklart. Den justerade jämförelsen (linjens ärenden viktade till pilotens fördelning av ålder, kön och aktualiseringsorsak) används inte för dessa uppgifter: med ett enda pilotteam (Testteamet) har den inget mått på osäkerheten som betyder något."))
        #expect(method.contains("den vore inte starkare än ärendena direkt, bara se säkrare ut."))
        #expect(method.contains("Vilken jämförelse som avgör bedömningen. Bedömningen bättre, sämre eller oklart följer"))
        #expect(method.contains("Den viktade skattningen redovisas inte här. Ärendenas sammansättning i piloten och linjen, som justeringen skulle väga om, visas i en egen tabell. Här bygger bedömningen på"))
        #expect(!method.contains("Uttaget saknar") && !method.contains("beräknas inte i rapporten"))
        let json = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        #expect(json.contains("\"covariates\":[\"age\",\"gender\",\"referral_reason\"]"))

        // Gender only: the rung names it and what the extract lacks.
        let (genderSection, genderOnly, genderContext) = try Self.compute(Self.genderCases())
        #expect(genderOnly.covariates == ["gender"])
        let partial = DomainSectionTests.text(genderSection.blocks(genderOnly, for: .method, context: genderContext))
        #expect(partial.contains("viktade till pilotens fördelning av kön) används inte för dessa uppgifter:"))
        #expect(partial.contains("Uttaget saknar ålder och aktualiseringsorsak."))

        // None of them.
        let (noneSection, none, noneContext) = try Self.compute(Self.didCases())
        #expect(none.covariates == [])
        let bare = DomainSectionTests.text(noneSection.blocks(none, for: .method, context: noneContext))
        #expect(bare.contains("används inte: uttaget saknar alla tre uppgifterna, och med ett enda pilotteam (Testteamet)"))

        // A record from before reports listed the covariates reads as if all were there.
        var old = result
        old.covariates = nil
        #expect(DomainSectionTests.text(section.blocks(old, for: .method, context: context)) == method)

        // English.
        let f = try ReportFixture()
        let en = try DomainSectionTests.context(f, .final, language: .en)
        let english = DomainSectionTests.text(section.blocks(genderOnly, for: .method, context: en))
        #expect(english.contains("the change before and after the start against the other areas, an adjusted comparison, the cases directly."))
        #expect(english.contains("The adjusted comparison (the line's cases weighted to the pilot's mix of gender) is not used for these data:"))
        #expect(english.contains("The extract lacks age and referral reason."))
    }

    @Test func aDifferenceInDifferencesOnSmallCountsIsWithheld() throws {
        // A 0/1 outcome with 2 events among the pilot area's 5 cases before the start.
        var dataset = Self.didCases()
        for i in dataset.cases.indices {
            let v = dataset.cases[i].values["distinct_caseworkers"]
            if case .number(let x) = v { dataset.cases[i].values = ["re_referral_12m": .number(x >= 2 ? 1 : 0)] }
        }
        let (section, result, context) = try Self.compute(dataset)
        let o = try #require(result.outcomes.first)
        #expect(o.did?.estimate == nil && o.did?.p == nil && o.did?.estimateNote == PublishedComparisons.builtOnHiddenNote)
        let words = DomainSectionTests.text(section.blocks(result, for: .pilotVsLine, context: context))
        // The p is withheld with the estimate it belongs to.
        #expect(words.contains("Ny aktualisering inom 12 månader | .. | .."))
        #expect(words.contains("Jämförelsen före och efter start visas inte: den bygger på små antal."))
        // The record holds what the report shows: nothing to recompute the hidden figure from.
        let json = String(decoding: try JSONEncoder().encode(o), as: UTF8.self)
        #expect(json.contains("\"did\":{") && json.contains("\"estimate\":null"))
    }

    // MARK: - Girls and boys

    static func genderCases() -> CaseDataset {
        let g: [Double] = [1, 2, 2, 3, 1, 2, 4, 2, 1, 2, 3, 2], b: [Double] = [2, 3, 3, 4, 2, 3, 2, 3, 4, 3, 2, 3]
        var cases: [CaseRecord] = []
        func add(_ n: Int, pilot: Bool, gender: CaseRecord.Gender, events: Int, workers: (Int) -> Double) {
            for i in 0..<n {
                cases.append(CaseRecord(caseID: "c\(cases.count)", cohort: pilot ? "testteamet" : "linjen", isPilot: pilot,
                                        unit: pilot ? "Testteamet" : "Linje \(i % 2)", gender: gender,
                                        values: ["assessment_within_14d": .number(i < events ? 1 : 0),
                                                 "distinct_caseworkers": .number(workers(i))]))
            }
        }
        add(20, pilot: true, gender: .girl, events: 14) { Double(1 + $0 % 2) }
        add(20, pilot: true, gender: .boy, events: 8) { Double(1 + $0 % 3) }
        add(12, pilot: false, gender: .girl, events: 6) { g[$0] }
        add(12, pilot: false, gender: .boy, events: 6) { b[$0] }
        return CaseDataset(modelID: "testteamet", pilotCohort: "testteamet", pilotStart: nil,
                           extractDate: CalendarDate(year: 2022, month: 12, day: 31)!, cases: cases)
    }

    @Test func girlsAndBoysAreComparedWithATestOfTheirDifference() throws {
        let (section, result, context) = try Self.compute(Self.genderCases())
        let share = try #require(result.outcomes.first { $0.outcome == "assessment_within_14d" })
        let workers = try #require(result.outcomes.first { $0.outcome == "distinct_caseworkers" })

        // Newcombe's hybrid score interval by hand (Newcombe 1998, method 10), from the
        // Wilson intervals of 14/20 and 8/20, z = 1.959963984540054 (scipy norm.ppf(0.975)).
        let z = 1.959963984540054
        func wilson(_ k: Double, _ n: Double) -> (Double, Double) {
            let p = k / n, z2 = z * z
            let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
            let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / (1 + z2 / n)
            return (centre - half, centre + half)
        }
        let (l1, u1) = wilson(14, 20), (l2, u2) = wilson(8, 20)
        let d = 0.7 - 0.4
        let lo = d - ((0.7 - l1) * (0.7 - l1) + (u2 - 0.4) * (u2 - 0.4)).squareRoot()
        let hi = d + ((u1 - 0.7) * (u1 - 0.7) + (0.4 - l2) * (0.4 - l2)).squareRoot()
        let pilot = try #require(share.genderDifferences?.first { $0.cohort == "pilot" })
        let pd = try #require(pilot.difference)
        #expect(abs(pd - d) <= 1e-12)
        let (pLo, pHi) = (try #require(pilot.ciLow), try #require(pilot.ciHigh))
        #expect(abs(pLo - lo) <= 1e-9 * abs(lo) && abs(pHi - hi) <= 1e-9 * hi)
        #expect(pilot.differs == (lo > 0))
        // The girls' cell carries its Wilson interval.
        let girls = try #require(share.byGender.first { $0.gender == "girl" }?.pilot)
        let (gLo, gHi) = (try #require(girls.ciLow), try #require(girls.ciHigh))
        #expect(abs(gLo - l1) <= 1e-9 * l1 && abs(gHi - u1) <= 1e-9 * u1)

        // Welch, scipy 1.17: ttest_ind(g, b, equal_var=False).confidence_interval(0.95)
        // = (−1.4413146977746458, −0.058685302225354063), difference −0.75.
        let line = try #require(workers.genderDifferences?.first { $0.cohort == "line" })
        let ld = try #require(line.difference)
        #expect(abs(ld + 0.75) <= 1e-12)
        let (lLo, lHi) = (try #require(line.ciLow), try #require(line.ciHigh))
        #expect(abs(lLo + 1.4413146977746458) <= 1e-9 * 1.4413146977746458)
        #expect(abs(lHi + 0.058685302225354063) <= 1e-9 * 0.058685302225354063)
        #expect(line.differs)

        let words = DomainSectionTests.text(section.blocks(result, for: .gender, context: context))
        #expect(words.contains("Antal handläggare per ärende: i Testteamet"))
        #expect(words.contains("i linjen skiljer sig flickor och pojkar åt, flickor − pojkar −0,8 (−1,4\u{00A0}till\u{00A0}−0,1)."))
        #expect(words.contains("skiljer sig flickor och pojkar inte säkert") || pilot.differs)
        #expect(words.contains("Flickor | 20 | 70,0\u{00A0}% (48,1\u{00A0}% till 85,5\u{00A0}%)"))
        #expect(words.contains("Inom parentes 95\u{00A0}% konfidensintervall, där antalet visas."))
    }

    @Test func withCountsHiddenWhetherGirlsAndBoysDifferIsSaidInWordsOnly() throws {
        // The pilot: 40 girls (caseworkers 1, 1, 1, 2, …: mean 1.25), 40 boys (3, 3, 3,
        // 2, …: mean 2.75) and 2 cases of another gender, whose small row hides a count
        // beside it (and so the interval of girls − boys) but not the means, which pin no
        // count.
        var cases: [CaseRecord] = []
        func add(_ n: Int, pilot: Bool, gender: CaseRecord.Gender, pattern: [Double]) {
            for i in 0..<n {
                cases.append(CaseRecord(caseID: "c\(cases.count)", cohort: pilot ? "testteamet" : "linjen", isPilot: pilot,
                                        unit: pilot ? "Testteamet" : "Linje \(i % 2)", gender: gender,
                                        values: ["distinct_caseworkers": .number(pattern[i % pattern.count])]))
            }
        }
        add(40, pilot: true, gender: .girl, pattern: [1, 1, 1, 2])
        add(40, pilot: true, gender: .boy, pattern: [3, 3, 3, 2])
        add(2, pilot: true, gender: .other, pattern: [2])
        add(12, pilot: false, gender: .girl, pattern: [1, 2, 3])
        add(12, pilot: false, gender: .boy, pattern: [1, 2, 3])
        let dataset = CaseDataset(modelID: "testteamet", pilotCohort: "testteamet", pilotStart: nil,
                                  extractDate: CalendarDate(year: 2022, month: 12, day: 31)!, cases: cases)
        let (section, result, context) = try Self.compute(dataset)
        let o = try #require(result.outcomes.first)
        // The plan hides the girls' n (the other gender's 2 cases could be worked out from
        // it); both means stay, the girls' rounded as the table writes it.
        let girls = try #require(o.byGender.first { $0.gender == "girl" }?.pilot)
        #expect(girls.n == nil && girls.estimate == 1.3 && girls.ciLow == nil)

        // By hand: each group's SD is √(0.1875·40/39) = 0.4385, so the difference −1.5 has
        // a standard error of 0.4385·√(2/40) = 0.0981; even t = 2.1 (df 78 needs 1.99)
        // keeps the interval below zero: −1.5 + 2.1·0.0981 = −1.29.
        let se = (0.1875 * 40 / 39).squareRoot() * (2.0 / 40).squareRoot()
        #expect(-1.5 + 2.1 * se < 0)

        let pilot = try #require(o.genderDifferences?.first { $0.cohort == "pilot" })
        #expect(pilot.difference == nil && pilot.ciLow == nil && pilot.ciHigh == nil)
        #expect(pilot.disclosure == .withheld && pilot.differsWithheldInterval == true)
        let words = DomainSectionTests.text(section.blocks(result, for: .gender, context: context))
        #expect(words.contains("i Testteamet skiljer sig flickor och pojkar åt (1,3 mot 2,8; intervallet visas inte, eftersom antalen döljs)"),
                "\(words)")
        // The table's note says why the girls' mean stands beside their hidden n.
        #expect(words.contains("Där antalet döljs (..) visas värdet ändå, avrundat och utan intervall: det bygger på minst 5 ärenden"))
        // The record: the words' one bit, and no figure of the difference.
        let json = String(decoding: try JSONEncoder().encode(pilot), as: UTF8.self)
        #expect(json.contains("\"differs_withheld_interval\":true") && json.contains("\"difference\":null"))
    }

    @Test func noIntervalOrComparisonWhereAnNIsHidden() throws {
        // DomainSectionTests' cases: the pilot's girls and boys hide their n.
        let (section, result, context) = try Self.compute(DomainSectionTests.cases())
        let o = try #require(result.outcomes.first)
        let pilot = try #require(o.genderDifferences?.first { $0.cohort == "pilot" })
        #expect(pilot.difference == nil && pilot.ciLow == nil && pilot.ciHigh == nil)
        for row in o.byGender where row.pilot.n == nil { #expect(row.pilot.ciLow == nil && row.pilot.ciHigh == nil) }
        let words = DomainSectionTests.text(section.blocks(result, for: .gender, context: context))
        #expect(words.contains("i Testteamet visas ingen jämförelse av flickor och pojkar, eftersom antalen döljs"))
    }
}
