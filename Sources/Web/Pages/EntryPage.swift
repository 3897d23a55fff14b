import Evaluation
import LogicModel
import Periods
import Presentation
import Reports
import Store

/// The form for one period's indicator values (issue 23): a period picker (a GET form),
/// then per indicator a small table — one row per group, inputs for the value or the
/// numerator and denominator and a note, beside the previous value, the target and the
/// period's status — then the indicators computed from loaded data, read-only with their
/// source. "Kontrollera" checks without saving; "Spara" saves the form as one import.
/// A failed check or save shows the form again with what was typed and each error
/// beside its field.
enum EntryPage {
    /// What the form shows besides the stored values.
    struct State: Sendable {
        /// What the person typed, by `indicator:group`; nil shows what is stored.
        var input: [String: ValueEntry.Values]? = nil
        /// Errors by field name (`value:I1:total`), or by `indicator:group` for a whole row.
        var errors: [String: String] = [:]
        /// Errors no field owns (a conflict, nothing to save).
        var general: [String] = []
        var warnings: [String] = []
        /// Each indicator's status in the period, in words, by id.
        var status: [String: String] = [:]
        var notice: String? = nil
        /// The version the form was opened on (kept through a failed save).
        var version: String? = nil
        /// After a conflict: what is stored now, beside each row where it differs from the input.
        var showStored = false
        /// The values whose warnings were just shown: saving them again goes through.
        var confirm: String? = nil
        /// Whether the person may lock and unlock (an approver; in local mode, the one user).
        var canApprove = true
    }

    static func picker(_ periods: [Period], chosen: Period, modelID: String, s: WebStrings, style: NumberStyle) -> String {
        let e = HTMLText.escape
        var out = "<form method=\"get\" action=\"/models/\(Page.pathComponent(modelID))/entry\" class=\"inline\">\n"
        out += "<p><label for=\"period\">\(e(s("entry.period")))</label>\n<select id=\"period\" name=\"period\">\n"
        for p in periods {
            out += "<option value=\"\(p.text)\"\(p == chosen ? " selected" : "")>\(e(style.period(p)))</option>\n"
        }
        return out + "</select></p>\n<p><button type=\"submit\">\(e(s("entry.choose")))</button></p>\n</form>\n"
    }

