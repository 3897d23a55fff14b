import Evaluation
import LogicModel
import Presentation
import Reports
import Store

/// The imports page: every file loaded for a model — its indicator values and case
/// extracts, the survey waves and improvement measures it reads — and what each brought.
enum ImportsPage {
    /// The imports whose rows a model reads: its own (indicator values, case extracts),
    /// those of the instruments and measures its indicators are bound to, and those of
    /// the measures its improvement page shows (`measures`, `PDSACatalog.measures(of:)`).
    /// A survey import's target is "instrument wave", so the first word is what is matched.
    static func related(_ imports: [ImportRecord], to model: LogicModel, measures: [String] = []) -> [ImportRecord] {
        var targets: Set<String> = [model.id]
        targets.formUnion(measures)
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
    static func targetNames(_ db: Database, model: LogicModel, measures: [String] = []) -> [String: String] {
        var names = [model.id: model.name]
        let titles = Dictionary(((try? MeasureTable(db).list()) ?? []).compactMap { m in m.title.map { (m.measure, $0) } },
                                uniquingKeysWith: { a, _ in a })
        for m in measures { names[m] = RunChartSection.measureName(m, title: titles[m], model: model) }
        for indicator in model.indicators {
            switch indicator.data {
            case .readinessItem(let id, _), .readinessSubscale(let id, _):
                names[id] = (try? InstrumentCatalog(db).resolve(id).name) ?? id
            case .measure(let id):
                names[id] = RunChartSection.measureName(id, title: titles[id], model: model)
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

/// The imports page's forms: upload a file of each kind the model reads (previewed
/// before it is imported), confirm a previewed file, undo an import. Plain forms, one
/// per kind; each names its purpose in a heading and labels, carries the session's CSRF
/// token, and comes back with what the person chose when the preview refuses the file.
extension ImportsPage {
    /// Which upload forms a model's page offers, and their choices.
    struct UploadChoices: Sendable {
        /// Indicators with hand-entered values.
        var indicators = false
        /// The model names its pilot cohort (`cohorts.pilot`).
        var cases = false
        /// The server has a pseudonymisation key (`serve --key-file`).
        var hasKey = false
        /// Survey instruments the model's indicators read: id and name.
        var instruments: [(id: String, name: String)] = []
        /// Measures the model reads or the database holds: ids, for the suggestion list.
        var measures: [String] = []

        init() {}

        init(_ db: Database, model: LogicModel, hasKey: Bool) {
            indicators = model.indicators.contains { $0.data == nil }
            cases = model.cohorts?.pilot != nil
            self.hasKey = hasKey
            var instrumentIDs: [String] = [], measureIDs: [String] = []
            for indicator in model.indicators {
                switch indicator.data {
                case .readinessItem(let id, _), .readinessSubscale(let id, _):
                    if !instrumentIDs.contains(id) { instrumentIDs.append(id) }
                case .measure(let id):
                    if !measureIDs.contains(id) { measureIDs.append(id) }
                default: break
                }
            }
            instruments = instrumentIDs.map { id in (id, (try? InstrumentCatalog(db).resolve(id).name) ?? id) }
            for m in (try? MeasureTable(db).list()) ?? [] where !measureIDs.contains(m.measure) { measureIDs.append(m.measure) }
            measures = measureIDs
        }
    }

    /// Every upload form the model offers; `kind` and `values` refill the one a refused
    /// preview came from, `invalid` marks its field.
    static func uploadForms(_ choices: UploadChoices, modelID: String, csrf: String, s: WebStrings,
                            kind: String? = nil, values: [String: String] = [:], invalid: UploadRequest.Invalid? = nil) -> String {
        var out = ""
        func form(_ k: String) -> String {
            uploadForm(k, choices, modelID: modelID, csrf: csrf, s: s, values: k == kind ? values : [:],
                       invalid: k == kind ? invalid : nil)
        }
        if choices.indicators { out += form(IndicatorImporter.kind) }
        if choices.cases { out += form(CaseImporter.kind) }
        if !choices.instruments.isEmpty { out += form(ReadinessImporter.kind) }
        out += form("measures")
        return out
    }

    static func uploadForm(_ kind: String, _ choices: UploadChoices, modelID: String, csrf: String, s: WebStrings,
                           values: [String: String], invalid: UploadRequest.Invalid?) -> String {
        let e = HTMLText.escape
        let heading: String, lead: String
        switch kind {
        case IndicatorImporter.kind: (heading, lead) = (s("imports.upload"), s("imports.upload.lead"))
        case CaseImporter.kind: (heading, lead) = (s("imports.upload.cases"), s("imports.upload.cases.lead"))
        case ReadinessImporter.kind: (heading, lead) = (s("imports.upload.readiness"), s("imports.upload.readiness.lead"))
        default: (heading, lead) = (s("imports.upload.measures"), s("imports.upload.measures.lead"))
        }
        // The first form keeps the id the page has always linked to.
        let anchor = kind == IndicatorImporter.kind ? "upload" : "upload-\(kind)"
        var out = "<h2 id=\"\(anchor)\">\(e(heading))</h2>\n<p>\(e(lead))</p>\n"
        if kind == CaseImporter.kind, !choices.hasKey {
            out += "<p class=\"callout\">\(e(s("imports.upload.cases.nokey")))</p>\n"
        }
        out += "<form method=\"post\" action=\"/models/\(Page.pathComponent(modelID))/imports/preview\" enctype=\"multipart/form-data\">\n"
        out += "<input type=\"hidden\" name=\"_csrf\" value=\"\(e(csrf))\">\n<input type=\"hidden\" name=\"kind\" value=\"\(e(kind))\">\n"
        /// A labelled field with its hint, marked and described when it is the one in error.
        func field(_ name: String, label: String, hint: String? = nil, control: (String, String) -> String) -> String {
            let id = "\(name)-\(kind)"
            var described: [String] = []
            var html = "<p><label for=\"\(id)\">\(e(label))</label>\n"
            if let hint {
                html += "<span class=\"hint\" id=\"\(id)-hint\">\(e(hint))</span>\n"
                described.append("\(id)-hint")
            }
            if invalid?.field == name {
                html += "<span class=\"field-error\" id=\"\(id)-error\">\(e(s("imports.field." + name)))</span>\n"
                described.append("\(id)-error")
            }
            var attributes = described.isEmpty ? "" : " aria-describedby=\"\(described.joined(separator: " "))\""
            if invalid?.field == name { attributes += " aria-invalid=\"true\"" }
            return html + control(id, attributes) + "</p>\n"
        }
        func text(_ name: String, label: String, hint: String? = nil, required: Bool = false, list: String? = nil) -> String {
            field(name, label: label, hint: hint) { id, attributes in
                "<input type=\"text\" id=\"\(id)\" name=\"\(name)\" value=\"\(e(values[name] ?? ""))\"\(required ? " required" : "")"
                    + (list.map { " list=\"\($0)\"" } ?? "") + "\(attributes)>\n"
            }
        }
        out += field("file", label: s("imports.upload.file"), hint: s("imports.upload.hint")) { id, attributes in
            "<input type=\"file\" id=\"\(id)\" name=\"file\" accept=\".csv,text/csv\" required\(attributes)>\n"
        }
        switch kind {
        case CaseImporter.kind:
            out += text("extract_date", label: s("imports.upload.extract_date"), hint: s("imports.upload.extract_date.hint"))
            out += field("mapping", label: s("imports.upload.mapping"), hint: s("imports.upload.mapping.hint")) { id, attributes in
                "<input type=\"file\" id=\"\(id)\" name=\"mapping\" accept=\".yaml,.yml\"\(attributes)>\n"
            }
        case ReadinessImporter.kind:
            out += field("instrument", label: s("imports.upload.instrument")) { id, attributes in
                "<select id=\"\(id)\" name=\"instrument\"\(attributes)>\n" + choices.instruments.map { i in
                    "<option value=\"\(e(i.id))\"\(values["instrument"] == i.id ? " selected" : "")>\(e(i.name))</option>\n"
                }.joined() + "</select>\n"
            }
            out += text("wave", label: s("imports.upload.wave"), hint: s("imports.upload.wave.hint"), required: true)
            let checked = ["1", "on", "true"].contains(values["aggregated"] ?? "") ? " checked" : ""
            out += "<p><input type=\"checkbox\" id=\"aggregated-\(kind)\" name=\"aggregated\" value=\"1\"\(checked)>\n"
                + "<label for=\"aggregated-\(kind)\">\(e(s("imports.upload.aggregated")))</label></p>\n"
        case "measures":
            out += text("measure", label: s("imports.upload.measure"), hint: s("imports.upload.measure.hint"), required: true,
                        list: choices.measures.isEmpty ? nil : "measures-known")
            if !choices.measures.isEmpty {
                out += "<datalist id=\"measures-known\">\n" + choices.measures.map { "<option value=\"\(e($0))\">\n" }.joined() + "</datalist>\n"
            }
            out += text("value", label: s("imports.upload.value"), hint: s("imports.upload.columns.hint"))
            out += text("denominator", label: s("imports.upload.denominator"))
        default: break
        }
        out += "<p><button type=\"submit\" data-busy=\"\(e(s("imports.upload.busy")))\">\(e(s("imports.upload.submit")))</button></p>\n</form>\n"
        return out
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

    /// What a previewed file would do, and the button that imports it; or why it was
    /// refused, with the form again (what the person chose kept; the file must be chosen again).
    static func preview(_ preview: UploadPreview?, errors: [String], uploadID: String?, modelID: String,
                        csrf: String, s: WebStrings, form: String = "") -> String {
        let e = HTMLText.escape
        var out = ""
        if let preview {
            out += "<div class=\"callout\" role=\"status\">" + sentences(preview, s).map { "<p>\(e($0))</p>" }.joined() + "</div>\n"
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
            out += "</ul></div>\n"
            out += form.isEmpty ? "<p><a href=\"/models/\(Page.pathComponent(modelID))/imports#upload\">\(e(s("imports.preview.again")))</a></p>\n" : form
        }
        return out
    }

    /// The preview in words, for each kind.
    static func sentences(_ preview: UploadPreview, _ s: WebStrings) -> [String] {
        switch preview {
        case .indicators(let p):
            return [s("imports.preview.ok", ["file": p.fileName, "rows": "\(p.rows)", "indicators": "\(p.indicators.count)",
                                             "periods": p.periods.joined(separator: ", ")])]
        case .cases(let p):
            var out = [s("imports.preview.ok.cases", ["file": p.fileName, "rows": "\(p.rows)", "pilot": "\(p.pilotRows)",
                                                     "line": "\(p.lineRows)", "date": p.extractDate])]
            if !p.identityColumns.isEmpty {
                out.append(s("imports.preview.identity", ["columns": p.identityColumns.joined(separator: ", "), "n": "\(p.pseudonymised)"]))
            }
            return out
        case .readiness(let p):
            return [s("imports.preview.ok.readiness", ["file": p.fileName, "rows": "\(p.rows)", "units": p.units.joined(separator: ", "),
                                                       "wave": p.wave])]
        case .measures(let p):
            return [s("imports.preview.ok.measures", ["file": p.fileName, "rows": "\(p.rows)", "measure": p.measure,
                                                      "first": p.first, "last": p.last])]
        }
    }
}
