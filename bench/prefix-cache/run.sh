#!/usr/bin/env bash
# The prefix cache (issue 21), engine level, cache on vs off in the same JVM with alternating arms: time to first
# token after a seen 900-token prefix (target <= 0.2), prompt tokens computed over an 8-turn chat, and 8 streams
# without a shared prefix (target >= 0.97). Arguments: model directory (default the demo model), ONNX file
# (default model.onnx, the fp32 file), a text to cut prompts from (default the README).
# Environment: ROUNDS (7), TOKENS (128), PREFIX_TOKENS (900), LANES (0: the server's choice), PARTS
# (ttft,chat,streams), MVN_OPTS (e.g. -o),
# SKIP_BUILD=1 to reuse the last build, EQUIVALENCE=1 to run PrefixCacheEquivalence (greedy tokens on vs off, 40
# prompts; SCALE=10 per kind) instead: the unit test's check for a model too slow for its 200 prompts.
# Nothing is installed into ~/.m2.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
out="$root/bench/prefix-cache/target"
mkdir -p "$out"
if [ "${SKIP_BUILD:-}" != 1 ]; then
  mvn -q ${MVN_OPTS:-} -f "$root/pom.xml" -pl src/engine compile
fi
mvn -q ${MVN_OPTS:-} -f "$root/src/engine/pom.xml" dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt"
cp="$root/src/engine/target/classes:$(cat "$out/classpath.txt")"
javac -d "$out/classes" -cp "$cp" "$root"/bench/src/main/java/dev/lantern/bench/*.java
if [ "${EQUIVALENCE:-}" = 1 ]; then
  exec java -Xmx2g -Dscale="${SCALE:-10}" -Djava.util.logging.SimpleFormatter.format='%4$s %5$s%n' \
    -cp "$out/classes:$cp" dev.lantern.bench.PrefixCacheEquivalence "${1:-$root/models/docs-llama-8m}" \
    "${2:-model.onnx}" "${3:-$root/README.md}"
fi
exec java -Xmx1g --add-modules java.management -Drounds="${ROUNDS:-7}" -Dtokens="${TOKENS:-128}" -DprefixTokens="${PREFIX_TOKENS:-900}" \
  -Dlanes="${LANES:-0}" -Dparts="${PARTS:-ttft,chat,streams}" -Djava.util.logging.SimpleFormatter.format='%4$s %5$s%n' \
  -cp "$out/classes:$cp" dev.lantern.bench.PrefixCacheBench "${1:-$root/models/docs-llama-8m}" "${2:-model.onnx}" \
  "${3:-$root/README.md}"
