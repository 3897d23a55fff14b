import Evaluation
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
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
            let actor = context.actor, user = context.user
            do {
                let undone = try await services.data.write { db -> UndoneImport in
                    // The imports page's rule (ImportOwners): an import belongs to the pilots whose
                    // page lists it. One that belongs to no pilot the account sees does not exist
                    // for it; one it may not edit for every pilot that uses it is not its to undo.
                    let pilots = try ImportOwners.pilots(of: id, db)
                    if let user {
                        guard pilots.contains(where: user.sees) else { throw ImportLogError.noSuchImport(id) }
                        if let refusal = ImportOwners.refusal(user, pilots: pilots) { throw WebError.forbidden(refusal.message) }
                    }
                    // The change log and the access log name the pilot it was undone for, as the
                    // imports page's undo does (the first the account may edit).
                    let pilot = pilots.first { user?.may(.editor, on: $0) ?? true }
                    return try ImportUndo.run(db, id, actor: actor, modelID: pilot)
                }
                return json(try ResultJSON.data(UndoListing(undone)), status: .ok)
            } catch let error as ImportLogError {
                throw WebError.notFound(error.description)
            }
        }
    }

    func upload(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try context.apiModelID()
        let query = request.uri.queryParameters
        let dryRun = ["1", "true", "yes"].contains(query.get("dry_run") ?? "")
        guard let boundary = request.headers[.contentType].flatMap(MultipartForm.boundary(contentType:)) else {
            throw WebError.badRequest("send the file as multipart/form-data in a part named file")
        }
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        let form: MultipartForm
        do { form = try MultipartForm(body: Data(buffer: body), boundary: boundary) } catch let e as MultipartForm.Malformed {
            throw WebError.badRequest("the multipart body cannot be read: \(e.description)")
        }
        // What the CLI takes as options are query parameters; a case mapping is a second part.
        let upload: UploadRequest
        do {
            upload = try UploadRequest.parse(kind: query.get("kind") ?? "", mapping: form.part("mapping")?.data) { query.get($0) }
        } catch let invalid as UploadRequest.Invalid {
            throw WebError.badRequest(invalid.message)
        }
        guard let file = form.part("file") else { throw WebError.badRequest("no part named file in the upload") }
        // As the import log stores it: an identity number in a file name is masked.
        let name = ImportLog.storedName(file.fileName ?? "upload.csv")
        let keyFile = services.configuration.keyFile, actor = context.actor
        do {
            let outcome = try await services.data.write { db in
                try Upload.run(db, modelID: id, request: upload, data: file.data, fileName: name, dryRun: dryRun, keyFile: keyFile,
                               actor: actor)
            }
            switch outcome {
            case .preview(let preview): return json(try ResultJSON.data(preview), status: .ok)
            case .imported(_, let record): return json(try ResultJSON.data(ImportListing(record)), status: .created)
            }
        } catch let refused as UploadRefused {
            return Problem(status: .unprocessableContent, detail: "\(name): \(refused.errors.count) problem(s); nothing was imported",
                           errors: refused.errors).response()
        } catch let error as ImportLogError {
            return Problem(status: .conflict, detail: error.description).response()
        }
    }

    func json(_ data: Data, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
