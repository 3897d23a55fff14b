import Accounts
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Evaluation
import LogicModel
import Reports
import Store

/// What a request carries through the pipeline once it has passed authentication: who
/// it is (a browser session, or an API client with a bearer token) and the language to
/// answer in; with accounts, the signed-in user and their roles.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The browser session, when the request came with the session cookie.
    public var session: WebSession?
    /// True when an `Authorization: Bearer` token let the request in (API clients:
    /// no cookie, so no CSRF check).
    public var bearer = false
    /// `?lang=` of this request, else the session's choice, else Swedish.
    public var language: Language = .sv
    /// The account (a signed-in session or a user's API token); nil in local mode.
    public var user: User?
    /// The request's method (set by the authentication middleware), for the role a route needs.
    public var method: HTTPRequest.Method = .get

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Uploads of case extracts can be large (part 2); pages only send small forms.
    public var maxUploadSize: Int { 64 * 1024 * 1024 }
}

extension WebContext {
    /// The `{id}` of a model's page or API route; a page without one does not exist.
    /// The catalog reads a reference with `/` or a `.yaml`/`.yml` ending as a file (the
    /// CLI's `model show FILE.yaml`); from the network that would read and store the
    /// server's files, so such an id is simply not a stored model.
    func modelID() throws -> String {
        guard let raw = parameters.get("id"), !raw.isEmpty else {
            throw WebError.notFound(WebStrings(language)("error.not_found"))
        }
        // The router hands the segment over as sent: `%C3%B6` for ö, `%2F` for /.
        let id = raw.removingPercentEncoding ?? raw
        guard !ModelCatalog.isPath(id) else { throw WebError.notFound(WebStrings(language)("error.model", ["id": id])) }
        if let user {
            // A pilot the account has no role on does not exist for it (no hint that it does).
            guard user.sees(id) else { throw WebError.notFound(WebStrings(language)("error.model", ["id": id])) }
            // Anything but reading needs an editor (an approver's steps are checked where they are taken).
            if ![.get, .head, .options].contains(method), !user.may(.editor, on: id) {
                throw WebError.forbidden(WebStrings(language)("error.forbidden"))
            }
        }
        return id
    }

    /// `modelID()` for the API's writes: a refusal by role stays 403, anything else (an
    /// unknown pilot, one the account has no role on) is 404 in the API's words.
    func apiModelID() throws -> String {
        do {
            return try modelID()
        } catch WebError.forbidden(let why) {
            throw WebError.forbidden(why)
        } catch {
            throw WebError.notFound("no stored model with that id")
        }
    }

    /// Whether the account may act as `role` on the pilot; local mode may all.
    func may(_ role: Role, on pilot: String) -> Bool { user?.may(role, on: pilot) ?? true }

    /// Refuses (403) unless the account may act as `role` on the pilot (`may`).
    func require(_ role: Role, on pilot: String) throws {
        if !may(role, on: pilot) { throw WebError.forbidden(WebStrings(language)("error.forbidden")) }
    }

    /// The audience a reader of this pilot gets: internal in local mode and for the
    /// pilot's team, public for a reader (DESIGN §8) unless an admin granted more.
    func audience(for pilot: String) -> Audience {
        guard let user else { return .internal }
        return user.seesInternal(pilot) ? .internal : .public
    }

    /// Who makes a change, for the change log: the account, or the local user.
    var actor: String { user?.name ?? ChangeLog.localActor }
}
