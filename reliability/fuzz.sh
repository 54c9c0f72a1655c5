#!/usr/bin/env bash
# The reliability suite's fuzzer, long form (reliability/README.md): DOCS mutants per file type (70: 1,050 files)
# through the server's extraction code (DocumentFuzzTest), then the HTTP form (MalformedInputIT) with JSON
# mutants per endpoint (JSON, default 200) and uploads per type (UPLOADS, default 20) against the build's IT
# server. SEED changes the mutants (the same seed gives the same files). Extra Maven arguments: MVN_OPTS (e.g.
# -o and the -Dlantern.it.* ports and database of your machine).
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${SEED:-$(date +%s)}
echo "fuzz seed $seed"
mvn ${MVN_OPTS:-} -q -pl src/engine,src/app test -Dtest=DocumentFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dlantern.fuzz.documents="${DOCS:-70}" -Dlantern.fuzz.seed="$seed"
mvn ${MVN_OPTS:-} verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=MalformedInputIT \
  -Dlantern.fuzz.json="${JSON:-200}" -Dlantern.fuzz.uploads="${UPLOADS:-20}" -Dlantern.fuzz.seed="$seed"
