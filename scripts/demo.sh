#!/usr/bin/env bash
# Serves the demo page (www/) and the npm package (pkg/) through the package's server handler
# (scripts/demo-server.mjs, `openai-admin-wasm/server`), with the mock Admin API (demo seed) as the
# upstream. The handler holds the mock's admin key; the browser holds only the demo sign-in token
# of an admin (open /?as=viewer for the viewer's). PORT=8787 by default; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${PORT:-8787}"
key=sk-admin-demo
log=$(mktemp)
mock=
cleanup() {
  if [[ -n "$mock" ]]; then
    kill "$mock" 2>/dev/null || true
    wait "$mock" 2>/dev/null || true
  fi
  rm -f "$log"
}
trap cleanup EXIT INT TERM

target/release/openai-admin-mock --host 127.0.0.1 --port 0 --seed demo --admin-key "$key" >"$log" 2>&1 &
mock=$!
for _ in $(seq 100); do
  grep -q '^listening on ' "$log" && break
  kill -0 "$mock" 2>/dev/null || { cat "$log" >&2; echo "the mock exited at start" >&2; exit 1; }
  sleep 0.1
done
upstream=$(sed -n 's/^listening on //p' "$log")
[[ -n "$upstream" ]] || { echo "the mock printed no 'listening on' line" >&2; exit 1; }
echo "mock Admin API (upstream) on $upstream"

OPENAI_ADMIN_KEY=$key node scripts/demo-server.mjs --upstream "$upstream/v1" --host 127.0.0.1 --port "$port" |
  while IFS= read -r line; do
    echo "$line"
    case "$line" in
      "listening on "*) echo "open ${line#listening on }/   (signed in as the demo admin; ${line#listening on }/?as=viewer for the viewer)" ;;
    esac
  done
