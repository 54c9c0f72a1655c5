#!/usr/bin/env bash
# Eight concurrent generations through the HTTP API of a real Lantern server vs a bare ONNX Runtime batch-of-8
# loop on the same ONNX file (target >= 0.85) and vs one stream through the same server (target >= 3), with
# p50/p95 time to first token; docs-llama-8m int8 and fp32 (the server's LANTERN_MODELS_ONNX_FILE). Then the
# response cache: a cached chat completion's latency against a generated one (HttpCacheBench).
# Arguments: ONNX file names (default: model_int8.onnx model.onnx).
# Environment: ROUNDS (11), TOKENS (128), PROMPT_TOKENS (128), CACHE_REQUESTS (20), PORT (9290),
# HTTPS_PORT (9653), THREADS (0), MVN_OPTS (e.g. -o), SKIP_BUILD=1 to reuse the last build.
# Nothing is installed into ~/.m2.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
out="$root/bench/http-batch/target"
mkdir -p "$out"
if [ "${SKIP_BUILD:-}" != 1 ]; then
  mvn -q ${MVN_OPTS:-} -f "$root/pom.xml" package -DskipTests
fi
mvn -q ${MVN_OPTS:-} -f "$root/src/engine/pom.xml" dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt"
cp="$root/src/engine/target/classes:$(cat "$out/classpath.txt")"
javac -d "$out/classes" -cp "$cp" "$root"/bench/src/main/java/dev/lantern/bench/*.java

wlp="$root/liberty/target/liberty/wlp"
export WLP_USER_DIR="$root/liberty/target/liberty-usr"
port=${PORT:-9290}
base="http://localhost:$port"
files=("$@")
[ ${#files[@]} -eq 0 ] && files=(model_int8.onnx model.onnx)
stop() { "$wlp/bin/server" stop lantern >/dev/null 2>&1 || true; }
trap stop EXIT
for file in "${files[@]}"; do
  stop
  rm -rf "$out/data"
  export LANTERN_HTTP_PORT=$port LANTERN_HTTPS_PORT=${HTTPS_PORT:-9653} LANTERN_DATA_DIR="$out/data" \
    LANTERN_MODELS_ONNX_FILE="$file" LANTERN_GENERATION_TIMEOUT=PT600S \
    LANTERN_SCHEDULER_MAX_BATCH_SIZE=8 LANTERN_ADMIN_EMAIL=bench@lantern.local \
    LANTERN_ADMIN_PASSWORD="bench-$(date +%s%N)"
  "$wlp/bin/server" start lantern >/dev/null
  for _ in $(seq 1 180); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")" = 200 ] && break
    sleep 1
  done
  # A bearer token when the server has authentication (the bench's administrator is exempt from rate limits).
  token=$(curl -s "$base/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$LANTERN_ADMIN_EMAIL\",\"password\":\"$LANTERN_ADMIN_PASSWORD\"}" \
    | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
  java -Xmx1g -Drounds="${ROUNDS:-11}" -Dtokens="${TOKENS:-128}" -DpromptTokens="${PROMPT_TOKENS:-128}" \
    -Dthreads="${THREADS:-0}" -Dtoken="$token" -Djava.util.logging.SimpleFormatter.format='%4$s %5$s%n' \
    -cp "$out/classes:$cp" dev.lantern.bench.HttpBatchBench "$base" "$root/models/docs-llama-8m" "$file"
  java -Dtoken="$token" -Drequests="${CACHE_REQUESTS:-20}" -cp "$out/classes:$cp" dev.lantern.bench.HttpCacheBench "$base"
done
