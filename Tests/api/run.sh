#!/usr/bin/env bash
# The JSON API against docs/openapi.json and against the CLI (see Tests/api/test_api.py).
#   PILOTEVAL_BIN  the binary (default .build/debug/piloteval; build it first)
#   PILOTEVAL_DB   a database to serve (default: a fresh `piloteval demo`)
# The tools (schemathesis, openapi-spec-validator, pinned in requirements.txt) live in
# .venv-api/, made on the first run and remade only when requirements.txt changes.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-api
requirements=Tests/api/requirements.txt
if ! cmp -s "$requirements" "$venv/requirements.installed" 2>/dev/null; then
    echo "Tests/api: installing $(tr '\n' ' ' < "$requirements")into $venv/" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
    cp "$requirements" "$venv/requirements.installed"
fi
export PILOTEVAL_BIN="${PILOTEVAL_BIN:-.build/debug/piloteval}"
exec "$venv/bin/python" Tests/api/test_api.py
