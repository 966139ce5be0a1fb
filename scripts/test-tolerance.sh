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

source scripts/tap.sh
run_tap node "$project" tolerance/node.test.mjs "$scratch"
run_tap chromium "$project" tolerance/chromium.test.mjs "$scratch"
tap_summary tolerance node chromium
