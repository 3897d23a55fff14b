#!/usr/bin/env bash
# `piloteval cases import` of a synthetic extract (16 columns with a personnummer
# column, so every row is pseudonymised; `piloteval synth cases --identity --dialect
# plain`) at 1 000 000 and 5 000 000 cases, against two peers on the same file in the
# same run: the sqlite3 shell's `.import --csv` into a plain table, and pandas
# `read_csv` + `to_sql` (peer_pandas.py). Wall and CPU time, maximum resident set and
# peak anonymous memory (heap and stacks, sampled from /proc: the memory-mapped input
# file is page cache, not allocation). Best of 3 at the first size, one run at larger
# sizes (a 5M import runs for minutes on a shared machine). Prints Markdown rows.
# bench_cases_import.sh beside this one is the cases engineer's own shell-only version.
#   Benchmarks/cases-import/bench-peers.sh [CASES...]     (default: 1000000 5000000)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$root/Benchmarks/lib.sh"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000000 5000000)
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
bin="${PILOTEVAL_BIN:-}"
if [ -z "$bin" ]; then (cd "$root" && swift build -c release --product piloteval >/dev/null); bin="$root/.build/release/piloteval"; fi
"$bin" key create "$work/bench.key" 2>/dev/null

# "wall cpu max_rss_kb peak_anon_kb" of one run of a command.
measure() {
    local log="$work/time.log" anon=0 a cpid
    /usr/bin/time -f "%e %U %S %M" -o "$log" "$@" >/dev/null 2>"$work/err" &
    local tpid=$!
    while kill -0 "$tpid" 2>/dev/null; do
        for cpid in $(pgrep -P "$tpid" || true); do
            a=$(awk '/^RssAnon/ { print $2 }' "/proc/$cpid/status" 2>/dev/null || true)
            [ -n "$a" ] && [ "$a" -gt "$anon" ] && anon=$a
        done
        sleep 0.05
    done
    wait "$tpid" || { cat "$work/err" >&2; return 1; }
    awk -v anon="$anon" '{ printf "%s %.2f %s %s\n", $1, $2 + $3, $4, anon }' "$log"
}
first=1
for n in "${sizes[@]}"; do
    csv="$work/cases-$n.csv"
    "$bin" synth cases --seed 1 --cases "$n" --identity --dialect plain --out "$csv" 2>/dev/null
    size=$(awk -v b="$(stat -c %s "$csv")" 'BEGIN { printf "%.0f MB", b / 1e6 }')
    runs=1; [ "$first" = 1 ] && runs=3
    declare -A wall=() cpu=() rss=() anon=()
    for _ in $(seq 1 "$runs"); do
        for tool in piloteval sqlite3 pandas; do
            rm -f "$work"/t.db*
            case $tool in
                piloteval)
                    "$bin" model add "$root/Models/vallingbyteamet.yaml" --db "$work/t.db" >/dev/null 2>&1
                    set -- "$bin" cases import "$csv" --model vallingbyteamet --key-file "$work/bench.key" --extract-date 2022-12-31 --db "$work/t.db" ;;
                sqlite3) set -- sqlite3 "$work/t.db" ".import --csv $csv cases" ;;
                pandas) set -- python3 "$here/peer_pandas.py" "$csv" "$work/t.db" ;;
            esac
            read -r w c r a < <(measure "$@")
            rows=$(sqlite3 "$work/t.db" "SELECT count(*) FROM cases")
            [ "$rows" = "$n" ] || { echo "$tool stored $rows rows, expected $n" >&2; exit 1; }
            if [ -z "${wall[$tool]:-}" ] || awk "BEGIN{exit !($w < ${wall[$tool]})}"; then wall[$tool]=$w; cpu[$tool]=$c; fi
            [ "$r" -gt "${rss[$tool]:-0}" ] && rss[$tool]=$r
            [ "$a" -gt "${anon[$tool]:-0}" ] && anon[$tool]=$a
        done
    done
    for peer in sqlite3 pandas; do
        label=".import --csv"; [ "$peer" = pandas ] && label="read_csv + to_sql"
        echo "| cases import, $n cases ($size), vs $label (best of $runs; CPU ${cpu[piloteval]} vs ${cpu[$peer]} s) | ${wall[piloteval]} | ${wall[$peer]} | $(ratio "${wall[piloteval]}" "${wall[$peer]}") (CPU $(ratio "${cpu[piloteval]}" "${cpu[$peer]}")) | $(mb "${rss[piloteval]}") / $(mb "${rss[$peer]}") |"
    done
    echo "<!-- $n cases: peak anonymous memory (heap + stacks): piloteval $(mb "${anon[piloteval]}") MB, sqlite3 $(mb "${anon[sqlite3]}") MB, pandas $(mb "${anon[pandas]}") MB -->"
    echo "| peak anonymous memory (heap + stacks), $n cases | $(mb "${anon[piloteval]}") MB | sqlite3 $(mb "${anon[sqlite3]}") MB, pandas $(mb "${anon[pandas]}") MB | | |"
    unset wall cpu rss anon
    rm -f "$csv"
    first=0
done
