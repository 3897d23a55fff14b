import Evaluation
import Foundation
import Hummingbird
import LogicModel
import Reports
import Store

/// A measure's baseline set in the browser (the improvement page's "Baslinjer"): the same
/// setting as `piloteval measures baseline`, kept with the measure's newest import. Only
/// a measure the pilot shows (its own cycles watch it, or it was imported under the
/// pilot, or nothing claims it) is changed from the pilot's pages.
struct BaselineRoutes: Sendable {
    let services: WebServer.Services

    func register(on router: Router<WebContext>) {
        router.post("/models/:id/measures/:measure/baseline") { request, context in try await save(request, context) }
    }

    /// The forms' measures: those the improvement page shows, with their points.
    static func measures(_ db: Database, model: LogicModel) throws -> [BaselinePage.Measure] {
        try ImprovementData.load(db, modelID: model.id).measures.map { m in
            BaselinePage.Measure(id: m.summary.measure,
                                 name: RunChartSection.measureName(m.summary.measure, title: m.summary.title, model: model),
                                 points: m.series.points.map { ($0.label, $0.date?.iso ?? $0.label) },
                                 through: StoredMeasureReading.baseline(through: m.summary.baselineThrough, in: m.series)
                                     .flatMap { b in m.series.points[b.points - 1].date?.iso })
        }
    }

    func save(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try context.modelID()
        try context.require(.editor, on: id)
        let s = WebStrings(context.language)
        guard let measure = context.parameters.get("measure") else { throw WebError.notFound(s("error.not_found")) }
        let fields = FormFields(String(buffer: try await request.body.collect(upTo: 64 * 1024)))
        let through = (fields["through"] ?? "").trimmingCharacters(in: .whitespaces)
        let actor = context.actor
        enum Outcome: Sendable { case saved(name: String, point: String?), refused(name: String, reason: String), unknown }
        let outcome = try await services.data.write { db -> Outcome in
            let model = try ModelCatalog(db).resolve(id)
            guard let shown = try Self.measures(db, model: model).first(where: { $0.id == measure }) else { return .unknown }
            do {
                let (_, last) = try MeasureTable(db).setBaseline(through: through.isEmpty ? nil : through, of: measure)
                try ChangeLog(db).record(actor: actor, action: "baseline", modelID: model.id, subject: measure,
                                         detail: last.map { "baseline through \($0.label)" } ?? "no baseline")
                return .saved(name: shown.name, point: last?.label)
            } catch is MeasureTableError {
                // The select offers only points that can end a baseline, so this is a form
                // opened before the values changed: said in the page's language.
                return .refused(name: shown.name, reason: s("baseline.refused.reason"))
            }
        }
        let notice: String
        switch outcome {
        case .unknown: throw WebError.notFound(s("error.not_found"))
        case .saved(let name, let point?): notice = s("baseline.saved", ["measure": name, "point": point])
        case .saved(let name, nil): notice = s("baseline.cleared", ["measure": name])
        case .refused(let name, let reason): notice = s("baseline.refused", ["measure": name, "reason": reason])
        }
        if let session = context.session { await services.sessions.setNotice(notice, for: session.id) }
        return Response.redirect(to: "/models/\(Page.pathComponent(id))/improvement#baselines", type: .normal)
    }
}
