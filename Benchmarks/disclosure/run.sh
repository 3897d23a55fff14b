#!/bin/sh
# The disclosure attacks of the test command on many more random small-cell data:
# - Tests/ReportsTests/DisclosureDifferencingTests.swift: 4 seeds × ROUNDS case
#   extracts, each attacked in both cohorts, with the over-hiding check;
# - Tests/ReportsTests/WholeDocumentDisclosureTests.swift: DOCUMENTS random extracts
#   and surveys, every report kind in both audiences, the public one written as HTML,
#   DOCX and Markdown and read back.
# Usage:
#   Benchmarks/disclosure/run.sh [ROUNDS [DOCUMENTS]]   (default 50 and 20)
set -eu
cd "$(dirname "$0")/../.."
PILOTEVAL_DISCLOSURE_ROUNDS="${1:-50}" PILOTEVAL_DISCLOSURE_DOCUMENTS="${2:-20}" \
    swift test -c release --filter 'DisclosureDifferencingTests|WholeDocumentDisclosureTests'
