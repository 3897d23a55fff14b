#!/usr/bin/env python3
"""Security tests of a shared server (issue 24), run by Tests/security/run.sh.

Against `piloteval serve` on loopback, over a copy of a demo database with accounts made
through the CLI: a global admin; an editor, an approver and a reader of the reference
pilot (vallingbyteamet); a reader and an editor of another pilot only. Python's standard
library only.

1. Routes: every route the router registers (read from Sources/Web) and every operation
   of docs/openapi.json must be in ROUTES below, or the suite fails; each is asked by
   every role (and without a session; API routes also with each account's bearer token)
   and answered exactly as the role matrix of docs/web.md says: 303 to /login or 401
   without a session, 404 for a pilot without a role, 403 for what the role does not allow.
2. IDOR: another pilot's imports, reports (and their files), model versions, PDSA cycles
   and survey waves through one's own pilot or directly: 404 (or refused with nothing
   written where a shared id is written to).
3. CSRF: unsafe requests without or with a wrong token, and cross-site sign-ins, refused.
4. Sessions: a new id at sign-in (a cookie from before is not the one after and ends),
   cookie flags (HttpOnly, SameSite=Strict, Path=/), Secure and HSTS over HTTPS
   (`--tls-cert/--tls-key`, a self-signed certificate made here and trusted as the CA).
5. Brute force: five failures lock the account (the right password then gets the same
   answer); a concurrent flood of sign-ins gets 429 instead of hanging.
6. XSS: a payload typed into every field a user can type (the new pilot's name, the
   indicator form, notes in the entry form, a PDSA cycle's texts, an unlock reason, unit
   names of an imported survey, an upload's file name, a user name at sign-in) is
   escaped in pages and the SVG, a plain JSON string in the API, escaped in generated
   reports (HTML from the server, Markdown from the CLI).
7. The access log: each audited action leaves exactly one entry (`piloteval audit
   --format json`); no request can change or delete one.
"""

import concurrent.futures
import glob
import http.client as httpclient
import json
import os
import re
import signal
import ssl
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid

BIN = os.environ["PILOTEVAL_BIN"]
DB = os.environ["SECURITY_DB"]
WORK = os.environ["SECURITY_WORK"]
ROOT = os.environ.get("SECURITY_ROOT") or os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

PILOT = "vallingbyteamet"
OTHER = "familjeenheten-2022"
INSTRUMENT = "vallingbyteamet-readiness"
PAYLOAD = "<script>alert(1)</script>\"'><img src=x onerror=1>"
RAW = ["<script>alert(1)", "<img src=x onerror"]
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
# A file name keeps what follows its last "/": the payload without one.
FILE_PAYLOAD = "\"'><img src=x onerror=1>.csv"
FILE_ESCAPED = "&lt;img src=x onerror=1&gt;"

failures = []
checks = [0]
lock = threading.Lock()


def check(condition, message):
    with lock:
        checks[0] += 1
        if not condition:
            failures.append(message)
            print("FAIL: " + message, file=sys.stderr)
    return condition


# --- HTTP -----------------------------------------------------------------------------

class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def all(self, name):
        return [v for k, v in self.headers if k.lower() == name.lower()]

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)


def http(base, method, path, body=None, headers=None, context=None, timeout=300):
    u = urllib.parse.urlsplit(base)
    if u.scheme == "https":
        conn = httpclient.HTTPSConnection(u.hostname, u.port, timeout=timeout, context=context)
    else:
        conn = httpclient.HTTPConnection(u.hostname, u.port, timeout=timeout)
    try:
        if isinstance(body, str):
            body = body.encode("utf-8")
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        return Response(r.status, r.getheaders(), r.read())
    finally:
        conn.close()


def form(fields):
    return urllib.parse.urlencode(fields).encode()


def multipart(parts):
    """parts: (name, filename or None, bytes). Returns (body, content type)."""
    boundary = "sec" + uuid.uuid4().hex
    out = b""
    for name, filename, data in parts:
        out += b"--" + boundary.encode() + b"\r\n"
        disposition = 'form-data; name="%s"' % name
        if filename is not None:
            disposition += '; filename="%s"' % filename.replace('"', "%22")
        out += ("Content-Disposition: %s\r\n" % disposition).encode()
        if filename is not None:
            out += b"Content-Type: text/csv\r\n"
        out += b"\r\n" + (data if isinstance(data, bytes) else data.encode()) + b"\r\n"
    out += b"--" + boundary.encode() + b"--\r\n"
    return out, "multipart/form-data; boundary=" + boundary


COOKIE = "piloteval_session"


def session_cookie(response):
    for value in response.all("Set-Cookie"):
        if value.startswith(COOKIE + "="):
            return value
    return None


def cookie_value(set_cookie):
    return set_cookie.split(";", 1)[0].split("=", 1)[1]


class Client:
    """One account: a browser session (cookie + CSRF token) and an API token."""

    def __init__(self, server, name, password, token=None):
        self.server, self.name, self.password, self.token = server, name, password, token
        self.cookie, self.csrf = None, None

    def sign_in(self):
        r = http(self.server.base, "POST", "/login", form({"username": self.name, "password": self.password}),
                 {"Content-Type": "application/x-www-form-urlencoded"}, context=self.server.context)
        if not check(r.status == 303 and session_cookie(r), "%s could not sign in: %s" % (self.name, r.status)):
            return self
        self.cookie = cookie_value(session_cookie(r))
        self.csrf = csrf_of(self.get("/logout").text)
        return self

    def headers(self, extra=None, bearer=False):
        h = {}
        if bearer:
            h["Authorization"] = "Bearer " + self.token
        elif self.cookie:
            h["Cookie"] = COOKIE + "=" + self.cookie
        h.update(extra or {})
        return h

    def request(self, method, path, body=None, headers=None, bearer=False):
        return http(self.server.base, method, path, body, self.headers(headers, bearer), context=self.server.context)

    def get(self, path, bearer=False):
        return self.request("GET", path, bearer=bearer)

    def post_form(self, path, fields, csrf=True):
        fields = list(fields.items()) if isinstance(fields, dict) else list(fields)
        if csrf:
            fields = [("_csrf", self.csrf)] + fields
        return self.request("POST", path, form(fields), {"Content-Type": "application/x-www-form-urlencoded"})

    def post_multipart(self, path, parts, csrf=True):
        if csrf:
            parts = [("_csrf", None, self.csrf)] + list(parts)
        body, ctype = multipart(parts)
        return self.request("POST", path, body, {"Content-Type": ctype})

    def api(self, method, path, body=None, ctype=None, bearer=True):
        headers = {}
        if ctype:
            headers["Content-Type"] = ctype
        if not bearer and self.csrf:
            headers["X-CSRF-Token"] = self.csrf
        return self.request(method, path, body, headers, bearer=bearer)


def csrf_of(html):
    m = re.search(r'name="_csrf" value="([0-9a-f]+)"', html)
    return m.group(1) if m else None


# --- the server and the CLI -------------------------------------------------------------

class Server:
    def __init__(self, db, extra=(), context=None):
        self.log = open(os.path.join(WORK, "serve-%d.log" % time.time_ns()), "w")
        self.process = subprocess.Popen([BIN, "serve", "--db", db, "--host", "127.0.0.1", "--port", "0", *extra],
                                        stdout=subprocess.PIPE, stderr=self.log, text=True)
        first = [None]
        reader = threading.Thread(target=lambda: first.__setitem__(0, self.process.stdout.readline()), daemon=True)
        reader.start()
        reader.join(60)
        line = (first[0] or "").strip()
        if not line.startswith("piloteval serve: "):
            self.stop()
            raise SystemExit("piloteval serve printed no link: %r" % line)
        self.link = line[len("piloteval serve: "):]
        self.base = self.link.rstrip("/")
        self.context = context
        # Keep draining stdout so the server never blocks on a full pipe.
        threading.Thread(target=self.process.stdout.read, daemon=True).start()

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


