import Evaluation
import Foundation
import HTTPTypes
import Hummingbird
import LogicModel
import Periods
import Presentation
import Store

/// The API twins of the browser's other forms (DESIGN §8: writes mirror every form):
///
/// - `POST /api/v1/models/{id}/versions[?based_on=N]`: the model's YAML as the body; a
///   new version, answered as `model add --format json` prints it (201; 200 when the
///   text is the latest version already); 422 with every located error; 409 when
///   `based_on` is not the latest version (someone saved since).
/// - `POST /api/v1/models/{id}/cycles[?version=N]`: a PDSA cycle file as the body,
///   answered as `pdsa add --format json` prints it; the cycle must be this model's;
///   `version` guards a change of a stored cycle.
/// - `POST /api/v1/models/{id}/periods/{period}/approval?action=ready|lock|unlock[&reason=]`:
///   the period's approval as it now stands (200); 409 when the step does not follow.
///
/// - `PUT /api/v1/models/{id}/indicators/{indicator}[?based_on=N]` and
///   `POST /api/v1/models/{id}/indicators[?based_on=N]`: the indicator form's twin. The
///   body is the indicator as JSON (`IndicatorBody`: the keys the form edits); it is
///   written into the model text with the author's comments kept and stored as a new
///   version, answered as the versions route answers, warnings included.
///
/// A period's values are entered through `…/imports?kind=indicators` (the entry form is
/// an observation file). Every write is in the change log with its actor.
struct WriteAPIRoutes: Sendable {
    let services: WebServer.Services

    /// A model's YAML or a cycle file is a few hundred lines.
    static let maxBody = 1024 * 1024

    func register(on router: Router<WebContext>) {
        router.post("/api/v1/models/:id/versions") { request, context in try await version(request, context) }
        router.post("/api/v1/models/:id/cycles") { request, context in try await cycle(request, context) }
        router.post("/api/v1/models/:id/periods/:period/approval") { request, context in try await approval(request, context) }
        router.put("/api/v1/models/:id/indicators/:indicator") { request, context in
            try await indicator(request, context, replacing: context.parameters.get("indicator"))
        }
        router.post("/api/v1/models/:id/indicators") { request, context in try await indicator(request, context, replacing: nil) }
    }

    func modelID(_ context: WebContext) throws -> String { try context.apiModelID() }

    func version(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try modelID(context)
        let text = String(buffer: try await request.body.collect(upTo: Self.maxBody))
        let basedOn = try Self.number(request.uri.queryParameters.get("based_on"), "based_on")
        let actor = context.actor
        do {
            let added = try await services.data.write { db -> AddListing in
                let catalog = ModelCatalog(db)
                let (current, document) = try catalog.resolveStored(id)
                if let basedOn, basedOn != document.version {
                    throw Conflict("version \(document.version) of \(current.id) was saved since version \(basedOn); nothing was stored")
                }
                let instruments = InstrumentCatalog(db)
                let decoded = LogicModelDecoder.decode(Data(text.utf8), file: "model.yaml", instrument: { try? instruments.resolve($0) })
                if let other = decoded.model?.id, other != current.id {
                    throw UploadRefused(errors: ["the text is model \(other), not \(current.id); nothing was stored"])
                }
                let added = try catalog.add(content: text, name: "model.yaml", instrument: { try? instruments.resolve($0) })
                if case .added(let v) = added.outcome {
                    try ChangeLog(db).record(actor: actor, action: "model", modelID: current.id, subject: "version \(v)")
                }
                return AddListing(id: added.model.id, outcome: added.outcome, warnings: added.warnings)
            }
            return json(try ResultJSON.data(added), status: added.outcome == "added" ? .created : .ok)
        } catch {
            return try Self.refusal(error)
        }
    }

    func cycle(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try modelID(context)
        let data = Data(buffer: try await request.body.collect(upTo: Self.maxBody))
        let guardVersion = try Self.number(request.uri.queryParameters.get("version"), "version")
        let actor = context.actor
        do {
            let listing = try await services.data.write { db -> PDSAAddListing in
                let model = try ModelCatalog(db).resolve(id)
                let decoded = PDSADecoder.decode(data, file: "cycle.yaml")
                if let cycle = decoded.cycle, cycle.model != model.id {
                    throw UploadRefused(errors: ["the cycle belongs to \(cycle.model ?? "no model"), not \(model.id): give `model: \(model.id)`"])
                }
                // A cycle id another pilot holds is not this pilot's to write (ids are shared by
                // all); refused without saying whose it is or at which version.
                if let cycleID = decoded.cycle?.id, let other = try DocumentStore(db).latest(kind: PDSACatalog.kind, id: cycleID),
                   try PDSACatalog.decode(other.json).model != model.id {
                    throw UploadRefused(errors: ["the cycle id \(cycleID) is taken; choose another"])
                }
                if let guardVersion, let cycleID = decoded.cycle?.id {
                    let stored = try DocumentStore(db).latest(kind: PDSACatalog.kind, id: cycleID)?.version
                    if stored != guardVersion {
                        throw Conflict("cycle \(cycleID) is at version \(stored.map(String.init) ?? "none"), not \(guardVersion); nothing was stored")
                    }
                }
                guard let added = try PDSACatalog(db).add(files: [("cycle.yaml", data)]).first else {
                    throw UploadRefused(errors: ["no cycle in the body"])
                }
                try ChangeLog(db).record(actor: actor, action: "pdsa", modelID: model.id, subject: added.cycle.id, detail: "api")
                return PDSAAddListing(added)
            }
            return json(try ResultJSON.data([listing]), status: listing.outcome == "added" ? .created : .ok)
        } catch {
            return try Self.refusal(error)
        }
    }

