#!/usr/bin/env bash
# Soak test with faults: mixed traffic through the gateway while each service in turn is killed with SIGKILL and
# restarted; every acknowledged editor write is read back at the end. One command, loopback only, bounded.
#
#   benchmarks/reliability/soak.sh                     # builds stale jars, 5 phases, appends to SOAK-RESULTS.md
#   DURATION=60 VUS=12 benchmarks/reliability/soak.sh    # longer phases, more virtual users
#   SKIP_BUILD=1 benchmarks/reliability/soak.sh          # use the jars as they are
#
# Env: DURATION (30: seconds per phase), WARMUP (10 s), VUS (8 virtual users), THINK_MS (10 ms between a user's
#      requests), SETTLE (15: seconds a fault phase goes on after the killed service is healthy again, and then
#      until no request has failed for 5 s), FAULTS (directory-service content-service render-service gateway),
#      JAVA_OPTS (-Xmx256m -XX:+UseSerialGC, for each service), IMPORT_DIR (../shared/fixtures/hp-gbif-be when it
#      exists: the real site, so the sitemap has real pages), RESULTS (where the rows go), KEEP=1 keeps the work
#      folder (logs, data dirs). Takes about (FAULTS + 1) x DURATION plus the restarts (1-2 min each on a busy
#      2-core machine), the first start and the build.
#
# The services run from copies of the jars on free loopback ports with the embedded MongoDB on disk (a data dir per
# data service in the work folder, commit on every write), so a kill -9 shows whether acknowledged writes survive.
# The gateway's per-client API rate limits are raised: all the soak's traffic comes from one address, and the
# defaults (120 reads, 20 writes a minute) would answer 429 to almost all of it.
# Soak.java does the rest: the traffic, the kills (it reads the pid files written here) and restarts (the start
# scripts written here, same port and data dir), the read-back and the rows of SOAK-RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

DURATION=${DURATION:-30}
WARMUP=${WARMUP:-10}
VUS=${VUS:-8}
THINK_MS=${THINK_MS:-10}
SETTLE=${SETTLE:-15}
FAULTS=${FAULTS:-directory-service content-service render-service gateway}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}
IMPORT_DIR=${IMPORT_DIR:-$ROOT/../shared/fixtures/hp-gbif-be}
RESULTS=${RESULTS:-$ROOT/benchmarks/reliability/SOAK-RESULTS.md}
RAISED_LIMIT=1000000   # API requests per minute per client, reads and writes alike
SERVICES=(content-service directory-service render-service gateway)

work=$(mktemp -d -t soak.XXXXXX)
driver=

