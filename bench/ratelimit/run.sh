#!/usr/bin/env bash
# Cost of authentication + rate limiting on a trivial endpoint, as one ratio measured in one run:
#   throughput of GET /auth/me with an access token, counted by the limiter (the "default" policy)
#   divided by throughput of the same endpoint, same server, anonymous with rate limiting switched off.
# Target: >= 0.8. Needs `mvn package -DskipTests` first (the Liberty runtime and WAR under liberty/target),
# wrk (apt-get install wrk), and for STORE=redis a Redis at LANTERN_REDIS_URL (default redis://127.0.0.1:6379).
#
#   bench/ratelimit/run.sh                 # limiter in memory (the default without LANTERN_REDIS_URL)
#   STORE=redis bench/ratelimit/run.sh     # limiter in Redis
#
# Settings: PORT (9390), ROUNDS (5), DURATION seconds per measured run (8), WARMUP seconds per case before
# the rounds (30), CONNECTIONS (16), THREADS (2).
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-9390}
DURATION=${DURATION:-8}
WARMUP=${WARMUP:-30}
ROUNDS=${ROUNDS:-5}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
STORE=${STORE:-memory}
WLP=liberty/target/liberty/wlp
USR=$PWD/liberty/target/liberty-usr
SERVER=lantern
DROPIN=$USR/servers/$SERVER/configDropins/overrides/bench-ratelimit.xml
DATA=$(mktemp -d /tmp/lantern-bench-ratelimit.XXXXXX)
BASE=http://127.0.0.1:$PORT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -x "$WLP/bin/server" ] || { echo "build first: mvn package -DskipTests" >&2; exit 1; }

export WLP_USER_DIR=$USR
export LANTERN_HTTP_PORT=$PORT LANTERN_HTTPS_PORT=$((PORT + 363)) LANTERN_DATA_DIR=$DATA
# A random administrator password: a weak one (such as "bench-admin-password") stops the start-up.
export LANTERN_ADMIN_EMAIL=bench-admin@lantern.local
export LANTERN_ADMIN_PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d " \n")"
# The measured user must not run out of its quota during the run (the default policy is 1,000/hour).
export LANTERN_RATELIMIT_POLICY_DEFAULT_ROLE_USER_LIMITS=1000000000/hour
if [ "$STORE" = redis ]; then
  export LANTERN_REDIS_URL=${LANTERN_REDIS_URL:-redis://127.0.0.1:6379}
  export LANTERN_RATELIMIT_KEY_PREFIX=bench-$$-$(date +%s)
else
  unset LANTERN_REDIS_URL
fi

cleanup() {
  rm -f "$DROPIN"
  "$WLP/bin/server" stop $SERVER >/dev/null 2>&1 || true
  rm -rf "$DATA"
}
trap cleanup EXIT
rm -f "$DROPIN"

echo "[bench] starting Liberty server '$SERVER' on $PORT (limiter: $STORE)"
"$WLP/bin/server" start $SERVER >/dev/null
for _ in $(seq 1 180); do
  curl -sf "$BASE/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -sf "$BASE/health/ready" >/dev/null

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
admin=$(curl -sf "$BASE/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$LANTERN_ADMIN_EMAIL\",\"password\":\"$LANTERN_ADMIN_PASSWORD\"}" | json '["access_token"]')
curl -sf "$BASE/admin/users" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d '{"email":"bench-user@lantern.local","password":"bench-user-password","roles":["user"]}' >/dev/null
token=$(curl -sf "$BASE/login" -H 'Content-Type: application/json' \
  -d '{"email":"bench-user@lantern.local","password":"bench-user-password"}' | json '["access_token"]')

limited() { # 0 when the limiter currently answers with its headers
  curl -s -D - -o /dev/null -H "Authorization: Bearer $token" "$BASE/auth/me" | grep -qi '^RateLimit:'
}

limiter() { # on | off: a server.xml variable in configDropins, picked up without a restart
  if [ "$1" = off ]; then
    echo '<server><variable name="lantern.ratelimit.enabled" value="false"/></server>' > "$DROPIN"
  else
    rm -f "$DROPIN"
  fi
  for _ in $(seq 1 60); do
    if [ "$1" = on ] && limited; then return; fi
    if [ "$1" = off ] && ! limited; then return; fi
    sleep 0.5
  done
  echo "[bench] the limiter did not switch $1" >&2
  exit 1
}

measure() { # seconds, then wrk's extra arguments; prints requests per second
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1s" "${@:2}" "$BASE/auth/me")
  if echo "$out" | grep -q "Non-2xx"; then
    echo "[bench] non-2xx answers during a run:" >&2
    echo "$out" >&2
    exit 1
  fi
  echo "$out" | awk '/Requests\/sec/ {print $2}'
}

# The machine may be busy with other work: the two cases alternate, round by round, and the ratio is the
# median of the rounds' ratios (each round's two runs are a few seconds apart, under similar load).
# Warm-up: the JIT needs tens of seconds before the rates settle (5 s each left round 1 at 40 % of round 5).
limiter on
measure "$WARMUP" -H "Authorization: Bearer $token" >/dev/null
limiter off
measure "$WARMUP" >/dev/null
ratios=()
for round in $(seq 1 "$ROUNDS"); do
  limiter on
  with=$(measure "$DURATION" -H "Authorization: Bearer $token")
  limiter off
  without=$(measure "$DURATION")
  ratio=$(python3 -c "print(f'{$with / $without:.3f}')")
  ratios+=("$ratio")
  echo "[bench] round $round: with authentication (MP-JWT) + rate limiting ($STORE) $with req/s; without either $without req/s; ratio $ratio"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
echo "ratelimit-auth-overhead ratio (median of $ROUNDS rounds, target >= 0.8): $median"
