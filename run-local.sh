#!/usr/bin/env bash
# Starts the whole portal on this machine: the four services on the embedded MongoDB default, data kept
# under ./data/<service> between runs. Builds the jars first when they are missing or older than the sources.
# Ctrl-C stops all four.
set -euo pipefail
cd "$(dirname "$0")"

services=(content-service directory-service render-service gateway)
declare -A ports=([content-service]=8081 [directory-service]=8082 [render-service]=8083 [gateway]=8080)
# Where each one answers /actuator/health: its own port, except the gateway (its management port).
declare -A health_ports=([content-service]=8081 [directory-service]=8082 [render-service]=8083 [gateway]=8090)
JAVA_OPTS=${JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}
logs=run/logs
mkdir -p "$logs" data

jar_of() { ls "$1"/target/"$1"-*.jar 2>/dev/null | grep -v -- '-plain\|\.original' | head -n 1; }

needs_build() {
  for s in "${services[@]}"; do
    local jar; jar=$(jar_of "$s")
    [ -n "$jar" ] || return 0
    [ -z "$(find pom.xml "$s/pom.xml" "$s/src" embedded-mongodb/src -newer "$jar" -print -quit)" ] || return 0
  done
  return 1
}

if needs_build; then
  echo "Building the services (./mvnw package, tests skipped)..."
  ./mvnw -q -DskipTests package
fi

for s in "${services[@]}"; do
  for port in "${ports[$s]}" "${health_ports[$s]}"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "Port $port (for $s) is already in use: stop what runs there first." >&2
      exit 1
    fi
  done
done

pids=()
stop_all() {
  trap - INT TERM EXIT
  echo; echo "Stopping the portal..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all INT TERM EXIT

for s in "${services[@]}"; do
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$(jar_of "$s")" >"$logs/$s.log" 2>&1 &
  pids+=($!)
  echo "Started $s (pid $!, port ${ports[$s]}, log $logs/$s.log)"
done

started=$(date +%s)
for s in "${services[@]}"; do
  until curl -fsS "http://127.0.0.1:${health_ports[$s]}/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
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
echo "Open http://localhost:8080/nl/community  (also /community, /fr/community, /)"
echo "The gateway's health and metrics: http://localhost:8090/actuator/health, /actuator/prometheus"
echo "Press Ctrl-C to stop."
wait
