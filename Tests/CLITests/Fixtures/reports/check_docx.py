"""Schema-level check of a DOCX written by `piloteval report --format docx`, run by hand
(the test suite does not need Python):

    python3 -m venv /tmp/docxenv && /tmp/docxenv/bin/pip install -r requirements.txt
    /tmp/docxenv/bin/python check_docx.py slutrapport.docx

python-docx opens the package through its content types and relationships, so a
missing or mistyped part fails here. Then: the heading paragraphs use Word's built-in
Heading 1-3 styles (what the table of contents reads), every table has rows and cells,
every picture has alternative text, and the core properties are set.
"""
import sys

import docx
from docx.oxml.ns import qn

path = sys.argv[1]
d = docx.Document(path)
headings = [(p.style.name, p.text) for p in d.paragraphs if p.style.name.startswith("Heading")]
assert headings, "no heading paragraphs"
levels = sorted({name for name, _ in headings})
assert set(levels) <= {"Heading 1", "Heading 2", "Heading 3"}, levels
for name in levels:
    style = d.styles[name]
    outline = style.element.find(qn("w:pPr")).find(qn("w:outlineLvl"))
    assert outline is not None, f"{name} has no outline level"
assert d.tables, "no tables"
for i, t in enumerate(d.tables):
    assert len(t.rows) >= 1 and len(t.columns) >= 1, f"table {i} is empty"
pictures = d.element.body.findall(".//" + qn("wp:docPr"))
for p in pictures:
    assert p.get("descr"), "a picture without alternative text"
core = d.core_properties
assert core.title and core.language and core.created, "core properties missing"
print(f"{path}: {len(headings)} headings ({', '.join(levels)}), {len(d.tables)} tables, "
      f"{len(pictures)} pictures with alt text, title {core.title!r}, language {core.language}")
for name, text in headings[:40]:
    print(f"  {name}: {text}")
