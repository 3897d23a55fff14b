import LogicModel
import Periods
import Presentation

/// The indicators page's period picker: a plain GET form (works without script; the
/// button submits, nothing changes on selection alone — WCAG 3.2.2).
enum IndicatorsPage {
    static func picker(periods: [Period], chosen: Period?, modelID: String, language: Language) -> String {
        let s = WebStrings(language)
        let style = NumberStyle(language)
        guard !periods.isEmpty else { return "" }
        var out = "<form method=\"get\" action=\"/models/\(Page.pathComponent(modelID))/indicators\" class=\"inline\">\n"
        out += "<p><label for=\"period\">\(HTMLText.escape(s("indicators.period")))</label>\n<select id=\"period\" name=\"period\">\n"
        for p in periods.reversed() {
            out += "<option value=\"\(p.description)\"\(p == chosen ? " selected" : "")>\(HTMLText.escape(style.period(p)))</option>\n"
        }
        out += "</select></p>\n<p><button type=\"submit\">\(HTMLText.escape(s("indicators.show")))</button></p>\n</form>\n"
        return out
    }
}
