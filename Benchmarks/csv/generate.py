"""Writes a Swedish-style export: `;`-separated, decimal comma, CRLF, some quoted
fields with embedded `;` and `""`, Swedish letters. Usage: generate.py ROWS PATH"""
import sys

rows, path = int(sys.argv[1]), sys.argv[2]
units = ["Vällingbyteamet", "Linjen Öst", '"Linjen ""Väst""; gamla"']
with open(path, "w", encoding="utf-8", newline="") as f:
    f.write("case_id;unit;gender;referral_date;days;value\r\n")
    for i in range(rows):
        v = (i * 7919) % 1_000_000 - 250_000
        sign = "-" if v < 0 else ""
        f.write(f"K{i};{units[i % 3]};{'flicka' if i % 2 == 0 else 'pojke'};"
                f"2021-{i % 12 + 1:02d}-15;{i % 120};{sign}{abs(v) // 100},{abs(v) % 100:02d}\r\n")