    static func form(_ entry: ValueEntry, state: State, model: LogicModel, modelID: String, csrf: String, s: WebStrings,
                     style: NumberStyle) -> String {
        let e = HTMLText.escape
        var out = ""
        if let notice = state.notice { out += "<div class=\"callout\" role=\"status\"><p>\(e(notice))</p></div>\n" }
        let problems = state.errors.count + state.general.count
        if problems > 0 {
            out += "<div class=\"callout callout-warning\" role=\"alert\" id=\"problems\">"
                + "<p class=\"callout-title\">\(e(s("entry.errors", ["n": "\(problems)"])))</p>\n<ul>\n"
                + state.general.map { "<li>\(e($0))</li>\n" }.joined()
                + state.errors.keys.sorted(by: { fieldOrder($0, entry) < fieldOrder($1, entry) }).map { key in
                    "<li><a href=\"#\(e(fieldID(key)))\">\(e(fieldLabel(key, entry: entry, s: s)))</a>: <span\(s.englishMark)>\(e(state.errors[key]!))</span></li>\n"
                }.joined()
                + "</ul></div>\n"
        }
        if !state.warnings.isEmpty {
            out += "<div class=\"callout callout-caveat\"><p class=\"callout-title\">\(e(s("entry.warnings")))</p>\n<ul>\n"
                + state.warnings.map { "<li\(s.englishMark)>\(e($0))</li>\n" }.joined() + "</ul></div>\n"
        }
        guard !entry.rows.isEmpty else {
            out += "<p>\(e(s("entry.none", ["period": style.period(entry.period)])))</p>\n"
            return out + approval(entry, state: state, modelID: modelID, csrf: csrf, s: s, style: style) + computed(entry, s: s)
        }
        // An approved period's values are shown as they were approved, not for editing.
        let locked = entry.locked
        if locked {
            out += "<p class=\"callout\">\(e(s("entry.locked", ["period": style.period(entry.period)])))</p>\n"
        }
        out += "<form method=\"post\" action=\"/models/\(Page.pathComponent(modelID))/entry\" novalidate>\n"
        out += "<input type=\"hidden\" name=\"_csrf\" value=\"\(e(csrf))\">\n"
        out += "<input type=\"hidden\" name=\"period\" value=\"\(e(entry.period.text))\">\n"
        out += "<input type=\"hidden\" name=\"version\" value=\"\(e(state.version ?? entry.version))\">\n"
        if let confirm = state.confirm { out += "<input type=\"hidden\" name=\"confirmed\" value=\"\(e(confirm))\">\n" }
        var indicators: [String] = []
        for r in entry.rows where !indicators.contains(r.indicator) { indicators.append(r.indicator) }
        for id in indicators {
            let rows = entry.rows.filter { $0.indicator == id }
            let first = rows[0]
            let shares = first.unit != .count
            out += "<fieldset class=\"entry\">\n<legend>\(e(id)) <span\(PageModel(model).langAttribute(on: s.language))>\(e(first.title))</span></legend>\n"
            var facts: [String] = [s("entry.unit", ["unit": s("unit." + first.unit.rawValue)])]
            if let target = first.target {
                let rule = TargetRuleText.text(target.rule, unit: first.unit, language: s.language, note: target.note)
                facts.append(s("entry.target", ["target": rule]))
            }
            if let status = state.status[id] {
                // The report's status words begin with a symbol ("● Uppfyllt"); here the word is enough.
                facts.append(s("entry.status", ["status": String(status.drop { !$0.isLetter })]))
            }
            out += "<p class=\"hint\">\(e(facts.joined(separator: " · ")))</p>\n"
            let head = "h-\(safe(id))"
            out += "<div class=\"table-block\" tabindex=\"0\" role=\"region\" aria-label=\"\(e(id + " " + first.title))\">\n<table class=\"entry\">\n<thead><tr>"
            out += "<th scope=\"col\" id=\"\(head)-group\">\(e(s("entry.group")))</th>"
            let columns = shares ? ["value", "numerator", "denominator", "note"] : ["value", "note"]
            for c in columns { out += "<th scope=\"col\" id=\"\(head)-\(c)\">\(e(s("entry.col." + c)))</th>" }
            out += "<th scope=\"col\">\(e(s("entry.previous")))</th></tr></thead>\n<tbody>\n"
            for r in rows {
                let key = "\(r.indicator):\(r.group)"
                let values = state.input?[key] ?? r.stored
                let rowHead = "\(head)-g-\(safe(r.group))"
                out += "<tr><th scope=\"row\" id=\"\(rowHead)\">\(e(groupName(r.group, s)))</th>"
                for c in columns {
                    let name = "\(c):\(key)"
                    let value = values[field: c]
                    var attributes = " aria-labelledby=\"\(rowHead) \(head)-\(c)\""
                    var after = ""
                    if let error = state.errors[name] {
                        attributes += " aria-invalid=\"true\" aria-describedby=\"\(fieldID(name))-error\""
                        after = "<span class=\"field-error\" id=\"\(fieldID(name))-error\"\(s.englishMark)>\(e(error))</span>"
                    }
                    if locked { attributes += " readonly" }
                    let kind = c == "note" ? "text" : "text\" inputmode=\"decimal"
                    out += "<td><input type=\"\(kind)\" id=\"\(fieldID(name))\" name=\"\(e(name))\" value=\"\(e(value))\""
                        + (c == "note" ? " class=\"note\"" : " size=\"7\"") + "\(attributes)>\(after)</td>"
                }
                var previous = r.previous.map { style.decimal($0, decimals: r.unit == .count ? 0 : 1) + " (" + style.period(r.previousPeriod!) + ")" } ?? "–"
                if let waiting = entry.pending[key] {
                    let text = [waiting.value.map(ValueEntry.text) ?? "",
                                waiting.numerator.map { ValueEntry.text($0) + " / " + (waiting.denominator.map(ValueEntry.text) ?? "–") } ?? ""]
                        .filter { !$0.isEmpty }.joined(separator: "; ")
                    previous += " · " + (text.isEmpty ? s("entry.pending.removed") : s("entry.pending", ["value": text]))
                }
                if state.showStored, values != r.stored {
                    let stored = [r.stored.value, r.stored.numerator.isEmpty ? "" : r.stored.numerator + " / " + r.stored.denominator]
                        .filter { !$0.isEmpty }.joined(separator: "; ")
                    previous += " · " + s("entry.stored.now", ["value": stored.isEmpty ? "–" : stored])
                }
                out += "<td>\(e(previous))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n</div>\n</fieldset>\n"
        }
        if !locked {
            out += "<p>\(e(s("entry.save.lead")))</p>\n"
            out += "<p><button type=\"submit\" name=\"action\" value=\"check\" class=\"secondary\">\(e(s("entry.check")))</button> "
                + "<button type=\"submit\" name=\"action\" value=\"save\" data-busy=\"\(e(s("entry.saving")))\">"
                + "\(e(s(state.confirm == nil ? "entry.save" : "entry.save.anyway")))</button></p>\n"
        }
        out += "</form>\n"
        return out + approval(entry, state: state, modelID: modelID, csrf: csrf, s: s, style: style) + computed(entry, s: s)
    }

    /// Where the period stands — open, ready, approved and locked — and the next step:
    /// mark it ready (an editor), approve and lock it (an approver), or unlock it with a
    /// reason (an approver; recorded). In local mode the one user has every role.
    static func approval(_ entry: ValueEntry, state: State, modelID: String, csrf: String, s: WebStrings,
                         style: NumberStyle) -> String {
        let e = HTMLText.escape
        let period = style.period(entry.period)
        var out = "<h2 id=\"approval\">\(e(s("entry.approval")))</h2>\n"
        let who = { (a: PeriodApproval) in
            ["who": a.actor == ChangeLog.localActor ? s("entry.actor.local") : a.actor, "when": ReportsPage.shownTime(a.at),
             "period": period]
        }
        let action: String
        switch entry.approval?.state {
        case nil:
            out += "<p>\(e(s("entry.approval.open", ["period": period])))</p>\n"
            action = "ready"
        case .ready:
            out += "<p>\(e(s("entry.approval.ready", who(entry.approval!))))</p>\n"
            action = "lock"
        case .locked:
            out += "<p>\(e(s("entry.approval.locked", who(entry.approval!))))</p>\n"
            if !entry.pending.isEmpty { out += "<p>\(e(s("entry.approval.pending", ["n": "\(entry.pending.count)"])))</p>\n" }
            action = "unlock"
        }
        guard action == "ready" || state.canApprove else {
            return out + "<p>\(e(s("entry.approval.approver_only")))</p>\n"
        }
        out += "<form method=\"post\" action=\"/models/\(Page.pathComponent(modelID))/entry/approval\">\n"
        out += "<input type=\"hidden\" name=\"_csrf\" value=\"\(e(csrf))\">\n<input type=\"hidden\" name=\"period\" value=\"\(e(entry.period.text))\">\n"
        out += "<input type=\"hidden\" name=\"action\" value=\"\(action)\">\n"
        if action == "unlock" {
            var attributes = " aria-describedby=\"reason-hint\""
            var error = ""
            if let message = state.errors["reason"] {
                attributes = " aria-describedby=\"reason-hint reason-error\" aria-invalid=\"true\""
                error = "<span class=\"field-error\" id=\"reason-error\">\(e(message))</span>\n"
            }
            out += "<p><label for=\"f-reason\">\(e(s("entry.approval.reason")))</label>\n"
                + "<span class=\"hint\" id=\"reason-hint\">\(e(s("entry.approval.reason.hint")))</span>\n\(error)"
                + "<textarea id=\"f-reason\" name=\"reason\" rows=\"2\" cols=\"60\" required\(attributes)></textarea></p>\n"
        }
        out += "<p><button type=\"submit\">\(e(s("entry.approval.do." + action)))</button></p>\n</form>\n"
        return out
    }

    /// The indicators computed from loaded data, with where their values come from.
    static func computed(_ entry: ValueEntry, s: WebStrings) -> String {
        guard !entry.computed.isEmpty else { return "" }
        let e = HTMLText.escape
        var out = "<h2>\(e(s("entry.computed")))</h2>\n<p>\(e(s("entry.computed.lead")))</p>\n<ul>\n"
        for i in entry.computed {
            out += "<li>\(e(i.id)) \(e(i.title)): \(e(source(i, s)))</li>\n"
        }
        return out + "</ul>\n"
    }

    static func source(_ indicator: Indicator, _ s: WebStrings) -> String {
        switch indicator.data {
        case .readinessItem, .readinessSubscale: s("entry.source.readiness")
        case .measure: s("entry.source.measure")
        case .none: ""
        default: s("entry.source.cases")
        }
    }

    static func groupName(_ group: String, _ s: WebStrings) -> String {
        group == Observation.total ? s("entry.total") : GroupNames.name(group, s.language)
    }

    static func fieldLabel(_ key: String, entry: ValueEntry, s: WebStrings) -> String {
        if key == "reason" { return s("entry.approval.reason") }
        let parts = key.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { return key }
        return "\(parts[1]), \(groupName(parts[2], s)), \(s("entry.col." + parts[0]).lowercased())"
    }

    /// Where a field stands in the form: its row, then its column (the summary lists
    /// errors in the order the form shows them).
    static func fieldOrder(_ key: String, _ entry: ValueEntry) -> (Int, Int) {
        let parts = key.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { return (Int.max, 0) }
        let row = entry.rows.firstIndex { $0.indicator == parts[1] && $0.group == parts[2] } ?? Int.max
        return (row, ValueEntry.fields.firstIndex(of: parts[0]) ?? 0)
    }

    /// An id from a field name: letters, digits and hyphens only.
    static func fieldID(_ name: String) -> String { "f-" + safe(name) }

    static func safe(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}