def cli(*args, stdin=""):
    r = subprocess.run([BIN, *args, "--db", DB], input=stdin, capture_output=True, text=True)
    return r


def add_user(name, role, pilot=None, password=None):
    args = ["users", "add", name, "--role", role] + (["--pilot", pilot] if pilot else [])
    r = cli(*args, stdin=password + "\n")
    if r.returncode != 0:
        raise SystemExit("users add %s: %s" % (name, r.stderr))
    t = cli("users", "token", name)
    return t.stdout.split()[-1]


def audit():
    r = cli("audit", "--format", "json")
    return json.loads(r.stdout or "[]")


# --- the routes ---------------------------------------------------------------------------

# Who may use a route (docs/web.md's role table):
#   open      everyone, without a session too
#   signed    any account
#   read      a role on the pilot (reader and up); another pilot's reader: 404
#   team      the pilot's team (editor and up; a reader: 403): case-level API reads
#   edit      editor and up (reader 403)
#   approve   approver and up (reader, editor 403)
#   admin403  an admin on every pilot; anyone else 403 (a new pilot)
#   admin404  an admin on every pilot; for anyone else it does not exist (the access log)
#   special   tested in its own section (named)
# Each route: (method, path template, level, probe path, probe body builder or None).
# A probe is chosen so that it writes nothing: where an allowed role passes the role
# check, the handler refuses the request's content (400, 409, 422) or only reads.

def routes(ctx):
    p, r, c = PILOT, ctx["report_public"], ctx["cycle"]
    m = "/models/" + p
    unlock = lambda: form([("period", "1999-T1"), ("action", "lock")])
    return [
        ("GET", "/assets/{name}", "open", "/assets/app.css", None),
        ("GET", "/login", "open", "/login", None),
        ("POST", "/login", "special", "sign-in tests", None),
        ("GET", "/logout", "signed", "/logout", None),
        ("POST", "/logout", "special", "session tests", None),
        ("GET", "/", "signed", "/", None),
        ("GET", "/help", "signed", "/help", None),
        ("GET", "/accessibility", "signed", "/accessibility", None),
        ("GET", "/models/{id}", "read", m, None),
        ("GET", "/models/{id}/indicators", "read", m + "/indicators", None),
        ("GET", "/models/{id}/pilot-vs-line", "read", m + "/pilot-vs-line", None),
        ("GET", "/models/{id}/readiness", "read", m + "/readiness", None),
        ("GET", "/models/{id}/improvement", "read", m + "/improvement", None),
        ("GET", "/models/{id}/logic-model", "read", m + "/logic-model", None),
        ("GET", "/models/{id}/logic-model.svg", "read", m + "/logic-model.svg", None),
        ("GET", "/models/{id}/reports", "read", m + "/reports", None),
        ("GET", "/models/{id}/reports/{report}", "read", m + "/reports/%d" % r, None),
        ("GET", "/models/{id}/reports/{report}/{file}", "read", m + "/reports/%d/report.html" % r, None),
        ("GET", "/models/{id}/reports/{report}/{file}", "read", m + "/reports/%d/report.docx" % r, None),
        ("GET", "/models/{id}/reports/{report}/{file}", "read", m + "/reports/%d/report.json" % r, None),
        ("POST", "/models/{id}/reports", "edit", m + "/reports", lambda: form([("kind", "steering"), ("period", "inte-en-period")])),
        ("POST", "/models/{id}/reports/{report}/verify", "edit", m + "/reports/%d/verify" % r, lambda: form([])),
        ("GET", "/models/{id}/entry", "edit", m + "/entry", None),
        ("POST", "/models/{id}/entry", "edit", m + "/entry", lambda: form([("action", "check")])),
        ("POST", "/models/{id}/entry/approval", "approve", m + "/entry/approval", unlock),
        ("GET", "/models/{id}/imports", "edit", m + "/imports", None),
        ("POST", "/models/{id}/imports/preview", "edit", m + "/imports/preview", lambda: form([])),
        ("POST", "/models/{id}/imports/confirm", "edit", m + "/imports/confirm", lambda: form([("upload", "none")])),
        ("POST", "/models/{id}/imports/undo", "edit", m + "/imports/undo", lambda: form([("import", "x")])),
        ("GET", "/models/{id}/cycles/new", "edit", m + "/cycles/new", None),
        ("GET", "/models/{id}/cycles/{cycle}", "edit", m + "/cycles/" + c, None),
        ("POST", "/models/{id}/cycles", "edit", m + "/cycles", lambda: form([("id", "")])),
        # A point the measure does not have: refused with a notice, nothing written.
        ("POST", "/models/{id}/measures/{measure}/baseline", "edit", m + "/measures/tidsplanerade-utredningar/baseline",
         lambda: form([("through", "1999-01-01")])),
        ("GET", "/models/{id}/logic-model/edit", "edit", m + "/logic-model/edit", None),
        ("POST", "/models/{id}/logic-model/edit", "edit", m + "/logic-model/edit", lambda: form([("yaml", "schema: nej"), ("version", "999999")])),
        ("POST", "/models/{id}/logic-model/check", "edit", m + "/logic-model/check", lambda: form([("yaml", "schema: nej")])),
        ("GET", "/models/{id}/logic-model/indicators/new", "edit", m + "/logic-model/indicators/new", None),
        ("GET", "/models/{id}/logic-model/indicators/{indicator}", "edit", m + "/logic-model/indicators/I18", None),
        ("POST", "/models/{id}/logic-model/indicators", "edit", m + "/logic-model/indicators", lambda: form([("version", "999999")])),
        ("GET", "/models/new", "admin403", "/models/new", None),
        ("POST", "/models/new", "admin403", "/models/new", lambda: form([("id", "")])),
        ("GET", "/admin/audit", "admin404", "/admin/audit", None),
        ("GET", "/admin/audit.csv", "admin404", "/admin/audit.csv", None),
        # The API
        ("GET", "/api/v1/openapi.json", "signed", "/api/v1/openapi.json", None),
        ("GET", "/api/v1/models", "signed", "/api/v1/models", None),
        ("GET", "/api/v1/reports", "signed", "/api/v1/reports", None),
        ("GET", "/api/v1/models/{id}", "read", "/api/v1" + m, None),
        ("GET", "/api/v1/models/{id}/readiness/summary", "read", "/api/v1%s/readiness/summary?instrument=%s" % (m, INSTRUMENT), None),
        ("GET", "/api/v1/models/{id}/indicators/status", "team", "/api/v1%s/indicators/status" % m, None),
        ("GET", "/api/v1/models/{id}/indicators/trend", "team", "/api/v1%s/indicators/trend?indicator=I18" % m, None),
        ("GET", "/api/v1/models/{id}/cases/compare", "team", "/api/v1%s/cases/compare?outcome=re_referral_12m" % m, None),
        ("POST", "/api/v1/models/{id}/imports", "edit", "/api/v1%s/imports?kind=indicators&dry_run=1" % m, "upload"),
        ("DELETE", "/api/v1/imports/{import}", "edit", "/api/v1/imports/{import}", "undo"),
        ("POST", "/api/v1/models/{id}/versions", "edit", "/api/v1%s/versions?based_on=999999" % m, lambda: b"schema: nej"),
        ("POST", "/api/v1/models/{id}/cycles", "edit", "/api/v1%s/cycles" % m, lambda: b"schema: nej"),
        ("POST", "/api/v1/models/{id}/periods/{period}/approval", "approve", "/api/v1%s/periods/1999-T1/approval?action=lock" % m, lambda: b""),
        ("POST", "/api/v1/models/{id}/periods/{period}/approval", "edit", "/api/v1%s/periods/1999-T1/approval?action=ready" % m, lambda: b""),
        ("PUT", "/api/v1/models/{id}/indicators/{indicator}", "edit", "/api/v1%s/indicators/I18?based_on=999999" % m, lambda: b"{}"),
        ("POST", "/api/v1/models/{id}/indicators", "edit", "/api/v1%s/indicators?based_on=999999" % m, lambda: b"{}"),
    ]


