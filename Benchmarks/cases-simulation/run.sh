#!/usr/bin/env bash
# Large simulation of the cohort-comparison designs (issue 6): rejection rates under
# no effect and under a planted effect, on clustered synthetic data (7 areas, one
# treated, area effects and area × year shocks). The test suite runs a small
# fixed-seed version (CohortComparisonTests); this runs many seeds in release mode.
#
#   Benchmarks/cases-simulation/run.sh [SEEDS]      (default 1000)
#
# Writes Benchmarks/cases-simulation/results.md (not committed).
set -euo pipefail
cd "$(dirname "$0")/../.."
SEEDS="${1:-1000}"
swift build -c release --build-tests
PILOTEVAL_SIMULATION_SEEDS="$SEEDS" PILOTEVAL_SIMULATION_OUT="$PWD/Benchmarks/cases-simulation/results.md" \
  swift test -c release --skip-build --filter CohortSimulation
cat Benchmarks/cases-simulation/results.md
