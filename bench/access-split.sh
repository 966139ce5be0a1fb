#!/usr/bin/env bash
# What each part of the access module weighs: the module as the package ships it, then built
# without the access file and CSV exports (`--no-default-features --features edit`), then without
# the edit planners and `apply` as well (answers only). Each is finished as `make pkg` finishes
# it (scripts/wasm-finish.sh access) and measured as scripts/build-pkg.sh measures it (gzip -9 of
# the wasm). The builds go to target/access-split, so pkg/ and the package's build are untouched.
#
#   bench/access-split.sh        (after scripts/setup.sh; about 3 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=target/access-split
out=$CARGO_TARGET_DIR/finished
declare -A gz
for build in "whole:" "edit:--no-default-features --features edit" "answers:--no-default-features"; do
  name=${build%%:*} features=${build#*:}
  # shellcheck disable=SC2086 # the features are words
  cargo build -q --profile access-release --target wasm32-unknown-unknown --lib -p openai-admin-access $features
  rm -rf "$out" && mkdir -p "$out"
  scripts/wasm-finish.sh access "$CARGO_TARGET_DIR/wasm32-unknown-unknown/access-release/openai_admin_access.wasm" "$out"
  gz[$name]=$(gzip -9c "$out/openai_admin_access_bg.wasm" | wc -c)
done
echo "access module, wasm gzip -9 (the budget is 100,000 B):"
echo "  whole, as shipped:                       ${gz[whole]} B"
echo "  without the access file and CSV exports: ${gz[edit]} B (they weigh $((gz[whole] - gz[edit])) B)"
echo "  answers only (no edit planners, apply):  ${gz[answers]} B (those weigh $((gz[edit] - gz[answers])) B)"
