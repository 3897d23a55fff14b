import LogicModel
import Presentation

/// The logic model's editor (issue 23): the model's YAML in a text area, checked by the
/// same decoder as `model add` — with the page's script as you type, and by the
/// Kontrollera button without it — its errors and warnings listed by line (with the
/// decoder's "did you mean"), the diagram of the checked text beside, and Spara, which
/// stores a new version and shows what changed against the one before.
enum ModelEditorPage {
    struct Check: Sendable {
        var diagnostics: [Diagnostic] = []
        /// The diagram of the text as checked, when it decodes.
        var svg: String? = nil
    }

    static func body(text: String, version: Int, check: Check?, general: [String], modelID: String, csrf: String,
                     s: WebStrings) -> String {
        let e = HTMLText.escape
        let base = "/models/\(Page.pathComponent(modelID))/logic-model"
        var out = "<p class=\"lead\">\(e(s("editor.lead")))</p>\n"
        if !general.isEmpty {
            out += "<div class=\"callout callout-warning\" role=\"alert\"><ul>\n" + general.map { "<li>\(e($0))</li>\n" }.joined() + "</ul></div>\n"
        }
        out += "<div class=\"editor\">\n<form method=\"post\" action=\"\(base)/edit\" class=\"editor-form\" data-check=\"\(base)/check\">\n"
        out += "<input type=\"hidden\" name=\"_csrf\" value=\"\(e(csrf))\">\n<input type=\"hidden\" name=\"version\" value=\"\(version)\">\n"
        out += "<p><label for=\"model-yaml\">\(e(s("editor.text")))</label>\n"
            + "<span class=\"hint\" id=\"model-yaml-hint\">\(e(s("editor.hint")))</span>\n"
            + "<textarea id=\"model-yaml\" name=\"yaml\" rows=\"30\" cols=\"80\" spellcheck=\"false\" wrap=\"off\" class=\"code\""
            + " aria-describedby=\"model-yaml-hint model-diagnostics\">\(e(text))</textarea></p>\n"
        out += "<p><button type=\"submit\" name=\"action\" value=\"check\">\(e(s("editor.check")))</button> "
            + "<button type=\"submit\" name=\"action\" value=\"save\" data-busy=\"\(e(s("entry.saving")))\">\(e(s("editor.save")))</button> "
            + "<a href=\"\(base)\">\(e(s("imports.preview.cancel")))</a></p>\n</form>\n"
        out += "<div class=\"editor-side\">\n<h2>\(e(s("editor.problems")))</h2>\n"
        out += "<div id=\"model-diagnostics\" aria-live=\"polite\">\(diagnostics(check, s: s))</div>\n"
        out += "<h2>\(e(s("editor.diagram")))</h2>\n<div id=\"model-diagram\" class=\"diagram\">\(check?.svg ?? "")</div>\n</div>\n</div>\n"
        return out
    }

    /// The checked text's errors and warnings, in file order, or a sentence that it is fine.
    static func diagnostics(_ check: Check?, s: WebStrings) -> String {
        let e = HTMLText.escape
        guard let check else { return "<p>\(e(s("editor.unchecked")))</p>" }
        if check.diagnostics.isEmpty { return "<p>\(e(s("editor.ok")))</p>" }
        return "<ul class=\"diagnostics\">" + check.diagnostics.map { d in
            let kind = d.severity == .error ? s("editor.error") : s("editor.warning")
            return "<li class=\"\(d.severity.rawValue)\"><strong>\(e(kind)), \(e(s("editor.line", ["line": "\(d.location.line)", "column": "\(d.location.column)"])))</strong>: "
                + "<span\(s.englishMark)>\(e(d.message))</span></li>"
        }.joined() + "</ul>"
    }
}
