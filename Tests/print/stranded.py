#!/usr/bin/env python3
"""Nothing stranded at a page's foot: in a DOCX printed by LibreOffice, or an HTML report
printed by Chromium, no page ends on a heading, on a table's or figure's caption, on the
line that opens a part compiled from the results ("Sammanställt ur rapportens resultat.")
or on the paragraph that leads into a table or a figure, with what it leads into on the
next page. The DOCX writer keeps them with what follows (keepNext), the HTML's print CSS
with break-after: avoid; this reads where they really fell.

  Tests/print/stranded.py REPORT.docx REPORT.pdf     (LibreOffice's PDF of the DOCX)
  Tests/print/stranded.py REPORT.html REPORT.pdf     (Chromium's PDF of the HTML)

exit 1 when a page ends on one.

What is kept is read from the DOCX's word/document.xml: paragraphs in a heading, Caption,
TOCHeading or CompiledNote style (a caption under a figure ends its chain and may end a
page), and a paragraph right before a table or a figure (a table's notes are no lead-in).
From the HTML, what report.css keeps: headings h2 to h6, a table's caption, the
compiled part's line (p.compiled-note), and a paragraph right before a short table
(.table-block.keep) that does not itself follow a table. The contents page is not read
(it names every heading). A page ends on one when the page's text, without its footer
("3 / 47"), ends with that paragraph's text (compared without white space, so line breaks
do not matter). A figure is a picture without text: a page ending on a lead-in whose
figure stands on the same page still ends with the figure's caption, which is text.

Needs python3 and poppler-utils (pdftotext).
"""
import html
import re
import subprocess
import sys
import zipfile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
KEPT_STYLES = re.compile(r"^(Heading\d|Caption|TOCHeading|CompiledNote)$")
CONTENTS_TITLES = ("Innehåll", "Contents")


def squeeze(s):
    return re.sub(r"\s+", "", s.replace("\u00ad", ""))


def body_elements(docx):
    """The body's paragraphs and tables in order: (kind, style, text, has_picture)."""
    import xml.etree.ElementTree as ET
    root = ET.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    body = root.find(f"{W}body")
    out = []
    for el in body:
        if el.tag == f"{W}p":
            style = el.find(f"{W}pPr/{W}pStyle")
            text = "".join(t.text or "" for t in el.iter(f"{W}t"))
            picture = el.find(f".//{W}drawing") is not None
            out.append(("p", style.get(f"{W}val") if style is not None else "", text, picture))
        elif el.tag == f"{W}tbl":
            out.append(("tbl", "", "", False))
    return out


def kept_texts(elements):
    """(why, text) for every paragraph that must not end a page."""
    out = []
    for i, (kind, style, text, picture) in enumerate(elements):
        if kind != "p" or not text.strip() or picture:
            continue
        nxt = elements[i + 1] if i + 1 < len(elements) else None
        after_picture = i > 0 and elements[i - 1][3]
        # A table's notes end its chain (what follows a table is not led into by them).
        if (style.startswith("TOC") and style != "TOCHeading") or (style == "Caption" and after_picture) \
                or style == "TableNote":
            continue
        if KEPT_STYLES.match(style):
            out.append((style.lower(), text))
        elif nxt and (nxt[0] == "tbl" or nxt[3]):
            out.append(("lead-in to a " + ("table" if nxt[0] == "tbl" else "figure"), text))
    return out


def html_text(fragment):
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", fragment))).strip()


def kept_html(source):
    """(why, text) for every element the print CSS keeps with what follows. The writer
    puts each block on lines of its own, so its elements are found by their tags."""
    out = []
    body = source.split("<main>", 1)[-1]  # after the cover and the contents list
    for m in re.finditer(r"<h([2-6])[^>]*>(.*?)</h\1>", body, re.S):
        out.append((f"heading (h{m.group(1)})", html_text(m.group(2))))
    for m in re.finditer(r"<caption>(.*?)</caption>", body, re.S):
        out.append(("caption", html_text(m.group(1))))
    for m in re.finditer(r'<p class="compiled-note">(.*?)</p>', body, re.S):
        out.append(("compiled part's opening line", html_text(m.group(1))))
    # report.css: p:not(.table-block + p):has(+ .table-block.keep)
    for m in re.finditer(r'(</div>\n)?<p>((?:(?!</p>).)*)</p>\n<div class="table-block[^"]*\bkeep\b', body, re.S):
        if not m.group(1):
            out.append(("lead-in to a table", html_text(m.group(2))))
    return [(why, text) for why, text in out if text]


def pages(pdf):
    out = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")


def main():
    if len(sys.argv) != 3 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        return 0 if len(sys.argv) == 2 else 2
    source, pdf = sys.argv[1], sys.argv[2]
    if source.endswith(".html"):
        found = kept_html(open(source, encoding="utf-8").read())
    else:
        found = kept_texts(body_elements(source))
    kept = {}
    for why, text in found:
        kept.setdefault(squeeze(text), (why, text))
    texts = [t for t in pages(pdf) if t.strip()]
    failed = []
    for number, page in enumerate(texts[:-1], start=1):
        lines = [line for line in page.splitlines() if line.strip()]
        if any(line.strip() in CONTENTS_TITLES for line in lines[:4]):
            continue  # the contents list names every heading
        if lines and re.fullmatch(r"\s*\d+\s*/\s*\d+\s*", lines[-1]):
            lines = lines[:-1]
        # The page's last k lines, for k = 1 … 15: a kept paragraph ends the page when it
        # is exactly its last lines (a paragraph starts a line, so a word's end is no match).
        for k in range(1, min(15, len(lines)) + 1):
            hit = kept.get(squeeze(" ".join(lines[-k:])))
            if hit:
                failed.append(f"page {number} ends on a {hit[0]}: '{hit[1][:80]}'")
                break
    print(f"stranded: {pdf}: {len(texts)} pages, {len(failed)} ending on a heading, caption, lead-in or compiled part's line")
    for f in failed:
        print(f"stranded: FAIL: {f}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
