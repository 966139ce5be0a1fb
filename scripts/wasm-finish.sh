#!/usr/bin/env bash
# Finishes a wasm module as the package ships it: bindings by wasm-bindgen (web target, names and
# producers removed), then binaryen's wasm-opt from npm with the passes of its kind. Used by
# `scripts/build-pkg.sh` for both modules and by `bench/access-split.sh`.
#
#   scripts/wasm-finish.sh client|access IN.wasm OUTDIR
#
# Both kinds are built for size (-Oz). The access module's functions are first flattened and their
# control flow rebuilt (--flatten --rereloop: -1.0 KB gzip), and wasm-opt's -Oz pipeline runs
# twice (the second finds what the first's inlining exposed: -0.9 KB), `plan` no slower
# (ARCHITECTURE.md, "access").
set -euo pipefail
kind=$1 in=$2 out=$3
case "$kind" in
  client) passes=(-Oz) ;;
  access) passes=(--flatten --rereloop -Oz -Oz) ;;
  *) echo "wasm-finish.sh: kind must be client or access, not '$kind'" >&2; exit 2 ;;
esac
bin="$(cd "$(dirname "$0")/.." && pwd)/node_modules/.bin"
module=$(basename "$in" .wasm)
wasm-bindgen --target web --out-dir "$out" --remove-name-section --remove-producers-section "$in"
# Never Debian's wasm-opt (it writes broken wasm): the one from the pinned npm binaryen.
"$bin/wasm-opt" "${passes[@]}" --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/${module}_bg.wasm" -o "$out/${module}_bg.wasm"
