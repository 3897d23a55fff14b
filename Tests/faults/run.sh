#!/usr/bin/env bash
# Fault injection against the real CLI and a real SQLite file (issue 11, docs/reliability.md):
#
#  1. kill -9 at random moments during a survey import, TRIALS times on one database,
#     and during a case-extract import (pseudonymised), CASE_TRIALS times:
#     afterwards PRAGMA integrity_check is ok, the import is wholly there or wholly
#     absent (never in_progress, never a partial row set), earlier imports are intact,
#     and a re-run completes it (or is refused as already imported when it had committed).
#  2. two survey imports, a case import, a report and a summary at once on the same
#     database, ROUNDS times:
#     every process succeeds (a writer waits for the other: BEGIN IMMEDIATE +
#     busy_timeout), no corruption, no lost rows.
#  3. a full disk, two ways: a small tmpfs (when mount is permitted) and a file-size
#     limit (ulimit -f, SIGXFSZ ignored so writes fail with EFBIG): the import exits 1
#     with a message, the database file is byte-for-byte unchanged, and the same import
#     succeeds once there is room.
#
#   Tests/faults/run.sh              the bounded form scripts/test.sh runs: 20 kills of a
#                                    5 000-respondent import, 10 of a 5 000-case import,
#                                    1 concurrency round (debug build)
#   Tests/faults/run.sh --long       50 + 30 kills, 3 rounds, 20 000 respondents,
#                                    100 000 cases (release build; 30–60 minutes on 2 busy cores)
#   options: --trials N  --rounds N  --respondents N  --case-trials N  --cases N  --bin PATH  --seed N
#
#  1c. kill -9 of `piloteval serve` while it saves an uploaded wave (a quarter of TRIALS,
#     at least 3): the import wholly there with its change-log entry, or wholly absent
#     and taken by a restarted server.
#
# Needs bash, awk, sqlite3 (the shell), sha256sum, curl (no Python); builds piloteval if --bin
# is not given. The tmpfs case needs root (mount); elsewhere it is skipped and said so.
# Prints one line per trial and a summary; exit 1 on the first broken guarantee.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

mode=quick trials="" rounds="" respondents="" case_trials="" cases="" bin="${PILOTEVAL_BIN:-}" seed="${PILOTEVAL_FAULT_SEED:-$$}"
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) mode=quick ;;
        --long) mode=long ;;
        --trials) trials="$2"; shift ;;
        --rounds) rounds="$2"; shift ;;
        --respondents) respondents="$2"; shift ;;
        --case-trials) case_trials="$2"; shift ;;
        --cases) cases="$2"; shift ;;
        --bin) bin="$2"; shift ;;
        --seed) seed="$2"; shift ;;
        *) echo "usage: $0 [--quick|--long] [--trials N] [--rounds N] [--respondents N] [--case-trials N] [--cases N] [--bin PATH] [--seed N]" >&2; exit 64 ;;
    esac
    shift
done
if [ "$mode" = long ]; then
    : "${trials:=50}" "${rounds:=3}" "${respondents:=20000}" "${case_trials:=30}" "${cases:=100000}"
    config=release
else
    # 20 000 cases: large enough that SQLite spills pages to the WAL before the commit,
    # so some kills land inside the write (5 000 fitted in the page cache once the
    # import got faster, and no kill could land mid-write).
    : "${trials:=20}" "${rounds:=1}" "${respondents:=5000}" "${case_trials:=10}" "${cases:=20000}"
    config=debug
fi
if [ -z "$bin" ]; then
    (cd "$root" && swift build -c "$config" --product piloteval >"$root/.build/faults-build.log" 2>&1) \
        || { cat "$root/.build/faults-build.log" >&2; exit 1; }
    bin="$root/.build/$config/piloteval"
fi
command -v sqlite3 >/dev/null || { echo "faults: needs the sqlite3 shell (apt-get install sqlite3)" >&2; exit 1; }

