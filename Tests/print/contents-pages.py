#!/usr/bin/env python3
"""The contents list's page numbers, as a printed copy shows them: every entry of the
contents in a PDF (the final report's DOCX converted by LibreOffice) ends in the number of
the page its heading is printed on. The DOCX carries a PAGEREF field per entry, which the
renderer fills in as it lays out the pages; a field it did not compute shows its cached
dash (no number), which fails here like a wrong number.

  Tests/print/contents-pages.py REPORT.pdf          (exit 1 when an entry is wrong)

The contents are the lines after the title "Innehåll" / "Contents" up to the first page
that is not contents; an entry is its heading, dot leaders and a page number (a heading
too long for a line wraps, its number on the last line). A heading is found on the first
page, after the contents and at or after the previous entry's page, where it stands as a
line of its own (or as two lines, when it wraps). Page numbers are the PDF's pages, as
the footer's "3 / 47" counts them.

Needs python3 and poppler-utils (pdftotext).
"""
import re
import subprocess
import sys

TITLES = ("Innehåll", "Contents")
LEADER = re.compile(r"^(?P<heading>.*?)\s*(?:\.\s*){3,}\s*(?P<page>\S+)$")


def pages(pdf):
    """Each page's lines, without the running header (a marking on every page) and the
    footer's page number."""
    out = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    text = [[re.sub(r"\s+", " ", line).strip() for line in page.splitlines() if line.strip()]
            for page in out.split("\f")]
    firsts = [lines[0] for lines in text if lines]
    running = {line for line in set(firsts) if firsts.count(line) > len(firsts) / 2}
    return [[line for line in lines if line not in running and not re.fullmatch(r"\d+ ?/ ?\d+", line)]
            for lines in text]


def contents(pages_text):
    """(entries as (heading, page text), index of the first page after the contents)."""
    start = next((i for i, lines in enumerate(pages_text) if any(line in TITLES for line in lines[:3])), None)
    if start is None:
        return [], None
    entries, pending, i = [], "", start
    while i < len(pages_text):
        lines = pages_text[i]
        if i == start:
            lines = lines[[line in TITLES for line in lines].index(True) + 1:]
        elif not any(LEADER.match(line) for line in lines):
            break
        for line in lines:
            m = LEADER.match(line)
            if m:
                entries.append(((pending + " " + m.group("heading")).strip(), m.group("page")))
                pending = ""
            else:
                pending = (pending + " " + line).strip()
        i += 1
    return entries, i


def main():
    pdf = sys.argv[1]
    text = pages(pdf)
    entries, first = contents(text)
    if not entries:
        print(f"contents-pages: FAIL: {pdf}: no contents list with page numbers found", file=sys.stderr)
        return 1
    failed, at = [], first
    for heading, shown in entries:
        found = None
        for p in range(at, len(text)):
            lines = text[p]
            pairs = lines + [a + " " + b for a, b in zip(lines, lines[1:])]
            if heading in pairs:
                found = p
                break
        if found is None:
            failed.append(f"'{heading}' (listed on page {shown}) is not found as a heading after page {at}")
            continue
        at = found
        if shown != str(found + 1):
            failed.append(f"'{heading}': the contents say page {shown}, it is printed on page {found + 1}")
    print(f"contents-pages: {pdf}: {len(entries)} entries, {len(entries) - len(failed)} with the page their heading is on")
    for f in failed:
        print(f"contents-pages: FAIL: {f}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
