import Accounts
import Foundation
import HTTPTypes
import Hummingbird
import Store

/// Signing in and out (issue 24). `POST /login` takes the form fields `username` and
/// `password` (DESIGN §8); a good pair ends any session the browser had and starts a new
/// one (a new id), a bad one answers the same words whether the name exists, the
/// password was wrong or the account is locked after repeated failures, a second later.
/// Every sign-in, failed sign-in and sign-out is in the access log.
struct AccountRoutes: Sendable {
    let services: WebServer.Services

    /// A failed sign-in answers after this long: a guesser's pace, not a person's.
    static let failureDelay: Duration = .seconds(1)

    func register(on router: Router<WebContext>) {
        router.get("/login") { request, context in
            page(context, username: "", next: request.uri.queryParameters.get("next") ?? "", failed: false)
        }
        router.post("/login") { request, context in try await signIn(request, context) }
        router.get("/logout") { _, context in
            let s = WebStrings(context.language)
            let body = "<form method=\"post\" action=\"/logout\">\n<input type=\"hidden\" name=\"_csrf\" value=\"\(HTMLText.escape(context.session?.csrfToken ?? ""))\">\n"
                + "<p><button type=\"submit\">\(HTMLText.escape(s("logout.submit")))</button></p>\n</form>\n"
            return Page(title: s("logout.title"), language: context.language, body: body, session: context.session).response()
        }
        router.post("/logout") { _, context in
            if let session = context.session {
                await services.sessions.end(id: session.id)
                if let name = session.user {
                    try await services.data.logAccess { db in try AccessLog(db).record(user: name, action: "logout") }
                }
            }
            var response = Response.redirect(to: "/login", type: .normal)
            response.headers[.setCookie] = SessionStore.cookie("", secure: services.configuration.secure)
            return response
        }
    }

    func page(_ context: WebContext, username: String, next: String, failed: Bool) -> Response {
        let s = WebStrings(context.language)
        let e = HTMLText.escape
        var body = ""
        if failed {
            body += "<div class=\"callout callout-warning\" role=\"alert\"><p>\(e(s("login.failed")))</p></div>\n"
        }
        body += "<form method=\"post\" action=\"/login\">\n<input type=\"hidden\" name=\"next\" value=\"\(e(Self.safeNext(next)))\">\n"
        body += "<p><label for=\"login-username\">\(e(s("login.username")))</label>\n"
            + "<input type=\"text\" id=\"login-username\" name=\"username\" value=\"\(e(username))\" autocomplete=\"username\" autocapitalize=\"none\" spellcheck=\"false\" required></p>\n"
        body += "<p><label for=\"login-password\">\(e(s("login.password")))</label>\n"
            + "<input type=\"password\" id=\"login-password\" name=\"password\" autocomplete=\"current-password\" required></p>\n"
        body += "<p><button type=\"submit\">\(e(s("login.submit")))</button></p>\n</form>\n<p>\(e(s("login.help")))</p>\n"
        return Page(title: s("login.title"), language: context.language, body: body, session: nil, path: "/login")
            .response(status: failed ? .unauthorized : .ok, signedIn: false)
    }

    func signIn(_ request: Request, _ context: WebContext) async throws -> Response {
        // No session exists yet, so no CSRF token: a cross-site post is refused by what the
        // browser says of it — Fetch Metadata (`Sec-Fetch-Site`), else the Origin (which a
        // browser sends as "null" under our no-referrer policy). Programs send neither.
        let site = request.headers[.secFetchSite]
        if let site, !["same-origin", "none"].contains(site) { throw WebError.csrf }
        if site == nil, let origin = request.headers[.origin], origin != "null" {
            if let published = services.configuration.publicAddress {
                // Behind a proxy the Host header is the proxy's to set; the origin is known.
                guard published.matches(origin: origin) else { throw WebError.csrf }
            } else {
                let from = URL(string: origin).map { ($0.host ?? "") + ($0.port.map { ":\($0)" } ?? "") }
                guard let authority = request.head.authority, from == authority else { throw WebError.csrf }
            }
        }
        let fields = FormFields(String(buffer: try await request.body.collect(upTo: 16 * 1024)))
        let name = fields["username"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let password = fields["password"] ?? ""
        let next = Self.safeNext(fields["next"] ?? "")
        // Read, then the slow bcrypt check alone and outside any transaction, then a short write.
        let found = try await services.data.read { db in try UserDirectory(db).credentials(name: name) }
        let data = services.data
        guard let good = await services.signIns.run({ try? await data.blocking { UserDirectory.verify(password, found) } }) else {
            return Problem(status: .tooManyRequests, detail: WebStrings(context.language)("login.busy")).response()
        }
        let outcome = try await services.data.logAccess { db -> UserDirectory.SignIn in
            let result = try UserDirectory(db).record(name: name, credentials: found, good: good ?? false)
            // A name that is no account is logged as "unknown": what was typed may be a
            // password in the wrong field, or an identity number.
            // The account's own spelling, whatever case was typed, so `audit --user` finds it.
            let shown = found == nil ? "unknown" : ((try UserDirectory(db).user(named: name))?.name ?? name)
            if case .success = result {
                try AccessLog(db).record(user: shown, action: "login")
            } else {
                try AccessLog(db).record(user: shown, action: "login_failed", what: { if case .locked = result { "locked" } else { nil } }())
            }
            return result
        }
        guard case .success(let user) = outcome else {
            try await Task.sleep(for: Self.failureDelay)
            return page(context, username: IdentityNumberScanner.masking(name), next: next, failed: true)
        }
        if let old = request.cookies[SessionStore.cookieName]?.value { await services.sessions.end(id: old) }
        let session = await services.sessions.create(language: context.language, user: user.name)
        // The path percent-encoded again: a header holds ASCII only.
        let location = next.isEmpty ? "/" : (next.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "/")
        var response = Response.redirect(to: location, type: .normal)
        response.headers[.setCookie] = SessionStore.cookie(session.id, secure: services.configuration.secure)
        return response
    }

    /// Only a path on this server ("/models/x"), never another origin ("//evil", "https:").
    static func safeNext(_ next: String) -> String {
        let path = next.removingPercentEncoding ?? next
        guard path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"),
              !path.unicodeScalars.contains(where: { $0.value < 0x20 }) else { return "" }
        return path
    }
}

extension HTTPField.Name {
    /// Fetch Metadata: whether a request comes from the same origin, a sibling site or another site.
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
}
