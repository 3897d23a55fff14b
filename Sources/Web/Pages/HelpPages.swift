import LogicModel

/// The short guide for process leaders and the accessibility statement
/// (tillgänglighetsredogörelse), which the DOS law requires of public-sector web.
enum HelpPages {
    static func help(_ context: WebContext) -> Page {
        let sv = context.language == .sv
        let body = sv ? """
        <p class="lead">Så här följer du upp en pilot i piloteval.</p>
        <h2>1. Hitta piloten</h2>
        <p>Startsidan visar varje logikmodell som lästs in, med hur många indikatorer som når sina mål i den senaste perioden. Välj pilotens namn för att öppna dess översikt.</p>
        <h2>2. Se hur det går</h2>
        <p>Översikten är samma text som styrgruppens lägesrapport: indikatorer som inte når målet, piloten jämfört med linjen och personalens förändringsberedskap. Menyn under sidhuvudet leder vidare:</p>
        <ul>
        <li><strong>Indikatorer</strong> – varje indikator mot sitt mål, per tertial.</li>
        <li><strong>Pilot och linje</strong> – pilotens ärenden jämförda med linjeorganisationens, med hur säker jämförelsen är.</li>
        <li><strong>Förändringsberedskap</strong> – personalenkäten per enhet och år.</li>
        <li><strong>Förbättringsarbete</strong> – körkort (run charts) med PDSA-cyklerna.</li>
        <li><strong>Logikmodell</strong> – kedjan från aktiviteter till mål.</li>
        <li><strong>Rapporter</strong> – styrgruppens lägesrapport, tertialrapporten och slutrapporten att ladda ner.</li>
        </ul>
        <h2>3. Små antal</h2>
        <p>Sidorna här är till för pilotens egna medarbetare och kan visa små antal (färre än fem personer); det står då överst på sidan. Dokument som ska spridas laddar du ner i den offentliga versionen, där små antal är dolda.</p>
        <h2>4. Språk</h2>
        <p>Sidorna finns på svenska och engelska. Länken uppe till höger byter språk, och valet gäller tills du byter igen.</p>
        """ : """
        <p class="lead">How to follow up a pilot in piloteval.</p>
        <h2>1. Find the pilot</h2>
        <p>The start page lists every logic model loaded, with how many indicators meet their targets in the latest period. Choose the pilot's name to open its overview.</p>
        <h2>2. See how it is going</h2>
        <p>The overview is the steering group's brief: indicators off target, the pilot against the line, and staff change readiness. The menu below the header leads on:</p>
        <ul>
        <li><strong>Indicators</strong> – each indicator against its target, per tertial.</li>
        <li><strong>Pilot and line</strong> – the pilot's cases against the line organisation's, with how firm the comparison is.</li>
        <li><strong>Change readiness</strong> – the staff survey per unit and year.</li>
        <li><strong>Improvement work</strong> – run charts with their PDSA cycles.</li>
        <li><strong>Logic model</strong> – the chain from activities to goals.</li>
        <li><strong>Reports</strong> – the steering brief, the tertial report and the final report to download.</li>
        </ul>
        <h2>3. Small counts</h2>
        <p>These pages are for the pilot's own staff and may show small counts (fewer than five persons); the top of the page says so. Download documents to be spread in their public version, where small counts are hidden.</p>
        <h2>4. Language</h2>
        <p>The pages are in Swedish and English. The link at the top right switches, and the choice stays until you switch again.</p>
        """
        return Page(title: sv ? "Hjälp" : "Help", language: context.language, body: body,
                    session: context.session, path: "/help")
    }

    static func accessibility(_ context: WebContext) -> Page {
        let sv = context.language == .sv
        let body = sv ? """
        <p class="lead">Den här redogörelsen beskriver hur piloteval uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, kända brister och hur du kan rapportera problem.</p>
        <h2>Hur tillgänglig är webbplatsen?</h2>
        <p>Webbplatsen är utformad för att uppfylla WCAG 2.1 nivå AA. Alla sidor kan användas med enbart tangentbord, har en länk för att hoppa direkt till innehållet, rubriker i ordning, tabeller med rubrikceller och diagram med en textbeskrivning. Varje sida provas automatiskt med verktyget axe-core innan en ny version släpps.</p>
        <h2>Kända brister</h2>
        <p>Diagram över enkätsvar och körkort har en kort textbeskrivning; de enskilda värdena finns i tabellerna bredvid. Det finns inga kända brister i övrigt.</p>
        <h2>Rapportera brister</h2>
        <p>Om du upptäcker problem som inte beskrivs här, kontakta den förvaltning som driver servern. Du kan också kontakta Myndigheten för digital förvaltning (Digg), som är tillsynsmyndighet för lagen.</p>
        <h2>Hur vi testat webbplatsen</h2>
        <p>Varje sida provas automatiskt med axe-core (regler för WCAG 2.1 A och AA samt bästa praxis) och de viktigaste flödena prövas med enbart tangentbord.</p>
        """ : """
        <p class="lead">This statement describes how piloteval meets the Swedish act (2018:1937) on accessibility to digital public services, the known shortcomings and how to report a problem.</p>
        <h2>How accessible is the site?</h2>
        <p>The site is built to meet WCAG 2.1 level AA. Every page works by keyboard alone, has a link to skip to the content, headings in order, tables with header cells and charts with a text description. Every page is checked automatically with axe-core before a new version is released.</p>
        <h2>Known shortcomings</h2>
        <p>Charts of survey answers and run charts have a short text description; the individual values are in the tables beside them. There are no other known shortcomings.</p>
        <h2>Report a problem</h2>
        <p>If you find a problem not described here, contact the administration that runs the server. You can also contact the Agency for Digital Government (Digg), which supervises the act.</p>
        <h2>How the site was tested</h2>
        <p>Every page is checked automatically with axe-core (WCAG 2.1 A and AA rules and best practices) and the main journeys are tried by keyboard alone.</p>
        """
        return Page(title: sv ? "Tillgänglighetsredogörelse" : "Accessibility statement", language: context.language,
                    body: body, session: context.session, path: "/accessibility")
    }
}
