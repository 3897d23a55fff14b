import Evaluation
import Foundation
import LogicModel
import Periods
import Presentation
import Reports
import Store

/// The report documents the pages are cut from. A page shows the same sections a
/// report prints — the same blocks, built once by the report kinds (DESIGN §7) — so
/// the overview is the steering brief's, the pilot-vs-line page the final report's
/// comparison, and so on. Built documents are kept while the data is unchanged
/// (keyed by the database's fingerprint): the final report's comparisons take seconds.
actor PageDocuments {
    struct Key: Hashable {
        var model: String
        var kind: ReportKind
        var language: Language
        var period: String?
        var audience: Audience
        var dataVersion: String
    }

    private var entries: [Key: BuiltReport] = [:]
    private var order: [Key] = []
    private var building: [Key: Task<BuiltReport, any Error>] = [:]
    let limit = 24

    /// The built report for `key`, from the cache or built once however many pages
    /// ask for it at the same moment.
    func report(_ key: Key, build: @escaping @Sendable () async throws -> BuiltReport) async throws -> BuiltReport {
        if let hit = entries[key] { return hit }
        if let running = building[key] { return try await running.value }
        let task = Task { try await build() }
        building[key] = task
        defer { building[key] = nil }
        let built = try await task.value
        entries[key] = built
        order.append(key)
        if order.count > limit { entries[order.removeFirst()] = nil }
        return built
    }
}

/// Sets up and builds a report the way `piloteval report` does, for a page, the reports
/// page and the overview's run charts: one place that resolves the model, its
/// provenance and the request.
enum PageReport {
    struct Input {
        var model: LogicModel
        var provenance: ReportRecord.ModelProvenance
        var request: ReportRequest
        var strings: ReportStrings

        func context(_ db: Database) -> ReportContext {
            ReportContext(model: model, modelProvenance: provenance, request: request, strings: strings, database: db)
        }
    }

    /// `language` nil: the model's own.
    static func input(_ db: Database, modelID: String, kind: ReportKind, language: Language?, period: Period?,
                      audience: Audience, toolVersion: String) throws -> Input {
        let resolved = try ModelCatalog(db).resolveStored(modelID)
        let language = language ?? resolved.model.language
        var request = ReportRequest(kind: kind, language: language, format: "html",
                                    suppression: SuppressionRule(audience: audience), toolVersion: toolVersion)
        request.period = period
        let provenance = ReportRecord.ModelProvenance(id: resolved.document.id, name: resolved.model.name,
                                                      version: resolved.document.version, sha256: resolved.document.sha256)
        return Input(model: resolved.model, provenance: provenance, request: request, strings: ReportStrings(language))
    }

    static func build(_ db: Database, _ input: Input) throws -> BuiltReport {
        try ReportEngine.build(model: input.model, provenance: input.provenance, request: input.request,
                               strings: input.strings, database: db)
    }

    static func build(_ db: Database, modelID: String, kind: ReportKind, language: Language, period: Period?,
                      audience: Audience, toolVersion: String) throws -> BuiltReport {
        try build(db, input(db, modelID: modelID, kind: kind, language: language, period: period, audience: audience,
                            toolVersion: toolVersion))
    }
}

extension ReportDocument {
    /// Depth-first search for the first section whose key starts with `prefix`.
    func section(keyed prefix: String) -> ReportSection? {
        outline.first { $0.section.key.hasPrefix(prefix) }?.section
    }
}
