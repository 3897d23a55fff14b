#!/usr/bin/env bash
# First README command: install what is missing, build, set up the notebooks'
# environment, run the worked example. Arguments go to `piloteval demo`
# (e.g. --out DIR; default ./piloteval-demo).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product piloteval
scripts/notebook-env.sh
.build/release/piloteval demo "$@"
