#!/bin/sh
# The differencing attack of Tests/ReportsTests/DisclosureDifferencingTests.swift on many
# more random small-cell extracts than the test command runs (4 seeds × ROUNDS extracts,
# each attacked in both cohorts, with the over-hiding check). Usage:
#   Benchmarks/disclosure/run.sh [ROUNDS]     (default 50: 200 extracts)
set -eu
cd "$(dirname "$0")/../.."
PILOTEVAL_DISCLOSURE_ROUNDS="${1:-50}" swift test -c release --filter DisclosureDifferencingTests
