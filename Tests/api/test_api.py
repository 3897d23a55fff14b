#!/usr/bin/env python3
"""The JSON API against its description and against the CLI (DESIGN §8).

Starts `piloteval serve --port 0` over a database (PILOTEVAL_DB, or a fresh demo),
then:
  1. docs/openapi.json is a valid OpenAPI 3.1 document, and the server serves its bytes;
  2. schemathesis sends generated requests to every operation: no 5xx, every response
     (status code, content type, body) conforms to the document;
  3. every read, for real arguments, answers byte for byte what the CLI prints with
     `--format json` for the same question over the same database;
  4. missing or bad arguments give 4xx problem details; no bearer token gives 401.
The server is stopped with SIGTERM and must exit 0.

    PILOTEVAL_BIN=.build/debug/piloteval python3 Tests/api/test_api.py
"""
import concurrent.futures as futures
import json
import os
import pathlib
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOCUMENT = ROOT / "docs/openapi.json"
BIN = os.path.abspath(os.environ.get("PILOTEVAL_BIN") or ROOT / ".build/debug/piloteval")
MAX_EXAMPLES = os.environ.get("API_MAX_EXAMPLES", "25")
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL: " + message, flush=True)
    return condition


def step(text):
    print(f"[{time.monotonic() - START:6.1f}s] {text}", flush=True)


