import Evaluation
import Foundation
import Hummingbird
import LogicModel
import Periods
import Presentation
import Store

/// PDSA cycles in the browser (issue 23): add a cycle, change it, close it (an end date
/// and a decision). A save is the cycle file `pdsa add` reads, checked by the same
/// decoder and stored as a new version of the cycle; a save from a form opened on an
/// older version is refused with what was typed kept.
struct PDSARoutes: Sendable {
    let services: WebServer.Services

    func register(on router: Router<WebContext>) {
        router.get("/models/:id/cycles/new") { request, context in
            try context.require(.editor, on: try context.modelID())
            let today = CalendarDate.today()
            return try await page(request, context, form: PDSAForm(values: ["start": today.iso]), existing: nil, version: "")
        }
        router.get("/models/:id/cycles/:cycle") { request, context in
            guard let cycleID = context.parameters.get("cycle") else { throw WebError.notFound(WebStrings(context.language)("error.not_found")) }
            let id = try context.modelID()
            try context.require(.editor, on: id)
            let found = try await services.data.read { db -> (PDSACycle, Int)? in
                let model = try ModelCatalog(db).resolve(id)
                guard let stored = try DocumentStore(db).latest(kind: PDSACatalog.kind, id: cycleID) else { return nil }
                let cycle = try PDSACatalog(db).cycle(cycleID)
                // Only the model's own cycles are changed from its pages.
                return cycle.model == model.id ? (cycle, stored.version) : nil
            }
            guard let (cycle, version) = found else { throw WebError.notFound(WebStrings(context.language)("error.not_found")) }
            return try await page(request, context, form: PDSAForm(cycle), existing: cycle.id, version: "\(version)")
        }
        router.post("/models/:id/cycles") { request, context in try await save(request, context) }
    }

    func page(_ request: Request, _ context: WebContext, form: PDSAForm, existing: String?, version: String,
              errors: [String: String] = [:], general: [String] = [], status: HTTPResponse.Status = .ok) async throws -> Response {
        let id = try context.modelID()
        let s = WebStrings(context.language)
        let (model, choices) = try await services.data.read { db -> (LogicModel, PDSAPage.Choices) in
            let model = try ModelCatalog(db).resolve(id)
            let catalog = PDSACatalog(db)
            var choices = PDSAPage.Choices()
            choices.activities = model.activities.map { ($0.id, $0.title) }
            choices.measures = try catalog.measures(of: model.id)
            choices.cycles = try catalog.all().filter { $0.model == model.id }.map { ($0.id, $0.title) }
            return (model, choices)
        }
        let body = PDSAPage.form(form, choices: choices, existing: existing, version: version, errors: errors, general: general,
                                 modelID: id, csrf: context.session?.csrfToken ?? "", s: s)
        let title = existing == nil ? s("pdsa.new.title") : s("pdsa.edit.title", ["title": form["title"]])
        return Page(title: title, language: context.language, body: body, session: context.session, model: PageModel(model),
                    current: "improvement", path: request.uri.path).response(status: status)
    }

    func save(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try context.modelID()
        let s = WebStrings(context.language)
        let fields = FormFields(String(buffer: try await request.body.collect(upTo: 256 * 1024)))
        var values: [String: String] = [:]
        for f in PDSAForm.fields { values[f] = fields[f] ?? "" }
        let existing = (fields["existing"] ?? "").isEmpty ? nil : fields["existing"]
        if let existing { values["id"] = existing }   // an id is not changed by editing
        let form = PDSAForm(values: values)
        let openedOn = fields["version"] ?? ""
        let actor = context.actor
        enum Outcome: Sendable { case saved, refused([String: String], [String]), exists, conflict }
        let outcome = try await services.data.write { db -> Outcome in
            let model = try ModelCatalog(db).resolve(id)
            let stored = form["id"].isEmpty ? nil : try DocumentStore(db).latest(kind: PDSACatalog.kind, id: form["id"])
            // Another pilot's cycle is not this pilot's to change (ids are shared by all):
            // changing it is refused as for an unknown cycle, and its version is not said.
            if existing != nil, let stored, try PDSACatalog.decode(stored.json).model != model.id { return .conflict }
            if existing == nil, stored != nil { return .exists }
            if existing != nil, stored.map({ "\($0.version)" }) != openedOn { return .conflict }
            let illustrative = try stored.map { _ in try PDSACatalog(db).cycle(form["id"]).illustrative } ?? false
            let (text, lines) = form.file(model: model.id, illustrative: illustrative)
            let name = "formular-\(form["id"].isEmpty ? "pdsa" : form["id"]).yaml"
            do {
                _ = try PDSACatalog(db).add(files: [(name, Data(text.utf8))])
                try ChangeLog(db).record(actor: actor, action: "pdsa", modelID: model.id, subject: form["id"],
                                         detail: existing == nil ? "added" : "changed")
                return .saved
            } catch let failure as ValidationFailure {
                var byField: [String: String] = [:]
                var general: [String] = []
                for d in failure.diagnostics where d.severity == .error {
                    if let field = lines[d.location.line], byField[field] == nil {
                        byField[field] = d.message
                    } else {
                        general.append(d.message)
                    }
                }
                return .refused(byField, general)
            }
        }
        switch outcome {
        case .saved:
            if let session = context.session { await services.sessions.setNotice(s("pdsa.saved", ["title": form["title"]]), for: session.id) }
            return Response.redirect(to: "/models/\(Page.pathComponent(id))/improvement#cycles", type: .normal)
        case .refused(let byField, let general):
            return try await page(request, context, form: form, existing: existing, version: openedOn, errors: byField,
                                  general: general, status: .unprocessableContent)
        case .exists:
            return try await page(request, context, form: form, existing: nil, version: "", errors: ["id": s("pdsa.exists", ["id": form["id"]])],
                                  status: .conflict)
        case .conflict:
            return try await page(request, context, form: form, existing: existing, version: openedOn,
                                  general: [s("pdsa.conflict")], status: .conflict)
        }
    }
}
