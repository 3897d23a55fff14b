#!/usr/bin/env bash
# Second README command (and what .ci/run calls): install what is missing, build, then
# run every test: the notebooks (executed headlessly against the freshly built CLI and
# a demo database made for them in a temporary folder), the Swift test suite, and the
# web application's API and browser tests against a live server over that database.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
swift build --build-tests
scripts/notebook-env.sh

# Notebooks: committed without outputs, and every cell runs.
python3 scripts/check-notebooks.py
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cli="$PWD/.build/debug/piloteval"
echo "notebooks: running piloteval demo into $work/demo" >&2
env -u PILOTEVAL_DB "$cli" demo --out "$work/demo" > "$work/demo.txt"
PILOTEVAL_BIN="$cli" PILOTEVAL_DB="$work/demo/piloteval.db" \
    .venv/bin/python scripts/run-notebooks.py --out .build/notebooks

swift test --skip-build

# The web application against a live server over the same demo database (docs/web.md):
# the API (OpenAPI document valid, schemathesis, every read equal to the CLI's JSON)...
PILOTEVAL_BIN="$cli" PILOTEVAL_DB="$work/demo/piloteval.db" Tests/api/run.sh
# Printed length: the demo's steering brief, and a fuller synthetic one, are two pages
# from HTML (Chromium) and from DOCX (LibreOffice); every report prints.
PILOTEVAL_BIN="$cli" Tests/print/run.sh "$work/demo"
# The browser: every page in headless Chromium (Selenium), axe-core with zero violations,
# the main journeys by mouse and by keyboard; screenshots in .build/browser/.
PILOTEVAL_BIN="$cli" PILOTEVAL_DB="$work/demo/piloteval.db" Tests/browser/run.sh
# Security of a shared server: roles × every route, IDOR, CSRF, sessions, TLS, lockout, XSS, the access log (docs/web.md).
PILOTEVAL_BIN="$cli" PILOTEVAL_DB="$work/demo/piloteval.db" Tests/security/run.sh
# HTTPS: the server's own TLS and nginx with deploy/nginx/piloteval.conf, self-signed (docs/deployment.md)
PILOTEVAL_BIN="$cli" Tests/tls/run.sh
# Fault injection, bounded form (kill -9 during imports, concurrent writers, full disk): docs/reliability.md
Tests/faults/run.sh --quick
