#!/usr/bin/env bash
# CSV reader throughput against pandas.read_csv(sep=';', decimal=',') on the same
# generated file: a Swedish export of ROWS rows (default 1 000 000). Both sides parse
# every field and sum the decimal-comma column; each is run 3 times, best time kept.
# Usage: Benchmarks/csv/bench_csv.sh [ROWS]    (needs python3 with pandas)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rows="${1:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
file="$work/export.csv"

python3 "$here/generate.py" "$rows" "$file"
bytes=$(stat -c %s "$file")
echo "file: $rows rows, $bytes bytes"

cd "$root"
# -enable-testing: other test targets use @testable import, which release builds refuse otherwise;
# a scratch path of its own keeps .build/release (the benchmarked CLI) as it is.
scratch="${BENCH_TEST_SCRATCH:-$root/.build/bench-testing}"
swift build -c release --build-tests -Xswiftc -enable-testing --scratch-path "$scratch" >/dev/null
best_ours=""
for _ in 1 2 3; do
    line=$(PILOTEVAL_BENCH=1 PILOTEVAL_BENCH_CSV="$file" swift test -c release -Xswiftc -enable-testing --scratch-path "$scratch" --skip-build \
        --filter csvThroughput 2>&1 | grep '^piloteval-csv' || true)
    [ -n "$line" ] || { echo "benchmark test did not run" >&2; exit 1; }
    s=$(sed -E 's/.* seconds=([0-9.e-]+).*/\1/' <<<"$line")
    echo "ours:   $line"
    if [ -z "$best_ours" ] || awk "BEGIN{exit !($s < $best_ours)}"; then best_ours=$s; fi
done
best_pandas=""
for _ in 1 2 3; do
    line=$(python3 "$here/pandas_read.py" "$file")
    s=$(sed -E 's/.* seconds=([0-9.e-]+).*/\1/' <<<"$line")
    echo "peer:   $line"
    if [ -z "$best_pandas" ] || awk "BEGIN{exit !($s < $best_pandas)}"; then best_pandas=$s; fi
done
awk -v b="$bytes" -v r="$rows" -v o="$best_ours" -v p="$best_pandas" 'BEGIN {
    printf "piloteval: %.3f s, %.1f MB/s, %.0f rows/s\n", o, b / 1e6 / o, r / o
    printf "pandas:    %.3f s, %.1f MB/s, %.0f rows/s\n", p, b / 1e6 / p, r / p
    printf "ratio (pandas time / piloteval time): %.2f\n", p / o
}'
