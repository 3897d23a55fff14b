#!/bin/sh
# Printed length (issue 20): the demo's steering brief is at most two A4 pages, printed
# from its HTML by Chromium and from its DOCX by LibreOffice — the renderers a steering
# group's copies come from. A word count in the Swift tests guards the text; only a
# renderer shows a table row grown by a line, which is how the brief last reached a
# third page. Also checks that every report of the demo converts (no renderer error).
# With PILOTEVAL_BIN, also a fuller brief than the demo's, in Swedish and English
# (Tests/print/fuller-brief.sh: synthetic data with pilot vs line, three survey units
# in two waves, PDSA cycles adopted, adapted and abandoned, 8 indicators off target).
#
#   Tests/print/run.sh DEMO_DIR        (a `piloteval demo --out DEMO_DIR`)
#   PILOTEVAL_BIN=.build/debug/piloteval Tests/print/run.sh DEMO_DIR
#
# No near-empty page either: every page Chromium prints is at least half full, unless
# it is the last, ends a run of landscape pages, or comes before a level-1 section that
# starts a page (then it holds more than a line or two); Tests/print/page-fill.py.
#
# With PILOTEVAL_BIN, also the English final report without the author's text: no page of
# it ends on a heading either (its parts hold only generated text).
#
# In what LibreOffice prints from each DOCX and Chromium from each HTML, no page ends on a
# heading, a table's caption, the line opening a compiled part or a paragraph leading into
# a table or figure (Tests/print/stranded.py), and the final
# report's contents list gives every heading the page it is printed on
# (Tests/print/contents-pages.py: the DOCX's PAGEREF fields, as LibreOffice lays them out).
#
# Needs Debian's chromium, libreoffice-writer-nogui and poppler-utils
# (scripts/install-deps.sh --test).
set -eu
demo="${1:?usage: Tests/print/run.sh DEMO_DIR}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

# Pages of a PDF: its page objects (Chromium and LibreOffice write no object streams).
pages() {
    python3 -c 'import re, sys; print(len(re.findall(rb"/Type\s*/Page(?![s\w])", open(sys.argv[1], "rb").read())))' "$1"
}

failed=0
for kind in steering final tertial; do
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$work/$kind-html.pdf" "file://$(cd "$demo/reports" && pwd)/$kind.html" 2>/dev/null
    # LibreOffice keeps its profile in HOME: a fresh one per run, away from the user's.
    HOME="$work/home" soffice --headless --convert-to pdf --outdir "$work/docx" "$demo/reports/$kind.docx" >/dev/null 2>&1
    html=$(pages "$work/$kind-html.pdf")
    docx=$(pages "$work/docx/$kind.pdf")
    echo "print: $kind: $html pages from HTML (Chromium), $docx from DOCX (LibreOffice)"
    if [ "$html" -eq 0 ] || [ "$docx" -eq 0 ]; then
        echo "print: FAIL: $kind did not print" >&2; failed=1
    fi
    if [ "$kind" = steering ] && { [ "$html" -gt 2 ] || [ "$docx" -gt 2 ]; }; then
        echo "print: FAIL: the steering brief is longer than two pages" >&2; failed=1
    fi
    python3 "$(dirname "$0")/page-fill.py" "$demo/reports/$kind.html" "$work/$kind-html.pdf" || failed=1
    python3 "$(dirname "$0")/stranded.py" "$demo/reports/$kind.docx" "$work/docx/$kind.pdf" || failed=1
    python3 "$(dirname "$0")/stranded.py" "$demo/reports/$kind.html" "$work/$kind-html.pdf" || failed=1
    if [ "$kind" = final ]; then
        python3 "$(dirname "$0")/contents-pages.py" "$work/docx/$kind.pdf" || failed=1
    fi
done
if [ -n "${PILOTEVAL_BIN:-}" ]; then
    "$(dirname "$0")/fuller-brief.sh" "$PILOTEVAL_BIN" "$work/fuller"
    for lang in sv en; do
        chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
            --print-to-pdf="$work/fuller-$lang-html.pdf" "file://$work/fuller/steering-$lang.html" 2>/dev/null
        HOME="$work/home" soffice --headless --convert-to pdf --outdir "$work/fuller/pdf" "$work/fuller/steering-$lang.docx" >/dev/null 2>&1
        html=$(pages "$work/fuller-$lang-html.pdf")
        docx=$(pages "$work/fuller/pdf/steering-$lang.pdf")
        echo "print: fuller steering ($lang): $html pages from HTML (Chromium), $docx from DOCX (LibreOffice)"
        if [ "$html" -eq 0 ] || [ "$docx" -eq 0 ] || [ "$html" -gt 2 ] || [ "$docx" -gt 2 ]; then
            echo "print: FAIL: the fuller steering brief ($lang) did not print on at most two pages" >&2; failed=1
        fi
        python3 "$(dirname "$0")/page-fill.py" "$work/fuller/steering-$lang.html" "$work/fuller-$lang-html.pdf" || failed=1
        python3 "$(dirname "$0")/stranded.py" "$work/fuller/steering-$lang.docx" "$work/fuller/pdf/steering-$lang.pdf" || failed=1
        python3 "$(dirname "$0")/stranded.py" "$work/fuller/steering-$lang.html" "$work/fuller-$lang-html.pdf" || failed=1
    done
fi
if [ -n "${PILOTEVAL_BIN:-}" ]; then
    # The English final report without the author's text: parts that have only generated
    # text start pages too ("6 Results" once stood alone on a page before the logic
    # model's landscape diagrams). No page may end on a heading, in either renderer.
    PILOTEVAL_DB="$demo/piloteval.db" "$PILOTEVAL_BIN" report --model vallingbyteamet --kind final --format html \
        --lang en -o "$work/final-en.html" >/dev/null 2>&1
    PILOTEVAL_DB="$demo/piloteval.db" "$PILOTEVAL_BIN" report --model vallingbyteamet --kind final --format docx \
        --lang en -o "$work/final-en.docx" >/dev/null 2>&1
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$work/final-en-html.pdf" "file://$work/final-en.html" 2>/dev/null
    HOME="$work/home" soffice --headless --convert-to pdf --outdir "$work/en-docx" "$work/final-en.docx" >/dev/null 2>&1
    echo "print: final (en, no text): $(pages "$work/final-en-html.pdf") pages from HTML (Chromium), $(pages "$work/en-docx/final-en.pdf") from DOCX (LibreOffice)"
    python3 "$(dirname "$0")/stranded.py" "$work/final-en.html" "$work/final-en-html.pdf" || failed=1
    python3 "$(dirname "$0")/stranded.py" "$work/final-en.docx" "$work/en-docx/final-en.pdf" || failed=1
fi
exit $failed
