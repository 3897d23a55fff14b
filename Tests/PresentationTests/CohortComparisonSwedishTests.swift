@testable import Evaluation
import Foundation
import LogicModel
import Periods
@testable import Presentation
import Statistics
import Testing

/// `CohortComparisonResult.blocks(style:)` in Swedish, for the web's "Pilot och linje"
/// page: every design says its parts in Swedish (the reports' words), names the outcome
/// as people do, writes numbers with a decimal comma and the U+2212 minus, and lets no
/// English sentence, label or internal key through. The English blocks are the golden
/// files' (`ResultGoldenTests`).
@Suite struct CohortComparisonSwedishTests {
    /// 48 cases as in `ResultGoldenTests.cases`, with derived outcome names: a 0/1
    /// outcome, a duration with its 14-day limit, and a count per case.
    static let cases: CaseDataset = {
        let start = CalendarDate(year: 2021, month: 1, day: 1)!
        let areas = ["Vällingby", "Hässelby", "Spånga", "Bromma"]
        let lineUnits = ["Linje A", "Linje B", "Linje C"]
        let reasons = ["skola", "polis", "förälder"]
        var cases: [CaseRecord] = []
        for k in 0..<48 {
            let referral = CalendarDate(dayNumber: CalendarDate(year: 2019, month: 1, day: 10)!.dayNumber + k * 29)
            let after = referral >= start
            let isPilot = after && k % 2 == 0
            let area = isPilot ? "Vällingby" : areas[k % 4]
            let within = (isPilot ? [1, 1, 0, 1] : after ? [1, 0, 0, 1] : [0, 1, 0, 0])[k % 4]
            let days = Double(isPilot ? 6 + (k * 7) % 15 : 9 + (k * 11) % 20)
            let workers = Double(isPilot ? 1 + k % 2 : 1 + k % 4)
            cases.append(CaseRecord(
                caseID: "c\(k)", cohort: isPilot ? "vallingbyteamet" : "linjen", isPilot: isPilot,
                unit: isPilot ? "Vällingbyteamet" : lineUnits[k % 3], area: area,
                gender: k % 3 == 0 ? .girl : .boy, age: 6 + k % 11, referralDate: referral, referralReason: reasons[k % 3],
                values: ["investigation_within_4m": .number(Double(within)),
                         "days_to_assessment": .duration(days: days, observed: k % 5 != 0),
                         "distinct_caseworkers": .number(workers)]))
        }
        return CaseDataset(modelID: "vallingbyteamet", pilotCohort: "vallingbyteamet", pilotStart: start,
                           extractDate: CalendarDate(year: 2022, month: 12, day: 31)!, cases: cases)
    }()

    static let outcomes = ["investigation_within_4m", "days_to_assessment", "distinct_caseworkers"]

    static func text(_ outcome: String, _ design: CohortComparison.Design, language: Language = .sv) throws -> String {
        let result = try CohortComparison.run(cases, outcome: outcome,
                                              options: .init(design: design, byGender: true, bootstrap: .init(replicates: 999)))
        return joined(PlainTextWriter().render(result.blocks(style: NumberStyle(language))))
    }

    /// The terminal writer's text with its line breaks undone (a phrase may wrap).
    static func joined(_ text: String) -> String {
        text.replacingOccurrences(of: "\n *", with: " ", options: .regularExpression)
    }

    /// Whether `text` has `word` as a word of its own ("age", not "uttaget").
    static func hasWord(_ text: String, _ word: String) -> Bool {
        let escaped = NSRegularExpression.escapedPattern(for: word)
        return text.range(of: "(?<![\\p{L}_])" + escaped + "(?![\\p{L}_])", options: .regularExpression) != nil
    }

