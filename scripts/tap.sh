# Sourced by the test scripts that run Node test files one suite at a time (test-reliability.sh,
# test-tolerance.sh).
#
#   run_tap NAME DIR FILE TAPDIR   runs FILE (relative to DIR) under `node --test`, keeps its TAP
#                                  in TAPDIR/NAME.tap, prints each failed test with its YAML block
#                                  and records "N passed, M failed" in counts[NAME]
#   tap_summary WHAT NAME...       prints the counts of the suites named, then exits with `status`
#
# A failure, or a suite that reports no passed test (it could not start), sets status=1.
status=0
declare -A counts
run_tap() {
  local name=$1 tap=$4/$1.tap
  echo "== $name"
  if ! (cd "$2" && node --test --test-reporter=tap --test-reporter-destination=stdout "$3") >"$tap" 2>&1; then
    status=1
    # Each failed test with its YAML block (error, location); everything if none is found.
    awk '/^not ok/ { p = 1 } p { print } /^  \.\.\.$/ { p = 0 }' "$tap" | grep . || cat "$tap"
  fi
  local pass fail
  pass=$(sed -n 's/^# pass //p' "$tap" | tail -1)
  fail=$(sed -n 's/^# fail //p' "$tap" | tail -1)
  [[ -n $pass && ${pass:-0} -gt 0 ]] || status=1
  counts[$name]="${pass:-0} passed, ${fail:-?} failed"
  echo "   ${counts[$name]} (TAP in $tap)"
}

tap_summary() {
  local what=$1 name
  shift
  echo
  echo "== $what summary"
  for name in "$@"; do printf '  %-9s %s\n' "$name" "${counts[$name]}"; done
  [[ $status == 0 ]] && echo "all $what tests passed" || echo "$what tests FAILED"
  exit "$status"
}
