#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is already there.
#   scripts/setup.sh            the wasm target, wasm-bindgen-cli (same version as Cargo.lock), npm dev deps, zsh
#   scripts/setup.sh --browser  also what the browser and wasm test suites need: Chromium,
#                               ChromeDriver and Firefox ESR from Debian's packages; wasm-pack and
#                               geckodriver with `cargo install` at pinned versions
# Nothing else is downloaded (no driver or binaryen downloads by wasm-pack).
set -euo pipefail
cd "$(dirname "$0")/.."

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

# wasm-bindgen-cli must be exactly the wasm-bindgen version Cargo.lock resolved.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, "", $0); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  echo "installing wasm-bindgen-cli $want (have: ${have:-none})"
  # Not --locked: one of its locked dependencies is missing from the registry.
  cargo install wasm-bindgen-cli --version "$want"
fi

# npm dev dependencies: the official SDK, playwright-core, typescript, binaryen's wasm-opt, esbuild, vite.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# The command line's completion tests run its zsh script in a real zsh (bash is always there).
if ! command -v zsh >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends zsh
fi

[ "${1:-}" = "--browser" ] || exit 0

WASM_PACK_VERSION=0.15.1
GECKODRIVER_VERSION=0.37.1

# cargo_install CRATE VERSION COMMAND: `cargo install` unless COMMAND --version prints VERSION.
cargo_install() {
  local have
  have=$("$3" --version 2>/dev/null | head -n 1 | awk '{ print $2 }' || true)
  if [ "$have" != "$2" ]; then
    echo "installing $1 $2 (have: ${have:-none})"
    cargo install "$1" --version "$2"
  fi
}
cargo_install wasm-pack "$WASM_PACK_VERSION" wasm-pack
cargo_install geckodriver "$GECKODRIVER_VERSION" geckodriver

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v firefox-esr >/dev/null || missing+=(firefox-esr)
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
fi
