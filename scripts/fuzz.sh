#!/usr/bin/env bash
# Builds the cargo-fuzz targets in fuzz/ and runs each for SECONDS_PER_TARGET (default 300),
# printing libFuzzer's execution count per target. Exits non-zero when a target finds a crash;
# the input is then in fuzz/artifacts/TARGET/ (replay it with `scripts/fuzz.sh --replay FILE TARGET`).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]
#   FUZZ_TARGETS="params retry_headers" scripts/fuzz.sh 60
#
# Works with the stable toolchain: RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its `-Z` flags.
# Installs cargo-fuzz when it is missing. The sanitizer defaults to none (FUZZ_SANITIZER=address
# to change): the core has no `unsafe`, what we look for are panics (overflow checks and debug
# assertions are on in fuzz builds), and AddressSanitizer halves the executions per second.
# New inputs go to fuzz/corpus/TARGET (not committed); fuzz/seeds/TARGET (from the spec's
# examples, see fuzz/make-seeds.py) is read too.
set -euo pipefail

cd "$(dirname "$0")/.."
export RUSTC_BOOTSTRAP=1

if [[ "${1:-}" == "--replay" ]]; then
    file=$2 target=$3
    exec cargo fuzz run --sanitizer "${FUZZ_SANITIZER:-none}" "$target" "$file"
fi

seconds=${1:-300}
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || (( seconds < 1 )); then
    echo "usage: $0 [SECONDS_PER_TARGET] (got '$seconds')" >&2
    exit 2
fi
targets=${FUZZ_TARGETS:-"schema_validate error_body params retry_headers pagination tolerant access_file answer"}
sanitizer=${FUZZ_SANITIZER:-none}

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "cargo-fuzz is missing: cargo install cargo-fuzz" >&2
    start=$(date +%s)
    cargo install cargo-fuzz
    echo "installed $(cargo fuzz --version) in $(( $(date +%s) - start )) s" >&2
fi

echo "building the fuzz targets (sanitizer: $sanitizer)" >&2
cargo fuzz build --sanitizer "$sanitizer"

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
failed=()
summary=()
for target in $targets; do
    corpus=fuzz/corpus/$target
    mkdir -p "$corpus"
    seeds=()
    [[ -d fuzz/seeds/$target ]] && seeds=("fuzz/seeds/$target")
    echo "fuzzing $target for $seconds s" >&2
    status=0
    cargo fuzz run --sanitizer "$sanitizer" "$target" "$corpus" "${seeds[@]}" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
        -print_final_stats=1 >"$logs/$target.log" 2>&1 || status=$?
    # libFuzzer ends with `Done N runs in S second(s)`; with -print_final_stats also
    # `stat::number_of_executed_units: N`.
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logs/$target.log" | tail -n 1)
    [[ -z "$runs" ]] && runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$logs/$target.log" | tail -n 1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$logs/$target.log" | tail -n 1)
    inputs=$(find "$corpus" -type f | wc -l)
    if (( status != 0 )); then
        tail -n 60 "$logs/$target.log" >&2
        failed+=("$target")
        summary+=("$(printf '%-16s FAILED (exit %d) after %s executions; see fuzz/artifacts/%s/' \
            "$target" "$status" "${runs:-?}" "$target")")
    else
        summary+=("$(printf '%-16s %12s executions in %4d s (%s/s), corpus %d inputs' \
            "$target" "${runs:-?}" "$seconds" "${speed:-?}" "$inputs")")
    fi
    echo "${summary[-1]}"
done

echo
echo "fuzz summary ($seconds s per target):"
printf '  %s\n' "${summary[@]}"
if (( ${#failed[@]} )); then
    echo "crashes in: ${failed[*]}" >&2
    exit 1
fi
