#!/usr/bin/env bash
# Runs the end-to-end tests (tests/e2e/, `node --test`) once per browser, the same files each time:
#
#   scripts/test-e2e.sh [chromium|firefox|all]      (default: all: Chromium, then Firefox)
#
# E2E_BROWSER tells the tests which browser to drive (tests/e2e/driver.mjs). Needs pkg/ and the
# mock (MOCK_BIN, else target/release or target/debug); `make test-e2e` builds both first.
#
# Output is TAP (each run ends with its `# tests`/`# pass` lines, which .ci/run adds up). The exit
# code alone is not trusted: each browser's run must report at least one test, every test
# passed and none failed, cancelled (a browser that does not launch fails its files' hooks),
# skipped or todo, and must have written its screenshots at 360 and 1,440 px
# (target/e2e-artifacts/BROWSER/); with both browsers, they must have run the same number of
# tests. The counts are printed per browser at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-all}"
case "$mode" in
  chromium | firefox) browsers=("$mode") ;;
  all) browsers=(chromium firefox) ;;
  *) echo "usage: $0 [chromium|firefox|all]" >&2; exit 2 ;;
esac

out=target/e2e-results
mkdir -p "$out"
status=0
summary=()
first=""
for b in "${browsers[@]}"; do
  tap="$out/$b.tap"
  rm -f "$tap"
  echo "== end-to-end tests in $b"
  started=$SECONDS
  stamp=$(date +%s)
  rc=0
  E2E_BROWSER="$b" node --test --test-reporter=tap --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$tap" tests/e2e/ || rc=$?
  count() { awk -v k="$1" '$1 == "#" && $2 == k { n = $3 } END { print n + 0 }' "$tap" 2>/dev/null || echo 0; }
  tests=$(count tests) pass=$(count pass) fail=$(count fail)
  cancelled=$(count cancelled) skipped=$(count skipped) todo=$(count todo)
  line="e2e $b: $pass of $tests tests passed (failed $fail, cancelled $cancelled, skipped $skipped, todo $todo) in $((SECONDS - started)) s"
  if [ "$rc" -ne 0 ] || [ "$tests" -eq 0 ] || [ "$pass" -ne "$tests" ] || [ $((fail + cancelled + skipped + todo)) -ne 0 ]; then
    line="$line: FAILED (exit $rc)"
    status=1
  fi
  # The layout screenshots at both widths, written by this run (tests/e2e/access.test.mjs).
  for w in 360 1440; do
    shot="target/e2e-artifacts/$b/access-$w.png"
    if [ ! -s "$shot" ] || [ "$(stat -c %Y "$shot")" -lt "$stamp" ]; then
      line="$line: FAILED (no $shot from this run)"
      status=1
    fi
  done
  if [ -z "$first" ]; then
    first="$tests"
  elif [ "$tests" -ne "$first" ]; then
    line="$line: FAILED (the browsers ran different numbers of tests)"
    status=1
  fi
  summary+=("$line")
done
printf '%s\n' "${summary[@]}"
exit "$status"
