#!/usr/bin/env bash
# The packed package in every runtime the official SDK runs in: `npm pack` of pkg/, installed with
# `npm install <tarball>` into a scratch project (target/runtimes-test/project/), where each test of
# tests/runtimes/ runs the same program (list with `for await`, create, retrieve, update, delete, a
# 404 as NotFoundError, a retry after a 503) against the mock, with this package and with the
# official SDK:
#   Cloudflare Workers (wrangler bundle, workerd via Miniflare; also the server handler),
#   Next.js (next build + next start: Node and edge route handlers, a client component in Chromium),
#   the Vercel Edge Runtime (esbuild bundle in edge-runtime), Deno, Bun (and the CLI under Bun),
#   Jest 30 (CommonJS and ESM), Vitest.
# The runtimes are the repository's devDependencies, linked into the scratch project.
#
#   scripts/test-runtimes.sh                 # every runtime, pkg/ as built
#   scripts/test-runtimes.sh workers deno    # some of them (file names of tests/runtimes/*.test.mjs)
#   scripts/test-runtimes.sh --build ...     # first runs scripts/build-pkg.sh and builds the mock
# MOCK_BIN overrides the mock; CHROMIUM the browser.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scratch=$root/target/runtimes-test
project=$scratch/project
export MOCK_BIN=${MOCK_BIN:-$root/target/debug/openai-admin-mock}

if [[ ${1:-} == --build ]]; then
  shift
  scripts/build-pkg.sh
  cargo build -p openai-admin-mock
fi
[[ -f pkg/package.json ]] || { echo "pkg/ is missing: run scripts/build-pkg.sh first" >&2; exit 1; }
[[ -x $MOCK_BIN ]] || { echo "mock not found at $MOCK_BIN: run cargo build -p openai-admin-mock" >&2; exit 1; }

# Only one run at a time uses the scratch project.
mkdir -p "$scratch"
exec 8>"$scratch.lock"
flock 8

scripts/runtimes-project.sh "$project"
cp -r tests/runtimes "$project/runtimes"
cp -r tests/support "$project/support"

if [[ $# -gt 0 ]]; then
  files=()
  for name in "$@"; do files+=("runtimes/$name.test.mjs"); done
else
  files=()
  for f in "$project"/runtimes/*.test.mjs; do files+=("runtimes/${f##*/}"); done
fi
out=$scratch/runtimes.tap
status=0
# A runtime that ran nothing fails its own test (each checks the reports or counts it got).
(cd "$project" && node --test --test-concurrency=1 --test-reporter=tap --test-reporter-destination=stdout "${files[@]}") \
  | tee "$out" || status=1
pass=$(sed -n 's/^# pass //p' "$out" | tail -1)
fail=$(sed -n 's/^# fail //p' "$out" | tail -1)
if [[ -z $pass || $pass == 0 ]]; then echo "runtime tests ran nothing" >&2; status=1; fi
[[ ${fail:-1} == 0 ]] || status=1
echo "runtimes: ${pass:-0} passed, ${fail:-?} failed"
exit $status
