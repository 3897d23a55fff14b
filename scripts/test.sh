#!/usr/bin/env bash
# Second README command (and what .ci/run calls): install what is missing, build,
# run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
swift build --build-tests
swift test --skip-build
# Fault injection, bounded form (kill -9 during imports, concurrent writers, full disk): docs/reliability.md
Tests/faults/run.sh --quick
