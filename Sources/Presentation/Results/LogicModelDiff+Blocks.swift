import LogicModel
import Periods

/// What changed between two versions of a logic model, as a process leader reads it:
/// a summary, then a heading per kind of node that changed (Mål, Effekter, …), with what
/// was added and removed and, for each changed node, one sentence per change ("Målet för
/// 2022 ändrades från ≥ 80 % till ≥ 85 %."). Nodes are named by their titles, with the
/// model's code (G2, I1) beside them. A sentence says so when nothing changed. Swedish or
/// English by `style.language`; the terminal (`model diff`) and the web page share it.
extension LogicModelDiff {
    public func blocks(style: NumberStyle) -> [Block] {
        let w = DiffWords(style: style)
        var blocks: [Block] = [.paragraph(RichText(w.intro(self)))]
        if isUnchanged {
            blocks.append(.paragraph(RichText(w.nothingChanged(self))))
            if let note = w.whitespaceNote(whitespaceOnly.count) { blocks.append(.paragraph(RichText(note))) }
            return blocks
        }
        blocks.append(.paragraph(RichText(w.summary(self))))
        if !modelFields.isEmpty {
            blocks.append(.heading(level: 1, text: w.sv ? "Logikmodellen" : "The model"))
            blocks.append(.list(ListBlock(items: modelFields.map { RichText(w.tidy(w.sentence($0, kind: nil))) })))
        }
        for kind in NodeKind.diffOrder {
            let c = changes(of: kind)
            guard !c.isEmpty else { continue }
            blocks.append(.heading(level: 1, text: w.heading(kind)))
            let listed = c.added.map { RichText(w.label(.added) + ": " + w.name($0)) }
                + c.removed.map { RichText(w.label(.removed) + ": " + w.name($0)) }
            if !listed.isEmpty { blocks.append(.list(ListBlock(items: listed))) }
            for node in c.changed {
                blocks.append(.paragraph(RichText([.plain(w.label(.changed) + ": "),
                                                   .strong(w.name(NodeRef(id: node.id, title: node.title, code: node.code)))])))
                blocks.append(.list(ListBlock(items: w.sentences(node, kind: kind).map { RichText($0) })))
            }
        }
        if let note = w.whitespaceNote(whitespaceOnly.count) { blocks.append(.paragraph(RichText(note))) }
        return blocks
    }
}

/// The words of a model diff in one language.
private struct DiffWords {
    let style: NumberStyle
    var sv: Bool { style.language == .sv }

    init(style: NumberStyle) { self.style = style }

    // MARK: Frame

    func intro(_ d: LogicModelDiff) -> String {
        let name = quoted(d.modelName)
        if let a = d.fromVersion, let b = d.toVersion {
            return sv ? "Logikmodellen \(name): version \(b) jämförd med version \(a)."
                : "Logic model \(name): version \(b) compared with version \(a)."
        }
        return sv ? "Logikmodellen \(name): två versioner jämförda." : "Logic model \(name): two versions compared."
    }

    func nothingChanged(_ d: LogicModelDiff) -> String {
        if let a = d.fromVersion, let b = d.toVersion, a == b {
            return sv ? "Det är samma version; inget skiljer." : "This is the same version; nothing differs."
        }
        return sv ? "Inget i logikmodellens innehåll har ändrats. Filerna kan skilja sig i form (kommentarer, ordningsföljd, radbrytningar), men mål, effekter, indikatorer och målvärden är desamma."
            : "Nothing in the logic model's content changed. The files may differ in form (comments, order, line breaks), but goals, outcomes, indicators and targets are the same."
    }

    func whitespaceNote(_ n: Int) -> String? {
        guard n > 0 else { return nil }
        if sv {
            return n == 1 ? "En text skiljer sig bara i blanksteg eller radbrytningar; det räknas inte som en ändring."
                : "\(n) texter skiljer sig bara i blanksteg eller radbrytningar; det räknas inte som ändringar."
        }
        return n == 1 ? "One text differs only in spaces or line breaks; that is not counted as a change."
            : "\(n) texts differ only in spaces or line breaks; those are not counted as changes."
    }

