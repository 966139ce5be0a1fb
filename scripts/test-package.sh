#!/usr/bin/env bash
# Tests the npm package the way a user gets it: `npm pack` of pkg/, installed from the tarball into
# a scratch project under target/package-test/, imported by its name from there.
#
#   scripts/test-package.sh            # tests pkg/ as built
#   scripts/test-package.sh --build    # first runs scripts/build-pkg.sh and builds the mock
#
# Parts: attw and publint on the packed package, Node ESM tests (tests/package/*.test.mjs), the CommonJS test (*.test.cjs), the type check
# of tests/types/ (against pkg/ by a `paths` mapping, then against the installed package, and the usage
# file against the official SDK itself),
# and a Vite app in Chromium, page and module worker (tests/vite/). MOCK_BIN overrides the mock.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bin=$root/node_modules/.bin
scratch=$root/target/package-test
project=$scratch/project
export MOCK_BIN=${MOCK_BIN:-$root/target/debug/openai-admin-mock}

if [[ ${1:-} == --build ]]; then
  scripts/build-pkg.sh
  cargo build -p openai-admin-mock
fi
[[ -f pkg/package.json ]] || { echo "pkg/ is missing: run scripts/build-pkg.sh first" >&2; exit 1; }
[[ -x $MOCK_BIN ]] || { echo "mock not found at $MOCK_BIN: run cargo build -p openai-admin-mock" >&2; exit 1; }

rm -rf "$scratch"
mkdir -p "$project"
tarball=$(cd "$scratch" && npm pack --silent "$root/pkg")
echo "packed $tarball ($(wc -c <"$scratch/$tarball") B)"
# What ships: the entry points of the exports map, the console's page (www/), no strays (e.g. a dist/src/ from a racing build).
tar -tzf "$scratch/$tarball" | sort >"$scratch/files.txt"
stray=$(grep -Ev '^package/(package\.json|README\.md|LICENSE|dist/([a-z-]+/)?[^/]+\.(js|cjs|d\.ts|d\.cts)|wasm/[^/]+|www/([a-z-]+/)?[^/]+\.(html|css|js))$' "$scratch/files.txt" || true)
[[ -z $stray ]] || { echo "unexpected files in the tarball:" >&2; echo "$stray" >&2; exit 1; }
for f in LICENSE dist/index.js dist/node.js dist/node.cjs dist/exports.d.ts dist/node.d.cts \
  wasm/openai_admin_wasm.js wasm/openai_admin_wasm_bg.wasm; do
  grep -qx "package/$f" "$scratch/files.txt" || { echo "missing from the tarball: $f" >&2; exit 1; }
done
echo "  $(wc -l <"$scratch/files.txt") files, no strays"

# Types for every resolution mode (node10, node16 from CJS and from ESM, bundler) and the
# package.json fields, on the packed tarball.
status=0
echo "== attw"
if "$bin/attw" --pack "$root/pkg" --format table-flipped; then lint_attw=ok; else lint_attw=FAILED; status=1; fi
echo "== publint"
if (cd "$root/pkg" && "$bin/publint" --strict); then lint_publint=ok; else lint_publint=FAILED; status=1; fi

cat >"$project/package.json" <<'EOF'
{ "name": "package-test", "private": true, "type": "module" }
EOF
(cd "$project" && npm install --no-audit --no-fund --silent "../$tarball")
# Test-only tools from the repository (no dependencies of their own): the official SDK for the
# parity test and the browser driver.
ln -s "$root/node_modules/openai" "$root/node_modules/playwright-core" "$project/node_modules/"

cp -r tests/package "$project/package"
cp -r tests/support "$project/support"
cp -r tests/types "$project/types"
cp -r tests/vite "$project/vite"

declare -A counts
counts[attw]=$lint_attw
counts[publint]=$lint_publint
summary() { # name, TAP output file: pulls "# pass N" / "# fail N"
  local pass fail
  pass=$(sed -n 's/^# pass //p' "$2" | tail -1)
  fail=$(sed -n 's/^# fail //p' "$2" | tail -1)
  counts[$1]="${pass:-0} passed, ${fail:-?} failed"
}
run_node_tests() { # name, glob (relative to the scratch project)
  local name=$1 out=$scratch/$1.tap
  echo "== $name"
  (cd "$project" && node --test --test-reporter=tap --test-reporter-destination=stdout $2) >"$out" 2>&1 \
    || { status=1; cat "$out"; }
  grep -E '^# (tests|pass|fail)' "$out" || true
  summary "$name" "$out"
}

run_node_tests "Node ESM" "package/*.test.mjs"
run_node_tests "CommonJS" "package/*.test.cjs"

echo "== types"
types_ok=0
if "$bin/tsc" -p tests/types --noEmit --strict; then types_ok=$((types_ok + 1)); else status=1; fi
# The same file against the installed package, found by name (no `paths` mapping).
cat >"$project/types/tsconfig.installed.json" <<'EOF'
{ "extends": "./tsconfig.json", "compilerOptions": { "paths": {} } }
EOF
if "$bin/tsc" -p "$project/types/tsconfig.installed.json" --noEmit --strict; then types_ok=$((types_ok + 1)); else status=1; fi
# The same usage file against the official SDK (import swapped back): every line is official usage,
# every `@ts-expect-error` is an error there too.
mkdir -p "$project/types-official"
sed "s#from 'openai-admin-wasm'#from 'openai'#" tests/types/official-usage.ts >"$project/types-official/official-usage.ts"
cat >"$project/types-official/tsconfig.json" <<'EOF2'
{ "extends": "../types/tsconfig.json", "compilerOptions": { "paths": {}, "skipLibCheck": true }, "files": ["official-usage.ts"] }
EOF2
if "$bin/tsc" -p "$project/types-official/tsconfig.json" --noEmit --strict; then types_ok=$((types_ok + 1)); else status=1; fi
counts[types]="$types_ok of 3 tsc runs clean"

run_node_tests "Vite + Chromium" "vite/*.test.mjs"
# The worker's own line, out of the Vite run.
worker=$(grep -E '^(not )?ok [0-9]+ - a module worker' "$scratch/Vite + Chromium.tap" || true)
case $worker in
  ok*) counts[worker]="1 passed, 0 failed" ;;
  *) counts[worker]="0 passed, 1 failed"; status=1 ;;
esac

echo
echo "== summary"
for name in attw publint "Node ESM" "CommonJS" types "Vite + Chromium" worker; do
  printf '  %-16s %s\n' "$name" "${counts[$name]}"
done
[[ $status == 0 ]] && echo "all package tests passed" || echo "package tests FAILED"

exit $status
