import Evaluation
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import LogicModel
import Periods
import Presentation
import Store

/// The JSON API's reads (DESIGN §8): each answers exactly what the CLI's `--format
/// json` prints for the same question — the same library call, the same encoder
/// (`ResultJSON`). Errors are RFC 9457 problem details with the CLI's message.
struct APIRoutes: Sendable {
    let services: WebServer.Services

    /// A read: GET, and HEAD with the same status and headers but no body; every other
    /// method answers 405 with `Allow: GET, HEAD` (the address exists, the method not).
    func read(_ api: RouterGroup<WebContext>, _ path: RouterPath,
              _ handler: @escaping @Sendable (Request, WebContext) async throws -> Response) {
        api.get(path, use: handler)
        api.head(path) { request, context in
            var response = try await handler(request, context)
            response.body = ResponseBody(contentLength: response.body.contentLength) { _ in }
            return response
        }
        notAllowed(api, path)
    }

    /// Every method but GET and HEAD on a read's address: 405 with `Allow`.
    func notAllowed(_ api: RouterGroup<WebContext>, _ path: RouterPath, allow: String = "GET, HEAD") {
        // The router has no "any other method": every method a client may try, QUERY
        // (the safe method with a body, draft-ietf-httpbis-safe-method-w-body) included.
        for method in [HTTPRequest.Method.post, .put, .patch, .delete, .options, .trace, HTTPRequest.Method("QUERY")!] {
            api.on(path, method: method) { request, _ in
                var response = Problem(status: .methodNotAllowed,
                                       detail: "\(request.method.rawValue) is not allowed here: this address answers \(allow)").response()
                response.headers[.allow] = allow
                return response
            }
        }
    }

    func register(on router: Router<WebContext>) {
        let api = router.group("api/v1")
        // GET /api/v1/reports is ReportRoutes'; the other methods are refused here.
        notAllowed(api, "reports", allow: "GET")
        read(api, "openapi.json") { _, _ in
            json(Data(OpenAPIDocument.text.utf8))
        }
        // model list --format json
        read(api, "models") { _, context in
            let user = context.user
            return try await answer { db in try ResultJSON.data(try ModelCatalog(db).listings().filter { user?.sees($0.id) ?? true }) }
        }
        // model show ID --format json
        read(api, "models/:id") { _, context in
            let id = try modelID(context)
            return try await answer { db in
                Data(try JSONRenderer.render(try ModelCatalog(db).resolve(id)).utf8)
            }
        }
        // indicators status --model ID [--period P] --format json
        read(api, "models/:id/indicators/status") { request, context in
            let id = try teamRead(context)
            let period = try period(request)
            return try await answer { db in
                let versioned = try ModelCatalog(db).resolveVersioned(id)
                let data = try IndicatorData.load(db, modelID: versioned.model.id)
                guard let report = IndicatorStatusAnalysis.compute(
                    model: versioned.model, modelVersion: versioned.version, observations: data.observations,
                    warnings: data.warnings, period: period, earlierVersions: data.versions, unavailable: data.unavailable)
                else { throw WebError.noData("no observations stored for \(versioned.model.id)") }
                return try ResultJSON.data(report)
            }
        }
        // indicators trend --model ID [--indicator I] --format json
        read(api, "models/:id/indicators/trend") { request, context in
            let id = try teamRead(context)
            let indicator = request.uri.queryParameters.get("indicator")
            return try await answer { db in
                let versioned = try ModelCatalog(db).resolveVersioned(id)
                if let indicator, !versioned.model.indicators.contains(where: { $0.id == indicator }) {
                    throw WebError.notFound("indicator \"\(indicator)\" is not in model \(versioned.model.id); its indicators are "
                                            + versioned.model.indicators.map(\.id).joined(separator: ", "))
                }
                let data = try IndicatorData.load(db, modelID: versioned.model.id)
                return try ResultJSON.data(IndicatorTrendAnalysis.compute(
                    model: versioned.model, modelVersion: versioned.version, observations: data.observations,
                    indicator: indicator, earlierVersions: data.versions))
            }
        }
        // cases compare --model ID --outcome O [--design D] [--by gender] [--from-start] --format json
        read(api, "models/:id/cases/compare") { request, context in
            let id = try teamRead(context)
            let query = request.uri.queryParameters
            if let user = context.user {
                let what = "cases compare" + (query.get("outcome").map { ": \($0)" } ?? "")
                try await services.data.logAccess { db in try AccessLog(db).record(user: user.name, action: "view", pilot: id, what: what) }
            }
            guard let outcome = query.get("outcome"), !outcome.isEmpty else {
                throw WebError.badRequest("give the outcome: ?outcome=NAME (for example days_to_assessment)")
            }
            let designText = query.get("design") ?? "unadjusted"
            guard let design = CohortComparison.Design(rawValue: designText) else {
                throw WebError.badRequest("design \"\(designText)\" is not one of unadjusted, adjusted, did, permutation")
            }
            let by = query.get("by")
            guard by == nil || by == "gender" else { throw WebError.badRequest("by \"\(by!)\": only gender") }
            // --from-start: only cases referred from the pilot's start.
            let from = query.get("from")
            guard from == nil || from == "start" else { throw WebError.badRequest("from \"\(from!)\": only start (cases referred from the pilot's start)") }
            return try await answer { db in
                let dataset = try CaseDataset.load(database: db, modelID: id)
                let options = CohortComparison.Options(design: design, byGender: by == "gender", fromPilotStart: from == "start")
                return try ResultJSON.data(try CohortComparison.run(dataset, outcome: outcome, options: options))
            }
        }
        // readiness summary --instrument I [--wave W] --format json
        read(api, "models/:id/readiness/summary") { request, context in
            let id = try modelID(context)
            let query = request.uri.queryParameters
            let instrumentID = try instrumentID(request)
            let wave = query.get("wave")
            let accounts = context.user != nil
            return try await answer { db in
                let model = try ModelCatalog(db).resolveVersioned(id).model
                // On a shared server an instrument belongs to the pilots whose indicators read
                // it: another pilot's survey does not exist through this one.
                if accounts, !model.indicators.contains(where: { $0.data?.readinessInstrument == instrumentID }) {
                    throw WebError.notFound("no instrument \"\(instrumentID)\" is read by \(model.id)'s indicators")
                }
                let instrument = try InstrumentCatalog(db).resolve(instrumentID)
                let repository = ReadinessRepository(db)
                let waves = try repository.waves(instrumentID: instrument.id)
                guard let chosen = wave ?? waves.last?.wave else {
                    throw WebError.noData("no waves of \(instrument.id) in the database")
                }
                guard waves.contains(where: { $0.wave == chosen }) else {
                    throw WebError.notFound("no wave \"\(chosen)\" of \(instrument.id); stored waves: "
                                            + waves.map(\.wave).joined(separator: ", "))
                }
                let data = try repository.load(instrument: instrument, wave: chosen)
                return try ResultJSON.data(ReadinessSummary.compute(data, instrument: instrument, minGroup: 5))
            }
        }
    }