stop_all() {
  [ -n "$driver" ] && kill "$driver" 2>/dev/null || true
  local pidfile pid
  for pidfile in "$work"/*.pid; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "${KEEP:-0}" = 1 ]; then echo "Work folder kept: $work"; else rm -rf "$work"; fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# --- jars: build when a main source or pom is newer than the jar --------------------------------------------------
newest_jar() { find "$1/target" -maxdepth 1 -name "$1-*.jar" ! -name '*.original' 2>/dev/null | head -n 1; }
outdated() {
  local jar; jar=$(newest_jar "$1")
  [ -z "$jar" ] && return 0
  [ -n "$(find pom.xml "$1/pom.xml" "$1/src/main" embedded-mongodb/src/main -newer "$jar" -print -quit)" ]
}
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  for s in "${SERVICES[@]}"; do
    if outdated "$s"; then echo "Building the jars ($s is out of date): ./mvnw -q -DskipTests package"; \
      ./mvnw -q -DskipTests package; break; fi
  done
fi
mkdir -p "$work/jars"
for s in "${SERVICES[@]}"; do
  jar=$(newest_jar "$s"); [ -n "$jar" ] || { echo "No jar for $s: build first" >&2; exit 1; }
  cp "$jar" "$work/jars/$s.jar"   # a build elsewhere must not replace a jar under a running JVM
done

# --- ports: random, checked free on loopback ----------------------------------------------------------------------
taken=" "
pick_port() {
  local p
  while :; do
    p=$(shuf -i 20000-59999 -n 1)
    case "$taken" in *" $p "*) continue ;; esac
    if ! (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then taken="$taken$p "; echo "$p"; return; fi
  done
}
declare -A port
for s in "${SERVICES[@]}" gateway-management; do port[$s]=$(pick_port); done
for s in "${SERVICES[@]}" gateway-management; do taken="$taken${port[$s]} "; done
at() { echo "http://127.0.0.1:${port[$1]}"; }
TOKEN="soak-$(date +%s)-$RANDOM$RANDOM"

# --- one start script per service: used for the first start and by Soak.java after each kill --------------------
import_arg=""
[ -d "$IMPORT_DIR" ] && import_arg="--portal.content.import.dir=$(cd "$IMPORT_DIR" && pwd)"
declare -A args
args[content-service]="--portal.mongodb.embedded.data-dir=$work/data/content-service --portal.editor.token=$TOKEN \
$import_arg"
args[directory-service]="--portal.mongodb.embedded.data-dir=$work/data/directory-service --portal.editor.token=$TOKEN"
args[render-service]="--portal.content.url=$(at content-service) --portal.directory.url=$(at directory-service) \
--portal.site-url=$(at gateway)"
args[gateway]="--portal.content.url=$(at content-service) --portal.directory.url=$(at directory-service) \
--portal.render.url=$(at render-service) --management.server.port=${port[gateway-management]} \
--portal.limits.read.requests=$RAISED_LIMIT --portal.limits.write.requests=$RAISED_LIMIT"
declare -A health
for s in "${SERVICES[@]}"; do health[$s]="$(at "$s")/actuator/health"; done
health[gateway]="$(at gateway-management)/actuator/health"

for s in "${SERVICES[@]}"; do
  cat >"$work/start-$s.sh" <<SCRIPT
#!/usr/bin/env bash
# Starts $s in the background (same port, same data dir every time) and writes its pid.
cd "$work"
echo "=== start \$(date -u +%H:%M:%S.%N)" >>"$work/$s.log"
java $JAVA_OPTS -jar "$work/jars/$s.jar" --server.port=${port[$s]} ${args[$s]} </dev/null >>"$work/$s.log" 2>&1 &
echo \$! >"$work/$s.pid"
SCRIPT
done

echo "Starting the services (heap: $JAVA_OPTS; work folder $work)..."
for s in "${SERVICES[@]}"; do bash "$work/start-$s.sh"; done
began=$(date +%s)
is_up() { curl -fsS "${health[$1]}" 2>/dev/null | grep -q '"status":"UP"'; }
give_up() { echo "$1" >&2; tail -n 40 "$work/$2.log" >&2; exit 1; }
for s in "${SERVICES[@]}"; do
  while ! is_up "$s"; do
    kill -0 "$(cat "$work/$s.pid")" 2>/dev/null || give_up "$s exited:" "$s"
    (( $(date +%s) < began + 420 )) || give_up "$s not healthy 420 s after the start:" "$s"
    sleep 0.5
  done
done
echo "All four healthy after $(( $(date +%s) - began )) s."

commit=$(git rev-parse --short HEAD 2>/dev/null || echo '?')
[ -n "$(git status --porcelain -- '*/src/main/*' '*/pom.xml' pom.xml 2>/dev/null)" ] && commit="$commit+changes"
for s in "${SERVICES[@]}"; do outdated "$s" && { commit="$commit (older jars)"; break; }; done
{
  echo "gateway.url=$(at gateway)"
  echo "token=$TOKEN"
  echo "duration=$DURATION"
  echo "warmup=$WARMUP"
  echo "vus=$VUS"
  echo "think-ms=$THINK_MS"
  echo "settle=$SETTLE"
  echo "faults=$(echo "$FAULTS" | tr ' ' ',')"
  echo "commit=$commit"
  echo "heap=$JAVA_OPTS"
  echo "results=$RESULTS"
  for s in "${SERVICES[@]}"; do
    echo "$s.health=${health[$s]}"
    echo "$s.pid-file=$work/$s.pid"
    echo "$s.start=$work/start-$s.sh"
  done
} >"$work/soak.properties"

java -Xmx512m benchmarks/reliability/Soak.java "$work/soak.properties" &
driver=$!
status=0
wait "$driver" || status=$?
driver=
exit "$status"
