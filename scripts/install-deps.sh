#!/usr/bin/env bash
# Installs the Debian packages piloteval needs, only those that are missing.
# Idempotent: a second run installs nothing. Needs root (or sudo) for apt-get.
set -euo pipefail

# zlib: DOCX reports are ZIP files (ZIPFoundation links the system zlib on Linux).
packages=(pkg-config libgsl-dev libsqlite3-dev sqlite3 zlib1g-dev)
if [[ "${1:-}" == "--test" ]]; then
    # Tests render the logic-model DOT through graphviz when it is there; the
    # notebooks and fixture scripts need Python environments.
    packages+=(graphviz python3-venv)
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if (( ${#missing[@]} > 0 )); then
    echo "installing: ${missing[*]}" >&2
    SUDO=""
    if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

if ! command -v swift >/dev/null; then
    echo "error: the Swift toolchain (6.0 or later) is not on PATH; install it from swift.org first" >&2
    exit 1
fi
