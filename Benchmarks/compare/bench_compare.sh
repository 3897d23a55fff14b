#!/usr/bin/env bash
# `piloteval compare` end to end (process start, CSV read, every test, JSON out)
# against pandas read_csv + the same scipy tests, on the same generated file of ROWS
# rows (default 1 000 000), continuous and binary, plain and Swedish CSV. Each side is
# run 3 times and its best time kept; the ratio is peer time / piloteval time (> 1
# means piloteval is faster). Prints a Markdown table.
# Usage: Benchmarks/compare/bench_compare.sh [ROWS]   (python3 with pandas, scipy, statsmodels)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rows="${1:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$root" && swift build -c release --product piloteval >/dev/null)
bin="$root/.build/release/piloteval"

best() {  # best of 3 wall-clock seconds of a command
    local b=""
    for _ in 1 2 3; do
        local s0 s1 t
        s0=$(date +%s.%N); "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }; s1=$(date +%s.%N)
        t=$(awk -v a="$s0" -v b="$s1" 'BEGIN{printf "%.3f", b - a}')
        if [ -z "$b" ] || awk "BEGIN{exit !($t < $b)}"; then b=$t; fi
    done
    echo "$b"
}

echo "| file | outcome | piloteval (s) | pandas + scipy (s) | ratio |"
echo "|---|---|---:|---:|---:|"
for dialect in plain swedish; do
    flag=""; [ "$dialect" = swedish ] && flag="--swedish"
    file="$work/$dialect.csv"
    python3 "$here/generate.py" "$rows" "$file" $flag
    for kind in continuous binary; do
        outcome=days; [ "$kind" = binary ] && outcome=re_referral
        ours=$(best "$bin" compare "$file" --group cohort --pilot vallingbyteamet --outcome "$outcome" --kind "$kind" --format json)
        cp "$work/out" "$work/ours-$dialect-$kind.json"
        peer=$(best python3 "$here/peer_compare.py" "$file" "$kind" $flag)
        echo "<!-- peer: $(cat "$work/out") -->"
        echo "<!-- ours: $(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("diff", d["difference"]["estimate"])' "$work/ours-$dialect-$kind.json") -->"
        ratio=$(awk -v o="$ours" -v p="$peer" 'BEGIN{printf "%.2f", p / o}')
        echo "| $dialect ($(stat -c %s "$file" | awk '{printf "%.0f MB", $1/1e6}')) | $kind | $ours | $peer | $ratio |"
    done
done
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m); $(swift --version 2>&1 | head -1); python $(python3 -c 'import sys,pandas,scipy;print(sys.version.split()[0], "pandas", pandas.__version__, "scipy", scipy.__version__)')"
