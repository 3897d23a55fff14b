import LogicModel
import Presentation

/// The page of the indicator form (issue 23): the indicator's fields, then its targets,
/// each a fieldset with the period, who set the target and the rule's parts ("högst
/// 6,1" *eller* "bättre än föregående period"). Works without script: "Fler mål" posts
/// the form back with one more blank row. A failed save shows the form again with what
/// was typed, each error beside its field and listed, linked, at the top.
enum IndicatorFormPage {
    struct Choices: Sendable {
        /// The model's nodes an indicator can measure: goals, outcomes, outputs, activities.
        var nodes: [(id: String, title: String)] = []
    }

    /// The list of indicators with a link to change each, on the logic model page.
    /// `lang`: the model's language mark on a page in another language (WCAG 3.1.2).
    static func list(_ indicators: [(id: String, title: String)], modelID: String, lang: String, s: WebStrings) -> String {
        let e = HTMLText.escape
        let base = "/models/\(Page.pathComponent(modelID))/logic-model/indicators"
        var out = "<h2 id=\"indicator-forms\">\(e(s("indicator.list")))</h2>\n<p>\(e(s("indicator.list.lead")))</p>\n<ul class=\"columns\">\n"
        for i in indicators {
            out += "<li><a href=\"\(base)/\(Page.pathComponent(i.id))\">\(e(i.id)) <span\(lang)>\(e(i.title))</span></a></li>\n"
        }
        return out + "</ul>\n<p><a href=\"\(base)/new\">\(e(s("indicator.new")))</a></p>\n"
    }

