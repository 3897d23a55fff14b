import LogicModel

/// The web application's own words (navigation, page titles, errors), Swedish first.
/// Figures and tables come from the blocks, in the same language, through the reports'
/// strings; these are only the frame around them.
struct WebStrings: Sendable {
    let language: Language

    init(_ language: Language) { self.language = language }

    func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
        var text = (language == .sv ? Self.sv[key] : Self.en[key]) ?? Self.sv[key] ?? key
        for (name, value) in arguments { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    static let sv: [String: String] = [
        "app.name": "piloteval",
        "app.tagline": "Uppföljning av piloter i socialtjänsten",
        "skip": "Hoppa till innehållet",
        "nav.main": "Huvudmeny",
        "nav.model": "Pilotens sidor",
        "nav.start": "Start",
        "nav.help": "Hjälp",
        "nav.accessibility": "Tillgänglighet",
        "lang.switch": "English",
        "lang.switch.code": "en",
        "nav.overview": "Översikt",
        "nav.logic_model": "Logikmodell",
        "nav.indicators": "Indikatorer",
        "nav.pilot_vs_line": "Pilot och linje",
        "nav.readiness": "Förändringsberedskap",
        "nav.improvement": "Förbättringsarbete",
        "nav.reports": "Rapporter",
        "nav.imports": "Inläsningar",
        "footer.local": "Lokalt läge: bara den som har länken kommer åt sidorna.",
        "marking.internal": "Intern handling: sidan kan visa små antal (färre än 5) – får inte spridas.",
        "error.title": "Något gick fel",
        "error.back": "Till startsidan",
        "error.unauthorized.title": "Öppna länken för att komma in",
        "error.unauthorized": "Sidorna är skyddade. Öppna den länk som visades när piloteval startades (den innehåller en nyckel). Har du fått länken av någon annan, be om en ny.",
        "error.csrf": "Formuläret kunde inte skickas eftersom sidan var för gammal. Ladda om sidan och försök igen.",
        "error.not_found.title": "Sidan finns inte",
        "error.not_found": "Det finns ingen sida här. Den kan ha flyttats, eller adressen är felskriven.",
        "error.request": "Frågan kunde inte besvaras.",
        "error.internal": "Ett oväntat fel inträffade. Inget har ändrats. Försök igen; om felet står kvar, kontakta den som driver servern.",
        "error.model": "Det finns ingen logikmodell med namnet {id}.",
        "start.title": "Piloter och planer",
        "start.lead": "Här finns varje logikmodell som lästs in: hur indikatorerna står sig, vad piloten visar jämfört med linjen, personalens förändringsberedskap och rapporterna.",
        "start.empty": "Ingen logikmodell är inläst ännu. Hjälpsidan beskriver hur man kommer igång.",
        "start.period": "Period",
        "start.latest": "Senaste period med värden",
        "start.no_values": "inga värden ännu",
        "start.indicators": "Indikatorer",
        "start.indicators.value": "{met} når målet, {not_met} når inte målet, {other} kan inte bedömas",
        "start.wave": "Senaste enkätomgång",
        "start.import": "Senaste inläsning",
        "start.none": "–",
        "error.period": "”{period}” är ingen period. Skriv till exempel 2022, 2022-T1 (tertial), 2022-Q1 (kvartal) eller 2022-03 (månad).",
        "section.empty": "Det finns inget att visa här ännu: de uppgifter som delen bygger på är inte inlästa.",
    ]

    static let en: [String: String] = [
        "app.name": "piloteval",
        "app.tagline": "Following up pilots in social services",
        "skip": "Skip to content",
        "nav.main": "Main menu",
        "nav.model": "The pilot's pages",
        "nav.start": "Start",
        "nav.help": "Help",
        "nav.accessibility": "Accessibility",
        "lang.switch": "Svenska",
        "lang.switch.code": "sv",
        "nav.overview": "Overview",
        "nav.logic_model": "Logic model",
        "nav.indicators": "Indicators",
        "nav.pilot_vs_line": "Pilot and line",
        "nav.readiness": "Change readiness",
        "nav.improvement": "Improvement work",
        "nav.reports": "Reports",
        "nav.imports": "Imports",
        "footer.local": "Local mode: only whoever has the link can open these pages.",
        "marking.internal": "Internal: this page may show small counts (fewer than 5) – do not spread.",
        "error.title": "Something went wrong",
        "error.back": "To the start page",
        "error.unauthorized.title": "Open the link to get in",
        "error.unauthorized": "These pages are protected. Open the link shown when piloteval was started (it holds a key). If someone else gave you the link, ask for a new one.",
        "error.csrf": "The form could not be sent because the page was too old. Reload the page and try again.",
        "error.not_found.title": "Page not found",
        "error.not_found": "There is no page here. It may have moved, or the address is mistyped.",
        "error.request": "The request could not be answered.",
        "error.internal": "An unexpected error occurred. Nothing was changed. Try again; if it persists, contact whoever runs the server.",
        "error.model": "There is no logic model called {id}.",
        "start.title": "Pilots and plans",
        "start.lead": "Every logic model loaded: how its indicators stand, what the pilot shows against the line, staff change readiness, and the reports.",
        "start.empty": "No logic model has been loaded yet. The help page describes how to start.",
        "start.period": "Period",
        "start.latest": "Latest period with values",
        "start.no_values": "no values yet",
        "start.indicators": "Indicators",
        "start.indicators.value": "{met} meet the target, {not_met} do not, {other} cannot be assessed",
        "start.wave": "Latest survey wave",
        "start.import": "Latest import",
        "start.none": "–",
        "error.period": "“{period}” is not a period. Write for example 2022, 2022-T1 (tertial), 2022-Q1 (quarter) or 2022-03 (month).",
        "section.empty": "Nothing to show here yet: the data this part is built on has not been loaded.",
    ]
}
