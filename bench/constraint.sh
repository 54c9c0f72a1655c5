#!/usr/bin/env bash
# The constraint engine (issue 20): the cost of one token mask with Qwen3's 151,936-token vocabulary (p50/p99,
# cold and warm; target: warm p99 <= 1 ms), then 8 constrained streams on docs-llama-8m ÷ 8 free ones (>= 0.8).
# Builds nothing into the local repository: the engine's classes and test classpath come from its own build.
# Environment: ROUNDS (20 mask passes, 5 batch rounds), MVN_OPTS (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")"
mvn -q ${MVN_OPTS:-} -f ../pom.xml -pl src/engine test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/target/engine-classpath.txt" -Dmdep.includeScope=test
mkdir -p target/constraint-classes
cp="../src/engine/target/classes:$(cat target/engine-classpath.txt)"
javac -d target/constraint-classes -cp "$cp" src/main/java/dev/lantern/bench/ConstraintMaskBench.java \
  src/main/java/dev/lantern/bench/ConstrainedBatchBench.java
tokenizer=../src/engine/target/conformance/models/qwen3/tokenizer.json
[ -f "$tokenizer" ] || { echo "no Qwen3 tokenizer: run the engine's generate-test-resources"; exit 1; }
java -Xmx2g -Drounds="${ROUNDS:-20}" -cp "target/constraint-classes:$cp" dev.lantern.bench.ConstraintMaskBench "$tokenizer"
java -Xmx2g -Drounds="${ROUNDS:-5}" -Djava.util.logging.SimpleFormatter.format='%4$s %5$s%n' \
  -cp "target/constraint-classes:$cp" dev.lantern.bench.ConstrainedBatchBench ../models/docs-llama-8m model.onnx