def source_routes():
    """Every (method, path) the router registers, read from Sources/Web."""
    found = set()
    for path in glob.glob(os.path.join(ROOT, "Sources", "Web", "**", "*.swift"), recursive=True):
        text = open(path, encoding="utf-8").read()
        for method, route in re.findall(r'router\.(get|post|put|delete|patch|head)\("([^"]+)"', text):
            found.add((method.upper(), route))
        for route in re.findall(r'\bread\(api, "([^"]+)"', text):
            found.add(("GET", "/api/v1/" + route))
    return {(m, re.sub(r":(\w+)", r"{\1}", r)) for m, r in found}


def openapi_routes():
    doc = json.load(open(os.path.join(ROOT, "docs", "openapi.json"), encoding="utf-8"))
    return {(method.upper(), path) for path, item in doc["paths"].items() for method in item
            if method in ("get", "post", "put", "delete", "patch")}


def normalise(template):
    # The router's and the document's parameter names differ in places ({import} vs {id}).
    return re.sub(r"\{\w+\}", "{}", template)


ROLES = ["anonymous", "reader", "other", "editor", "approver", "admin"]


def expected(level, role, method, path):
    """What the role gets: 'ok' (let through) or a status."""
    api = path.startswith("/api/")
    if role == "anonymous":
        if level == "open":
            return "ok"
        return 303 if method == "GET" and not api else 401
    if level in ("open", "signed"):
        return "ok"
    if level == "admin404":
        return "ok" if role == "admin" else 404
    if level == "admin403":
        return "ok" if role == "admin" else 403
    if role == "other":
        return 404
    rank = {"reader": 0, "editor": 1, "approver": 2, "admin": 3}[role]
    need = {"read": 0, "team": 1, "edit": 1, "approve": 2}[level]
    return "ok" if rank >= need else 403


def judge(r, want, where):
    if want == "ok":
        refused = r.status in (401, 403, 404) or r.status >= 500 or (
            r.status in (302, 303) and (r.header("Location") or "").startswith("/login"))
        return check(not refused, "%s: let through expected, got %s %s" % (where, r.status, r.text[:160].replace("\n", " ")))
    if want == 303:
        return check(r.status == 303 and (r.header("Location") or "").startswith("/login"),
                     "%s: 303 to /login expected, got %s %s" % (where, r.status, r.header("Location")))
    return check(r.status == want, "%s: %s expected, got %s %s" % (where, want, r.status, r.text[:160].replace("\n", " ")))


def indicator_file(period, value):
    return ("model,indicator,period,group,value,numerator,denominator,note\n"
            "%s,I18,%s,total,%s,,,\n" % (PILOT, period, value)).encode()


def probe(client, route, role, bearer, ctx):
    method, template, level, path, body = route
    want = expected(level, role, method, path)
    headers, data = {}, None
    if body == "upload":
        data, ctype = multipart([("file", "varden.csv", indicator_file("2022-T1", "12"))])
        headers["Content-Type"] = ctype
    elif body == "undo":
        # The reader and the other pilot's reader try one of the pilot's imports; an
        # account allowed to undo makes an import of its own first and undoes that.
        number = ctx["pilot_import"]
        if want == "ok":
            number = make_import(client, ctx, bearer)
        path = path.replace("{import}", str(number))
    elif body is not None:
        data = body()
        headers["Content-Type"] = "application/json" if template.endswith("{indicator}") or template.endswith("/indicators") and path.startswith("/api/") \
            else "application/x-www-form-urlencoded" if not path.startswith("/api/") else "application/yaml"
    if client is None:
        r = http(ctx["server"].base, method, path, data, headers)
    else:
        if method not in ("GET", "HEAD") and not bearer:
            if path.startswith("/api/"):
                headers["X-CSRF-Token"] = client.csrf
            elif data is not None and headers.get("Content-Type", "").startswith("application/x-www-form"):
                data = form([("_csrf", client.csrf)]) + (b"&" + data if data else b"")
        r = client.request(method, path, data, headers, bearer=bearer)
    judge(r, want, "%s %s as %s%s" % (method, path, role, " (bearer)" if bearer else ""))
    return r


def timed_probe(job, ctx):
    t = time.time()
    route, role, bearer = job
    probe(None if role == "anonymous" else ctx["clients"][role], route, role, bearer, ctx)
    with lock:
        ctx.setdefault("slow", []).append((time.time() - t, route[0], route[3], role, bearer))


IMPORT_PERIODS = iter(["2022-T1", "2022-T2", "2021-T3", "2021-T2", "2021-T1", "2020-T3", "2020-T2", "2020-T1"])
import_lock = threading.Lock()


def make_import(client, ctx, bearer):
    with import_lock:
        period = next(IMPORT_PERIODS)
    data, ctype = multipart([("file", "egen-%s.csv" % period, indicator_file(period, "17"))])
    headers = {"Content-Type": ctype}
    if not bearer:
        headers["X-CSRF-Token"] = client.csrf
    r = client.request("POST", "/api/v1/models/%s/imports?kind=indicators" % PILOT, data, headers, bearer=bearer)
    check(r.status == 201, "%s could not import a file to undo: %s %s" % (client.name, r.status, r.text[:200]))
    return r.json()["id"] if r.status == 201 else 0


def test_route_matrix(ctx):
    table = routes(ctx)
    covered = {(m, normalise(t)) for m, t, *_ in table}
    for m, t in sorted(source_routes()):
        check((m, normalise(t)) in covered, "the router has %s %s, which the security suite does not test: add it to ROUTES" % (m, t))
    for m, t in sorted(openapi_routes()):
        check((m, normalise(t)) in covered, "docs/openapi.json has %s %s, which the security suite does not test: add it to ROUTES" % (m, t))
    clients = ctx["clients"]
    jobs = []
    for route in table:
        if route[2] == "special":
            continue
        for role in ROLES:
            jobs.append((route, role, False))
            if route[1].startswith("/api/") and role != "anonymous":
                jobs.append((route, role, True))
    # The pilot's pages first, by the editor (internal audience) and the reader (public)
    # side by side, each page in turn: every page and document is then built once per
    # audience, not once per request arriving together. Then the rest, and the undos
    # (real writes, which make every cached page stale) last.
    warm = [j for j in jobs if j[0][0] == "GET" and j[0][2] == "read" and not j[2] and j[1] in ("editor", "reader")]
    writes = [j for j in jobs if j[0][4] == "undo"]
    rest = [j for j in jobs if j not in warm and j not in writes]
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda role: [timed_probe(j, ctx) for j in warm if j[1] == role], ["editor", "reader"]))
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda j: timed_probe(j, ctx), rest))
        list(pool.map(lambda j: timed_probe(j, ctx), writes))
    if os.environ.get("SECURITY_VERBOSE"):
        for t, method, path, role, bearer in sorted(ctx["slow"], reverse=True)[:25]:
            print("  %.1f s %s %s as %s%s" % (t, method, path, role, " (bearer)" if bearer else ""), file=sys.stderr)
    # A wrong bearer token and a bearer token with a cookie's CSRF rules: 401 / accepted.
    r = http(ctx["server"].base, "GET", "/api/v1/models", headers={"Authorization": "Bearer " + "0" * 64})
    check(r.status == 401, "a wrong bearer token got %s, not 401" % r.status)
    r = http(ctx["server"].base, "GET", "/api/v1/models", headers={"Authorization": "Basic eDp5"})
    check(r.status == 401, "a Basic authorization got %s, not 401" % r.status)
    # Lists leave out pilots without a role.
    listed = {m["id"] for m in clients["other"].get("/api/v1/models").json()}
    check(listed == {OTHER}, "the other pilot's reader lists %s" % sorted(listed))
    listed = {m["id"] for m in clients["reader"].get("/api/v1/models").json()}
    check(listed == {PILOT}, "the reader lists %s" % sorted(listed))
    reports = clients["reader"].get("/api/v1/reports").json()
    check(all(x["model"] == PILOT and x["audience"] == "public" for x in reports),
          "the reader's /api/v1/reports lists another pilot's or an internal report")
    start = clients["other"].get("/").text
    check("/models/%s\"" % PILOT not in start, "the other pilot's reader's start page links to %s" % PILOT)
    # A reader does not get the internal report; the team does.
    ri = "/models/%s/reports/%d" % (PILOT, ctx["report_internal"])
    for role, want in [("reader", 404), ("other", 404), ("editor", 200), ("approver", 200), ("admin", 200)]:
        for path in [ri, ri + "/report.html", ri + "/report.json"]:
            judge(clients[role].get(path), "ok" if want == 200 else want, "GET %s (internal) as %s" % (path, role))
    # Unknown pilot and no role answer the same words.
    a = clients["other"].get("/models/%s" % PILOT)
    b = clients["other"].get("/models/ingen-sadan-pilot")
    check(a.status == b.status == 404 and a.text.replace(PILOT, "X") == b.text.replace("ingen-sadan-pilot", "X"),
          "a pilot without a role and a pilot that does not exist answer differently")


