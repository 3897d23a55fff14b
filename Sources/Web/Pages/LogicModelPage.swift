import Evaluation
import LogicModel
import Presentation
import Store

/// The logic model page's own part, after the final report's logic-model section
/// (diagram and logframe): the diagram at full size as its own file (the browser zooms
/// it), and the stored versions with a form to compare two of them.
enum LogicModelPage {
    static func versions(_ versions: [StoredDocument], modelID: String, from: Int?, to: Int?, canEdit: Bool = true,
                         language: Language) -> PageContent {
        let s = WebStrings(language)
        let e = HTMLText.escape
        let base = "/models/\(Page.pathComponent(modelID))/logic-model"
        var out = "<p><a href=\"\(base).svg\">\(e(s("model.diagram")))</a>"
            + (canEdit ? " · <a href=\"\(base)/edit\">\(e(s("editor.link")))</a>" : "") + "</p>\n"
        out += "<h2 id=\"versions\">\(e(s("model.versions")))</h2>\n"
        let rows: [[TableBlock.Cell]] = versions.sorted { $0.version > $1.version }.map { v in
            [TableBlock.Cell("\(v.version)", isRowHeader: true), TableBlock.Cell(ReportsPage.shownTime(v.addedAt)),
             TableBlock.Cell(String(v.sha256.prefix(12)))]
        }
        let header: [TableBlock.Cell] = ["model.version", "model.added", "model.checksum"].map { TableBlock.Cell(s($0)) }
        var table = TableBlock(header: [header], rows: rows)
        table.alignments = [.right, .left, .left]
        var content = PageContent([.html(out), .blocks([.table(table)])])
        guard versions.count >= 2 else {
            content.html("<p>\(e(s("model.one_version")))</p>\n")
            return content
        }
        let latest = versions.map(\.version).max() ?? 1
        let chosenTo = to ?? latest, chosenFrom = from ?? (chosenTo - 1)
        out = "<h2 id=\"compare\">\(e(s("model.compare")))</h2>\n"
        out += "<form method=\"get\" action=\"\(base)#compare\" class=\"inline\">\n"
        for (name, label, chosen) in [("from", s("model.from"), chosenFrom), ("to", s("model.to"), chosenTo)] {
            out += "<p><label for=\"\(name)\">\(e(label))</label>\n<select id=\"\(name)\" name=\"\(name)\">\n"
            for v in versions.map(\.version).sorted(by: >) {
                out += "<option value=\"\(v)\"\(v == chosen ? " selected" : "")>\(e(s("model.version"))) \(v)</option>\n"
            }
            out += "</select></p>\n"
        }
        out += "<p><button type=\"submit\">\(e(s("model.compare.submit")))</button></p>\n</form>\n"
        content.html(out)
        return content
    }
}
