import Evaluation
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import LogicModel
import Periods
import Presentation
import Reports
import Store

/// Reports in the browser (issue 22): generate the steering brief, the tertial report
/// or the final report in Swedish or English, keep each in the database with its
/// settings and hashes, view it, download it as DOCX, PDF or JSON, and verify it
/// against the data as it is now.
struct ReportRoutes: Sendable {
    let services: WebServer.Services

    func register(on router: Router<WebContext>) {
        router.get("/models/:id/reports") { request, context in
            try await listPage(request, context, form: ReportForm(), error: nil, status: .ok)
        }
        router.post("/models/:id/reports") { request, context in try await generate(request, context) }
        router.get("/models/:id/reports/:report") { request, context in try await reportPage(request, context, verification: nil) }
        router.post("/models/:id/reports/:report/verify") { request, context in try await verify(request, context) }
        router.get("/models/:id/reports/:report/:file") { request, context in try await download(request, context) }
        router.get("/api/v1/reports") { request, context in
            let model = request.uri.queryParameters.get("model")
            let user = context.user
            let listing = try await services.data.read { db in
                // An account lists the reports of its pilots, internal ones only with the internal audience.
                try ReportArchive(db).list(modelID: model).filter { r in
                    user.map { $0.sees(r.modelID) && ($0.seesInternal(r.modelID) || r.audience == Audience.public.rawValue) } ?? true
                }.map(ReportListing.init)
            }
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try ResultJSON.data(listing))))
        }
    }

    /// What the person chose in the form; kept when generating fails.
    struct ReportForm: Sendable {
        var kind = ReportKind.steering
        var language: Language?
        var audience = Audience.public
        var period = ""
    }

    func listPage(_ request: Request, _ context: WebContext, form: ReportForm, error: String?,
                  status: HTTPResponse.Status) async throws -> Response {
        let id = try modelID(context)
        let shown = Self.shown(context, pilot: id)
        let (model, reports) = try await services.data.read { db -> (PageModel, [ArchivedReport]) in
            (PageModel(try ModelCatalog(db).resolve(id)), try ReportArchive(db).list(modelID: id).filter(shown))
        }
        let s = WebStrings(context.language)
        let body = ReportsPage.body(modelID: id, reports: reports, form: form, error: error,
                                    csrf: context.session?.csrfToken ?? "", s: s, language: context.language,
                                    canMake: context.may(.editor, on: id))
        var page = Page(title: s("nav.reports"), language: context.language, body: body, session: context.session,
                        model: model, current: "reports", path: request.uri.path)
        page.readOnly = !context.may(.editor, on: id)
        return page.response(status: status)
    }

    func generate(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try modelID(context)
        let body = try await request.body.collect(upTo: 64 * 1024)
        let fields = FormFields(String(buffer: body))
        let s = WebStrings(context.language)
        var form = ReportForm()
        form.kind = fields["kind"].flatMap(ReportKind.init(rawValue:)) ?? .steering
        form.language = fields["language"].flatMap(Language.init(rawValue:))
        form.audience = fields["audience"].flatMap(Audience.init(rawValue:)) ?? .public
        form.period = (fields["period"] ?? "").trimmingCharacters(in: .whitespaces)
        var period: Period?
        if !form.period.isEmpty {
            guard let p = Period(parsing: form.period) else {
                return try await listPage(request, context, form: form, error: s("error.period", ["period": form.period]),
                                          status: .badRequest)
            }
            period = p
        }
        let toolVersion = services.configuration.toolVersion
        let chosen = form, chosenPeriod = period
        do {
            // Built on a reader (seconds for a final report), stored in a short write.
            let made = try await services.data.read { db in
                try ReportGeneration.make(db, modelID: id, kind: chosen.kind, language: chosen.language, audience: chosen.audience,
                                          period: chosenPeriod, toolVersion: toolVersion)
            }
            let actor = context.actor
            let stored = try await services.data.write { db in
                let stored = try made.store(db)
                try ChangeLog(db).record(actor: actor, action: "report", modelID: id, subject: "report \(stored.id)",
                                         detail: "\(chosen.kind.rawValue), \(chosen.audience.rawValue)")
                return stored
            }
            return Response.redirect(to: "/models/\(Page.pathComponent(id))/reports/\(stored.id)", type: .normal)
        } catch let error as ReportRequestError {
            return try await listPage(request, context, form: form, error: error.description, status: .unprocessableContent)
        } catch let error as CatalogError {
            throw WebError.notFound(error.message)
        }
    }

    func reportPage(_ request: Request, _ context: WebContext, verification: ReportVerifier.Outcome?) async throws -> Response {
        let id = try modelID(context)
        let number = try reportNumber(context)
        let (model, report) = try await services.data.read { db -> (PageModel, ArchivedReport?) in
            (PageModel(try ModelCatalog(db).resolve(id)), try ReportArchive(db).report(number))
        }
        let s = WebStrings(context.language)
        guard let report, report.modelID == id, Self.shown(context, pilot: id)(report) else { throw WebError.notFound(s("error.not_found")) }
        let body = ReportsPage.detail(report, verification: verification, csrf: context.session?.csrfToken ?? "",
                                      s: s, language: context.language)
        return Page(title: ReportsPage.title(report, s), language: context.language, body: body, session: context.session,
                    model: model, current: "reports", path: request.uri.path).response()
    }

    func verify(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try modelID(context)
        let number = try reportNumber(context)
        let outcome = try await services.data.read { db -> ReportVerifier.Outcome? in
            guard let report = try ReportArchive(db).report(number), report.modelID == id,
                  let data = try ReportArchive(db).file(number, .record) else { return nil }
            return try ReportVerifier.verify(try JSONWriter.read(data, name: "report \(number)"), database: db)
        }
        guard let outcome else { throw WebError.notFound(WebStrings(context.language)("error.not_found")) }
        return try await reportPage(request, context, verification: outcome)
    }

    func download(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try modelID(context)
        let number = try reportNumber(context)
        let s = WebStrings(context.language)
        guard let requested = context.parameters.get("file"),
              let format = ReportsPage.DownloadFormat(fileName: requested) else { throw WebError.notFound(s("error.not_found")) }
        let found = try await services.data.read { db -> (ArchivedReport, Data)? in
            guard let report = try ReportArchive(db).report(number), report.modelID == id,
                  let data = try ReportArchive(db).file(number, format.stored) else { return nil }
            return (report, data)
        }
        guard let (report, stored) = found, Self.shown(context, pilot: id)(report) else { throw WebError.notFound(s("error.not_found")) }
        if let user = context.user {
            try await services.data.logAccess { db in
                try AccessLog(db).record(user: user.name, action: "download", pilot: id, what: "report \(number) (\(report.kind), \(report.audience)) as \(format.stored)")
            }
        }
        var data = stored
        if format == .pdf {
            do {
                let executable = try PDFWriter.find().executable
                let html = String(decoding: stored, as: UTF8.self)
                data = try await services.data.blocking { try PDFWriter(executable: executable).write(html: html) }
            } catch let error as PDFError {
                services.configuration.log("pdf: \(error.message)")
                throw WebError.unavailable(s("reports.pdf_unavailable"))
            }
        }
        var headers = HTTPFields()
        headers[.contentType] = format.contentType
        let fileName = ReportsPage.fileName(report, format: format)
        headers[.contentDisposition] = (format == .html ? "inline" : "attachment") + "; filename=\"\(fileName)\""
        if format == .html {
            // The stored report is one self-contained file with its CSS inline and no script.
            headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    func modelID(_ context: WebContext) throws -> String { try context.modelID() }

    /// Which kept reports an account sees: an internal one only with the internal audience.
    static func shown(_ context: WebContext, pilot: String) -> @Sendable (ArchivedReport) -> Bool {
        let internalAudience = context.audience(for: pilot) == .internal
        return { internalAudience || $0.audience == Audience.public.rawValue }
    }

    func reportNumber(_ context: WebContext) throws -> Int {
        guard let text = context.parameters.get("report"), let n = Int(text), n > 0 else {
            throw WebError.notFound(WebStrings(context.language)("error.not_found"))
        }
        return n
    }
}

/// Builds, renders (HTML, DOCX, JSON record) and stores one report, as `piloteval
/// report` would for each format.
struct ReportGeneration: Sendable {
    let modelID: String, modelVersion: Int, kind: ReportKind, language: Language, audience: Audience, period: String?
    let files: ArchivedReportFiles

    func store(_ db: Database) throws -> ArchivedReport {
        try ReportArchive(db).add(modelID: modelID, modelVersion: modelVersion, kind: kind.rawValue,
                                  language: language.rawValue, audience: audience.rawValue, period: period, files: files)
    }

    static func make(_ db: Database, modelID: String, kind: ReportKind, language: Language?, audience: Audience,
                     period: Period?, toolVersion: String) throws -> ReportGeneration {
        let input = try PageReport.input(db, modelID: modelID, kind: kind, language: language, period: period,
                                         audience: audience, toolVersion: toolVersion)
        let built = try PageReport.build(db, input)
        let strings = input.strings
        let renderer = ReportRenderer(templates: WebTemplates.reports, strings: strings, toolVersion: toolVersion)
        let html = try renderer.render(built, format: .html, outputPath: nil).output.data
        let docx = try renderer.render(built, format: .docx, outputPath: nil).output.data
        let record = try JSONWriter.write(built.record)
        return ReportGeneration(modelID: modelID, modelVersion: input.provenance.version, kind: kind,
                                language: input.request.language,
                                audience: audience, period: built.record.parameters.period,
                                files: ArchivedReportFiles(record: record, html: html, docx: docx))
    }
}

/// One stored report as `/api/v1/reports` lists it.
struct ReportListing: Encodable, Sendable {
    let id: Int, model: String, modelVersion: Int, kind: String, language: String, audience: String
    let period: String?, createdAt: String, recordSHA256: String, htmlSHA256: String, docxSHA256: String

    init(_ r: ArchivedReport) {
        id = r.id; model = r.modelID; modelVersion = r.modelVersion; kind = r.kind; language = r.language
        audience = r.audience; period = r.period; createdAt = r.createdAt
        recordSHA256 = r.recordSHA256; htmlSHA256 = r.htmlSHA256; docxSHA256 = r.docxSHA256
    }

    enum CodingKeys: String, CodingKey {
        case id, model, kind, language, audience, period
        case modelVersion = "model_version", createdAt = "created_at", recordSHA256 = "record_sha256"
        case htmlSHA256 = "html_sha256", docxSHA256 = "docx_sha256"
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(model, forKey: .model); try c.encode(modelVersion, forKey: .modelVersion)
        try c.encode(kind, forKey: .kind); try c.encode(language, forKey: .language); try c.encode(audience, forKey: .audience)
        try c.encode(period, forKey: .period); try c.encode(createdAt, forKey: .createdAt)
        try c.encode(recordSHA256, forKey: .recordSHA256); try c.encode(htmlSHA256, forKey: .htmlSHA256)
        try c.encode(docxSHA256, forKey: .docxSHA256)
    }
}
