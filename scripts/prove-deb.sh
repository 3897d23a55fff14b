#!/usr/bin/env bash
# Proves the .deb on a clean Debian 12: debootstrap bookworm (minbase) into a temporary
# folder, `apt-get install ./piloteval_*.deb` inside with its dependencies from
# deb.debian.org, then — with no Swift toolchain anywhere in the chroot — the things an
# IT department does first: --version, demo, users add, serve (a page fetched with curl,
# a sign-in), backup. Slow (a few minutes, network); not part of scripts/test.sh. Needs
# root. The result goes into docs/deployment.md ("Proof on a clean Debian 12") by hand.
#
#   scripts/prove-deb.sh [dist/piloteval_VERSION_ARCH.deb]
#
# systemd does not run in a chroot: at the end systemd is installed there (not started)
# and the unit checked with `systemd-analyze verify` and `systemd-analyze security --offline`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

deb="${1:-$(ls -t dist/piloteval_*.deb 2>/dev/null | head -1)}"
[[ -f "$deb" ]] || { echo "error: no .deb (run scripts/package-deb.sh first)" >&2; exit 1; }
[[ $(id -u) -eq 0 ]] || { echo "error: debootstrap and chroot need root" >&2; exit 1; }
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
if ! command -v debootstrap >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >&2
fi

