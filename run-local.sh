#!/usr/bin/env bash
# Starts the whole portal on this machine: the four services on the embedded MongoDB default, data kept
# under ./data/<service> between runs. Builds the jars first when they are missing or older than the sources.
# Ctrl-C stops all four.
#
#   ./run-local.sh                 the GBIF.be site from ../shared/fixtures/hp-gbif-be when that folder exists,
#                                  else the portal's own short demo
#   ./run-local.sh --site DIR      import the hosted-portal (Jekyll) site in DIR at start-up, e.g. a clone of
#                                  github.com/gbif/hp-gbif-be
#   ./run-local.sh --demo          the portal's own demo, even when ../shared is there
#
# Needs: Java 17+, curl, bash 3.2+ (macOS's bash works). The editor token is PORTAL_EDITOR_TOKEN when set,
# else one made on the first run and kept in ./data/editor-token.
set -euo pipefail
cd "$(dirname "$0")"

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }

site=""
site_given=false
while [ $# -gt 0 ]; do
  case "$1" in
    --site) [ $# -ge 2 ] || { usage >&2; exit 2; }; site="$2"; site_given=true; shift 2 ;;
    --site=*) site="${1#--site=}"; site_given=true; shift ;;
    --demo) site=""; site_given=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
if ! $site_given && [ -d ../shared/fixtures/hp-gbif-be ]; then
  site=../shared/fixtures/hp-gbif-be
fi
if [ -n "$site" ]; then
  [ -d "$site" ] || { echo "--site $site: no such folder" >&2; exit 2; }
  site=$(cd "$site" && pwd)
fi

for tool in java curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is needed and was not found on the PATH." >&2; exit 1; }
done
java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
if [ -n "$java_major" ] && [ "$java_major" -lt 17 ]; then
  echo "Java 17 or newer is needed; 'java' here is version $java_major." >&2
  exit 1
fi

services="content-service directory-service render-service gateway"
port_of() {
  case "$1" in
    content-service) echo 8081 ;; directory-service) echo 8082 ;; render-service) echo 8083 ;; gateway) echo 8080 ;;
  esac
}
# Where each one answers /actuator/health: its own port, except the gateway (its management port).
health_port_of() { if [ "$1" = gateway ]; then echo 8090; else port_of "$1"; fi; }

. scripts/portal-jvm.sh
logs=run/logs
mkdir -p "$logs" data

# The editor token: the environment's, else the one kept from an earlier run, else a new random one.
token_file=data/editor-token
if [ -z "${PORTAL_EDITOR_TOKEN:-}" ]; then
  if [ ! -s "$token_file" ]; then
    (umask 077 && od -An -N32 -tx1 /dev/urandom | tr -d ' \n' > "$token_file")
  fi
  PORTAL_EDITOR_TOKEN=$(cat "$token_file")
  token_origin="kept in $token_file"
else
  token_origin="from PORTAL_EDITOR_TOKEN"
fi
export PORTAL_EDITOR_TOKEN

needs_build() {
  for s in $services; do
    local jar; jar=$(portal_jar_of "$s")
    [ -n "$jar" ] || return 0
    [ -z "$(find pom.xml "$s/pom.xml" "$s/src" embedded-mongodb/src -newer "$jar" -print -quit 2>/dev/null)" ] \
      || return 0
  done
  return 1
}

if needs_build; then
  echo "Building the services (./mvnw package, tests skipped)..."
  ./mvnw -q -DskipTests package
fi

for s in $services; do
  for port in $(port_of "$s") $(health_port_of "$s"); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "Port $port (for $s) is already in use: stop what runs there first." >&2
      exit 1
    fi
  done
done

pids=""
stop_all() {
  trap - INT TERM EXIT
  echo; echo "Stopping the portal..."
  for pid in $pids; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all INT TERM EXIT

portal_prepare_cds "$logs"
kept_site=false
if [ -z "$site" ] && [ -n "$(ls -A data/content-service 2>/dev/null)" ]; then kept_site=true; fi

for s in $services; do
  args=""
  if [ "$s" = content-service ] && [ -n "$site" ]; then
    args="--portal.content.import.dir=$site"
  fi
  # shellcheck disable=SC2086
  java $JAVA_OPTS $(portal_launch_args "$s") $args >"$logs/$s.log" 2>&1 &
  pids="$pids $!"
  echo "Started $s (pid $!, port $(port_of "$s"), log $logs/$s.log)"
done

started=$(date +%s)
for s in $services; do
  until curl -fsS "http://127.0.0.1:$(health_port_of "$s")/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    if [ $(( $(date +%s) - started )) -gt 180 ]; then
      echo "$s did not become healthy within 180 s; the end of its log:" >&2
      tail -n 30 "$logs/$s.log" >&2
      exit 1
    fi
    sleep 0.5
  done
done

echo
echo "All four services are healthy after $(( $(date +%s) - started )) s."
if [ -n "$site" ]; then
  echo "Site: $site (imported at start-up; the report is in $logs/content-service.log)"
elif $kept_site; then
  # content-service loads its demo only into an empty store: an earlier run's site is what is shown
  echo "Site: what ./data/content-service kept from an earlier run (the demo only if that run showed it: the demo is"
  echo "      loaded into an empty store only; stop, remove ./data/content-service and start again for a fresh one)"
else
  echo "Site: the portal's own demo (start with --site DIR to import a hosted-portal site)"
fi
echo "Open http://localhost:8080/nl/community  (also /community, /fr/community, /)"
echo
echo "Editor token ($token_origin):"
echo "  $PORTAL_EDITOR_TOKEN"
echo "For example, list every page, drafts included:"
echo "  curl -H \"Authorization: Bearer $PORTAL_EDITOR_TOKEN\" 'http://localhost:8080/api/content/v1/pages?status=any'"
echo
echo "The gateway's health and metrics: http://localhost:8090/actuator/health, /actuator/prometheus"
echo "Press Ctrl-C to stop."
wait