def cli(*args):
    """The CLI's stdout (bytes) and exit code for one question."""
    run = subprocess.run([BIN, *args, "--db", DB], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return run.stdout, run.returncode, run.stderr.decode(errors="replace")


def get(path, token=True, headers=None):
    request = urllib.request.Request(BASE + path, headers=dict(headers or {}))
    if token:
        request.add_header("Authorization", "Bearer " + TOKEN)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.headers.get("Content-Type"), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type"), error.read()


def query(**params):
    params = {k: v for k, v in params.items() if v is not None}
    return ("?" + urllib.parse.urlencode(params)) if params else ""


def main():
    global START, DB, BASE, TOKEN
    START = time.monotonic()
    if not os.access(BIN, os.X_OK):
        sys.exit(f"no piloteval binary at {BIN}: build it (swift build) or set PILOTEVAL_BIN")
    work = tempfile.mkdtemp(prefix="piloteval-api-")
    DB = os.environ.get("PILOTEVAL_DB")
    if not DB:
        step("making a demo database")
        subprocess.run([BIN, "demo", "--out", os.path.join(work, "demo")], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        DB = os.path.join(work, "demo", "piloteval.db")
    DB = os.path.abspath(DB)

    # 1. The document itself.
    from openapi_spec_validator import validate
    from openapi_spec_validator.readers import read_from_filename
    spec, _ = read_from_filename(str(DOCUMENT))
    validate(spec)
    check(spec["openapi"] == "3.1.0", "openapi is not 3.1.0")
    step("docs/openapi.json is a valid OpenAPI 3.1 document")

    log = open(os.path.join(work, "serve.log"), "w")
    server = subprocess.Popen([BIN, "serve", "--port", "0", "--db", DB], stdout=subprocess.PIPE, stderr=log)
    try:
        line = server.stdout.readline().decode()
        match = re.fullmatch(r"piloteval serve: (http://[^/]+)/\?token=([A-Za-z0-9_-]+)\n", line)
        if not match:
            sys.exit(f"serve's first line is not the address: {line!r}")
        BASE, TOKEN = match.group(1), match.group(2)
        step(f"serving at {BASE}")
        run_checks(work)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            code = server.wait(timeout=20)
            check(code == 0, f"serve exited {code} after SIGTERM")
        except subprocess.TimeoutExpired:
            server.kill()
            check(False, "serve did not stop within 20 s of SIGTERM")
        log.close()
        errors = [l for l in open(os.path.join(work, "serve.log")) if l.startswith("error:")]
        check(not errors, "the server logged errors:\n" + "".join(errors[:10]))
    step(f"done: {len(failures)} failure(s)")
    if failures:
        print("\n".join("- " + f.splitlines()[0] for f in failures))
        print(f"(server log and schemathesis output kept in {work})")
        sys.exit(1)
    shutil.rmtree(work, ignore_errors=True)


def run_checks(work):
    status, ctype, body = get("/api/v1/openapi.json")
    check(status == 200 and body == DOCUMENT.read_bytes(), "/api/v1/openapi.json is not docs/openapi.json byte for byte")

    models = [m["id"] for m in json.loads(cli("model", "list", "--format", "json")[0])]
    check(len(models) >= 2, f"the database has too few models: {models}")

    # 2. schemathesis over every operation, beside 3 (the CLI runs take a while).
    with futures.ThreadPoolExecutor(max_workers=3) as pool:
        fuzz = pool.submit(schemathesis, work)
        same_as_cli(models, pool)
        refusals(models)
        fuzz_ok, fuzz_output = fuzz.result()
    tail = "\n".join(fuzz_output.strip().splitlines()[-40:])
    print(tail)
    check(fuzz_ok, "schemathesis found problems (above)")
    disconnects(models)


def disconnects(models):
    """Clients that hang up mid-answer harm nothing: 20 connections ask for a large
    answer (a model's indicator trend) and close after reading a few bytes; the server
    then still answers, the same bytes as before (and logs no error: checked at the end)."""
    host, port = BASE[len("http://"):].rsplit(":", 1)
    model = "vallingbyteamet" if "vallingbyteamet" in models else models[0]
    path = "/api/v1/models/%s/indicators/trend" % model
    status, _, before = get(path)
    for _ in range(20):
        with socket.create_connection((host.strip("[]"), int(port)), timeout=10) as s:
            s.sendall(("GET %s HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\n\r\n" % (path, host, TOKEN)).encode())
            s.recv(64)
    time.sleep(0.5)
    status2, _, after = get(path)
    check(status == 200 and status2 == 200 and after == before,
          "after 20 clients hung up mid-answer the server answered %s with %d bytes (before: %s, %d)"
          % (status2, len(after), status, len(before)))
    step("20 clients hanging up mid-answer: the server still answers the same")


def schemathesis(work):
    program = str(pathlib.Path(sys.executable).parent / "schemathesis")
    # positive_data_acceptance is left out: a string the document allows is not
    # necessarily a stored model, outcome or wave (404/400 are the right answers).
    command = [program, "run", str(DOCUMENT), "--url", BASE,
               "--header", "Authorization: Bearer " + TOKEN,
               "--checks", "all", "--exclude-checks", "positive_data_acceptance",
               # The reads only: generated uploads and undos would change the database
               # the CLI comparison reads at the same time (the writes have route tests).
               "--include-method", "GET",
               "--max-examples", MAX_EXAMPLES, "--workers", "2",
               "--phases", "examples,coverage,fuzzing",
               "--generation-deterministic", "--suppress-health-check", "all",
               "--report", "junit", "--report-dir", os.path.join(work, "schemathesis"),
               "--request-timeout", "120"]
    env = dict(os.environ, NO_COLOR="1")
    run = subprocess.run(command, cwd=work,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    output = run.stdout.decode(errors="replace")
    pathlib.Path(os.path.join(work, "schemathesis.txt")).write_text(output)
    return run.returncode == 0, output


def same_as_cli(models, pool):
    """Each read, for real arguments, against the CLI's stdout over the same database."""
    questions = []  # (API path, CLI arguments)
    for m in models:
        q = urllib.parse.quote(m, safe="")
        questions.append((f"/api/v1/models/{q}", ["model", "show", m, "--format", "json"]))
        questions.append((f"/api/v1/models/{q}/indicators/trend", ["indicators", "trend", "--model", m, "--format", "json"]))
        questions.append((f"/api/v1/models/{q}/indicators/status", ["indicators", "status", "--model", m, "--format", "json"]))
    questions.insert(0, ("/api/v1/models", ["model", "list", "--format", "json"]))

    # Periods with data, indicators, cohorts and instruments, read from the CLI's own answers.
    with_cases, instruments = [], set()
    for m in models:
        trend = json.loads(cli("indicators", "trend", "--model", m, "--format", "json")[0])
        shown = json.loads(cli("model", "show", m, "--format", "json")[0])
        periods = sorted({p["period"] for i in trend["indicators"] for p in i["points"] if p.get("source") in ("observation", "computed")})
        for p in periods[-2:-1] + periods[:1]:  # an earlier period and the first
            questions.append((f"/api/v1/models/{m}/indicators/status{query(period=p)}",
                              ["indicators", "status", "--model", m, "--period", p, "--format", "json"]))
        if trend["indicators"]:
            i = trend["indicators"][-1]["id"]
            questions.append((f"/api/v1/models/{m}/indicators/trend{query(indicator=i)}",
                              ["indicators", "trend", "--model", m, "--indicator", i, "--format", "json"]))
        if (shown.get("cohorts") or {}).get("pilot"):
            with_cases.append(m)
        for i in shown.get("indicators", []):
            if (i.get("data") or {}).get("readiness"):
                instruments.add((m, i["data"]["readiness"]))
    check(with_cases, "no model with cases in the database")
    check(instruments, "no model bound to a readiness instrument in the database")
    for m in with_cases:
        for outcome in ["days_to_assessment", "investigation_within_4m", "re_referral_12m"]:
            for design in ["unadjusted", "adjusted"]:
                for by in [None, "gender"]:
                    questions.append((f"/api/v1/models/{m}/cases/compare{query(outcome=outcome, design=design, by=by)}",
                                      ["cases", "compare", "--model", m, "--outcome", outcome, "--design", design]
                                      + (["--by", by] if by else []) + ["--format", "json"]))
        questions.append((f"/api/v1/models/{m}/cases/compare{query(outcome='days_to_assessment')}",
                          ["cases", "compare", "--model", m, "--outcome", "days_to_assessment", "--format", "json"]))
        questions.append((f"/api/v1/models/{m}/cases/compare{query(outcome='re_referral_12m', **{'from': 'start'})}",
                          ["cases", "compare", "--model", m, "--outcome", "re_referral_12m", "--from-start", "--format", "json"]))
        questions.append((f"/api/v1/models/{m}/cases/compare{query(outcome='investigation_within_4m', design='did')}",
                          ["cases", "compare", "--model", m, "--outcome", "investigation_within_4m", "--design", "did",
                           "--format", "json"]))
    for m, instrument in sorted(instruments)[:1]:
        waves = sqlite_waves(instrument)
        questions.append((f"/api/v1/models/{m}/readiness/summary{query(instrument=instrument)}",
                          ["readiness", "summary", "--instrument", instrument, "--format", "json"]))
        for wave in waves:  # the latest and every earlier one
            questions.append((f"/api/v1/models/{m}/readiness/summary{query(instrument=instrument, wave=wave)}",
                              ["readiness", "summary", "--instrument", instrument, "--wave", wave, "--format", "json"]))

    def compare(question):
        path, arguments = question
        expected, code, stderr = cli(*arguments)
        status, ctype, body = get(path)
        if code != 0:
            return check(status == 404 and ctype == "application/problem+json",
                         f"{path}: the CLI refused ({stderr.strip()}) but the API answered {status} {ctype}")
        return check(status == 200 and ctype == "application/json" and body == expected,
                     f"{path}: the API's body ({status}, {len(body)} bytes) differs from `piloteval {' '.join(arguments)}` "
                     f"({len(expected)} bytes)")
    results = list(pool.map(compare, questions))
    step(f"{sum(results)} of {len(questions)} reads equal the CLI's --format json byte for byte")


def sqlite_waves(instrument):
    """The stored waves of an instrument, oldest first, from `readiness trend`."""
    out = json.loads(cli("readiness", "trend", "--instrument", instrument, "--format", "json")[0] or "{}")
    waves = sorted({w["wave"] for w in out.get("waves", []) if isinstance(w, dict) and "wave" in w})
    check(len(waves) >= 2, f"{instrument}: fewer than two waves ({waves})")
    return waves


def refusals(models):
    m = "vallingbyteamet" if "vallingbyteamet" in models else models[0]
    cases = [
        ("/api/v1/models/no-such-model", 404),
        ("/api/v1/models/no-such-model/indicators/status", 404),
        ("/api/v1/models/no-such-model/cases/compare?outcome=days_to_assessment", 404),
        ("/api/v1/models/x.yaml", 404),
        ("/api/v1/models/..%2F..%2Fetc%2Fpasswd", 404),
        (f"/api/v1/models/{m}/indicators/status?period=not-a-period", 400),
        (f"/api/v1/models/{m}/indicators/status?period=", 400),
        (f"/api/v1/models/{m}/indicators/status?period=1066", None),
        (f"/api/v1/models/{m}/indicators/trend?indicator=NO-SUCH", 404),
        (f"/api/v1/models/{m}/cases/compare", 400),
        (f"/api/v1/models/{m}/cases/compare?outcome=", 400),
        (f"/api/v1/models/{m}/cases/compare?outcome=no_such_outcome", 400),
        (f"/api/v1/models/{m}/cases/compare?outcome=days_to_assessment&design=magic", 400),
        (f"/api/v1/models/{m}/cases/compare?outcome=days_to_assessment&by=age", 400),
        (f"/api/v1/models/{m}/readiness/summary", 400),
        (f"/api/v1/models/{m}/readiness/summary?instrument=no-such", 404),
        (f"/api/v1/models/{m}/readiness/summary?instrument=%2Fetc%2Fpasswd", 404),
        (f"/api/v1/models/{m}/readiness/summary?instrument=vallingbyteamet-readiness&wave=1999-01", 404),
        ("/api/v1/no-such-endpoint", 404),
    ]
    for path, expected in cases:
        status, ctype, body = get(path)
        ok = (status == expected) if expected else (400 <= status < 500 or status == 200)
        if status >= 400:
            ok = ok and ctype == "application/problem+json" and problem_ok(body, status)
        check(ok, f"{path}: expected {expected or '200 or 4xx'} problem+json, got {status} {ctype} {body[:200]!r}")
    # HEAD answers GET's status and headers; other methods 405 with Allow.
    status, _, body = get("/api/v1/models")
    head = urllib.request.Request(BASE + "/api/v1/models", method="HEAD", headers={"Authorization": "Bearer " + TOKEN})
    with urllib.request.urlopen(head, timeout=30) as response:
        check(response.status == 200 and response.headers.get("Content-Length") == str(len(body)) and response.read() == b"",
              "HEAD /api/v1/models: not GET's status and length without a body")
    for method in ["POST", "PUT", "DELETE", "PATCH"]:
        request = urllib.request.Request(BASE + f"/api/v1/models/{m}", method=method, data=b"" if method != "DELETE" else None,
                                         headers={"Authorization": "Bearer " + TOKEN})
        try:
            urllib.request.urlopen(request, timeout=30)
            check(False, f"{method} /api/v1/models/{m} was accepted")
        except urllib.error.HTTPError as error:
            check(error.code == 405 and error.headers.get("Allow") == "GET, HEAD"
                  and error.headers.get("Content-Type") == "application/problem+json",
                  f"{method} /api/v1/models/{m}: expected 405 with Allow: GET, HEAD, got {error.code}")
    for path in ["/api/v1/models", f"/api/v1/models/{m}", f"/api/v1/models/{m}/indicators/status",
                 f"/api/v1/models/{m}/cases/compare?outcome=days_to_assessment", "/api/v1/openapi.json"]:
        for headers in [{}, {"Authorization": "Bearer " + "0" * len(TOKEN)}, {"Authorization": "Basic " + TOKEN}]:
            status, ctype, body = get(path, token=False, headers=headers)
            check(status == 401 and ctype == "application/problem+json" and problem_ok(body, 401),
                  f"{path} with {headers or 'no header'}: expected 401 problem+json, got {status} {ctype}")
    step(f"refusals checked ({len(cases)} bad requests, 401 without the token)")


def problem_ok(body, status):
    try:
        p = json.loads(body)
    except ValueError:
        return False
    return (set(p) == {"type", "title", "status", "detail"} and p["status"] == status
            and isinstance(p["detail"], str) and p["detail"] != "")


if __name__ == "__main__":
    main()
