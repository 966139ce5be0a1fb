#!/usr/bin/env bash
# Makes a scratch project in which `openai-admin-wasm` is installed as a user installs it: `npm pack`
# of pkg/, then `npm install <tarball>` in DIR (removed first). The runtimes, bundlers and test
# runners of the repository's devDependencies are linked into DIR/node_modules, so nothing else is
# downloaded. Used by scripts/test-runtimes.sh and bench/runtimes.mjs.
#
#   scripts/runtimes-project.sh DIR
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
project=${1:?usage: scripts/runtimes-project.sh DIR}
[[ -f pkg/package.json ]] || { echo "pkg/ is missing: run scripts/build-pkg.sh first" >&2; exit 1; }

rm -rf "$project"
mkdir -p "$project"
tarball=$(cd "$project" && npm pack --silent "$root/pkg")
echo "packed $tarball ($(wc -c <"$project/$tarball") B)"
cat >"$project/package.json" <<'JSON'
{ "name": "runtimes-project", "private": true, "type": "module" }
JSON
(cd "$project" && npm install --no-audit --no-fund --silent "./$tarball")
for dep in openai miniflare wrangler next react react-dom edge-runtime esbuild jest vitest playwright-core; do
  ln -s "$root/node_modules/$dep" "$project/node_modules/$dep"
done
