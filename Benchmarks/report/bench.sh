#!/usr/bin/env bash
# Full report generation for a large evaluation: a logic model with 100 indicators
# observed over 20 tertials (6 000 values) and 10 readiness waves (generate.py), in
# every format that needs no external program (html, markdown, docx, json), the final
# report and the steering brief. Goal: under a second each, end to end (process start,
# database, model, every section, writing the file). There is no Python peer for a LUM
# report; the goal is absolute. Best of 3 by wall time, with the CPU time (user +
# system, rsvg-convert included for DOCX figures) of that run: on a loaded machine the
# CPU time is the steadier figure. Prints Markdown table rows.
#   Benchmarks/report/bench.sh [INDICATORS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$root/Benchmarks/lib.sh"
indicators="${1:-100}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
bin="${PILOTEVAL_BIN:-}"
if [ -z "$bin" ]; then (cd "$root" && swift build -c release --product piloteval >/dev/null); bin="$root/.build/release/piloteval"; fi

db="$work/report.db"
INDICATORS="$indicators" large_evaluation "$bin" "$work/data" "$db"
values=$(sqlite3 "$db" "SELECT count(*) FROM indicator_observations;")
answers=$(sqlite3 "$db" "SELECT count(*) FROM readiness_responses;")
echo "<!-- $indicators indicators, $values indicator values, $answers survey answers in 10 waves -->"
for kind in final steering; do
    for format in html markdown docx json; do
        read -r s kb cpu < <(best 3 "$bin" report --model benchmark-large --kind "$kind" --format "$format" -o "$work/out.$format" --db "$db")
        size=$(stat -c %s "$work/out.$format")
        verdict=$(awk -v s="$s" 'BEGIN{print (s < 1.0) ? "met" : "missed"}')
        echo "| $kind, $format ($(awk -v b="$size" 'BEGIN{printf "%.0f kB", b/1024}')) | $s | $cpu | $verdict | $(mb "$kb") |"
    done
done