# --- IDOR -------------------------------------------------------------------------------

def test_idor(ctx):
    c = ctx["clients"]
    ed, other, fed = c["editor"], c["other"], c["other_editor"]
    rf, cf, fi = ctx["report_other"], ctx["cycle_other"], ctx["other_import"]
    before = counts()
    # The pilot's editor, with the other pilot's ids.
    for path in ["/models/%s/reports/%d" % (PILOT, rf), "/models/%s/reports/%d/report.html" % (PILOT, rf),
                 "/models/%s/reports/%d/report.json" % (PILOT, rf), "/models/%s/reports/%d/report.docx" % (PILOT, rf),
                 "/models/%s/reports/%d" % (OTHER, rf), "/models/%s/reports/%d/report.html" % (OTHER, rf),
                 "/models/%s/cycles/%s" % (PILOT, cf), "/models/%s/cycles/%s" % (OTHER, cf),
                 "/models/%s/logic-model?from=1&to=2" % OTHER, "/api/v1/models/%s" % OTHER,
                 "/api/v1/models/%s/indicators/trend" % OTHER, "/models/%s/logic-model/indicators/I1" % OTHER]:
        judge(ed.get(path), 404, "IDOR: GET %s as the pilot's editor" % path)
    judge(ed.post_form("/models/%s/reports/%d/verify" % (PILOT, rf), {}), 404, "IDOR: verify the other pilot's report")
    judge(ed.api("DELETE", "/api/v1/imports/%d" % fi), 404, "IDOR: DELETE the other pilot's import %d (bearer)" % fi)
    judge(ed.api("DELETE", "/api/v1/imports/%d" % fi, bearer=False), 404, "IDOR: DELETE the other pilot's import (session)")
    judge(ed.post_form("/models/%s/imports/undo" % PILOT, {"import": fi}), 404, "IDOR: undo the other pilot's import from the pilot's page")
    check(not any(x["model"] == OTHER for x in ed.get("/api/v1/reports?model=" + OTHER).json()),
          "IDOR: /api/v1/reports?model=%s lists the other pilot's reports to the pilot's editor" % OTHER)
    # The other pilot's model text as a new version of one's own pilot: refused.
    r = ed.api("POST", "/api/v1/models/%s/versions" % PILOT, ctx["other_yaml"], "application/yaml")
    check(r.status == 422, "IDOR: another pilot's model text through %s answered %s" % (PILOT, r.status))
    # The other pilot's cycle through one's own pilot's form (editing an existing one).
    r = ed.post_form("/models/%s/cycles" % PILOT, {"existing": cf, "version": "1", "title": "kapad", "activity": "A1",
                                                   "start": "2022-01-01", "decision": "adapt"})
    check(r.status in (404, 409), "IDOR: changing the other pilot's cycle from %s's form answered %s" % (PILOT, r.status))
    # The other pilot's reader, with this pilot's ids.
    for number in ctx["pilot_imports"]:
        judge(other.api("DELETE", "/api/v1/imports/%d" % number), 404, "IDOR: DELETE import %d as the other pilot's reader" % number)
    for path in ["/models/%s/reports/%d" % (OTHER, ctx["report_public"]), "/models/%s/reports/%d/report.json" % (OTHER, ctx["report_public"]),
                 "/api/v1/models/%s/readiness/summary?instrument=%s&wave=2022-03" % (OTHER, INSTRUMENT),
                 "/api/v1/models/%s/readiness/summary?instrument=%s&wave=2022-03" % (PILOT, INSTRUMENT),
                 "/models/%s/logic-model?from=1&to=2" % PILOT]:
        judge(other.get(path), 404, "IDOR: GET %s as the other pilot's reader" % path)
    # The other pilot's editor writes through its own pilot with this pilot's ids.
    for number in ctx["pilot_imports"][:3]:
        judge(fed.api("DELETE", "/api/v1/imports/%d" % number), 404, "IDOR: DELETE import %d as the other pilot's editor" % number)
        judge(fed.post_form("/models/%s/imports/undo" % OTHER, {"import": number}), 404,
              "IDOR: undo import %d from the other pilot's page" % number)
    judge(fed.get("/models/%s/cycles/%s" % (OTHER, ctx["cycle"])), 404, "IDOR: the pilot's cycle through the other pilot's page")
    cycle = open(os.path.join(ROOT, "Models", "pdsa", ctx["cycle"] + ".yaml"), encoding="utf-8").read().replace(
        "model: " + PILOT, "model: " + OTHER)
    r = fed.api("POST", "/api/v1/models/%s/cycles" % OTHER, cycle, "application/yaml")
    check(r.status in (404, 409, 422), "IDOR: overwriting the pilot's cycle %s through %s answered %s" % (ctx["cycle"], OTHER, r.status))
    r = fed.post_form("/models/%s/cycles" % OTHER, {"existing": ctx["cycle"], "version": "1", "title": "kapad", "activity": "A1",
                                                    "start": "2022-01-01", "decision": "adapt"})
    check(r.status in (404, 409), "IDOR: changing the pilot's cycle from the other pilot's form answered %s" % r.status)
    wave, ctype = multipart([("file", "enkat.csv", open(os.path.join(ROOT, "Datasets", PILOT, "readiness-2022-03-synthetic.csv"), "rb").read())])
    r = fed.api("POST", "/api/v1/models/%s/imports?kind=readiness&instrument=%s&wave=2031-03" % (OTHER, INSTRUMENT), wave, ctype)
    check(r.status in (404, 422), "IDOR: a wave of the pilot's survey through %s answered %s" % (OTHER, r.status))
    measure, ctype = multipart([("file", "m.csv", open(os.path.join(ROOT, "Datasets", PILOT, "genombrott-tidsplanerade-utredningar.csv"), "rb").read())])
    r = fed.api("POST", "/api/v1/models/%s/imports?kind=measures&measure=tidsplanerade-utredningar&value=planerade&denominator=inledda" % OTHER,
                measure, ctype)
    check(r.status in (404, 422), "IDOR: the pilot's measure through %s answered %s" % (OTHER, r.status))
    r = fed.api("POST", "/api/v1/models/%s/periods/2022-T1/approval?action=ready" % PILOT, b"")
    judge(r, 404, "IDOR: the pilot's period approval as the other pilot's editor")
    check(counts() == before, "IDOR attempts changed the database: %s → %s" % (before, counts()))


