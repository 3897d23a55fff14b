#!/usr/bin/env bash
# First README command: install what is missing, build, run the worked example.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product piloteval
.build/release/piloteval demo "$@"