    func indicator(_ request: Request, _ context: WebContext, replacing existing: String?) async throws -> Response {
        let id = try modelID(context)
        let basedOn = try Self.number(request.uri.queryParameters.get("based_on"), "based_on")
        let body: IndicatorBody
        do {
            body = try JSONDecoder().decode(IndicatorBody.self, from: Data(buffer: try await request.body.collect(upTo: Self.maxBody)))
        } catch let error as DecodingError {
            return Problem(status: .unprocessableContent, detail: "the body is not an indicator: \(IndicatorBody.describe(error))").response()
        }
        let actor = context.actor
        do {
            let listing = try await services.data.write { db -> AddListing in
                let (model, document) = try ModelCatalog(db).resolveStored(id)
                if let basedOn, basedOn != document.version {
                    throw Conflict("version \(document.version) of \(model.id) was saved since version \(basedOn); nothing was stored")
                }
                var indicator: Indicator
                if let existing {
                    guard let stored = model.indicators.first(where: { $0.id == existing }) else {
                        throw WebError.notFound("model \(model.id) has no indicator \"\(existing)\"")
                    }
                    indicator = stored
                } else {
                    guard let new = body.id, !new.isEmpty else { throw UploadRefused(errors: ["give the new indicator's `id`"]) }
                    if model.indicators.contains(where: { $0.id == new }) {
                        throw UploadRefused(errors: ["indicator \(new) exists; change it with PUT …/indicators/\(new)"])
                    }
                    indicator = Indicator(id: new, title: "", measures: "", unit: body.unit, direction: body.direction)
                }
                if let other = body.id, other != indicator.id {
                    throw UploadRefused(errors: ["the body is indicator \(other), not \(indicator.id); an indicator's id is not changed"])
                }
                body.apply(to: &indicator)
                switch try IndicatorSave.save(indicator, replacing: existing, model: model, document: document, confirmed: nil,
                                              actor: actor, db: db) {
                case .saved(let listing, _): return listing
                case .refused(let errors): throw UploadRefused(errors: errors)
                case .warn: throw UploadRefused(errors: ["unconfirmed warnings"])   // not asked without `confirmed`
                case .unchanged: return AddListing(id: model.id, outcome: .unchanged(version: document.version), warnings: [])
                }
            }
            return json(try ResultJSON.data(listing), status: listing.outcome == "added" ? .created : .ok)
        } catch {
            return try Self.refusal(error)
        }
    }

    func approval(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try modelID(context)
        let query = request.uri.queryParameters
        guard let text = context.parameters.get("period"), let period = Period(parsing: text) else {
            throw WebError.badRequest("give the period as YYYY, YYYY-T1, YYYY-Q1 or YYYY-MM")
        }
        guard let action = query.get("action"), ["ready", "lock", "unlock"].contains(action) else {
            throw WebError.badRequest("give ?action=ready, lock or unlock")
        }
        if action != "ready" { try context.require(.approver, on: id) }
        let reason = String(IdentityNumberScanner.masking(query.get("reason") ?? "").prefix(500))
        if action == "unlock", reason.trimmingCharacters(in: .whitespaces).isEmpty {
            throw WebError.badRequest("unlocking needs a reason: ?reason=…")
        }
        let actor = context.actor
        do {
            let state = try await services.data.write { db -> ApprovalListing in
                let model = try ModelCatalog(db).resolve(id)
                let approvals = PeriodApprovals(db)
                switch action {
                case "ready": try PeriodLocks.markReady(db, modelID: model.id, period: period, actor: actor)
                case "lock": try PeriodLocks.lock(db, modelID: model.id, period: period, actor: actor)
                default: try approvals.unlock(modelID: model.id, period: period.text, actor: actor, reason: reason)
                }
                return ApprovalListing(model: model.id, period: period.text,
                                       approval: try approvals.approval(modelID: model.id, period: period.text))
            }
            return json(try ResultJSON.data(state), status: .ok)
        } catch let error as PeriodApprovalError {
            return Problem(status: .conflict, detail: error.description).response()
        }
    }

    /// A period's approval as the API shows it: `open` without a row.
    struct ApprovalListing: Encodable, Sendable {
        let model: String, period: String, state: String, actor: String?, at: String?

        init(model: String, period: String, approval: PeriodApproval?) {
            self.model = model
            self.period = period
            state = approval?.state.rawValue ?? "open"
            actor = approval?.actor
            at = approval?.at
        }
    }

    struct Conflict: Error { let message: String; init(_ m: String) { message = m } }

    /// A refused write as problem details: 422 with every located error, or 409.
    static func refusal(_ error: Error) throws -> Response {
        switch error {
        case let failure as ValidationFailure:
            return Problem(status: .unprocessableContent, detail: "\(failure.errors.count) error(s); nothing was stored",
                           errors: failure.diagnostics.filter { $0.severity == .error }.map(\.description)).response()
        case let refused as UploadRefused:
            return Problem(status: .unprocessableContent, detail: refused.errors.joined(separator: "; ")).response()
        case let conflict as Conflict:
            return Problem(status: .conflict, detail: conflict.message).response()
        default:
            throw error
        }
    }

    static func number(_ text: String?, _ name: String) throws -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let n = Int(text), n > 0 else { throw WebError.badRequest("\(name) \"\(text)\": give a version number") }
        return n
    }

    func json(_ data: Data, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