def counts():
    import sqlite3
    db = sqlite3.connect("file:%s?mode=ro" % DB, uri=True)
    try:
        out = {}
        for table in ["imports", "documents", "reports", "period_approvals", "indicator_observations", "readiness_responses", "measure_values"]:
            try:
                out[table] = db.execute("SELECT count(*) FROM %s" % table).fetchone()[0]
            except sqlite3.Error:
                pass
        return out
    finally:
        db.close()


# --- CSRF ----------------------------------------------------------------------------------

def test_csrf(ctx):
    ed = ctx["clients"]["editor"]
    base = ctx["server"].base
    target = "/models/%s/cycles" % PILOT
    fields = [("id", "csrf-test"), ("title", "CSRF"), ("activity", "A1"), ("start", "2022-01-01")]
    plain = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": COOKIE + "=" + ed.cookie}
    r = http(base, "POST", target, form(fields), plain)
    check(r.status == 403, "a form post without the CSRF token answered %s, not 403" % r.status)
    r = http(base, "POST", target, form([("_csrf", "0" * 64)] + fields), plain)
    check(r.status == 403, "a form post with a wrong CSRF token answered %s, not 403" % r.status)
    r = http(base, "POST", target, form([("_csrf", ctx["clients"]["admin"].csrf)] + fields), plain)
    check(r.status == 403, "a form post with another session's CSRF token answered %s, not 403" % r.status)
    body, ctype = multipart([("file", "v.csv", indicator_file("2022-T1", "3"))])
    r = http(base, "POST", "/api/v1/models/%s/imports?kind=indicators&dry_run=1" % PILOT, body,
             {"Content-Type": ctype, "Cookie": COOKIE + "=" + ed.cookie})
    check(r.status == 403, "an API upload with the session cookie and no X-CSRF-Token answered %s" % r.status)
    r = http(base, "DELETE", "/api/v1/imports/%d" % ctx["pilot_import"], None,
             {"Cookie": COOKIE + "=" + ed.cookie, "X-CSRF-Token": "1" * 64})
    check(r.status == 403, "an API undo with a wrong X-CSRF-Token answered %s" % r.status)
    body, ctype = multipart([("_csrf", None, "2" * 64), ("file", "v.csv", indicator_file("2022-T1", "3"))])
    r = http(base, "POST", "/models/%s/imports/preview" % PILOT, body, {"Content-Type": ctype, "Cookie": COOKIE + "=" + ed.cookie})
    check(r.status == 403, "an upload form with a wrong _csrf part answered %s" % r.status)
    r = http(base, "POST", "/logout", form([]), plain)
    check(r.status == 403, "a sign-out without the CSRF token answered %s" % r.status)
    check(ed.get("/").status == 200, "the session ended after a sign-out without the CSRF token")
    # Cross-site sign-in (login CSRF): Fetch Metadata, then the Origin.
    creds = form([("username", "sec-reader"), ("password", ctx["passwords"]["reader"])])
    for extra, what in [({"Sec-Fetch-Site": "cross-site"}, "Sec-Fetch-Site: cross-site"),
                        ({"Sec-Fetch-Site": "same-site"}, "Sec-Fetch-Site: same-site"),
                        ({"Origin": "https://evil.example"}, "Origin: https://evil.example")]:
        r = http(base, "POST", "/login", creds, dict({"Content-Type": "application/x-www-form-urlencoded"}, **extra))
        check(r.status == 403 and not session_cookie(r), "a sign-in with %s answered %s%s" % (what, r.status,
              " and a session" if session_cookie(r) else ""))
    host = urllib.parse.urlsplit(base).netloc
    r = http(base, "POST", "/login", creds, {"Content-Type": "application/x-www-form-urlencoded", "Origin": "http://" + host,
                                             "Sec-Fetch-Site": "same-origin"})
    check(r.status == 303 and session_cookie(r), "a same-origin sign-in answered %s" % r.status)
    # Nothing was written by the refused posts.
    check(ed.get("/models/%s/cycles/csrf-test" % PILOT).status == 404, "a refused CSRF post stored a cycle")


# --- sessions ------------------------------------------------------------------------------

def cookie_flags(set_cookie, secure):
    parts = [p.strip().lower() for p in set_cookie.split(";")]
    ok = "httponly" in parts and "samesite=strict" in parts and "path=/" in parts
    return ok and (("secure" in parts) == secure)


def test_sessions(ctx):
    server, pw = ctx["server"], ctx["passwords"]
    base = server.base
    login = lambda cookie=None, name="sec-reader", password=pw["reader"]: http(
        base, "POST", "/login", form([("username", name), ("password", password)]),
        dict({"Content-Type": "application/x-www-form-urlencoded"}, **({"Cookie": COOKIE + "=" + cookie} if cookie else {})))
    r = http(base, "GET", "/login")
    check(session_cookie(r) is None, "the sign-in page sets a session cookie before sign-in")
    r = login()
    first = session_cookie(r)
    check(first and cookie_flags(first, False), "the session cookie's flags: %s" % first)
    old = cookie_value(first)
    # Signing in again with the cookie from before: a new id, and the old one ends.
    r = login(old)
    new = cookie_value(session_cookie(r))
    check(new != old, "signing in with a session kept its id")
    check(http(base, "GET", "/", headers={"Cookie": COOKIE + "=" + old}).status == 303, "the session from before sign-in still works")
    check(http(base, "GET", "/", headers={"Cookie": COOKIE + "=" + new}).status == 200, "the new session does not work")
    # A cookie an attacker chose is never taken up.
    planted = "a" * 64
    r = login(planted)
    check(cookie_value(session_cookie(r)) != planted, "a planted session id was kept at sign-in")
    check(http(base, "GET", "/", headers={"Cookie": COOKIE + "=" + planted}).status == 303, "a planted session id lets in")
    # Sign-out ends the session and removes the cookie.
    c = Client(server, "sec-reader", pw["reader"]).sign_in()
    r = c.post_form("/logout", {})
    removed = session_cookie(r) or ""
    check(r.status == 303 and "max-age=0" in removed.lower(), "sign-out did not remove the cookie: %s" % removed)
    check(c.get("/").status == 303, "the session works after sign-out")
    # A disabled account's session ends at its next request.
    v = ctx["clients"]["victim2"].sign_in()
    check(v.get("/").status == 200, "the second victim cannot read")
    cli("users", "disable", "sec-victim2")
    check(v.get("/").status == 303, "a disabled account's session still works")
    check(v.get("/api/v1/models", bearer=True).status == 401, "a disabled account's token still works")