    /// Runs a read on the thread pool and answers its JSON; the library's located
    /// errors become problem details with the same words the CLI prints.
    func answer(_ body: @escaping @Sendable (Database) throws -> Data) async throws -> Response {
        do {
            return json(try await services.data.read(body))
        } catch let error as CatalogError {
            throw WebError.notFound(error.message)
        } catch let error as CohortComparisonError {
            throw WebError.badRequest(error.message)
        } catch let error as CaseImportError {
            throw WebError.noData(error.description)
        } catch let failure as ValidationFailure {
            throw WebError.badRequest("the stored document has \(failure.errors.count) error(s)")
        }
    }

    func json(_ data: Data) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The `{id}` of the path: a stored model's id, never a file. The catalog reads a
    /// reference with `/` or a `.yaml`/`.yml` ending as a path on disk (the CLI's `model
    /// show FILE.yaml`); from the network that would read the server's files, so such an
    /// id is simply not a stored model.
    func modelID(_ context: WebContext) throws -> String {
        guard let raw = context.parameters.get("id"), !raw.isEmpty else { throw WebError.notFound("no model id") }
        guard let id = try? context.modelID() else {
            throw WebError.notFound("no stored model with id \"\(raw.removingPercentEncoding ?? raw)\"")
        }
        return id
    }

    /// A read whose JSON carries every count (DESIGN §8): the pilot's team and readers
    /// granted the internal audience; other readers get 403. Their machine-readable form of
    /// the figures is a public report's JSON record, which holds exactly what the report
    /// publishes (docs/decisions.md, "A reader's figures are a report's record").
    func teamRead(_ context: WebContext) throws -> String {
        let id = try modelID(context)
        guard context.audience(for: id) == .internal else {
            throw WebError.forbidden("this read carries every count, small ones too: it is for the pilot's team (or a reader granted the internal audience); a reader's figures are in a public report's JSON record, /models/\(id)/reports/N/report.json")
        }
        return id
    }

    /// `?instrument=`: a stored instrument's id, never a file (as for `modelID`).
    func instrumentID(_ request: Request) throws -> String {
        guard let id = request.uri.queryParameters.get("instrument"), !id.isEmpty else {
            throw WebError.badRequest("give the instrument: ?instrument=ID")
        }
        guard !ModelCatalog.isPath(id) else { throw WebError.notFound("no stored instrument with id \"\(id)\"") }
        return id
    }

    func period(_ request: Request) throws -> Period? {
        // Absent: the latest period with data. Present but blank is refused, as the
        // CLI refuses `--period ""`.
        guard let text = request.uri.queryParameters.get("period") else { return nil }
        switch Period.parse(text) {
        case .value(let p): return p
        case .empty: throw WebError.badRequest("period is empty; write 2022, 2022-T1, 2022-Q1 or 2022-03")
        case .invalid(let reason): throw WebError.badRequest("period: \(reason)")
        }
    }
}
