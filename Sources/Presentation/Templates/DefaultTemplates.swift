/// The templates a report is written with, as shipped. `piloteval report templates
/// DIR` writes them out as files; `--templates DIR` reads any of them back in place of
/// these (a file left out keeps its default). docs/reports.md says what each controls.
public enum DefaultTemplates {
    /// File name → content, in the order they are written out.
    public static let files: [(name: String, content: String)] = [
        ("report.html.mustache", reportHTML),
        ("cover.html.mustache", coverHTML),
        ("report.css", css),
        ("report.md.mustache", reportMarkdown),
        ("cover.md.mustache", coverMarkdown),
        ("strings.sv.txt", StringsFile.write(.sv)),
        ("strings.en.txt", StringsFile.write(.en)),
        ("docx-styles.xml", DOCXStyles.defaultXML),
    ]

    static let reportHTML = """
    {{! The page around a report. Variables: lang, kind, title, subtitle, css, cover (partial),
        toc_title, toc (anchor, heading, depth), body (the sections, already HTML), colophon.
        Triple braces insert HTML as is; double braces escape text. }}
    <!DOCTYPE html>
    <html lang="{{lang}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="generator" content="piloteval {{tool_version}}">
    <title>{{title}}{{#subtitle}} – {{subtitle}}{{/subtitle}}</title>
    <style>
    {{{css}}}
    </style>
    </head>
    <body class="kind-{{kind}}">
    {{> cover}}
    <nav class="toc" aria-labelledby="toc-title">
    <h2 id="toc-title">{{toc_title}}</h2>
    <ol>
    {{#toc}}
    <li class="toc-depth-{{depth}}"><a href="#{{anchor}}">{{heading}}</a></li>
    {{/toc}}
    </ol>
    </nav>
    <main>
    {{{body}}}
    </main>
    <footer class="colophon">
    {{#colophon}}
    <p>{{.}}</p>
    {{/colophon}}
    </footer>
    </body>
    </html>

    """

    static let coverHTML = """
    {{! The cover block: title, subtitle and the LUM form's fields (label, value). }}
    <header class="cover">
    <p class="cover-owner">{{owner}}</p>
    <h1>{{title}}</h1>
    {{#subtitle}}<p class="cover-subtitle">{{subtitle}}</p>{{/subtitle}}
    {{#has_fields}}
    <table class="cover-fields">
    <tbody>
    {{#fields}}
    <tr><th scope="row">{{label}}</th><td>{{value}}</td></tr>
    {{/fields}}
    </tbody>
    </table>
    {{/has_fields}}
    </header>

    """

