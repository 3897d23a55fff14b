import Foundation
import LogicModel
import Reports
import Store

/// The reports page: a form to make a report, the reports made so far, and one
/// report's settings, files and verification. Forms and links are the page's own
/// HTML; figures are never written here.
enum ReportsPage {
    enum DownloadFormat: String, Sendable {
        case html, docx, pdf, json

        init?(fileName: String) {
            guard fileName.hasPrefix("report."), let f = DownloadFormat(rawValue: String(fileName.dropFirst("report.".count))) else {
                return nil
            }
            self = f
        }

        var stored: ReportArchive.File {
            switch self {
            case .html, .pdf: .html
            case .docx: .docx
            case .json: .record
            }
        }

        var contentType: String {
            switch self {
            case .html: "text/html; charset=utf-8"
            case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            case .pdf: "application/pdf"
            case .json: "application/json"
            }
        }
    }

    static func kindName(_ kind: String, _ s: WebStrings) -> String { s("reports.kind." + kind) }

    static func title(_ r: ArchivedReport, _ s: WebStrings) -> String {
        kindName(r.kind, s) + (r.period.map { " " + $0 } ?? "")
    }

    /// A file name a person recognises: kind, model, period, date.
    static func fileName(_ r: ArchivedReport, format: DownloadFormat) -> String {
        let kind = ["steering": "lagesrapport", "tertial": "tertialrapport", "final": "slutrapport"][r.kind] ?? "rapport"
        let safe = { (t: String) in String(t.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" }) }
        return [kind, safe(r.modelID), r.period.map(safe), String(r.createdAt.prefix(10))].compactMap { $0 }.joined(separator: "-")
            + "." + format.rawValue
    }

    /// `canMake`: the form that makes a report, for whoever may (not a reader: a report is kept).
    static func body(modelID: String, reports: [ArchivedReport], form: ReportRoutes.ReportForm, error: String?,
                     csrf: String, s: WebStrings, language: Language, canMake: Bool = true) -> String {
        let e = HTMLText.escape
        let base = "/models/\(Page.pathComponent(modelID))/reports"
        var out = "<p class=\"lead\">\(e(s("reports.lead")))</p>\n"
        if canMake { out += makeForm(base: base, form: form, error: error, csrf: csrf, s: s) }
        out += made(reports, base: base, s: s, language: language)
        return out
    }

    static func makeForm(base: String, form: ReportRoutes.ReportForm, error: String?, csrf: String, s: WebStrings) -> String {
        let e = HTMLText.escape
        var out = "<h2 id=\"make\">\(e(s("reports.make")))</h2>\n"
        if let error {
            out += "<div class=\"callout callout-warning\" role=\"alert\" id=\"form-error\"><p class=\"callout-title\">\(e(s("reports.failed")))</p><p>\(e(error))</p></div>\n"
        }
        out += "<form method=\"post\" action=\"\(base)\" class=\"report-form\"\(error != nil ? " aria-describedby=\"form-error\"" : "")>\n"
        out += "<input type=\"hidden\" name=\"_csrf\" value=\"\(e(csrf))\">\n"
        out += "<p><label for=\"kind\">\(e(s("reports.kind")))</label>\n<select id=\"kind\" name=\"kind\">\n"
        for kind in ["steering", "tertial", "final"] {
            out += "<option value=\"\(kind)\"\(form.kind.rawValue == kind ? " selected" : "")>\(e(kindName(kind, s)))</option>\n"
        }
        out += "</select></p>\n"
        out += "<fieldset><legend>\(e(s("reports.language")))</legend>\n"
        for (value, label) in [("", s("reports.language.model")), ("sv", "Svenska"), ("en", "English")] {
            let checked = (form.language?.rawValue ?? "") == value
            out += "<label class=\"choice\"><input type=\"radio\" name=\"language\" value=\"\(value)\"\(checked ? " checked" : "")> \(e(label))</label>\n"
        }
        out += "</fieldset>\n<fieldset><legend>\(e(s("reports.audience")))</legend>\n"
        for audience in ["public", "internal"] {
            let checked = form.audience.rawValue == audience
            out += "<label class=\"choice\"><input type=\"radio\" name=\"audience\" value=\"\(audience)\"\(checked ? " checked" : "")> \(e(s("reports.audience." + audience)))</label>\n"
        }
        out += "</fieldset>\n"
        out += "<p><label for=\"period\">\(e(s("reports.period")))</label>\n<span class=\"hint\" id=\"period-hint\">\(e(s("reports.period.hint")))</span>\n"
        out += "<input id=\"period\" name=\"period\" value=\"\(e(form.period))\" aria-describedby=\"period-hint\" size=\"10\" autocomplete=\"off\"></p>\n"
        out += "<p><button type=\"submit\" data-busy=\"\(e(s("reports.busy")))\">\(e(s("reports.submit")))</button></p>\n</form>\n"
        return out
    }

    /// The reports made, with their files.
    static func made(_ reports: [ArchivedReport], base: String, s: WebStrings, language: Language) -> String {
        let e = HTMLText.escape
        var out = "<h2 id=\"made\">\(e(s("reports.made")))</h2>\n"
        guard !reports.isEmpty else { return out + "<p>\(e(s("reports.none")))</p>\n" }
        out += "<div class=\"table-block\"><table>\n<thead><tr>"
        for h in ["reports.col.made", "reports.col.report", "reports.col.language", "reports.col.audience", "reports.col.files"] {
            out += "<th scope=\"col\">\(e(s(h)))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for r in reports {
            let link = "\(base)/\(r.id)"
            out += "<tr><td>\(e(shownTime(r.createdAt)))</td>"
            out += "<th scope=\"row\"><a href=\"\(link)\">\(e(title(r, s)))</a></th>"
            out += "<td>\(r.language == "sv" ? "Svenska" : "English")</td><td>\(e(s("reports.audience.short." + r.audience)))</td>"
            out += "<td>" + downloadLinks(link, r, s) + "</td></tr>\n"
        }
        return out + "</tbody>\n</table></div>\n"
    }

    static func downloadLinks(_ link: String, _ r: ArchivedReport, _ s: WebStrings) -> String {
        let name = title(r, s)
        return [("html", s("reports.view")), ("docx", "DOCX"), ("pdf", "PDF"), ("json", "JSON")].map { format, label in
            "<a href=\"\(link)/report.\(format)\" aria-label=\"\(HTMLText.escape(label + ": " + name + ", " + shownTime(r.createdAt)))\">\(HTMLText.escape(label))</a>"
        }.joined(separator: " · ")
    }

    static func detail(_ r: ArchivedReport, verification: ReportVerifier.Outcome?, csrf: String, s: WebStrings,
                       language: Language) -> String {
        let e = HTMLText.escape
        let link = "/models/\(Page.pathComponent(r.modelID))/reports/\(r.id)"
        var out = "<dl class=\"settings\">\n"
        func row(_ label: String, _ value: String, code: Bool = false) {
            out += "<dt>\(e(s(label)))</dt><dd>\(code ? "<code>\(e(value))</code>" : e(value))</dd>\n"
        }
        row("reports.col.made", shownTime(r.createdAt))
        row("reports.col.language", r.language == "sv" ? "Svenska" : "English")
        row("reports.col.audience", s("reports.audience." + r.audience))
        row("reports.period", r.period ?? s("start.none"))
        row("reports.model_version", "\(r.modelVersion)")
        row("reports.sha.html", r.htmlSHA256, code: true)
        row("reports.sha.docx", r.docxSHA256, code: true)
        row("reports.sha.record", r.recordSHA256, code: true)
        out += "</dl>\n"
        out += "<h2>\(e(s("reports.files")))</h2>\n<p>\(downloadLinks(link, r, s))</p>\n"
        out += "<h2>\(e(s("reports.verify")))</h2>\n<p>\(e(s("reports.verify.lead")))</p>\n"
        if let v = verification {
            if v.differences.isEmpty {
                out += "<div class=\"callout\" role=\"status\"><p>\(e(s("reports.verify.ok", ["n": "\(v.figuresChecked)"])))</p></div>\n"
            } else {
                out += "<div class=\"callout callout-warning\" role=\"status\"><p class=\"callout-title\">"
                    + e(s("reports.verify.differ", ["n": "\(v.differences.count)", "of": "\(v.figuresChecked)"])) + "</p>\n<ul>\n"
                out += v.differences.prefix(50).map { "<li>\(e($0.description))</li>\n" }.joined()
                out += "</ul></div>\n"
            }
        }
        out += "<form method=\"post\" action=\"\(link)/verify\">\n<input type=\"hidden\" name=\"_csrf\" value=\"\(e(csrf))\">\n"
        out += "<button type=\"submit\" data-busy=\"\(e(s("reports.busy.verify")))\">\(e(s("reports.verify.submit")))</button>\n</form>\n"
        out += "<p><a href=\"/models/\(Page.pathComponent(r.modelID))/reports\">\(e(s("reports.back")))</a></p>\n"
        return out
    }

    /// "2026-12-06 21:57" from the stored ISO time (UTC).
    static func shownTime(_ iso: String) -> String {
        String(iso.prefix(16)).replacingOccurrences(of: "T", with: " ") + " UTC"
    }
}
