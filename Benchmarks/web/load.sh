#!/usr/bin/env bash
# A shared server under load (issue 24): `piloteval serve` with accounts over a copy of
# the demo database, 50 concurrent readers (pages, API, a report download; sessions of
# five reader accounts) and 5 editors (each saving the entry form for a period of its
# own, and adding PDSA cycles through the API with the session's CSRF header) for 60 s,
# loopback only. Fails on any error answer, a save lost or stored twice, or a failed
# `PRAGMA integrity_check`; prints p50/p95/max per route (Benchmarks/web/load.py).
#
#   Benchmarks/web/load.sh [SECONDS [READERS [EDITORS]]]     (default 60 50 5)
#
# The CLI is $PILOTEVAL_BIN, else a release build (swift build -c release); the database
# $PILOTEVAL_DB, else a fresh `piloteval demo`. The database given is never written.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$root/Benchmarks/lib.sh"
seconds="${1:-60}"; readers="${2:-50}"; editors="${3:-5}"
work="$(mktemp -d)"
server=""
cleanup() {
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -TERM "$server"; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

bin="${PILOTEVAL_BIN:-}"
if [ -z "$bin" ]; then (cd "$root" && swift build -c release --product piloteval >/dev/null); bin="$root/.build/release/piloteval"; fi
db="${PILOTEVAL_DB:-}"
if [ -z "$db" ]; then
    env -u PILOTEVAL_DB "$bin" demo --out "$work/demo" > "$work/demo.log" 2>&1 || { cat "$work/demo.log" >&2; exit 1; }
    db="$work/demo/piloteval.db"
fi
cp "$db" "$work/load.db"
[ -f "$db-wal" ] && cp "$db-wal" "$work/load.db-wal"
db="$work/load.db"

# Accounts through the CLI: five readers and the editors of the pilot, an admin.
passwords="$work/passwords.json"
python3 - "$bin" "$db" "$editors" > "$passwords" <<'PY'
import json, subprocess, sys, uuid
bin, db, editors = sys.argv[1], sys.argv[2], int(sys.argv[3])
def add(name, role, pilot):
    pw = "belastning-%s" % uuid.uuid4().hex[:12]
    subprocess.run([bin, "users", "add", name, "--role", role] + (["--pilot", pilot] if pilot else []) + ["--db", db],
                   input=pw + "\n", text=True, check=True, capture_output=True)
    return [name, pw]
print(json.dumps({"readers": [add("last-lasare-%d" % i, "reader", "vallingbyteamet") for i in range(5)],
                  "editors": [add("last-redaktor-%d" % i, "editor", "vallingbyteamet") for i in range(editors)],
                  "admin": add("last-admin", "admin", None)}))
PY

"$bin" serve --db "$db" --host 127.0.0.1 --port 0 > "$work/serve.out" 2> "$work/serve.err" &
server=$!
for _ in $(seq 300); do [ -s "$work/serve.out" ] && break; sleep 0.1; done
base=$(head -1 "$work/serve.out" | sed 's/^piloteval serve: //; s#/$##')
[ -n "$base" ] || { echo "piloteval serve printed no link" >&2; cat "$work/serve.err" >&2; exit 1; }

# A public report to download (made by the admin through the reports form).
report=$(python3 - "$base" "$passwords" <<'PY'
import http.client, json, re, sys, urllib.parse
base, pw = sys.argv[1], json.load(open(sys.argv[2]))["admin"]
u = urllib.parse.urlsplit(base)
def req(method, path, body=None, headers={}):
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=600)
    c.request(method, path, body, headers); r = c.getresponse(); return r.status, dict(r.getheaders()), r.read()
form = {"Content-Type": "application/x-www-form-urlencoded"}
_, h, _ = req("POST", "/login", urllib.parse.urlencode({"username": pw[0], "password": pw[1]}), form)
cookie = h["Set-Cookie"].split(";")[0]
csrf = re.search(r'name="_csrf" value="([0-9a-f]+)"', req("GET", "/logout", None, {"Cookie": cookie})[2].decode()).group(1)
s, h, _ = req("POST", "/models/vallingbyteamet/reports", urllib.parse.urlencode(
    {"_csrf": csrf, "kind": "tertial", "language": "sv", "audience": "public", "period": ""}), dict(form, Cookie=cookie))
print(h["Location"].rstrip("/").split("/")[-1])
PY
)

echo "load: $readers readers, $editors editors, ${seconds} s against $bin ($(machine))" >&2
status=0
PILOTEVAL_BIN="$bin" LOAD_DB="$db" LOAD_BASE="$base" LOAD_SECONDS="$seconds" LOAD_READERS="$readers" LOAD_EDITORS="$editors" \
    LOAD_PASSWORDS="$(cat "$passwords")" LOAD_REPORT="$report" python3 "$here/load.py" || status=$?
rss=$(awk '/VmRSS/{print $2}' "/proc/$server/status" 2>/dev/null || echo 0)
kill -TERM "$server"; wait "$server" 2>/dev/null || true; server=""
# Counted again with the server stopped (the WAL checkpointed).
integrity=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$db")
echo "server resident memory at the end: $(mb "$rss") MB; integrity_check after stopping: $integrity" >&2
[ "$integrity" = ok ] || status=1
if grep -q -i -e "error" "$work/serve.err"; then
    echo "the server logged errors:" >&2; grep -i "error" "$work/serve.err" | head -5 >&2
fi
exit "$status"
