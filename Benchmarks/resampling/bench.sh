#!/usr/bin/env bash
# Bootstrap (9,999 resamples, BCa and percentile) and permutation test (9,999
# rearrangements) of a pilot of N1 values against a line of N2 (default 200 and 2 000):
# piloteval's Statistics module (Bootstrap, PermutationTest; timed in-process by the
# release-built test `resamplingThroughput`, enabled only by PILOTEVAL_BENCH=1) against
# scipy.stats.bootstrap / permutation_test (vectorised; peer_resampling.py) on the same
# samples. Both time the computation only, not process start or reading. Best of 3.
#   Benchmarks/resampling/bench.sh [N1 N2]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$root/Benchmarks/lib.sh"
n1="${1:-200}" n2="${2:-2000}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
scratch="${BENCH_TEST_SCRATCH:-$root/.build/bench-testing}"
python3 "$here/generate.py" "$work/samples.csv" --n1 "$n1" --n2 "$n2"
cd "$root"
# -enable-testing: the other test targets use @testable import, which release builds refuse
# otherwise; a scratch path of its own keeps .build/release (the benchmarked CLI) as it is.
swift build -c release --build-tests -Xswiftc -enable-testing --scratch-path "$scratch" >/dev/null

field() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$2"; }
min3() { printf '%s\n' "$@" | sort -g | head -1; }
o1=() o2=() op=() p1=() p2=() pp=()
for _ in 1 2 3; do
    line=$(PILOTEVAL_BENCH=1 PILOTEVAL_BENCH_RESAMPLING="$work/samples.csv" swift test -c release -Xswiftc -enable-testing \
        --scratch-path "$scratch" --skip-build --filter resamplingThroughput 2>&1 | grep '^piloteval-resampling' || true)
    [ -n "$line" ] || { echo "the resampling benchmark test did not run" >&2; exit 1; }
    ours_line=$line
    o1+=("$(field one_sample_seconds "$line")") o2+=("$(field two_sample_seconds "$line")") op+=("$(field permutation_seconds "$line")")
    line=$(python3 "$here/peer_resampling.py" "$work/samples.csv")
    peer_line=$line
    p1+=("$(field one_sample_seconds "$line")") p2+=("$(field two_sample_seconds "$line")") pp+=("$(field permutation_seconds "$line")")
done
a=$(min3 "${o1[@]}") b=$(min3 "${p1[@]}"); printf '| bootstrap of the mean, BCa, 9 999 resamples, n = %s | %.3f | %.3f | %s | |\n' "$n1" "$a" "$b" "$(ratio "$a" "$b")"
a=$(min3 "${o2[@]}") b=$(min3 "${p2[@]}"); printf '| bootstrap of a difference of means, BCa, 9 999 resamples, %s + %s | %.3f | %.3f | %s | |\n' "$n1" "$n2" "$a" "$b" "$(ratio "$a" "$b")"
a=$(min3 "${op[@]}") b=$(min3 "${pp[@]}"); printf '| permutation test of a difference of means, 9 999 rearrangements, %s + %s | %.3f | %.3f | %s | |\n' "$n1" "$n2" "$a" "$b" "$(ratio "$a" "$b")"
echo "<!-- ours: ${ours_line#piloteval-resampling } -->"
echo "<!-- peer: ${peer_line#scipy-resampling } -->"
