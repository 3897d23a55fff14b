#!/usr/bin/env bash
# Security tests of a shared server (issue 24): Tests/security/test_security.py drives
# `piloteval serve` over loopback on a copy of a demo database, with accounts made
# through the CLI — every role against every page, API route and download (enumerated
# from the router and the OpenAPI document), IDOR with another pilot's ids, CSRF,
# session fixation, cookie flags (and Secure + HSTS over HTTPS with a self-signed
# certificate), brute-force lockout and the sign-in flood's 429, XSS through every field
# a user types (pages, API, reports), and the access log: one entry per audited action,
# none changeable over HTTP. Python 3 standard library only; openssl for the certificate.
#
#   Tests/security/run.sh [PILOTEVAL_BIN [PILOTEVAL_DB]]
#
# Builds nothing. The CLI comes from the first argument, else $PILOTEVAL_BIN, else
# .build/debug/piloteval; the database from the second argument, else $PILOTEVAL_DB,
# else a fresh `piloteval demo --out TMP`. The database given is never written: the
# tests work on a copy.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

bin="${1:-${PILOTEVAL_BIN:-.build/debug/piloteval}}"
db="${2:-${PILOTEVAL_DB:-}}"
if [[ ! -x "$bin" ]]; then
    echo "error: no piloteval at $bin (build it first: swift build, or set PILOTEVAL_BIN)" >&2
    exit 2
fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
command -v openssl >/dev/null || { echo "error: openssl is missing (for the test's self-signed certificate)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ -z "$db" ]]; then
    echo "security tests: piloteval demo --out $work/demo" >&2
    env -u PILOTEVAL_DB "$bin" demo --out "$work/demo" > "$work/demo.log" 2>&1 || { cat "$work/demo.log" >&2; exit 1; }
    db="$work/demo/piloteval.db"
fi
if [[ ! -f "$db" ]]; then
    echo "error: no database at $db" >&2
    exit 2
fi
cp "$db" "$work/security.db"
if [[ -f "$db-wal" ]]; then cp "$db-wal" "$work/security.db-wal"; fi
chmod 600 "$work/security.db"

PILOTEVAL_BIN="$bin" SECURITY_DB="$work/security.db" SECURITY_WORK="$work" SECURITY_ROOT="$root" \
    python3 "$root/Tests/security/test_security.py"
