import LogicModel

/// Every word a report prints, per language, by key. The defaults below are written
/// out by `piloteval report templates DIR` as `strings.sv.txt` / `strings.en.txt`;
/// a municipality edits those (its own section headings, "Dnr" → "Diarienummer", …)
/// and passes `--templates DIR`. Keys are stable; values may contain `{name}`
/// placeholders filled by the caller.
public struct ReportStrings: Sendable, Equatable {
    public let language: Language
    public private(set) var values: [String: String]

    public init(_ language: Language, overrides: [String: String] = [:]) {
        self.language = language
        var values = Self.defaults(language)
        for (k, v) in overrides { values[k] = v }
        self.values = values
    }

    /// The text for `key` with `{name}` placeholders filled. A missing key prints as
    /// the key itself, so a gap is visible and never a crash (tests keep both tables
    /// complete).
    public func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
        var text = values[key] ?? key
        for (name, value) in arguments { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    public static func defaults(_ language: Language) -> [String: String] {
        Dictionary(uniqueKeysWithValues: (language == .sv ? svTable : enTable).map { ($0.0, $0.1) })
    }

    /// Keys in the order the strings file lists them (the Swedish table's order).
    public static var keys: [String] { svTable.map(\.0) }

    // MARK: - Swedish

    static let svTable: [(String, String)] = [
        // Final report (LUM), headings as in seed 004.
        ("final.title", "Redovisning av LUM"),
        ("final.subtitle", "Slutrapport"),
        ("final.budget", "Ekonomisk redovisning"),
        ("final.1", "Sammanfattning"),
        ("final.2", "Bakgrund"),
        ("final.3", "Syfte"),
        ("final.4", "Avgränsning"),
        ("final.5", "Metod och material"),
        ("final.6", "Resultatredovisning"),
        ("final.6.logic_model", "Uppföljningsplan och logikmodell"),
        ("final.6.indicators", "Indikatorer"),
        ("final.6.pilot_vs_line", "Pilotverksamheten jämförd med linjeverksamheten"),
        ("final.6.readiness", "Förändringsbenägenhet"),
        ("final.6.improvement", "Förbättringsarbete (Genombrott)"),
        ("final.6.1", "Strategiskt värde för staden som helhet"),
        ("final.6.2", "Jämställdhet"),
        ("final.7", "Slutsatser och förslag"),
        ("final.8", "Referens, källor"),
        ("final.9", "Bilagor"),
        ("final.1.hint", "Projektets syfte, metod och resultat, högst en halv A4-sida (kan användas i Kunskapsbanken)."),
        // Steering group brief.
        ("steering.title", "Lägesrapport till styrgruppen"),
        ("steering.changes", "Förändringar sedan förra rapporten"),
        ("steering.pilot_vs_line", "Pilot jämfört med linjen"),
        ("steering.readiness", "Förändringsbenägenhet per enhet"),
        ("steering.off_target", "Indikatorer som inte når målet"),
        ("steering.decisions", "Beslut som styrgruppen ombeds fatta"),
        ("steering.since", "Jämfört med rapporten {file} från {date}."),
        ("steering.since_none", "Ingen tidigare rapport angiven (--since): jämförelsen gäller föregående period."),
        ("steering.no_changes", "Inga av rapportens siffror har ändrats sedan förra rapporten."),
        ("steering.changes.figure", "Uppgift"),
        ("steering.changes.before", "Förra rapporten"),
        ("steering.changes.now", "Nu"),
        // Tertial report.
        ("tertial.title", "Tertialrapport: indikatorer per mål"),
        ("tertial.period", "Period: {period}"),
        ("tertial.col.indicator", "Indikator"),
        ("tertial.col.outcome", "Utfall"),
        ("tertial.col.boys", "Pojkar"),
        ("tertial.col.girls", "Flickor"),
        ("tertial.col.previous", "Föregående period"),
        ("tertial.col.unit_target", "Årsmål (enheten)"),
        ("tertial.col.city_target", "KF:s årsmål"),
        ("tertial.col.assessment", "Bedömning"),
        ("tertial.col.analysis", "Analys"),
        ("tertial.no_indicators", "Inga indikatorer mäter detta mål."),
        ("tertial.goal", "Mål {id}: {title}"),
        ("tertial.caption", "Indikatorer, utfall och mål för {id}"),
        // Cover block (the LUM form's fields).
        ("cover.project", "Projektets namn"),
        ("cover.grant", "Beviljat belopp"),
        ("cover.year", "År"),
        ("cover.administration", "Förvaltning, avdelning/enhet"),
        ("cover.contact", "Kontaktperson för projektet"),
        ("cover.manager", "Ansvarig avdelnings-/enhetschef"),
        ("cover.dnr", "Dnr"),
        ("cover.funder", "Utgivare/finansiär"),
        ("cover.date", "Datum"),
        ("cover.model", "Logikmodell"),
        ("cover.period", "Period"),
        ("cover.toc", "Innehåll"),
        // Budget.
        ("budget.intro", "Rapporten avser beräknade intäkter och kostnader för projektperioden."),
        ("budget.income", "Intäkter"),
        ("budget.costs", "Kostnader"),
        ("budget.line", "Post"),
        ("budget.amount", "Belopp (kr)"),
        ("budget.sum", "Summa"),
        ("budget.caption.income", "Intäkter under projektperioden"),
        ("budget.caption.costs", "Kostnader under projektperioden"),
        ("budget.gap.title", "Intäkter och kostnader går inte jämnt ut"),
        ("budget.gap", "Intäkterna ({income}) och kostnaderna ({costs}) skiljer sig med {difference}. Förklara skillnaden i texten, till exempel om förvaltningen har täckt den eller om medel ska betalas tillbaka."),
        ("budget.balanced", "Intäkter och kostnader är lika stora ({amount})."),
        ("budget.source", "Källa: {file}."),
        ("budget.missing", "Ingen budgetfil angiven. Ange intäkter och kostnader med --budget FIL.csv (se docs/reports.md)."),
        // Logic model.
        ("logic_model.intro", "Logikmodellen beskriver målen med arbetet och hur det ska följas upp: resurser, aktiviteter, prestationer, effekter och mål, med indikatorer och mätmetoder."),
        ("logic_model.figure.caption", "Logikmodell för {name} (version {version})"),
        ("logic_model.figure.alt", "Diagram över förändringskedjan i {name}: {inputs} resurser, {activities} aktiviteter, {outputs} prestationer, {outcomes} effekter och {goals} mål, med pilar från resurser via aktiviteter och prestationer till effekter och mål."),
        ("logic_model.table.caption", "Logisk ram: mål, effekter, prestationer och aktiviteter med indikatorer, mätmetoder och antaganden"),
        ("logic_model.illustrative", "Indikatorer och mål märkta \"{label}\" är förslag som inte finns i källan; de redovisas som förslag."),
        ("logic_model.counts", "Modellen har {goals} mål, {outcomes} effekter, {outputs} prestationer, {activities} aktiviteter och {indicators} indikatorer."),
        // Gender (6.2).
        ("illustrative.label", "förslag (illustrativt)"),
        ("gender.required", "FoU-rapporten ska redovisa könsuppdelade resultat för varje effekt som har en könsuppdelning."),
        ("gender.indicators", "Indikatorer med könsuppdelning i logikmodellen:"),
        ("gender.none", "Ingen indikator i logikmodellen har en könsuppdelning (breakdowns: gender). Lägg till könsuppdelning för de effekter där det är möjligt, eller förklara här varför det inte går."),
        // Placeholders.
        ("placeholder.text.title", "Att skriva"),
        ("placeholder.text", "Avsnittet saknas i textfilen. Skriv det under rubriken \"{heading}\" i filen som anges med --text."),
        ("placeholder.domain.title", "Beräknas senare"),
        ("placeholder.domain", "Denna del fylls i av piloteval när {what} finns i verktyget."),
        ("placeholder.domain.indicators", "indikatorernas status och trend"),
        ("placeholder.domain.pilot_vs_line", "jämförelsen mellan pilot och linje"),
        ("placeholder.domain.readiness", "sammanställningen av förändringsbenägenhet"),
        ("placeholder.domain.improvement", "styrdiagrammen för förbättringsarbetet"),
        ("placeholder.domain.gender", "könsuppdelade resultat"),
        ("placeholder.domain.off_target", "indikatorernas status"),
        ("placeholder.value", "–"),
        // Suppression.
        ("suppression.small", "<5"),
        ("suppression.hidden", ".."),
        ("suppression.note", "<5 = färre än 5 (1–4) och visas inte; .. = dold för att den dolda uppgiften inte ska kunna räknas fram ur summan; procentandelar byggda på dolda antal visas inte."),
        // Figures, tables, general.
        ("figure.label", "Figur {number}"),
        ("table.label", "Tabell {number}"),
        ("figure.n", "n = {n}"),
        ("caveat.title", "Att tänka på"),
        ("warning.title", "Obs"),
        ("note.title", "Not"),
        ("caveat.one_pilot", "Piloten är ett enda team. Skillnader mellan pilot och linje kan bero på teamet och dess ärenden lika väl som på arbetssättet."),
        ("caveat.synthetic", "Uppgifterna är syntetiska (framtagna för exemplet) och beskriver inga verkliga barn eller familjer."),
        ("colophon.generated", "Framtagen med piloteval {version} den {date}."),
        ("colophon.model", "Logikmodell {id}, version {version} (SHA-256 {hash})."),
    ]

    // MARK: - English

    static let enTable: [(String, String)] = [
        ("final.title", "LUM report"),
        ("final.subtitle", "Final report"),
        ("final.budget", "Financial report"),
        ("final.1", "Summary"),
        ("final.2", "Background"),
        ("final.3", "Purpose"),
        ("final.4", "Scope"),
        ("final.5", "Method and material"),
        ("final.6", "Results"),
        ("final.6.logic_model", "Follow-up plan and logic model"),
        ("final.6.indicators", "Indicators"),
        ("final.6.pilot_vs_line", "The pilot compared with the line organisation"),
        ("final.6.readiness", "Change readiness"),
        ("final.6.improvement", "Improvement work (PDSA)"),
        ("final.6.1", "Strategic value for the city as a whole"),
        ("final.6.2", "Gender equality"),
        ("final.7", "Conclusions and proposals"),
        ("final.8", "References, sources"),
        ("final.9", "Appendices"),
        ("final.1.hint", "The project's purpose, method and results, at most half an A4 page (may be used in the Knowledge bank)."),
        ("steering.title", "Steering group brief"),
        ("steering.changes", "What changed since the last report"),
        ("steering.pilot_vs_line", "Pilot compared with the line"),
        ("steering.readiness", "Change readiness by unit"),
        ("steering.off_target", "Indicators off target"),
        ("steering.decisions", "Decisions the steering group is asked to take"),
        ("steering.since", "Compared with the report {file} of {date}."),
        ("steering.since_none", "No previous report given (--since): the comparison is with the previous period."),
        ("steering.no_changes", "None of the report's figures has changed since the last report."),
        ("steering.changes.figure", "Figure"),
        ("steering.changes.before", "Last report"),
        ("steering.changes.now", "Now"),
        ("tertial.title", "Tertial report: indicators per goal"),
        ("tertial.period", "Period: {period}"),
        ("tertial.col.indicator", "Indicator"),
        ("tertial.col.outcome", "Outcome"),
        ("tertial.col.boys", "Boys"),
        ("tertial.col.girls", "Girls"),
        ("tertial.col.previous", "Previous period"),
        ("tertial.col.unit_target", "Unit target"),
        ("tertial.col.city_target", "City target"),
        ("tertial.col.assessment", "Assessment"),
        ("tertial.col.analysis", "Analysis"),
        ("tertial.no_indicators", "No indicator measures this goal."),
        ("tertial.goal", "Goal {id}: {title}"),
        ("tertial.caption", "Indicators, outcomes and targets for {id}"),
        ("cover.project", "Project name"),
        ("cover.grant", "Amount granted"),
        ("cover.year", "Year"),
        ("cover.administration", "Administration, department/unit"),
        ("cover.contact", "Project contact"),
        ("cover.manager", "Responsible manager"),
        ("cover.dnr", "Reference no."),
        ("cover.funder", "Publisher/funder"),
        ("cover.date", "Date"),
        ("cover.model", "Logic model"),
        ("cover.period", "Period"),
        ("cover.toc", "Contents"),
        ("budget.intro", "The report covers estimated income and costs for the project period."),
        ("budget.income", "Income"),
        ("budget.costs", "Costs"),
        ("budget.line", "Item"),
        ("budget.amount", "Amount (SEK)"),
        ("budget.sum", "Total"),
        ("budget.caption.income", "Income during the project period"),
        ("budget.caption.costs", "Costs during the project period"),
        ("budget.gap.title", "Income and costs do not balance"),
        ("budget.gap", "Income ({income}) and costs ({costs}) differ by {difference}. Explain the difference in the text, for example whether the administration covered it or funds are to be paid back."),
        ("budget.balanced", "Income and costs are equal ({amount})."),
        ("budget.source", "Source: {file}."),
        ("budget.missing", "No budget file given. State income and costs with --budget FILE.csv (see docs/reports.md)."),
        ("logic_model.intro", "The logic model states the goals of the work and how it is followed up: inputs, activities, outputs, outcomes and goals, with indicators and means of verification."),
        ("logic_model.figure.caption", "Logic model for {name} (version {version})"),
        ("logic_model.figure.alt", "Diagram of the chain of {name}: {inputs} inputs, {activities} activities, {outputs} outputs, {outcomes} outcomes and {goals} goals, with arrows from inputs through activities and outputs to outcomes and goals."),
        ("logic_model.table.caption", "Logical framework: goals, outcomes, outputs and activities with indicators, means of verification and assumptions"),
        ("logic_model.illustrative", "Indicators and targets marked \"{label}\" are proposals not found in the source; they are reported as proposals."),
        ("logic_model.counts", "The model has {goals} goals, {outcomes} outcomes, {outputs} outputs, {activities} activities and {indicators} indicators."),
        ("illustrative.label", "proposal (illustrative)"),
        ("gender.required", "The R&D report must give gender-disaggregated results for every outcome that has a gender breakdown."),
        ("gender.indicators", "Indicators with a gender breakdown in the logic model:"),
        ("gender.none", "No indicator in the logic model has a gender breakdown (breakdowns: gender). Add one for the outcomes where it is possible, or explain here why it is not."),
        ("placeholder.text.title", "To be written"),
        ("placeholder.text", "This section is missing from the text file. Write it under the heading \"{heading}\" in the file given with --text."),
        ("placeholder.domain.title", "Computed later"),
        ("placeholder.domain", "piloteval fills in this part once {what} is available in the tool."),
        ("placeholder.domain.indicators", "indicator status and trend"),
        ("placeholder.domain.pilot_vs_line", "the pilot-versus-line comparison"),
        ("placeholder.domain.readiness", "the change-readiness summary"),
        ("placeholder.domain.improvement", "the run charts of the improvement work"),
        ("placeholder.domain.gender", "gender-disaggregated results"),
        ("placeholder.domain.off_target", "indicator status"),
        ("placeholder.value", "–"),
        ("suppression.small", "<5"),
        ("suppression.hidden", ".."),
        ("suppression.note", "<5 = fewer than 5 (1–4), not shown; .. = hidden so that a hidden figure cannot be worked out from the total; percentages built on hidden counts are not shown."),
        ("figure.label", "Figure {number}"),
        ("table.label", "Table {number}"),
        ("figure.n", "n = {n}"),
        ("caveat.title", "Caveat"),
        ("warning.title", "Note"),
        ("note.title", "Note"),
        ("caveat.one_pilot", "The pilot is a single team. Differences between the pilot and the line may come from the team and its cases as much as from the way of working."),
        ("caveat.synthetic", "The data are synthetic (made for the example) and describe no real children or families."),
        ("colophon.generated", "Produced with piloteval {version} on {date}."),
        ("colophon.model", "Logic model {id}, version {version} (SHA-256 {hash})."),
    ]
}
