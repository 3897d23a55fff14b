import LogicModel
import Presentation

/// The PDSA pages (issue 23): the model's cycles as a list with a link to change each,
/// and the form for a cycle — Plan (change idea, question, prediction), Do (dates),
/// Study (observations), Act (decision, next step), with the activity, the measure it
/// watches and the ramp it belongs to. A failed save shows the form again with what was
/// typed and each error beside its field.
enum PDSAPage {
    struct Choices: Sendable {
        var activities: [(id: String, title: String)] = []
        var measures: [String] = []
        /// Other cycles of the model, for `previous`.
        var cycles: [(id: String, title: String)] = []
    }

    /// The list below the improvement page's run charts.
    /// `canEdit`: links to change and add cycles, for whoever may (not a reader).
    static func list(_ cycles: [PDSACycle], modelID: String, canEdit: Bool = true, s: WebStrings) -> String {
        let e = HTMLText.escape
        let base = "/models/\(Page.pathComponent(modelID))/cycles"
        var out = "<h2 id=\"cycles\">\(e(s("pdsa.cycles")))</h2>\n<p>\(e(s("pdsa.cycles.lead")))</p>\n"
        if cycles.isEmpty {
            out += "<p>\(e(s("pdsa.none")))</p>\n"
        } else {
            out += "<ul>\n"
            for c in cycles {
                let dates = c.start.iso + (c.end.map { " – " + $0.iso } ?? " –")
                let title = canEdit ? "<a href=\"\(base)/\(Page.pathComponent(c.id))\">\(e(c.title))</a>" : e(c.title)
                out += "<li>\(title) (\(e(dates)); \(e(s("pdsa.status." + c.status))))</li>\n"
            }
            out += "</ul>\n"
        }
        return out + (canEdit ? "<p><a href=\"\(base)/new\">\(e(s("pdsa.new")))</a></p>\n" : "")
    }

    static func form(_ form: PDSAForm, choices: Choices, existing: String?, version: String, errors: [String: String],
                     general: [String], modelID: String, csrf: String, s: WebStrings) -> String {
        let e = HTMLText.escape
        var out = ""
        if !errors.isEmpty || !general.isEmpty {
            out += "<div class=\"callout callout-warning\" role=\"alert\"><p class=\"callout-title\">\(e(s("pdsa.errors", ["n": "\(errors.count + general.count)"])))</p>\n<ul>\n"
            out += general.map { "<li>\(e($0))</li>\n" }.joined()
            out += PDSAForm.fields.filter { errors[$0] != nil }.map { f in
                "<li><a href=\"#pdsa-\(f)\">\(e(s("pdsa.field." + f)))</a>: <span\(s.englishMark)>\(e(errors[f]!))</span></li>\n"
            }.joined()
            out += "</ul></div>\n"
        }
        out += "<form method=\"post\" action=\"/models/\(Page.pathComponent(modelID))/cycles\" novalidate>\n"
        out += "<input type=\"hidden\" name=\"_csrf\" value=\"\(e(csrf))\">\n"
        out += "<input type=\"hidden\" name=\"existing\" value=\"\(e(existing ?? ""))\">\n"
        out += "<input type=\"hidden\" name=\"version\" value=\"\(e(version))\">\n"
        func field(_ name: String, hint: Bool = false, control: (String, String) -> String) -> String {
            FormField.paragraph(id: "pdsa-\(name)", label: s("pdsa.field." + name), hint: hint ? s("pdsa.hint." + name) : nil,
                                error: errors[name], errorLanguage: s.englishMark, control: control)
        }
        func text(_ name: String, hint: Bool = false, readonly: Bool = false, list: String? = nil) -> String {
            field(name, hint: hint) { id, attributes in
                if PDSAForm.texts.contains(name) {
                    return "<textarea id=\"\(id)\" name=\"\(name)\" rows=\"3\" cols=\"70\"\(attributes)>\(e(form[name]))</textarea>\n"
                }
                return "<input type=\"text\" id=\"\(id)\" name=\"\(name)\" value=\"\(e(form[name]))\"" + (readonly ? " readonly" : "")
                    + (list.map { " list=\"\($0)\"" } ?? "") + "\(attributes)>\n"
            }
        }
        func select(_ name: String, _ options: [(value: String, label: String)]) -> String {
            field(name) { id, attributes in
                "<select id=\"\(id)\" name=\"\(name)\"\(attributes)>\n" + options.map { o in
                    "<option value=\"\(e(o.value))\"\(form[name] == o.value ? " selected" : "")>\(e(o.label))</option>\n"
                }.joined() + "</select>\n"
            }
        }
        out += "<fieldset><legend>\(e(s("pdsa.section.what")))</legend>\n"
        out += text("id", hint: true, readonly: existing != nil)
        out += text("title")
        out += select("activity", choices.activities.map { ($0.id, "\($0.id) \($0.title)") })
        out += text("measure", hint: true, list: choices.measures.isEmpty ? nil : "pdsa-measures")
        if !choices.measures.isEmpty {
            out += "<datalist id=\"pdsa-measures\">\n" + choices.measures.map { "<option value=\"\(e($0))\">\n" }.joined() + "</datalist>\n"
        }
        out += text("ramp", hint: true)
        out += select("previous", [("", s("pdsa.previous.none"))] + choices.cycles.filter { $0.id != existing }.map { ($0.id, $0.title) })
        out += "</fieldset>\n<fieldset><legend>\(e(s("pdsa.section.plan")))</legend>\n"
        out += text("change_idea") + text("question") + text("prediction", hint: true)
        out += "</fieldset>\n<fieldset><legend>\(e(s("pdsa.section.do")))</legend>\n"
        out += text("start", hint: true) + text("end", hint: true)
        out += "</fieldset>\n<fieldset><legend>\(e(s("pdsa.section.study")))</legend>\n"
        out += text("observations")
        out += "</fieldset>\n<fieldset><legend>\(e(s("pdsa.section.act")))</legend>\n"
        out += select("decision", [("", s("pdsa.decision.none"))] + PDSACycle.Decision.allCases.map { ($0.rawValue, s("pdsa.decision." + $0.rawValue)) })
        out += text("next")
        out += "</fieldset>\n<p><button type=\"submit\" data-busy=\"\(e(s("entry.saving")))\">\(e(s("pdsa.save")))</button> "
            + "<a href=\"/models/\(Page.pathComponent(modelID))/improvement#cycles\">\(e(s("imports.preview.cancel")))</a></p>\n</form>\n"
        return out
    }
}
