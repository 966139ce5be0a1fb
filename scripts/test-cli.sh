#!/usr/bin/env bash
# Tests the package's `openai-admin` command line (tests/cli/), run from pkg/ as a user runs it:
# every command against the mock (output equal to this package's and the official SDK's result for
# the same call), help snapshots, exit codes, pipes, the `auto` format, the pager and the explorer on
# a real terminal (tmux), shell completion in bash and zsh, and `@file` values.
#
#   scripts/test-cli.sh            # tests pkg/ as built
#   scripts/test-cli.sh --build    # first runs scripts/build-pkg.sh and builds the mock
#
# MOCK_BIN overrides the mock. UPDATE_SNAPSHOTS=1 rewrites tests/cli/help.snapshot.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
export MOCK_BIN=${MOCK_BIN:-$PWD/target/debug/openai-admin-mock}

if [[ ${1:-} == --build ]]; then
  scripts/build-pkg.sh
  cargo build -p openai-admin-mock
fi
[[ -f pkg/dist/cli.js ]] || { echo "pkg/dist/cli.js is missing: run scripts/build-pkg.sh first" >&2; exit 1; }
[[ -x $MOCK_BIN ]] || { echo "mock not found at $MOCK_BIN: run cargo build -p openai-admin-mock" >&2; exit 1; }
# The terminal tests drive the CLI in tmux; the completion tests press Tab in bash and zsh.
missing=()
command -v tmux >/dev/null || missing+=(tmux)
command -v zsh >/dev/null || missing+=(zsh)
if [[ ${#missing[@]} -gt 0 ]]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
fi

node --test tests/cli/
