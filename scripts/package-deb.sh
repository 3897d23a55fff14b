#!/usr/bin/env bash
# Builds dist/piloteval_VERSION_ARCH.deb: the `piloteval` executable with the Swift
# standard library and Foundation linked in statically, so it runs on Debian 12 without
# the Swift toolchain, plus the systemd unit, the settings file, the nginx example and the
# documentation (docs/deployment.md). Depends are computed from the libraries the binary
# actually loads. Needs dpkg-deb (and objdump: binutils). Slow: a release build.
#
#   scripts/package-deb.sh                 # build, then package
#   scripts/package-deb.sh --skip-build    # package the release binary already built
#   SWIFT_SCRATCH_PATH=.build-release scripts/package-deb.sh   # another build folder
#
# What goes where is decided in deploy/ (the files) and in this script (the paths);
# docs/deployment.md describes the result. scripts/prove-deb.sh installs the package in a
# clean Debian chroot and runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
umask 022
scratch=${SWIFT_SCRATCH_PATH:-.build}

build=1
[[ "${1:-}" == "--skip-build" ]] && build=0
for tool in dpkg-deb objdump dpkg-query; do
    command -v "$tool" >/dev/null || { echo "error: $tool is missing (apt-get install dpkg-dev binutils)" >&2; exit 1; }
done

if (( build )); then
    swift build --scratch-path "$scratch" -c release --static-swift-stdlib --product piloteval
fi
bindir=$(swift build --scratch-path "$scratch" -c release --show-bin-path)
bin="$bindir/piloteval"
[[ -x "$bin" ]] || { echo "error: no release build at $bin (run without --skip-build)" >&2; exit 1; }

# 1. Nothing of the Swift toolchain may be loaded at run time.
if ldd "$bin" | grep -E 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|/opt/swift'; then
    echo "error: $bin still loads the Swift runtime above; build with --static-swift-stdlib" >&2
    exit 1
fi

# 2. The version, from the one place it is written: the CLI's configuration
#    (Sources/piloteval/PilotEval.swift), as the binary itself reports it.
version=$("$bin" --version)
[[ "$version" =~ ^[0-9][0-9A-Za-z.+~-]*$ ]] || { echo "error: '$version' is not a Debian version" >&2; exit 1; }
arch=$(dpkg --print-architecture)

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
pkg="$stage/piloteval"
install -d -m 0755 "$pkg/DEBIAN" "$pkg/usr/bin" "$pkg/lib/systemd/system" "$pkg/etc/piloteval" \
    "$pkg/usr/share/doc/piloteval/nginx" "$pkg/usr/share/doc/piloteval/licenses"

# The executable, without its symbol table (as dh_strip would; the Swift runtime needs
# its metadata sections, not the symbols).
install -m 0755 "$bin" "$pkg/usr/bin/piloteval"
strip --remove-section=.comment --remove-section=.note --strip-unneeded "$pkg/usr/bin/piloteval"
"$pkg/usr/bin/piloteval" --version >/dev/null

install -m 0644 deploy/piloteval.service "$pkg/lib/systemd/system/piloteval.service"
# Settings: a conffile, kept (and asked about) on upgrade when the administrator changed it.
install -m 0640 deploy/piloteval.env "$pkg/etc/piloteval/piloteval.env"
install -m 0644 deploy/nginx/piloteval.conf "$pkg/usr/share/doc/piloteval/nginx/piloteval.conf"
install -m 0644 docs/deployment.md "$pkg/usr/share/doc/piloteval/deployment.md"
install -m 0644 docs/web.md "$pkg/usr/share/doc/piloteval/web.md"
install -m 0644 docs/privacy.md "$pkg/usr/share/doc/piloteval/privacy.md"
install -m 0644 README.md "$pkg/usr/share/doc/piloteval/README.md"
# The shipped logic models and data sets, for `piloteval demo` (it looks beside the
# binary: /usr/share/piloteval/Models, …/Datasets). Only what git tracks.
git ls-files Models Datasets | while read -r file; do
    install -D -m 0644 "$file" "$pkg/usr/share/piloteval/$file"
done

# 3. Copyright: piloteval (GPL-3+), and every package whose code is linked into the
#    binary, found from the link's object list, each with its own licence file.
copyright="$pkg/usr/share/doc/piloteval/copyright"
cat > "$copyright" <<'EOF'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: piloteval
Comment: Built by scripts/package-deb.sh. /usr/bin/piloteval links statically the Swift
 standard library, Foundation and the Swift packages listed below; their licence texts
 are in /usr/share/doc/piloteval/licenses/. GSL, SQLite, zlib and the C/C++ runtime are
 Debian's own packages (see Depends).

Files: *
Copyright: the piloteval authors
License: GPL-3+
 This program is free software: you can redistribute it and/or modify it under the
 terms of the GNU General Public License as published by the Free Software Foundation,
 either version 3 of the License, or (at your option) any later version.
 .
 On Debian systems, the complete text of the GNU General Public License version 3 can
 be found in "/usr/share/common-licenses/GPL-3".

Files: usr/bin/piloteval (the Swift runtime: standard library, Foundation, Dispatch)
Copyright: Apple Inc. and the Swift project authors
License: Apache-2.0 with Runtime Library Exception
 See https://swift.org/LICENSE.txt. On Debian systems, the Apache License 2.0 is in
 "/usr/share/common-licenses/Apache-2.0".
