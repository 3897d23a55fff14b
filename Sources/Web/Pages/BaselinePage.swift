import Presentation

/// The baselines of the improvement page (below the run charts, for whoever may change
/// the pilot): per measure, the last point of the baseline its centre line and limits
/// come from — the same setting as `piloteval measures baseline`, which the reports, the
/// pages and the CLI read alike. A select of the measure's points, so no date is typed
/// wrong; the first and last points are not offered (a baseline needs two points and
/// one after it).
enum BaselinePage {
    struct Measure: Sendable {
        var id: String
        var name: String
        /// The points as the file wrote them, with their dates.
        var points: [(label: String, date: String)]
        /// The date of the baseline's last point; nil when none is set.
        var through: String?
    }

    static func forms(_ measures: [Measure], modelID: String, csrf: String, s: WebStrings) -> String {
        guard !measures.isEmpty else { return "" }
        let e = HTMLText.escape
        var out = "<h2 id=\"baselines\">\(e(s("baseline.heading")))</h2>\n<p>\(e(s("baseline.lead")))</p>\n"
        for m in measures where m.points.count >= 3 {
            let id = "baseline-" + Page.pathComponent(m.id)
            out += "<form method=\"post\" action=\"/models/\(Page.pathComponent(modelID))/measures/\(Page.pathComponent(m.id))/baseline\">\n"
            out += "<input type=\"hidden\" name=\"_csrf\" value=\"\(e(csrf))\">\n"
            out += "<p><label for=\"\(id)\">\(e(s("baseline.label", ["measure": m.name])))</label>\n"
            out += "<select id=\"\(id)\" name=\"through\">\n"
            out += "<option value=\"\"\(m.through == nil ? " selected" : "")>\(e(s("baseline.none")))</option>\n"
            for p in m.points.dropFirst().dropLast() {
                out += "<option value=\"\(e(p.date))\"\(m.through == p.date ? " selected" : "")>\(e(p.label))</option>\n"
            }
            out += "</select>\n<button type=\"submit\" data-busy=\"\(e(s("entry.saving")))\">\(e(s("baseline.save")))</button></p>\n</form>\n"
        }
        return out
    }
}
