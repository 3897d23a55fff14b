import Evaluation
import Foundation
import HTTPTypes
import Hummingbird
import LogicModel
import Presentation
import Store

/// Editing the logic model in the browser (issue 23): the stored YAML in a text area,
/// checked by `model add`'s decoder (as you type through `…/check`, which answers the
/// diagnostics and the diagram as JSON; by the Kontrollera button without script), and
/// saved as a new version — refused when another version was saved since the editor
/// was opened, or when the text names another model; what was typed is always kept.
struct ModelEditorRoutes: Sendable {
    let services: WebServer.Services

    func register(on router: Router<WebContext>) {
        router.get("/models/:id/logic-model/edit") { request, context in
            let id = try context.modelID()
            try context.require(.editor, on: id)
            let (text, version) = try await services.data.read { db -> (String, Int) in
                let (_, document) = try ModelCatalog(db).resolveStored(id)
                return (document.content, document.version)
            }
            return try await page(request, context, text: text, version: version, check: nil)
        }
        router.post("/models/:id/logic-model/edit") { request, context in try await save(request, context) }
        router.post("/models/:id/logic-model/check") { request, context in
            // The editor's own check: for whoever may edit this pilot (the text is checked
            // against the stored instruments), not for any account and any address.
            try context.require(.editor, on: try context.modelID())
            let fields = FormFields(String(buffer: try await request.body.collect(upTo: Self.maxText)))
            let check = try await Self.check(services.data, text: fields["yaml"] ?? "")
            let body: [String: String?] = ["diagnostics": ModelEditorPage.diagnostics(check, s: WebStrings(context.language)),
                                           "svg": check.svg]
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers,
                            body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(body))))
        }
    }

    /// A model's YAML is a few hundred lines; a megabyte is far beyond any real one.
    static let maxText = 1024 * 1024

    /// The text checked as `model add` checks a file, its `data:` bindings against the
    /// stored instruments; the diagram when it decodes.
    static func check(_ data: WebData, text: String) async throws -> ModelEditorPage.Check {
        try await data.read { db in
            let catalog = InstrumentCatalog(db)
            let result = LogicModelDecoder.decode(Data(text.utf8), file: "modell.yaml", instrument: { try? catalog.resolve($0) })
            return ModelEditorPage.Check(diagnostics: result.diagnostics, svg: result.model.map(SVGRenderer.render))
        }
    }

    func page(_ request: Request, _ context: WebContext, text: String, version: Int, check: ModelEditorPage.Check?,
              general: [String] = [], status: HTTPResponse.Status = .ok) async throws -> Response {
        let id = try context.modelID()
        let s = WebStrings(context.language)
        let model = try await services.data.read { db in PageModel(try ModelCatalog(db).resolve(id)) }
        var shown = check
        if shown == nil { shown = try await Self.check(services.data, text: text) }
        let body = ModelEditorPage.body(text: text, version: version, check: shown, general: general,
                                        modelID: id, csrf: context.session?.csrfToken ?? "", s: s)
        return Page(title: s("editor.title"), language: context.language, body: body, session: context.session, model: model,
                    current: "logic_model", path: request.uri.path).response(status: status)
    }

    func save(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try context.modelID()
        let s = WebStrings(context.language)
        let fields = FormFields(String(buffer: try await request.body.collect(upTo: Self.maxText)))
        let text = fields["yaml"] ?? ""
        let openedOn = Int(fields["version"] ?? "") ?? 0
        let check = try await Self.check(services.data, text: text)
        guard fields["action"] == "save" else { return try await page(request, context, text: text, version: openedOn, check: check) }
        enum Outcome: Sendable { case saved(from: Int, to: Int), unchanged, conflict, otherModel(String), invalid }
        let actor = context.actor
        let outcome = try await services.data.write { db -> Outcome in
            let catalog = ModelCatalog(db)
            let (current, document) = try catalog.resolveStored(id)
            if document.version != openedOn { return .conflict }
            let instruments = InstrumentCatalog(db)
            let decoded = LogicModelDecoder.decode(Data(text.utf8), file: "modell.yaml", instrument: { try? instruments.resolve($0) })
            guard decoded.isValid, let model = decoded.model else { return .invalid }
            // The editor changes this model; a text with another id would make another model.
            guard model.id == current.id else { return .otherModel(model.id) }
            let added = try catalog.add(content: text, name: "webbredigering", instrument: { try? instruments.resolve($0) })
            guard case .added(let version) = added.outcome else { return .unchanged }
            try ChangeLog(db).record(actor: actor, action: "model", modelID: current.id, subject: "version \(version)")
            return .saved(from: document.version, to: version)
        }
        switch outcome {
        case .saved(let from, let to):
            if let session = context.session { await services.sessions.setNotice(s("editor.saved", ["version": "\(to)"]), for: session.id) }
            return Response.redirect(to: "/models/\(Page.pathComponent(id))/logic-model?from=\(from)&to=\(to)#compare", type: .normal)
        case .unchanged:
            return try await page(request, context, text: text, version: openedOn, check: check, general: [s("editor.unchanged")])
        case .conflict:
            return try await page(request, context, text: text, version: openedOn, check: check, general: [s("editor.conflict")],
                                  status: .conflict)
        case .otherModel(let other):
            return try await page(request, context, text: text, version: openedOn, check: check,
                                  general: [s("editor.other", ["id": other, "model": id])], status: .unprocessableContent)
        case .invalid:
            return try await page(request, context, text: text, version: openedOn, check: check, general: [s("editor.invalid")],
                                  status: .unprocessableContent)
        }
    }
}
