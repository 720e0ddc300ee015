#!/usr/bin/env bash
# Site search benchmark for the GBIF.be site: starts content-service (embedded MongoDB, in memory) with the GBIF.be
# site imported, directory-service (its seed) and render-service on ports of their own, waits until the site search
# index holds the site's pages, then times searches one request at a time: content-service's API and
# render-service's /search page (which asks content-service's site search and literature and directory-service's
# publishers at once). Goal: p99 ≤ 50 ms. Writes benchmarks/search/RESULTS.md.
#
#   benchmarks/search/site-search-benchmark.sh                      # ../shared/fixtures/hp-gbif-be, 1,000 requests per kind
#   SITE=../hp-gbif-be REQUESTS=300 benchmarks/search/site-search-benchmark.sh
#
# Env: SITE (a GBIF hosted-portal repository; default ../shared/fixtures/hp-gbif-be), REQUESTS (1000),
#      PORTS (base port, 18181: content +0, directory +1, render +2), JAVA_OPTS (-Xmx512m), RESULTS (.../RESULTS.md).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
SITE=${SITE:-$root/../shared/fixtures/hp-gbif-be}
REQUESTS=${REQUESTS:-1000}
PORTS=${PORTS:-18181}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
RESULTS=${RESULTS:-$here/RESULTS.md}
content_port=$PORTS; directory_port=$((PORTS + 1)); render_port=$((PORTS + 2))
[ -d "$SITE" ] || { echo "No site at $SITE: set SITE to a clone of https://github.com/gbif/hp-gbif-be" >&2; exit 1; }
SITE=$(cd "$SITE" && pwd)

cd "$root"
jar_of() { ls "$1"/target/"$1"-*.jar 2>/dev/null | grep -v '\.original' | head -n 1 || true; }
for service in content-service directory-service render-service; do
  jar=$(jar_of "$service")
  if [ -z "$jar" ] || [ -n "$(find "$service/src" "$service/pom.xml" -newer "$jar" -print -quit)" ]; then
    echo "Building $service..."
    ./mvnw -q -o -pl "$service" -am package -DskipTests
  fi
done

work=$(mktemp -d)
pids=()
stop() { for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap 'stop; rm -rf "$work"' EXIT

launch() { # name port args...
  local name=$1 port=$2; shift 2
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$(jar_of "$name")" --server.port="$port" "$@" >>"$work/$name.log" 2>&1 &
  pids+=($!)
}
wait_for() { # name url pattern
  local began; began=$(date +%s)
  until curl -fsS "$2" 2>/dev/null | grep -q "$3"; do
    if [ $(( $(date +%s) - began )) -gt 300 ]; then
      echo "$1 not ready within 300 s; the end of its log:" >&2; tail -n 40 "$work/$1.log" >&2; exit 1
    fi
    sleep 0.5
  done
}

echo "Starting the services (logs in $work)..."
launch content-service "$content_port" --portal.mongodb.embedded.in-memory=true \
  --portal.content.import.dir="$SITE" --portal.content.literature.sample=true \
  --portal.content.literature.sync.interval=0 --portal.content.load-demo=false
launch directory-service "$directory_port" --portal.mongodb.embedded.in-memory=true \
  --portal.registry.sync.scheduled=false
wait_for content-service "http://127.0.0.1:$content_port/actuator/health" '"status":"UP"'
wait_for directory-service "http://127.0.0.1:$directory_port/actuator/health" '"status":"UP"'
launch render-service "$render_port" --portal.content.url="http://127.0.0.1:$content_port" \
  --portal.directory.url="http://127.0.0.1:$directory_port" --portal.warm-up.enabled=false
wait_for render-service "http://127.0.0.1:$render_port/actuator/health" '"status":"UP"'
echo "Waiting for the site search index to hold the site..."
wait_for content-service "http://127.0.0.1:$content_port/api/content/v1/search?q=gbif&limit=0" '"count":[1-9]'
pages=$(curl -fsS "http://127.0.0.1:$content_port/api/content/v1/pages?limit=1" 2>/dev/null \
  | grep -o '"count":[0-9]*' | cut -d: -f2 || echo "?")
indexed=$(grep -o 'Site search: [0-9]* published pages indexed' "$work/content-service.log" | tail -n 1 || true)

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
java "$here/SiteSearchBenchmark.java" "http://127.0.0.1:$content_port" "http://127.0.0.1:$render_port" "$REQUESTS" \
  | tee "$work/out.txt"
stop

{
  echo "# Site search benchmark (GBIF.be)"
  echo
  echo "Written by \`benchmarks/search/site-search-benchmark.sh\` — run it again to refresh these figures."
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GB RAM"
  echo "- Java: $(java -version 2>&1 | head -n 1); service JVM options: \`$JAVA_OPTS\`"
  echo "- Site: \`$(basename "$SITE")\` imported at start ($pages pages and posts stored; ${indexed:-index size not logged})"
  echo "- Command: \`REQUESTS=$REQUESTS JAVA_OPTS='$JAVA_OPTS' benchmarks/search/site-search-benchmark.sh\`"
  echo "- Client: one request at a time over HTTP/1.1 keep-alive on loopback, latency measured by the client, after"
  echo "  $(( REQUESTS / 5 > 50 ? REQUESTS / 5 : 50 )) warm-up requests per kind; queries drawn at random from 18 words"
  echo "  and prefixes in English, Dutch and French, with and without accents"
  echo "- Load average (1/5/15 min) when the searches began: $load_before on $(nproc) cores"
  echo
  echo "## Searches (goal: p99 ≤ 50 ms)"
  echo
  echo "| search | requests | p50 ms | p95 ms | p99 ms | max ms | mean results |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  grep '^SEARCH|' "$work/out.txt" | while IFS='|' read -r _ name count p50 p95 p99 max results; do
    echo "| $name | $count | $p50 | $p95 | $p99 | $max | $results |"
  done
} >"$RESULTS"
echo "Wrote $RESULTS"
