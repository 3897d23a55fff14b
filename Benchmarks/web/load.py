#!/usr/bin/env python3
"""A shared server under load (issue 24), run by Benchmarks/web/load.sh.

READERS threads (shared among a few reader accounts' sessions) read the pilot's pages,
API and a report download as fast as they are answered; EDITORS threads, one account
each, save the entry form for a period of their own (GET the form, POST it with its
CSRF token and version) and add PDSA cycles through the API with the session's
X-CSRF-Token, with a short pause between saves. Afterwards the database is counted:
every save answered as saved is there exactly once, nothing else is, and
`PRAGMA integrity_check` is ok. Prints p50/p95/max per route. Python's standard
library only; loopback only.
"""

import concurrent.futures
import http.client
import json
import os
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

BIN, DB, BASE = os.environ["PILOTEVAL_BIN"], os.environ["LOAD_DB"], os.environ["LOAD_BASE"]
SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
READERS = int(os.environ.get("LOAD_READERS", "50"))
EDITORS = int(os.environ.get("LOAD_EDITORS", "5"))
PAUSE = float(os.environ.get("LOAD_EDITOR_PAUSE", "0.5"))
PASSWORDS = json.loads(os.environ["LOAD_PASSWORDS"])
PILOT = "vallingbyteamet"
U = urllib.parse.urlsplit(BASE)

lock = threading.Lock()
timings = {}          # route → [seconds]
errors = []           # (route, status, text)
saves = {"entry": [], "pdsa": []}   # (editor, period or id, value)


def request(method, path, body=None, headers=None):
    conn = http.client.HTTPConnection(U.hostname, U.port, timeout=120)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        return r.status, dict((k.lower(), v) for k, v in r.getheaders()), r.read()
    finally:
        conn.close()


def timed(route, method, path, body=None, headers=None, ok=(200,)):
    t = time.perf_counter()
    status, h, data = request(method, path, body, headers)
    took = time.perf_counter() - t
    with lock:
        timings.setdefault(route, []).append(took)
        if status not in ok:
            errors.append((route, status, data[:200].decode("utf-8", "replace")))
    return status, h, data


def sign_in(name, password):
    body = urllib.parse.urlencode({"username": name, "password": password})
    status, h, _ = request("POST", "/login", body, {"Content-Type": "application/x-www-form-urlencoded"})
    if status != 303:
        raise SystemExit("sign-in of %s answered %s" % (name, status))
    cookie = h["set-cookie"].split(";")[0]
    _, _, page = request("GET", "/logout", None, {"Cookie": cookie})
    csrf = re.search(r'name="_csrf" value="([0-9a-f]+)"', page.decode()).group(1)
    return cookie, csrf


def reader(cookie, stop, report):
    m = "/models/" + PILOT
    routes = [
        ("start page", "/"), ("overview", m), ("indicators", m + "/indicators"), ("readiness", m + "/readiness"),
        ("improvement", m + "/improvement"), ("logic model", m + "/logic-model"), ("pilot vs line (logged)", m + "/pilot-vs-line"),
        ("reports page", m + "/reports"), ("report download (logged)", "%s/reports/%d/report.html" % (m, report)),
        ("API model", "/api/v1/models/" + PILOT), ("API readiness summary", "/api/v1/models/%s/readiness/summary?instrument=vallingbyteamet-readiness" % PILOT),
        ("API reports", "/api/v1/reports"),
    ]
    rng = random.Random()
    while not stop.is_set():
        name, path = rng.choice(routes)
        timed(name, "GET", path, headers={"Cookie": cookie})


def editor(k, cookie, csrf, period, stop):
    rng = random.Random(k)
    n = 0
    while not stop.is_set():
        n += 1
        # The entry form: opened, then saved with a value of this save's own.
        status, _, page = timed("entry form (GET)", "GET", "/models/%s/entry?period=%s" % (PILOT, period), headers={"Cookie": cookie})
        if status == 200:
            version = re.search(r'name="version" value="([^"]*)"', page.decode()).group(1)
            fields = {"_csrf": csrf, "period": period, "version": version, "action": "save", "value:I18:total": str(n)}
            status, h, body = timed("entry save (POST form)", "POST", "/models/%s/entry" % PILOT, urllib.parse.urlencode(fields),
                                    {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}, ok=(303,))
            if status == 303:
                with lock:
                    saves["entry"].append((k, period, n))
        time.sleep(PAUSE * rng.uniform(0.5, 1.5))
        if stop.is_set():
            break
        # A PDSA cycle through the API, the session's cookie and CSRF header.
        cycle_id = "last-%d-%d" % (k, n)
        text = ("schema: piloteval/pdsa/v1\nid: %s\ntitle: Belastningstest %d.%d\nmodel: %s\nactivity: A6\n"
                "change_idea: Tidsplan i varje utredning.\nplan:\n  prediction: Fler klara i tid.\n"
                "do:\n  start: 2022-01-10\n  end: 2022-02-10\nstudy:\n  observations: Fler klara.\n"
                "act:\n  decision: adapt\n  next: Fortsätt.\n") % (cycle_id, k, n, PILOT)
        status, _, body = timed("PDSA cycle (POST API)", "POST", "/api/v1/models/%s/cycles" % PILOT, text.encode(),
                                {"Cookie": cookie, "X-CSRF-Token": csrf, "Content-Type": "application/yaml"}, ok=(201,))
        if status == 201:
            with lock:
                saves["pdsa"].append((k, cycle_id, n))
        time.sleep(PAUSE * rng.uniform(0.5, 1.5))