    static func body(_ form: IndicatorForm, choices: Choices, existing: String?, version: Int, errors: [String: String],
                     general: [String], messages: [String], warnings: [String], confirm: String, modelID: String, csrf: String, s: WebStrings) -> String {
        let e = HTMLText.escape
        var out = "<p class=\"lead\">\(e(s("indicator.lead")))</p>\n"
        if !general.isEmpty {
            out += "<div class=\"callout callout-warning\" role=\"alert\">" + general.map { "<p>\(e($0))</p>" }.joined() + "</div>\n"
        }
        if !errors.isEmpty || !messages.isEmpty {
            out += "<div class=\"callout callout-warning\" role=\"alert\"><p class=\"callout-title\">\(e(s("indicator.errors", ["n": "\(errors.count + messages.count)"])))</p>\n<ul>\n"
            out += messages.map { "<li\(s.englishMark)>\(e($0))</li>\n" }.joined()
            out += ordered(errors.keys, form: form).map { name in
                "<li><a href=\"#\(fieldID(name))\">\(e(label(name, s: s)))</a>: \(e(errors[name]!))</li>\n"
            }.joined()
            out += "</ul></div>\n"
        }
        if !warnings.isEmpty {
            out += "<div class=\"callout callout-warning\" role=\"alert\"><p class=\"callout-title\">\(e(s("indicator.warnings")))</p>\n<ul>\n"
                + warnings.map { "<li\(s.englishMark)>\(e($0))</li>\n" }.joined() + "</ul></div>\n"
        }
        out += "<form method=\"post\" action=\"/models/\(Page.pathComponent(modelID))/logic-model/indicators\" novalidate>\n"
        for (name, value) in [("_csrf", csrf), ("existing", existing ?? ""), ("version", "\(version)"), ("rows", "\(form.rows)"),
                              ("parts", "\(form.parts)"), ("confirmed", confirm)] {
            out += "<input type=\"hidden\" name=\"\(name)\" value=\"\(e(value))\">\n"
        }

        func field(_ name: String, label text: String, hint: String? = nil, control: (String, String) -> String) -> String {
            FormField.paragraph(id: fieldID(name), label: text, hint: hint, error: errors[name], control: control)
        }
        func text(_ name: String, label: String? = nil, hint: String? = nil, area: Bool = false, readonly: Bool = false,
                  size: Int? = nil, decimal: Bool = false, wide: Bool = false) -> String {
            field(name, label: label ?? s("indicator.field." + name), hint: hint) { id, attributes in
                if area { return "<textarea id=\"\(id)\" name=\"\(name)\" rows=\"3\" cols=\"70\"\(attributes)>\(e(form[name]))</textarea>\n" }
                return "<input type=\"text\" id=\"\(id)\" name=\"\(name)\" value=\"\(e(form[name]))\"" + (readonly ? " readonly" : "")
                    + (size.map { " size=\"\($0)\"" } ?? "") + (wide ? " class=\"wide\"" : "") + (decimal ? " inputmode=\"decimal\"" : "") + "\(attributes)>\n"
            }
        }
        func select(_ name: String, label: String? = nil, hint: String? = nil, _ options: [(value: String, label: String)]) -> String {
            field(name, label: label ?? s("indicator.field." + name), hint: hint) { id, attributes in
                "<select id=\"\(id)\" name=\"\(name)\"\(attributes)>\n" + options.map { o in
                    "<option value=\"\(e(o.value))\"\(form[name] == o.value ? " selected" : "")>\(e(o.label))</option>\n"
                }.joined() + "</select>\n"
            }
        }

        out += "<fieldset><legend>\(e(s("indicator.section.what")))</legend>\n"
        out += text("id", hint: s(existing == nil ? "indicator.hint.id" : "indicator.hint.id_fixed"), readonly: existing != nil, size: 12)
        out += text("title", wide: true)
        out += text("description", area: true)
        out += select("measures", [("", s("indicator.measures.choose"))] + choices.nodes.map { ($0.id, "\($0.id) \($0.title)") })
        out += "</fieldset>\n<fieldset><legend>\(e(s("indicator.section.how")))</legend>\n"
        out += select("unit", IndicatorUnit.allCases.map { ($0.rawValue, s("indicator.unit." + $0.rawValue)) })
        out += select("direction", Direction.allCases.map { ($0.rawValue, s("indicator.direction." + $0.rawValue)) })
        out += select("frequency", [("", s("indicator.frequency.none"))] + Frequency.allCases.map { ($0.rawValue, s("indicator.frequency." + $0.rawValue)) })
        out += select("counts", hint: s("indicator.hint.counts"), Counts.allCases.map { ($0.rawValue, s("indicator.counts." + $0.rawValue)) })
        let genderID = fieldID("gender")
        out += "<p><input type=\"checkbox\" id=\"\(genderID)\" name=\"gender\" value=\"on\"\(form["gender"].isEmpty ? "" : " checked")>\n"
            + "<label for=\"\(genderID)\">\(e(s("indicator.field.gender")))</label></p>\n"
        out += text("source", hint: s("indicator.hint.source"), wide: true)
        out += text("note", area: true)
        out += "</fieldset>\n"

        out += "<h2 id=\"targets\">\(e(s("indicator.targets")))</h2>\n<p id=\"targets-hint\">\(e(s("indicator.targets.lead")))</p>\n"
        let kindLabels = IndicatorForm.kinds.map { ($0, s("indicator.kind." + ($0.isEmpty ? "none" : $0))) }
        for row in 0..<form.rows {
            out += "<fieldset class=\"target\"><legend>\(e(s("indicator.target", ["n": "\(row + 1)"])))</legend>\n"
            out += text(IndicatorForm.name(row, "period"), label: s("indicator.field.period"), hint: row == 0 ? s("indicator.hint.period") : nil, size: 10)
            out += select(IndicatorForm.name(row, "set_by"), label: s("indicator.field.set_by"),
                          TargetSetter.allCases.map { ($0.rawValue, s("indicator.set_by." + $0.rawValue)) })
            for k in 1...form.parts {
                out += "<div class=\"rule-part\">\n"
                out += select(IndicatorForm.part(row, "k", k), label: s(k == 1 ? "indicator.field.rule" : "indicator.field.or"),
                              k == 1 ? kindLabels : [("", s("indicator.kind.no_more"))] + kindLabels.dropFirst())
                out += text(IndicatorForm.part(row, "a", k), label: s("indicator.field.a"), size: 8, decimal: true)
                out += text(IndicatorForm.part(row, "b", k), label: s("indicator.field.b"), size: 8, decimal: true)
                out += "</div>\n"
            }
            out += text(IndicatorForm.name(row, "note"), label: s("indicator.field.target_note"), wide: true)
            out += "</fieldset>\n"
        }
        out += "<p><button type=\"submit\" name=\"action\" value=\"more\">\(e(s("indicator.more")))</button></p>\n"
        let save = confirm.isEmpty ? s("indicator.save") : s("indicator.save_anyway")
        out += "<p><button type=\"submit\" name=\"action\" value=\"save\" data-busy=\"\(e(s("entry.saving")))\">\(e(save))</button> "
            + "<a href=\"/models/\(Page.pathComponent(modelID))/logic-model#indicator-forms\">\(e(s("imports.preview.cancel")))</a></p>\n</form>\n"
        return out
    }

    static func fieldID(_ name: String) -> String { "ind-" + name.replacingOccurrences(of: ".", with: "-") }

    /// A field's label in the error list: "Mål 2, period".
    static func label(_ name: String, s: WebStrings) -> String {
        guard name.hasPrefix("t"), let dot = name.firstIndex(of: "."), let row = Int(name.dropFirst().prefix(upTo: dot)) else {
            return s("indicator.field." + name)
        }
        let field = String(name[name.index(after: dot)...])
        let key: String
        switch field.first {
        case "k": key = field == "k1" ? "indicator.field.rule" : "indicator.field.or"
        case "a": key = "indicator.field.a"
        case "b": key = "indicator.field.b"
        default: key = field == "note" ? "indicator.field.target_note" : "indicator.field." + field
        }
        return s("indicator.target", ["n": "\(row + 1)"]) + ", " + s(key).lowercased()
    }

    /// Error names in the form's order.
    static func ordered(_ names: Dictionary<String, String>.Keys, form: IndicatorForm) -> [String] {
        var order = IndicatorForm.fields
        for row in 0..<form.rows {
            order += ["period", "set_by"].map { IndicatorForm.name(row, $0) }
            for k in 1...form.parts { order += ["k", "a", "b"].map { IndicatorForm.part(row, $0, k) } }
            order.append(IndicatorForm.name(row, "note"))
        }
        return order.filter { names.contains($0) }
    }
}
