import Evaluation
import LogicModel
import Periods
import Presentation
import Testing
@testable import Web

/// The "Pilot och linje" form and result part (`PilotVsLinePage`), without the router:
/// a plain GET form with labels, the outcomes by name, the four designs with a line
/// each, escaped values; the result in Swedish blocks under id `design`.
@Suite struct PilotVsLinePageTests {
    static let outcomes: [(key: String, name: String)] = [
        (key: "days_to_assessment", name: "Dagar till beslut om förhandsbedömning"),
        (key: "x\"<y>", name: "A & <b>"),
    ]

    @Test func form() {
        let html = PilotVsLinePage.form(outcomes: Self.outcomes, chosenOutcome: "x\"<y>", design: .did,
                                        modelID: "vallingby teamet", language: .sv)
        #expect(html.contains("<form method=\"get\" action=\"/models/vallingby%20teamet/pilot-vs-line#design\""))
        #expect(html.contains("<label for=\"outcome\">Utfallsmått</label>"))
        #expect(html.contains("<option value=\"days_to_assessment\">Dagar till beslut om förhandsbedömning</option>"))
        #expect(html.contains("<option value=\"x&quot;&lt;y&gt;\" selected>A &amp; &lt;b&gt;</option>"))
        for design in CohortComparison.Design.allCases {
            #expect(html.contains("name=\"design\" value=\"\(design.rawValue)\"\(design == .did ? " checked" : "")"))
            #expect(html.contains(CohortDesignText.explanation(design, .sv)))
            #expect(html.contains("<label for=\"design-\(design.rawValue)\">\(CohortDesignText.name(design, .sv))</label>"))
        }
        #expect(html.contains("<button type=\"submit\">Visa jämförelsen</button>"))
        #expect(!html.contains("onchange") && !html.contains("<script"))
    }

    @Test func formDefaultsAndEmpty() {
        let html = PilotVsLinePage.form(outcomes: Self.outcomes, chosenOutcome: nil, design: nil, modelID: "m", language: .en)
        #expect(html.contains("<option value=\"days_to_assessment\" selected>"))
        #expect(html.contains("value=\"unadjusted\" checked"))
        #expect(html.contains("<label for=\"outcome\">Outcome</label>"))
        let none = PilotVsLinePage.form(outcomes: [], chosenOutcome: nil, design: nil, modelID: "m", language: .sv)
        #expect(!none.contains("<form") && none.contains("Inga ärendeuppgifter"))
    }

    static let dataset: CaseDataset = {
        let start = CalendarDate(year: 2021, month: 1, day: 1)!
        var cases: [CaseRecord] = []
        for k in 0..<40 {
            let referral = CalendarDate(dayNumber: CalendarDate(year: 2019, month: 6, day: 1)!.dayNumber + k * 30)
            let isPilot = referral >= start && k % 2 == 0
            cases.append(CaseRecord(caseID: "c\(k)", cohort: isPilot ? "p" : "l", isPilot: isPilot,
                                    unit: isPilot ? "P" : ["A", "B", "C"][k % 3], area: isPilot ? "V" : ["V", "H", "S"][k % 3],
                                    gender: k % 2 == 0 ? .girl : .boy, age: 5 + k % 10, referralDate: referral,
                                    values: ["re_referral_12m": .number(Double(k % 3 == 0 ? 1 : 0)), "egen_kolumn": .number(Double(k % 7))]))
        }
        return CaseDataset(modelID: "p", pilotCohort: "p", pilotStart: start,
                           extractDate: CalendarDate(year: 2022, month: 12, day: 31)!, cases: cases)
    }()

    @Test func outcomesAndResults() {
        let outcomes = PilotVsLinePage.outcomes(in: Self.dataset, language: .sv)
        #expect(outcomes.map(\.key) == ["re_referral_12m", "egen_kolumn"])
        #expect(outcomes.first?.name == "Ny aktualisering inom 12 månader")
        #expect(PilotVsLinePage.design("did") == .did && PilotVsLinePage.design("x") == nil && PilotVsLinePage.design(nil) == nil)
        let content = PilotVsLinePage.results(dataset: Self.dataset, outcome: "re_referral_12m", design: .permutation,
                                              pilotName: "Vällingbyteamet", language: .sv)
        guard case .html(let open) = content.parts.first, case .blocks(let rendered, _) = content.parts[1],
              case .html(let close) = content.parts.last else {
            Issue.record("the result in a div with id design: \(content.parts)")
            return
        }
        #expect(open == "<div id=\"design\">\n" && close == "</div>\n" && content.parts.count == 3)
        #expect(rendered.first == .heading(level: 1, text: "Ny aktualisering inom 12 månader – Piloten bland alla team"))
        let missing = PilotVsLinePage.results(dataset: Self.dataset, outcome: "nope<", design: .did, pilotName: nil,
                                              language: .sv).html(.sv)
        #expect(missing.contains("Inget ärende har utfallsmåttet ”nope&lt;”"))
    }
}
