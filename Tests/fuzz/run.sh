#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer, with AddressSanitizer) of the CSV reader — with the
# number, date and period parsers on every field — and of the logic-model and instrument
# YAML loaders, for SECONDS each (default 60). Seeds: the test fixtures and the
# broken-input corpus. On demand only; not part of scripts/test.sh.
#
#   Tests/fuzz/run.sh [SECONDS]
#
# A crash leaves its input in Tests/fuzz/artifacts/ (not committed) and stops the run:
# turn it into a test in Tests/CLITests/Fixtures/broken/ (BrokenInputTests) or
# Tests/StoreTests, fix the code, and run again. Prints runs, coverage and findings.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-60}"
[ -d "$root/.build/checkouts/Yams" ] || (cd "$root" && swift package resolve)
cd "$here"
swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >/dev/null
bin="$(swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --show-bin-path)"
mkdir -p artifacts corpus/csv corpus/yaml
seed_csv=$(find "$root/Tests" "$root/Datasets" -name '*.csv' -size -200k -not -path '*/fuzz/*' | head -200)
seed_yaml=$(find "$root/Tests" "$root/Models" -name '*.yaml' -size -200k -not -path '*/fuzz/*' | head -200)
cp $seed_csv corpus/csv/ 2>/dev/null || true
cp $seed_yaml corpus/yaml/ 2>/dev/null || true
for target in csv yaml; do
    exe="$bin/Fuzz$(tr a-z A-Z <<<"$target")"
    echo "fuzzing $target for $seconds s ($(ls corpus/$target | wc -l) seeds)…"
    # -max_len: rows and YAML documents of real size; -timeout: a hang is a finding too;
    # -rss_limit_mb: a blow-up (an alias bomb) is a finding.
    "$exe" corpus/$target -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix=artifacts/$target- -print_final_stats=1 2>"artifacts/$target.log" || {
        echo "FINDING in $target: see Tests/fuzz/artifacts/ and artifacts/$target.log"; tail -30 "artifacts/$target.log"; exit 1; }
    grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|cov:' "artifacts/$target.log" | tail -3
done
echo "no findings"
