#!/usr/bin/env bash
# Eight concurrent streams through the engine's BatchScheduler vs a bare ONNX Runtime batch-of-8 loop and vs
# one stream, docs-llama-8m int8 and fp32, then eight streams arriving 40 ms apart (what their cache rebuilds
# cost). Arguments: ONNX file names (default: model_int8.onnx model.onnx).
# Environment: ROUNDS (5), TOKENS (256), THREADS (0 = ONNX Runtime default), MVN_OPTS (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")"
mvn -q ${MVN_OPTS:-} -N -f ../pom.xml install
mvn -q ${MVN_OPTS:-} -f ../src/engine/pom.xml install -DskipTests
mvn -q ${MVN_OPTS:-} -f pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
files=("$@")
[ ${#files[@]} -eq 0 ] && files=(model_int8.onnx model.onnx)
exec java -Xmx2g -Drounds="${ROUNDS:-5}" -Dtokens="${TOKENS:-256}" -Dthreads="${THREADS:-0}" \
  -Djava.util.logging.SimpleFormatter.format='%4$s %5$s%n' \
  -cp "target/classes:$(cat target/classpath.txt)" dev.lantern.bench.EngineBatchBench \
  ../models/docs-llama-8m "${files[@]}"
