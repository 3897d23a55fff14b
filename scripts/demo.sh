#!/usr/bin/env bash
# First README command: install what is missing, build, set up the notebooks'
# environment, run the worked example, then serve its database in the browser:
# the printed link (http://127.0.0.1:8080/?token=…) is where a newcomer starts.
# Ctrl-C stops the server. Arguments go to `piloteval demo` (e.g. --out DIR; default
# ./piloteval-demo), except:
#   --no-serve      stop after the demo (scripts, CI)
#   --port N        serve on port N (default 8080; 0: any free port)
set -euo pipefail
cd "$(dirname "$0")/.."

serve=1
port=8080
out=piloteval-demo
demo_args=()
while (( $# > 0 )); do
    case "$1" in
        --no-serve) serve=0 ;;
        --port) port="$2"; shift ;;
        --port=*) port="${1#--port=}" ;;
        --out) out="$2"; demo_args+=("$1" "$2"); shift ;;
        --out=*) out="${1#--out=}"; demo_args+=("$1") ;;
        *) demo_args+=("$1") ;;
    esac
    shift
done

scripts/install-deps.sh
swift build -c release --product piloteval
scripts/notebook-env.sh
.build/release/piloteval demo ${demo_args[@]+"${demo_args[@]}"}

if (( serve )); then
    echo >&2
    echo "Serving the demo's database: open the link below in a browser (Ctrl-C stops)." >&2
    exec .build/release/piloteval serve --db "$out/piloteval.db" --port "$port"
fi
