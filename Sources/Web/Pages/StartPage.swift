import Evaluation
import Foundation
import LogicModel
import Periods
import Store

/// The start page: every stored model as a card — its period, the latest period with
/// indicator data and how its indicators stand there, the latest survey wave of the
/// instruments it reads, and the last import that brought it data.
struct StartPage {
    struct Card: Sendable {
        var id: String
        var name: String
        /// The language the model is written in (its name's `lang` on a page in another).
        var language: Language = .sv
        var period: String?
        var latestPeriod: String?
        /// The period the counts are for (`PagePeriod`): the latest that can be assessed.
        var shownPeriod: String?
        var met = 0, notMet = 0, notAssessable = 0
        var latestWave: String?
        var lastImport: String?
    }

    static func cards(_ db: Database) throws -> [Card] {
        let catalog = ModelCatalog(db)
        let imports = try ImportLog(db).list()
        let repository = ReadinessRepository(db)
        let claims = try PDSACatalog(db).claims()
        return try catalog.list().compactMap { summary -> Card? in
            guard let versioned = try? catalog.resolveVersioned(summary.id) else { return nil }
            let model = versioned.model
            var card = Card(id: model.id, name: model.name, language: model.language,
                            period: model.period.map { "\($0.start) – \($0.end)" })
            let (_, data, period) = try PagePeriod.choose(db, modelID: model.id)
            card.latestPeriod = data.observations.map(\.period).max()?.description
            if let report = PagePeriod.status(versioned, data, period) {
                card.shownPeriod = report.period.description
                for row in report.indicators {
                    switch row.status {
                    case .met: card.met += 1
                    case .notMet: card.notMet += 1
                    default: card.notAssessable += 1
                    }
                }
            }
            let instruments = Set(model.indicators.compactMap { $0.data?.readinessInstrument })
            card.latestWave = try instruments.sorted().compactMap { try repository.waves(instrumentID: $0).last?.wave }.max()
            card.lastImport = ImportsPage.related(imports, to: model, measures: claims.measures(of: model.id))
                .max { $0.startedAt < $1.startedAt }.map { String($0.startedAt.prefix(10)) }
            return card
        }
    }

    /// `canAddPilot`: the link to a new pilot, for whoever may make one (local mode, an admin on every pilot).
    static func body(_ cards: [Card], _ s: WebStrings, canAddPilot: Bool = true) -> String {
        var out = "<p class=\"lead\">\(HTMLText.escape(s("start.lead")))</p>\n"
        let new = canAddPilot ? "<p><a href=\"/models/new\">\(HTMLText.escape(s("new.link")))</a></p>\n" : ""
        if cards.isEmpty {
            return out + "<p>\(HTMLText.escape(s("start.empty")))</p>\n" + new
        }
        out += "<ul class=\"cards\">\n"
        for c in cards {
            let lang = c.language == s.language ? "" : " lang=\"\(c.language.rawValue)\""
            out += "<li class=\"card\">\n<h2><a href=\"/models/\(Page.pathComponent(c.id))\"\(lang)>\(HTMLText.escape(c.name))</a></h2>\n<dl>\n"
            func row(_ label: String, _ value: String) {
                out += "<dt>\(HTMLText.escape(s(label)))</dt><dd>\(HTMLText.escape(value))</dd>\n"
            }
            row("start.period", c.period ?? s("start.none"))
            if let latest = c.latestPeriod {
                row("start.latest", latest)
                row("start.indicators", s("start.indicators.value", ["met": "\(c.met)", "not_met": "\(c.notMet)",
                                                                     "other": "\(c.notAssessable)",
                                                                     "period": c.shownPeriod ?? latest]))
            } else {
                row("start.latest", s("start.no_values"))
            }
            row("start.wave", c.latestWave ?? s("start.none"))
            row("start.import", c.lastImport ?? s("start.none"))
            out += "</dl>\n</li>\n"
        }
        return out + "</ul>\n" + new
    }
}

extension DataBinding {
    /// The survey instrument a binding reads, if it reads one.
    var readinessInstrument: String? {
        switch self {
        case .readinessItem(let instrument, _), .readinessSubscale(let instrument, _): instrument
        default: nil
        }
    }
}
