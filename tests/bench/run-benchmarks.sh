#!/usr/bin/env bash
# Benchmarks (not part of the pass/fail suite): figures and ratios against a baseline
# measured in the same run. Usage: tests/bench/run-benchmarks.sh BUILD_DIR
set -euo pipefail
build=${1:?build directory}
"$build/app/callvaultctl/callvaultctl" bench encode --streams "${BENCH_STREAMS:-40}" --seconds "${BENCH_SECONDS:-30}"
