#!/usr/bin/env bash
# Scale benchmark (issue 19), one command, loopback only, bounded in time. For each size in SIZES it generates a
# GBIF.be-shaped site (benchmarks/scale/GenerateSite.java: the hp-gbif-be fixture when it is there, plus generated
# pages in en/nl/fr and posts), starts the portal from its jars on the embedded MongoDB, and measures:
#   - import: the site uploaded as a .tar.gz to content-service's import API, seconds until it answers (the time of
#     each of its steps, from content-service's log, is printed on the console);
#   - RSS of each JVM after the import and the measurements below;
#   - uncached page p50/p99: a generated page from a render-service with its page cache off (wrk, 1 connection),
#     once content-service is quiet after the import (its site search re-index done);
#   - cached page p50/p99: the same page through the gateway (wrk, 4 connections);
#   - /sitemap.xml, /feed.xml, /news: status and seconds, uncached;
#   - steady page p50/p99 at the gateway while an editor changes other pages 3 times a second;
#   - the machine's speed at the time (cpu_ref below), before the import and after it, next to the load average.
# Appends one row per size to benchmarks/scale/RESULTS.md. Stop other JVMs first: two cores are shared.
#
#   SIZES="1000 5000 20000" DURATION=15 benchmarks/scale/scale-benchmark.sh
# RESULTS=FILE writes the rows elsewhere (a trial run); PORTS=N moves the eleven ports it uses (default 19380).
# LOGS=DIR keeps the services' logs there (content.log shows where an import's time went, and the heap released after it).
# NMT=1 starts content-service with native memory tracking and prints where its memory is, on the console, just before
# the RSS is read (tracking itself costs about 8 MB of that RSS).
set -euo pipefail
cd "$(dirname "$0")/../.."
RESULTS=${RESULTS:-benchmarks/scale/RESULTS.md}
SIZES=${SIZES:-1000 5000 20000}
DURATION=${DURATION:-15}
# The JVM options operators run (run-local.sh's, scripts/portal-jvm.sh: -Xmx256m, content-service 512m, serial GC, ...);
# JAVA_OPTS overrides.
. scripts/portal-jvm.sh
BASE=${BASE:-$([ -d ../shared/fixtures/hp-gbif-be ] && echo ../shared/fixtures/hp-gbif-be || echo -)}
TOKEN=scale-token
PORTS=${PORTS:-19380}   # the first of eleven ports: gateway, content, directory, render, render without cache, ..., management
G=$PORTS; C=$((PORTS + 1)); D=$((PORTS + 2)); R=$((PORTS + 3)); RN=$((PORTS + 4)); GM=$((PORTS + 10))

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
jar() { ls "$1"/target/"$1"-*.jar 2>/dev/null | grep -v original | head -n 1; }
for s in content-service directory-service render-service gateway; do
  [ -n "$(jar $s)" ] || { ./mvnw -q -DskipTests package; break; }
done
ms() { awk -v k="$1" '$1==k {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; printf "%.1f", v}'; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# The machine's speed at the time, for reading a row: two processes each hashing 300 MB (sha256sum, three passes over a
# 100 MB file), in seconds; about 1.1-1.3 on a quiet moment of this two-core machine (2026-12-04), more when other
# tenants take the cores. Taken just before the import and once content-service is quiet after it.
cpu_ref() {
  [ -f "$1" ] || head -c 100M /dev/zero >"$1"
  local t0; t0=$(date +%s%N)
  for _ in 1 2; do (for _ in 1 2 3; do sha256sum "$1" >/dev/null; done) & done; wait
  awk -v ns=$(( $(date +%s%N) - t0 )) 'BEGIN { printf "%.2f", ns / 1e9 }'
}
rss_mb() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }
timed() { curl -s -o /dev/null -m 60 -w '%{http_code} %{time_total}' "$1" | awk '{ printf "%s %.2f s", $1, $2 }'; }

if [ ! -f "$RESULTS" ]; then
  cat > "$RESULTS" <<'EOF'
# Scale: a page's cost as the site grows

