import Evaluation
import LogicModel
import Presentation

/// The "Pilot och linje" page's own part: a plain GET form to choose an outcome and a
/// design, and the chosen comparison as blocks in the reader's language
/// (`CohortComparisonResult.blocks(style:pilotName:)`) — every design with its
/// balance, caveats and minimum detectable difference. The form submits to
/// `/models/{id}/pilot-vs-line#design` with `outcome=` and `design=`; the result starts
/// at the element with id `design`.
enum PilotVsLinePage {
    /// The outcomes the model's cases carry, with their human names: the derived
    /// measures in DESIGN §3.3's order, then any other outcome column by its own name.
    static func outcomes(in dataset: CaseDataset, language: Language) -> [(key: String, name: String)] {
        CaseOutcomeNames.available(Set(dataset.cases.flatMap { $0.values.keys }), language)
    }

    /// The design asked for in the query (`design=`), nil when absent or unknown.
    static func design(_ text: String?) -> CohortComparison.Design? {
        text.flatMap { CohortComparison.Design(rawValue: $0) }
    }

    /// The form: a select of outcomes, the four designs as radio buttons with one line
    /// each on what they do, a submit button. No script, nothing submits by itself.
    static func form(outcomes: [(key: String, name: String)], chosenOutcome: String?, design: CohortComparison.Design?,
                     modelID: String, language: Language) -> String {
        let e = HTMLText.escape
        let sv = language == .sv
        let action = "/models/\(Page.pathComponent(modelID))/pilot-vs-line#design"
        guard !outcomes.isEmpty else {
            return "<p>" + e(sv ? "Inga ärendeuppgifter med utfallsmått har lästs in för piloten ännu, så piloten kan inte jämföras med linjen."
                                : "No case data with outcomes has been loaded for the pilot yet, so the pilot cannot be compared with the line.") + "</p>\n"
        }
        let chosen = chosenOutcome.flatMap { c in outcomes.contains { $0.key == c } ? c : nil } ?? outcomes[0].key
        let chosenDesign = design ?? .unadjusted
        var out = "<form method=\"get\" action=\"\(e(action))\" class=\"pilot-vs-line\">\n"
        out += "<p><label for=\"outcome\">\(e(sv ? "Utfallsmått" : "Outcome"))</label>\n<select id=\"outcome\" name=\"outcome\">\n"
        for o in outcomes {
            out += "<option value=\"\(e(o.key))\"\(o.key == chosen ? " selected" : "")>\(e(o.name))</option>\n"
        }
        out += "</select></p>\n"
        out += "<fieldset><legend>\(e(sv ? "Design" : "Design"))</legend>\n"
        for d in CohortComparison.Design.allCases {
            let id = "design-\(d.rawValue)"
            out += "<p><input type=\"radio\" id=\"\(id)\" name=\"design\" value=\"\(e(d.rawValue))\"\(d == chosenDesign ? " checked" : "")"
                + " aria-describedby=\"\(id)-hint\">\n"
            out += "<label for=\"\(id)\">\(e(CohortDesignText.name(d, language)))</label>\n"
            out += "<span class=\"hint\" id=\"\(id)-hint\">\(e(CohortDesignText.explanation(d, language)))</span></p>\n"
        }
        out += "</fieldset>\n"
        out += "<p><button type=\"submit\">\(e(sv ? "Visa jämförelsen" : "Show the comparison"))</button></p>\n</form>\n"
        return out
    }

    /// The chosen comparison in an element with id `design` (the form's target): the
    /// result's blocks, which begin with the outcome and design as a heading. An outcome
    /// no case carries gives a sentence instead.
    ///
    /// - Parameters:
    ///   - pilotName: what the pilot is called in the text (the model's name); nil uses
    ///     the cohort label unless it is just the model's id.
    static func results(dataset: CaseDataset, outcome: String, design: CohortComparison.Design, pilotName: String?,
                        language: Language) -> PageContent {
        let e = HTMLText.escape
        let sv = language == .sv
        var content = PageContent([.html("<div id=\"design\">\n")])
        do {
            let result = try CohortComparison.run(dataset, outcome: outcome, options: .init(design: design, byGender: true))
            content.blocks(result.blocks(style: NumberStyle(language), pilotName: pilotName))
        } catch {
            let name = CaseOutcomeNames.displayName(outcome, language)
            content.html("<p>" + e(sv ? "Inget ärende har utfallsmåttet ”\(name)”. Välj ett annat mått ovan."
                                      : "No case has the outcome “\(name)”. Choose another outcome above.") + "</p>\n")
        }
        content.html("</div>\n")
        return content
    }
}
