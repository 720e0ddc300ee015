#!/usr/bin/env bash
# Hostile input through the gateway, in one command: builds the service jars (no unit tests), starts the portal
# as system-tests does (four JVMs, free loopback ports, embedded MongoDB) and runs only HostileInputIT — malformed,
# huge and deeply nested bodies, invalid UTF-8, path traversal, header injection, stored and reflected script,
# regular-expression bombs, odd parameters, page sizes, missing and guessed editor tokens. Appends the suite's
# summary table, with the date and the commit, to benchmarks/reliability/HOSTILE-RESULTS.md.
#
#   benchmarks/reliability/hostile-input.sh             # about 1.5 minutes plus the build
#   OFFLINE=1 benchmarks/reliability/hostile-input.sh   # Maven offline (-o)
#
# -Dtest=none skips the unit tests of every module (surefire), -Dit.test=HostileInputIT makes failsafe run this one
# IT of system-tests and no other. The exit status is the suite's: non-zero when a case failed; the results are
# written either way. Every case is a test of its own in system-tests/target/failsafe-reports.
set -uo pipefail
cd "$(dirname "$0")/../.."

RESULTS=${RESULTS:-benchmarks/reliability/HOSTILE-RESULTS.md}
SUMMARY=system-tests/target/hostile-input/summary.md
maven_flags=(-q)
[ "${OFFLINE:-0}" = 1 ] && maven_flags+=(-o)

rm -f "$SUMMARY"
./mvnw "${maven_flags[@]}" -pl system-tests -am verify -Dit.test=HostileInputIT -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false
status=$?
if [ ! -f "$SUMMARY" ]; then
  echo "No $SUMMARY: the suite did not run (see the build output above)." >&2
  exit $(( status == 0 ? 1 : status ))
fi

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain 2>/dev/null)" ]; then commit="$commit plus uncommitted changes"; fi
if [ ! -f "$RESULTS" ]; then
  cat > "$RESULTS" <<'HEADER'
# Hostile input through the gateway

Written by `benchmarks/reliability/hostile-input.sh` (the `HostileInputIT` suite of system-tests, which also runs in
`./mvnw verify`). Every case must be answered without a server error (a 4xx, or a 2xx with the input neutralised),
change no data read through the APIs unless it is meant to store something, and leave no markup of its making in a
page. The failed cases, if any, are listed under each run with the answer they got.
HEADER
fi
{
  echo
  echo "## $(date -u +%Y-%m-%d\ %H:%M) UTC, commit $commit"
  echo
  tail -n +3 "$SUMMARY"
} >> "$RESULTS"
cat "$SUMMARY"
echo "Appended to $RESULTS"
exit $status
