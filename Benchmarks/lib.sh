# Shared helpers for the benchmark scripts (sourced, not run).
#   best N CMD...   runs CMD N times; prints "SECONDS PEAK_KB CPU_SECONDS" (best wall
#                   time, largest peak resident set, user + system CPU of the run with
#                   the best wall time; child processes included), stdout of the last
#                   run in $BENCH_OUT, stderr in $BENCH_ERR.
#   ratio A B       B / A with two decimals.
#   machine         one line: cores, memory, CPU, OS, toolchain, python stack.
#   large_evaluation BIN DIR DB
#                   the large evaluation (Benchmarks/report/generate.py: 100 indicators
#                   × 20 tertials, 10 survey waves) generated into DIR and stored in DB.
BENCH_OUT="${BENCH_OUT:-$(mktemp)}"
BENCH_ERR="${BENCH_ERR:-$(mktemp)}"

best() {
    local n="$1"; shift
    local b="" peak=0 cpu="" t kb u s
    local tf; tf="$(mktemp)"
    for _ in $(seq 1 "$n"); do
        if ! /usr/bin/time -f "%e %M %U %S" -o "$tf" "$@" >"$BENCH_OUT" 2>"$BENCH_ERR"; then
            echo "benchmark command failed: $*" >&2; cat "$BENCH_ERR" >&2; rm -f "$tf"; return 1
        fi
        read -r t kb u s < <(tail -1 "$tf")
        if [ -z "$b" ] || awk "BEGIN{exit !($t < $b)}"; then b=$t; cpu=$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u + s}'); fi
        [ "$kb" -gt "$peak" ] && peak=$kb
    done
    rm -f "$tf"
    echo "$b $peak $cpu"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (a > 0) printf "%.2f", b / a; else print "n/a" }'; }

mb() { awk -v k="$1" 'BEGIN{printf "%.0f", k / 1024}'; }

machine() {
    local cpu; cpu=$(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)
    echo "$(nproc) cores ($cpu), $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

versions() {
    echo "$(swift --version 2>&1 | head -1 | sed 's/^.*Swift version/Swift/'); sqlite3 $(sqlite3 --version | cut -d' ' -f1); $(python3 -c 'import sys, numpy, pandas, scipy; print("Python", sys.version.split()[0] + ", numpy", numpy.__version__ + ", pandas", pandas.__version__ + ", scipy", scipy.__version__)')"
}

large_evaluation() {
    local bin="$1" dir="$2" db="$3" root f w instrument
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    python3 "$root/Benchmarks/report/generate.py" "$dir" --indicators "${INDICATORS:-100}" --waves 10 >/dev/null
    "$bin" model add "$dir/model.yaml" --db "$db" >/dev/null 2>&1
    "$bin" indicators import "$dir/indicators.csv" --model benchmark-large --db "$db" >/dev/null 2>&1
    instrument="$root/Models/instruments/vallingbyteamet-readiness.yaml"
    for f in "$dir"/readiness-*.csv; do
        w=$(basename "$f" .csv); w=${w#readiness-}
        "$bin" readiness import "$f" --instrument "$instrument" --wave "$w" --db "$db" 2>/dev/null
        instrument=vallingbyteamet-readiness
    done
}
