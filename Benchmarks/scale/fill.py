"""Rows a shared server accumulates that no import makes: the access log, stored
reports (their record, HTML and DOCX as blobs of the sizes measured on the demo's) and
the change log. Written through SQLite the way the server writes them: one INSERT per
row, the access log's triggers in place. Seeded.

    python3 fill.py DB --access-log N --reports N --report-bytes final=H,D,R:steering=H,D,R:tertial=H,D,R
                    --changes N --pilots P

A pilot's year of reports is one final report, three steering briefs and three
tertial reports, so the reports are drawn in those proportions.
"""
import argparse
import random
import sqlite3

p = argparse.ArgumentParser()
p.add_argument("db")
p.add_argument("--access-log", type=int, required=True)
p.add_argument("--reports", type=int, required=True)
p.add_argument("--report-bytes", required=True)
p.add_argument("--changes", type=int, required=True)
p.add_argument("--pilots", type=int, required=True)
p.add_argument("--users", type=int, default=300)
a = p.parse_args()
rng = random.Random(5)
sizes = {kind: [int(x) for x in sizes.split(",")]
         for kind, sizes in (part.split("=") for part in a.report_bytes.split(":"))}
kinds = ["final"] + ["steering"] * 3 + ["tertial"] * 3
pilots = ["pilot-%03d" % i for i in range(a.pilots)]
users = ["user-%04d" % i for i in range(a.users)]
# What the server writes, in its proportions on the demo's browser run: mostly views.
actions = [("view", "pilot_vs_line"), ("view", "cases/compare investigation_within_4m"), ("download", "report 17 (docx)"),
           ("login", None), ("logout", None), ("entry", "2024-T2: 14 values"), ("import", "import 311: indikatorer-2024-T2.csv")]
weights = [60, 10, 8, 8, 6, 5, 3]

db = sqlite3.connect(a.db)
db.execute("PRAGMA journal_mode = WAL")
db.execute("PRAGMA synchronous = NORMAL")


def stamp(i, n):
    # Spread over two years, in order (the log is appended in time).
    seconds = int(i * (2 * 365 * 86400) / max(n, 1))
    day, rest = divmod(seconds, 86400)
    year = 2025 + day // 365
    doy = day % 365
    month, mday = min(12, doy // 31 + 1), doy % 28 + 1
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (year, month, mday, rest // 3600, rest // 60 % 60, rest % 60)


batch = 50_000
for start in range(0, a.access_log, batch):
    rows = []
    for i in range(start, min(start + batch, a.access_log)):
        action, what = rng.choices(actions, weights)[0]
        rows.append((stamp(i, a.access_log), rng.choice(users), action, rng.choice(pilots), what))
    db.executemany("INSERT INTO access_log (at, user, action, pilot, what) VALUES (?, ?, ?, ?, ?)", rows)
    db.commit()

for i in range(a.changes):
    db.execute("INSERT INTO changes (at, actor, action, model_id, subject, detail) VALUES (?, ?, ?, ?, ?, ?)",
               (stamp(i, a.changes), rng.choice(users), "entry", rng.choice(pilots), "2024-T2", "14 values"))
db.commit()

for i in range(a.reports):
    kind = kinds[i % len(kinds)]
    html, docx, record = sizes[kind]
    db.execute("""INSERT INTO reports (model_id, model_version, kind, language, audience, period, created_at,
                  record, record_sha256, html, html_sha256, docx, docx_sha256)
                  VALUES (?, 1, ?, 'sv', 'public', '2024-T2', ?, randomblob(?), '', randomblob(?), '', randomblob(?), '')""",
               (rng.choice(pilots), kind, stamp(i, a.reports), record, html, docx))
    if i % 100 == 99:
        db.commit()
db.commit()
