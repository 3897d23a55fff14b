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
            let version = try await services.data.read { db in try ModelCatalog(db).resolveStored(id).1.version }
            return try await page(request, context, form: IndicatorForm(), existing: nil, version: version)
        }
        router.get("/models/:id/logic-model/indicators/:indicator") { request, context in
            let id = try context.modelID()
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
            let catalog = ModelCatalog(db)
            let (model, document) = try catalog.resolveStored(id)
            if document.version != openedOn { return .conflict }
            let base = existing.flatMap { e in model.indicators.first { $0.id == e } }
            if existing != nil, base == nil { return .gone }
            let (built, errors) = form.indicator(base: base, taken: Set(model.indicators.map(\.id)), s: s)
            guard let indicator = built else { return .refused(errors, []) }
            let text: String
            do {
                text = try IndicatorText.write(indicator, replacing: existing, in: document.content)
            } catch let failure as IndicatorText.Failure {
                return .refused([:], [failure.description])
            }
            let instruments = InstrumentCatalog(db)
            let decoded = LogicModelDecoder.decode(Data(text.utf8), file: "modell.yaml", instrument: { try? instruments.resolve($0) })
            guard decoded.isValid, let read = decoded.model?.indicators.first(where: { $0.id == indicator.id }) else {
                return .refused([:], decoded.errors.map(\.message))
            }
            // The written text must read back as the form meant; anything else is a fault here.
            guard IndicatorText.sameForm(read, indicator) else { return .refused([:], [s("indicator.error.readback")]) }
            let warnings = decoded.warnings.filter { $0.id == indicator.id }.map(\.message)
            let fingerprint = ContentHash.sha256(Data(text.utf8))
            if !warnings.isEmpty, confirmed != fingerprint { return .warn(warnings, confirm: fingerprint) }
            let added = try catalog.add(content: text, name: "webbformulär", instrument: { try? instruments.resolve($0) })
            guard case .added(let version) = added.outcome else { return .unchanged }
            try ChangeLog(db).record(actor: actor, action: "model", modelID: model.id, subject: "version \(version)",
                                     detail: "indicator \(indicator.id) " + (existing == nil ? "added" : "changed"))
            return .saved(from: document.version, to: version, indicator: indicator.id)
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
