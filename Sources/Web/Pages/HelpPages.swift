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
        <p>Översikten visar siffrorna ur styrgruppens lägesrapport: vad som ändrats, indikatorer som inte når målet, piloten jämfört med linjen och personalens förändringsberedskap. Menyn under sidhuvudet leder vidare, i samma ordning:</p>
        <ul>
        <li><strong>Logikmodell</strong> – kedjan från resurser och aktiviteter till mål, som bild och som tabell.</li>
        <li><strong>Indikatorer</strong> – varje indikator mot sitt mål. Välj år eller tertial under <em>Period</em>; utan val visas den senaste perioden med värden.</li>
        <li><strong>Pilot och linje</strong> – pilotens ärenden jämförda med linjeorganisationens, med hur säker jämförelsen är.</li>
        <li><strong>Förändringsbenägenhet</strong> – personalenkäten per enhet och mätning.</li>
        <li><strong>Förbättringsarbete</strong> – seriediagram och styrdiagram (run charts och p-diagram) med PDSA-cyklerna.</li>
        <li><strong>Rapporter</strong> – skapa styrgruppens lägesrapport, tertialrapporten eller slutrapporten och ladda ner den som DOCX, PDF eller JSON.</li>
        <li><strong>Inläsningar</strong> – filerna som lästs in för piloten och vad var och en gav.</li>
        </ul>
        <h2>3. Läs in nya uppgifter</h2>
        <p>Under <strong>Inläsningar</strong> läser du in periodens filer: indikatorvärden, ärendeuttaget ur verksamhetssystemet, personalenkäten och mätningarna i förbättringsarbetet. Du ser först vad filen innehåller och eventuella fel med rad och kolumn; inget sparas förrän du väljer <em>Läs in filen</em>. En inläsning kan ångras på samma sida.</p>
        <p>Personnummer och samordningsnummer i ett ärendeuttag ersätts med pseudonymer innan något sparas, med en nyckel som servern har. Har servern ingen nyckel avvisas ett uttag med sådana nummer; be den som startar servern att ange en nyckelfil.</p>
        <p>Periodens egna värden skriver du in under <strong>Mata in värden</strong>: välj period, fyll i värdet eller täljare och nämnare, välj <em>Kontrollera</em> och sedan <em>Spara</em>. När perioden är klar markerar du den som klar; den som godkänner låser den, och rapporterna använder sedan de godkända värdena.</p>
        <p>PDSA-cykler lägger du till och avslutar under <strong>Förbättringsarbete</strong>, och logikmodellen ändrar du under <strong>Logikmodell</strong>: en indikator och dess mål i ett formulär, eller hela modellen i textform (<em>Ändra logikmodellen</em>); varje sparad ändring blir en ny version som du kan jämföra med den förra. En ny pilot lägger du till från startsidan.</p>
        <h2>4. Små antal</h2>
        <p>Sidorna här är till för pilotens egna medarbetare och kan visa små antal (färre än fem personer); det står då överst på sidan. Dokument som ska spridas laddar du ner i den offentliga versionen, där små antal är dolda.</p>
        <h2>5. Språk</h2>
        <p>Sidorna finns på svenska och engelska. Länken uppe till höger byter språk, och valet gäller tills du byter igen.</p>
        """ : """
        <p class="lead">How to follow up a pilot in piloteval.</p>
        <h2>1. Find the pilot</h2>
        <p>The start page lists every logic model loaded, with how many indicators meet their targets in the latest period. Choose the pilot's name to open its overview.</p>
        <h2>2. See how it is going</h2>
        <p>The overview shows the figures of the steering group's brief: what changed, indicators off target, the pilot against the line, and staff change readiness. The menu below the header leads on, in the same order:</p>
        <ul>
        <li><strong>Logic model</strong> – the chain from resources and activities to goals, as a diagram and as a table.</li>
        <li><strong>Indicators</strong> – each indicator against its target. Choose a year or tertial under <em>Period</em>; without a choice the latest period with values is shown.</li>
        <li><strong>Pilot and line</strong> – the pilot's cases against the line organisation's, with how firm the comparison is.</li>
        <li><strong>Change readiness</strong> – the staff survey per unit and wave.</li>
        <li><strong>Improvement work</strong> – run charts and control charts (p-charts) with their PDSA cycles.</li>
        <li><strong>Reports</strong> – make the steering brief, the tertial report or the final report and download it as DOCX, PDF or JSON.</li>
        <li><strong>Imports</strong> – the files loaded for the pilot and what each brought.</li>
        </ul>
        <h2>3. Load new data</h2>
        <p>Under <strong>Imports</strong> you load the period's files: indicator values, the case extract from the case management system, the staff survey and the improvement measures. You first see what the file holds and any errors by row and column; nothing is saved until you choose <em>Import the file</em>. An import can be undone on the same page.</p>
        <p>Personal identity and coordination numbers in a case extract are replaced by pseudonyms before anything is saved, with a key the server holds. If the server has no key, an extract with such numbers is refused; ask whoever starts the server to give it a key file.</p>
        <p>The period's own values are entered under <strong>Enter values</strong>: choose the period, fill in the value or the numerator and denominator, choose <em>Check</em> and then <em>Save</em>. When the period is complete, mark it ready; the approver locks it, and reports then use the approved values.</p>
        <p>PDSA cycles are added and closed under <strong>Improvement work</strong>, and the logic model is changed under <strong>Logic model</strong>: one indicator and its targets in a form, or the whole model in its text form (<em>Edit the logic model</em>); every saved change is a new version you can compare with the one before. A new pilot is added from the start page.</p>
        <h2>4. Small counts</h2>
        <p>These pages are for the pilot's own staff and may show small counts (fewer than five persons); the top of the page says so. Download documents to be spread in their public version, where small counts are hidden.</p>
        <h2>5. Language</h2>
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
        <p>piloteval är delvis förenlig med lagen, på grund av bristerna nedan.</p>
        <ul>
        <li>Diagram över enkätsvar och seriediagram har en kort textbeskrivning; de enskilda värdena finns i tabellerna bredvid.</li>
        <li>På de engelska sidorna är logikmodellens egna texter (skrivna på svenska) märkta med sitt språk i rubriker och rutor, men ännu inte inne i rapporternas tabeller, så en skärmläsare kan läsa dem med engelskt uttal.</li>
        <li>Felmeddelanden från inläsningarna är på engelska (samma som i kommandoraden) och märkta som engelska.</li>
        <li>Logikmodellens bild förminskas för att rymmas på skärmen, och texten i den blir då liten. Samma innehåll finns i tabellen under bilden.</li>
        <li>Breda tabeller rullas i sidled inom sin ruta på en smal skärm; rutan kan väljas med tabbtangenten och rullas med piltangenterna.</li>
        </ul>
        <h2>Rapportera brister</h2>
        <p>Om du upptäcker problem som inte beskrivs här, kontakta den förvaltning som driver servern. Du kan också kontakta Myndigheten för digital förvaltning (Digg), som är tillsynsmyndighet för lagen.</p>
        <h2>Hur vi testat webbplatsen</h2>
        <p>Varje sida provas automatiskt med axe-core (regler för WCAG 2.1 A och AA samt bästa praxis) och de viktigaste flödena prövas med enbart tangentbord.</p>
        """ : """
        <p class="lead">This statement describes how piloteval meets the Swedish act (2018:1937) on accessibility to digital public services, the known shortcomings and how to report a problem.</p>
        <h2>How accessible is the site?</h2>
        <p>The site is built to meet WCAG 2.1 level AA. Every page works by keyboard alone, has a link to skip to the content, headings in order, tables with header cells and charts with a text description. Every page is checked automatically with axe-core before a new version is released.</p>
        <h2>Known shortcomings</h2>
        <p>piloteval is partially compliant with the act, because of the shortcomings below.</p>
        <ul>
        <li>Charts of survey answers and run charts have a short text description; the individual values are in the tables beside them.</li>
        <li>On the English pages the logic model's own texts (written in Swedish) are marked with their language in headings and tiles, but not yet inside the reports' tables, so a screen reader may read them with English pronunciation.</li>
        <li>Messages from imports are in English (the same as on the command line), marked as English.</li>
        <li>The logic model's diagram is scaled down to fit the screen, which makes its text small. The same content is in the table below it.</li>
        <li>Wide tables scroll sideways within their box on a narrow screen; the box can be reached with the Tab key and scrolled with the arrow keys.</li>
        </ul>
        <h2>Report a problem</h2>
        <p>If you find a problem not described here, contact the administration that runs the server. You can also contact the Agency for Digital Government (Digg), which supervises the act.</p>
        <h2>How the site was tested</h2>
        <p>Every page is checked automatically with axe-core (WCAG 2.1 A and AA rules and best practices) and the main journeys are tried by keyboard alone.</p>
        """
        return Page(title: sv ? "Tillgänglighetsredogörelse" : "Accessibility statement", language: context.language,
                    body: body, session: context.session, path: "/accessibility")
    }
}