    /// English words, labels and keys the Swedish text must not contain.
    static let english = [
        "pilot − line", "pilot - line", "SMD", "unadjusted", "Unadjusted", "adjusted", "Caveats", "Balance", "balance",
        "Difference", "difference", "estimate", "note:", " the ", "The ", " and ", " with ", "With ", "cases", "share",
        "line ", "line)", "outcome", "before the start", "after", "weights", "randomisation", "clusters", "power",
        "--design", "small_cell", "imbalance", "serious", "gender:", "reason:", "age", "girl", "boy", "not reached",
        "Welch t =", "df =", "odds ratio", "risk ratio", "Hedges' g", "Fisher's", "chi-square", "statistic", "unit ",
        "days", "within", "Groups", "group", "mean", " pp", "(pilot)",
    ] + outcomes + outcomes.map { $0.replacingOccurrences(of: "_", with: " ") }

    @Test(arguments: CohortComparison.Design.allCases)
    func swedishForEveryDesign(_ design: CohortComparison.Design) throws {
        for outcome in Self.outcomes {
            let text = try Self.text(outcome, design)
            let context = "\(outcome), \(design.rawValue):\n\(text)"
            #expect(text.contains(CaseOutcomeNames.name(outcome, .sv)!), "\(context)")
            for word in ["Pilot", "Linjen", "Skillnad (95\u{00A0}% KI)", "Intervallet", "Balans",
                         "Standardiserad medelvärdesskillnad före/efter viktning", "Före viktning", "Efter viktning",
                         "Minsta upptäckbara skillnad", "Att tänka på", "Piloten är ett enda team",
                         "Per kön", "Flickor", "Pojkar"] {
                #expect(text.contains(word), "missing '\(word)' in \(context)")
            }
            for word in Self.english {
                #expect(!Self.hasWord(text, word), "English '\(word)' in \(context)")
            }
            #expect(["Bättre eller sämre", "Bättre i piloten", "Sämre i piloten", "Högre i piloten", "Lägre i piloten"]
                .contains { text.contains($0) }, "no direction in words in \(context)")
            #expect(text.range(of: #"\d,\d"#, options: .regularExpression) != nil, "no decimal comma in \(context)")
            #expect(text.range(of: #"\d\.\d"#, options: .regularExpression) == nil, "a decimal point in \(context)")
            #expect(text.range(of: #"(^|[\s(])-\d"#, options: .regularExpression) == nil, "a hyphen for minus in \(context)")
            #expect(!text.contains("_"), "an internal key in \(context)")
        }
    }

    @Test func eachDesignHasItsOwnPart() throws {
        let adjusted = try Self.text("investigation_within_4m", .adjusted)
        for word in ["Justerad jämförelse", "Viktning (linjen viktad till pilotens sammansättning)",
                     "Regressionsjustering (kontroll)", "Linjen viktad", "Linjens effektiva antal ärenden efter viktning",
                     "Den viktade skillnaden är", "utan intervall", "procentenheter"] {
            #expect(adjusted.contains(word), "missing '\(word)':\n\(adjusted)")
        }
        let did = try Self.text("investigation_within_4m", .did)
        for word in ["Skillnad-i-skillnader", "Förtrend", "Pilotens område (Vällingby)", "3 linjeområden",
                     "Randomisering över områden", "minsta möjliga p = 1/", "Vild klusterbootstrap",
                     "Före starten", "Efter starten", "före starten", "efter starten", "period \u{2212}2"] {
            #expect(did.contains(word), "missing '\(word)':\n\(did)")
        }
        let permutation = try Self.text("distinct_caseworkers", .permutation)
        for word in ["Piloten bland alla team", "Pilotens rang", "Linje A", "Piloten", "Skillnad mot övriga team"] {
            #expect(permutation.contains(word), "missing '\(word)':\n\(permutation)")
        }
        let duration = try Self.text("days_to_assessment", .unadjusted)
        for word in ["Inom 14 dagar (95\u{00A0}% KI)", "Mediantid i dagar", "Pågående (censurerade)", "ärenden var inte avslutade vid uttaget 31 december 2022",
                     "Ett högre värde är bättre"] {
            #expect(duration.contains(word), "missing '\(word)':\n\(duration)")
        }
        // A count per case, where fewer is better.
        let workers = try Self.text("distinct_caseworkers", .unadjusted)
        #expect(workers.contains("Ett lägre värde är bättre"), "\(workers)")
        #expect(workers.contains("standardavvikelser"), "\(workers)")
    }

    /// Better / worse / unclear follow the interval and the outcome's direction.
    @Test func directionInWords() throws {
        let workers = try Self.text("distinct_caseworkers", .unadjusted)
        let result = try CohortComparison.run(Self.cases, outcome: "distinct_caseworkers")
        guard case .continuous(let c) = result.unadjusted, let lo = c.difference.ciLow.value, let hi = c.difference.ciHigh.value else {
            Issue.record("expected a continuous comparison"); return
        }
        if lo > 0 || hi < 0 {
            // Fewer caseworkers is better: a pilot with fewer is better.
            #expect(workers.contains(hi < 0 ? "Bättre i piloten" : "Sämre i piloten"), "\(workers)")
        } else {
            #expect(workers.contains("Bättre eller sämre: oklart"), "\(workers)")
            #expect(workers.contains("Intervallet rymmer noll"), "\(workers)")
        }
    }

    /// The pilot's name given by the page stands for the cohort label in the text.
    @Test func pilotName() throws {
        let result = try CohortComparison.run(Self.cases, outcome: "investigation_within_4m")
        let named = Self.joined(PlainTextWriter().render(result.blocks(style: NumberStyle(.sv), pilotName: "Vällingbyteamet")))
        #expect(named.contains("Pilotens ärenden (Vällingbyteamet)"))
        let unnamed = PlainTextWriter().render(result.blocks(style: NumberStyle(.sv)))
        #expect(!unnamed.contains("vallingbyteamet"), "the model's id is not a name:\n\(unnamed)")
    }

    /// English keeps the terminal's blocks: the Swedish path does not touch them.
    @Test func englishIsTheTerminals() throws {
        let result = try CohortComparison.run(Self.cases, outcome: "investigation_within_4m", options: .init(design: .adjusted))
        #expect(result.blocks(style: NumberStyle(.en, abbreviated: true)) == result.blocks(style: .terminal))
        #expect(result.blocks(style: .terminal, pilotName: "Vällingbyteamet") == result.blocks(style: .terminal))
        let text = PlainTextWriter().render(result.blocks(style: .terminal))
        #expect(text.contains("Caveats") && text.contains("SMD before"))
    }

    /// Notes of the result (English in the JSON) come out in Swedish, known or not.
    @Test func notesInSwedish() {
        let style = NumberStyle(.sv)
        let known = SwedishCohortBlocks.swedishNote(
            "gender: girl: 3 pilot and 13 line case(s), fewer than 5 in a cohort: the propensity model pools them with the reference level (boy), since a level one cohort lacks predicts the cohort perfectly and the model would not exist; the balance table still shows them",
            style: style)
        #expect(known.hasPrefix("Kön: flicka: 3 ärenden i piloten och 13 i linjen, färre än 5"), "\(known)")
        #expect(known.contains("referensnivån (pojke)"))
        let unknown = SwedishCohortBlocks.swedishNote("some future note nobody translated", style: style)
        #expect(unknown == "Ett värde kan inte beräknas med dessa uppgifter.")
    }

    @Test func outcomeNames() {
        #expect(CaseOutcomeNames.name("days_to_assessment", .sv) == "Dagar till beslut om förhandsbedömning")
        #expect(CaseOutcomeNames.name("within_4m", .sv) == nil)
        let available = CaseOutcomeNames.available(["zeta", "re_referral_12m", "days_to_assessment"], .sv)
        #expect(available.map(\.key) == ["days_to_assessment", "re_referral_12m", "zeta"])
        #expect(available.map(\.name) == ["Dagar till beslut om förhandsbedömning", "Ny aktualisering inom 12 månader", "zeta"])
    }
}
