import Evaluation
import Foundation
import Hummingbird
import LogicModel
import Periods
import Presentation
import Reports
import Store

/// Entering a period's indicator values in the browser (issue 23). The form is saved as
/// one observation file through the import (`ValueEntry`), so a save is checked as a
/// CSV import is, recorded as an import, and undone on the imports page. A save from a
/// form opened on another state of the period (another person saved or undid since) is
/// refused with what was typed kept. Not cached: the form carries the CSRF token.
struct EntryRoutes: Sendable {
    let services: WebServer.Services

    func register(on router: Router<WebContext>) {
        router.get("/models/:id/entry") { request, context in
            try context.require(.editor, on: try context.modelID())
            var notice: String?
            if let session = context.session { notice = await services.sessions.takeNotice(for: session.id) }
            let chosen = request.uri.queryParameters.get("period")
            return try await page(request, context, periodText: chosen, state: EntryPage.State(notice: notice))
        }
        router.post("/models/:id/entry") { request, context in try await save(request, context) }
        router.post("/models/:id/entry/approval") { request, context in try await approval(request, context) }
    }

    /// The page for a period: the picker, the form, the computed indicators.
    func page(_ request: Request, _ context: WebContext, periodText: String?, state: EntryPage.State,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let id = try context.modelID()
        let s = WebStrings(context.language), style = NumberStyle(context.language)
        var chosen: Period?
        if let periodText, !periodText.isEmpty {
            guard let p = Period(parsing: periodText) else { throw WebError.badRequest(s("error.period", ["period": periodText])) }
            chosen = p
        }
        let language = context.language, asked = chosen
        let (model, periods, entry, statusWords) = try await services.data.read { db -> (LogicModel, [Period], ValueEntry?, [String: String]) in
            let versioned = try ModelCatalog(db).resolveVersioned(id)
            let (all, opening) = ValueEntry.periods(model: versioned.model, today: .today())
            guard let period = asked ?? opening else { return (versioned.model, all, nil, [:]) }
            let data = try IndicatorData.load(db, modelID: versioned.model.id)
            let entry = ValueEntry(model: versioned.model, period: period, observations: data.observations,
                                   approval: try PeriodApprovals(db).approval(modelID: versioned.model.id, period: period.text),
                                   pending: data.pending)
            let r = ReportStrings(language)
            var words: [String: String] = [:]
            for row in PagePeriod.status(versioned, data, period)?.indicators ?? [] { words[row.id] = r("status." + row.status.rawValue) }
            return (versioned.model, all, entry, words)
        }
        var body = "<p class=\"lead\">\(HTMLText.escape(s("entry.lead")))</p>\n"
        if let entry {
            let listed = periods.contains(entry.period) ? periods : [entry.period] + periods
            body += EntryPage.picker(listed, chosen: entry.period, modelID: id, s: s, style: style)
            var state = state
            if state.status.isEmpty { state.status = statusWords }
            state.canApprove = context.may(.approver, on: id)
            body += EntryPage.form(entry, state: state, model: model, modelID: id, csrf: context.session?.csrfToken ?? "",
                                   s: s, style: style)
        } else {
            body += "<p>\(HTMLText.escape(s("entry.none", ["period": "–"])))</p>\n"
        }
        return Page(title: s("nav.entry"), language: context.language, body: body, session: context.session,
                    model: PageModel(model), current: "entry", path: request.uri.path).response(status: status)
    }

