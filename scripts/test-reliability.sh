#!/usr/bin/env bash
# Reliability and security tests of the npm package (tests/reliability/): injected faults, retry
# hints, timeouts, aborts, broken and 50 MB bodies, answers that differ from the model, client
# options, bad input to all 53 operations (organization and project access) (refused only when it cannot succeed, else sent as the
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
source scripts/tap.sh
run_tap node "." tests/reliability/node.test.mjs "$out"
run_tap chromium "." tests/reliability/chromium.test.mjs "$out"
tap_summary reliability node chromium