    func summary(_ d: LogicModelDiff) -> String {
        var parts: [String] = []
        if !d.modelFields.isEmpty {
            parts.append(sv ? "logikmodellens egna uppgifter ändrade" : "the model's own details changed")
        }
        for change in [LogicModelDiff.ChangeKind.added, .removed, .changed] {
            for kind in NodeKind.diffOrder {
                let c = d.changes(of: kind)
                let n = change == .added ? c.added.count : change == .removed ? c.removed.count : c.changed.count
                if n > 0 { parts.append(counted(n, kind, change)) }
            }
        }
        let joined = list(parts)
        return (sv ? "I korthet: " : "In short: ") + joined + "."
    }

    /// "1 indikator tillagd", "2 mål ändrade", "3 indicators changed".
    func counted(_ n: Int, _ kind: NodeKind, _ change: LogicModelDiff.ChangeKind) -> String {
        let count = style.integer(n)
        guard sv else {
            let noun = n == 1 ? enSingular(kind) : enPlural(kind)
            let verb = change == .added ? "added" : change == .removed ? "removed" : "changed"
            return "\(count) \(noun) \(verb)"
        }
        let (singular, plural, neuter) = svNoun(kind)
        let participle: String
        switch (change, n == 1, neuter) {
        case (.added, true, true): participle = "tillagt"
        case (.added, true, false): participle = "tillagd"
        case (.added, false, _): participle = "tillagda"
        case (.removed, true, true): participle = "borttaget"
        case (.removed, true, false): participle = "borttagen"
        case (.removed, false, _): participle = "borttagna"
        case (.changed, true, true): participle = "ändrat"
        case (.changed, true, false): participle = "ändrad"
        case (.changed, false, _): participle = "ändrade"
        }
        return "\(count) \(n == 1 ? singular : plural) \(participle)"
    }

    func svNoun(_ kind: NodeKind) -> (String, String, Bool) {
        switch kind {
        case .goal: ("mål", "mål", true)
        case .outcome: ("effekt", "effekter", false)
        case .output: ("prestation", "prestationer", false)
        case .activity: ("aktivitet", "aktiviteter", false)
        case .input: ("resurs", "resurser", false)
        case .assumption: ("antagande", "antaganden", true)
        case .indicator: ("indikator", "indikatorer", false)
        }
    }

    func enSingular(_ kind: NodeKind) -> String { kind.rawValue }
    func enPlural(_ kind: NodeKind) -> String { kind.plural }

    func heading(_ kind: NodeKind) -> String {
        switch kind {
        case .goal: sv ? "Mål" : "Goals"
        case .outcome: sv ? "Effekter" : "Outcomes"
        case .output: sv ? "Prestationer" : "Outputs"
        case .activity: sv ? "Aktiviteter" : "Activities"
        case .input: sv ? "Resurser" : "Inputs"
        case .assumption: sv ? "Antaganden" : "Assumptions"
        case .indicator: sv ? "Indikatorer" : "Indicators"
        }
    }

    func label(_ change: LogicModelDiff.ChangeKind) -> String {
        switch change {
        case .added: sv ? "Tillagt" : "Added"
        case .removed: sv ? "Borttaget" : "Removed"
        case .changed: sv ? "Ändrat" : "Changed"
        }
    }

    // MARK: Names and values

    /// A node as a reader names it: its title (a goal's code before it), the model's
    /// code in brackets: "1.4 Barn och familjer får rätt stöd i tid (G2)".
    func name(_ r: LogicModelDiff.NodeRef) -> String {
        (r.code.map { $0 + " " } ?? "") + r.title + " (\(r.id))"
    }

    /// A node inside a sentence: its title quoted, the model's code beside it.
    func reference(_ r: LogicModelDiff.NodeRef) -> String {
        quoted(r.title) + " (\(r.id))"
    }

    func quoted(_ text: String) -> String { sv ? "”\(text)”" : "“\(text)”" }

    /// "a", "a och b", "a, b och c".
    func list(_ items: [String]) -> String {
        ListWords.joined(items, and: sv ? "och" : "and")
    }

    /// A number as the model states it, in the reader's form (decimals as needed, up to 3).
    func number(_ value: Double, unit: IndicatorUnit?) -> String {
        var decimals = 0
        while decimals < 3, abs(value * pow10(decimals) - (value * pow10(decimals)).rounded()) > 1e-9 { decimals += 1 }
        if unit == .percent { return style.percent(value, decimals: decimals) }
        if unit == .sek { return style.kronor(value) }
        return style.decimal(value, decimals: decimals)
    }

