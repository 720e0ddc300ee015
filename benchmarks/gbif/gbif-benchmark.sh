#!/usr/bin/env bash
# GBIF pages benchmark (issue 14), one command, loopback only, bounded in time:
#  1. a search page served from render-service's GBIF answer cache: /occurrence/search?country=BE asked again and
#     again, straight at render-service (the gateway's read budget would throttle a benchmark); target p50 <= 5 ms;
#  2. a search page whose GBIF answer is not cached, with the stub GBIF API answering every request in DELAY_MS
#     (200 ms): each request a new free-text query, CONCURRENCY at a time; target p95 <= 300 ms.
# The stub (stub-gbif.py) serves render-service's recorded-shape test answers. Appends a row to
# benchmarks/gbif/RESULTS.md. Builds the jars first when they are missing. Needs java, python3, curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
RESULTS=${RESULTS:-benchmarks/gbif/RESULTS.md}   # RESULTS=FILE writes the row elsewhere (a trial run)
CACHED=${CACHED:-500}          # requests of part 1
UNCACHED=${UNCACHED:-300}      # requests of part 2
CONCURRENCY=${CONCURRENCY:-4}
DELAY_MS=${DELAY_MS:-200}
PORTS=(19281 19282 19283 19289)   # content directory render stub-gbif

jar() { ls "$1"/target/"$1"-*.jar 2>/dev/null | grep -v original | head -n 1; }
for s in content-service directory-service render-service; do
  [ -n "$(jar $s)" ] || { ./mvnw -q -DskipTests package -pl $s -am; }
done
for p in "${PORTS[@]}"; do
  if (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then echo "port $p is taken; stop what uses it" >&2; exit 1; fi
done

work=$(mktemp -d); pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
python3 benchmarks/gbif/stub-gbif.py ${PORTS[3]} "$DELAY_MS" render-service/src/test/resources/gbif \
  >"$work/stub.log" 2>&1 & pids+=($!)
start() { # name jar args...
  local name=$1 jarfile=$2; shift 2
  java -Xmx512m -jar "$jarfile" "$@" >"$work/$name.log" 2>&1 & pids+=($!)
}
start content "$(jar content-service)" --server.port=${PORTS[0]} --portal.mongodb.embedded.in-memory=true \
  --portal.gbif.api-url=http://127.0.0.1:9/v1 --portal.content.literature.sync.interval=0
start directory "$(jar directory-service)" --server.port=${PORTS[1]} --portal.mongodb.embedded.in-memory=true \
  --portal.gbif.api-url=http://127.0.0.1:9/v1 --portal.registry.sync.scheduled=false
start render "$(jar render-service)" --server.port=${PORTS[2]} --portal.content.url=http://127.0.0.1:${PORTS[0]} \
  --portal.directory.url=http://127.0.0.1:${PORTS[1]} --portal.gbif.api-url=http://127.0.0.1:${PORTS[3]}/v1 \
  --portal.warm-up.enabled=false
for p in "${PORTS[@]:0:3}"; do
  for _ in $(seq 1 240); do curl -fsS -o /dev/null "http://127.0.0.1:$p/actuator/health" 2>/dev/null && break; sleep 0.5; done
done
render=http://127.0.0.1:${PORTS[2]}
load=$(cut -d' ' -f1-3 /proc/loadavg)

# percentile P of the numbers (seconds) in a file, in ms
pct() { sort -n "$2" | awk -v p="$1" '{v[NR]=$1} END {i=int((p/100)*NR+0.999999); if (i<1) i=1; printf "%.1f", v[i]*1000}'; }
status_ok() { awk '$2 != 200 {bad++} END {print bad+0}' "$1"; }

# 1. Cached: warm up (JIT, templates, the GBIF answer and titles in the cache), then one request at a time.
for _ in $(seq 1 200); do curl -fsS -o /dev/null "$render/occurrence/search?country=BE"; done
before=$(curl -fsS "http://127.0.0.1:${PORTS[3]}/stub/requests")
for _ in $(seq 1 "$CACHED"); do
  curl -sS -o /dev/null -w '%{time_total} %{http_code}\n' "$render/occurrence/search?country=BE"
done >"$work/cached.txt"
after=$(curl -fsS "http://127.0.0.1:${PORTS[3]}/stub/requests")
c50=$(pct 50 "$work/cached.txt"); c95=$(pct 95 "$work/cached.txt"); cbad=$(status_ok "$work/cached.txt")
casked=$((after - before - 1))   # minus the /stub/requests call itself

# 2. Uncached: a new query each time (GBIF asked once per request, DELAY_MS late), CONCURRENCY at a time.
seq 1 "$UNCACHED" | xargs -P "$CONCURRENCY" -I{} curl -sS -o /dev/null -w '%{time_total} %{http_code}\n' \
  "$render/occurrence/search?country=BE&q=bench-$RANDOM-{}" >"$work/uncached.txt"
u50=$(pct 50 "$work/uncached.txt"); u95=$(pct 95 "$work/uncached.txt"); ubad=$(status_ok "$work/uncached.txt")

verdict() { awk -v v="$1" -v t="$2" 'BEGIN {print (v <= t) ? "met" : "NOT met"}'; }
[ -f "$RESULTS" ] || cat >"$RESULTS" <<'HEAD'
# GBIF pages benchmark

`benchmarks/gbif/gbif-benchmark.sh`: render-service against a stub GBIF API (`stub-gbif.py`, loopback). Cached: the
same occurrence search asked one at a time, its GBIF answer in render-service's cache (target p50 <= 5 ms). Uncached:
a new free-text query per request, the stub answering in DELAY_MS, CONCURRENCY at a time (target p95 <= 300 ms with
200 ms). "GBIF asked" counts the stub's requests during the cached run (0 = the cache answered every one).

| date (UTC) | commit | load before | cached n | cached p50 / p95 ms | GBIF asked | non-200 | uncached n | delay ms | concurrency | uncached p50 / p95 ms | non-200 | p50 <= 5 ms | p95 <= 300 ms |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
HEAD
echo "| $(date -u +%Y-%m-%dT%H:%MZ) | $(git rev-parse --short HEAD) | $load | $CACHED | $c50 / $c95 | $casked | $cbad | $UNCACHED | $DELAY_MS | $CONCURRENCY | $u50 / $u95 | $ubad | $(verdict "$c50" 5) | $(verdict "$u95" 300) |" >>"$RESULTS"
tail -n 1 "$RESULTS"