work="$(mktemp -d)"
mounted=""
cleanup() {
    [ -n "$mounted" ] && umount "$mounted" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

instrument="$root/Models/instruments/vallingbyteamet-readiness.yaml"
items=8
fail() { echo "FAULTS FAILED: $*" >&2; exit 1; }
q() { sqlite3 -batch -noheader "$1" "$2"; }
now() { date +%s.%N; }
# The moment of kill I of a stream (0: survey imports, 1: case imports): uniform in
# [0, 1.3 × SPAN] s, drawn from one seeded sequence per stream.
kill_delay() {  # stream i span
    awk -v s="$seed" -v o="$1" -v i="$2" -v t="$3" 'BEGIN { srand(s % 1000003 + o); for (k = 0; k < i; k++) r = rand(); printf "%.3f", r * 1.3 * t }'
}
# Starts a command, kills it with SIGKILL after DELAY seconds, and sets `status` (its
# exit status) and `wal` (the size of the WAL it left). The command runs in the
# background of this shell, not of a subshell, so $! is the process that gets the
# kill. The WAL is measured before anything opens the file again: uncommitted pages
# the killed writer had already spilled to it show that the kill landed inside the
# write transaction.
run_and_kill() {  # delay command...
    local delay=$1 pid; shift
    "$@" &
    pid=$!
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null || true
    status=0; wait "$pid" 2>/dev/null || status=$?
    wal=$(stat -c %s "$db-wal" 2>/dev/null || echo 0)
}

# The invariants every database must keep after any fault.
check_db() {  # db
    local db="$1" r
    r=$(q "$db" "PRAGMA integrity_check;")
    [ "$r" = ok ] || fail "$db: integrity_check: $r"
    r=$(q "$db" "PRAGMA foreign_key_check;")
    [ -z "$r" ] || fail "$db: foreign_key_check: $r"
    r=$(q "$db" "SELECT count(*) FROM imports WHERE status <> 'complete';")
    [ "$r" = 0 ] || fail "$db: $r import(s) not complete"
    # Every readiness import holds exactly row_count respondents × 8 answers.
    r=$(q "$db" "SELECT i.id || ': ' || i.row_count || ' respondents logged, ' || count(r.import_id) || ' answers stored'
                 FROM imports i LEFT JOIN readiness_responses r ON r.import_id = i.id
                 WHERE i.kind = 'readiness' GROUP BY i.id HAVING count(r.import_id) <> i.row_count * $items;")
    [ -z "$r" ] || fail "$db: partial import: $r"
    # Every case import holds exactly row_count cases.
    r=$(q "$db" "SELECT i.id || ': ' || i.row_count || ' cases logged, ' || count(c.import_id) || ' stored'
                 FROM imports i LEFT JOIN cases c ON c.import_id = i.id
                 WHERE i.kind = 'cases' GROUP BY i.id HAVING count(c.import_id) <> i.row_count;" 2>/dev/null || true)
    [ -z "$r" ] || fail "$db: partial case import: $r"
    # No answer without its import.
    r=$(q "$db" "SELECT count(*) FROM readiness_responses WHERE import_id NOT IN (SELECT id FROM imports);")
    [ "$r" = 0 ] || fail "$db: $r orphaned answers"
}

import_wave() {  # db file wave  → the CLI's exit status
    "$bin" readiness import "$2" --instrument vallingbyteamet-readiness --wave "$3" --db "$1"
}

echo "faults: $mode form, piloteval $bin, seed $seed"
echo "faults: generating $respondents respondents × $items items"
"$here/make_wave.sh" "$respondents" "$work/big.csv" "$seed"
"$here/make_wave.sh" 200 "$work/small.csv" 1

# ---------------------------------------------------------------- 1. kill -9
db="$work/kill.db"
"$bin" readiness import "$work/small.csv" --instrument "$instrument" --wave base --db "$db" 2>/dev/null
t0=$(now); import_wave "$db" "$work/big.csv" timing 2>/dev/null; t1=$(now)
span=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
check_db "$db"
echo "faults: one import of the large file takes ${span} s; kills are drawn uniformly in [0, 1.3 × ${span}] s"
absent=0 present=0 finished=0 midwrite=0
for i in $(seq 1 "$trials"); do
    wave="kill-$i"
    delay=$(kill_delay 0 "$i" "$span")
    run_and_kill "$delay" \
        "$bin" readiness import "$work/big.csv" --instrument vallingbyteamet-readiness --wave "$wave" --db "$db" 2>"$work/err"
    check_db "$db"
    logged=$(q "$db" "SELECT count(*) FROM imports WHERE target = 'vallingbyteamet-readiness $wave';")
    stored=$(q "$db" "SELECT count(*) FROM readiness_responses WHERE wave = '$wave';")
    if [ "$status" = 0 ]; then
        finished=$((finished + 1)); outcome="finished before the kill"
        [ "$logged" = 1 ] || fail "trial $i: exit 0 but the import is not logged"
    elif [ "$logged" = 1 ]; then
        present=$((present + 1)); outcome="killed after commit: wholly there"
    elif [ "$wal" -gt 0 ]; then
        absent=$((absent + 1)); midwrite=$((midwrite + 1))
        outcome="killed mid-write ($((wal / 1024)) kB of uncommitted WAL): wholly absent"
    else
        absent=$((absent + 1)); outcome="killed before writing: wholly absent"
        [ "$stored" = 0 ] || fail "trial $i: no import logged but $stored answers stored for $wave"
    fi
    if [ "$logged" = 1 ]; then
        [ "$stored" = $((respondents * items)) ] || fail "trial $i: $stored answers stored, expected $((respondents * items))"
        rerun=0; import_wave "$db" "$work/big.csv" "$wave" 2>"$work/err" || rerun=$?
        [ "$rerun" = 1 ] && grep -q "already imported" "$work/err" \
            || fail "trial $i: a re-run of a committed import was not refused as already imported: $(cat "$work/err")"
        redo="re-run refused (already imported)"
    else
        import_wave "$db" "$work/big.csv" "$wave" 2>"$work/err" || fail "trial $i: the re-run failed: $(cat "$work/err")"
        stored=$(q "$db" "SELECT count(*) FROM readiness_responses WHERE wave = '$wave';")
        [ "$stored" = $((respondents * items)) ] || fail "trial $i: re-run stored $stored answers"
        redo="re-run completed"
    fi
    # Every tenth wave stays (earlier data the later trials must not disturb); the rest
    # are undone, which keeps the file small and puts `imports undo` under the checks.
    if [ $((i % 10)) != 0 ]; then
        "$bin" imports undo "$(q "$db" "SELECT id FROM imports WHERE target = 'vallingbyteamet-readiness $wave';")" --db "$db" >/dev/null 2>&1 \
            || fail "trial $i: undo failed"
        [ "$(q "$db" "SELECT count(*) FROM readiness_responses WHERE wave = '$wave';")" = 0 ] || fail "trial $i: undo left answers behind"
        redo="$redo; undone"
    fi
    printf 'trial %3d: kill at %6.3f s, %s (exit %s); %s\n' "$i" "$delay" "$outcome" "$status" "$redo"
done
kept=$((trials / 10))
waves=$(q "$db" "SELECT count(DISTINCT wave) FROM readiness_responses;")
total=$(q "$db" "SELECT count(*) FROM readiness_responses;")
expected=$(( (kept + 1) * respondents * items + 200 * items ))
check_db "$db"
[ "$waves" = $((kept + 2)) ] && [ "$total" = "$expected" ] || fail "after $trials trials: $waves waves, $total answers (expected $((kept + 2)), $expected)"
echo "faults: kill -9: $trials trials — $absent wholly absent ($midwrite of them killed mid-write), $present wholly there, $finished finished first; every re-run completed; $total answers in $waves waves, nothing lost"

# ---------------------------------------------------------------- 1b. kill -9, case extracts
# The same extract each trial (pseudonymised with a key file): a committed import is
# undone before the next, which puts `imports undo` under the same checks.
if "$bin" cases import --help >/dev/null 2>&1; then
    db="$work/cases.db"
    "$bin" model add "$root/Models/vallingbyteamet.yaml" --db "$db" >/dev/null 2>&1 || fail "model add failed"
    "$bin" key create "$work/faults.key" >/dev/null 2>&1 || fail "key create failed"
    "$bin" synth cases --seed 3 --cases "$cases" --identity --dialect plain --out "$work/cases.csv" >/dev/null 2>&1 \
        || fail "synth cases failed"
    import_cases() { "$bin" cases import "$work/cases.csv" --model vallingbyteamet --key-file "$work/faults.key" --db "$db"; }
    t0=$(now); import_cases >/dev/null 2>&1 || fail "the timing case import failed"; t1=$(now)
    cspan=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    "$bin" imports undo "$(q "$db" "SELECT max(id) FROM imports WHERE kind = 'cases';")" --db "$db" >/dev/null 2>&1 || fail "undo failed"
    check_db "$db"
    echo "faults: one import of $cases cases takes ${cspan} s"
    c_absent=0 c_present=0 c_finished=0 c_mid=0
    for i in $(seq 1 "$case_trials"); do
        delay=$(kill_delay 1 "$i" "$cspan")
        run_and_kill "$delay" \
            "$bin" cases import "$work/cases.csv" --model vallingbyteamet --key-file "$work/faults.key" --db "$db" >/dev/null 2>"$work/err"
        check_db "$db"
        logged=$(q "$db" "SELECT count(*) FROM imports WHERE kind = 'cases';")
        stored=$(q "$db" "SELECT count(*) FROM cases;")
        if [ "$status" = 0 ]; then c_finished=$((c_finished + 1)); outcome="finished before the kill"
        elif [ "$logged" = 1 ]; then c_present=$((c_present + 1)); outcome="killed after commit: wholly there"
        elif [ "$wal" -gt 0 ]; then c_absent=$((c_absent + 1)); c_mid=$((c_mid + 1)); outcome="killed mid-write ($((wal / 1024)) kB of uncommitted WAL): wholly absent"
        else c_absent=$((c_absent + 1)); outcome="killed before writing: wholly absent"
        fi
        if [ "$logged" = 1 ]; then
            [ "$stored" = "$cases" ] || fail "case trial $i: $stored cases stored, expected $cases"
            rerun=0; import_cases 2>"$work/err" >/dev/null || rerun=$?
            [ "$rerun" = 1 ] && grep -q "already imported" "$work/err" || fail "case trial $i: a re-run was not refused: $(cat "$work/err")"
            redo="re-run refused (already imported)"
        else
            [ "$logged" = 0 ] && [ "$stored" = 0 ] || fail "case trial $i: $logged case imports logged, $stored cases stored"
            import_cases >/dev/null 2>"$work/err" || fail "case trial $i: the re-run failed: $(cat "$work/err")"
            [ "$(q "$db" "SELECT count(*) FROM cases;")" = "$cases" ] || fail "case trial $i: the re-run stored a wrong count"
            redo="re-run completed"
        fi
        "$bin" imports undo "$(q "$db" "SELECT max(id) FROM imports WHERE kind = 'cases';")" --db "$db" >/dev/null 2>&1 || fail "case trial $i: undo failed"
        [ "$(q "$db" "SELECT count(*) FROM cases;")" = 0 ] || fail "case trial $i: undo left cases behind"
        printf 'case trial %3d: kill at %6.3f s, %s (exit %s); %s; undone\n' "$i" "$delay" "$outcome" "$status" "$redo"
    done
    check_db "$db"
    echo "faults: kill -9 during case imports: $case_trials trials — $c_absent wholly absent ($c_mid of them killed mid-write), $c_present wholly there, $c_finished finished first; every re-run completed and every undo removed the cases"
else
    echo "faults: case imports skipped (this build has no \`cases import\`)"
fi

# ---------------------------------------------------------------- 1c. kill -9 of the server
# `piloteval serve` killed while it saves an upload (a survey wave through the API):
# afterwards the database holds the import wholly (with its change-log entry, written
# in the same transaction) or not at all, and a restarted server takes the same upload.
if "$bin" serve --help >/dev/null 2>&1 && command -v curl >/dev/null; then
    db="$work/serve.db"
    "$bin" model add "$root/Models/vallingbyteamet.yaml" --db "$db" >/dev/null 2>&1 || fail "model add failed"
    "$bin" readiness import "$work/small.csv" --instrument "$instrument" --wave base --db "$db" 2>/dev/null
    start_server() {
        "$bin" serve --db "$db" --port 0 >"$work/serve.out" 2>"$work/serve.err" &
        server=$!
        for _ in $(seq 1 100); do [ -s "$work/serve.out" ] && break; sleep 0.1; done
        link=$(head -1 "$work/serve.out" | sed 's/^piloteval serve: //')
        [ -n "$link" ] || fail "the server did not start: $(cat "$work/serve.err")"
        base="${link%%/?token=*}" token="${link##*token=}"
    }
    upload() {  # wave → curl's HTTP status (000 when the server went away)
        curl -s -o "$work/upload.out" -w '%{http_code}' -H "Authorization: Bearer $token" -F "file=@$work/big.csv" \
            "$base/api/v1/models/vallingbyteamet/imports?kind=readiness&instrument=vallingbyteamet-readiness&wave=$1" || true
    }
    logged() { q "$db" "SELECT count(*) FROM imports WHERE target = 'vallingbyteamet-readiness $1';"; }
    change_logged() { q "$db" "SELECT count(*) FROM changes c JOIN imports i ON c.subject = 'import ' || i.id WHERE i.target = 'vallingbyteamet-readiness $1' AND c.action = 'import';"; }
    start_server
    t0=$(now); [ "$(upload serve-timing)" = 201 ] || fail "the timing upload failed: $(cat "$work/upload.out")"; t1=$(now)
    sspan=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    kill -9 "$server"; wait "$server" 2>/dev/null || true
    check_db "$db"
    s_trials=$(( trials / 4 > 3 ? trials / 4 : 3 ))
    echo "faults: one upload of the large wave through the server takes ${sspan} s"
    s_absent=0 s_present=0
    for i in $(seq 1 "$s_trials"); do
        wave="serve-$i"
        start_server
        upload "$wave" >"$work/status" &
        client=$!
        delay=$(kill_delay 2 "$i" "$sspan")
        sleep "$delay"
        kill -9 "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
        wait "$client" 2>/dev/null || true
        wal=$(stat -c %s "$db-wal" 2>/dev/null || echo 0)
        check_db "$db"
        n=$(logged "$wave")
        if [ "$n" = 1 ]; then
            [ "$(change_logged "$wave")" = 1 ] || fail "server trial $i: the import is stored without its change-log entry"
            [ "$(q "$db" "SELECT count(*) FROM readiness_responses WHERE wave = '$wave';")" = $((respondents * items)) ] \
                || fail "server trial $i: a partial import"
            s_present=$((s_present + 1)); outcome="killed after commit: wholly there, with its change-log entry"
        else
            [ "$(q "$db" "SELECT count(*) FROM readiness_responses WHERE wave = '$wave';")" = 0 ] || fail "server trial $i: answers without an import"
            s_absent=$((s_absent + 1)); outcome="wholly absent ($((wal / 1024)) kB of WAL left)"
            start_server
            [ "$(upload "$wave")" = 201 ] || fail "server trial $i: a restarted server did not take the upload: $(cat "$work/upload.out")"
            kill "$server"; wait "$server" 2>/dev/null || true
            [ "$(logged "$wave")" = 1 ] || fail "server trial $i: the re-upload is not stored"
            outcome="$outcome; re-upload stored"
        fi
        printf 'server trial %2d: kill at %6.3f s, %s (client saw %s)\n' "$i" "$delay" "$outcome" "$(cat "$work/status")"
    done
    check_db "$db"
    echo "faults: kill -9 of the server during uploads: $s_trials trials — $s_absent wholly absent, $s_present wholly there; none partial"
else
    echo "faults: server case skipped (no \`serve\` in this build, or no curl)"
fi

# ---------------------------------------------------------------- 2. concurrency
db="$work/conc.db"
fixtures="$root/Tests/CLITests/Fixtures/indicators"
"$bin" model add "$fixtures/model.yaml" --db "$db" >/dev/null 2>&1 || fail "model add failed"
"$bin" indicators import "$fixtures/tertial1.csv" --model exempelenheten --db "$db" >/dev/null 2>&1 || fail "indicators import failed"
"$bin" readiness import "$work/small.csv" --instrument "$instrument" --wave base --db "$db" 2>/dev/null
[ -s "$work/cases.csv" ] && { "$bin" model add "$root/Models/vallingbyteamet.yaml" --db "$db" >/dev/null 2>&1 || fail "model add failed"; }
for r in $(seq 1 "$rounds"); do
    pids=() names=()
    import_wave "$db" "$work/big.csv" "conc-$r-a" 2>"$work/c1" & pids+=($!); names+=("import a")
    import_wave "$db" "$work/big.csv" "conc-$r-b" 2>"$work/c2" & pids+=($!); names+=("import b")
    "$bin" report --model exempelenheten --kind final --format json -o "$work/report-$r.json" --db "$db" 2>"$work/c3" & pids+=($!); names+=("report")
    "$bin" readiness summary --instrument vallingbyteamet-readiness --wave base --format json --db "$db" >"$work/summary-$r.json" 2>"$work/c4" & pids+=($!); names+=("summary")
    if [ -s "$work/cases.csv" ]; then  # a third writer: the case extract, into its own import
        "$bin" cases import "$work/cases.csv" --model vallingbyteamet --key-file "$work/faults.key" --db "$db" >/dev/null 2>"$work/c5" & pids+=($!); names+=("case import")
    fi
    t0=$(now)
    for k in "${!pids[@]}"; do
        wait "${pids[$k]}" || fail "round $r: ${names[$k]} failed: $(cat "$work/c$((k + 1))")"
    done
    if [ -s "$work/cases.csv" ]; then
        [ "$(q "$db" "SELECT count(*) FROM cases WHERE import_id = (SELECT max(id) FROM imports WHERE kind = 'cases');")" = "$cases" ] \
            || fail "round $r: the case import stored a wrong count"
        "$bin" imports undo "$(q "$db" "SELECT max(id) FROM imports WHERE kind = 'cases';")" --db "$db" >/dev/null 2>&1 || fail "round $r: undo failed"
    fi
    t1=$(now)
    check_db "$db"
    for w in a b; do
        stored=$(q "$db" "SELECT count(*) FROM readiness_responses WHERE wave = 'conc-$r-$w';")
        [ "$stored" = $((respondents * items)) ] || fail "round $r: import $w stored $stored answers"
    done
    [ -s "$work/report-$r.json" ] && [ -s "$work/summary-$r.json" ] || fail "round $r: empty report or summary"
    printf 'round %d: %s at once: all exit 0 in %.2f s, every import complete\n' "$r" "$(IFS=,; echo "${names[*]}" | sed 's/,/, /g')" "$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')"
done
echo "faults: concurrency: $rounds round(s), every process succeeded, no lost rows"

# ---------------------------------------------------------------- 3. disk full
full_case() {  # label dir runner...  (the runner runs the import in a limited environment)
    local label="$1" dir="$2"; shift 2
    local db="$dir/full.db"
    "$bin" readiness import "$work/small.csv" --instrument "$instrument" --wave base --db "$db" 2>/dev/null \
        || fail "$label: the baseline import failed"
    local before after status=0
    before=$(sha256sum "$db" | cut -d' ' -f1)
    "$@" "$db" 2>"$work/full-err" || status=$?
    [ "$status" = 1 ] || fail "$label: the import exited $status, expected 1: $(cat "$work/full-err")"
    after=$(sha256sum "$db" | cut -d' ' -f1)
    [ "$before" = "$after" ] || fail "$label: the database file changed"
    check_db "$db"
    [ "$(q "$db" "SELECT count(*) FROM readiness_responses WHERE wave = 'full';")" = 0 ] || fail "$label: rows were left behind"
    echo "faults: $label: exit 1, \"$(grep -m1 -i 'error' "$work/full-err" || head -1 "$work/full-err")\"; database byte-for-byte unchanged"
}
limited_by_ulimit() {  # db
    # SIGXFSZ ignored: a write past the limit fails with EFBIG instead of killing us.
    ( trap '' XFSZ; ulimit -f "$fsize_kb"; import_wave "$1" "$work/big.csv" full )
}
mkdir -p "$work/fsize"
"$bin" readiness import "$work/small.csv" --instrument "$instrument" --wave base --db "$work/fsize/probe.db" 2>/dev/null
fsize_kb=$(( $(stat -c %s "$work/fsize/probe.db") / 1024 + 256 ))
full_case "file-size limit (ulimit -f ${fsize_kb} kB)" "$work/fsize" limited_by_ulimit
# After lifting the limit the same import goes through.
import_wave "$work/fsize/full.db" "$work/big.csv" full 2>/dev/null || fail "the import failed after the file-size limit was lifted"
check_db "$work/fsize/full.db"

mkdir -p "$work/tmpfs"
# 4 MB: room for a fresh database and its WAL (16 KiB pages: 1–2 MB while the
# migrations and the baseline import run), not for the big import.
if mount -t tmpfs -o size=4m tmpfs "$work/tmpfs" 2>/dev/null; then
    mounted="$work/tmpfs"
    in_tmpfs() { import_wave "$1" "$work/big.csv" full; }
    full_case "full disk (4 MB tmpfs)" "$work/tmpfs" in_tmpfs
    # Room again: grow the file system and the same import goes through.
    mount -o remount,size=256m "$work/tmpfs"
    import_wave "$work/tmpfs/full.db" "$work/big.csv" full 2>/dev/null || fail "the import failed after the disk had room again"
    check_db "$work/tmpfs/full.db"
else
    echo "faults: full disk on tmpfs skipped (mount not permitted here); the file-size limit covers the same path (SQLite's write fails)"
fi
echo "faults: all passed"
