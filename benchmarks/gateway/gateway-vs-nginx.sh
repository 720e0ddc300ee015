#!/usr/bin/env bash
# Gateway vs nginx for the same page, on loopback, in one run.
#
#   benchmarks/gateway/gateway-vs-nginx.sh            # builds the jars if needed, runs, appends a row to RESULTS.md
#   DURATION=30s CONNECTIONS=32 benchmarks/gateway/gateway-vs-nginx.sh
#   SKIP_BUILD=1 benchmarks/gateway/gateway-vs-nginx.sh   # use the jars as they are
#   GATEWAY_JAVA_OPTS='-XX:+UseParallelGC' benchmarks/gateway/gateway-vs-nginx.sh   # other JVM settings for the gateway
#
# Starts the four services from their jars (embedded in-memory MongoDB, free loopback ports), fetches the rendered
# /nl/community through the gateway into a file, serves that file from nginx (Debian's package, its own config in a
# temp dir, loopback port), then runs wrk against nginx and against the gateway for that page with the same
# settings. Writes req/s, p50, p99 and non-2xx answers of both, their ratio and the load average into
# benchmarks/gateway/RESULTS.md. Stops everything it started on exit. Bounded: about 2 minutes plus the build.
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-15s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PAGE=${PAGE:-/nl/community}
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx512m}
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:-$JAVA_OPTS}   # the gateway's JVM alone (GC, heap, event loops)
RESULTS=${RESULTS:-benchmarks/gateway/RESULTS.md}
work=$(mktemp -d -t gateway-bench.XXXXXX)
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  echo "Logs and config kept in $work"
}
trap cleanup EXIT INT TERM

need_packages=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need_packages+=(nginx)
command -v wrk >/dev/null 2>&1 || need_packages+=(wrk)
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "Installing ${need_packages[*]} (Debian packages)..."
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd=sudo
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

services=(content-service directory-service render-service gateway)
jar_of() { ls "$1"/target/"$1"-*.jar 2>/dev/null | grep -v -- '-plain\|\.original' | head -n 1; }
stale=no
for s in "${services[@]}"; do
  jar=$(jar_of "$s")
  if [ -z "$jar" ] || [ -n "$(find pom.xml "$s/pom.xml" "$s/src" embedded-mongodb/src -newer "$jar" -print -quit)" ]; then
    stale=yes
  fi
done
if [ "$stale" = yes ] && [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "Building the jars (./mvnw -q -DskipTests package)..."
  ./mvnw -q -DskipTests package
fi

free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 20000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}
declare -A port
for s in "${services[@]}" nginx gateway-management; do port[$s]=$(free_port); done
url() { echo "http://127.0.0.1:${port[$1]}"; }

# Run copies: a build elsewhere in the repository must not replace a jar under a running JVM.
mkdir -p "$work/jars"
for s in "${services[@]}"; do cp "$(jar_of "$s")" "$work/jars/$s.jar"; done
start() {
  local name=$1; shift
  local opts=$JAVA_OPTS; [ "$name" = gateway ] && opts=$GATEWAY_JAVA_OPTS
  # shellcheck disable=SC2086
  java $opts -jar "$work/jars/$name.jar" --server.port="${port[$name]}" "$@" >"$work/$name.log" 2>&1 &
  pids+=($!)
}
start content-service --portal.mongodb.embedded.in-memory=true
start directory-service --portal.mongodb.embedded.in-memory=true
start render-service --portal.content.url="$(url content-service)" --portal.directory.url="$(url directory-service)" \
  --portal.site-url="$(url gateway)"
start gateway --portal.content.url="$(url content-service)" --portal.directory.url="$(url directory-service)" \
  --portal.render.url="$(url render-service)" --management.server.port="${port[gateway-management]}"

started=$(date +%s)
for s in "${services[@]}"; do
  # The gateway answers health on its management port only.
  health="$(url "$s")/actuator/health"; [ "$s" = gateway ] && health="$(url gateway-management)/actuator/health"
  until curl -fsS "$health" 2>/dev/null | grep -q '"status":"UP"'; do
    if [ $(( $(date +%s) - started )) -gt 180 ]; then
      echo "$s did not become healthy within 180 s:" >&2; tail -n 30 "$work/$s.log" >&2; exit 1
    fi
    sleep 0.5
  done
done
echo "Services up after $(( $(date +%s) - started )) s."

mkdir -p "$work/www$(dirname "$PAGE")" "$work/nginx-tmp"
# The first renders of cold JVMs can be slow (and answered by the gateway's fallback): retry for up to a minute.
for attempt in $(seq 1 30); do
  status=$(curl -sS -o "$work/www$PAGE" -w '%{http_code}' "$(url gateway)$PAGE" || true)
  [ "$status" = 200 ] && break
  sleep 2
done
[ "$status" = 200 ] || { echo "The gateway answered $status for $PAGE" >&2; exit 1; }
bytes=$(stat -c %s "$work/www$PAGE")
echo "Page $PAGE: $bytes bytes."

