#!/usr/bin/env bash
# Ingestion rate with batched vs one-by-one embedding (see IngestionBench). Builds the reactor (package, no
# tests, nothing installed), then runs against the application's classes and jars.
# Environment: ROUNDS (3), BATCH (8, as the server's lantern.documents.embedding.batch-size), PARAGRAPHS (400),
# THREADS (0 = ONNX Runtime default), MVN_OPTS (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")"
. ./classpath.sh
exec java -Xmx2g -Drounds="${ROUNDS:-3}" -Dbatch="${BATCH:-8}" -Dparagraphs="${PARAGRAPHS:-400}" -Dthreads="${THREADS:-0}" \
  -Djava.util.logging.SimpleFormatter.format='%4$s %5$s%n' \
  -cp "$BENCH_CP" dev.lantern.bench.documents.IngestionBench
