import Evaluation
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import LogicModel
import Presentation
import Reports
import Store

/// The imports page and its forms (issue 23): every file loaded for the model; upload a
/// file of any kind the model reads — indicator values, a case extract, a survey wave,
/// an improvement measure — see what it would do (a dry run: the same checks and
/// messages as the CLI), import it or not; undo an import. Not cached: its forms carry
/// the session's CSRF token.
struct ImportPageRoutes: Sendable {
    let services: WebServer.Services
    let uploads = PendingUploads()

    func register(on router: Router<WebContext>) {
        router.get("/models/:id/imports") { request, context in
            try context.require(.editor, on: try context.modelID())
            var notice: String?
            if let session = context.session { notice = await services.sessions.takeNotice(for: session.id) }
            return try await page(request, context, notice: notice)
        }
        router.post("/models/:id/imports/preview") { request, context in try await preview(request, context) }
        router.post("/models/:id/imports/confirm") { request, context in try await confirm(request, context) }
        router.post("/models/:id/imports/undo") { request, context in try await undo(request, context) }
    }

    func page(_ request: Request, _ context: WebContext, notice: String?) async throws -> Response {
        let id = try modelID(context)
        let hasKey = services.configuration.keyFile != nil
        let (model, related, all, names, choices) = try await services.data.read {
            db -> (LogicModel, [ImportRecord], Int, [String: String], ImportsPage.UploadChoices) in
            let model = try ModelCatalog(db).resolve(id)
            let imports = try ImportLog(db).list()
            let measures = try PDSACatalog(db).measures(of: model.id)
            return (model, ImportsPage.related(imports, to: model, measures: measures), imports.count, ImportsPage.targetNames(db, model: model, measures: measures),
                    ImportsPage.UploadChoices(db, model: model, hasKey: hasKey))
        }
        let s = WebStrings(context.language)
        let csrf = context.session?.csrfToken ?? ""
        var body = ""
        if let notice { body += "<div class=\"callout\" role=\"status\"><p>\(HTMLText.escape(notice))</p></div>\n" }
        body += "<p class=\"lead\">\(HTMLText.escape(s("imports.lead")))</p>\n"
        body += PageContent([.blocks(ImportsPage.blocks(related, all: all, names: names, language: context.language))])
            .html(context.language)
        body += ImportsPage.uploadForms(choices, modelID: id, csrf: csrf, s: s)
        body += ImportsPage.undoForm(related, modelID: id, csrf: csrf, s: s)
        return Page(title: s("nav.imports"), language: context.language, body: body, session: context.session,
                    model: PageModel(model), current: "imports", path: request.uri.path).response()
    }

