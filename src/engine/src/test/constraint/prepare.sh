#!/usr/bin/env bash
# Downloads the JSON-Schema-Test-Suite (draft 4 data, as the npm package json-schema-test-suite ships it) into
# TARGET/constraint/json-schema-test-suite for the constraint engine's tests (never committed). Without npm, or
# when the registry cannot be reached, it writes TARGET/constraint/SKIPPED with the reason, which the tests print.
set -uo pipefail
out="${1:?usage: prepare.sh TARGET_DIRECTORY}/constraint"
mkdir -p "$out"
rm -f "$out/SKIPPED"
[ -d "$out/json-schema-test-suite/tests/draft4" ] && exit 0
command -v npm >/dev/null || { echo "npm is not installed" > "$out/SKIPPED"; exit 0; }
tarball="$(cd "$out" && npm pack --silent --prefer-offline json-schema-test-suite@0.0.10 2>/dev/null | tail -n 1)"
if [ -z "$tarball" ] || [ ! -f "$out/$tarball" ]; then
  echo "npm could not download json-schema-test-suite@0.0.10" > "$out/SKIPPED"
  exit 0
fi
mkdir -p "$out/json-schema-test-suite"
tar xzf "$out/$tarball" -C "$out/json-schema-test-suite" --strip-components=1 package/tests
rm -f "$out/$tarball"