EOF
linklist="$bindir/piloteval.product/Objects.LinkFileList"
declare -A seen=()
if [[ -f "$linklist" ]]; then
    while read -r module; do
        dir=$(find "$scratch"/checkouts/*/Sources -maxdepth 1 -type d -name "$module" 2>/dev/null | head -1)
        [[ -n "$dir" ]] || continue
        package=$(basename "$(dirname "$(dirname "$dir")")")
        [[ -n "${seen[$package]:-}" ]] && continue
        seen[$package]=1
        licence=$(ls "$scratch/checkouts/$package"/LICENSE* "$scratch/checkouts/$package"/LICENCE* 2>/dev/null | head -1 || true)
        [[ -n "$licence" ]] || { echo "error: no licence file in $scratch/checkouts/$package" >&2; exit 1; }
        install -m 0644 "$licence" "$pkg/usr/share/doc/piloteval/licenses/$package.txt"
        printf '\nFiles: usr/bin/piloteval (Swift package %s)\nCopyright: see /usr/share/doc/piloteval/licenses/%s.txt\nLicense: see /usr/share/doc/piloteval/licenses/%s.txt\n' \
            "$package" "$package" "$package" >> "$copyright"
    done < <(sed 's|.*/\([^/]*\)\.build/.*|\1|' "$linklist" | sort -u)
fi
echo "linked Swift packages: ${!seen[*]}" >&2

# 4. Depends: each library the binary names (NEEDED) → the file the loader finds → the
#    Debian package that owns it. dpkg-shlibdeps then gives the lowest versions that
#    carry the symbols used; its package names must be the same.
# The package owning a file, under the name the loader found or the one dpkg recorded
# (/lib and /usr/lib are one folder on Debian 12, but dpkg knows each file by one name).
owner_of() {
    local candidate
    for candidate in "$1" "$(readlink -f "$1")" "${1#/usr}" "/usr$1"; do
        dpkg -S "$candidate" 2>/dev/null | head -1 | cut -d: -f1 && return 0
    done
    true
}
needed=$(objdump -p "$bin" | awk '/NEEDED/ { print $2 }')
declare -A owners=()
for lib in $needed; do
    # "lib.so => /path (…)", or for the loader itself "/path/ld-linux….so.2 (…)".
    path=$(ldd "$bin" | awk -v l="$lib" '$1 == l { print $3; exit } $1 ~ ("/" l "$") { print $1; exit }')
    [[ -n "$path" && -e "$path" ]] || { echo "error: $lib is not found on this machine" >&2; exit 1; }
    owner=$(owner_of "$path")
    [[ -n "$owner" ]] || { echo "error: no Debian package owns $path ($lib)" >&2; exit 1; }
    owners[$owner]=1
    echo "  $lib → $path → $owner" >&2
done
depends=$(printf '%s\n' "${!owners[@]}" | sort | paste -sd, | sed 's/,/, /g')
if command -v dpkg-shlibdeps >/dev/null; then
    (
        cd "$stage"
        mkdir -p debian
        printf 'Source: piloteval\n\nPackage: piloteval\nArchitecture: any\n' > debian/control
        dpkg-shlibdeps -O piloteval/usr/bin/piloteval 2>/dev/null
    ) > "$stage/shlibs.txt"
    versioned=$(sed -n 's/^shlibs:Depends=//p' "$stage/shlibs.txt")
    names=$(echo "$versioned" | tr ',' '\n' | sed 's/(.*//; s/ //g' | sort | paste -sd, | sed 's/,/, /g')
    if [[ "$names" != "$depends" ]]; then
        echo "error: dpkg-shlibdeps says '$versioned', the NEEDED libraries say '$depends'" >&2
        exit 1
    fi
    depends=$versioned
fi
# Report figures are rasterised by rsvg-convert at run time (a program, not a library).
depends="$depends, librsvg2-bin, adduser"

installed_size=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
cat > "$pkg/DEBIAN/control" <<EOF
Package: piloteval
Version: $version
Architecture: $arch
Maintainer: ${PILOTEVAL_DEB_MAINTAINER:-piloteval maintainers <piloteval@invalid>}
Installed-Size: $installed_size
Depends: $depends
Recommends: chromium
Suggests: nginx, sqlite3
Section: science
Priority: optional
Description: evaluate pilots in municipal social services
 piloteval describes a pilot's logic model, follows its indicators, compares the
 pilot's cases with the line organisation, measures staff readiness and improvement
 cycles, and writes the reports. "piloteval serve" is a web application for the
 pilots' teams, with accounts, roles per pilot and an access log.
 .
 This package runs it as a sandboxed systemd service (piloteval.service) on
 127.0.0.1:8080, with its database in /var/lib/piloteval; see
 /usr/share/doc/piloteval/deployment.md. Chromium is needed for PDF reports only.
EOF
echo /etc/piloteval/piloteval.env > "$pkg/DEBIAN/conffiles"
for script in postinst prerm postrm; do
    install -m 0755 "deploy/debian/$script" "$pkg/DEBIAN/$script"
done

mkdir -p dist
out="dist/piloteval_${version}_${arch}.deb"
rm -f "$out"
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$out" >/dev/null
echo "built $out ($(du -h "$out" | cut -f1); installed $(( installed_size / 1024 )) MiB)" >&2
echo "Depends: $depends" >&2
echo "$out"
