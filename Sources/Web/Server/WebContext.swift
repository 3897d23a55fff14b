import HTTPTypes
import Hummingbird
import HummingbirdCore
import LogicModel
import Store

/// What a request carries through the pipeline once it has passed authentication: who
/// it is (a browser session, or an API client with a bearer token) and the language to
/// answer in. Accounts (part 3) add the user and their roles here.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The browser session, when the request came with the session cookie.
    public var session: WebSession?
    /// True when an `Authorization: Bearer` token let the request in (API clients:
    /// no cookie, so no CSRF check).
    public var bearer = false
    /// `?lang=` of this request, else the session's choice, else Swedish.
    public var language: Language = .sv

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Uploads of case extracts can be large (part 2); pages only send small forms.
    public var maxUploadSize: Int { 64 * 1024 * 1024 }
}

extension WebContext {
    /// The `{id}` of a model's page; a page without one does not exist.
    func modelID() throws -> String {
        guard let id = parameters.get("id"), !id.isEmpty else {
            throw WebError.notFound(WebStrings(language)("error.not_found"))
        }
        return id
    }

    /// Who makes a change, for the change log: the local user until accounts exist.
    var actor: String { ChangeLog.localActor }
}