    func preview(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try modelID(context)
        let s = WebStrings(context.language)
        guard let session = context.session,
              let boundary = request.headers[.contentType].flatMap(MultipartForm.boundary(contentType:)) else {
            throw WebError.badRequest(s("error.request"))
        }
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        guard let form = try? MultipartForm(body: Data(buffer: body), boundary: boundary) else {
            throw WebError.badRequest(s("error.request"))
        }
        // The form's fields carry the API's parameter names.
        // Only the kinds the page offers: the kind names the form shown again (ids, headings).
        let kind = form.text("kind").flatMap { UploadRequest.kinds.contains($0) ? $0 : nil } ?? IndicatorImporter.kind
        var values: [String: String] = [:]
        for name in ["extract_date", "instrument", "wave", "aggregated", "measure", "value", "denominator", "date", "counts"] {
            if let v = form.text(name) { values[name] = v }
        }
        let file = form.part("file").flatMap { $0.data.isEmpty ? nil : $0 }
        let name = file?.fileName.map(ImportLog.storedName) ?? "upload.csv"
        let hasKey = services.configuration.keyFile != nil, keyFile = services.configuration.keyFile, actor = context.actor
        var outcome: (preview: UploadPreview?, errors: [String], uploadID: String?, invalid: UploadRequest.Invalid?)
        do {
            let upload = try UploadRequest.parse(kind: kind, mapping: form.part("mapping")?.data) { values[$0] }
            guard let file else { throw UploadRequest.Invalid(field: "file", message: "no file") }
            let result = try await services.data.write { db in
                try Upload.run(db, modelID: id, request: upload, data: file.data, fileName: name, dryRun: true, keyFile: keyFile,
                               actor: actor)
            }
            guard case .preview(let preview) = result else { throw WebError.badRequest(s("error.request")) }
            let uploadID = uploads.keep(.init(session: session.id, modelID: id, fileName: name, request: upload, data: file.data,
                                              at: Date()))
            outcome = (preview, [], uploadID, nil)
        } catch let invalid as UploadRequest.Invalid {
            outcome = (nil, [s("imports.field." + invalid.field)], nil, invalid)
        } catch let refused as UploadRefused {
            outcome = (nil, refused.errors, nil, nil)
        } catch let error as ImportLogError {
            outcome = (nil, [error.description], nil, nil)
        }
        let (pageModel, choices) = try await services.data.read { db -> (PageModel, ImportsPage.UploadChoices) in
            let model = try ModelCatalog(db).resolve(id)
            return (PageModel(model), ImportsPage.UploadChoices(db, model: model, hasKey: hasKey))
        }
        // Refused: the same form again, with what the person chose.
        let again = outcome.preview == nil
            ? ImportsPage.uploadForm(kind, choices, modelID: id, csrf: session.csrfToken, s: s, values: values, invalid: outcome.invalid)
            : ""
        let html = ImportsPage.preview(outcome.preview, errors: outcome.errors, uploadID: outcome.uploadID, modelID: id,
                                       csrf: session.csrfToken, s: s, form: again)
        return Page(title: s("imports.preview.title"), language: context.language, body: html, session: session,
                    model: pageModel, current: "imports", path: request.uri.path)
            .response(status: outcome.preview == nil ? .unprocessableContent : .ok)
    }

    func confirm(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try modelID(context)
        let s = WebStrings(context.language)
        let fields = FormFields(String(buffer: try await request.body.collect(upTo: 64 * 1024)))
        guard let session = context.session, let uploadID = fields["upload"],
              let upload = uploads.take(uploadID, session: session.id, modelID: id) else {
            return try await page(request, context, notice: s("imports.preview.expired"))
        }
        let keyFile = services.configuration.keyFile, actor = context.actor
        do {
            let outcome = try await services.data.write { db in
                try Upload.run(db, modelID: id, request: upload.request, data: upload.data, fileName: upload.fileName,
                               dryRun: false, keyFile: keyFile, actor: actor)
            }
            guard case .imported(let preview, _) = outcome else { throw WebError.badRequest(s("error.request")) }
            await services.sessions.setNotice(s("imports.done", ["file": preview.fileName, "rows": "\(preview.rows)"]), for: session.id)
            return Response.redirect(to: "/models/\(Page.pathComponent(id))/imports", type: .normal)
        } catch let refused as UploadRefused {
            return try await page(request, context, notice: refused.errors.joined(separator: "; "))
        } catch let error as ImportLogError {
            return try await page(request, context, notice: error.description)
        }
    }

    func undo(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try modelID(context)
        let fields = FormFields(String(buffer: try await request.body.collect(upTo: 64 * 1024)))
        guard let number = fields["import"].flatMap(Int.init) else {
            throw WebError.badRequest(WebStrings(context.language)("error.request"))
        }
        // Only an import that belongs to this model's page can be undone from it.
        let actor = context.actor, user = context.user, s = WebStrings(context.language)
        let undone = try await services.data.write { db -> UndoneImport? in
            let pilots = try ImportOwners.pilots(of: number, db)
            guard pilots.contains(id) else { return nil }
            if let refusal = ImportOwners.refusal(user, pilots: pilots) { throw WebError.forbidden(s(refusal.stringKey)) }
            return try ImportUndo.run(db, number, actor: actor, modelID: id)
        }
        guard let undone else { throw WebError.notFound(WebStrings(context.language)("error.not_found")) }
        if let session = context.session {
            await services.sessions.setNotice(WebStrings(context.language)("imports.undone", ["file": undone.record.fileName]), for: session.id)
        }
        return Response.redirect(to: "/models/\(Page.pathComponent(id))/imports", type: .normal)
    }


    func modelID(_ context: WebContext) throws -> String { try context.modelID() }
}
