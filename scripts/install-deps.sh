#!/usr/bin/env bash
# Installs the Debian packages piloteval needs, only those that are missing.
# Idempotent: a second run installs nothing. Needs root (or sudo) for apt-get.
set -euo pipefail

# zlib: DOCX reports are ZIP files (ZIPFoundation links the system zlib on Linux).
# python3-venv: the notebooks' environment (.venv/, scripts/notebook-env.sh), which the
# demo sets up and the tests run the notebooks in.
# librsvg2-bin: rsvg-convert gives each DOCX figure its PNG copy beside the SVG (Word
# before 2016 and other readers show only the PNG); the .deb depends on it too.
packages=(pkg-config libgsl-dev libsqlite3-dev sqlite3 zlib1g-dev python3 python3-venv curl librsvg2-bin)
if [[ "${1:-}" == "--test" ]]; then
    # Tests render the logic-model DOT through graphviz when it is there.
    packages+=(graphviz)
    # The browser tests (Tests/browser/run.sh) drive headless Chromium through Selenium.
    packages+=(chromium chromium-driver)
    # The print check (Tests/print/run.sh) converts the demo's DOCX reports with LibreOffice.
    packages+=(libreoffice-writer-nogui)
    # ...and measures how full each printed page is (pdftoppm, pdftotext).
    packages+=(poppler-utils)
    # The print check measures pages in the fonts a steering group prints with: the
    # reports ask for Arial (after Segoe UI and Helvetica Neue), and Liberation Sans has
    # Arial's metrics. Without it Chromium falls back to DejaVu Sans, a tenth wider, and
    # page counts depend on whatever fonts the machine happens to have.
    packages+=(fonts-liberation2)
    # The HTTPS tests (Tests/tls/run.sh) run nginx with deploy/nginx/piloteval.conf and make a
    # self-signed certificate with openssl. (Debian's nginx package starts its own service
    # on port 80 when installed; the test runs a separate nginx under a temporary prefix.)
    packages+=(nginx openssl)
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
