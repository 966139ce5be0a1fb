#!/usr/bin/env bash
# Serves the demo page (www/) and the npm package (pkg/) with the mock Admin API, demo seed.
# PORT=8787 by default; Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${PORT:-8787}"
target/release/openai-admin-mock --host 127.0.0.1 --port "$port" --seed demo --www www --static /pkg=pkg |
  while IFS= read -r line; do
    echo "$line"
    case "$line" in
      "listening on "*) echo "open ${line#listening on }/   (admin key of the local mock: sk-admin-demo)" ;;
    esac
  done
