import Evaluation
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import LogicModel
import Store
import Presentation

/// Why a request was refused, in words for a page and a code for the API. Nothing of
/// the internals (no stack trace, no SQL, no path on disk) reaches the response.
enum WebError: Error, Sendable {
    case unauthorized
    case csrf
    case notFound(String)
    /// Signed in, but the role does not allow it (a reader saving values): 403.
    case forbidden(String)
    case badRequest(String)
    /// A question the data cannot answer yet (no observations, no wave): 404 on the API,
    /// a page saying what is missing.
    case noData(String)
    /// Something the server lacks (Chromium for PDF): 503.
    case unavailable(String)

    var status: HTTPResponse.Status {
        switch self {
        case .unauthorized: .unauthorized
        case .csrf, .forbidden: .forbidden
        case .notFound, .noData: .notFound
        case .badRequest: .badRequest
        case .unavailable: .serviceUnavailable
        }
    }
}

/// Turns every error into a response the reader can use: an HTML page for the
/// browser, RFC 9457 problem details for `/api/`. Unexpected errors become 500 with a
/// fixed sentence; their text goes to the log (masked), not to the client.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let log: @Sendable (String) -> Void

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as WebError {
            return respond(request, context: context, status: error.status, detail: detail(error, context.language))
        } catch let error as CatalogError {
            // An id that names no stored model or instrument: the API says which (the
            // CLI's words); a page says the page does not exist.
            let parts = request.uri.path.split(separator: "/")
            let detail = request.uri.path.hasPrefix("/api/") ? error.message
                : parts.count >= 2 && parts[0] == "models"
                ? WebStrings(context.language)("error.model", ["id": String(parts[1]).removingPercentEncoding ?? String(parts[1])])
                : WebStrings(context.language)("error.not_found")
            return respond(request, context: context, status: .notFound, detail: detail)
        } catch let error as any HTTPResponseError {
            let status = error.status
            // The API speaks the CLI's English; pages the reader's language.
            let api = request.uri.path.hasPrefix("/api/")
            let text = status == .notFound ? (api ? "no such API route: \(request.uri.path)" : WebStrings(context.language)("error.not_found"))
                : (api ? "the request could not be answered" : WebStrings(context.language)("error.request"))
            return respond(request, context: context, status: status, detail: text)
        } catch {
            // Masked as the request log is: an error may quote a value it met.
            log(IdentityNumberScanner.masking("error: \(request.method.rawValue) \(request.uri.path): \(error)"))
            return respond(request, context: context, status: .internalServerError,
                           detail: WebStrings(context.language)("error.internal"))
        }
    }

    func detail(_ error: WebError, _ language: Language) -> String {
        let s = WebStrings(language)
        switch error {
        case .unauthorized: return s("error.unauthorized")
        case .csrf: return s("error.csrf")
        case .notFound(let what), .forbidden(let what), .badRequest(let what), .noData(let what), .unavailable(let what): return what
        }
    }

    func respond(_ request: Request, context: WebContext, status: HTTPResponse.Status, detail: String) -> Response {
        if request.uri.path.hasPrefix("/api/") {
            return Problem(status: status, detail: detail).response()
        }
        let s = WebStrings(context.language)
        let title = status == .unauthorized ? s("error.unauthorized.title")
            : status == .notFound ? s("error.not_found.title") : s("error.title")
        let page = Page(title: title, language: context.language,
                        body: "<p>\(HTMLText.escape(detail))</p>\n<p><a href=\"/\">\(HTMLText.escape(s("error.back")))</a></p>\n",
                        session: context.session)
        return page.response(status: status, signedIn: context.session != nil || context.bearer)
    }
}

/// RFC 9457 problem details.
struct Problem: Encodable {
    let type = "about:blank"
    let title: String
    let status: Int
    let detail: String
    /// A refused file's located errors (an extension member, RFC 9457 §3.2).
    var errors: [String]?

    init(status: HTTPResponse.Status, detail: String, errors: [String]? = nil) {
        self.title = status.reasonPhrase
        self.status = Int(status.code)
        self.detail = detail
        self.errors = errors
    }

    func response() -> Response {
        let data = (try? ResultJSON.data(self)) ?? Data()
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        if status == 401 { headers[.wwwAuthenticate] = "Bearer" }
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
