#!/usr/bin/env bash
# Runs the wasm-bindgen-test suites (tests/wasm_*.rs, and the Rust client's client/tests/wasm_*.rs)
# with `wasm-pack test`, as a wasm developer types it, in Node, headless Chromium and headless
# Firefox, against a fresh mock server:
#
#   scripts/test-wasm.sh [node|chrome|firefox|all]      (default: all)
#
# The mock (target/debug/openai-admin-mock, or MOCK_BIN) is built if needed, started on a free port
# and killed on exit; its address reaches the suites as MOCK_URL (when they are compiled, and at
# run time in Node). Nothing is downloaded: `--mode no-install`, and the drivers are passed as
# `--chromedriver`/`--geckodriver` (scripts/setup.sh --browser installs them).
#
# The exit code alone is not trusted (a runner can skip every suite and still exit 0). In each
# environment, every tests/wasm_*.rs suite must report `test result: ok. N passed; 0 failed;
# 0 ignored` with N the number of `#[wasm_bindgen_test]` functions in its file, the browser runs
# must say they ran in that browser, and nothing may print "skipping". Other test binaries
# (the library's and native-only suites, compiled for wasm32 too) hold no wasm-bindgen tests.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-all}"
case "$mode" in
  node | chrome | firefox) envs=("$mode") ;;
  all) envs=(node chrome firefox) ;;
  *) echo "usage: $0 [node|chrome|firefox|all]" >&2; exit 2 ;;
esac

# The pinned tools (scripts/setup.sh --browser installs them).
need() { echo "$1: run scripts/setup.sh --browser" >&2; exit 1; }
want_bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, "", $0); print; exit }' Cargo.lock)
[ "$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{ print $2 }')" = "$want_bindgen" ] ||
  need "wasm-bindgen-test-runner $want_bindgen is missing"
command -v wasm-pack >/dev/null || need "wasm-pack is missing"
for env in "${envs[@]}"; do
  case "$env" in
    chrome)
      command -v chromium >/dev/null || need "chromium is missing"
      chromedriver="${CHROMEDRIVER:-$(command -v chromedriver || true)}"
      [ -x "$chromedriver" ] || need "chromedriver is missing"
      ;;
    firefox)
      command -v firefox >/dev/null || need "firefox is missing"
      geckodriver="${GECKODRIVER:-$(command -v geckodriver || true)}"
      [ -x "$geckodriver" ] || need "geckodriver is missing"
      ;;
  esac
done

# The suites and how many tests each holds: the core's exports (tests/wasm_*.rs) and the async
# Rust client's (client/tests/wasm_*.rs, run from client/ with only those test targets: its
# native suites need tokio). Suite names are unique across both.
declare -A expected
total=0
client_tests=()
for file in client/tests/wasm_*.rs; do
  client_tests+=(--test "$(basename "$file" .rs)")
done
for file in tests/wasm_*.rs client/tests/wasm_*.rs; do
  suite=$(basename "$file" .rs)
  expected[$suite]=$(grep -cE '^\s*#\[wasm_bindgen_test(\]|\()' "$file" || true)
  if [ "${expected[$suite]}" -eq 0 ]; then
    echo "$file holds no #[wasm_bindgen_test] function" >&2
    exit 1
  fi
  total=$((total + expected[$suite]))
done
if [ "$total" -eq 0 ]; then
  echo "no tests/wasm_*.rs suites found" >&2
  exit 1
fi

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

key=sk-admin-demo
"$mock_bin" --port 0 --seed demo --admin-key "$key" >"$tmp/mock.out" 2>"$tmp/mock.err" &
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
echo "mock server at $MOCK_URL (pid $mock_pid)"

