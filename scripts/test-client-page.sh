#!/usr/bin/env bash
# Builds the minimal wasm page written in Rust (examples/wasm-page: the async client `openai-admin`
# listing groups through `fetch`) into target/wasm-page/ with wasm-pack (`--target web`), shrinks
# it with binaryen's wasm-opt from npm as `make pkg` does, prints its gzip size, and opens it in
# headless Chromium against the mock (tests/client-page/).
#
#   scripts/test-client-page.sh [--release] [--build-only]
#
# `--release` builds with the release profile (what `make bench` measures); the default is a dev
# build, quicker for the test.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=--dev
build_only=""
for arg in "$@"; do
  case "$arg" in
    --release) profile=--release ;;
    --build-only) build_only=1 ;;
    *) echo "usage: $0 [--release] [--build-only]" >&2; exit 2 ;;
  esac
done

out=target/wasm-page
rm -rf "$out"
mkdir -p "$out"
wasm-pack build --mode no-install "$profile" --target web --no-typescript --no-pack \
  --out-dir "$PWD/$out/pkg" examples/wasm-page
wasm="$out/pkg/openai_admin_wasm_page_bg.wasm"
if [ "$profile" = --release ]; then
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$wasm" -o "$wasm"
fi
cp examples/wasm-page/index.html "$out/"
echo "wasm page ($profile): $(wc -c <"$wasm") B wasm, $(gzip -9c "$wasm" | wc -c) B gzip"
[ -n "$build_only" ] && exit 0

if [ -z "${MOCK_BIN:-}" ]; then
  cargo build -p openai-admin-mock
fi
node --test tests/client-page/
