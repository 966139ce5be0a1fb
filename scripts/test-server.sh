#!/usr/bin/env bash
# Tests the server handler (`openai-admin-wasm/server`, pkg/dist/server/): Node (the Web-standard
# handler and its Node http adapter, in front of the mock), Chromium (a page served through the
# handler), then the load test through the handler with the latency it adds reported.
#
#   scripts/test-server.sh            # tests pkg/ as built, with $MOCK_BIN or the release mock
#   LOAD_SECONDS=30 LOAD_WORKERS=8,64 scripts/test-server.sh
#
# Needs pkg/ (scripts/build-pkg.sh), the mock (cargo build --release -p openai-admin-mock) and
# /usr/bin/chromium (scripts/setup.sh --browser).
set -euo pipefail
cd "$(dirname "$0")/.."
export MOCK_BIN=${MOCK_BIN:-$PWD/target/release/openai-admin-mock}
[[ -f pkg/dist/server/node.js ]] || { echo "pkg/ has no server entry: run scripts/build-pkg.sh first" >&2; exit 1; }
[[ -x $MOCK_BIN ]] || { echo "mock not found at $MOCK_BIN: run cargo build --release -p openai-admin-mock" >&2; exit 1; }

node --test --test-concurrency=1 tests/server/handler.test.mjs tests/server/projects.test.mjs tests/server/node-path.test.mjs tests/server/browser.test.mjs
LOAD_SECONDS=${LOAD_SECONDS:-5} node tests/server/load.mjs