def percentile(values, p):
    values = sorted(values)
    if not values:
        return float("nan")
    i = min(len(values) - 1, max(0, int(round(p / 100 * len(values) + 0.5)) - 1))
    return values[i]


def main():
    readers = [sign_in(name, pw) for name, pw in PASSWORDS["readers"]]
    editors = [sign_in(name, pw) for name, pw in PASSWORDS["editors"]]
    # Each editor its own period of the form (the newest the form offers), a report to download.
    periods = []
    if editors:
        _, _, page = request("GET", "/models/%s/entry" % PILOT, None, {"Cookie": editors[0][0]})
        periods = re.findall(r'<option value="(\d{4}-T\d)"', page.decode())[:EDITORS]
    report = int(os.environ["LOAD_REPORT"])
    stop = threading.Event()
    started = time.time()
    with concurrent.futures.ThreadPoolExecutor(READERS + EDITORS) as pool:
        futures = [pool.submit(reader, readers[i % len(readers)][0], stop, report) for i in range(READERS)]
        futures += [pool.submit(editor, k, editors[k][0], editors[k][1], periods[k], stop) for k in range(EDITORS)]
        time.sleep(SECONDS)
        stop.set()
        for f in futures:
            f.result()
    elapsed = time.time() - started

    # What the database holds.
    db = sqlite3.connect("file:%s?mode=ro" % DB, uri=True)
    problems = []
    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    if integrity != "ok":
        problems.append("integrity_check: %s" % integrity)
    for k, period in enumerate(periods):
        sent = sorted(n for e, p, n in saves["entry"] if e == k)
        stored = sorted(int(v) for (v,) in db.execute(
            "SELECT o.value FROM indicator_observations o JOIN imports i ON i.id = o.import_id "
            "WHERE o.model_id = ? AND o.indicator = 'I18' AND o.period = ? AND o.group_name = 'total' AND i.file_name = ?",
            (PILOT, period, "formular-%s.csv" % period)))
        if sent != stored:
            problems.append("entry %s: saved %s, stored %s" % (period, sent, stored))
    sent = sorted(c for _, c, _ in saves["pdsa"])
    stored = sorted(i for (i,) in db.execute("SELECT id FROM documents WHERE kind = 'pdsa' AND id LIKE 'last-%'"))
    if sent != stored:
        problems.append("PDSA cycles: %d saved, %d stored (%s)" % (len(sent), len(stored), sorted(set(sent) ^ set(stored))[:10]))
    logged = db.execute("SELECT count(*) FROM access_log WHERE action IN ('view', 'download')").fetchone()[0]
    db.close()

    total = sum(len(v) for v in timings.values())
    print("%d readers, %d editors, %.0f s: %d requests (%.0f/s), %d errors; %d entry saves, %d PDSA cycles; "
          "%d views and downloads in the access log; integrity_check %s" % (
              READERS, EDITORS, elapsed, total, total / elapsed, len(errors), len(saves["entry"]), len(saves["pdsa"]),
              logged, integrity))
    print("| route | requests | p50 ms | p95 ms | max ms |")
    print("|---|---:|---:|---:|---:|")
    for route, values in sorted(timings.items(), key=lambda kv: -percentile(kv[1], 95)):
        print("| %s | %d | %.0f | %.0f | %.0f |" % (route, len(values), 1000 * statistics.median(values),
                                                    1000 * percentile(values, 95), 1000 * max(values)))
    for route, status, text in errors[:10]:
        print("error: %s answered %s: %s" % (route, status, text.replace("\n", " ")), file=sys.stderr)
    for p in problems:
        print("FAIL: " + p, file=sys.stderr)
    return 1 if errors or problems else 0


if __name__ == "__main__":
    sys.exit(main())
