#!/usr/bin/env bash
# Browser tests of the web application (issue 22, DESIGN §8): headless Chromium through
# Selenium drives `piloteval serve` on a free port — 401 without the link, every page in
# Swedish and English, axe-core (zero violations), one h1, <html lang>, screenshots in
# .build/browser/, the journeys by mouse and by keyboard alone, nothing from another
# origin, no console errors. Fully offline once the environment exists.
#
#   Tests/browser/run.sh [PILOTEVAL_BIN [PILOTEVAL_DB]]
#
# Builds nothing. The CLI comes from the first argument, else $PILOTEVAL_BIN, else
# .build/debug/piloteval; the database from the second argument, else $PILOTEVAL_DB,
# else a fresh `piloteval demo --out TMP` (its TMP/piloteval.db). Needs Debian's
# chromium and chromium-driver (scripts/install-deps.sh --test) and a Python with venv;
# the Python environment is .venv-browser/ (Tests/browser/requirements.txt, installed
# only when missing). Python 3.12 or later is preferred: axe-selenium-python 3 (with
# axe-core 4.10) needs it; on 3.11 the older release (axe-core 3.1) is what pip offers.
# The test makes one report (the steering brief) through the reports form: it is stored
# in the database under test.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

bin="${1:-${PILOTEVAL_BIN:-.build/debug/piloteval}}"
db="${2:-${PILOTEVAL_DB:-}}"
venv="$root/.venv-browser"
requirements="$root/Tests/browser/requirements.txt"

if [[ ! -x "$bin" ]]; then
    echo "error: no piloteval at $bin (build it first: swift build, or set PILOTEVAL_BIN)" >&2
    exit 2
fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
for tool in /usr/bin/chromium /usr/bin/chromedriver; do
    if [[ ! -x "$tool" ]]; then
        echo "error: $tool is missing (scripts/install-deps.sh --test installs chromium and chromium-driver)" >&2
        exit 2
    fi
done

# The Python environment: the newest Python 3.12+ to be found, else python3.
pick_python() {
    local candidate
    if [[ -n "${PILOTEVAL_BROWSER_PYTHON:-}" ]]; then echo "$PILOTEVAL_BROWSER_PYTHON"; return; fi
    for candidate in python3.14 python3.13 python3.12; do
        if command -v "$candidate" >/dev/null && "$candidate" -c 'import venv' >/dev/null 2>&1; then
            echo "$candidate"; return
        fi
    done
    if command -v pyenv >/dev/null; then
        for candidate in $(ls -d "$(pyenv root)"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do
            if "$candidate" -c 'import venv' >/dev/null 2>&1; then echo "$candidate"; return; fi
        done
    fi
    echo python3
}
if [[ ! -x "$venv/bin/python" ]]; then
    python="$(pick_python)"
    echo "browser tests: creating $venv with $("$python" --version 2>&1)" >&2
    "$python" -m venv "$venv"
fi
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$requirements" | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    echo "browser tests: installing $requirements" >&2
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" >&2
    echo "$want" > "$stamp"
fi

work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        sleep 1
        kill -KILL "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

if [[ -z "$db" ]]; then
    echo "browser tests: piloteval demo --out $work/demo" >&2
    "$bin" demo --out "$work/demo" > "$work/demo.log" 2>&1 || { cat "$work/demo.log" >&2; exit 1; }
    db="$work/demo/piloteval.db"
fi
if [[ ! -f "$db" ]]; then
    echo "error: no database at $db" >&2
    exit 2
fi

# A second version of the pilot's logic model (goal G2 retitled), so that journey (e)
# can compare two versions; added once.
versions=$("$bin" model list --db "$db" --format json | python3 -c 'import json, sys
print(next((m["version_count"] for m in json.load(sys.stdin) if m["id"] == "vallingbyteamet"), 0))')
if [[ "$versions" == "1" ]]; then
    sed 's/title: Familjer har tillit till att socialtjänsten arbetar för barnets bästa$/title: Familjer har tillit till att socialtjänsten arbetar för barns bästa/' \
        "$root/Models/vallingbyteamet.yaml" > "$work/vallingbyteamet.yaml"
    "$bin" model add "$work/vallingbyteamet.yaml" --db "$db" > /dev/null
fi

# Starts `piloteval serve` on the database $2 on a free port: its first line on stdout
# is the link (DESIGN §8), left in $line; stdout is drained into $work/$1.out, stderr
# kept in $work/$1.log; $server_pid and $drain_pid are set.
start_server() {
    local name="$1" database="$2" fd
    mkfifo "$work/$name.fifo"
    "$bin" serve --db "$database" --host 127.0.0.1 --port 0 > "$work/$name.fifo" 2> "$work/$name.log" &
    server_pid=$!
    exec {fd}< "$work/$name.fifo"
    if ! IFS= read -r -t 30 line <&"$fd"; then
        echo "error: piloteval serve ($name) printed no first line within 30 s" >&2
        cat "$work/$name.log" >&2
        exit 1
    fi
    # Keep draining stdout so the server never blocks on a full pipe.
    cat <&"$fd" > "$work/$name.out" &
    drain_pid=$!
}

start_server serve "$db"
link=""
case "$line" in
    "piloteval serve: http://"*"?token="*) link="${line#piloteval serve: }" ;;
    *) echo "error: unexpected first line from piloteval serve: $line" >&2; exit 1 ;;
