#!/usr/bin/env bash
# All of the reliability figures in one command: the soak with kill -9 faults (SOAK-RESULTS.md), then the
# hostile-input suite through the gateway (HOSTILE-RESULTS.md). Both append their rows; both are bounded and
# loopback only. Settings of each: see soak.sh and hostile-input.sh. Exits non-zero when either fails.
set -uo pipefail
cd "$(dirname "$0")"
status=0
./soak.sh || status=1
./hostile-input.sh || status=1
echo "Results: benchmarks/reliability/SOAK-RESULTS.md and benchmarks/reliability/HOSTILE-RESULTS.md"
exit $status
