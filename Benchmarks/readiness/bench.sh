#!/usr/bin/env bash
# `piloteval readiness summary` on RESPONDENTS respondents (default 100 000) × 8 items ×
# 50 units against the Python peer (pandas read_csv + groupby + scipy, peer_summary.py),
# which computes the same figures: per unit and item n, mean, SD, CI, share agreeing,
# distribution; per unit and scale the same; r_wg(J); alpha with Feldt CI; ICC(1), ICC(2).
# piloteval reads from its database, so its import is timed too and reported beside it:
# "import + summary" is the end-to-end figure against the peer's read-and-compute.
# Best of 3 each. Prints Markdown table rows and the check figures.
#   Benchmarks/readiness/bench.sh [RESPONDENTS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$root/Benchmarks/lib.sh"
n="${1:-100000}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
bin="${PILOTEVAL_BIN:-}"
if [ -z "$bin" ]; then (cd "$root" && swift build -c release --product piloteval >/dev/null); bin="$root/.build/release/piloteval"; fi

python3 "$here/generate.py" "$n" "$work/wave.csv" --units 50 --wave 2024-03
instrument="$root/Models/instruments/vallingbyteamet-readiness.yaml"

# Import: a fresh database each run (the same file cannot be imported twice).
read -r imp imp_kb _ < <(best 3 bash -c 'rm -f "$1"*; exec "$2" readiness import "$3" --instrument "$4" --wave 2024-03 --db "$1"' \
    _ "$work/r.db" "$bin" "$work/wave.csv" "$instrument")
read -r ours ours_kb _ < <(best 3 "$bin" readiness summary --instrument vallingbyteamet-readiness --wave 2024-03 --format json --db "$work/r.db")
cp "$BENCH_OUT" "$work/ours.json"
read -r peer peer_kb _ < <(best 3 python3 "$here/peer_summary.py" "$work/wave.csv")
peer_line=$(cat "$BENCH_OUT")
end_to_end=$(awk -v a="$imp" -v b="$ours" 'BEGIN{printf "%.2f", a + b}')
ours_line=$(python3 - "$work/ours.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
u = sorted(d["units"], key=lambda u: u["unit"])[0]
it = u["items"][0]
print(f"units={len(d['units'])} mean_first={it['mean']:.12g} sd_first={it['sd']:.12g} "
      f"alpha={d['reliability']['alpha']:.12g} icc1={d['aggregation']['icc1']:.12g} "
      f"icc2={d['aggregation']['icc2']:.12g} rwg_first={u['rwg_j']:.12g}")
PY
)
echo "| readiness summary, $n respondents × 8 items × 50 units (from the database) | $ours | $peer | $(ratio "$ours" "$peer") | $(mb "$ours_kb") / $(mb "$peer_kb") |"
echo "| readiness import + summary, the same file (end to end) | $end_to_end | $peer | $(ratio "$end_to_end" "$peer") | $(mb "$imp_kb") / $(mb "$peer_kb") |"
echo "<!-- readiness import alone: $imp s; ours: $ours_line; $peer_line -->"
