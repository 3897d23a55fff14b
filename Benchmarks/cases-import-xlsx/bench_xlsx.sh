#!/usr/bin/env bash
# `piloteval cases import EXTRACT.xlsx` against pandas `read_excel` (openpyxl engine) +
# `to_sql` of the same workbook, in the same run (issue 25). For each size: a synthetic
# extract from `piloteval synth cases` (with a personnummer column), written as a
# workbook the way a case system's Excel export holds it — a title row, numbers as
# numbers, dates as date cells, text in the shared-strings table — by openpyxl
# (Tests/xlsx/make_xlsx.py); then, three times each, alternating: piloteval into a fresh
# database (model stored first, not timed) with a key file, and pandas. Best wall time
# of three, CPU time, peak resident set and peak anonymous memory (heap and stacks,
# sampled from /proc: what streaming the sheet keeps flat). The CSV of the same extract
# is imported too, for the cost of the sheet over the text. Files live in a temporary
# folder that is removed at the end.
# Usage: Benchmarks/cases-import-xlsx/bench_xlsx.sh [CASES...]   (default: 100000 1000000)
#        PILOTEVAL_BIN=path/to/piloteval to time a given build instead of a release build;
#        RUNS=N for another number of runs than three (best of N).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
py="$root/.venv/bin/python"
[ -x "$py" ] || py=python3
"$py" -c 'import openpyxl, pandas' 2>/dev/null || { echo "needs pandas and openpyxl (scripts/notebook-env.sh makes .venv/ with both)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
if [ -n "${PILOTEVAL_BIN:-}" ]; then
    B="$PILOTEVAL_BIN"
else
    swift build -c release --product piloteval >/dev/null
    B="$root/.build/release/piloteval"
fi
"$B" key create "$work/bench.key" 2>/dev/null

# "seconds peak_rss_kb peak_anon_kb cpu_seconds", as ../cases-import/bench_cases_import.sh.
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
    awk -v t="$wall" -v kb="$kb" -v anon="$anon" -v u="$user" -v y="$sys" 'BEGIN { n = split(t, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f %d %d %.2f\n", s, kb, anon, u + y }'
}

import_cases() {   # FILE DB
    rm -f "$2"*
    "$B" model add "$root/Models/vallingbyteamet.yaml" --db "$2" >/dev/null 2>&1
    measure "$B" cases import "$1" --model vallingbyteamet --key-file "$work/bench.key" --extract-date 2022-12-31 --db "$2"
}

printf "%-9s %7s %9s %9s %6s %9s %9s %10s %10s %10s\n" cases xlsx_MB piloteval pandas ratio pe_cpu pd_cpu pe_anon_MB pd_anon_MB csv_import
for n in "${sizes[@]}"; do
    csv="$work/cases-$n.csv" xlsx="$work/cases-$n.xlsx"
    "$B" synth cases --seed 1 --cases "$n" --identity --dialect plain --out "$csv" 2>/dev/null
    echo "{\"path\": \"$xlsx\", \"from_csv\": \"$csv\", \"title\": \"Utdrag ur verksamhetssystemet\", \"shared_strings\": true}" \
        | "$py" "$root/Tests/xlsx/make_xlsx.py"
    mb=$(awk -v b="$(stat -c %s "$xlsx")" 'BEGIN { printf "%.0f", b / 1e6 }')
    best_pe=""; best_pd=""; best_csv=""; cpu_pe=""; cpu_pd=""; anon_pe=0; anon_pd=0
    for _ in $(seq 1 "${RUNS:-3}"); do
        read -r s kb an c < <(import_cases "$xlsx" "$work/pe.db")
        if [ -z "$best_pe" ] || awk "BEGIN{exit !($s < $best_pe)}"; then best_pe=$s; cpu_pe=$c; fi
        [ "$an" -gt "$anon_pe" ] && anon_pe=$an
        rm -f "$work"/pd.db*
        read -r s kb an c < <(measure "$py" "$here/peer_read_excel.py" "$xlsx" "$work/pd.db")
        if [ -z "$best_pd" ] || awk "BEGIN{exit !($s < $best_pd)}"; then best_pd=$s; cpu_pd=$c; fi
        [ "$an" -gt "$anon_pd" ] && anon_pd=$an
        read -r s kb an c < <(import_cases "$csv" "$work/csv.db")
        if [ -z "$best_csv" ] || awk "BEGIN{exit !($s < $best_csv)}"; then best_csv=$s; fi
    done
    rows=$(sqlite3 "$work/pe.db" "SELECT count(*) FROM cases")
    same=$(sqlite3 "$work/pe.db" "ATTACH '$work/csv.db' AS c; SELECT count(*) FROM (SELECT * FROM cases EXCEPT SELECT * FROM c.cases)")
    [ "$rows" = "$n" ] && [ "$same" = "0" ] || { echo "the sheet stored other rows than the CSV: $rows rows, $same differing" >&2; exit 1; }
    awk -v n="$n" -v mb="$mb" -v a="$best_pe" -v b="$best_pd" -v ca="$cpu_pe" -v cb="$cpu_pd" -v aa="$anon_pe" -v ab="$anon_pd" -v c="$best_csv" 'BEGIN {
        printf "%-9d %7s %9.2f %9.2f %6.2f %9.2f %9.2f %10.0f %10.0f %10.2f\n", n, mb, a, b, b / a, ca, cb, aa / 1024, ab / 1024, c }'
    rm -f "$csv" "$xlsx"
done
echo "ratio = pandas time / piloteval time (above 1: piloteval faster); best of ${RUNS:-3} each; csv_import: the same extract as CSV. machine: $(nproc) cores, $(uname -m), load average $(cut -d' ' -f1-3 /proc/loadavg)"
