#!/usr/bin/env bash
# Benchmarks (not part of the pass/fail suite): figures and ratios against a baseline
# measured in the same run. Usage: tests/bench/run-benchmarks.sh BUILD_DIR
set -euo pipefail
build=${1:?build directory}
"$build/app/callvaultctl/callvaultctl" bench encode --streams "${BENCH_STREAMS:-40}" --seconds "${BENCH_SECONDS:-30}"
# The recorder's capacity (README: Performance): calls over loopback to the live capture
# path. Needs root or CAP_NET_RAW; a short run at each profile unless BENCH_RECORDER_FIND_MAX
# is set (then the full search, several minutes).
recorder="$build/app/recorder/callvault-recorder"
if [[ -n "${BENCH_RECORDER_FIND_MAX:-}" ]]; then
  "$recorder" --bench --find-max --seconds "${BENCH_RECORDER_SECONDS:-20}" --complexity 5 || true
  "$recorder" --bench --find-max --seconds "${BENCH_RECORDER_SECONDS:-20}" --complexity 1 || true
else
  "$recorder" --bench --calls "${BENCH_RECORDER_CALLS:-100}" --seconds "${BENCH_RECORDER_SECONDS:-10}" --complexity 5 || true
  "$recorder" --bench --calls "${BENCH_RECORDER_CALLS_HD:-150}" --seconds "${BENCH_RECORDER_SECONDS:-10}" --complexity 1 || true
fi
