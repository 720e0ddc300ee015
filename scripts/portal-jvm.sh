# shellcheck shell=bash
# How the portal's four JVMs are started outside containers: one place for run-local.sh, the start-up benchmark and
# the system test that starts the portal from its jars. Source it after setting `services`; bash 3.2 is enough.
#
# Memory: a Boot 4 WebFlux service with the site loaded keeps 30-60 MB of live heap. The JVM's default initial heap
# (1/64 of the machine's memory) commits the whole -Xmx on a large machine, so each JVM held 250+ MB of heap it did
# not need: a small initial heap grows on demand; fewer malloc arenas, smaller thread stacks, a capped code cache.
# The client compiler only (TieredStopAtLevel=1): C2's compiler threads and arenas cost each JVM 30-50 MB and, on
# two cores, most of the start-up CPU (measured, 4 JVMs at load 6-9: ready in 17 s instead of 80 s, 882 MB instead
# of 1,039 MB); the portal's hot paths are I/O-bound, and the benchmarks' tables show what it costs at full load.
# Heap free ratios of 10-30 % (defaults 40-70 %) keep each heap near its live size after a collection (834 MB).
# Fifth session, 868-874 -> 781-795 MB (benchmarks/startup/RESULTS.md): a young generation of at most 10 MB (it grew
# to 15-30 MB, every page of it touched); the client compiler compiles a method after 1,000 calls instead of 200, so
# code run only while starting stays interpreted (code cache 25 -> 17 MB in content-service); the embedded MongoDB's
# read cache 4 MB instead of H2's 16 (content- and directory-service: their whole stores are a few MB).
# Tried and not kept (no difference beyond the runs' spread): trimming the native heap, unpooled Netty buffers, one
# compiler thread, free ratios 5-20 %, lazy bean initialisation, no CDS (same memory, ready in 45 s instead of 25).
# Containers (Dockerfiles, Kubernetes) keep the JVM's defaults: C2 for long-running replicas under load.
PORTAL_JAVA_OPTS_DEFAULT="-Xms32m -Xmx256m -XX:MaxNewSize=10m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m \
-XX:MaxMetaspaceSize=256m -XX:TieredStopAtLevel=1 -XX:Tier3InvocationThreshold=1000 -XX:Tier3MinInvocationThreshold=500 \
-XX:Tier3CompileThreshold=10000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:-ShrinkHeapInSteps \
-Dportal.mongodb.embedded.cache-size=4MB -Djdk.nio.maxCachedBufferSize=262144"
JAVA_OPTS=${JAVA_OPTS:-$PORTAL_JAVA_OPTS_DEFAULT}
# jdk.nio.maxCachedBufferSize: a heap buffer written to a file goes through a direct buffer the JDK keeps per thread, as
# large as the largest write, for ever; the embedded store's commits (one chunk per write, on several server threads)
# left content-service 20 MB of them (NMT "Other" 25 MB; 3 MB with the cap, RSS at start-up 295 -> 267 MB).
# -XX:-ShrinkHeapInSteps: a heap that grew for an import gives its memory back at the next full collection, not a
# tenth of it per collection (content-service after a 5,000-document import: 277 MB instead of 311, then 295 after
# four collections).
# content-service holds the pages it imports and the site search keeps their text: 256 MB ran out at 20,000 documents
# in one run in two (OutOfMemoryError, then every request 500). Its heap still starts small and grows only as far as a
# site needs; PORTAL_CONTENT_JAVA_OPTS replaces this. Its live heap is the largest of the four (70 MB at 5,000
# documents): at most 20 % of its heap is kept free after a collection (30 for the others), 13 MB less resident. While
# an import of 1,000 files or more runs it keeps 80 % free instead, and gives the rest back after (HeapRelease).
# Its young generation follows its old one (a sixth of it, up to 64 MB) instead of staying at 10 MB: an import of
# 5,000 documents allocates ~2 GB, and 10 MB meant ~240 young collections (0.8 s of pauses) in a 5 s import; with the
# old generation grown for the import the young one grows too (~75 collections, 0.4 s), and both shrink back with the
# collection after it (eleventh session: import 5.4-5.7 -> 4.5-4.7 s in alternating runs, RSS after +6 MB).
PORTAL_CONTENT_JAVA_OPTS=${PORTAL_CONTENT_JAVA_OPTS:--Xmx512m -XX:MaxHeapFreeRatio=20 -XX:MaxNewSize=64m -XX:NewRatio=6}
portal_service_opts() { # service -> options of its own, after JAVA_OPTS (a later -Xmx wins)
  if [ "$1" = content-service ]; then echo "$PORTAL_CONTENT_JAVA_OPTS"; fi
}
# glibc gives each thread that allocates its own 64 MB arena; two are plenty for a JVM whose allocations go to its heap.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

