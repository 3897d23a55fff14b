import Evaluation
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import LogicModel
import Periods
import Presentation
import Reports
import Store

/// The pages people read (DESIGN §8). Each handler gathers its data on the thread pool,
/// then renders blocks into the one layout.
struct PageRoutes: Sendable {
    let services: WebServer.Services

    func register(on router: Router<WebContext>) {
        router.get("/assets/:name") { _, context -> Response in
            guard let name = context.parameters.get("name"), let response = Assets.response(name) else {
                throw WebError.notFound(WebStrings(context.language)("error.not_found"))
            }
            return response
        }
        router.get("/") { request, context in try await cached(request, context) { try await start(request, context) } }
        router.get("/help") { _, context in HelpPages.help(context).response() }
        router.get("/accessibility") { _, context in HelpPages.accessibility(context).response() }
        router.get("/models/:id") { request, context in try await cached(request, context) {
            let id = try modelID(context)
            let chosen = try periodParameter(request, context)
            let language = context.language, toolVersion = services.configuration.toolVersion, audience = context.audience(for: id)
            let data = try await services.data.read { db -> OverviewPage.Data in
                let (versioned, data, period) = try PagePeriod.choose(db, modelID: id)
                return OverviewPage.Data(
                    status: PagePeriod.status(versioned, data, chosen ?? period),
                    trend: IndicatorTrendAnalysis.compute(model: versioned.model, modelVersion: versioned.version,
                                                          observations: data.observations, indicator: nil,
                                                          earlierVersions: data.versions),
                    computed: Set(versioned.model.indicators.filter { $0.data != nil }.map(\.id)),
                    signals: try Self.improvement(db, versioned.model, language: language, audience: audience, toolVersion: toolVersion).measures
                        .map { OverviewPage.signal($0, model: versioned.model, s: WebStrings(language)) },
                    textLanguage: versioned.model.language)
            }
            // The tiles show values as entered, small counts and all: the pilot's team only.
            let before = context.audience(for: id) == .internal ? OverviewPage.content(data, language: language) : PageContent()
            return try await sectionPage(request, context, current: "overview", selection: Self.overview,
                                         period: chosen ?? data.status?.period, before: before)
        } }
        router.get("/models/:id/indicators") { request, context in try await cached(request, context) {
            let id = try modelID(context)
            let chosen = try periodParameter(request, context)
            let (periods, opening) = try await services.data.read { db -> ([Period], Period?) in
                let (_, data, period) = try PagePeriod.choose(db, modelID: id)
                return (Array(Set(data.observations.map(\.period))).sorted(), period)
            }
            let picker = IndicatorsPage.picker(periods: periods, chosen: chosen ?? opening, modelID: id, language: context.language)
            return try await sectionPage(request, context, current: "indicators",
                                         selection: .init(kind: .final, keys: ["6.indicators"]), period: chosen ?? opening,
                                         before: PageContent([.html(picker)]))
        } }
        // The final report's comparison, then a form to look closer: one outcome in any
        // design (adjusted with its balance, difference-in-differences with its pre-trend,
        // the pilot ranked among units), in the reader's language.
        router.get("/models/:id/pilot-vs-line") { request, context in
            // A view of case-derived results: in the access log, whoever looks (cached or not).
            try await logView(context, pilot: try modelID(context), what: "pilot vs line" + (request.uri.queryParameters.get("outcome").map { ": \($0)" } ?? ""))
            return try await cached(request, context) {
            let id = try modelID(context)
            let query = request.uri.queryParameters
            // The closer look shows every count: the pilot's team only (a reader sees the report's section).
            guard context.audience(for: id) == .internal else {
                return try await sectionPage(request, context, current: "pilot_vs_line", selection: .init(kind: .final, keys: ["6.pilot_vs_line"]))
            }
            let chosen = query.get("outcome"), design = PilotVsLinePage.design(query.get("design"))
            let language = context.language
            let (form, results) = try await services.data.read { db -> (String, PageContent) in
                let model = try ModelCatalog(db).resolve(id)
                let dataset = try CohortComparisonSection.loadFromDatabase(db, model.id)
                let outcomes = dataset.map { PilotVsLinePage.outcomes(in: $0, language: language) } ?? []
                let form = PilotVsLinePage.form(outcomes: outcomes, chosenOutcome: chosen, design: design, modelID: id,
                                                language: language)
                guard let dataset, let outcome = chosen else { return (form, PageContent()) }
                let results = PilotVsLinePage.results(dataset: dataset, outcome: outcome, design: design ?? .unadjusted,
                                                      pilotName: model.name, language: language)
                return (form, results)
            }
            return try await sectionPage(request, context, current: "pilot_vs_line",
                                         selection: .init(kind: .final, keys: ["6.pilot_vs_line"]), after: PageContent([.html(form)]) + results)
        } }
        // The final report's readiness section, then each scale over time and the gaps.
        router.get("/models/:id/readiness") { request, context in try await cached(request, context) {
            let id = try modelID(context)
            let language = context.language
            let minGroup = SuppressionRule(audience: context.audience(for: id)).minimumGroup
            let closer = try await services.data.read { db in
                try ReadinessPage.closerLook(db, modelID: id, minGroup: minGroup, language: language)
            }
            return try await sectionPage(request, context, current: "readiness",
                                         selection: .init(kind: .final, keys: ["6.readiness"]), after: closer)
        } }
        // The final report's run charts with their PDSA cycles, then the model's cycles to
        // change or add to. Not cached: a saved cycle's notice is said once.
        router.get("/models/:id/improvement") { request, context in
            let id = try modelID(context)
            var notice: String?
            if let session = context.session { notice = await services.sessions.takeNotice(for: session.id) }
            let language = context.language
            let canEdit = context.may(.editor, on: id)
            let (cycles, baselines) = try await services.data.read { db in
                let model = try ModelCatalog(db).resolve(id)
                return (try PDSACatalog(db).all().filter { $0.model == model.id },
                        canEdit ? try BaselineRoutes.measures(db, model: model) : [])
            }
            var before = PageContent()
            if let notice { before.html("<div class=\"callout\" role=\"status\"><p>\(HTMLText.escape(notice))</p></div>\n") }
            let s = WebStrings(language)
            var after = PageContent([.html(PDSAPage.list(cycles, modelID: id, canEdit: canEdit, s: s))])
            if canEdit {
                after.html(BaselinePage.forms(baselines, modelID: id, csrf: context.session?.csrfToken ?? "", s: s))
            }
            return try await sectionPage(request, context, current: "improvement",
                                         selection: .init(kind: .final, keys: ["6.improvement"]), before: before, after: after).response()
        }
        router.get("/models/:id/logic-model") { request, context in try await cached(request, context) {
            let id = try modelID(context)
            let query = request.uri.queryParameters
            let from = query.get("from").flatMap(Int.init), to = query.get("to").flatMap(Int.init)
            let language = context.language
            let (versions, diff) = try await services.data.read { db -> ([StoredDocument], LogicModelDiff?) in
                let catalog = ModelCatalog(db)
                let stored = try catalog.versions(of: id)
                guard from != nil || to != nil else { return (stored, nil) }
                // Versions an older piloteval stored and this one cannot read are left out.
                let decoded = try catalog.decodedVersions(of: id)
                let newer = to.flatMap { t in decoded.first { $0.version == t } } ?? decoded.last
                let older = from.flatMap { f in decoded.first { $0.version == f } }
                    ?? newer.flatMap { n in decoded.last { $0.version < n.version } }
                guard let older, let newer else { return (stored, nil) }
                return (stored, LogicModelDiff.compare(older.model, newer.model, fromVersion: older.version, toVersion: newer.version))
            }
            let (indicators, lang) = try await services.data.read { db in
                let model = try ModelCatalog(db).resolve(id)
                return (model.indicators.map { ($0.id, $0.title) }, PageModel(model).langAttribute(on: language))
            }
            let canEdit = context.may(.editor, on: id)
            var after = LogicModelPage.versions(versions, modelID: id, from: from, to: to, canEdit: canEdit, language: language)
            if let diff { after.blocks(diff.blocks(style: NumberStyle(language))) }
            if canEdit { after.html(IndicatorFormPage.list(indicators, modelID: id, lang: lang, s: WebStrings(language))) }
            return try await sectionPage(request, context, current: "logic_model",
                                         selection: .init(kind: .final, keys: ["6.logic_model"]), after: after)
        } }
        router.get("/models/:id/logic-model.svg") { _, context in
            let id = try modelID(context)
            let svg = try await services.data.read { db in SVGRenderer.render(try ModelCatalog(db).resolve(id)) }
            var headers = HTTPFields()
            headers[.contentType] = "image/svg+xml"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: svg)))
        }
    }

    /// The improvement measures' run charts as the final report computes them (its
    /// section's own function), for the overview's signals.
    static func improvement(_ db: Database, _ model: LogicModel, language: Language, audience: Audience,
                            toolVersion: String) throws -> RunChartSection.Result {
        let input = try PageReport.input(db, modelID: model.id, kind: .final, language: language, period: nil,
                                         audience: audience, toolVersion: toolVersion)
        return try RunChartSection().compute(input.context(db))
    }

    /// The overview: the steering brief's figures (its verdict in words first, then what
    /// changed, indicators off target, pilot vs line, readiness), without its prose sections.
    static let overview = ReportSectionPage.Selection(
        kind: .steering, keys: ["steering.summary", "steering.changes", "steering.pilot_vs_line", "steering.readiness",
                                "steering.off_target"])

    /// A page built once per address, language and state of the data (`PageCache`).
    func cached(_ request: Request, _ context: WebContext, _ build: @escaping @Sendable () async throws -> Page) async throws -> Response {
        let key = PageCache.Key(path: request.uri.path, query: request.uri.query ?? "", language: context.language.rawValue,
                                dataVersion: services.data.version(),
                                // The account and its roles: a role granted since is a new page.
                                viewer: context.user.map { "\($0.name)|\($0.grants)" } ?? "")
        let bytes = try await services.pages.page(key) { try await build().html() }
        return Page.response(bytes: bytes, language: context.language)
    }

    func start(_ request: Request, _ context: WebContext) async throws -> Page {
        let s = WebStrings(context.language)
        let user = context.user
        let cards = try await services.data.read { db in try StartPage.cards(db).filter { user?.sees($0.id) ?? true } }
        var body = StartPage.body(cards, s, canAddPilot: user?.isGlobalAdmin ?? true)
        if user?.isGlobalAdmin == true {
            body += "<h2>\(HTMLText.escape(s("start.admin")))</h2>\n<p><a href=\"/admin/audit\">\(HTMLText.escape(s("audit.title")))</a></p>\n"
        }
        return Page(title: s("start.title"), language: context.language, body: body, session: context.session, path: "/")
    }

    func sectionPage(_ request: Request, _ context: WebContext, current: String,
                     selection: ReportSectionPage.Selection, period: Period? = nil,
                     before: PageContent = PageContent(), after: PageContent = PageContent()) async throws -> Page {
        let id = try modelID(context)
        let language = context.language
        let period = try period ?? periodParameter(request, context)
        let audience = context.audience(for: id)
        let key = PageDocuments.Key(model: id, kind: selection.kind, language: language, period: period?.description,
                                    audience: audience, dataVersion: services.data.version())
        let data = services.data, toolVersion = services.configuration.toolVersion
        let built: BuiltReport, model: PageModel
        do {
            model = try await data.read { db in PageModel(try ModelCatalog(db).resolve(id)) }
            built = try await services.documents.report(key) {
                try await data.read { db in
                    try PageReport.build(db, modelID: id, kind: selection.kind, language: language, period: period,
                                         audience: audience, toolVersion: toolVersion)
                }
            }
        } catch is CatalogError {
            throw WebError.notFound(WebStrings(language)("error.model", ["id": id]))
        }
        let s = WebStrings(language)
        let title = current == "overview" ? model.name : s("nav." + current)
        var page = Page(title: title, language: language,
                        body: (before + ReportSectionPage.content(built, selection, language: language) + after).html(language),
                        session: context.session, model: model, current: current,
                        path: request.uri.path, internalAudience: audience == .internal)
        page.readOnly = !context.may(.editor, on: id)
        return page
    }

    func modelID(_ context: WebContext) throws -> String { try context.modelID() }

    /// A look at case-derived results, for the access log (accounts mode; local mode has one user).
    func logView(_ context: WebContext, pilot: String, what: String) async throws {
        guard let user = context.user else { return }
        try await services.data.logAccess { db in try AccessLog(db).record(user: user.name, action: "view", pilot: pilot, what: what) }
    }

    func periodParameter(_ request: Request, _ context: WebContext) throws -> Period? {
        guard let text = request.uri.queryParameters.get("period"), !text.isEmpty else { return nil }
        guard let period = Period(parsing: text) else {
            throw WebError.badRequest(WebStrings(context.language)("error.period", ["period": text]))
        }
        return period
    }
}
