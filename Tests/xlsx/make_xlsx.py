"""Writes .xlsx test fixtures with openpyxl (Notebooks/requirements.txt pins it).

Reads one JSON spec on stdin and writes the workbook it describes:

  {"path": "out.xlsx", "date1904": false,
   "sheets": [{"name": "Blad1", "rows": [[cell, ...], ...], "start_row": 1, "start_col": 1,
               "merge": ["A1:C1"]}],
   "patches": [{"part": "xl/worksheets/sheet1.xml", "old": "...", "new": "...", "regex": false}],
   "parts": {"xl/sharedStrings.xml": "<?xml ...>"},   # replace or add a part
   "remove": ["xl/workbook.xml"],                       # drop parts
   "shared_strings": true}   # strings in a shared-strings table, as Excel writes them
                             # (openpyxl writes inline strings)

Or, for large sheets, {"path": ..., "from_csv": "cases.csv", "title": "Utdrag …",
"shared_strings": true}: a comma-separated file typed as Excel would hold it (whole
numbers and decimals as numbers, YYYY-MM-DD as date cells, the rest as text), below an
optional title row, written in openpyxl's write-only mode.

A cell is null (no cell), a JSON scalar (string, number, boolean), or an object:
  {"date": "2021-03-05"} (a date cell: serial number with a date format),
  {"v": 0.125, "fmt": "0.0%"} (a value with a number format),
  {"formula": "=A2*2", "cached": 4} (a formula; openpyxl saves no result, so the
  cached value is patched into the sheet XML afterwards, as Excel would have saved it).
Used by Tests/StoreTests/XLSXReaderTests.swift and Tests/CLITests/ExcelImportTests.swift.
"""
import datetime
import json
import re
import sys
import zipfile

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import CALENDAR_MAC_1904

spec = json.load(sys.stdin)
path = spec["path"]


def typed(text):
    if text == "":
        return None
    if re.fullmatch(r"-?[0-9]{1,15}", text):
        return int(text)
    if re.fullmatch(r"-?[0-9]+\.[0-9]+", text):
        return float(text)
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        cell = WriteOnlyCell(ws, value=datetime.date.fromisoformat(text))
        cell.number_format = "yyyy-mm-dd"
        return cell
    return text


if "from_csv" in spec:
    import csv
    from openpyxl.cell import WriteOnlyCell
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(spec.get("sheet", "Blad1"))
    if spec.get("title"):
        ws.append([spec["title"]])
    with open(spec["from_csv"], newline="", encoding="utf-8-sig") as f:
        for i, row in enumerate(csv.reader(f)):
            ws.append(row if i == 0 else [typed(v) for v in row])
    wb.save(path)
    spec["sheets"] = []
else:
    wb = Workbook()
    wb.remove(wb.active)
if spec.get("date1904"):
    wb.epoch = CALENDAR_MAC_1904
cached = {}  # (sheet index, "B2") -> cached value
for s_index, sheet in enumerate(spec["sheets"]):
    ws = wb.create_sheet(sheet["name"])
    r0 = sheet.get("start_row", 1)
    c0 = sheet.get("start_col", 1)
    for r, row in enumerate(sheet["rows"], start=r0):
        for c, cell in enumerate(row, start=c0):
            if cell is None:
                continue
            if isinstance(cell, dict):
                if "date" in cell:
                    text = cell["date"]
                    value = (datetime.datetime.fromisoformat(text) if "T" in text or " " in text
                             else datetime.date.fromisoformat(text))
                elif "formula" in cell:
                    value = cell["formula"]
                    if "cached" in cell:
                        cached[(s_index, f"{get_column_letter(c)}{r}")] = cell["cached"]
                else:
                    value = cell.get("v")
                x = ws.cell(row=r, column=c, value=value)
                if "fmt" in cell:
                    x.number_format = cell["fmt"]
            else:
                ws.cell(row=r, column=c, value=cell)
    for m in sheet.get("merge", []):
        ws.merge_cells(m)
if "from_csv" not in spec:
    wb.save(path)

patches = list(spec.get("patches", []))
for (s_index, ref), value in cached.items():
    part = f"xl/worksheets/sheet{s_index + 1}.xml"
    if isinstance(value, str):
        new = rf'<c r="{ref}"\1 t="str"><f>\2</f><v>{value}</v></c>'
    elif isinstance(value, bool):
        new = rf'<c r="{ref}"\1 t="b"><f>\2</f><v>{int(value)}</v></c>'
    else:
        new = rf'<c r="{ref}"\1><f>\2</f><v>{value}</v></c>'
    patches.append({"part": part, "regex": True,
                    "old": rf'<c r="{ref}"([^>]*?)>\s*<f>(.*?)</f>\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>',
                    "new": new})
parts = spec.get("parts", {})
remove = set(spec.get("remove", []))
shared = spec.get("shared_strings", False)
if patches or parts or remove or shared:
    with zipfile.ZipFile(path) as z:
        contents = {n: z.read(n) for n in z.namelist()}
    if shared:
        table, index = [], {}

        def to_shared(m):
            text = m.group(3)
            if text not in index:
                index[text] = len(table)
                table.append(text)
            return f'<c r="{m.group(1)}"{m.group(2)} t="s"><v>{index[text]}</v></c>'

        for name in list(contents):
            if name.startswith("xl/worksheets/sheet"):
                contents[name] = re.sub(
                    r'<c r="(\w+)"([^>]*?) t="inlineStr"><is><t(?: [^>]*)?>(.*?)</t></is></c>',
                    to_shared, contents[name].decode("utf-8"), flags=re.S).encode("utf-8")
        items = "".join(f'<si><t xml:space="preserve">{t}</t></si>' for t in table)
        contents["xl/sharedStrings.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'count="{len(table)}" uniqueCount="{len(table)}">{items}</sst>').encode("utf-8")
        rels = contents["xl/_rels/workbook.xml.rels"].decode("utf-8")
        contents["xl/_rels/workbook.xml.rels"] = rels.replace(
            "</Relationships>",
            '<Relationship Id="rIdSST" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>').encode("utf-8")
        types = contents["[Content_Types].xml"].decode("utf-8")
        contents["[Content_Types].xml"] = types.replace(
            "</Types>",
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>').encode("utf-8")
    for p in patches:
        text = contents[p["part"]].decode("utf-8")
        new = re.sub(p["old"], p["new"], text) if p.get("regex") else text.replace(p["old"], p["new"])
        if new == text:
            sys.exit(f"patch did not apply to {p['part']}: {p['old'][:80]}")
        contents[p["part"]] = new.encode("utf-8")
    for name, text in parts.items():
        contents[name] = text.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in contents.items():
            if name not in remove:
                z.writestr(name, data)
