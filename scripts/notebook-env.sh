#!/usr/bin/env bash
# The notebooks' Python environment: .venv/ (gitignored) with the pinned packages of
# Notebooks/requirements.txt. Idempotent: installs only when the file changed since the
# last install (its hash is kept in .venv/.requirements.sha256). Needs python3 with
# venv (Debian: python3-venv, which scripts/install-deps.sh installs) and PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
requirements=Notebooks/requirements.txt
stamp=.venv/.requirements.sha256
wanted=$(sha256sum "$requirements" | cut -d' ' -f1)

if [[ ! -x .venv/bin/python ]]; then
    echo "creating .venv/ (the notebooks' Python environment)" >&2
    python3 -m venv --clear .venv
fi
if [[ "$(cat "$stamp" 2>/dev/null || true)" != "$wanted" ]]; then
    echo "installing the notebooks' Python packages into .venv/ ($requirements; a few minutes the first time)" >&2
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements" >&2
    echo "$wanted" > "$stamp"
fi
