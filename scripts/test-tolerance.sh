#!/usr/bin/env bash
# "Never stricter than the API" (tests/tolerance/): canned answers (the spec's examples, values the
# API may add, unknown and missing fields, broken pages) and requests the official SDK sends as
# given, served and recorded by a small server inside the test; this package and the official
# `openai` SDK run against the same answers and their results, errors and requests are compared.
# The same cases run in Node and in headless Chromium.
#
#   scripts/test-tolerance.sh            # tests pkg/ as built (builds it if missing)
#   scripts/test-tolerance.sh --build    # first runs scripts/build-pkg.sh
#
# The package is packed (`npm pack pkg/`) and installed into a scratch project under
# target/tolerance/, then imported by its name, as a user gets it. CHROMIUM overrides the browser.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scratch=$root/target/tolerance
project=$scratch/project

if [[ ${1:-} == --build || ! -f pkg/package.json ]]; then scripts/build-pkg.sh; fi
[[ -x ${CHROMIUM:-/usr/bin/chromium} ]] || { echo "no Chromium: run scripts/setup.sh --browser" >&2; exit 1; }
for m in openai playwright-core esbuild; do
  [[ -d node_modules/$m ]] || { echo "node_modules/$m missing: run npm ci" >&2; exit 1; }
done

rm -rf "$scratch"
mkdir -p "$project"
# Pack under the build lock: a build running elsewhere (scripts/build-pkg.sh) finishes first.
mkdir -p target
tarball=$(flock target/build-pkg.lock sh -c 'cd "$1" && npm pack --silent "$2"' _ "$scratch" "$root/pkg")
echo "packed $tarball ($(wc -c <"$scratch/$tarball") B)"
cat >"$project/package.json" <<'JSON'
{ "name": "tolerance-test", "private": true, "type": "module" }
JSON
(cd "$project" && npm install --no-audit --no-fund --silent "../$tarball")
# Test-only tools from the repository: the official SDK to compare with, the browser driver and
# the bundler for the page.
ln -s "$root/node_modules/openai" "$root/node_modules/playwright-core" "$root/node_modules/esbuild" "$project/node_modules/"
[[ -d $root/node_modules/@esbuild ]] && ln -s "$root/node_modules/@esbuild" "$project/node_modules/"
cp -r tests/tolerance "$project/tolerance"
cp -r tests/support "$project/support"

status=0
declare -A counts
run() { # name, test file (relative to the project)
  local name=$1 tap=$scratch/$1.tap
  echo "== $name"
  if ! (cd "$project" && node --test --test-reporter=tap --test-reporter-destination=stdout "$2") >"$tap" 2>&1; then
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

run node tolerance/node.test.mjs
run chromium tolerance/chromium.test.mjs

echo
echo "== tolerance summary"
for name in node chromium; do printf '  %-9s %s\n' "$name" "${counts[$name]}"; done
[[ $status == 0 ]] && echo "all tolerance tests passed" || echo "tolerance tests FAILED"
exit $status
