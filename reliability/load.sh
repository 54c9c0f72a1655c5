#!/usr/bin/env bash
# The reliability suite's load (reliability/README.md): CLIENTS (64) concurrent clients for SECONDS (60) mixing
# chat (whole and streamed), completions, embeddings, searches, uploads, logins and cache hits against a real
# server on the throwaway PostgreSQL and Redis; prints p50/p95/p99 per kind, statuses, and the server's RSS every
# 5 s. SOAK=600 then runs a soak of that many seconds and judges RSS flat: within ±10 % of its value after the
# first load. Needs a build (mvn -o package -DskipTests).
source "$(dirname "$0")/common.sh"
cleanup() { server_stop; redis_stop; pg_stop 2>/dev/null || true; }
trap cleanup EXIT
compile_suite
pg_up
redis_up
server_stop; pg_fresh_db; rm -rf "$out/data"
server_start
status=0
suite Load "$BASE" "$ADMIN_EMAIL" "$ADMIN_PASSWORD" "${CLIENTS:-64}" "${SECONDS_:-${SECONDS_LOAD:-60}}" \
  "$(server_pid)" "$out/rss-load.csv" || status=1
if [ -n "${SOAK:-}" ]; then
  suite Load "$BASE" "$ADMIN_EMAIL" "$ADMIN_PASSWORD" "${SOAK_CLIENTS:-32}" "$SOAK" "$(server_pid)" \
    "$out/rss-soak.csv" || status=1
  # Flat: every sample after the soak's first minute within ±10 % of the first minute's last sample.
  awk -F, 'NR==1{next} $1<=60{base=$2; next} {if(min==""||$2<min)min=$2; if($2>max)max=$2}
    END {lo=(min-base)/base*100; hi=(max-base)/base*100;
      printf "soak RSS: %d kB after the first minute, then %d..%d kB (%+.1f%% .. %+.1f%%)\n", base, min, max, lo, hi;
      exit (lo < -10 || hi > 10)}' "$out/rss-soak.csv" || { echo "RSS not flat"; status=1; }
fi
echo "load: $([ $status = 0 ] && echo PASSED || echo FAILED)"
exit $status
