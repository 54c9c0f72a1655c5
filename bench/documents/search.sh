#!/usr/bin/env bash
# Search latency at 100,000 chunks with recall@10 against exact search (see SearchBench: synthetic clustered
# unit vectors, not model embeddings). Environment: CHUNKS (100000), QUERIES (200), CANDIDATES (50), MVN_OPTS.
set -euo pipefail
cd "$(dirname "$0")"
. ./classpath.sh
exec java -Xmx6g -Dchunks="${CHUNKS:-100000}" -Dqueries="${QUERIES:-200}" -Dcandidates="${CANDIDATES:-50}" \
  -Djava.util.logging.SimpleFormatter.format='%4$s %5$s%n' -Dorg.jboss.logging.provider=jdk \
  -cp "$BENCH_CP" dev.lantern.bench.documents.SearchBench
