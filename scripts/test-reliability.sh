#!/usr/bin/env bash
# Reliability and security tests of the npm package (tests/reliability/): injected faults, retry
# hints, timeouts, aborts, broken and 50 MB bodies, answers that differ from the model, client
# options, bad input to all 26 operations (refused only when it cannot succeed, else sent as the
# official `openai` SDK sends it, compared with it), path ids with
# / .. ? # % spaces and non-ASCII text, and a canary key that must show in no error and no log line.
# The same cases (tests/reliability/cases.mjs) run in Node (pkg/dist/node.js) and in headless
# Chromium (pkg/dist/index.js in a page served by the mock), one after the other.
#
#   scripts/test-reliability.sh
#
# Builds only what is missing: pkg/ (scripts/build-pkg.sh) and the debug mock. MOCK_BIN overrides
# the mock, CHROMIUM the browser (/usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
export MOCK_BIN=${MOCK_BIN:-$PWD/target/debug/openai-admin-mock}

[[ -f pkg/package.json && -f pkg/dist/node.js && -f pkg/dist/index.js ]] || scripts/build-pkg.sh
[[ -x $MOCK_BIN ]] || cargo build -p openai-admin-mock
[[ -x ${CHROMIUM:-/usr/bin/chromium} ]] || { echo "no Chromium: run scripts/setup.sh --browser" >&2; exit 1; }
for m in playwright-core openai esbuild; do
  [[ -d node_modules/$m ]] || { echo "node_modules/$m missing: run npm ci" >&2; exit 1; }
done

out=target/reliability
mkdir -p "$out"
status=0
declare -A counts
run() { # name, test file
  local name=$1 tap=$out/$1.tap
  echo "== $name"
  if ! node --test --test-reporter=tap --test-reporter-destination=stdout "$2" >"$tap" 2>&1; then
    status=1
    # Each failed test with its YAML block (error, location); everything if none is found.
    awk '/^not ok/ { p = 1 } p { print } /^  \.\.\.$/ { p = 0 }' "$tap" | grep . || cat "$tap"
  fi
  local pass fail
  pass=$(sed -n 's/^# pass //p' "$tap" | tail -1)
  fail=$(sed -n 's/^# fail //p' "$tap" | tail -1)
  # A suite that could not start reports no counts: that is a failure too.
  [[ -n $pass && ${pass:-0} -gt 0 ]] || status=1
  counts[$name]="${pass:-0} passed, ${fail:-?} failed"
  echo "   ${counts[$name]} (TAP in $tap)"
}

run node tests/reliability/node.test.mjs
run chromium tests/reliability/chromium.test.mjs

echo
echo "== reliability summary"
for name in node chromium; do printf '  %-9s %s\n' "$name" "${counts[$name]}"; done
[[ $status == 0 ]] && echo "all reliability tests passed" || echo "reliability tests FAILED"
exit $status
