import HTTPTypes
import Hummingbird
import HummingbirdCore
import Evaluation
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
        return id
    }

    /// Who makes a change, for the change log: the local user until accounts exist.
    var actor: String { ChangeLog.localActor }
}
