#!/usr/bin/env bash
# The demo: `openai-admin console` (the package's command, from pkg/) against the mock Admin API.
# The console serves the page through the server handler on 127.0.0.1 and holds the mock's key; it
# prints a link with a one-time token, which signs the browser in with a session cookie.
#
#   scripts/demo.sh                # demo seed (45 users, 12 groups), writes allowed
#   SEED=large scripts/demo.sh     # 2,000 users, 200 groups, 10,000 memberships, 20 custom roles
#   READ_ONLY=1 scripts/demo.sh    # without --allow-writes: every write gets 403
#   PORT=8787 by default (PORT=0: a free one); MOCK_BIN=… another mock build. Ctrl-C stops both.
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

seed=(--seed demo)
if [[ "${SEED:-demo}" == large ]]; then
  seed+=(--users 2000 --groups 200 --members-per-group 50 --roles 20 --scim-groups 10 --owners 5)
elif [[ "${SEED:-demo}" != demo ]]; then
  echo "SEED is demo or large, got '$SEED'" >&2
  exit 2
fi
"${MOCK_BIN:-target/release/openai-admin-mock}" --host 127.0.0.1 --port 0 "${seed[@]}" --admin-key "$key" >"$log" 2>&1 &
mock=$!
for _ in $(seq 100); do
  grep -q '^listening on ' "$log" && break
  kill -0 "$mock" 2>/dev/null || { cat "$log" >&2; echo "the mock exited at start" >&2; exit 1; }
  sleep 0.1
done
upstream=$(sed -n 's/^listening on //p' "$log")
[[ -n "$upstream" ]] || { echo "the mock printed no 'listening on' line" >&2; exit 1; }
echo "mock Admin API (upstream) on $upstream (seed: ${SEED:-demo})"

writes=(--allow-writes)
[[ -n "${READ_ONLY:-}" ]] && writes=()
OPENAI_ADMIN_KEY=$key node pkg/dist/cli.js console --base-url "$upstream/v1" --port "$port" "${writes[@]}"
