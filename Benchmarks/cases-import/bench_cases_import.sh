#!/usr/bin/env bash
# `piloteval cases import` against the sqlite3 shell's `.import --csv` of the same file
# into a plain table, in the same run. For each size: a synthetic extract (plain CSV,
# with a personnummer column) from `piloteval synth cases`, then, three times each,
# alternating: piloteval into a fresh database (model stored first, not timed) with a
# key file, and sqlite3 into a fresh database. Best wall time of three; peak memory
# (maximum resident set size) from /usr/bin/time -v. Files live in a temporary folder
# that is removed at the end.
# Usage: Benchmarks/cases-import/bench_cases_import.sh [CASES...]   (default: 100000 1000000)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 shell (apt-get install sqlite3)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
swift build -c release --product piloteval >/dev/null
B="$root/.build/release/piloteval"
"$B" key create "$work/bench.key" 2>/dev/null

# Prints "seconds peak_rss_kb peak_anon_kb cpu_seconds" of a command: wall time,
# maximum resident set size and user + system CPU time from /usr/bin/time -v; the peak
# of RssAnon (heap and stacks, not the memory-mapped file) sampled from /proc every
# 20 ms while it runs. CPU time is the steadier figure on a shared machine.
measure() {
    local log="$work/time.log"
    /usr/bin/time -v "$@" >/dev/null 2>"$log" &
    local tpid=$! anon=0 a cpid
    while kill -0 "$tpid" 2>/dev/null; do
        cpid=$(pgrep -P "$tpid" | head -1 || true)
        if [ -n "$cpid" ]; then
            a=$(awk '/^RssAnon/ { print $2 }' "/proc/$cpid/status" 2>/dev/null || true)
            [ -n "$a" ] && [ "$a" -gt "$anon" ] && anon=$a
        fi
        sleep 0.02
    done
    wait "$tpid" || { cat "$log" >&2; exit 1; }
    local wall kb user sys
    wall=$(grep 'Elapsed (wall clock)' "$log" | sed -E 's/.*: //')
    kb=$(grep 'Maximum resident set size' "$log" | sed -E 's/.*: //')
    user=$(grep 'User time' "$log" | sed -E 's/.*: //')
    sys=$(grep 'System time' "$log" | sed -E 's/.*: //')
    # h:mm:ss or m:ss.ss → seconds
    awk -v t="$wall" -v kb="$kb" -v anon="$anon" -v u="$user" -v y="$sys" 'BEGIN { n = split(t, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f %d %d %.2f\n", s, kb, anon, u + y }'
}

printf "%-9s %7s %9s %8s %6s %7s %7s %9s %9s %9s %9s %9s\n" cases file_MB piloteval sqlite3 ratio pe_cpu sq_cpu cpu_ratio pe_rss_MB pe_anon_MB sq_rss_MB sq_anon_MB
for n in "${sizes[@]}"; do
    csv="$work/cases-$n.csv"
    "$B" synth cases --seed 1 --cases "$n" --identity --dialect plain --out "$csv" 2>/dev/null
    mb=$(awk -v b="$(stat -c %s "$csv")" 'BEGIN { printf "%.0f", b / 1e6 }')
    best_pe=""; best_sq=""; peak_pe=0; peak_sq=0; anon_pe=0; anon_sq=0; cpu_pe=""; cpu_sq=""
    for _ in 1 2 3; do
        rm -f "$work"/pe.db*; rm -f "$work"/sq.db*
        "$B" model add "$root/Models/vallingbyteamet.yaml" --db "$work/pe.db" >/dev/null 2>&1
        read -r s kb an c < <(measure "$B" cases import "$csv" --model vallingbyteamet --key-file "$work/bench.key" \
            --extract-date 2022-12-31 --db "$work/pe.db")
        if [ -z "$best_pe" ] || awk "BEGIN{exit !($s < $best_pe)}"; then best_pe=$s; fi
        if [ -z "$cpu_pe" ] || awk "BEGIN{exit !($c < $cpu_pe)}"; then cpu_pe=$c; fi
        [ "$kb" -gt "$peak_pe" ] && peak_pe=$kb
        [ "$an" -gt "$anon_pe" ] && anon_pe=$an
        read -r s kb an c < <(measure sqlite3 "$work/sq.db" ".import --csv $csv cases")
        if [ -z "$best_sq" ] || awk "BEGIN{exit !($s < $best_sq)}"; then best_sq=$s; fi
        if [ -z "$cpu_sq" ] || awk "BEGIN{exit !($c < $cpu_sq)}"; then cpu_sq=$c; fi
        [ "$kb" -gt "$peak_sq" ] && peak_sq=$kb
        [ "$an" -gt "$anon_sq" ] && anon_sq=$an
    done
    rows=$(sqlite3 "$work/pe.db" "SELECT count(*) FROM cases")
    shell_rows=$(sqlite3 "$work/sq.db" "SELECT count(*) FROM cases")
    [ "$rows" = "$n" ] && [ "$shell_rows" = "$n" ] || { echo "row counts differ: $rows, $shell_rows, expected $n" >&2; exit 1; }
    awk -v n="$n" -v mb="$mb" -v a="$best_pe" -v b="$best_sq" -v pa="$peak_pe" -v pb="$peak_sq" -v aa="$anon_pe" -v ab="$anon_sq" \
        -v ca="$cpu_pe" -v cb="$cpu_sq" 'BEGIN {
        printf "%-9d %7s %9.2f %8.2f %6.2f %7.2f %7.2f %9.2f %9.0f %9.0f %9.0f %9.0f\n", n, mb, a, b, b / a, ca, cb, cb / ca, pa / 1024, aa / 1024, pb / 1024, ab / 1024 }'
    rm -f "$csv"
done
echo "ratio = sqlite3 time / piloteval time (above 1: piloteval faster); best of three each. machine: $(nproc) cores, $(uname -m), sqlite3 $(sqlite3 --version | cut -d' ' -f1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
