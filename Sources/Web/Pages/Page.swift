import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import LogicModel
import Mustache
import Presentation
import Reports

/// One page of the web application: a title (the page's only `<h1>`), a body of HTML
/// rendered from blocks, and the frame around it — skip link, navigation, language
/// switch, landmarks — from one Mustache layout. Pages never build their own frame.
struct Page {
    var title: String
    var language: Language
    var body: String
    var session: WebSession?
    /// The model whose pages these are, for the second navigation row.
    var model: PageModel? = nil
    /// Which entry of the model's navigation is this page (`nav.*` key).
    var current: String? = nil
    /// The path of this page, for the language switch.
    var path: String = "/"
    /// Whether the page can show small counts (local mode: the internal audience).
    var internalAudience = false
    /// A reader's page: the model's navigation leaves out entering values and imports.
    var readOnly = false

    static let modelSections = ["overview", "logic_model", "indicators", "pilot_vs_line", "readiness",
                                "improvement", "reports", "entry", "imports"]

    func html() -> String {
        let s = WebStrings(language)
        var context: [String: Any] = [
            "lang": language.rawValue,
            "title": title,
            "body": body,
            "skip": s("skip"),
            "navMain": s("nav.main"),
            "start": s("nav.start"),
            "help": s("nav.help"),
            "accessibility": s("nav.accessibility"),
            "switchLabel": s("lang.switch"),
            "switchLang": s("lang.switch.code"),
            "switchHref": path + "?lang=" + s("lang.switch.code"),
            // Who is in: the account, or the link's holder; nothing before anyone is (a sign-in or error page).
            "footer": session.map { $0.user.map { s("footer.signed_in", ["user": $0]) } ?? s("footer.local") } ?? "",
            "appName": s("app.name"),
        ]
        if internalAudience { context["marking"] = s("marking.internal") }
        if session?.user != nil { context["signOut"] = s("logout.title") }
        // The overview's heading is the model's name, in the language the model is written in.
        if let model, current == "overview", let lang = model.languageAttribute(on: language) { context["titleLang"] = lang }
        if let model {
            context["modelNav"] = [
                "label": s("nav.model"),
                "name": model.name,
                "items": Self.modelSections.filter { !readOnly || !["entry", "imports"].contains($0) }.map { key -> [String: Any] in
                    let href = "/models/\(Self.pathComponent(model.id))" + (key == "overview" ? "" : "/" + key.replacingOccurrences(of: "_", with: "-"))
                    return ["href": href, "label": s("nav." + key), "current": key == current]
                },
            ]
        }
        return Self.layout.render(context)
    }

    func response(status: HTTPResponse.Status = .ok, signedIn: Bool = true) -> Response {
        var page = self
        if !signedIn { page.model = nil }
        return Self.response(html: page.html(), language: language, status: status)
    }

    static func response(html: String, language: Language, status: HTTPResponse.Status = .ok) -> Response {
        response(bytes: ByteBuffer(string: html), language: language, status: status)
    }

    static func response(bytes: ByteBuffer, language: Language, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentLanguage] = language.rawValue
        return Response(status: status, headers: headers, body: .init(byteBuffer: bytes))
    }

    /// An id as one path segment (model ids are slugs, but say so in code).
    static func pathComponent(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? id
    }

    static let layout: MustacheTemplate = {
        // swiftlint:disable:next force_try
        try! MustacheTemplate(string: layoutText)
    }()

    static let layoutText = """
    <!DOCTYPE html>
    <html lang="{{lang}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} – {{appName}}</title>
    <link rel="stylesheet" href="/assets/app.css">
    <script src="/assets/app.js" defer></script>
    </head>
    <body>
    <a class="skip" href="#main">{{skip}}</a>
    <header class="site">
    <a class="brand" href="/">{{appName}}</a>
    <nav class="site-nav" aria-label="{{navMain}}">
    <ul>
    <li><a href="/">{{start}}</a></li>
    <li><a href="/help">{{help}}</a></li>
    </ul>
    </nav>
    <a class="lang-switch" href="{{switchHref}}" lang="{{switchLang}}" hreflang="{{switchLang}}">{{switchLabel}}</a>
    </header>
    {{#modelNav}}
    <nav class="model-nav" aria-label="{{label}}: {{name}}">
    <ul>
    {{#items}}
    <li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>
    {{/items}}
    </ul>
    </nav>
    {{/modelNav}}
    <main id="main" tabindex="-1">
    {{#marking}}<p class="marking" role="note">{{marking}}</p>{{/marking}}
    <h1{{#titleLang}} lang="{{titleLang}}"{{/titleLang}}>{{title}}</h1>
    {{{body}}}
    </main>
    <footer class="site">
    <p>{{footer}}{{#signOut}} <a href="/logout">{{signOut}}</a> ·{{/signOut}} <a href="/accessibility">{{accessibility}}</a></p>
    </footer>
    </body>
    </html>

    """
}

/// The model a page belongs to: its id for addresses, its name and the language its
/// own texts (name, goals, indicator titles) are written in.
struct PageModel: Sendable {
    var id: String
    var name: String
    var language: Language

    init(_ model: LogicModel) {
        id = model.id
        name = model.name
        language = model.language
    }

    /// The `lang` a piece of the model's own text needs on a page in `pageLanguage`
    /// (WCAG 3.1.2, language of parts): nil when they agree.
    func languageAttribute(on pageLanguage: Language) -> String? {
        language == pageLanguage ? nil : language.rawValue
    }

    /// ` lang="sv"` for an element holding the model's text, or nothing.
    func langAttribute(on pageLanguage: Language) -> String {
        languageAttribute(on: pageLanguage).map { " lang=\"\($0)\"" } ?? ""
    }
}

/// HTML text escaping for the web's own strings: the reports' escaper, one per output
/// language (DESIGN §7).
enum HTMLText {
    static func escape(_ s: String) -> String { HTMLEscape.text(s) }
}
