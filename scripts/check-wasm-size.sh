#!/usr/bin/env bash
# The npm package's client wasm has not grown: the gzip size of pkg/wasm/openai_admin_wasm_bg.wasm
# (`scripts/build-pkg.sh`'s "browser download … B wasm" figure) is the one recorded in
# tests/package/client-wasm-size.txt, within 100 B. The Rust client (client/) and its transport
# are outside the package's wasm: a change to the core that makes it grow must say so by updating
# the recorded figure in the same commit.
set -euo pipefail
cd "$(dirname "$0")/.."
wasm=pkg/wasm/openai_admin_wasm_bg.wasm
[ -f "$wasm" ] || { echo "$wasm is missing: run scripts/build-pkg.sh" >&2; exit 1; }
recorded=$(tr -dc '0-9' <tests/package/client-wasm-size.txt)
actual=$(gzip -9c "$wasm" | wc -c)
diff=$((actual - recorded))
if [ "${diff#-}" -gt 100 ]; then
  echo "client wasm: ${actual} B gzip, recorded ${recorded} B (${diff} B): more than 100 B apart;" \
    "if intended, write ${actual} to tests/package/client-wasm-size.txt" >&2
  exit 1
fi
echo "client wasm: ${actual} B gzip, recorded ${recorded} B (${diff} B, within 100 B)"