def test_tls(ctx):
    cert, key = os.path.join(WORK, "cert.pem"), os.path.join(WORK, "key.pem")
    r = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                        "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
                       capture_output=True, text=True)
    if not check(r.returncode == 0, "openssl could not make a certificate: %s" % r.stderr[-300:]):
        return
    context = ssl.create_default_context(cafile=cert)
    server = Server(DB, ["--tls-cert", cert, "--tls-key", key], context=context)
    try:
        check(server.link.startswith("https://"), "the TLS server's link is %s" % server.link)
        r = http(server.base, "GET", "/login", context=context)
        hsts = r.header("Strict-Transport-Security") or ""
        check(r.status == 200 and "max-age=" in hsts, "HSTS over HTTPS: %r" % hsts)
        c = Client(server, "sec-reader", ctx["passwords"]["reader"])
        r = http(server.base, "POST", "/login", form([("username", c.name), ("password", c.password)]),
                 {"Content-Type": "application/x-www-form-urlencoded"}, context=context)
        cookie = session_cookie(r) or ""
        check(r.status == 303 and cookie_flags(cookie, True), "the cookie over HTTPS lacks Secure or a flag: %s" % cookie)
        r = http(server.base, "GET", "/", headers={"Cookie": cookie.split(";")[0]}, context=context)
        check(r.status == 200 and "max-age=" in (r.header("Strict-Transport-Security") or ""), "HSTS missing on a page over HTTPS")
        # Plain HTTP to the TLS port is not served.
        try:
            r = http(server.base.replace("https://", "http://"), "GET", "/login", timeout=10)
            check(r.status >= 400, "plain HTTP to the TLS port answered %s" % r.status)
        except (httpclient.HTTPException, OSError):
            check(True, "")
    finally:
        server.stop()
    r = http(ctx["server"].base, "GET", "/login")
    check(r.header("Strict-Transport-Security") is None, "HSTS sent over plain HTTP")


# --- brute force -------------------------------------------------------------------------

def test_brute_force(ctx):
    base, pw = ctx["server"].base, ctx["passwords"]
    post = lambda name, password: http(base, "POST", "/login", form([("username", name), ("password", password)]),
                                       {"Content-Type": "application/x-www-form-urlencoded"})
    wrong = post("sec-victim", "fel-losenord-1234")
    check(wrong.status == 401 and not session_cookie(wrong), "a wrong password answered %s" % wrong.status)
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda i: post("sec-victim", "fel-losenord-%d" % i), range(4)))
    locked = post("sec-victim", pw["victim"])
    check(locked.status == 401 and not session_cookie(locked), "the right password after five failures let in (%s)" % locked.status)
    words = lambda r: re.sub(r'value="[^"]*"', "", r.text)
    check(words(locked) == words(wrong), "a locked account's answer differs from a wrong password's")
    unknown = post("ingen-sadan-anvandare", "fel-losenord-1234")
    check(words(unknown) == words(wrong), "an unknown name's answer differs from a wrong password's")
    # reset-password lifts the lock (the CLI prints a new password).
    r = cli("users", "reset-password", "sec-victim", stdin=pw["victim"] + "-ny\n")
    if check(r.returncode == 0, "users reset-password failed: %s" % r.stderr):
        check(post("sec-victim", pw["victim"] + "-ny").status == 303, "the account is still locked after reset-password")
    # A flood of sign-ins: some are turned away with 429, none hang, and pages still answer.
    started = time.time()
    with concurrent.futures.ThreadPoolExecutor(40) as pool:
        flood = [f for f in pool.map(lambda i: post("sec-flood-%d" % i, "fel-losenord-%d" % i).status, range(40))]
        reader = ctx["clients"]["reader"]
        during = reader.get("/help").status
    took = time.time() - started
    check(429 in flood, "40 concurrent sign-ins got no 429: %s" % sorted(set(flood)))
    check(set(flood) <= {401, 429}, "the flood got %s" % sorted(set(flood)))
    check(during == 200, "a page during the flood answered %s" % during)
    check(took < 60, "the flood took %.0f s" % took)
    ctx["flood"] = (flood.count(429), len(flood), took)


# --- XSS ---------------------------------------------------------------------------------

def escaped(text, where, must_show=True, shown=ESCAPED):
    raw = [m for m in RAW if m in text]
    check(not raw, "XSS: %s holds %s unescaped" % (where, raw))
    if must_show:
        check(shown in text, "XSS: %s does not show the payload (escaped) at all" % where)


def json_has(value, where, payload=PAYLOAD):
    def walk(x):
        if isinstance(x, dict):
            return any(walk(v) for v in x.values())
        if isinstance(x, list):
            return any(walk(v) for v in x)
        return isinstance(x, str) and payload in x
    check(walk(value), "XSS: %s does not hold the payload as a plain JSON string" % where)


