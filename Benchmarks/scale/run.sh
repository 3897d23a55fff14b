#!/usr/bin/env bash
# Sizing for docs/scale.md (issue 24): one database holding SCENARIO's rows, generated
# through piloteval's own importers where one exists, then every table's rows and bytes
# (SQLite's dbstat, indexes counted with their table), the file's size, and the time of
# the questions a shared server asks of the largest tables.
#
#   Benchmarks/scale/run.sh city|nation [OUT.md]
#
# city   ≈ 10⁴ child investigations a year (Stockholm: eleven districts), kept 5 years;
#          20 pilots; 2 000 staff answering the readiness survey yearly; 300 accounts.
# nation ≈ 1.6·10⁵ investigations a year: every count × 16, except the stored reports,
#          generated at the city's count and scaled (see docs/scale.md: 12 GB of blobs).
# Not part of the test command: the nation takes several minutes and ~3 GB of disk.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
scenario="${1:?city or nation}"
out="${2:-/dev/stdout}"
case "$scenario" in
    city) f=1 ;;
    nation) f=16 ;;
    *) echo "usage: $0 city|nation [OUT.md]" >&2; exit 2 ;;
esac
bin="${PILOTEVAL_BIN:-$root/.build/release/piloteval}"
[ -x "$bin" ] || { echo "no piloteval at $bin (swift build -c release, or set PILOTEVAL_BIN)" >&2; exit 2; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
db="$work/scale.db"
export PILOTEVAL_DB="$db"
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }; t1=$(date +%s.%N); awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", b - a}'; }

cases=$((50000 * f)); respondents=$((2000 * f)); pilots=$((20 * f))
access=$((1500000 * f)); changes=$((6000 * f)); reports=1400

# Cases: five years of investigations, one extract with identity numbers (pseudonymised).
"$bin" key create "$work/scale.key" >/dev/null 2>&1
"$bin" model add "$root/Models/vallingbyteamet.yaml" >/dev/null 2>&1
"$bin" synth cases --seed 1 --cases "$cases" --identity --out "$work/cases.csv" 2>/dev/null
t_cases=$(seconds "$bin" cases import "$work/cases.csv" --model vallingbyteamet --key-file "$work/scale.key" --extract-date 2022-12-31)

# Readiness: five yearly waves of the Vällingbyteamet instrument (8 statements).
t_ready=0
for year in 2020 2021 2022 2023 2024; do
    python3 "$root/Benchmarks/readiness/generate.py" "$respondents" "$work/wave.csv" --units 50 --wave "$year-03" --seed "$year"
    t=$(seconds "$bin" readiness import "$work/wave.csv" --instrument "$root/Models/instruments/vallingbyteamet-readiness.yaml" --wave "$year-03")
    t_ready=$(awk -v a="$t_ready" -v b="$t" 'BEGIN{printf "%.2f", a + b}')
done

# Indicators: each pilot a model of 15 indicators over 20 tertials, total, girls, boys.
python3 "$root/Benchmarks/report/generate.py" "$work/gen" --indicators 15 --waves 1 >/dev/null
for i in $(seq 1 "$pilots"); do
    id=$(printf "pilot-%03d" "$i")
    sed "s/^id: benchmark-large/id: $id/" "$work/gen/model.yaml" > "$work/$id.yaml"
    "$bin" model add "$work/$id.yaml" >/dev/null 2>&1
    "$bin" indicators import "$work/gen/indicators.csv" --model "$id" >/dev/null 2>&1
done

# What the server itself writes: the access log (two years kept), changes, stored
# reports at the sizes of the demo's (final: figures make its DOCX large).
demo="$work/demo"; env -u PILOTEVAL_DB "$bin" demo --out "$demo" >/dev/null 2>&1
size() { stat -c %s "$demo/reports/$1"; }
sizes="final=$(size final.html),$(size final.docx),$(size final.json)"
sizes+=":steering=$(size steering.html),$(size steering.docx),$((20000))"
sizes+=":tertial=$(size tertial.html),$(size tertial.docx),$((60000))"
t_fill=$(seconds python3 "$here/fill.py" "$db" --access-log "$access" --reports "$reports" --report-bytes "$sizes" --changes "$changes" --pilots "$pilots")

# Questions the server asks of the largest tables.
last_month=$(sqlite3 "$db" "SELECT substr(max(at), 1, 7) || '-01' FROM access_log")
t_audit_month=$(seconds "$bin" audit --since "$last_month" --format json)
t_audit_user=$(seconds "$bin" audit --user user-0042 --format json)
t_compare=$(seconds "$bin" cases compare --model vallingbyteamet --outcome investigation_within_4m --format json)
t_status=$(seconds "$bin" indicators status --model pilot-001 --period 2022-T3 --format json)
t_backup=$(seconds "$bin" backup "$work/backup.db")
t_check=$(seconds sqlite3 "$db" "PRAGMA integrity_check")

{
echo "### $scenario (generated $(date -u +%Y-%m-%d), $(nproc) cores, $("$bin" --version))"
echo
echo "| table | rows | MB (with indexes) |"
echo "|---|---:|---:|"
sqlite3 -separator ' ' "$db" "
  SELECT m.tbl_name, sum(s.pgsize) FROM dbstat s JOIN sqlite_master m ON m.name = s.name
  GROUP BY m.tbl_name ORDER BY sum(s.pgsize) DESC" | while read -r table bytes; do
    rows=$(sqlite3 "$db" "SELECT count(*) FROM \"$table\"")
    printf "| %s | %s | %.1f |\n" "$table" "$rows" "$(awk -v b="$bytes" 'BEGIN{print b / 1048576}')"
done
printf "| **file** | | **%.1f** |\n" "$(awk -v b="$(stat -c %s "$db")" 'BEGIN{print b / 1048576}')"
echo
echo "| step | seconds |"
echo "|---|---:|"
echo "| import $cases cases (pseudonymising) | $t_cases |"
echo "| import 5 readiness waves of $respondents respondents | $t_ready |"
echo "| write $access access-log entries, $reports reports, $changes changes (fill.py) | $t_fill |"
echo "| \`audit --since $last_month\` (one month) | $t_audit_month |"
echo "| \`audit --user\` (one account, whole log) | $t_audit_user |"
echo "| \`cases compare\` one outcome, all cases | $t_compare |"
echo "| \`indicators status\` one pilot, one period | $t_status |"
echo "| \`backup\` | $t_backup |"
echo "| \`PRAGMA integrity_check\` | $t_check |"
} > "$out"
