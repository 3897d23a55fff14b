import Evaluation
import Foundation
import HTTPTypes
import Hummingbird
import LogicModel
import Store

/// A new pilot from a starter model (issue 23): an id, a name and the pilot's period;
/// the starter logic model is stored as version 1 and opened in the editor.
struct NewModelRoutes: Sendable {
    let services: WebServer.Services

    func register(on router: Router<WebContext>) {
        router.get("/models/new") { request, context in
            try Self.requireAdmin(context)
            return page(request, context, values: [:], errors: [:])
        }
        router.post("/models/new") { request, context in
            try Self.requireAdmin(context)
            return try await create(request, context)
        }
    }

    func page(_ request: Request, _ context: WebContext, values: [String: String], errors: [String: String],
              status: HTTPResponse.Status = .ok) -> Response {
        let s = WebStrings(context.language)
        let e = HTMLText.escape
        var body = "<p class=\"lead\">\(e(s("new.lead")))</p>\n"
        if !errors.isEmpty {
            body += "<div class=\"callout callout-warning\" role=\"alert\"><ul>\n" + StarterModel.fields.compactMap { f in
                errors[f].map { "<li><a href=\"#new-\(f)\">\(e(s("new.field." + f)))</a>: \(e($0))</li>\n" }
            }.joined() + "</ul></div>\n"
        }
        body += "<form method=\"post\" action=\"/models/new\" novalidate>\n<input type=\"hidden\" name=\"_csrf\" value=\"\(e(context.session?.csrfToken ?? ""))\">\n"
        for f in StarterModel.fields {
            body += FormField.paragraph(id: "new-\(f)", label: s("new.field." + f), hint: s("new.hint." + f), error: errors[f]) { id, attributes in
                "<input type=\"text\" id=\"\(id)\" name=\"\(f)\" value=\"\(e(values[f] ?? ""))\"\(attributes)>"
            }
        }
        body += "<p><button type=\"submit\">\(e(s("new.create")))</button> <a href=\"/\">\(e(s("imports.preview.cancel")))</a></p>\n</form>\n"
        return Page(title: s("new.title"), language: context.language, body: body, session: context.session, path: request.uri.path)
            .response(status: status)
    }

    func create(_ request: Request, _ context: WebContext) async throws -> Response {
        let s = WebStrings(context.language)
        let fields = FormFields(String(buffer: try await request.body.collect(upTo: 64 * 1024)))
        var values: [String: String] = [:]
        for f in StarterModel.fields { values[f] = fields[f] ?? "" }
        let (text, lines) = StarterModel.file(values, language: context.language)
        let id = (values["id"] ?? "").trimmingCharacters(in: .whitespaces)
        let actor = context.actor
        enum Outcome: Sendable { case created(String), refused([String: String]) }
        let outcome = try await services.data.write { db -> Outcome in
            let catalog = ModelCatalog(db)
            // `new` is this page's own address (/models/new): a model so named could not be opened.
            let taken = try catalog.list().contains { $0.id == id }
            if id == "new" || taken {
                return .refused(["id": s("new.exists", ["id": id])])
            }
            do {
                let added = try catalog.add(content: text, name: "ny-modell.yaml")
                try ChangeLog(db).record(actor: actor, action: "model", modelID: added.model.id, subject: "version 1", detail: "new from the starter")
                return .created(added.model.id)
            } catch let failure as ValidationFailure {
                var byField: [String: String] = [:]
                for d in failure.errors { byField[lines[d.location.line] ?? "id"] = byField[lines[d.location.line] ?? "id"] ?? d.message }
                return .refused(byField)
            }
        }
        switch outcome {
        case .created(let modelID):
            return Response.redirect(to: "/models/\(Page.pathComponent(modelID))/logic-model/edit", type: .normal)
        case .refused(let errors):
            return page(request, context, values: values, errors: errors, status: .unprocessableContent)
        }
    }

    /// A new pilot is a new pilot for everyone's lists: an admin on every pilot makes it
    /// (local mode: the one user).
    static func requireAdmin(_ context: WebContext) throws {
        if let user = context.user, !user.isGlobalAdmin { throw WebError.forbidden(WebStrings(context.language)("error.forbidden")) }
    }
}
