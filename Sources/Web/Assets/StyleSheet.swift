/// The application's CSS. Colours are checked for WCAG 2.1 AA contrast (4.5:1 for
/// text) against their backgrounds; focus is always visible; layout is one column on a
/// phone and widens on a desk. No web fonts: the system's sans-serif.
enum StyleSheet {
    static let text = """
    :root { --ink: #1b1b1b; --muted: #4a4a4a; --paper: #ffffff; --band: #f3f5f7; --line: #c9d0d6;
            --accent: #0b5394; --accent-ink: #ffffff; --met: #1e6b30; --notmet: #a0330b; --warn: #7a5200; }
    * { box-sizing: border-box; }
    html { font-family: system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 100%; color: var(--ink); background: var(--paper); }
    body { margin: 0; line-height: 1.5; }
    a { color: var(--accent); }
    a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible, [tabindex]:focus-visible {
        outline: 3px solid var(--ink); outline-offset: 2px; box-shadow: 0 0 0 2px #ffbf47; }
    /* Two tones: the dark ring stands out on white and the band (3:1 and more, WCAG 1.4.11),
       the yellow one on the blue header, where the dark ring alone would not. */
    .skip { position: absolute; left: -9999px; top: 0; background: var(--accent); color: var(--accent-ink); padding: 0.5em 1em; }
    .skip:focus { left: 0.5em; z-index: 10; }
    header.site { display: flex; flex-wrap: wrap; align-items: center; gap: 1em; padding: 0.6em 1.2em; background: var(--accent); color: var(--accent-ink); }
    header.site a { color: var(--accent-ink); }
    .brand { font-weight: 700; font-size: 1.2em; text-decoration: none; }
    .site-nav ul, .model-nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.2em 1.2em; }
    .lang-switch { margin-left: auto; }
    .model-nav { background: var(--band); border-bottom: 1px solid var(--line); padding: 0.5em 1.2em; }
    .model-nav a[aria-current="page"] { font-weight: 700; color: var(--ink); text-decoration: none; border-bottom: 3px solid var(--accent); }
    main { max-width: 72em; margin: 0 auto; padding: 1em 1.2em 3em; }
    main:focus { outline: none; box-shadow: none; }
    h1 { font-size: 1.8em; line-height: 1.2; margin: 0.6em 0 0.4em; }
    /* Swedish compounds are long ("Förändringsbenägenhet"): on a phone a heading breaks
       inside a word (hyphenated where the browser can) rather than widen the page. */
    h1, h2, h3, main p, main li, main dd { overflow-wrap: break-word; hyphens: auto; }
    @media (max-width: 30em) { h1 { font-size: 1.5em; } h2 { font-size: 1.25em; } }
    h2 { font-size: 1.35em; margin: 1.6em 0 0.4em; }
    h3 { font-size: 1.1em; margin: 1.2em 0 0.3em; }
    footer.site { border-top: 1px solid var(--line); padding: 1em 1.2em; color: var(--muted); font-size: 0.9em; }
    .marking { border: 2px solid var(--notmet); color: var(--notmet); font-weight: 700; padding: 0.4em 0.8em; }
    .hint { display: block; color: var(--muted); font-size: 0.95em; margin: 0.1em 0 0.3em; }
    .lead { font-size: 1.1em; color: var(--muted); }
    .table-block { overflow-x: auto; margin: 1em 0; }
    table { border-collapse: collapse; min-width: 50%; }
    caption { text-align: left; padding: 0.3em 0; }
    th, td { border-bottom: 1px solid var(--line); padding: 0.35em 0.6em; vertical-align: top; text-align: left; }
    thead th { border-bottom: 2px solid var(--ink); }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    /* Numbers keep together by their own no-break spaces; a cell such as "84,4 % inom 14 dagar (n = 469)"
       may wrap between words, so that a six-column table fits a desk's width without scrolling. */
    td.num { white-space: normal; }
    /* A date in a table stays on one line, as in the reports (HTMLWriter marks it). */
    .date { white-space: nowrap; }
    td.center, th.center { text-align: center; }
    tr.total th, tr.total td { font-weight: 700; border-top: 2px solid var(--ink); }
    .table-notes { font-size: 0.9em; color: var(--muted); margin: 0.2em 0; }
    .callout { border-left: 5px solid var(--accent); background: var(--band); padding: 0.5em 1em; margin: 1em 0; }
    .callout-caveat, .callout-warning { border-left-color: var(--warn); }
    .callout-title { font-weight: 700; margin: 0 0 0.2em; }
    .field-error { display: block; color: var(--notmet); font-weight: 600; margin: 0.1em 0 0.3em; }
    [aria-invalid="true"] { border: 2px solid var(--notmet); }
    textarea { font: inherit; width: 100%; max-width: 42em; }
    textarea.code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; max-width: none; }
    .editor { display: grid; gap: 1.5em; }
    @media (min-width: 70em) { .editor { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); } }
    .diagram svg { max-width: 100%; height: auto; }
    .diagnostics li.error strong { color: var(--notmet); }
    input[type="text"] { font: inherit; max-width: 100%; }
    input[readonly] { background: var(--band); border: 1px solid var(--line); color: var(--ink); }
    figure { margin: 1em 0; max-width: 100%; overflow-x: auto; }
    figure svg { max-width: 100%; height: auto; }
    figcaption { font-size: 0.95em; }
    .tiles .card h3 { font-size: 1em; margin: 0 0 0.4em; }
    .tiles .card p { margin: 0.2em 0; }
    .tile-value { font-size: 1.6em; font-weight: 700; font-variant-numeric: tabular-nums; }
    .tile-period { font-size: 0.55em; font-weight: 400; color: var(--muted); }
    .sparkline { display: block; margin-top: 0.4em; color: var(--accent); }
    /* Charts at a readable size beside the text rather than the full width of a desk screen. */
    main figure svg { max-width: min(100%, 44em); }
    /* A select sizes itself to its longest option (a file name): never wider than the page. */
    select, input[type="file"] { max-width: 100%; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(18em, 1fr)); gap: 1em; padding: 0; list-style: none; }
    .card { border: 1px solid var(--line); border-radius: 6px; padding: 0.8em 1em; }
    .card h2 { margin: 0 0 0.3em; font-size: 1.2em; }
    /* Labels get at most 45 % of the card, so that a period such as 2019-01-01 – 2019-12-31
       stays on one line beside them instead of breaking inside its dates. */
    .card dl { display: grid; grid-template-columns: minmax(7em, 45%) 1fr; gap: 0.15em 0.8em; margin: 0.4em 0 0; }
    .card dt { color: var(--muted); }
    .card dd { margin: 0; }
    .status-met { color: var(--met); font-weight: 700; }
    .status-not-met { color: var(--notmet); font-weight: 700; }
    .muted { color: var(--muted); }
    form.inline { display: flex; flex-wrap: wrap; gap: 0.6em; align-items: end; margin: 1em 0; }
    label { font-weight: 600; display: block; }
    fieldset { border: 1px solid var(--line); border-radius: 4px; margin: 1em 0; padding: 0.4em 1em 0.6em; min-inline-size: 0; }
    input.note, input.wide { width: 100%; min-width: 12em; }
    legend { font-weight: 600; padding: 0 0.3em; }
    fieldset label { font-weight: 400; }
    .rule-part { display: flex; flex-wrap: wrap; gap: 0 1em; align-items: end; }
    .rule-part p { margin: 0.3em 0; }
    ul.columns { columns: 2 22em; }
    input[type="checkbox"] + label { display: inline; font-weight: 400; margin-left: 0.3em; }
    select, input, button { font: inherit; padding: 0.3em 0.5em; }
    button, .button { background: var(--accent); color: var(--accent-ink); border: 0; border-radius: 4px; padding: 0.45em 1em; cursor: pointer; text-decoration: none; display: inline-block; }
    @media print { header.site, .model-nav, footer.site, .skip, form { display: none; } }

    """
}