user_line=""; [ "$(id -u)" -eq 0 ] && user_line="user www-data;"
cat >"$work/nginx.conf" <<CONF
$user_line
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log $work/nginx-access.log combined buffer=64k flush=1s;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path $work/nginx-tmp/body;
  proxy_temp_path $work/nginx-tmp/proxy;
  fastcgi_temp_path $work/nginx-tmp/fastcgi;
  uwsgi_temp_path $work/nginx-tmp/uwsgi;
  scgi_temp_path $work/nginx-tmp/scgi;
  default_type "text/html; charset=utf-8";
  server {
    listen 127.0.0.1:${port[nginx]};
    root $work/www;
  }
}
CONF
chmod -R a+rX "$work"
"$NGINX" -c "$work/nginx.conf" -p "$work"
sleep 0.5
curl -fsS -o /dev/null "$(url nginx)$PAGE"

bench() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" --latency "$2"; }
echo "Warming up the gateway ($WARMUP) and nginx..."
bench "$WARMUP" "$(url gateway)$PAGE" >/dev/null
bench 3s "$(url nginx)$PAGE" >/dev/null
load=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Measuring nginx ($DURATION, $CONNECTIONS connections)..."
bench "$DURATION" "$(url nginx)$PAGE" | tee "$work/wrk-nginx.txt"
echo "Measuring the gateway ($DURATION, $CONNECTIONS connections)..."
bench "$DURATION" "$(url gateway)$PAGE" | tee "$work/wrk-gateway.txt"

rps() { awk '/^Requests\/sec/ {print $2}' "$1"; }
pct() { awk -v p="$2" '$1 == p {print $2}' "$1"; }
non2xx() { local n; n=$(awk '/Non-2xx or 3xx responses/ {print $5}' "$1"); echo "${n:-0}"; }
errors() { local n; n=$(awk '/Socket errors/ {gsub(",", ""); print $4+$6+$8+$10}' "$1"); echo "${n:-0}"; }
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0;
  else if (v ~ /s$/) printf "%.2f", v * 1000; else print v }'; }
nginx_rps=$(rps "$work/wrk-nginx.txt"); gateway_rps=$(rps "$work/wrk-gateway.txt")
ratio=$(awk -v g="$gateway_rps" -v n="$nginx_rps" 'BEGIN { printf "%.0f%%", 100 * g / n }')
gateway_p99=$(ms "$(pct "$work/wrk-gateway.txt" 99%)")
verdict=$(awk -v g="$gateway_rps" -v n="$nginx_rps" -v p="$gateway_p99" -v e="$(non2xx "$work/wrk-gateway.txt")" \
  'BEGIN { print (g >= n / 2 && p <= 10 && e == 0) ? "met" : "missed" }')

if [ ! -f "$RESULTS" ]; then
  cat >"$RESULTS" <<'HEAD'
# Gateway vs nginx

Written by `benchmarks/gateway/gateway-vs-nginx.sh` (one row per run, newest last). Both serve the same rendered
page on loopback; `wrk` with the same threads, connections and duration; no `Accept-Encoding`, so both send it
uncompressed. The gateway answers from its page cache (max age 1 s, so render-service is asked about twice a
second). Goal: gateway ≥ 50% of nginx's req/s, p99 ≤ 10 ms at 32 connections, no non-2xx.
The page is whatever render-service renders for the page from the seed data. Both servers share the cores with
`wrk` and with whatever else runs: compare rows with a low load only.
Latencies in ms. "load" is the 1/5/15-minute load average just before measuring (2-core machine).

| date (UTC) | commit | page | bytes | conns × duration | nginx req/s | nginx p50 | nginx p99 | nginx non-2xx | gateway req/s | gateway p50 | gateway p99 | gateway non-2xx / socket errors | gateway / nginx | goal | load |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
HEAD
fi
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
[ -n "$(git status --porcelain -- gateway 2>/dev/null)" ] && commit="$commit+changes"
printf '| %s | %s | %s | %s | %s × %s | %s | %s | %s | %s | %s | %s | %s | %s / %s | %s | %s | %s |\n' \
  "$(date -u '+%Y-%m-%d %H:%M')" "$commit" "$PAGE" "$bytes" "$CONNECTIONS" "$DURATION" \
  "$nginx_rps" "$(ms "$(pct "$work/wrk-nginx.txt" 50%)")" "$(ms "$(pct "$work/wrk-nginx.txt" 99%)")" \
  "$(non2xx "$work/wrk-nginx.txt")" \
  "$gateway_rps" "$(ms "$(pct "$work/wrk-gateway.txt" 50%)")" "$gateway_p99" \
  "$(non2xx "$work/wrk-gateway.txt")" "$(errors "$work/wrk-gateway.txt")" "$ratio" "$verdict" "$load" >>"$RESULTS"
echo
echo "nginx $nginx_rps req/s, gateway $gateway_rps req/s ($ratio), gateway p99 ${gateway_p99} ms: goal $verdict."
echo "Row added to $RESULTS."