    private func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { x, _ in x * 10 } }

    /// A target rule as a reader reads it: "≥ 85 %", "mellan 70 och 90 %", "förbättras" —
    /// in the reports' words (`TargetRuleText`); a qualitative target quotes its note.
    func rule(_ rule: TargetRule, unit: IndicatorUnit?, note: String?) -> String {
        if case .qualitative = rule { return note.map(quoted) ?? (sv ? "bedöms kvalitativt" : "judged qualitatively") }
        // Only a share's unit changes how a threshold is written ("85 %").
        return TargetRuleText.text(rule, unit: unit ?? .count, language: style.language)
    }

    func unitWord(_ raw: String?) -> String {
        guard let raw, let u = IndicatorUnit(rawValue: raw) else { return raw ?? "–" }
        switch u {
        case .percent: return sv ? "procent" : "percent"
        case .count: return sv ? "antal" : "count"
        case .mean: return sv ? "medelvärde" : "mean"
        case .index: return "index"
        case .days: return sv ? "dagar" : "days"
        case .sek: return sv ? "kronor" : "SEK"
        case .ratio: return sv ? "kvot" : "ratio"
        }
    }

    func directionWord(_ raw: String?) -> String {
        guard let raw, let d = Direction(rawValue: raw) else { return raw ?? "–" }
        switch d {
        case .increase: return sv ? "högre är bättre" : "higher is better"
        case .decrease: return sv ? "lägre är bättre" : "lower is better"
        case .none: return sv ? "ingen önskad riktning" : "no better direction"
        }
    }

    func frequencyWord(_ raw: String) -> String {
        guard let f = Frequency(rawValue: raw) else { return raw }
        switch f {
        case .month: return sv ? "per månad" : "monthly"
        case .tertial: return sv ? "per tertial" : "per tertial"
        case .quarter: return sv ? "per kvartal" : "quarterly"
        case .year: return sv ? "per år" : "yearly"
        case .wave: return sv ? "per enkätomgång" : "per survey wave"
        }
    }

    func levelWord(_ raw: String?) -> String {
        guard let raw, let l = GoalLevel(rawValue: raw) else { return sv ? "ingen nivå" : "no level" }
        switch l {
        case .kf: return sv ? "KF-mål" : "city council goal"
        case .namnd: return sv ? "nämndmål" : "committee goal"
        case .enhet: return sv ? "enhetsmål" : "unit goal"
        }
    }

    func termWord(_ raw: String?) -> String {
        guard let raw, let t = OutcomeTerm(rawValue: raw) else { return raw ?? "–" }
        switch t {
        case .short: return sv ? "kort sikt" : "short term"
        case .intermediate: return sv ? "medellång sikt" : "intermediate term"
        case .long: return sv ? "lång sikt" : "long term"
        }
    }

    func assessmentWord(_ a: Assessment) -> String {
        switch a {
        case .fullyMet: sv ? "uppfylls helt" : "fully met"
        case .partlyMet: sv ? "uppfylls delvis" : "partly met"
        case .notMet: sv ? "uppfylls inte" : "not met"
        case .cannotAssess: sv ? "kan inte bedömas" : "cannot be assessed"
        }
    }

    /// "gender: girls, boys" → "kön: flickor, pojkar".
    func breakdownsWords(_ written: String?) -> String {
        guard let written else { return sv ? "ingen" : "none" }
        guard sv else { return written }
        let names = ["gender": "kön", "girls": "flickor", "boys": "pojkar", "women": "kvinnor", "men": "män", "other": "annat"]
        return written.split(separator: ";").map { (part: Substring) -> String in
            let pair = part.split(separator: ":", maxSplits: 1).map { $0.trimmed(of: " ") }
            guard pair.count == 2 else { return String(part) }
            let values = pair[1].split(separator: ",").map { (v: Substring) -> String in
                let value = v.trimmed(of: " ")
                return names[value] ?? value
            }
            return (names[pair[0]] ?? pair[0]) + ": " + values.joined(separator: ", ")
        }.joined(separator: "; ")
    }

    func binding(_ b: DataBinding) -> String {
        switch b {
        case .readinessItem(let i, let k): return sv ? "enkäten \(i), påstående \(k)" : "survey \(i), statement \(k)"
        case .readinessSubscale(let i, let s): return sv ? "enkäten \(i), delskalan \(s)" : "survey \(i), subscale \(s)"
        case .cases(let o, let c, let cmp):
            let cohort = c == .pilot ? (sv ? "piloten" : "the pilot") : (sv ? "linjen" : "the line")
            let compared = cmp.map { x in
                sv ? ", jämfört med " + (x == .pilot ? "piloten" : "linjen") : ", compared with " + (x == .pilot ? "the pilot" : "the line")
            } ?? ""
            return (sv ? "ärendedata (\(o)) för \(cohort)" : "case data (\(o)) for \(cohort)") + compared
        case .measure(let m): return sv ? "mätserien \(m)" : "the measure \(m)"
        }
    }

    // MARK: Texts

    /// Long texts are shown by the part that changed, with a few words around it.
    func excerpts(_ a: String, _ b: String) -> (String, String) {
        let wa = LogicModelDiff.normalisedText(a).split(separator: " ").map(String.init)
        let wb = LogicModelDiff.normalisedText(b).split(separator: " ").map(String.init)
        guard max(wa.joined(separator: " ").count, wb.joined(separator: " ").count) > 100 else {
            return (wa.joined(separator: " "), wb.joined(separator: " "))
        }
        var prefix = 0
        while prefix < min(wa.count, wb.count), wa[prefix] == wb[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(wa.count, wb.count) - prefix, wa[wa.count - 1 - suffix] == wb[wb.count - 1 - suffix] { suffix += 1 }
        let context = 4
        func cut(_ words: [String]) -> String {
            let start = max(0, prefix - context)
            let end = min(words.count, words.count - suffix + context)
            return (start > 0 ? "… " : "") + words[start..<end].joined(separator: " ") + (end < words.count ? " …" : "")
        }
        return (cut(wa), cut(wb))
    }

    /// The name of a text field: its definite form and "a new …" for one added.
    func textNames(_ field: LogicModelDiff.Field, kind: NodeKind?) -> (definite: String, new: String) {
        switch field {
        case .title: return sv ? ("Titeln", "Ny titel") : ("The title", "New title")
        case .description: return sv ? ("Beskrivningen", "Ny beskrivning") : ("The description", "New description")
        case .text: return sv ? ("Lydelsen", "Ny lydelse") : ("The wording", "New wording")
        case .responsible: return sv ? ("Ansvarig", "Ny ansvarig") : ("The person responsible", "New person responsible")
        case .measurementMethod: return sv ? ("Mätmetoden", "Ny mätmetod") : ("The measurement method", "New measurement method")
        case .note: return sv ? ("Anteckningen", "Ny anteckning") : ("The note", "New note")
        case .name: return sv ? ("Namnet", "Nytt namn") : ("The name", "New name")
        case .owner: return sv ? ("Ägaren", "Ny ägare") : ("The owner", "New owner")
        case .source: return sv ? ("Källan", "Ny källa") : ("The source", "New source")
        case .code: return sv ? ("Koden", "Ny kod") : ("The code", "New code")
        case .start: return sv ? ("Startdatumet", "Nytt startdatum") : ("The start date", "New start date")
        case .end: return sv ? ("Slutdatumet", "Nytt slutdatum") : ("The end date", "New end date")
        case .period: return sv ? ("Perioden", "Ny period") : ("The period", "New period")
        case .cohortPilot: return sv ? ("Pilotens namn i ärendedata", "Pilotens namn i ärendedata") : ("The pilot's name in case data", "The pilot's name in case data")
        case .cohortComparison: return sv ? ("Jämförelsegrupperna i ärendedata", "Jämförelsegrupper i ärendedata") : ("The comparison groups in case data", "Comparison groups in case data")
        case .cohortSurveyUnit: return sv ? ("Pilotens enhet i enkäten", "Pilotens enhet i enkäten") : ("The pilot's unit in the survey", "The pilot's unit in the survey")
        default: return (field.rawValue, field.rawValue)
        }
    }

    /// "Titeln ändrades från ”a” till ”b”.", "Ny beskrivning: ”…”.", "Anteckningen togs bort (den löd ”…”)."
    func textSentence(_ field: LogicModelDiff.Field, old: String?, new: String?, kind: NodeKind?, quote: Bool = true) -> String {
        let names = textNames(field, kind: kind)
        func q(_ text: String) -> String { quote ? quoted(text) : text }
        switch (old, new) {
        case (nil, let n?):
            return "\(names.new): \(q(excerpts("", n).1))."
        case (let o?, nil):
            return sv ? "\(names.definite) togs bort (tidigare \(q(excerpts(o, "").0)))." : "\(names.definite) was removed (it was \(q(excerpts(o, "").0)))."
        case (let o?, let n?):
            let (a, b) = excerpts(o, n)
            return sv ? "\(names.definite) ändrades från \(q(a)) till \(q(b))." : "\(names.definite) changed from \(q(a)) to \(q(b))."
        default:
            return ""
        }
    }

    // MARK: Sentences

    func sentences(_ node: LogicModelDiff.NodeChange, kind: NodeKind) -> [String] {
        var out = node.fields.map { sentence($0, kind: kind) }
        if let b = node.baseline { out.append(baselineSentence(b, unit: node.unit)) }
        if let d = node.data { out.append(dataSentence(d)) }
        out += node.targets.map { targetSentence($0, unit: node.unit) }
        out += node.assessments.map(assessmentSentence)
        return out.map(tidy)
    }

    /// A sentence ending in a quotation that ends a sentence of its own ends there:
    /// ”… nådde målet.” rather than ”… nådde målet.”.
    func tidy(_ sentence: String) -> String {
        for mark in [".", "!", "?"] where sentence.hasSuffix(mark + "”.") {
            return String(sentence.dropLast())
        }
        return sentence
    }

    func sentence(_ f: LogicModelDiff.FieldChange, kind: NodeKind?) -> String {
        switch f.field {
        case .title, .description, .text, .measurementMethod, .note, .name, .owner, .source, .responsible:
            return textSentence(f.field, old: f.old, new: f.new, kind: kind)
        case .code, .start, .end, .period, .cohortPilot, .cohortComparison, .cohortSurveyUnit:
            return textSentence(f.field, old: f.old, new: f.new, kind: kind, quote: false)
        case .language:
            let word: (String?) -> String = { $0 == "sv" ? (self.sv ? "svenska" : "Swedish") : $0 == "en" ? (self.sv ? "engelska" : "English") : ($0 ?? "–") }
            return sv ? "Rapportspråket ändrades från \(word(f.old)) till \(word(f.new))."
                : "The report language changed from \(word(f.old)) to \(word(f.new))."
        case .level:
            switch (f.old, f.new) {
            case (nil, _): return sv ? "Anges nu som \(levelWord(f.new))." : "Now a \(levelWord(f.new))."
            case (_, nil): return sv ? "Nivån (\(levelWord(f.old))) togs bort." : "The level (\(levelWord(f.old))) was removed."
            default:
                return sv ? "Nivån ändrades från \(levelWord(f.old)) till \(levelWord(f.new))."
                    : "The level changed from \(levelWord(f.old)) to \(levelWord(f.new))."
            }
        case .term:
            return sv ? "Tidshorisonten ändrades från \(termWord(f.old)) till \(termWord(f.new))."
                : "The term changed from \(termWord(f.old)) to \(termWord(f.new))."
        case .unit:
            return sv ? "Enheten ändrades från \(unitWord(f.old)) till \(unitWord(f.new))."
                : "The unit changed from \(unitWord(f.old)) to \(unitWord(f.new))."
        case .direction:
            return sv ? "Önskad riktning ändrades från \(quoted(directionWord(f.old))) till \(quoted(directionWord(f.new)))."
                : "The better direction changed from \(quoted(directionWord(f.old))) to \(quoted(directionWord(f.new)))."
        case .frequency:
            switch (f.old, f.new) {
            case (let o?, let n?): return sv ? "Mäts nu \(frequencyWord(n)) (tidigare \(frequencyWord(o)))." : "Now measured \(frequencyWord(n)) (before: \(frequencyWord(o)))."
            case (nil, let n?): return sv ? "Mäts nu \(frequencyWord(n))." : "Now measured \(frequencyWord(n))."
            case (let o?, nil): return sv ? "Mätfrekvensen togs bort (tidigare \(frequencyWord(o)))." : "The frequency was removed (before: \(frequencyWord(o)))."
            default: return ""
            }
        case .breakdowns:
            return sv ? "Redovisas nu uppdelat på \(breakdownsWords(f.new)) (tidigare \(breakdownsWords(f.old)))."
                : "Now broken down by \(breakdownsWords(f.new)) (before: \(breakdownsWords(f.old)))."
        case .illustrative:
            return f.new == "true"
                ? (sv ? "Markeras nu som förslag, illustrativt, inte som källans egen indikator." : "Now marked as a proposal, illustrative, not the source's own.")
                : (sv ? "Markeras inte längre som förslag." : "No longer marked as a proposal.")
        case .counts:
            return f.new == Counts.events.rawValue
                ? (sv ? "Räknar nu händelser, inte personer: små tal döljs inte i rapporter." : "Now counts events, not persons: small counts are not suppressed in reports.")
                : (sv ? "Räknar nu personer, inte händelser: små tal döljs i rapporter." : "Now counts persons, not events: small counts are suppressed in reports.")
        case .critical:
            return f.new == "true"
                ? (sv ? "Antagandet markeras nu som kritiskt." : "The assumption is now marked critical.")
                : (sv ? "Antagandet markeras inte längre som kritiskt." : "The assumption is no longer marked critical.")
        case .parent, .measures, .contributesTo, .leadsTo, .supports, .on:
            return linkSentence(f)
        }
    }

    func linkSentence(_ f: LogicModelDiff.FieldChange) -> String {
        let added = list((f.added ?? []).map(reference))
        let removed = list((f.removed ?? []).map(reference))
        let hasAdded = !(f.added ?? []).isEmpty, hasRemoved = !(f.removed ?? []).isEmpty
        switch f.field {
        case .parent:
            switch (hasRemoved, hasAdded) {
            case (true, true): return sv ? "Hör nu till det överordnade målet \(added) i stället för \(removed)." : "Now under the goal \(added) instead of \(removed)."
            case (false, true): return sv ? "Hör nu till det överordnade målet \(added)." : "Now under the goal \(added)."
            default: return sv ? "Har inte längre något överordnat mål (tidigare \(removed))." : "No longer under a parent goal (before: \(removed))."
            }
        case .measures:
            return sv ? "Mäter nu \(added) i stället för \(removed)." : "Now measures \(added) instead of \(removed)."
        default:
            // (verb, "till" or nothing): Bidrar till, Leder till, Stödjer, Gäller.
            let verbs: (String, String, String)
            switch f.field {
            case .contributesTo: verbs = ("Bidrar", " till", "Contributes to")
            case .leadsTo: verbs = ("Leder", " till", "Leads to")
            case .supports: verbs = ("Stödjer", "", "Supports")
            default: verbs = ("Gäller", "", "Concerns")
            }
            let (svVerb, svTo, enVerb) = verbs
            switch (hasRemoved, hasAdded) {
            case (true, true):
                return sv ? "\(svVerb) nu\(svTo) \(added) i stället för \(removed)." : "\(enVerb) \(added) now, instead of \(removed)."
            case (false, true):
                return sv ? "\(svVerb) nu även\(svTo) \(added)." : "\(enVerb) \(added) as well now."
            default:
                return sv ? "\(svVerb) inte längre\(svTo) \(removed)." : "No longer \(enVerb.prefix(1).lowercased() + enVerb.dropFirst()) \(removed)."
            }
        }
    }

    /// "Målet för 2022", "KF:s mål för 2022".
    func targetName(_ t: LogicModelDiff.TargetChange, definite: Bool) -> String {
        let period = style.period(t.period)
        if sv {
            if t.setBy == .city { return definite ? "KF:s mål för \(period)" : "Nytt mål från KF för \(period)" }
            return definite ? "Målet för \(period)" : "Nytt mål för \(period)"
        }
        if t.setBy == .city { return definite ? "The city's target for \(period)" : "New city target for \(period)" }
        return definite ? "The target for \(period)" : "New target for \(period)"
    }

    func targetSentence(_ t: LogicModelDiff.TargetChange, unit: IndicatorUnit?) -> String {
        switch (t.old, t.new) {
        case (nil, let n?):
            return "\(targetName(t, definite: false)): \(rule(n.rule, unit: unit, note: n.note))."
        case (let o?, nil):
            return sv ? "\(targetName(t, definite: true)) (\(rule(o.rule, unit: unit, note: o.note))) togs bort."
                : "\(targetName(t, definite: true)) (\(rule(o.rule, unit: unit, note: o.note))) was removed."
        case (let o?, let n?):
            let a = rule(o.rule, unit: unit, note: o.note), b = rule(n.rule, unit: unit, note: n.note)
            if a != b {
                return sv ? "\(targetName(t, definite: true)) ändrades från \(a) till \(b)."
                    : "\(targetName(t, definite: true)) changed from \(a) to \(b)."
            }
            // Same rule: its note changed.
            let period = style.period(t.period)
            let owner = sv ? (t.setBy == .city ? "Kommentaren till KF:s mål för \(period)" : "Kommentaren till målet för \(period)")
                : (t.setBy == .city ? "The note on the city's target for \(period)" : "The note on the target for \(period)")
            if let note = n.note {
                return sv ? "\(owner) är nu \(quoted(note))." : "\(owner) is now \(quoted(note))."
            }
            return sv ? "\(owner) togs bort." : "\(owner) was removed."
        default:
            return ""
        }
    }

    func baselineSentence(_ b: LogicModelDiff.BaselineChange, unit: IndicatorUnit?) -> String {
        func value(_ x: Baseline) -> String { "\(number(x.value, unit: unit)) (\(style.period(x.period)))" }
        switch (b.old, b.new) {
        case (nil, let n?): return sv ? "Nytt utgångsvärde: \(value(n))." : "New baseline: \(value(n))."
        case (let o?, nil): return sv ? "Utgångsvärdet \(value(o)) togs bort." : "The baseline \(value(o)) was removed."
        case (let o?, let n?):
            if value(o) != value(n) {
                return sv ? "Utgångsvärdet ändrades från \(value(o)) till \(value(n))." : "The baseline changed from \(value(o)) to \(value(n))."
            }
            return sv ? "Kommentaren till utgångsvärdet ändrades" + (n.note.map { " till \(quoted($0))." } ?? " (togs bort).")
                : "The note on the baseline changed" + (n.note.map { " to \(quoted($0))." } ?? " (removed).")
        default: return ""
        }
    }

    func dataSentence(_ d: LogicModelDiff.DataBindingChange) -> String {
        switch (d.old, d.new) {
        case (nil, let n?):
            return sv ? "Värdena beräknas nu från \(binding(n)) i stället för att skrivas in för hand."
                : "Values are now computed from \(binding(n)) instead of being typed in."
        case (let o?, nil):
            return sv ? "Värdena skrivs nu in för hand (beräknades tidigare från \(binding(o)))."
                : "Values are now typed in (before: computed from \(binding(o)))."
        case (let o?, let n?):
            return sv ? "Värdena beräknas nu från \(binding(n)) (tidigare \(binding(o)))."
                : "Values are now computed from \(binding(n)) (before: \(binding(o)))."
        default: return ""
        }
    }

    func assessmentSentence(_ a: LogicModelDiff.AssessmentChange) -> String {
        let period = style.period(a.period)
        func justification(_ x: RecordedAssessment) -> String {
            guard let j = x.justification else { return "" }
            return sv ? " Motivering: \(quoted(LogicModelDiff.normalisedText(j)))." : " Justification: \(quoted(LogicModelDiff.normalisedText(j)))."
        }
        switch (a.old, a.new) {
        case (nil, let n?):
            return (sv ? "Ny bedömning för \(period): \(assessmentWord(n.result))." : "New assessment for \(period): \(assessmentWord(n.result)).") + justification(n)
        case (let o?, nil):
            return sv ? "Bedömningen för \(period) (\(assessmentWord(o.result))) togs bort." : "The assessment for \(period) (\(assessmentWord(o.result))) was removed."
        case (let o?, let n?):
            if o.result != n.result {
                return (sv ? "Bedömningen för \(period) ändrades från \(assessmentWord(o.result)) till \(assessmentWord(n.result))."
                        : "The assessment for \(period) changed from \(assessmentWord(o.result)) to \(assessmentWord(n.result)).")
                    + (o.justification.map(LogicModelDiff.normalisedText) != n.justification.map(LogicModelDiff.normalisedText) ? justification(n) : "")
            }
            if n.justification == nil {
                return sv ? "Motiveringen till bedömningen för \(period) togs bort." : "The justification of the assessment for \(period) was removed."
            }
            let text = quoted(LogicModelDiff.normalisedText(n.justification!))
            return sv ? "Motiveringen till bedömningen för \(period) är nu \(text)."
                : "The justification of the assessment for \(period) is now \(text)."
        default: return ""
        }
    }
}

private extension StringProtocol {
    func trimmed(of set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
