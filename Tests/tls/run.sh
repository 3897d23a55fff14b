#!/usr/bin/env bash
# HTTPS tests (issue 24, docs/deployment.md "TLS"): `piloteval serve --tls-cert/--tls-key`
# and nginx with deploy/nginx/piloteval.conf in front of `serve --public-url`, both with a
# self-signed certificate made for the run. Python standard library, openssl and nginx
# (Debian's; scripts/install-deps.sh --test); loopback only; about 10 s.
#
#   Tests/tls/run.sh [PILOTEVAL_BIN]
#
# Builds nothing: the CLI is the argument, else $PILOTEVAL_BIN, else .build/debug/piloteval.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
bin="${1:-${PILOTEVAL_BIN:-.build/debug/piloteval}}"
if [[ ! -x "$bin" ]]; then
    echo "error: no piloteval at $bin (build it first: swift build, or set PILOTEVAL_BIN)" >&2
    exit 2
fi
nginx="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"
for tool in openssl python3 "$nginx"; do
    command -v "$tool" >/dev/null || { echo "error: $tool is missing (scripts/install-deps.sh --test)" >&2; exit 2; }
done
PILOTEVAL_BIN="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")" NGINX="$nginx" \
    exec python3 "$root/Tests/tls/test_tls.py"
