#!/usr/bin/env bash
# Load test: concurrent mixed reads and writes against the release mock on loopback, checked
# against a model (tests/load/load.mjs). Fails on any 5xx, connection error, unexpected status,
# or a final state that differs from the model.
#
#   scripts/load-test.sh                  # 30 s
#   LOAD_SECONDS=10 scripts/load-test.sh  # shorter, as `make test` runs it
#
# LOAD_WORKERS (concurrent connections, default 64), LOAD_USERS_PER_WORKER, LOAD_SEED are passed
# on; MOCK_BIN picks another mock binary (default target/release/openai-admin-mock, built here).
set -euo pipefail

cd "$(dirname "$0")/.."
key=sk-admin-load
if [[ -z "${MOCK_BIN:-}" ]]; then
    cargo build --release -p openai-admin-mock
    MOCK_BIN=target/release/openai-admin-mock
fi
[[ -x "$MOCK_BIN" ]] || { echo "mock binary $MOCK_BIN is missing" >&2; exit 1; }

out=$(mktemp)
pid=
cleanup() {
    # The script's own status stands: a mock that dies of our SIGTERM is no failure.
    if [[ -n "$pid" ]]; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    rm -f "$out"
}
trap cleanup EXIT

"$MOCK_BIN" --port 0 --seed demo --users 256 --admin-key "$key" >"$out" 2>/dev/null &
pid=$!
for _ in $(seq 100); do
    grep -q '^listening on ' "$out" && break
    kill -0 "$pid" 2>/dev/null || { echo "the mock exited at start" >&2; exit 1; }
    sleep 0.1
done
base=$(sed -n 's/^listening on //p' "$out")
[[ -n "$base" ]] || { echo "the mock printed no 'listening on' line" >&2; exit 1; }
echo "mock $MOCK_BIN (pid $pid) on $base" >&2

ADMIN_KEY=$key node tests/load/load.mjs "$base"
