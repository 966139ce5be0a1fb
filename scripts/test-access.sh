#!/usr/bin/env bash
# Tests `openai-admin-wasm/access` and `openai-admin access` (tests/access/) against the mock, from
# pkg/ as built: the scheduler (fake clock) and loader, applyPlan, the command line end to end (both shapes of a
# user's role list, blocked cases, bad files, a rate limit, per-endpoint route limits time-scaled,
# injected faults, SIGKILL mid-apply),
# apply's question and progress bar on a real terminal (tmux), the snapshot (kept without the key,
# resumed after SIGKILL, set aside when broken, fresh plans, saved plans), and the browser entry in
# headless Chromium (`scripts/setup.sh --browser`).
#
#   scripts/test-access.sh            # tests pkg/ as built
#   scripts/test-access.sh --build    # first runs scripts/build-pkg.sh and builds the mock
#
# MOCK_BIN overrides the mock. The files run one at a time: several start mocks with rate limits
# and latency, and their timings should not compete.
set -euo pipefail
cd "$(dirname "$0")/.."
export MOCK_BIN=${MOCK_BIN:-$PWD/target/debug/openai-admin-mock}

if [[ ${1:-} == --build ]]; then
  scripts/build-pkg.sh
  cargo build -p openai-admin-mock
fi
[[ -f pkg/dist/access/node.js ]] || { echo "pkg/dist/access/node.js is missing: run scripts/build-pkg.sh first" >&2; exit 1; }
[[ -x $MOCK_BIN ]] || { echo "mock not found at $MOCK_BIN: run cargo build -p openai-admin-mock" >&2; exit 1; }
if ! command -v tmux >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends tmux
fi

node --test --test-concurrency=1 tests/access/
