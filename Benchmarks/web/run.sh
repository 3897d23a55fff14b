#!/usr/bin/env bash
# The web application under load (issue 22): wrk with 50 connections against the
# overview page of the large benchmark model (100 indicators × 20 tertials, 10 survey
# waves: Benchmarks/report/generate.py), beside nginx serving the same page saved as a
# static file, in the same run. Prints p50 and p95 latency of both, the ratio of the
# p95s (goal ≤ 5) and requests per second, and the server's resident memory after
# the load run (well over 10 000 requests). Needs wrk and nginx (Debian), installed if missing.
#   Benchmarks/web/run.sh [SECONDS]      (default 20 s per run)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-20}"
work="$(mktemp -d)"
server=""; nginx_pid=""
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null || true
    [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

for p in wrk nginx; do
    if ! command -v "$p" >/dev/null && [ ! -x "/usr/sbin/$p" ]; then
        SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
        $SUDO apt-get install -y -qq --no-install-recommends "$p" >/dev/null
    fi
done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

bin="${PILOTEVAL_BIN:-}"
if [ -z "$bin" ]; then (cd "$root" && swift build -c release --product piloteval >/dev/null); bin="$root/.build/release/piloteval"; fi

# The large model and its data, as the report benchmark makes them.
. "$root/Benchmarks/lib.sh"
db="$work/web.db"
large_evaluation "$bin" "$work/data" "$db"

"$bin" serve --db "$db" --port 0 > "$work/serve.out" 2> "$work/serve.err" &
server=$!
for _ in $(seq 100); do [ -s "$work/serve.out" ] && break; sleep 0.1; done
link=$(head -1 "$work/serve.out" | sed 's/^piloteval serve: //')
base=${link%%/\?token=*}
token=${link##*token=}
page="$base/models/benchmark-large"
# The first request builds the steering brief's sections (then cached while the data is unchanged).
first=$(curl -s -o "$work/overview.html" -w '%{time_total}' -H "Authorization: Bearer $token" "$page")

# nginx serving the same bytes as a static file, on a free port.
mkdir -p "$work/nginx/html" "$work/nginx/logs"
# nginx's workers run as another user: they must be able to read the page.
chmod 755 "$work" "$work/nginx" "$work/nginx/html"
cp "$work/overview.html" "$work/nginx/html/index.html"
chmod 644 "$work/nginx/html/index.html"
nport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    server { listen 127.0.0.1:$nport; root $work/nginx/html; location / { try_files /index.html =404; } }
}
CONF
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
sleep 0.5

run() {  # url, extra header → "p50_ms p95_ms rps"
    wrk -t2 -c50 -d"${seconds}s" --latency -H "$2" "$1" > "$work/wrk.txt"
    python3 - "$work/wrk.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(label):
    m = re.search(r"^\s*%s%%\s+([\d.]+)(us|ms|s)\s*$" % label, text, re.M)
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v * 1000 if u == "s" else v
# wrk prints 50/75/90/99; p95 is interpolated between 90 and 99 on a log scale.
p50, p90, p99 = ms("50"), ms("90"), ms("99")
import math
p95 = math.exp(math.log(p90) + (math.log(p99) - math.log(p90)) * (95 - 90) / (99 - 90))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(f"{p50:.2f} {p95:.2f} {rps:.0f} {errors.group(1) if errors else 0}")
PY
}
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }

# Each server gets the same 5-second warm-up at the same load before its measured run:
# a freshly started piloteval's first seconds under 50 connections have a tail of
# second-long waits (allocator and thread pools growing) that later runs do not.
wrk -t2 -c50 -d5s -H "Authorization: Bearer $token" "$page" >/dev/null
read -r s50 s95 srps serr < <(run "$page" "Authorization: Bearer $token")
after=$(rss)
wrk -t2 -c50 -d5s "http://127.0.0.1:$nport/" >/dev/null
read -r n50 n95 nrps nerr < <(run "http://127.0.0.1:$nport/" "X-Nothing: 1")
ratio=$(awk -v a="$s95" -v b="$n95" 'BEGIN{printf "%.1f", a/b}')
echo "overview of benchmark-large ($(stat -c %s "$work/overview.html") bytes), first request ${first}s, wrk -c50 ${seconds}s each:"
echo "| server | p50 ms | p95 ms | requests/s | non-2xx |"
echo "|---|---|---|---|---|"
echo "| piloteval serve | $s50 | $s95 | $srps | $serr |"
echo "| nginx (static copy) | $n50 | $n95 | $nrps | $nerr |"
echo "p95 ratio piloteval/nginx: $ratio (goal ≤ 5)"
total=$(awk -v r="$srps" -v t="$seconds" 'BEGIN{printf "%.0f", r*t}')
echo "resident memory of piloteval serve after the load run ($total requests): $((after / 1024)) MB"
