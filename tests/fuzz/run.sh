#!/usr/bin/env bash
# Runs each libFuzzer target built in BUILD/fuzz for SECONDS (default 20) on its seed corpus
# tests/fuzz/corpus/<target>. The corpus in the repo is only read: inputs the fuzzer finds go to
# a temporary folder. A crash fails the run; the input that caused it is kept in ARTIFACTS
# (default: build/fuzz-artifacts) to be turned into a regression test in tests/core.
# A fuzzer uses one core: as many run at once as there are cores (FUZZ_JOBS to choose), each
# still for SECONDS, so the run takes SECONDS per round of targets, not per target.
set -euo pipefail
build="${1:?usage: run.sh BUILD [SECONDS] [ARTIFACTS]}"
seconds="${2:-20}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
artifacts="$(mkdir -p "${3:-$build/fuzz-artifacts}" && cd "${3:-$build/fuzz-artifacts}" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

jobs="${FUZZ_JOBS:-$(nproc)}"
targets=(chunk_key canonical_json utf8 stored_value)
# Longest input per target: room for a value with an array of a few hundred rows; short keys and
# texts elsewhere, where longer inputs only slow the search down.
declare -A maxLength=([chunk_key]=4096 [canonical_json]=16384 [utf8]=4096 [stored_value]=16384)
fuzz() {
    local target="$1"
    mkdir -p "$work/$target"
    # -timeout: an input that takes 10 s is a finding too.
    "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len="${maxLength[$target]}" -print_final_stats=1 -artifact_prefix="$artifacts/$target-" \
        "$work/$target" "$here/corpus/$target" >"$work/$target.log" 2>&1
}
for target in "${targets[@]}"; do
    while (($(jobs -rp | wc -l) >= jobs)); do
        wait -n || true # each target's status is in its .status file
    done
    (
        status=0
        fuzz "$target" || status=$?
        echo "$status" >"$work/$target.status"
    ) &
done
wait

status=0
for target in "${targets[@]}"; do
    log="$work/$target.log"
    if [ "$(cat "$work/$target.status" 2>/dev/null)" = 0 ]; then
        runs="$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')"
        echo "fuzz_$target: no crash in ${seconds} s (${runs:-?} inputs tried)"
    else
        status=1
        echo "fuzz_$target: FAILED; the input is in $artifacts" >&2
        tail -n 60 "$log" >&2
    fi
done
exit "$status"
