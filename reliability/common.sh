# Shared by the reliability scripts: the suite's classes, a Lantern server of its own (the build's run server
# "lantern" on ports 9490/9853 with a data directory under reliability/target), and throwaway PostgreSQL (55432)
# and Redis (56379) instances that the fault scenarios may stop: never the shared ones on 5432/6379.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/target"
mkdir -p "$out"
wlp="$root/liberty/target/liberty/wlp"
export WLP_USER_DIR="$root/liberty/target/liberty-usr"
PORT=${PORT:-9490}
HTTPS_PORT=${HTTPS_PORT:-9853}
BASE="http://localhost:$PORT"
PG_PORT=${PG_PORT:-55432}
REDIS_PORT=${REDIS_PORT:-56379}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_DIR=${PG_DIR:-/tmp/lantern-reliability-pg}
ADMIN_EMAIL=reliability@lantern.test
ADMIN_PASSWORD=Rel-suite-7Kx2-Qw9z-Lm4p

if [ ! -x "$wlp/bin/server" ]; then
  echo "Build first: mvn -o package -DskipTests (the suite runs the build's Liberty server)" >&2
  exit 2
fi

compile_suite() {
  rm -rf "$out/classes"
  javac -d "$out/classes" "$here"/src/main/java/dev/lantern/reliability/*.java
}

suite() { java -cp "$out/classes" "dev.lantern.reliability.$@"; }

as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else sh -c "$*"; fi; }

pg_up() {
  if [ ! -d "$PG_DIR/data" ]; then
    mkdir -p "$PG_DIR"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_DIR"
    as_postgres "$PG_BIN/initdb -D $PG_DIR/data -U postgres --auth=trust -E UTF8 >$PG_DIR/initdb.log"
  fi
  as_postgres "$PG_BIN/pg_ctl -D $PG_DIR/data status" >/dev/null 2>&1 && return 0
  for _ in 1 2 3 4 5; do
    as_postgres "$PG_BIN/pg_ctl -D $PG_DIR/data -o '-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1' -l $PG_DIR/log -w start" >/dev/null && return 0
    sleep 2   # the port of an instance just stopped may still be held
  done
  return 1
}
pg_stop() { as_postgres "$PG_BIN/pg_ctl -D $PG_DIR/data -m fast -w stop" >/dev/null; }
pg_fresh_db() {
  psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "DROP DATABASE IF EXISTS lantern_rel WITH (FORCE)" \
    -c "CREATE DATABASE lantern_rel" >/dev/null
}

redis_up() {
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$out/redis.pid" --logfile "$out/redis.log"
  for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return; sleep 0.1; done
}
redis_stop() { redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; }

# The server under test, with limits raised so that the load reaches the models (the limiter still counts).
server_env() {
  export LANTERN_HTTP_PORT=$PORT LANTERN_HTTPS_PORT=$HTTPS_PORT LANTERN_DATA_DIR="$out/data" \
    LANTERN_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/lantern_rel" LANTERN_DB_USER=postgres LANTERN_DB_PASSWORD= \
    LANTERN_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" LANTERN_RATELIMIT_KEY_PREFIX="rel-$$" \
    LANTERN_ADMIN_EMAIL=$ADMIN_EMAIL LANTERN_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    LANTERN_RATELIMIT_POLICY_GENERATION_LIMITS=1000000/minute LANTERN_RATELIMIT_POLICY_GENERATION_TOKENS=100000000/minute \
    LANTERN_RATELIMIT_POLICY_UPLOAD_LIMITS=1000000/hour LANTERN_RATELIMIT_POLICY_DEFAULT_LIMITS=10000000/hour \
    LANTERN_RATELIMIT_POLICY_ANONYMOUS_LIMITS=10000000/hour
}

server_pid() { cat "$WLP_USER_DIR/servers/.pid/lantern.pid" 2>/dev/null || true; }

server_start() {
  server_env
  "$wlp/bin/server" start lantern >/dev/null
  for _ in $(seq 1 240); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready")" = 200 ] && return 0
    sleep 1
  done
  echo "the server did not become ready; see $WLP_USER_DIR/servers/lantern/logs/messages.log" >&2
  return 1
}
server_stop() { "$wlp/bin/server" stop lantern >/dev/null 2>&1 || true; }
