#!/usr/bin/env bash
# Runs the wasm-bindgen-test suites (tests/wasm_*.rs) against a fresh mock server, compiled to
# wasm32 and run in Node, in headless Chromium, or both:
#
#   scripts/test-wasm.sh [node|chrome|all]      (default: all)
#
# The mock (target/debug/openai-admin-mock, or MOCK_BIN) is built if needed, started on a free port
# and killed on exit; its address reaches the tests at compile time as MOCK_URL. The exit code alone
# is not trusted (a runner can skip every test and still exit 0): each environment must show a
# `test result: ok. N passed` line for every suite, with N > 0, adding up to the number of
# `#[wasm_bindgen_test]` functions, and no "no tests to run" or skipped suite.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-all}"
case "$mode" in
  node) envs=(node) ;;
  chrome) envs=(chrome) ;;
  all) envs=(node chrome) ;;
  *) echo "usage: $0 [node|chrome|all]" >&2; exit 2 ;;
esac

target=wasm32-unknown-unknown
rustup target list --installed | grep -qx "$target" || rustup target add "$target"

# The runner must be the wasm-bindgen version Cargo.lock resolved.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, "", $0); print; exit }' Cargo.lock)
have=$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  echo "wasm-bindgen-test-runner is ${have:-missing}, Cargo.lock wants $want: run scripts/setup.sh" >&2
  exit 1
fi

if [[ " ${envs[*]} " == *" chrome "* ]]; then
  if ! command -v chromedriver >/dev/null || ! command -v chromium >/dev/null; then
    echo "installing chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends chromium chromium-driver
  fi
fi

# The suites and how many tests they hold.
suites=()
for file in tests/wasm_*.rs; do
  suites+=("$(basename "$file" .rs)")
done
if [ "${#suites[@]}" -eq 0 ]; then
  echo "no tests/wasm_*.rs suites found" >&2
  exit 1
fi
expected=$(cat tests/wasm_*.rs | grep -c '^#\[wasm_bindgen_test\]')
test_args=()
for suite in "${suites[@]}"; do
  test_args+=(--test "$suite")
done

mock_bin="${MOCK_BIN:-target/debug/openai-admin-mock}"
if [ -z "${MOCK_BIN:-}" ]; then
  cargo build -p openai-admin-mock
fi
[ -x "$mock_bin" ] || { echo "no mock server binary at $mock_bin" >&2; exit 1; }

tmp=$(mktemp -d)
mock_pid=""
cleanup() {
  if [ -n "$mock_pid" ]; then
    kill "$mock_pid" 2>/dev/null || true
    wait "$mock_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$mock_bin" --port 0 --seed demo >"$tmp/mock.out" 2>"$tmp/mock.err" &
mock_pid=$!
line=""
for _ in $(seq 1 300); do
  line=$(head -n 1 "$tmp/mock.out" 2>/dev/null || true)
  [[ "$line" == "listening on "* ]] && break
  if ! kill -0 "$mock_pid" 2>/dev/null; then
    echo "the mock server exited:" >&2
    cat "$tmp/mock.err" >&2
    exit 1
  fi
  sleep 0.1
done
[[ "$line" == "listening on "* ]] || { echo "the mock server did not start in 30 s" >&2; exit 1; }
export MOCK_URL="${line#listening on }"
key="${OPENAI_ADMIN_KEY:-sk-admin-demo}"
echo "mock server at $MOCK_URL (pid $mock_pid)"

# Build once up front, so that waiting for the cargo lock or compiling is not mixed into the runs.
cargo test --target "$target" "${test_args[@]}" --no-run

# run_env NAME [VAR=VALUE...]: runs every suite in one environment and checks the output.
summaries=()
run_env() {
  local name="$1"
  shift
  local log="$tmp/$name.log"
  echo "=== wasm tests in $name"
  # Every environment starts from the seed, whatever an earlier one changed.
  curl -fsS -X POST -H "Authorization: Bearer $key" "$MOCK_URL/__mock/reset" >/dev/null
  local status=0
  env "$@" cargo test --target "$target" "${test_args[@]}" 2>&1 | tee "$log" || status=$?

  local problems=()
  [ "$status" -eq 0 ] || problems+=("cargo test exited with $status")
  local ran results passed
  ran=$(grep -c '^     Running tests/wasm_' "$log" || true)
  [ "$ran" -eq "${#suites[@]}" ] || problems+=("$ran of ${#suites[@]} suites started")
  results=$(grep -E '^test result: ok\. [1-9][0-9]* passed; 0 failed;' "$log" || true)
  [ "$(printf '%s' "$results" | grep -c . || true)" -eq "${#suites[@]}" ] ||
    problems+=("not every suite reported 'test result: ok. N passed' with N > 0")
  passed=$(printf '%s\n' "$results" | awk '{ sum += $4 } END { print sum + 0 }')
  [ "$passed" -eq "$expected" ] || problems+=("$passed tests passed, $expected exist")
  if grep -qiE 'no tests to run|skipp' "$log"; then
    problems+=("the runner skipped tests: $(grep -iE 'no tests to run|skipp' "$log" | head -n 1)")
  fi
  local in_chrome
  in_chrome=$(grep -c '^Running headless tests in Chrome' "$log" || true)
  if [ "$name" = chrome ]; then
    [ "$in_chrome" -eq "${#suites[@]}" ] || problems+=("$in_chrome of ${#suites[@]} suites ran in Chrome")
  else
    [ "$in_chrome" -eq 0 ] || problems+=("$in_chrome suites ran in Chrome, not $name")
  fi

  if [ "${#problems[@]}" -gt 0 ]; then
    summaries+=("wasm $name: FAILED (${problems[*]})")
    return 1
  fi
  summaries+=("wasm $name: $passed passed")
}

# The runner picks its environment from which of these variables is set (even to ""), so every
# run starts with none of them.
clean_env=()
for var in WASM_BINDGEN_USE_BROWSER WASM_BINDGEN_USE_DENO WASM_BINDGEN_USE_NODE_EXPERIMENTAL \
  WASM_BINDGEN_USE_DEDICATED_WORKER WASM_BINDGEN_USE_SHARED_WORKER \
  WASM_BINDGEN_USE_SERVICE_WORKER WASM_BINDGEN_TEST_ONLY_NODE WASM_BINDGEN_TEST_ONLY_WEB; do
  clean_env+=(-u "$var")
done

failed=0
for name in "${envs[@]}"; do
  case "$name" in
    node) run_env node "${clean_env[@]}" || failed=1 ;;
    chrome)
      run_env chrome "${clean_env[@]}" WASM_BINDGEN_USE_BROWSER=1 \
        CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}" || failed=1
      ;;
  esac
done

echo
printf '%s\n' "${summaries[@]}"
exit "$failed"