portal_jar_of() { ls "$1"/target/"$1"-*.jar 2>/dev/null | grep -v -- '-plain\|\.original' | head -n 1; }

# Class data sharing: once per build, each service is started up to the end of its Spring refresh with
# -XX:ArchiveClassesAtExit, from its extracted jar; later starts map the archive instead of loading and verifying
# every class again (about a third less CPU to start). CDS=false skips it. Archives live in $PORTAL_CDS_DIR.
PORTAL_CDS_DIR=${PORTAL_CDS_DIR:-run/cds}

portal_prepare_cds_one() { # service log-file
  local s=$1 log=$2 jar dir archive training
  jar=$(portal_jar_of "$s"); dir="$PORTAL_CDS_DIR/$s"; archive="$PORTAL_CDS_DIR/$s.jsa"
  if [ -f "$archive" ] && [ ! "$jar" -nt "$archive" ]; then
    return 0
  fi
  rm -rf "$dir" "$archive"
  java -Djarmode=tools -jar "$jar" extract --destination "$dir" >"$log" 2>&1 || { rm -rf "$dir"; return 0; }
  training="--server.port=0 --portal.mongodb.embedded.in-memory=true"
  [ "$s" != gateway ] || training="$training --management.server.port=0"
  # shellcheck disable=SC2086
  java $JAVA_OPTS -XX:ArchiveClassesAtExit="$archive" -Dspring.context.exit=onRefresh \
    -jar "$dir/$(basename "$jar")" $training >>"$log" 2>&1 || rm -f "$archive"
}

portal_prepare_cds() { # log-folder: builds the archives that are missing or older than their jar, in parallel
  local logs=$1 s jar need=false pids="" pid
  [ "${CDS:-true}" = true ] || return 0
  for s in $services; do
    jar=$(portal_jar_of "$s")
    if [ ! -f "$PORTAL_CDS_DIR/$s.jsa" ] || [ "$jar" -nt "$PORTAL_CDS_DIR/$s.jsa" ]; then need=true; fi
  done
  $need || return 0
  echo "Preparing start-up archives (class data sharing), once per build..."
  mkdir -p "$PORTAL_CDS_DIR"
  for s in $services; do portal_prepare_cds_one "$s" "$logs/$s-cds.log" & pids="$pids $!"; done
  for pid in $pids; do wait "$pid" || true; done
}

portal_launch_args() { # service -> how to run its jar: from the extracted jar with its archive when there is one
  local s=$1 jar; jar=$(portal_jar_of "$s")
  if [ "${CDS:-true}" = true ] && [ -f "$PORTAL_CDS_DIR/$s.jsa" ] && [ -f "$PORTAL_CDS_DIR/$s/$(basename "$jar")" ]; then
    echo "$(portal_service_opts "$s") -XX:SharedArchiveFile=$PORTAL_CDS_DIR/$s.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -jar $PORTAL_CDS_DIR/$s/$(basename "$jar")"
  else
    echo "$(portal_service_opts "$s") -jar $jar"
  fi
}
