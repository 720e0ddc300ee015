#!/usr/bin/env bash
# Render benchmark, one command, loopback only, bounded in time:
#  1. uncached render time of /nl/community: render-service with its page cache off, wrk with one connection
#     (it still keeps the providers' answers, as it does in production; ANSWERS=false measures it without them,
#     every provider asked on every render, and says so in the row);
#  2. edit-to-visible delay: an edit through content-service's API, polled through the gateway until it shows.
# Appends a row to benchmarks/render/RESULTS.md. Builds the jars first when they are missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
RESULTS=${RESULTS:-benchmarks/render/RESULTS.md}   # RESULTS=FILE writes the row elsewhere (a trial run)
DURATION=${DURATION:-20}
EDITS=${EDITS:-10}
ANSWERS=${ANSWERS:-true}
TOKEN=bench-token
PORTS=(19181 19182 19183 19184 19180 19190)   # content directory render(no cache) render(cache) gateway gateway-management

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
jar() { ls "$1"/target/"$1"-*.jar 2>/dev/null | grep -v original | head -n 1; }
for s in content-service directory-service render-service gateway; do
  [ -n "$(jar $s)" ] || { ./mvnw -q -DskipTests package; break; }
done

work=$(mktemp -d); pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
start() { # name jar args...
  local name=$1 jarfile=$2; shift 2
  java -Xmx512m -jar "$jarfile" "$@" >"$work/$name.log" 2>&1 & pids+=($!)
}
start content "$(jar content-service)" --server.port=${PORTS[0]} --portal.mongodb.embedded.in-memory=true --portal.editor.token=$TOKEN
start directory "$(jar directory-service)" --server.port=${PORTS[1]} --portal.mongodb.embedded.in-memory=true
for i in 2 3; do
  start render$i "$(jar render-service)" --server.port=${PORTS[$i]} --portal.content.url=http://127.0.0.1:${PORTS[0]} \
    --portal.directory.url=http://127.0.0.1:${PORTS[1]} --portal.cache.enabled=$([ $i = 2 ] && echo false || echo true) \
    $([ $i = 2 ] && echo --portal.cache.answers=$ANSWERS)
done
start gateway "$(jar gateway)" --server.port=${PORTS[4]} --portal.content.url=http://127.0.0.1:${PORTS[0]} \
  --portal.directory.url=http://127.0.0.1:${PORTS[1]} --portal.render.url=http://127.0.0.1:${PORTS[3]} \
  --management.server.port=${PORTS[5]}
for p in "${PORTS[@]:0:4}" ${PORTS[5]}; do   # the gateway answers health on its management port only
  for _ in $(seq 1 240); do curl -fsS -o /dev/null "http://127.0.0.1:$p/actuator/health" 2>/dev/null && break; sleep 0.5; done
done
for _ in $(seq 1 120); do curl -fsS -o /dev/null "http://127.0.0.1:${PORTS[2]}/nl/community" && break; sleep 0.5; done
load=$(cut -d' ' -f1-3 /proc/loadavg)

# 1. Uncached render: warm up, then measure with one connection (one render at a time).
wrk -t1 -c1 -d10s "http://127.0.0.1:${PORTS[2]}/nl/community" >/dev/null
out=$(wrk -t1 -c1 -d${DURATION}s --latency "http://127.0.0.1:${PORTS[2]}/nl/community")
rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
ms() { awk -v k="$1" '$1==k {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; printf "%.2f", v}' <<<"$out"; }
p50=$(ms 50%); p99=$(ms 99%)

# 2. Edit to visible through the gateway.
api=http://127.0.0.1:${PORTS[0]}/api/content/v1/pages
delays=()
for n in $(seq 1 "$EDITS"); do
  curl -fsS -m 10 -o /dev/null "http://127.0.0.1:${PORTS[4]}/nl/community"      # make sure a cached copy exists
  page=$(curl -fsS "$api?lang=nl&path=/nl/community")
  title="Gemeenschap $n-$RANDOM"
  body=$(python3 -c 'import json,sys; p=json.loads(sys.argv[1]); p["title"]=sys.argv[2]; print(json.dumps({k:p.get(k) for k in ["lang","permalink","translationKey","title","description","heroImage","heroImageCredit","body","frontMatter","kind","layout","categories","date","status"]}))' "$page" "$title")
  id=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["id"])' "$page")
  version=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["version"])' "$page")
  t0=$(date +%s%N)
  curl -fsS -o /dev/null -X PUT "$api/$id?version=$version" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$body"
  until curl -fsS -m 2 "http://127.0.0.1:${PORTS[4]}/nl/community" 2>/dev/null | grep -q "$title"; do
    [ $(( ($(date +%s%N) - t0) / 1000000 )) -lt 10000 ] || { echo "edit $n not visible after 10 s" >&2; break; }
    sleep 0.02
  done
  delays+=($(( ($(date +%s%N) - t0) / 1000000 )))
done
sorted=$(printf '%s\n' "${delays[@]}" | sort -n)
median=$(sed -n "$(( (EDITS + 1) / 2 ))p" <<<"$sorted"); max=$(tail -n 1 <<<"$sorted")

if [ ! -f "$RESULTS" ]; then
  cat >"$RESULTS" <<'HEAD'
# Render benchmark

Written by `benchmarks/render/render-benchmark.sh` (one row per run, newest last), on loopback, all services on
the embedded MongoDB in memory, JVMs with default flags and `-Xmx512m`.
- **Uncached render**: render-service with its page cache off renders `/nl/community`, `wrk` with one
  connection; goal p50 ≤ 5 ms. render-service keeps the providers' answers as it does in production (content
  answers until the site revision changes, directory answers for 5 s: render-service/README.md, "Provider
  answers"), so the page is rendered again from them. Rows marked "(answers off)" (`ANSWERS=false`) ask
  content-service and directory-service every time.
- **Edit to visible**: a title edit through content-service's API, then `/nl/community` through the gateway is
  polled every 20 ms until the new title shows; goal ≤ 1 s.
Latencies in ms; "load" is the 1/5/15-minute load average before measuring (2 cores).

| date (UTC) | commit | uncached req/s | uncached p50 | uncached p99 | edits | edit-to-visible median | edit-to-visible max | load |
|---|---|---|---|---|---|---|---|---|
HEAD
fi
echo "| $(date -u '+%Y-%m-%d %H:%M') | $(git rev-parse --short HEAD)$(git diff --quiet || echo +changes)$([ "$ANSWERS" = true ] || echo ' (answers off)') | $rps | $p50 | $p99 | $EDITS | $median | $max | $load |" >>"$RESULTS"
tail -n 1 "$RESULTS"
