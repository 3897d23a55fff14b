import Evaluation
import Foundation
import HTTPTypes
import Hummingbird
import LogicModel
import Presentation
import Store

/// The indicator form in the browser (issue 23): add an indicator to the logic model or
/// change one, its targets included, without writing YAML. A save writes the indicator
/// into the stored model text (`IndicatorText`: the author's comments and layout kept),
/// checks the whole text with `model add`'s decoder and stores it as a new version — the
/// same as the editor's Spara, with the same refusal when another version was saved
/// since the form was opened. The decoder's warnings about the indicator are shown first
/// and saved past with "Spara ändå".
struct IndicatorFormRoutes: Sendable {
    let services: WebServer.Services

    func register(on router: Router<WebContext>) {
        router.get("/models/:id/logic-model/indicators/new") { request, context in
            let id = try context.modelID()
            try context.require(.editor, on: id)
            let version = try await services.data.read { db in try ModelCatalog(db).resolveStored(id).1.version }
            return try await page(request, context, form: IndicatorForm(), existing: nil, version: version)
        }
        router.get("/models/:id/logic-model/indicators/:indicator") { request, context in
            let id = try context.modelID()
            try context.require(.editor, on: id)
            let indicatorID = context.parameters.get("indicator") ?? ""
            let found = try await services.data.read { db -> (Indicator, Int)? in
                let (model, document) = try ModelCatalog(db).resolveStored(id)
                return model.indicators.first { $0.id == indicatorID }.map { ($0, document.version) }
            }
            guard let (indicator, version) = found else { throw WebError.notFound(WebStrings(context.language)("error.not_found")) }
            return try await page(request, context, form: IndicatorForm(indicator, language: context.language), existing: indicator.id,
                                  version: version)
        }
        router.post("/models/:id/logic-model/indicators") { request, context in try await save(request, context) }
    }

    func page(_ request: Request, _ context: WebContext, form: IndicatorForm, existing: String?, version: Int,
              errors: [String: String] = [:], general: [String] = [], messages: [String] = [], warnings: [String] = [],
              confirm: String = "",
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let id = try context.modelID()
        let s = WebStrings(context.language)
        let model = try await services.data.read { db in try ModelCatalog(db).resolve(id) }
        var choices = IndicatorFormPage.Choices()
        choices.nodes = model.goals.map { ($0.id, $0.title) } + model.outcomes.map { ($0.id, $0.title) }
            + model.outputs.map { ($0.id, $0.title) } + model.activities.map { ($0.id, $0.title) }
        let body = IndicatorFormPage.body(form, choices: choices, existing: existing, version: version, errors: errors,
                                          general: general, messages: messages, warnings: warnings, confirm: confirm, modelID: id,
                                          csrf: context.session?.csrfToken ?? "", s: s)
        let title = existing.map { s("indicator.edit.title", ["id": $0]) } ?? s("indicator.new.title")
        return Page(title: title, language: context.language, body: body, session: context.session, model: PageModel(model),
                    current: "logic_model", path: request.uri.path).response(status: status)
    }

    func save(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try context.modelID()
        let s = WebStrings(context.language)
        let fields = FormFields(String(buffer: try await request.body.collect(upTo: 256 * 1024)))
        let existing = (fields["existing"] ?? "").isEmpty ? nil : fields["existing"]
        let openedOn = Int(fields["version"] ?? "") ?? 0
        let action = fields["action"] ?? "save"
        let form = IndicatorForm(posted: fields, more: action == "more")
        guard action == "save" else { return try await page(request, context, form: form, existing: existing, version: openedOn) }
        let confirmed = fields["confirmed"] ?? ""
        let actor = context.actor

        enum Outcome: Sendable {
            case saved(from: Int, to: Int, indicator: String)
            /// Errors by field; the decoder's (English) messages.
            case refused([String: String], [String])
            case warn([String], confirm: String)
            case unchanged, conflict, gone
        }
        let outcome = try await services.data.write { db -> Outcome in
            let (model, document) = try ModelCatalog(db).resolveStored(id)
            if document.version != openedOn { return .conflict }
            let base = existing.flatMap { e in model.indicators.first { $0.id == e } }
            if existing != nil, base == nil { return .gone }
            let (built, errors) = form.indicator(base: base, taken: Set(model.indicators.map(\.id)), s: s)
            guard let indicator = built else { return .refused(errors, []) }
            switch try IndicatorSave.save(indicator, replacing: existing, model: model, document: document, confirmed: confirmed,
                                          actor: actor, db: db) {
            case .saved(let listing, let from): return .saved(from: from, to: listing.version, indicator: indicator.id)
            case .refused(let messages): return .refused([:], messages)
            case .warn(let warnings, let fingerprint): return .warn(warnings, confirm: fingerprint)
            case .unchanged: return .unchanged
            }
        }
        switch outcome {
        case .saved(let from, let to, let indicator):
            if let session = context.session {
                await services.sessions.setNotice(s("indicator.saved", ["id": indicator, "version": "\(to)"]), for: session.id)
            }
            return Response.redirect(to: "/models/\(Page.pathComponent(id))/logic-model?from=\(from)&to=\(to)#compare", type: .normal)
        case .refused(let errors, let messages):
            return try await page(request, context, form: form, existing: existing, version: openedOn, errors: errors, messages: messages,
                                  status: .unprocessableContent)
        case .warn(let warnings, let confirm):
            return try await page(request, context, form: form, existing: existing, version: openedOn, warnings: warnings, confirm: confirm)
        case .unchanged:
            return try await page(request, context, form: form, existing: existing, version: openedOn, general: [s("indicator.unchanged")])
        case .conflict:
            return try await page(request, context, form: form, existing: existing, version: openedOn, general: [s("indicator.conflict")],
                                  status: .conflict)
        case .gone:
            return try await page(request, context, form: form, existing: existing, version: openedOn, general: [s("indicator.gone")],
                                  status: .conflict)
        }
    }
}
