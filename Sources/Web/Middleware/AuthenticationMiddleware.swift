import Accounts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import LogicModel

/// Who may in, in local mode (DESIGN §8): the holder of the printed link. `GET …?token=T`
/// with the right token starts a session (HttpOnly, SameSite=Strict cookie) and
/// redirects to the same address without the token, so it leaves the address bar and
/// the history. An API client sends `Authorization: Bearer T` instead. Anything else is
/// 401 — a short page, or problem details on the API — except the style sheet and
/// script, which carry no data. A browser's unsafe request must also send the
/// session's CSRF token (form field `_csrf` or header `X-CSRF-Token`).
///
/// With accounts (issue 24) the printed link's token is off: people sign in at `/login`
/// (a new session id each time), API clients send a user's token from `users token`,
/// and the account is read again on every request, so a disabled account or a removed
/// role takes effect at once. A page asked for without a session leads to the sign-in.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let token: AccessToken
    let sessions: SessionStore
    let accounts: AccountsState
    /// Whether cookies get `Secure` (behind TLS).
    let secureCookies: Bool

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        context.method = request.method
        let query = request.uri.queryParameters
        let requestedLanguage = query.get("lang").flatMap(Language.init(rawValue:))

        if Assets.names.contains(request.uri.path) { return try await next(request, context) }
        let accountsMode = try await accounts.exist()

        // The sign-in page is open to all (its own route checks the form and the origin).
        if accountsMode, request.uri.path == "/login", request.method != .delete {
            context.language = requestedLanguage ?? .sv
            return try await next(request, context)
        }

        if let offered = query.get("token") {
            guard !accountsMode, request.method == .get || request.method == .head, token.matches(offered) else {
                throw WebError.unauthorized
            }
            let session = await sessions.create(language: requestedLanguage ?? .sv)
            var response = Response.redirect(to: Self.addressWithoutToken(request.uri), type: .found)
            response.headers[.setCookie] = cookie(session.id)
            return response
        }

        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw WebError.unauthorized }
            if accountsMode {
                guard let user = try await accounts.user(token: String(parts[1])) else { throw WebError.unauthorized }
                context.user = user
            } else {
                guard token.matches(parts[1]) else { throw WebError.unauthorized }
            }
            context.bearer = true
            context.language = requestedLanguage ?? .sv
            return try await next(request, context)
        }

        guard let id = request.cookies[SessionStore.cookieName]?.value,
              let session = await sessions.session(id: id) else {
            if accountsMode { return Self.toSignIn(request) }
            throw WebError.unauthorized
        }
        if accountsMode {
            // A local-mode session ends once accounts exist; an account is read afresh.
            guard let name = session.user, let user = try await accounts.user(named: name),
                  // Stored to the second: a session begun in the second of a reset ends too.
                  user.validAfter.map({ session.createdAt >= $0.addingTimeInterval(1) }) ?? true else {
                await sessions.end(id: session.id)
                return Self.toSignIn(request)
            }
            context.user = user
        }
        var request = request
        if ![.get, .head, .options].contains(request.method) {
            try await Self.checkCSRF(&request, context: context, expected: session.csrfToken)
        }
        if let requestedLanguage, requestedLanguage != session.language {
            await sessions.setLanguage(requestedLanguage, for: session.id)
        }
        context.session = session
        context.language = requestedLanguage ?? session.language
        return try await next(request, context)
    }

    /// A page leads to the sign-in (and back here after it); the API and forms get 401.
    static func toSignIn(_ request: Request) -> Response {
        guard request.method == .get || request.method == .head, !request.uri.path.hasPrefix("/api/") else {
            return Problem(status: .unauthorized, detail: "sign in first: POST /login, or send Authorization: Bearer T").response()
        }
        let next = request.uri.path == "/" ? "" : "?next=" + (request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        return Response.redirect(to: "/login" + next, type: .normal)
    }

    func cookie(_ id: String) -> String { SessionStore.cookie(id, secure: secureCookies) }

    /// The request's path and query without `token=…`.
    static func addressWithoutToken(_ uri: URI) -> String {
        let kept = (uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("token=") && $0 != "token" }
        return uri.path + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
    }

    /// The header, or the `_csrf` field of a form or multipart body (read whole and kept for the
    /// handler). Compared in constant time.
    static func checkCSRF(_ request: inout Request, context: WebContext, expected: String) async throws {
        let expectedToken = AccessToken(value: expected)
        if let header = request.headers[.xCSRFToken] {
            guard expectedToken.matches(header) else { throw WebError.csrf }
            return
        }
        let type = request.headers[.contentType] ?? ""
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let sent: String?
        if type.hasPrefix("application/x-www-form-urlencoded") {
            sent = FormFields(String(buffer: body))["_csrf"]
        } else if let boundary = MultipartForm.boundary(contentType: type) {
            // An upload form: the token is a part of its own (before the file).
            sent = (try? MultipartForm(body: Data(buffer: body), boundary: boundary))?.text("_csrf")
        } else {
            sent = nil
        }
        guard let sent, expectedToken.matches(sent) else { throw WebError.csrf }
    }
}