`benchmarks/scale/scale-benchmark.sh`, one row per site size: a GBIF.be-shaped site (the hp-gbif-be fixture plus
generated pages in en/nl/fr and posts, `GenerateSite.java`), imported through content-service's API into the portal
started from its jars on the embedded MongoDB. Latencies in ms; *uncached* is render-service with its page cache off
(1 connection), *cached* the same page through the gateway (4 connections), *steady under writes* a page nobody
edits, through the gateway, while an editor changes other pages 3 times a second. Goals (issue 19) at 5,000
documents: uncached p50 ≤ 5, p99 ≤ 20; import ≤ 5 s; content-service RSS ≤ 300 MB; steady p50 ≤ 2; from 1k to 20k
the uncached p50 grows less than 2×; sitemap, feed and archive answer 200 at 20k.

| when (UTC) | commit | documents | load · CPU ref before / after import (s) | import | uncached p50 / p99 | cached p50 / p99 | steady under writes p50 / p99 | /sitemap.xml | /feed.xml | /news | RSS content / directory / render / gateway (MB) |
|---|---|---|---|---|---|---|---|---|---|---|---|
EOF
fi

for size in $SIZES; do
  work=$(mktemp -d); pids=""
  # a JVM whose heap is full may not get through its shutdown: killed outright after 15 s, never left running
  cleanup() {
    for p in $pids; do kill "$p" 2>/dev/null || true; done
    for _ in $(seq 1 30); do
      alive=""; for p in $pids; do kill -0 "$p" 2>/dev/null && alive="$alive $p"; done
      [ -z "$alive" ] && break; sleep 0.5
    done
    for p in $pids; do kill -9 "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    if [ -n "${LOGS:-}" ]; then mkdir -p "$LOGS"; cp "$work"/*.log "$LOGS"/ 2>/dev/null || true; fi
    rm -rf "$work"
  }
  trap cleanup EXIT
  java benchmarks/scale/GenerateSite.java "$BASE" "$work/site" "$size"
  documents=$(find "$work/site" -name '*.md' -not -path '*/_includes/*' | wc -l)
  tar -czf "$work/site.tar.gz" -C "$work" site
  start() { # name jar args...
    local name=$1 jarfile=$2; shift 2
    # shellcheck disable=SC2086
    java $JAVA_OPTS $(portal_service_opts "${jarfile%%/*}") -jar "$jarfile" "$@" >"$work/$name.log" 2>&1 &
    pids="$pids $!"; eval "pid_$name=$!"
  }
  nmt=""; [ "${NMT:-}" != 1 ] || nmt="-XX:NativeMemoryTracking=summary"
  PORTAL_CONTENT_JAVA_OPTS="${content_opts:=$PORTAL_CONTENT_JAVA_OPTS} $nmt"
  start content "$(jar content-service)" --server.port=$C --portal.mongodb.embedded.data-dir="$work/data/content" \
    --portal.editor.token=$TOKEN --portal.content.import.max-files=200000 --portal.content.import.max-bytes=2000000000
  start directory "$(jar directory-service)" --server.port=$D --portal.mongodb.embedded.data-dir="$work/data/directory" \
    --portal.editor.token=$TOKEN
  for r in render:$R:true rendernocache:$RN:false; do
    IFS=: read -r name port cache <<<"$r"
    start "$name" "$(jar render-service)" --server.port="$port" --portal.content.url=http://127.0.0.1:$C \
      --portal.directory.url=http://127.0.0.1:$D --portal.cache.enabled="$cache"
  done
  start gateway "$(jar gateway)" --server.port=$G --management.server.port=$GM --portal.content.url=http://127.0.0.1:$C \
    --portal.directory.url=http://127.0.0.1:$D --portal.render.url=http://127.0.0.1:$R
  for p in $C $D $R $RN $GM; do
    for _ in $(seq 1 600); do curl -fsS -o /dev/null "http://127.0.0.1:$p/actuator/health" 2>/dev/null && break; sleep 0.5; done
  done
  load=$(cut -d' ' -f1 /proc/loadavg)
  ref_before=$(cpu_ref "$work/ref.bin")

  import=$(curl -s -o "$work/import.json" -m 900 -w '%{http_code} %{time_total}' -X POST \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/gzip' --data-binary @"$work/site.tar.gz" \
    "http://127.0.0.1:$C/api/content/v1/imports?name=site.tar.gz&wait=true" | awk '{ printf "%s in %.1f s", $1, $2 }')
  # where the import's time went (content-service logs it per step), on the console only: the row stays as it is
  grep -h 'ImportTimes' "$work/content.log" | sed 's/.*: Import of/  import of/' >&2 || true

  # After an import the site search reads every page again, on both cores, for seconds (about 7 s at 20,000): pages are
  # measured once content-service is quiet again (under a tenth of a core for a second, at most 120 s), so the rows
  # show what a page costs, not the re-index's competition for the CPU. The wait is printed on the console.
  waited=0
  for _ in $(seq 1 120); do
    before=$(cpu_ticks "$pid_content"); sleep 1; waited=$((waited + 1))
    [ $(( $(cpu_ticks "$pid_content") - before )) -ge 10 ] || break
  done
  echo "  content-service quiet ${waited} s after the import answered (site search re-index)" >&2
  ref_after=$(cpu_ref "$work/ref.bin"); rm -f "$work/ref.bin"

  page=/nl/gen/page-$(( size / 12 ))
  curl -fsS -o /dev/null -m 30 "http://127.0.0.1:$RN$page" || true
  wrk -t1 -c1 -d5s "http://127.0.0.1:$RN$page" >/dev/null
  out=$(wrk -t1 -c1 -d"${DURATION}"s --latency "http://127.0.0.1:$RN$page")
  uncached="$(ms 50% <<<"$out") / $(ms 99% <<<"$out")"
  wrk -t1 -c4 -d5s "http://127.0.0.1:$G$page" >/dev/null
  out=$(wrk -t1 -c4 -d"${DURATION}"s --latency "http://127.0.0.1:$G$page")
  cached="$(ms 50% <<<"$out") / $(ms 99% <<<"$out")"

  sitemap=$(timed "http://127.0.0.1:$RN/sitemap.xml"); feed=$(timed "http://127.0.0.1:$RN/feed.xml")
  news=$(timed "http://127.0.0.1:$RN/news")

  # An editor changes other generated pages three times a second while a steady page is measured.
  steady=/fr/gen/page-$(( size / 15 ))
  (
    end=$(( $(date +%s) + DURATION + 6 )); n=0
    while [ "$(date +%s)" -lt "$end" ]; do
      n=$((n + 1)); target=/gen/page-$(( n % (size / 6 + 1) ))
      json=$(curl -fsS -m 5 "http://127.0.0.1:$C/api/content/v1/pages?lang=en&path=$target" 2>/dev/null) || { sleep 0.33; continue; }
      python3 - "$json" "$n" >"$work/edit.json" <<'PY' || { sleep 0.33; continue; }
import json, sys
p = json.loads(sys.argv[1]); p["title"] = "Edited %s" % sys.argv[2]
keep = ["lang", "permalink", "translationKey", "title", "description", "heroImage", "heroImageCredit", "body",
        "frontMatter", "kind", "layout", "categories", "date", "status"]
print(json.dumps({k: p.get(k) for k in keep}))
PY
      id=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["id"])' "$json")
      version=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["version"])' "$json")
      curl -fsS -o /dev/null -m 5 -X PUT "http://127.0.0.1:$C/api/content/v1/pages/$id?version=$version" \
        -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d @"$work/edit.json" || true
      sleep 0.33
    done
  ) &
  writer=$!
  curl -fsS -o /dev/null -m 30 "http://127.0.0.1:$G$steady" || true
  sleep 3
  out=$(wrk -t1 -c2 -d"${DURATION}"s --latency "http://127.0.0.1:$G$steady")
  steady_ms="$(ms 50% <<<"$out") / $(ms 99% <<<"$out")"
  wait "$writer" 2>/dev/null || true

  if [ -n "$nmt" ]; then
    jcmd "$pid_content" VM.native_memory summary | grep -E '^(Total|-)' | sed 's/^/  content-service /' >&2 || true
    jcmd "$pid_content" GC.heap_info | sed 's/^/  content-service /' >&2 || true
  fi
  rss="$(rss_mb "$pid_content") / $(rss_mb "$pid_directory") / $(rss_mb "$pid_render") / $(rss_mb "$pid_gateway")"
  row="| $(date -u +%Y-%m-%dT%H:%M) | $(git rev-parse --short HEAD) | $documents | $load · $ref_before / $ref_after | $import | $uncached | $cached | $steady_ms | $sitemap | $feed | $news | $rss |"
  echo "$row" | tee -a "$RESULTS"
  cleanup; trap - EXIT
done