def test_xss(ctx):
    admin, ed, appr = ctx["clients"]["admin"], ctx["clients"]["editor"], ctx["clients"]["approver"]
    base = ctx["server"].base
    x = "xss-pilot"
    m = "/models/" + x
    # A new pilot whose name is the payload (the new-pilot form).
    r = admin.post_form("/models/new", {"id": x, "name": PAYLOAD, "start": "2024-01-01", "end": "2025-12-31"})
    if not check(r.status == 303, "the new-pilot form answered %s: %s" % (r.status, r.text[:300])):
        return
    # Its form's errors echo what was typed: escaped.
    r = admin.post_form("/models/new", {"id": PAYLOAD, "name": PAYLOAD, "start": PAYLOAD, "end": ""})
    escaped(r.text, "the new-pilot form with errors")
    # An indicator through the indicator form: every text field.
    fields = {"existing": "", "version": "1", "rows": "2", "parts": "2", "confirmed": "", "id": "X9", "title": PAYLOAD,
              "description": PAYLOAD, "measures": "O1", "unit": "count", "direction": "increase", "frequency": "tertial",
              "counts": "events", "source": PAYLOAD, "note": PAYLOAD, "t0.period": "2024", "t0.set_by": "unit",
              "t0.k1": ">=", "t0.a1": "5", "t0.note": PAYLOAD}
    r = admin.post_form(m + "/logic-model/indicators", fields)
    check(r.status == 303, "the indicator form answered %s: %s" % (r.status, r.text[:300]))
    r = admin.post_form(m + "/logic-model/indicators", dict(fields, id="X10", **{"t0.a1": PAYLOAD}))
    escaped(r.text, "the indicator form with errors")
    # A note typed in the entry form.
    r = admin.post_form(m + "/entry", {"period": "2024-T1", "version": "none", "action": "save", "value:X9:total": "7",
                                       "note:X9:total": PAYLOAD})
    check(r.status == 303, "the entry form answered %s" % r.status)
    r = admin.post_form(m + "/entry", {"period": "2024-T2", "version": "none", "action": "check", "value:X9:total": PAYLOAD,
                                       "note:X9:total": PAYLOAD})
    escaped(r.text, "the entry form checked with a payload as the value")
    # A PDSA cycle's texts.
    r = admin.post_form(m + "/cycles", {"existing": "", "version": "", "id": "xss-cycle", "title": PAYLOAD, "activity": "A1",
                                        "change_idea": PAYLOAD, "question": PAYLOAD, "prediction": PAYLOAD, "start": "2024-02-01",
                                        "end": "2024-03-01", "observations": PAYLOAD, "decision": "adapt", "next": PAYLOAD})
    check(r.status == 303, "the PDSA form answered %s: %s" % (r.status, r.text[:300]))
    r = admin.post_form(m + "/cycles", {"id": PAYLOAD, "title": PAYLOAD, "start": PAYLOAD})
    escaped(r.text, "the PDSA form with errors")
    # An unlock reason (the approver's own words).
    for action, extra in [("ready", {}), ("lock", {}), ("unlock", {"reason": PAYLOAD})]:
        r = admin.post_form(m + "/entry/approval", dict({"period": "2024-T1", "action": action}, **extra))
        check(r.status in (200, 303), "approval %s answered %s" % (action, r.status))
    # The logic model's editor: errors echo the text.
    r = admin.post_form(m + "/logic-model/check", {"yaml": "schema: piloteval/logic-model/v1\nid: " + PAYLOAD + "\nname: " + PAYLOAD})
    escaped(r.text, "the logic model check", must_show=False)
    # Unit names of a survey wave, and an upload's file name (pilot's editor, API and form).
    # The 2022 wave again as wave 2031, every respondent's unit renamed to the payload.
    import csv
    import io
    text = open(os.path.join(ROOT, "Datasets", PILOT, "readiness-2022-03-synthetic.csv"), encoding="utf-8-sig").read()
    rows = list(csv.reader(io.StringIO(text), delimiter=";" if ";" in text.splitlines()[0] else ","))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(rows[0])
    for row in rows[1:]:
        writer.writerow([row[0], PAYLOAD, "2031-03"] + row[3:])
    body, ctype = multipart([("file", FILE_PAYLOAD, out.getvalue())])
    r = ed.api("POST", "/api/v1/models/%s/imports?kind=readiness&instrument=%s&wave=2031-03" % (PILOT, INSTRUMENT), body, ctype)
    if check(r.status == 201, "the survey with payload unit names answered %s: %s" % (r.status, r.text[:400])):
        json_has(r.json(), "the import's record (file name)", payload=FILE_PAYLOAD.replace('"', "%22"))
    r = ed.post_multipart("/models/%s/imports/preview" % PILOT, [("kind", None, "indicators"),
                                                                 ("file", PAYLOAD + "-2.csv", indicator_file("2022-T1", PAYLOAD))])
    escaped(r.text, "the import preview of a refused file named with the payload", must_show=False)
    # A user name at sign-in, and a user name at the CLI.
    r = http(base, "POST", "/login", form([("username", PAYLOAD), ("password", "fel-losenord-1234")]),
             {"Content-Type": "application/x-www-form-urlencoded"})
    escaped(r.text, "the sign-in page after a payload user name")
    r = cli("users", "add", PAYLOAD, "--role", "reader", "--pilot", PILOT, stdin="ett-langt-losenord-123\n")
    check(r.returncode != 0, "users add accepted a payload as a name")
    r = http(base, "GET", "/login?next=" + urllib.parse.quote(PAYLOAD))
    escaped(r.text, "the sign-in page with a payload next", must_show=False)

    # Where it shows: pages, the SVG, the API, reports.
    pages = ["/", m, m + "/indicators?period=2024-T1", m + "/improvement", m + "/logic-model", m + "/logic-model.svg",
             m + "/entry?period=2024-T1", m + "/cycles/xss-cycle", m + "/logic-model/indicators/X9", m + "/logic-model/edit",
             m + "/reports", m + "/readiness", m + "/pilot-vs-line"]
    for page in pages:
        r = admin.get(page)
        check(r.status == 200, "XSS page %s answered %s" % (page, r.status))
        escaped(r.text, page)
    escaped(ed.get("/models/%s/imports" % PILOT).text, "the imports page (file name)", shown=FILE_ESCAPED)
    escaped(ed.get("/models/%s/readiness" % PILOT).text, "the readiness page (unit names)")
    json_has(admin.get("/api/v1/models/" + x).json(), "/api/v1/models/" + x)
    json_has(admin.get("/api/v1/models/%s/indicators/trend" % x).json(), "indicators/trend (notes)")
    json_has(admin.get("/api/v1/models/%s/indicators/status?period=2024-T1" % x).json(), "indicators/status")
    summary = ed.get("/api/v1/models/%s/readiness/summary?instrument=%s&wave=2031-03" % (PILOT, INSTRUMENT))
    if check(summary.status == 200, "readiness summary of the payload wave answered %s" % summary.status):
        json_has(summary.json(), "readiness/summary (unit names)")
    for kind in ["final", "steering", "tertial"]:
        r = admin.post_form(m + "/reports", {"kind": kind, "language": "sv", "audience": "internal", "period": "2024-T1"})
        if not check(r.status == 303, "making a %s report answered %s: %s" % (kind, r.status, r.text[:200])):
            continue
        path = urllib.parse.urlsplit(r.header("Location")).path
        escaped(admin.get(path).text, "the %s report's page" % kind)
        html = admin.get(path + "/report.html")
        escaped(html.text, "the %s report's HTML" % kind)
        check("script-src" not in (html.header("Content-Security-Policy") or "") and "default-src 'none'" in (html.header("Content-Security-Policy") or ""),
              "the stored report's HTML is not served under default-src 'none'")
        json_has(admin.get(path + "/report.json").json(), "the %s report's JSON record" % kind)
    for kind in ["final", "steering", "tertial"]:
        out = os.path.join(WORK, "xss-%s.md" % kind)
        r = cli("report", "--model", x, "--kind", kind, "--format", "markdown", "--period", "2024-T1", "-o", out)
        if check(r.returncode == 0, "piloteval report --format markdown (%s) failed: %s" % (kind, r.stderr[-300:])):
            text = open(out, encoding="utf-8").read()
            unescaped = text.replace("\\<", "")
            check(not any(raw in unescaped for raw in RAW), "XSS: the %s report's Markdown holds the payload unescaped" % kind)
            check("\\<script\\>alert(1)" in text, "XSS: the %s report's Markdown does not show the payload" % kind)
    csv = admin.get("/admin/audit.csv").text
    check(not re.search(r"^[=+\-@]", csv, re.M) and not re.search(r",[=+\-@]", csv), "the access log's CSV has a cell starting a formula")


# --- the access log --------------------------------------------------------------------------

def test_access_log(ctx):
    c, server = ctx["clients"], ctx["server"]
    reader, ed, appr, admin = c["reader"], c["editor"], c["approver"], c["admin"]

    def one(action_fn, user, action, what_part=None, pilot=None, label=""):
        before = max([e["id"] for e in audit()] or [0])
        action_fn()
        new = [e for e in audit() if e["id"] > before]
        match = [e for e in new if e["user"] == user and e["action"] == action and (what_part is None or what_part in (e.get("what") or ""))
                 and (pilot is None or e.get("pilot") == pilot)]
        check(len(match) == 1 and len(new) == 1, "access log for %s: expected one %s entry by %s, got %s" % (
            label or action, action, user, [(e["user"], e["action"], e.get("what")) for e in new]))

    pw = ctx["passwords"]
    fresh = Client(server, "sec-reader", pw["reader"])
    one(lambda: fresh.sign_in(), "sec-reader", "login", label="sign-in")
    one(lambda: http(server.base, "POST", "/login", form([("username", "sec-reader"), ("password", "fel-losenord-9999")]),
                     {"Content-Type": "application/x-www-form-urlencoded"}), "sec-reader", "login_failed", label="failed sign-in")
    one(lambda: fresh.post_form("/logout", {}), "sec-reader", "logout", label="sign-out")
    one(lambda: reader.get("/models/%s/pilot-vs-line" % PILOT), "sec-reader", "view", "pilot vs line", PILOT, "pilot vs line")
    one(lambda: reader.get("/models/%s/pilot-vs-line" % PILOT), "sec-reader", "view", "pilot vs line", PILOT, "pilot vs line (cached)")
    one(lambda: ed.get("/api/v1/models/%s/cases/compare?outcome=re_referral_12m" % PILOT), "sec-editor", "view", "cases compare", PILOT,
        "cases compare")
    one(lambda: reader.get("/models/%s/reports/%d/report.docx" % (PILOT, ctx["report_public"])), "sec-reader", "download",
        "report %d" % ctx["report_public"], PILOT, "report download")
    one(lambda: admin.get("/admin/audit"), "sec-admin", "view", "access log", label="access log view")
    holder = {}
    one(lambda: holder.setdefault("id", make_import(ed, ctx, True)), "sec-editor", "import", pilot=PILOT, label="API import")
    one(lambda: ed.api("DELETE", "/api/v1/imports/%d" % holder["id"]), "sec-editor", "undo", pilot=PILOT, label="API undo")
    one(lambda: appr.post_form("/models/%s/entry/approval" % PILOT, {"period": "2022-T1", "action": "ready"}), "sec-approver", "ready",
        pilot=PILOT, label="period ready")
    one(lambda: appr.post_form("/models/%s/entry/approval" % PILOT, {"period": "2022-T1", "action": "lock"}), "sec-approver", "lock",
        pilot=PILOT, label="period lock")
    one(lambda: appr.post_form("/models/%s/entry/approval" % PILOT, {"period": "2022-T1", "action": "unlock", "reason": "rättelse"}),
        "sec-approver", "unlock", pilot=PILOT, label="period unlock")
    cycle = {"existing": "", "version": "", "id": "audit-cycle", "title": "Loggad cykel", "activity": "A6",
             "change_idea": "Tidsplan i varje utredning", "question": "Blir fler klara i tid?", "prediction": "Hälften",
             "start": "2022-02-01", "end": "2022-03-01", "observations": "Fler klara", "decision": "adapt", "next": "Fortsätt"}
    saved = {}
    one(lambda: saved.setdefault("r", ed.post_form("/models/%s/cycles" % PILOT, cycle)), "sec-editor", "pdsa", pilot=PILOT, label="PDSA cycle")
    check(saved["r"].status == 303, "the PDSA form for the log answered %s: %s" % (saved["r"].status, saved["r"].text[:300]))
    # Nothing over HTTP changes or removes an entry: no route takes it, every method on
    # the log's addresses is refused, and the log only grows.
    entries = audit()
    for method in ["POST", "PUT", "PATCH", "DELETE"]:
        for path in ["/admin/audit", "/admin/audit.csv", "/admin/audit/1", "/api/v1/audit", "/api/v1/audit/1", "/api/v1/access-log"]:
            r = admin.request(method, path, b"", {"X-CSRF-Token": admin.csrf})
            check(r.status in (403, 404, 405), "%s %s answered %s" % (method, path, r.status))
    after = audit()
    check([e for e in after if e["id"] <= entries[-1]["id"]] == entries, "an entry of the access log changed or went")
    # The database itself refuses (the triggers), as the application's own connection would.
    import sqlite3
    db = sqlite3.connect(DB)
    for sql in ["UPDATE access_log SET user = 'x' WHERE id = 1", "DELETE FROM access_log WHERE id = 1"]:
        try:
            db.execute(sql)
            db.commit()
            check(False, "the database let through: %s" % sql)
        except sqlite3.DatabaseError:
            db.rollback()
            check(True, "")
    db.close()


