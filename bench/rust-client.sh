#!/usr/bin/env bash
# The async Rust client's benchmark (`make bench-rust`, part of `make bench`), in one run:
#
# - natively, against the release mock with 100,000 groups: every group listed (1,000 a page) and
#   2,000 sequential retrieves, with openai-admin, async-openai 0.43 and a bare reqwest +
#   serde_json floor (bench/rust/, its own workspace: async-openai is never in the project's
#   build graph);
# - the wasm size (gzip, after wasm-opt -Oz) of the minimal page written in Rust
#   (examples/wasm-page) and of the same page written with async-openai
#   (bench/rust/page-async-openai), both with the size-tuned release profile.
#
# Budgets: each shape <= 1.0x async-openai's time and <= 1.1x the floor's; the page <= 0.5x
# async-openai's. Prints the figures and the budgets (wall time, median of RUNS), then the
# client thread's CPU-time ratios and the answer-reading case; writes target/bench-rust.json
# (with each client's min and max per case).
#
#   bench/rust-client.sh [RUNS]      (default 5, after one warm-up run)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
key=sk-admin-bench

cargo build --release -p openai-admin-mock
(cd bench/rust && cargo build --release --bin openai-admin-bench-rust)

tmp=$(mktemp -d)
mock_pid=""
cleanup() {
  if [ -n "$mock_pid" ]; then
    kill "$mock_pid" 2>/dev/null || true
    wait "$mock_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
target/release/openai-admin-mock --port 0 --seed empty --groups 100000 --admin-key "$key" \
  >"$tmp/mock.out" 2>"$tmp/mock.err" &
mock_pid=$!
for _ in $(seq 1 300); do
  grep -q '^listening on ' "$tmp/mock.out" 2>/dev/null && break
  sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$tmp/mock.out")
[ -n "$url" ] || { echo "the mock did not start" >&2; cat "$tmp/mock.err" >&2; exit 1; }

bench/rust/target/release/openai-admin-bench-rust "$url/v1" "$key" "$runs" >"$tmp/speed.json"
cp "$tmp/speed.json" target/bench-rust-speed.json
kill "$mock_pid" && wait "$mock_pid" 2>/dev/null || true
mock_pid=""

# The two pages, each with the size-tuned profile and wasm-opt -Oz.
scripts/test-client-page.sh --release --build-only >/dev/null
ours=$(gzip -9c target/wasm-page/pkg/openai_admin_wasm_page_bg.wasm | wc -c)
theirs_dir="$PWD/target/wasm-page-async-openai"
rm -rf "$theirs_dir"
(cd bench/rust && CARGO_PROFILE_RELEASE_OPT_LEVEL=z CARGO_PROFILE_RELEASE_LTO=true \
  CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 CARGO_PROFILE_RELEASE_PANIC=abort \
  wasm-pack build --mode no-install --release --target web --no-typescript --no-pack \
  --out-dir "$theirs_dir" page-async-openai)
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$theirs_dir/page_async_openai_bg.wasm" -o "$theirs_dir/page_async_openai_bg.wasm"
theirs=$(gzip -9c "$theirs_dir/page_async_openai_bg.wasm" | wc -c)

node -e '
const fs = require("fs");
const speed = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const [ours, theirs] = [Number(process.argv[2]), Number(process.argv[3])];
const out = { ...speed, wasm_page_gzip_bytes: { "openai-admin": ours, "async-openai": theirs }, wasm_ratio: ours / theirs };
fs.writeFileSync("target/bench-rust.json", JSON.stringify(out, null, 2) + "\n");
const r = speed.ratios;
const row = (name, value, budget) => `${value <= budget ? "ok  " : "OVER"} ${name}: ${value.toFixed(3)}x (budget ${budget}x)`;
console.log(JSON.stringify(out, null, 2));
console.log([
  row("list 100k vs async-openai", r.list_vs_async_openai, 1.0),
  row("list 100k vs floor", r.list_vs_floor, 1.1),
  row("2,000 retrieves vs async-openai", r.retrieve_vs_async_openai, 1.0),
  row("2,000 retrieves vs floor", r.retrieve_vs_floor, 1.1),
  row("wasm page vs async-openai", ours / theirs, 0.5),
].join("\n"));
// The CPU time of the client thread (less inflated by other processes than the wall time) and the
// answer reading alone: what to look at before changing anything for a time ratio.
const c = speed.cpu_ratios, p = speed.parse_1000_groups_x200_ms;
console.log([
  `cpu  list 100k: ${c.list_vs_async_openai.toFixed(2)}x async-openai, ${c.list_vs_floor.toFixed(2)}x floor`,
  `cpu  2,000 retrieves: ${c.retrieve_vs_async_openai.toFixed(2)}x async-openai, ${c.retrieve_vs_floor.toFixed(2)}x floor`,
  `cpu  reading a page of 1,000 groups: ${p.vs_async_openai.toFixed(2)}x async-openai, ${p.vs_floor.toFixed(2)}x floor`,
].join("\n"));
' "$tmp/speed.json" "$ours" "$theirs"
