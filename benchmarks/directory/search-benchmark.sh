#!/usr/bin/env bash
# Search benchmark of directory-service on the embedded MongoDB (H2 store in a temporary directory):
# loads COUNT generated organisations through the registry upload API, then times typical searches through the
# search API (one request at a time, client-side latency), optionally restarts the service to time the start-up
# index load, and writes the figures to benchmarks/directory/RESULTS.md.
#
#   benchmarks/directory/search-benchmark.sh            # 100,000 organisations, 1,000 requests per search kind
#   COUNT=20000 REQUESTS=300 benchmarks/directory/search-benchmark.sh
#
# Env: COUNT (100000), REQUESTS (1000), PORT (18082), JAVA_OPTS (-Xmx512m), RESULTS (.../RESULTS.md),
#      SETTLE (20: seconds between loading and searching), RESTART (0; 1 also times a restart with the data).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
COUNT=${COUNT:-100000}
SETTLE=${SETTLE:-20}
RESTART=${RESTART:-0}
REQUESTS=${REQUESTS:-1000}
PORT=${PORT:-18082}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
RESULTS=${RESULTS:-$here/RESULTS.md}
TOKEN=benchmark-token

cd "$root"
jar=$(ls directory-service/target/directory-service-*.jar 2>/dev/null | grep -v '\.original' | head -n 1 || true)
if [ -z "$jar" ] || [ -n "$(find directory-service/src directory-service/pom.xml -newer "$jar" -print -quit)" ]; then
  echo "Building directory-service..."
  ./mvnw -q -o -pl directory-service package -DskipTests
  jar=$(ls directory-service/target/directory-service-*.jar | grep -v '\.original' | head -n 1)
fi

work=$(mktemp -d)
pid=
started_ms=0
stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi; }
trap 'stop; rm -rf "$work"' EXIT

start() {
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$jar" --server.port="$PORT" --portal.editor.token="$TOKEN" \
    --portal.mongodb.embedded.data-dir="$work/data" >>"$work/service.log" 2>&1 &
  pid=$!
  local began; began=$(date +%s%N)
  until curl -fsS "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$pid" 2>/dev/null || { tail -n 40 "$work/service.log" >&2; exit 1; }
    if [ $(( ($(date +%s%N) - began) / 1000000000 )) -gt 300 ]; then
      echo "directory-service did not become healthy within 300 s; see the log's end:" >&2
      tail -n 40 "$work/service.log" >&2
      exit 1
    fi
    sleep 0.2
  done
  started_ms=$(( ($(date +%s%N) - began) / 1000000 ))
}

echo "Starting directory-service on port $PORT (data in $work)..."
start
echo "Loading $COUNT organisations..."
java "$here/SearchBenchmark.java" "http://127.0.0.1:$PORT" "$TOKEN" "$COUNT" 0 | tee "$work/out.txt"
echo "Letting the store settle for ${SETTLE}s, then timing searches ($REQUESTS requests per kind)..."
sleep "$SETTLE"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
java "$here/SearchBenchmark.java" "http://127.0.0.1:$PORT" "$TOKEN" 0 "$REQUESTS" | tee -a "$work/out.txt"
stop
restart="not measured (RESTART=0)"
if [ "$RESTART" = 1 ]; then
  echo "Restarting (timing the start-up index load)..."
  start
  restart="$(awk "BEGIN{printf \"%.1f\", $started_ms/1000}") s ($(grep -o 'Indexed [0-9]* organisations' "$work/service.log" | tail -n 1))"
  stop
fi

load=$(grep '^LOAD|' "$work/out.txt")
IFS='|' read -r _ n secs rate <<<"$load"
{
  echo "# directory-service search benchmark"
  echo
  echo "Written by \`benchmarks/directory/search-benchmark.sh\` — run it again to refresh these figures."
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GB RAM, $(uname -sr)"
  echo "- Java: $(java -version 2>&1 | head -n 1); service JVM options: \`$JAVA_OPTS\`"
  echo "- Store: embedded MongoDB (mongo-java-server, H2 file store), search index in memory"
  echo "- Command: \`COUNT=$COUNT REQUESTS=$REQUESTS SETTLE=$SETTLE RESTART=$RESTART JAVA_OPTS='$JAVA_OPTS' benchmarks/directory/search-benchmark.sh\`"
  echo "- Client: one request at a time over HTTP/1.1 keep-alive on loopback (HttpURLConnection), latency measured by"
  echo "  the client, ${SETTLE} s after the load, after $(( REQUESTS / 5 > 50 ? REQUESTS / 5 : 50 )) warm-up requests per kind;"
  echo "  20 results per page (each read from MongoDB by key); queries drawn at random from the generator's words"
  echo "- Load average (1/5/15 min) when the searches began: $load_before on $(nproc) cores — the machine may be"
  echo "  shared with other builds; compare runs with similar load"
  echo
  echo "## Loading"
  echo
  echo "| organisations | upload of the registry pages (1,000 per request) | rate | restart until health UP (index load) |"
  echo "|---:|---:|---:|---:|"
  echo "| $n | ${secs} s | ${rate} / s | $restart |"
  echo
  echo "## Searches (goal: p99 ≤ 50 ms)"
  echo
  echo "| search | requests | p50 ms | p99 ms | max ms | mean matches |"
  echo "|---|---:|---:|---:|---:|---:|"
  grep '^SEARCH|' "$work/out.txt" | while IFS='|' read -r _ name count p50 p99 max matches; do
    echo "| $name | $count | $p50 | $p99 | $max | $matches |"
  done
} >"$RESULTS"
echo "Wrote $RESULTS"
