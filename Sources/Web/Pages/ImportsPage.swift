import Evaluation
import LogicModel
import Presentation
import Reports
import Store

/// The imports page: every file loaded for a model — its indicator values and case
/// extracts, the survey waves and improvement measures it reads — and what each brought.
enum ImportsPage {
    /// The imports whose rows a model reads: its own (indicator values, case extracts),
    /// and those of the instruments and measures its indicators are bound to. A survey
    /// import's target is "instrument wave", so the first word is what is matched.
    static func related(_ imports: [ImportRecord], to model: LogicModel) -> [ImportRecord] {
        var targets: Set<String> = [model.id]
        for indicator in model.indicators {
            switch indicator.data {
            case .readinessItem(let instrument, _), .readinessSubscale(let instrument, _): targets.insert(instrument)
            case .measure(let id): targets.insert(id)
            default: break
            }
        }
        return imports.filter { record in
            guard let target = record.target, let first = target.split(separator: " ").first else { return false }
            return targets.contains(String(first))
        }
    }

    /// What an import is for, by name: the model, the survey instrument (with its wave),
    /// the improvement measure as the reports name it — never the internal key.
    static func targetNames(_ db: Database, model: LogicModel) -> [String: String] {
        var names = [model.id: model.name]
        for indicator in model.indicators {
            switch indicator.data {
            case .readinessItem(let id, _), .readinessSubscale(let id, _):
                names[id] = (try? InstrumentCatalog(db).resolve(id).name) ?? id
            case .measure(let id):
                names[id] = RunChartSection.measureName(id, model: model)
            default: break
            }
        }
        return names
    }

    static func blocks(_ imports: [ImportRecord], all: Int, names: [String: String] = [:], language: Language) -> [Block] {
        let s = WebStrings(language)
        let style = NumberStyle(language)
        guard !imports.isEmpty else { return [.paragraph(RichText(s("imports.none")))] }
        let header: [TableBlock.Cell] = ["imports.col.when", "imports.col.kind", "imports.col.file", "imports.col.what", "imports.col.rows"]
            .map { TableBlock.Cell(s($0)) }
        let rows: [[TableBlock.Cell]] = imports.sorted { $0.id > $1.id }.map { r in
            [TableBlock.Cell(ReportsPage.shownTime(r.startedAt)),
             TableBlock.Cell(s("imports.kind." + r.kind)),
             TableBlock.Cell(r.fileName, isRowHeader: true),
             TableBlock.Cell(r.target.map { target in
                 // "instrument wave" for a survey: the instrument's name, then the wave.
                 let parts = target.split(separator: " ", maxSplits: 1).map(String.init)
                 return ([names[parts[0]] ?? parts[0]] + parts.dropFirst()).joined(separator: ", ")
             } ?? ""),
             TableBlock.Cell(style.integer(r.rowCount))]
        }
        var table = TableBlock(header: [header], rows: rows)
        table.alignments = [.left, .left, .left, .left, .right]
        var blocks: [Block] = [.table(table)]
        if all > imports.count {
            blocks.append(.paragraph(RichText(s("imports.others", ["n": style.integer(all - imports.count)]))))
        }
        return blocks
    }
}

/// The imports page's forms: upload a file of indicator values (previewed before it is
/// imported), confirm a previewed file, undo an import. Plain forms; each names its
/// purpose in a label and carries the session's CSRF token.
extension ImportsPage {
    static func uploadForm(modelID: String, csrf: String, s: WebStrings) -> String {
        let e = HTMLText.escape
        return """
        <h2 id="upload">\(e(s("imports.upload")))</h2>
        <p>\(e(s("imports.upload.lead")))</p>
        <form method="post" action="/models/\(Page.pathComponent(modelID))/imports/preview" enctype="multipart/form-data">
        <input type="hidden" name="_csrf" value="\(e(csrf))">
        <p><label for="file">\(e(s("imports.upload.file")))</label>
        <span class="hint" id="file-hint">\(e(s("imports.upload.hint")))</span>
        <input type="file" id="file" name="file" accept=".csv,text/csv" required aria-describedby="file-hint"></p>
        <p><button type="submit" data-busy="\(e(s("imports.upload.busy")))">\(e(s("imports.upload.submit")))</button></p>
        </form>

        """
    }

    static func undoForm(_ imports: [ImportRecord], modelID: String, csrf: String, s: WebStrings) -> String {
        guard !imports.isEmpty else { return "" }
        let e = HTMLText.escape
        var out = "<h2 id=\"undo\">\(e(s("imports.undo")))</h2>\n<p>\(e(s("imports.undo.lead")))</p>\n"
        out += "<form method=\"post\" action=\"/models/\(Page.pathComponent(modelID))/imports/undo\">\n"
        out += "<input type=\"hidden\" name=\"_csrf\" value=\"\(e(csrf))\">\n"
        out += "<p><label for=\"import\">\(e(s("imports.undo.which")))</label>\n<select id=\"import\" name=\"import\">\n"
        for r in imports.sorted(by: { $0.id > $1.id }) {
            out += "<option value=\"\(r.id)\">\(e(r.fileName)) – \(e(s("imports.kind." + r.kind))), \(e(ReportsPage.shownTime(r.startedAt)))</option>\n"
        }
        out += "</select></p>\n<p><button type=\"submit\">\(e(s("imports.undo.submit")))</button></p>\n</form>\n"
        return out
    }

    /// What a previewed file would do, and the button that imports it; or why it was refused.
    static func preview(_ preview: IndicatorUpload.Preview?, errors: [String], uploadID: String?, modelID: String,
                        csrf: String, s: WebStrings) -> String {
        let e = HTMLText.escape
        var out = ""
        if let preview {
            out += "<div class=\"callout\" role=\"status\"><p>\(e(s("imports.preview.ok", ["file": preview.fileName, "rows": "\(preview.rows)", "indicators": "\(preview.indicators.count)", "periods": preview.periods.joined(separator: ", ")])))</p></div>\n"
            if !preview.warnings.isEmpty {
                out += "<h2>\(e(s("imports.preview.warnings")))</h2>\n<ul>\n" + preview.warnings.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
            }
            if let uploadID {
                out += "<form method=\"post\" action=\"/models/\(Page.pathComponent(modelID))/imports/confirm\">\n"
                out += "<input type=\"hidden\" name=\"_csrf\" value=\"\(e(csrf))\">\n<input type=\"hidden\" name=\"upload\" value=\"\(e(uploadID))\">\n"
                out += "<p><button type=\"submit\">\(e(s("imports.preview.confirm")))</button> <a href=\"/models/\(Page.pathComponent(modelID))/imports\">\(e(s("imports.preview.cancel")))</a></p>\n</form>\n"
            }
        } else {
            out += "<div class=\"callout callout-warning\" role=\"alert\"><p class=\"callout-title\">\(e(s("imports.preview.refused", ["n": "\(errors.count)"])))</p>\n<ul>\n"
            out += errors.prefix(50).map { "<li>\(e($0))</li>\n" }.joined()
            out += "</ul></div>\n<p><a href=\"/models/\(Page.pathComponent(modelID))/imports#upload\">\(e(s("imports.preview.again")))</a></p>\n"
        }
        return out
    }
}
