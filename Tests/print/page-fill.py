#!/usr/bin/env python3
"""Near-empty printed pages (issue 20): a report printed by Chromium leaves no page all but
white. A page's fill is how far down its text area the lowest ink reaches (charts hold
little text, so ink, not lines of text); the page number and the marking sit in the
margins, outside it. A page fails when it is less than half full, unless

  - it is the last page;
  - the next page starts with a part that always starts a page (a level-1 section with a
    page break before it, or the contents after the cover): then it fails only below
    MIN_BEFORE_BREAK, a line or two left over from the part before;
  - it ends a run of landscape pages (a wide table's last rows; the next page is portrait);
  - it opens a part printed on landscape pages, which starts a page of its own (report.css):
    its heading and lead-in, the landscape pages after it. Like a page before a break, it
    fails only below MIN_BEFORE_BREAK.

  Tests/print/page-fill.py REPORT.html REPORT.pdf     (exit 1 when a page fails)

Needs python3 and poppler-utils (pdftoppm, pdftotext).
"""
import glob
import html
import os
import re
import subprocess
import sys
import tempfile

HALF = 0.5
MIN_BEFORE_BREAK = 0.15
DPI = 30


def page_starts(source):
    """The headings a page break always comes before: level-1 sections with
    class="page-break-before", and the contents list's title (the cover breaks after)."""
    starts = set()
    for m in re.finditer(r'<section[^>]*class="page-break-before"[^>]*>\s*<h2[^>]*>(.*?)</h2>', source, re.S):
        starts.add(text(m.group(1)))
    toc = re.search(r'<h2 id="toc-title">(.*?)</h2>', source, re.S)
    if toc and re.search(r'<header class="cover"', source):
        starts.add(text(toc.group(1)))
    return starts


def landscape_leads(source):
    """The headings of parts with a landscape figure or table of their own (their
    lead-in page precedes the landscape pages), and the heading of a part that opens
    with one, whose heading shares that page."""
    leads = set()
    for m in re.finditer(r'<section[^>]*>\s*<h([23])[^>]*>(.*?)</h\1>(.*?)(?=<section|</section>)', source, re.S):
        if re.search(r'<(figure|div) class="(table-block )?landscape"', m.group(3)):
            leads.add(text(m.group(2)))
    for m in re.finditer(r'<section[^>]*>\s*<h2[^>]*>(.*?)</h2>\s*<section[^>]*>\s*<h3[^>]*>(.*?)</h3>', source, re.S):
        if text(m.group(2)) in leads:
            leads.add(text(m.group(1)))
    return leads


def text(fragment):
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", fragment))).strip()


def fills(pdf):
    """Per page: (landscape, fill) from a greyscale rendering at DPI."""
    out = []
    with tempfile.TemporaryDirectory() as d:
        subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), pdf, os.path.join(d, "p")], check=True)
        files = sorted(glob.glob(os.path.join(d, "p-*.pgm")), key=lambda f: int(re.search(r"-(\d+)\.pgm$", f).group(1)))
        for f in files:
            data = open(f, "rb").read()
            # Binary PGM: "P5", width height, maxval, then one byte a pixel.
            fields = data.split(maxsplit=4)
            width, height, pixels = int(fields[1]), int(fields[2]), fields[4]
            landscape = width > height
            # report.css: @page margins 2 cm top and bottom, 1.5 cm on landscape pages.
            margin = (1.5 if landscape else 2.0) / 2.54 * DPI
            top, bottom = int(margin) + 1, int(height - margin) - 1
            last = next((y for y in range(bottom, top, -1) if min(pixels[y * width:(y + 1) * width]) < 200), None)
            out.append((landscape, 0.0 if last is None else (last - top) / (bottom - top)))
    return out


def first_lines(pdf, page, count=3):
    t = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), pdf, "-"],
                       capture_output=True, text=True, check=True).stdout
    return [re.sub(r"\s+", " ", line).strip() for line in t.splitlines() if line.strip()][:count]


def main():
    source_path, pdf = sys.argv[1], sys.argv[2]
    source = open(source_path, encoding="utf-8").read()
    starts, leads = page_starts(source), landscape_leads(source)
    pages = fills(pdf)
    failed = []
    for i, (landscape, fill) in enumerate(pages[:-1]):
        number, (next_landscape, _) = i + 1, pages[i + 1]
        if landscape and not next_landscape:
            continue
        before_break = any(line in starts for line in first_lines(pdf, number + 1))
        lead_in = next_landscape and not landscape and any(line in leads for line in first_lines(pdf, number, count=2))
        least = MIN_BEFORE_BREAK if before_break or lead_in else HALF
        if fill < least:
            failed.append(f"page {number} of {len(pages)} is {fill:.0%} full"
                          + (" (a part starts on the next page)" if before_break else ""))
    name = os.path.basename(pdf)
    for line in failed:
        print(f"print: FAIL: {name}: {line}", file=sys.stderr)
    if not failed:
        print(f"print: {name}: no near-empty page ({len(pages)} pages)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