# The runner picks its environment from which of these variables is set (even to ""), and the
# suites are compiled for the one wasm-pack asks for: every run starts with none of them.
clean_env=()
for var in WASM_BINDGEN_USE_BROWSER WASM_BINDGEN_USE_DENO WASM_BINDGEN_USE_NODE_EXPERIMENTAL \
  WASM_BINDGEN_USE_DEDICATED_WORKER WASM_BINDGEN_USE_SHARED_WORKER \
  WASM_BINDGEN_USE_SERVICE_WORKER WASM_BINDGEN_TEST_ONLY_NODE WASM_BINDGEN_TEST_ONLY_WEB \
  CHROMEDRIVER GECKODRIVER SAFARIDRIVER NO_HEADLESS; do
  clean_env+=(-u "$var")
done

# check_log NAME LOG BROWSER: the problems with one environment's output, one per line.
check_log() {
  local name="$1" log="$2" browser="$3"
  awk -v browser="$browser" -v suites="${!expected[*]}" -v counts="$(for s in "${!expected[@]}"; do printf '%s ' "${expected[$s]}"; done)" '
    BEGIN {
      n = split(suites, names, " "); split(counts, want, " ")
      for (i = 1; i <= n; i++) expect[names[i]] = want[i]
    }
    /^ *(Running (tests\/|unittests )|Doc-tests )/ {
      suite = ""
      if (match($0, /tests\/wasm_[A-Za-z0-9_]+\.rs/)) suite = substr($0, RSTART + 6, RLENGTH - 9)
      if (suite != "") started[suite]++
      next
    }
    /skipping/ { print "skipped: " $0 }
    suite != "" && /^Running headless tests in / { where[suite] = $0 }
    suite != "" && /^no tests to run/ { print suite ": no tests to run" }
    suite != "" && /^test result: / {
      if ($0 ~ /^test result: ok\. [0-9]+ passed; 0 failed; 0 ignored;/) passed[suite] += $4
      else print suite ": " $0
    }
    END {
      for (s in expect) {
        if (!started[s]) { print s ": did not run"; continue }
        if (passed[s] != expect[s]) print s ": " passed[s] + 0 " of " expect[s] " tests passed"
        if (browser != "" && where[s] !~ ("in " browser " ")) print s ": not run in " browser
        if (browser == "" && where[s] != "") print s ": ran in a browser, not in Node"
      }
    }' "$log"
}

summaries=()
failed=0
for name in "${envs[@]}"; do
  case "$name" in
    node) args=(--node); browser=""; extra_env=() ;;
    chrome)
      args=(--headless --chrome --chromedriver "$chromedriver"); browser=Chrome
      # Also for wasm-pack's first `cargo build --tests`, so the suites are compiled once, for a
      # browser (see tests/wasm/env.rs).
      extra_env=(WASM_BINDGEN_TEST_ONLY_WEB=1)
      ;;
    firefox)
      args=(--headless --firefox --geckodriver "$geckodriver"); browser=Firefox
      extra_env=(WASM_BINDGEN_TEST_ONLY_WEB=1)
      ;;
  esac
  echo "=== wasm-pack test ${args[*]}"
  # Every environment starts from the seed, whatever an earlier one changed.
  curl -fsS -X POST -H "Authorization: Bearer $key" "$MOCK_URL/__mock/reset" >/dev/null
  log="$tmp/$name.log"
  status=0
  env "${clean_env[@]}" "${extra_env[@]}" wasm-pack test --mode no-install "${args[@]}" 2>&1 |
    tee "$log" || status=$?
  curl -fsS -X POST -H "Authorization: Bearer $key" "$MOCK_URL/__mock/reset" >/dev/null
  (cd client && env "${clean_env[@]}" "${extra_env[@]}" \
    wasm-pack test --mode no-install "${args[@]}" -- "${client_tests[@]}") 2>&1 |
    tee -a "$log" || status=$?
  problems=$(check_log "$name" "$log" "$browser")
  [ "$status" -eq 0 ] || problems="wasm-pack exited with $status"$'\n'"$problems"
  if [ -n "$problems" ]; then
    summaries+=("wasm $name: FAILED: $(printf '%s' "$problems" | paste -sd ';' | sed 's/;/; /g')")
    failed=1
  else
    summaries+=("wasm $name: $total passed (${#expected[@]} suites)")
  fi
done

echo
printf '%s\n' "${summaries[@]}"
exit "$failed"