    static let css = """
    /* piloteval report style. Colours: Okabe–Ito (colour-blind safe); every state also
       has a word or a symbol, never colour alone. Edit freely: this file is inlined. */
    :root {
      --text: #1a1a1a; --muted: #555; --rule: #bbb; --head-bg: #eef3f8;
      --blue: #0072B2; --orange: #E69F00; --green: #009E73; --vermillion: #D55E00; --sky: #56B4E9;
    }
    /* The status marks (● ○ ◐ ◑) from a font that draws them whole: Liberation Sans, which
       stands in for Arial on Linux, draws ◐ as a small half disc. A local font only, for
       these code points only; where it is missing the next family draws them. */
    @font-face { font-family: "Status marks"; src: local("DejaVu Sans"); unicode-range: U+25CB-25D1; }
    html { font-family: "Status marks", "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: var(--text); line-height: 1.45; }
    body { max-width: 52rem; margin: 0 auto; padding: 1.5rem; }
    h1 { font-size: 1.9rem; margin: 0.2em 0; }
    h2 { font-size: 1.45rem; margin-top: 2em; border-bottom: 2px solid var(--blue); padding-bottom: 0.15em; }
    h3 { font-size: 1.2rem; margin-top: 1.6em; }
    h4 { font-size: 1.05rem; margin-top: 1.3em; }
    .cover { border-bottom: 3px solid var(--blue); padding-bottom: 1rem; margin-bottom: 1.5rem; }
    .cover-owner { color: var(--muted); margin: 0; }
    .cover-subtitle { font-size: 1.2rem; margin: 0 0 1rem; }
    .cover-fields th { text-align: left; font-weight: 600; width: 38%; background: none; }
    .cover-fields td, .cover-fields th { border: none; border-bottom: 1px solid #ddd; }
    .toc ol { list-style: none; padding-left: 0; }
    .toc .toc-depth-2 { padding-left: 1.5em; }
    .toc .toc-depth-3 { padding-left: 3em; }
    .toc a { color: var(--blue); text-decoration: none; }
    table { border-collapse: collapse; width: 100%; margin: 0.8em 0 0.4em; font-size: 0.92rem; }
    caption { caption-side: top; text-align: left; font-weight: 600; padding-bottom: 0.3em; }
    th, td { border: 1px solid var(--rule); padding: 0.3em 0.5em; vertical-align: top; }
    thead th { background: var(--head-bg); text-align: left; }
    tbody th { text-align: left; font-weight: normal; }
    /* Numbers stay whole through their no-break spaces; no nowrap, so that a cell with a
       figure and its CI or median (pilot vs line) wraps instead of pushing the table
       past the page. */
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    /* A date in a table stays on one line ("2021-02-01 –", "12 mars 2021"): no-break
       spaces would not hold an ISO date's hyphens (HTMLWriter, WholeDates). */
    .date { white-space: nowrap; }
    .center { text-align: center; }
    tr.total th, tr.total td { font-weight: 700; border-top: 2px solid var(--text); }
    .table-notes { font-size: 0.85rem; color: var(--muted); margin: 0 0 1em; }
    figure { margin: 1.2em 0; }
    figure svg { max-width: 100%; height: auto; display: block; }
    td svg.sparkline { display: block; margin-left: auto; }
    figcaption { font-size: 0.9rem; margin-top: 0.4em; }
    .callout { border-left: 5px solid var(--green); background: #f3faf7; padding: 0.5em 0.9em; margin: 1em 0; }
    .callout-title { font-weight: 700; margin: 0 0 0.2em; }
    .callout p { margin: 0.2em 0; }
    .callout-caveat { border-color: var(--orange); background: #fdf6e7; }
    .callout-warning { border-color: var(--vermillion); background: #fbeee6; }
    .callout-placeholder { border: 2px dashed var(--blue); border-left-width: 5px; background: #f2f7fb; }
    .colophon { margin-top: 3rem; border-top: 1px solid var(--rule); font-size: 0.8rem; color: var(--muted); }
    .kind-steering body, body.kind-steering { font-size: 0.92rem; }
    body.kind-steering h2 { margin-top: 1.2em; }
    body.kind-steering .colophon { margin-top: 1.5rem; }
    /* The steering brief is two pages, and the tertial report one section: no contents
       list, no page after the cover. */
    body.kind-steering .toc, body.kind-tertial .toc { display: none; }
    body.kind-tertial { max-width: 72rem; }

    /* The page number at the foot of every printed page, "3 / 54" (Chromium 131 and
       later draw page-margin boxes; the DOCX writer puts the same in its footer). */
    @page { size: A4; margin: 2cm 1.8cm;
            @bottom-center { content: counter(page) " / " counter(pages); font: 8.5pt sans-serif; color: #555; } }
    @page landscape { size: A4 landscape; margin: 1.5cm; }
    @media print {
      html { font-size: 10.5pt; }
      body { max-width: none; padding: 0; }
      body.kind-tertial { page: landscape; }
      /* A wide diagram gets a landscape page of its own (Chromium's named pages). */
      figure.landscape, .table-block.landscape { page: landscape; }
      figure.landscape svg { width: 100%; max-height: 16.5cm; }
      a { color: inherit; text-decoration: none; }
      .cover { break-after: page; border: none; }
      body.kind-steering .cover, body.kind-tertial .cover { break-after: auto; }
      .toc { break-after: page; }
      .page-break-before { break-before: page; }
      /* A part printed on landscape pages starts on a page of its own, its lead-in text
         too: the text before a landscape page otherwise ends wherever it ends, and the
         page it ends on is left all but white (the logic model's). */
      section:has(> figure.landscape, > .table-block.landscape) { break-before: page; }
      /* …unless it opens a part that starts a page itself: the part's heading would
         stand alone on a page (6 Results without the author's text). */
      .page-break-before > :is(h2, h3):first-child + section { break-before: auto; }
      h2, h3, h4, caption, .callout-title { break-after: avoid; }
      /* "Sammanställt ur rapportens resultat." opens the part after it: with it on the
         next page, not alone at the foot of this one (7 Slutsatser, issue 20). */
      .compiled-note { break-after: avoid; }
      table { break-inside: auto; }
      thead { display: table-header-group; }
      /* What moves to the next page whole leaves white behind it: figures, callouts and
         rows do, a table only when it is short (HTMLWriter.PrintBreaks marks it .keep). A
         longer table breaks between rows: its caption, heads and first two rows stay
         together, and its last two rows with its notes. A row too tall to move (tr.split)
         breaks inside, at least three lines on either side. */
      tr, figure, .callout, .table-block.keep { break-inside: avoid; }
      tbody > tr:first-child, tbody > tr:nth-child(2), tbody > tr:last-child, .table-notes { break-before: avoid; }
      tr.split { break-inside: auto; }
      td, th { orphans: 3; widows: 3; }
      /* A paragraph leading into a short table stays with it. One right after a table says
         what that table shows (6.2's comparisons by gender, pilot vs line's design): it
         leads into no table after it, and when it ends a part it stays with its table
         rather than standing alone on a page (6.2's last, before 7 Slutsatser). */
      p:not(.table-block + p):has(+ .table-block.keep) { break-after: avoid; break-inside: avoid; }
      .table-block + p:last-child { break-before: avoid; }
      p { orphans: 3; widows: 3; }
    }

    """

    static let reportMarkdown = """
    {{% CONTENT_TYPE: TEXT}}
    {{! The Markdown page. Variables as report.html.mustache; body is Markdown. }}
    {{> cover}}
    {{{body}}}

    ---
    {{#colophon}}
    *{{.}}*
    {{/colophon}}

    """

    static let coverMarkdown = """
    {{% CONTENT_TYPE: TEXT}}
    # {{title}}
    {{#subtitle}}

    **{{subtitle}}**
    {{/subtitle}}
    {{#has_fields}}

    | | |
    |---|---|
    {{#fields}}
    | {{label}} | {{value}} |
    {{/fields}}
    {{/has_fields}}

    """
}
