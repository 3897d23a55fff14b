#!/usr/bin/env bash
# Runs every benchmark against its peer in the same run and writes Benchmarks/RESULTS.md
# (figures, ratios, machine, date, versions). Takes 15–40 minutes on 2 cores, most of it
# in the Python peers. Needs python3 with numpy, pandas, scipy, statsmodels, the sqlite3
# shell and /usr/bin/time. Inputs are generated into temporary folders and deleted.
#
#   Benchmarks/run-all.sh            everything
#   Benchmarks/run-all.sh compare readiness     only the named ones
#     (csv compare readiness resampling report cases-import)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
. "$here/lib.sh"
all=(csv compare readiness resampling report cases-import)
selected=("$@"); [ ${#selected[@]} -gt 0 ] || selected=("${all[@]}")
want() { local x; for x in "${selected[@]}"; do [ "$x" = "$1" ] && return 0; done; return 1; }

cd "$root"
echo "building piloteval (release)…" >&2
swift build -c release --product piloteval >/dev/null
export PILOTEVAL_BIN="$root/.build/release/piloteval"
out="$here/RESULTS.md"
tmp="$(mktemp)"; trap 'rm -f "$tmp"' EXIT
started=$(date -u +%Y-%m-%dT%H:%MZ)
{
    echo "# Benchmark results"
    echo
    echo "Written by \`Benchmarks/run-all.sh\` ($(printf '%s ' "${selected[@]}")) on $started;"
    echo "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources || echo ' + uncommitted changes')."
    echo
    echo "- Machine: $(machine)"
    echo "- Versions: $(versions)"
    echo
    echo "Ratios are peer time / piloteval time: above 1 means piloteval is faster. Times are"
    echo "wall-clock seconds, best of 3, on a machine shared with other work (see the load"
    echo "average above); what is and is not timed is in docs/benchmarks.md."
} >"$tmp"

section() { printf '\n## %s\n\n' "$1" >>"$tmp"; }
table() { printf '| benchmark | piloteval (s) | peer (s) | ratio | peak MB (piloteval / peer) |\n|---|---:|---:|---:|---:|\n' >>"$tmp"; }

if want csv; then
    echo "csv…" >&2
    section "CSV reader vs pandas.read_csv (1 000 000 rows, Swedish export)"
    echo '```' >>"$tmp"
    bash "$here/csv/bench_csv.sh" | grep -E '^(file|piloteval|pandas|ratio)' >>"$tmp"
    echo '```' >>"$tmp"
fi
if want compare; then
    echo "compare…" >&2
    section "piloteval compare vs pandas + scipy (1 000 000 rows, end to end)"
    bash "$here/compare/bench_compare.sh" | grep -v '^Machine' >>"$tmp"
fi
if want readiness; then
    echo "readiness…" >&2
    section "Readiness summary vs pandas groupby + scipy (100 000 respondents × 8 items × 50 units)"
    table
    bash "$here/readiness/bench.sh" >>"$tmp"
fi
if want resampling; then
    echo "resampling…" >&2
    section "Bootstrap and permutation test vs scipy.stats (computation only)"
    table
    bash "$here/resampling/bench.sh" >>"$tmp"
fi
if want report; then
    echo "report…" >&2
    section "Report generation (100 indicators × 20 tertials, 10 readiness waves; goal < 1 s, no peer)"
    printf '| report (kind, format, size) | wall (s) | CPU (s) | goal < 1 s (wall) | peak MB |\n|---|---:|---:|---|---:|\n' >>"$tmp"
    bash "$here/report/bench.sh" >>"$tmp"
fi
if want cases-import; then
    section "Case import vs the sqlite3 shell's .import and pandas read_csv + to_sql"
    if [ -x "$here/cases-import/bench-peers.sh" ] && "$PILOTEVAL_BIN" cases import --help >/dev/null 2>&1; then
        echo "cases-import…" >&2
        table
        bash "$here/cases-import/bench-peers.sh" >>"$tmp"
    else
        echo "Not run: \`piloteval cases import\` is not in this build yet." >>"$tmp"
    fi
fi
echo >>"$tmp"
echo "Finished $(date -u +%Y-%m-%dT%H:%MZ)." >>"$tmp"
mv "$tmp" "$out"; trap - EXIT
echo "wrote $out" >&2