# --- main ----------------------------------------------------------------------------------

def setup():
    passwords = {role: "sakerhetstest-%s-%s" % (role, uuid.uuid4().hex[:8]) for role in
                 ["admin", "editor", "approver", "reader", "other", "other_editor", "victim", "victim2"]}
    names = {"admin": ("sec-admin", "admin", None), "editor": ("sec-editor", "editor", PILOT),
             "approver": ("sec-approver", "approver", PILOT), "reader": ("sec-reader", "reader", PILOT),
             "other": ("sec-other", "reader", OTHER), "other_editor": ("sec-other-editor", "editor", OTHER),
             "victim": ("sec-victim", "reader", PILOT), "victim2": ("sec-victim2", "reader", PILOT)}
    tokens = {}
    # Through the CLI, a few at a time (each is a bcrypt hash).
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        made = pool.map(lambda role: (role, add_user(names[role][0], names[role][1], names[role][2], passwords[role])), names)
        tokens = dict(made)
    server = Server(DB)
    try:
        return prepare(server, names, passwords, tokens)
    except BaseException:
        server.stop()   # no server left running when the setup fails
        raise


def prepare(server, names, passwords, tokens):
    """Sessions, reports, the other pilot's cycle and second version, the imports' ids."""
    clients = {role: Client(server, names[role][0], passwords[role], tokens[role]) for role in names}
    for role in ["admin", "editor", "approver", "reader", "other", "other_editor"]:
        clients[role].sign_in()
    ctx = {"server": server, "clients": clients, "passwords": passwords}
    admin = clients["admin"]
    # Reports to ask for: the pilot's public and internal tertial reports, the other pilot's brief.
    def report(pilot, kind, audience):
        r = admin.post_form("/models/%s/reports" % pilot, {"kind": kind, "language": "sv", "audience": audience, "period": ""})
        if r.status != 303:
            raise SystemExit("making a report of %s answered %s: %s" % (pilot, r.status, r.text[:300]))
        return int(r.header("Location").rstrip("/").split("/")[-1])
    ctx["report_public"] = report(PILOT, "tertial", "public")
    ctx["report_internal"] = report(PILOT, "tertial", "internal")
    ctx["report_other"] = report(OTHER, "steering", "public")
    # A cycle of the other pilot, and a second version of its model.
    cycle = open(os.path.join(ROOT, "Models", "pdsa", "familjerad-1.yaml"), encoding="utf-8").read()
    cycle = re.sub(r"(?m)^(measure|ramp):.*\n", "", cycle).replace("id: familjerad-1", "id: annan-pilots-cykel").replace(
        "model: " + PILOT, "model: " + OTHER).replace("activity: A8", "activity: A1")
    r = admin.api("POST", "/api/v1/models/%s/cycles" % OTHER, cycle, "application/yaml")
    if r.status != 201:
        raise SystemExit("adding the other pilot's cycle answered %s: %s" % (r.status, r.text[:300]))
    ctx["cycle_other"] = "annan-pilots-cykel"
    ctx["cycle"] = "tidsplan-2"
    other_yaml = open(os.path.join(ROOT, "Models", OTHER + ".yaml"), encoding="utf-8").read()
    ctx["other_yaml"] = other_yaml
    r = admin.api("POST", "/api/v1/models/%s/versions" % OTHER, other_yaml + "\n# version 2\n", "application/yaml")
    if r.status not in (200, 201):
        raise SystemExit("a second version of %s answered %s: %s" % (OTHER, r.status, r.text[:300]))
    imports = json.loads(cli("imports", "list", "--format", "json").stdout)
    ctx["pilot_imports"] = [i["id"] for i in imports if str(i.get("target", "")).startswith(("vallingbyteamet", "tidsplan", "forskole",
                            "familjerad-vid", "informationsbrev"))] or [4, 5, 6]
    ctx["pilot_import"] = ctx["pilot_imports"][0]
    ctx["other_import"] = next((i["id"] for i in imports if i.get("target") == OTHER), 1)
    return ctx


def main():
    started = time.time()
    ctx = setup()
    timings = []
    try:
        for name, fn in [("routes × roles", test_route_matrix), ("IDOR", test_idor), ("CSRF", test_csrf),
                         ("sessions", test_sessions), ("TLS", test_tls), ("brute force", test_brute_force),
                         ("XSS", test_xss), ("access log", test_access_log)]:
            only = os.environ.get("SECURITY_ONLY")
            if only and name not in only.split(","):
                continue
            t = time.time()
            before = checks[0], len(failures)
            try:
                fn(ctx)
            except Exception as e:  # a crash of one part is a failure, the others still run
                import traceback
                traceback.print_exc()
                check(False, "%s raised %r" % (name, e))
            timings.append("%s %.1f s" % (name, time.time() - t))
            print("security: %-15s %4d checks, %d failed (%.1f s)" % (name, checks[0] - before[0], len(failures) - before[1],
                                                                    time.time() - t), file=sys.stderr)
    finally:
        ctx["server"].stop()
    log = open(ctx["server"].log.name, encoding="utf-8").read()
    check(not any(p in log for p in ctx["passwords"].values()), "a password reached the server's log")
    check(not any(t in log for t in (c.token for c in ctx["clients"].values())), "a token reached the server's log")
    flood = ctx.get("flood")
    print("security: %d checks, %d failed, %.0f s%s" % (checks[0], len(failures), time.time() - started,
          "; sign-in flood: %d of %d turned away with 429 in %.1f s" % flood if flood else ""), file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
