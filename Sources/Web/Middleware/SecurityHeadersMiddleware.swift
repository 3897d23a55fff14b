import HTTPTypes
import Hummingbird
import HummingbirdCore

/// The headers every response carries (DESIGN §8, OWASP Secure Headers): nothing from
/// elsewhere may load (`default-src 'self'`, no inline script), no page may frame ours,
/// no referrer leaves, no type sniffing. Stored reports are HTML with their own inline
/// CSS; they are served with `style-src 'self' 'unsafe-inline'` and still no script.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Under TLS: browsers keep to HTTPS for this host for a year (HSTS).
    var strictTransportSecurity = false

    static var policy: String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = Self.policy
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.xFrameOptions] = "DENY"
        if strictTransportSecurity { response.headers[.strictTransportSecurity] = "max-age=31536000" }
        // Pages show client figures: no shared cache keeps them.
        if response.headers[.cacheControl] == nil {
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }
}

extension HTTPField.Name {
    static var xFrameOptions: Self { .init("X-Frame-Options")! }
    static var strictTransportSecurity: Self { .init("Strict-Transport-Security")! }
    static var referrerPolicy: Self { .init("Referrer-Policy")! }
    static var xCSRFToken: Self { .init("X-CSRF-Token")! }
}
