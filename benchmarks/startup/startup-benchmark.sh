#!/usr/bin/env bash
# Start-up benchmark, one command, loopback only, bounded in time. Starts the four jars the way run-local.sh does
# (same JAVA_OPTS, the embedded MongoDB on disk in a fresh folder, the same site), RUNS times, and per run records:
#   - seconds from launch until each service reports UP on /actuator/health (all four launched at once);
#   - the first request to /nl/community, / and a publisher page through the gateway right after all are UP:
#     status and seconds;
#   - the resident memory (VmRSS) of each JVM after those pages.
# Appends one row per run to benchmarks/startup/RESULTS.md. Stop other JVMs first: two cores are shared.
#
# The JVM options and class-data-sharing archives are run-local.sh's (scripts/portal-jvm.sh); the archives are built
# before the first timed run. CDS=false measures without them; JAVA_OPTS overrides the options.
#
#   RUNS=3 SITE=../shared/fixtures/hp-gbif-be LABEL="after" benchmarks/startup/startup-benchmark.sh
# RESULTS=FILE writes the rows elsewhere (a trial run); PORTS=N moves the five ports it uses (default 19280: gateway,
# N+1 content, N+2 directory, N+3 render, N+10 the gateway's management port).
set -euo pipefail
cd "$(dirname "$0")/../.."
RESULTS=${RESULTS:-benchmarks/startup/RESULTS.md}
PORTS=${PORTS:-19280}
RUNS=${RUNS:-3}
if [ -z "${SITE+x}" ]; then
  SITE=$([ -d ../shared/fixtures/hp-gbif-be ] && echo ../shared/fixtures/hp-gbif-be || echo "")
fi
LABEL=${LABEL:-}
services="content-service directory-service render-service gateway"
. scripts/portal-jvm.sh
port_of() { case "$1" in content-service) echo $((PORTS + 1)) ;; directory-service) echo $((PORTS + 2)) ;;
  render-service) echo $((PORTS + 3)) ;; gateway) echo "$PORTS" ;; esac; }
health_of() { if [ "$1" = gateway ]; then echo $((PORTS + 10)); else port_of "$1"; fi; }

for s in $services; do
  [ -n "$(portal_jar_of $s)" ] || { ./mvnw -q -DskipTests package; break; }
done
mkdir -p run/logs
portal_prepare_cds run/logs
cds_label=$([ "${CDS:-true}" = true ] && echo "CDS" || echo "no CDS")

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
rss_mb() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }

if [ ! -f "$RESULTS" ]; then
  cat > "$RESULTS" <<'EOF'
# Start-up: time to ready, first pages, memory

`benchmarks/startup/startup-benchmark.sh`: the four jars started at once as `run-local.sh` starts them (the same
`JAVA_OPTS`, the embedded MongoDB on disk in a fresh folder, the same site), one row per run. *ready* is seconds from
launch until the service answers UP on `/actuator/health`; *first pages* are the first requests through the gateway
right after all four are UP (status and seconds); *RSS* is each JVM's resident memory after those pages. Goals
(issue 16): all ready ≤ 30 s, the four ≤ 800 MB together, the first page ≤ 1 s after ready, on a quiet machine.

| when (UTC) | commit | label | load before | site | content ready | directory ready | render ready | gateway ready | all ready | /nl/community | / | publisher page | RSS content / directory / render / gateway (MB) | RSS total (MB) |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
EOF
fi

commit=$(git rev-parse --short HEAD)
site_label=$([ -n "$SITE" ] && basename "$SITE" || echo "demo")
for run in $(seq 1 "$RUNS"); do
  work=$(mktemp -d)
  pids=""
  cleanup() { for p in $pids; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
  trap cleanup EXIT
  load=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(now)
  for s in $services; do
    args="--server.port=$(port_of "$s") --portal.mongodb.embedded.data-dir=$work/data/$s --portal.editor.token=bench-token"
    case "$s" in
      content-service) [ -n "$SITE" ] && args="$args --portal.content.import.dir=$(cd "$SITE" && pwd)" ;;
      render-service) args="$args --portal.content.url=http://127.0.0.1:$(port_of content-service) \
        --portal.directory.url=http://127.0.0.1:$(port_of directory-service)" ;;
      gateway) args="$args --management.server.port=$(health_of gateway) \
        --portal.content.url=http://127.0.0.1:$(port_of content-service) \
        --portal.directory.url=http://127.0.0.1:$(port_of directory-service) \
        --portal.render.url=http://127.0.0.1:$(port_of render-service)" ;;
    esac
    # shellcheck disable=SC2086
    java $JAVA_OPTS $(portal_launch_args "$s") $args >"$work/$s.log" 2>&1 &
    pids="$pids $!"
    eval "pid_${s//-/_}=$!"
  done
  ready=""
  for s in $services; do
    until curl -fsS -m 2 "http://127.0.0.1:$(health_of "$s")/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
      if [ "$(secs "$t0" "$(now)" | cut -d. -f1)" -gt 300 ]; then
        echo "$s not UP within 300 s; the end of its log:" >&2; tail -n 20 "$work/$s.log" >&2; exit 1
      fi
      sleep 0.2
    done
    ready="$ready | $(secs "$t0" "$(now)")"
  done
  all=$(secs "$t0" "$(now)")
  first() { # path -> "status in seconds"
    curl -s -o /dev/null -m 30 -w '%{http_code} in %{time_total}' "http://127.0.0.1:$PORTS$1" \
      | awk '{ printf "%s in %.2f s", $1, $3 }'
  }
  community=$(first /nl/community)
  home=$(first /)
  key=$(curl -fsS -m 10 "http://127.0.0.1:$(port_of directory-service)/api/directory/v1/organisations?limit=1" \
    | sed -n 's/.*"key":"\([^"]*\)".*/\1/p' | head -n 1)
  publisher=$([ -n "$key" ] && first "/publisher/$key" || echo "no organisation")
  rss=""; total=0
  for s in $services; do
    pid_var="pid_${s//-/_}"; mb=$(rss_mb "${!pid_var}")
    rss="$rss${rss:+ / }$mb"; total=$((total + ${mb//\?/0}))
  done
  row="| $(date -u +%Y-%m-%dT%H:%M) | $commit | $LABEL ($cds_label) | $load | $site_label $ready | $all | $community | $home | $publisher | $rss | $total |"
  echo "$row" | tee -a "$RESULTS"
  cleanup
  trap - EXIT
done
