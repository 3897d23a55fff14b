import Evaluation
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import LogicModel
import Periods
import Presentation
import Store

/// The API's writes for imports (DESIGN §8): upload a file of indicator values, a case
/// extract, a survey wave or an improvement measure — `dry_run=1` answers the preview and
/// writes nothing; otherwise 201 with the import's record as `imports list --format json`
/// shows it — and undo an import. What the CLI takes as options travels as query
/// parameters; a case extract's column mapping as a second part named `mapping`.
struct ImportAPIRoutes: Sendable {
    let services: WebServer.Services

    func register(on router: Router<WebContext>) {
        router.post("/api/v1/models/:id/imports") { request, context in try await upload(request, context) }
        router.delete("/api/v1/imports/:import") { _, context in
            guard let text = context.parameters.get("import"), let id = Int(text) else {
                throw WebError.notFound("no import id")
            }
            do {
                let undone = try await services.data.write { db in try ImportLog(db).undo(id) }
                return json(try ResultJSON.data(UndoListing(undone)), status: .ok)
            } catch let error as ImportLogError {
                throw WebError.notFound(error.description)
            }
        }
    }

    func upload(_ request: Request, _ context: WebContext) async throws -> Response {
        guard let id = context.parameters.get("id")?.removingPercentEncoding, !id.isEmpty else { throw WebError.notFound("no model id") }
        let query = request.uri.queryParameters
        let kind = query.get("kind") ?? ""
        let kinds = [IndicatorImporter.kind, CaseImporter.kind, ReadinessImporter.kind, "measures"]
        guard kinds.contains(kind) else {
            throw WebError.badRequest((kind.isEmpty ? "give the kind of file" : "unknown kind \"\(kind)\"")
                                      + ": ?kind=" + kinds.joined(separator: ", ?kind="))
        }
        let dryRun = ["1", "true", "yes"].contains(query.get("dry_run") ?? "")
        guard let boundary = request.headers[.contentType].flatMap(MultipartForm.boundary(contentType:)) else {
            throw WebError.badRequest("send the file as multipart/form-data in a part named file")
        }
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        let form: MultipartForm
        do { form = try MultipartForm(body: Data(buffer: body), boundary: boundary) } catch let e as MultipartForm.Malformed {
            throw WebError.badRequest("the multipart body cannot be read: \(e.description)")
        }
        guard let file = form.part("file") else { throw WebError.badRequest("no part named file in the upload") }
        let name = file.fileName ?? "upload.csv"
        do {
            switch kind {
            case CaseImporter.kind:
                let extractDate = try Self.date(query.get("extract_date"), name: "extract_date")
                let keyFile = services.configuration.keyFile, mapping = form.part("mapping")?.data
                let outcome = try await services.data.write { db in
                    try CaseUpload.run(db, modelID: id, data: file.data, fileName: name, keyFile: keyFile,
                                       extractDate: extractDate, mapping: mapping, dryRun: dryRun, today: .today())
                }
                return try answer(outcome)
            case "measures":
                guard let measure = query.get("measure"), !measure.isEmpty else {
                    throw WebError.badRequest("a measure needs ?measure=ID (and value=, denominator=, date= to name columns)")
                }
                var counts: Counts?
                if let text = query.get("counts"), !text.isEmpty {
                    guard let c = Counts(rawValue: text) else { throw WebError.badRequest("counts: persons or events") }
                    counts = c
                }
                let options = MeasureUpload.Options(measure: measure, value: query.get("value"), denominator: query.get("denominator"),
                                                    date: query.get("date"), counts: counts)
                let outcome = try await services.data.write { db in
                    try MeasureUpload.run(db, modelID: id, options: options, data: file.data, fileName: name, dryRun: dryRun)
                }
                return try answer(outcome)
            default: break
            }
            if kind == ReadinessImporter.kind {
                // What `readiness import` takes as options travels as query parameters.
                guard let instrument = query.get("instrument"), !instrument.isEmpty, let wave = query.get("wave") else {
                    throw WebError.badRequest("a survey wave needs ?instrument=ID&wave=WAVE (and aggregated=1 for unit means)")
                }
                let aggregated = ["1", "true", "yes"].contains(query.get("aggregated") ?? "")
                let outcome = try await services.data.write { db in
                    try ReadinessUpload.run(db, modelID: id, instrumentID: instrument, wave: wave, aggregated: aggregated,
                                            data: file.data, fileName: name, dryRun: dryRun)
                }
                return try answer(outcome)
            }
            let outcome = try await services.data.write { db in
                try IndicatorUpload.run(db, modelID: id, data: file.data, fileName: name, dryRun: dryRun)
            }
            return try answer(outcome)
        } catch let refused as UploadRefused {
            return Problem(status: .unprocessableContent, detail: "\(name): \(refused.errors.count) problem(s); nothing was imported",
                           errors: refused.errors).response()
        } catch let error as ImportLogError {
            return Problem(status: .conflict, detail: error.description).response()
        }
    }

    /// An optional date parameter: nil when absent or blank, 400 when not a date.
    static func date(_ text: String?, name: String) throws -> CalendarDate? {
        guard let text, !text.isEmpty else { return nil }
        guard let date = CalendarDate(parsing: text) else {
            throw WebError.badRequest("\(name) \"\(text)\": give a date as YYYY-MM-DD")
        }
        return date
    }

    /// 200 with the preview (a dry run), or 201 with the import's record as `imports
    /// list --format json` shows it.
    func answer<P: Encodable & Sendable>(_ outcome: UploadOutcome<P>) throws -> Response {
        switch outcome {
        case .preview(let preview): return json(try ResultJSON.data(preview), status: .ok)
        case .imported(_, let record): return json(try ResultJSON.data(ImportListing(record)), status: .created)
        }
    }

    func json(_ data: Data, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