chroot_dir=$(mktemp -d /var/tmp/piloteval-prove.XXXXXX)
chmod 0755 "$chroot_dir"   # the root of a system: mktemp made it 0700, which shuts out every user but root
cleanup() {
    [[ -n "${server_pid:-}" ]] && kill "$server_pid" 2>/dev/null || true
    # Anything still running inside the chroot was started by this script.
    for proc in /proc/[0-9]*; do
        [[ "$(readlink "$proc/root" 2>/dev/null)" == "$chroot_dir" ]] && kill "${proc#/proc/}" 2>/dev/null || true
    done
    for m in dev/pts dev proc; do umount -l "$chroot_dir/$m" 2>/dev/null || true; done
    # Never delete through a mount that is still there (/dev is the host's).
    if [[ -z "${KEEP_CHROOT:-}" ]] && ! grep -q " $chroot_dir/" /proc/mounts; then
        rm -rf "$chroot_dir"
    fi
}
trap cleanup EXIT
in_chroot() { chroot "$chroot_dir" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
say() { printf '== %s\n' "$*" >&2; }

started=$(date +%s)
say "debootstrap bookworm (minbase) into $chroot_dir"
debootstrap --variant=minbase bookworm "$chroot_dir" "$mirror" > "$chroot_dir.debootstrap.log" 2>&1 \
    || { tail -20 "$chroot_dir.debootstrap.log" >&2; exit 1; }
rm -f "$chroot_dir.debootstrap.log"
mount -t proc proc "$chroot_dir/proc"
mount --bind /dev "$chroot_dir/dev"
mount --bind /dev/pts "$chroot_dir/dev/pts"
cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf"
base_size=$(du -smx "$chroot_dir" | cut -f1)
base_packages=$(in_chroot dpkg-query -W -f='${Package}\n' | wc -l)

say "apt-get install ./$(basename "$deb") (Recommends off: no chromium), and curl for this test"
cp "$deb" "$chroot_dir/tmp/"
in_chroot apt-get update -qq
in_chroot env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "/tmp/$(basename "$deb")" > "$chroot_dir/tmp/install.log" 2>&1 || { tail -30 "$chroot_dir/tmp/install.log" >&2; exit 1; }
grep -E '^(Setting up|piloteval:)' "$chroot_dir/tmp/install.log" | sed 's/^/   /' >&2
installed=$(( $(in_chroot dpkg-query -W -f='${Package}\n' | wc -l) - base_packages ))
in_chroot apt-get clean   # the downloaded .debs are not part of the installed system
full_size=$(du -smx --exclude=var/lib/apt/lists "$chroot_dir" | cut -f1)
in_chroot env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends curl > /dev/null 2>&1

say "no Swift toolchain in the chroot; every library the binary needs is there"
if in_chroot sh -c 'command -v swift swiftc' || find "$chroot_dir" -xdev -name 'libswiftCore.so*' | grep -q .; then
    echo "FAIL: a Swift toolchain or runtime is in the chroot" >&2; exit 1
fi
in_chroot ldd /usr/bin/piloteval | sed 's/^/   /' >&2
if in_chroot ldd /usr/bin/piloteval | grep -q 'not found'; then echo "FAIL: a library is missing" >&2; exit 1; fi

say "piloteval --version"
version=$(in_chroot piloteval --version)
echo "   $version" >&2

say "the user, the data folder and the settings the postinst made"
in_chroot getent passwd piloteval | sed 's/^/   /' >&2
in_chroot stat -c '   %A %U:%G %n' /var/lib/piloteval /etc/piloteval /etc/piloteval/piloteval.env >&2
[[ $(in_chroot stat -c %a /var/lib/piloteval) == 700 ]] || { echo "FAIL: /var/lib/piloteval is not 0700" >&2; exit 1; }

say "piloteval demo --out /tmp/d"
in_chroot sh -c 'cd /tmp && piloteval demo --out /tmp/d' > "$chroot_dir/tmp/demo.txt"
tail -4 "$chroot_dir/tmp/demo.txt" | sed 's/^/   /' >&2
ls "$chroot_dir/tmp/d/reports" | sed 's/^/   reports\//' >&2
[[ -n "$(ls "$chroot_dir/tmp/d/reports/"*.docx 2>/dev/null)" ]] \
    || { echo "FAIL: the demo made no DOCX report" >&2; exit 1; }

db=/var/lib/piloteval/piloteval.db
as_service() { in_chroot runuser -u piloteval -- "$@"; }

say "piloteval model add, users add (as the piloteval user, into $db): three pilots, as docs/deployment.md"
for model in vallingbyteamet familjeenheten-2022 forebyggande-och-behandling-2022; do
    as_service piloteval model add "/usr/share/piloteval/Models/$model.yaml" --db "$db" > /dev/null 2>&1 \
        || { echo "FAIL: model add $model" >&2; exit 1; }
done
admin_password=$(as_service piloteval users add it-forvaltningen --role admin --db "$db" < /dev/null | sed -n 's/^password (shown once): //p')
[[ -n "$admin_password" ]] || { echo "FAIL: no generated password" >&2; exit 1; }
echo "lösenord för vallingbyteamet" | as_service piloteval users add anna --role editor --pilot vallingbyteamet --db "$db" >&2
as_service piloteval users list --db "$db" | sed 's/^/   /' >&2
in_chroot stat -c '   %a %U %n' "$db" >&2

say "piloteval serve (as the service would run it, settings from /etc/piloteval/piloteval.env)"
set -a; . "$chroot_dir/etc/piloteval/piloteval.env"; set +a
mkfifo "$chroot_dir/tmp/serve.out"
in_chroot runuser -u piloteval -- piloteval serve --db "$PILOTEVAL_DB" --host "$PILOTEVAL_HOST" --port 0 \
    > "$chroot_dir/tmp/serve.out" 2> "$chroot_dir/tmp/serve.log" &
server_pid=$!
exec 3< "$chroot_dir/tmp/serve.out"
IFS= read -r -t 30 line <&3 || { cat "$chroot_dir/tmp/serve.log" >&2; echo "FAIL: serve printed nothing" >&2; exit 1; }
cat <&3 > /dev/null &
echo "   $line" >&2
link=${line#piloteval serve: }
status=$(in_chroot curl -s -o /tmp/login.html -w '%{http_code}' "${link}login")
grep -q 'name="password"' "$chroot_dir/tmp/login.html" && [[ $status == 200 ]] \
    || { echo "FAIL: GET /login answered $status" >&2; exit 1; }
echo "   GET /login: $status" >&2
signin=$(in_chroot curl -s -o /dev/null -c /tmp/cookies -w '%{http_code}' \
    --data-urlencode username=it-forvaltningen --data-urlencode "password=$admin_password" "${link}login")
page=$(in_chroot curl -s -b /tmp/cookies -o /tmp/start.html -w '%{http_code}' "$link")
[[ $signin == 303 && $page == 200 ]] || { echo "FAIL: sign-in $signin, start page $page" >&2; exit 1; }
echo "   POST /login: $signin; GET / signed in: $page" >&2

say "piloteval backup while serving"
# (`piloteval backup --help` would print the root's help for an unknown word: ask the list.)
if in_chroot piloteval --help | grep -qE '^ +backup( |$)'; then
    as_service piloteval backup /var/lib/piloteval/backup-proof.db --db "$db" >&2
    as_service piloteval users list --db /var/lib/piloteval/backup-proof.db | sed 's/^/   backup: /' >&2
    backup="ran"
else
    echo "   this build has no \`piloteval backup\` yet" >&2
    backup="absent from this build"
fi

kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""
in_chroot runuser -u piloteval -- piloteval audit --db "$db" | tail -3 | sed 's/^/   audit: /' >&2

say "the systemd unit: systemd installed in the chroot (not running), its analyzer run there"
in_chroot env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends systemd > /dev/null 2>&1
verify=$(in_chroot systemd-analyze verify /lib/systemd/system/piloteval.service 2>&1 || echo "exit $?")
echo "   systemd-analyze verify: ${verify:-no complaints}" >&2
[[ -z "$verify" ]] || { echo "FAIL: systemd-analyze verify complained" >&2; exit 1; }
exposure=$(in_chroot systemd-analyze security --offline=true /lib/systemd/system/piloteval.service 2>/dev/null | tail -1)
echo "   $exposure" >&2

say "apt-get remove keeps the data"
in_chroot env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq piloteval > /dev/null 2>&1
[[ -f "$chroot_dir$db" ]] || { echo "FAIL: remove deleted the database" >&2; exit 1; }
in_chroot env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq piloteval 2>&1 | grep piloteval: | sed 's/^/   /' >&2 || true
[[ -f "$chroot_dir$db" ]] || { echo "FAIL: purge deleted the database" >&2; exit 1; }
echo "   database kept after remove and purge" >&2

echo "proved $(basename "$deb") ($(du -h "$deb" | cut -f1)) on Debian $(cat "$chroot_dir/etc/debian_version"): $version;" \
    "minbase chroot ${base_size} MB, ${full_size} MB after install (piloteval and $(( installed - 1 )) dependencies; apt's cache and lists left out);" \
    "demo, users add, serve + curl + sign-in, backup $backup, remove/purge kept data;" \
    "$(( $(date +%s) - started )) s"