    func save(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try context.modelID()
        let s = WebStrings(context.language), style = NumberStyle(context.language)
        let fields = FormFields(String(buffer: try await request.body.collect(upTo: 1024 * 1024)))
        guard let periodText = fields["period"], let period = Period(parsing: periodText) else {
            throw WebError.badRequest(s("error.request"))
        }
        let saving = fields["action"] == "save"
        let openedOn = fields["version"] ?? ""
        // The values whose warnings the person has seen (their file's SHA-256).
        let confirmed = fields["confirmed"] ?? ""
        // What was typed, by indicator:group.
        var input: [String: ValueEntry.Values] = [:]
        for (name, value) in fields.values {
            let parts = name.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, ValueEntry.fields.contains(parts[0]) else { continue }
            let key = parts[1] + ":" + parts[2]
            input[key, default: ValueEntry.Values()][field: parts[0]] = value
        }
        var state = EntryPage.State(input: input, version: openedOn)
        let typed = input
        enum Outcome: Sendable {
            case saved(Int), checked(Int, [String]), refused([String: String], [String]), conflict, nothing, unchanged, locked
            /// Saving would bring warnings the person has not seen for these values: shown first.
            case warn(Int, [String], confirm: String)
        }
        let fileName = "formular-\(period.text).csv"
        let actor = context.actor
        let outcome = try await services.data.write { db -> Outcome in
            let versioned = try ModelCatalog(db).resolveVersioned(id)
            let data = try IndicatorData.load(db, modelID: versioned.model.id)
            let entry = ValueEntry(model: versioned.model, period: period, observations: data.observations)
            // An approved period is not edited in the form (an approver unlocks it first).
            if try PeriodApprovals(db).approval(modelID: versioned.model.id, period: period.text)?.state == .locked {
                return .locked
            }
            // Optimistic concurrency: the period as it was when the form was opened.
            if saving, entry.version != openedOn { return .conflict }
            let (text, lines) = entry.file(typed)
            guard !lines.isEmpty else { return .nothing }
            if saving, entry.isUnchanged(typed) { return .unchanged }
            do {
                // Warnings are shown before anything is saved: a save whose values bring
                // warnings goes through once the person has seen them for these values.
                let fingerprint = ContentHash.sha256(Data(text.utf8))
                if saving, confirmed != fingerprint,
                   case .preview(let p) = try IndicatorUpload.run(db, modelID: id, data: Data(text.utf8), fileName: fileName,
                                                                  dryRun: true, repeatable: true),
                   !p.warnings.isEmpty {
                    return .warn(p.rows, p.warnings, confirm: fingerprint)
                }
                // Values the period had before, chosen again after other saves, are a save like any other.
                let result = try IndicatorUpload.run(db, modelID: id, data: Data(text.utf8), fileName: fileName, dryRun: !saving,
                                                     repeatable: true)
                switch result {
                case .preview(let p): return .checked(p.rows, p.warnings)
                case .imported(let p, let record):
                    try ChangeLog(db).record(actor: actor, action: "entry", modelID: versioned.model.id, subject: period.text,
                                             detail: "import \(record.id), \(p.rows) values")
                    return .saved(p.rows)
                }
            } catch let refused as UploadRefused {
                var byField: [String: String] = [:]
                var general: [String] = []
                for error in refused.located {
                    if let row = lines[error.line], let field = ValueEntry.field(column: error.column) {
                        byField["\(field):\(row.indicator):\(row.group)"] = error.message
                    } else if let row = lines[error.line] {
                        byField["value:\(row.indicator):\(row.group)"] = error.message
                    } else {
                        general.append(error.message)
                    }
                }
                if refused.located.isEmpty { general = refused.errors }
                return .refused(byField, general)
            }
        }
        switch outcome {
        case .saved(let n):
            if let session = context.session {
                await services.sessions.setNotice(s("entry.saved", ["n": "\(n)", "period": style.period(period)]), for: session.id)
            }
            return Response.redirect(to: "/models/\(Page.pathComponent(id))/entry?period=\(period.text)", type: .normal)
        case .checked(let n, let warnings):
            state.notice = s("entry.checked", ["n": "\(n)"])
            state.warnings = warnings.map { Self.withoutFileName($0, fileName) }
            return try await page(request, context, periodText: period.text, state: state)
        case .warn(_, let warnings, let fingerprint):
            state.notice = s("entry.warned")
            state.warnings = warnings.map { Self.withoutFileName($0, fileName) }
            state.confirm = fingerprint
            return try await page(request, context, periodText: period.text, state: state)
        case .refused(let byField, let general):
            state.errors = byField
            state.general = general
            return try await page(request, context, periodText: period.text, state: state, status: .unprocessableContent)
        case .conflict:
            state.general = [s("entry.conflict")]
            // Saving again, after comparing, is deliberate: the form now carries the period as it is.
            state.version = nil
            state.showStored = true
            return try await page(request, context, periodText: period.text, state: state, status: .conflict)
        case .nothing:
            state.general = [s("entry.nothing")]
            return try await page(request, context, periodText: period.text, state: state, status: .unprocessableContent)
        case .locked:
            state.general = [s("entry.locked.refused")]
            return try await page(request, context, periodText: period.text, state: state, status: .conflict)
        case .unchanged:
            state.notice = s("entry.unchanged")
            return try await page(request, context, periodText: period.text, state: state)
        }
    }

    /// Marks the period ready, locks it with its values as they stand, or unlocks it
    /// (with a reason, recorded). Each step is one transaction with its change-log entry.
    func approval(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try context.modelID()
        let s = WebStrings(context.language)
        let fields = FormFields(String(buffer: try await request.body.collect(upTo: 64 * 1024)))
        guard let periodText = fields["period"], let period = Period(parsing: periodText),
              let action = fields["action"], ["ready", "lock", "unlock"].contains(action) else {
            throw WebError.badRequest(s("error.request"))
        }
        // Words about the change, never personal data: an identity number is masked, and the length kept short.
        let reason = String(IdentityNumberScanner.masking((fields["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
            .prefix(500))
        if action == "unlock", reason.isEmpty {
            var state = EntryPage.State()
            state.errors["reason"] = s("entry.approval.reason.missing")
            return try await page(request, context, periodText: period.text, state: state, status: .unprocessableContent)
        }
        if action != "ready" { try context.require(.approver, on: id) }
        let actor = context.actor
        do {
            try await services.data.write { db in
                let model = try ModelCatalog(db).resolve(id)
                let modelID = model.id
                // Only a period the form offers (of the model's frequencies, begun by today).
                guard ValueEntry.periods(model: model, today: .today()).all.contains(period) else {
                    throw WebError.badRequest(s("error.period", ["period": period.text]))
                }
                let approvals = PeriodApprovals(db)
                switch action {
                case "ready": try PeriodLocks.markReady(db, modelID: modelID, period: period, actor: actor)
                case "lock": try PeriodLocks.lock(db, modelID: modelID, period: period, actor: actor)
                default: try approvals.unlock(modelID: modelID, period: period.text, actor: actor, reason: reason)
                }
            }
        } catch let error as PeriodApprovalError {
            var state = EntryPage.State()
            state.general = [s("entry.approval.refused." + "\(error.reason)")]
            return try await page(request, context, periodText: period.text, state: state, status: .conflict)
        }
        if let session = context.session {
            await services.sessions.setNotice(s("entry.approval.done." + action, ["period": NumberStyle(context.language).period(period)]),
                                              for: session.id)
        }
        return Response.redirect(to: "/models/\(Page.pathComponent(id))/entry?period=\(period.text)#approval", type: .normal)
    }

    /// A warning as the import words it ("formular-2024-T1.csv:3: …"), without the file
    /// the form was saved as: the person never saw that file.
    static func withoutFileName(_ warning: String, _ fileName: String) -> String {
        guard warning.hasPrefix(fileName + ":") else { return warning }
        let rest = warning.dropFirst(fileName.count + 1)
        return String(rest.drop { $0.isNumber }.drop { $0 == ":" || $0 == " " })
    }
}
