#!/usr/bin/env bash
# Import and resolve benchmark of content-service on the embedded MongoDB (H2 store in a temporary directory):
# uploads the hp-gbif-be fixture as a zip through POST /api/content/v1/imports and times the first import
# (cold JVM, empty database), full imports with a warm JVM, unchanged re-imports and dry runs, then the first
# read of every page after an import (Liquid + markdown + sanitizer run) and the second (cached) read.
# Client-side wall-clock times over HTTP on 127.0.0.1; writes benchmarks/content/RESULTS.md.
#
#   benchmarks/content/import-benchmark.sh
#   ROUNDS=10 SITE=/path/to/jekyll/repo benchmarks/content/import-benchmark.sh
#
# Env: SITE (../shared/fixtures/hp-gbif-be), ROUNDS (5), PORT (18081), JAVA_OPTS (-Xmx512m), RESULTS (.../RESULTS.md).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
SITE=${SITE:-$root/../shared/fixtures/hp-gbif-be}
ROUNDS=${ROUNDS:-5}
PORT=${PORT:-18081}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
RESULTS=${RESULTS:-$here/RESULTS.md}
TOKEN=benchmark-token

[ -d "$SITE" ] || { echo "No Jekyll repository at $SITE (set SITE=...)" >&2; exit 1; }
SITE=$(cd "$SITE" && pwd)
cd "$root"
jar=$(ls content-service/target/content-service-*.jar 2>/dev/null | grep -v '\.original' | head -n 1 || true)
if [ -z "$jar" ] || [ -n "$(find content-service/src/main content-service/pom.xml -newer "$jar" -print -quit)" ]; then
  echo "Building content-service..."
  ./mvnw -q -o -pl content-service package -DskipTests
  jar=$(ls content-service/target/content-service-*.jar | grep -v '\.original' | head -n 1)
fi

work=$(mktemp -d)
pid=
stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi; }
trap 'stop; rm -rf "$work"' EXIT

# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$jar" --server.port="$PORT" --portal.editor.token="$TOKEN" --portal.content.load-demo=false \
  --portal.mongodb.embedded.data-dir="$work/data" >>"$work/service.log" 2>&1 &
pid=$!
until curl -fsS "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
  kill -0 "$pid" 2>/dev/null || { tail -n 40 "$work/service.log" >&2; exit 1; }
  sleep 0.2
done

echo "Importing $SITE ($ROUNDS rounds)..."
java "$here/ImportBenchmark.java" "http://127.0.0.1:$PORT" "$TOKEN" "$SITE" "$ROUNDS" | tee "$work/out.txt"
stop

value() { grep "^$1|" "$work/out.txt" | cut -d'|' -f"$2"; }
files=$(find "$SITE" -type f \( -name '*.md' -o -name '*.yml' \) | wc -l | tr -d ' ')
{
  echo "# content-service import and resolve benchmark"
  echo
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) by \`benchmarks/content/import-benchmark.sh\` (ROUNDS=$ROUNDS) on"
  echo "$(nproc) CPU cores, $(java -version 2>&1 | head -n 1), JAVA_OPTS \`$JAVA_OPTS\`, embedded MongoDB with its"
  echo "H2 store on local disk. Repository: \`$(basename "$SITE")\` ($files markdown and YAML files; imported:"
  echo "\`$(value COUNTS 2)\`; $(value WARNINGS 2) warnings). Times are client-side over HTTP on 127.0.0.1,"
  echo "including zip decompression, parsing, Liquid/markdown checks of every page and the MongoDB writes"
  echo "(each write also stores a revision and moves the site revision)."
  echo
  echo "| measure | median | min / p95 | max / n | goal |"
  echo "|---|---|---|---|---|"
  echo "| first import, cold JVM, empty database | $(value COLD 2) ms | | $(value COLD 3) documents | |"
  echo "| full import, warm JVM (everything inserted) | $(value WARM 2) ms | $(value WARM 3) ms | $(value WARM 4) ms | ≤ 2000 ms |"
  echo "| re-import of the unchanged repository (no writes) | $(value UNCHANGED 2) ms | $(value UNCHANGED 3) ms | $(value UNCHANGED 4) ms | |"
  echo "| dry run (read and check only) | $(value DRYRUN 2) ms | $(value DRYRUN 3) ms | $(value DRYRUN 4) ms | |"
  echo "| first read of a page after import (resolve: Liquid + markdown + sanitizer) | $(value READ_FIRST 2) ms | p95 $(value READ_FIRST 3) ms | n = $(value READ_FIRST 4) | |"
  echo "| second read of a page (resolved form cached) | $(value READ_CACHED 2) ms | p95 $(value READ_CACHED 3) ms | n = $(value READ_CACHED 4) | |"
  echo
  echo "Resolve time per page ≈ first read − cached read (both include HTTP and the MongoDB look-up). The dry run"
  echo "resolves every page and post once in-process (Liquid, markdown, sanitizer, link checks) besides reading the"
  echo "archive, so dry-run time / $(value READ_FIRST 4 | awk -v r="$ROUNDS" '{print $1/r}') pages bounds the in-process resolve time per page from above."
} >"$RESULTS"
echo "Wrote $RESULTS"