esac
echo "browser tests: $line" | sed 's/token=.*/token=…/' >&2

status=0
PILOTEVAL_LINK="$link" PILOTEVAL_DB="$db" PILOTEVAL_BIN="$bin" \
    "$venv/bin/python" "$root/Tests/browser/test_web.py" || status=$?

# Stop the server: SIGTERM must end it cleanly (exit 0) within a few seconds.
kill -TERM "$server_pid"
exit_code=""
for _ in $(seq 1 50); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
        wait "$server_pid" && exit_code=0 || exit_code=$?
        break
    fi
    sleep 0.1
done
wait "$drain_pid" 2>/dev/null || true
if [[ -z "$exit_code" ]]; then
    echo "FAIL: piloteval serve still running 5 s after SIGTERM" >&2
    kill -KILL "$server_pid" 2>/dev/null || true
    status=1
elif [[ "$exit_code" != 0 ]]; then
    echo "FAIL: piloteval serve exited $exit_code after SIGTERM (expected 0)" >&2
    tail -20 "$work/serve.log" >&2
    status=1
else
    echo "ok: piloteval serve exited 0 after SIGTERM" >&2
fi
server_pid=""
if grep -q 'token=' "$work/serve.log"; then
    echo "FAIL: the server's log holds a token (query strings must stay out of the request log)" >&2
    status=1
fi

# A shared server (issue 24): a copy of the same database with three accounts, made
# through the CLI as an IT department would, then signing in, roles and the access log.
cp "$db" "$work/accounts.db"
[[ -f "$db-wal" ]] && cp "$db-wal" "$work/accounts.db-wal"
reader_password="styrgruppens-webbtest-$(date +%s)"
admin_password="$(printf '' | "$bin" users add it-forvaltningen --role admin --db "$work/accounts.db" | sed -n 's/^password (shown once): //p')"
printf '%s\n' "$reader_password" | "$bin" users add styrgruppen --role reader --pilot vallingbyteamet --db "$work/accounts.db" > /dev/null
start_server serve2 "$work/accounts.db"
PILOTEVAL_LINK="${line#piloteval serve: }" PILOTEVAL_READER_PASSWORD="$reader_password" PILOTEVAL_ADMIN_PASSWORD="$admin_password" \
    "$venv/bin/python" "$root/Tests/browser/test_accounts.py" || status=$?
kill -TERM "$server_pid"
wait "$server_pid" || true
wait "$drain_pid" 2>/dev/null || true
server_pid=""
if grep -q -e "$reader_password" -e "$admin_password" "$work/serve2.log"; then
    echo "FAIL: a password reached the server's log" >&2
    status=1
fi
exit "$status"
