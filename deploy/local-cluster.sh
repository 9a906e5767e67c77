#!/usr/bin/env bash
# Shell & Galaxy as a cluster on one machine, from Debian's packages: Redis, PostgreSQL, two game
# processes and nginx in front of them (deploy/nginx.conf).
#
#   deploy/local-cluster.sh up     starts everything; the LAST line printed is the front door's URL
#   deploy/local-cluster.sh down   stops everything it started and removes its data
#   deploy/local-cluster.sh status what runs, where
#
# Everything (pids, ports, data, logs) lives in CLUSTER_DIR (default /tmp/sg-cluster). Ports are
# free ones picked at start unless set: FRONT_PORT, GS1_PORT, GS2_PORT, REDIS_PORT, PG_PORT.
# FRONT_HOST (default 127.0.0.1) is the host in the URL and in each process's PUBLIC_ADDRESS.
# ROUND_SECRET: passed to every process when set (they must share it); unset, the processes keep
# it in PostgreSQL. CLIENT_DIR: a built client to serve (default: built afresh into CLUSTER_DIR).
# Extra environment for the game processes: GAME_ENV="NAME=value NAME=value".
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${CLUSTER_DIR:-/tmp/sg-cluster}"
MARK="$DIR/.sg-cluster" # `down` removes only a directory that has it
STATE="$DIR/state.env"
FRONT_HOST="${FRONT_HOST:-127.0.0.1}"
WAIT_S="${WAIT_S:-60}"

say() { echo "local-cluster: $*" >&2; }
die() {
  say "ERROR: $*"
  exit 1
}

pg_bin() {
  local bin
  bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
  [ -x "$bin/initdb" ] || die "PostgreSQL not found (PG_BIN=${bin:-none}): apt-get install -y postgresql"
  echo "$bin"
}

# PostgreSQL refuses to run as root: as root, its commands run as the `postgres` user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || die "user postgres missing (apt-get install -y postgresql creates it)"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Whether GET URL answers 2xx within 2 s (Node's fetch: no curl needed).
http_ok() {
  node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(2000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1" 2>/dev/null
}

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
pid_of() { cat "$DIR/$1.pid" 2>/dev/null || true; }

# Prints the last lines of a part's log, for a part that did not come up.
tail_log() {
  say "---- last lines of $1 ----"
  tail -n "${2:-40}" "$1" >&2 2>/dev/null || say "(no log)"
  say "----"
}

# Waits until URL answers 2xx, or the part's process is gone, or WAIT_S seconds pass.
wait_http() {
  local what="$1" url="$2" pid="$3" log="$4" deadline=$((SECONDS + WAIT_S))
  while ((SECONDS < deadline)); do
    if http_ok "$url"; then return 0; fi
    if [ -n "$pid" ] && ! alive "$pid"; then
      tail_log "$log"
      fail "$what exited before answering $url"
    fi
    sleep 0.3
  done
  tail_log "$log"
  fail "$what did not answer $url within ${WAIT_S} s"
}

# A part failed: say so, stop what was started, exit non-zero. KEEP_ON_FAILURE=1 leaves it all.
fail() {
  say "ERROR: $*"
  if [ "${KEEP_ON_FAILURE:-0}" = 1 ]; then
    say "KEEP_ON_FAILURE=1: leaving $DIR as it is (logs in $DIR/logs)"
  else
    say "stopping what was started (KEEP_ON_FAILURE=1 keeps it for a look)"
    down >&2 || true
  fi
  exit 1
}

up() {
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || die "nginx not found: apt-get install -y nginx"
  command -v redis-server >/dev/null || die "redis-server not found: apt-get install -y redis-server"
  local nginx_bin pgbin
  nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
  pgbin="$(pg_bin)"
  if [ -e "$MARK" ]; then
    die "$DIR already holds a cluster: run '$0 down' first (or set CLUSTER_DIR)"
  fi
  [ -e "$DIR" ] && [ -n "$(ls -A "$DIR" 2>/dev/null)" ] && die "$DIR exists and is not empty: choose another CLUSTER_DIR"
  mkdir -p "$DIR"/{logs,temp,redis,gs-1,gs-2}
  touch "$MARK"
  chmod 755 "$DIR"

  local front_port="${FRONT_PORT:-$(free_port)}" gs1_port="${GS1_PORT:-$(free_port)}"
  local gs2_port="${GS2_PORT:-$(free_port)}" redis_port="${REDIS_PORT:-$(free_port)}"
  local pg_port="${PG_PORT:-$(free_port)}"
  local secret_line=""
  [ -n "${ROUND_SECRET:-}" ] && secret_line="ROUND_SECRET=$ROUND_SECRET"
  local front="$FRONT_HOST:$front_port"
  local database_url="postgres://sg@127.0.0.1:$pg_port/shell_galaxy"
  local redis_url="redis://127.0.0.1:$redis_port"
  cat >"$STATE" <<EOF
FRONT_URL=http://$front
FRONT_PORT=$front_port
GS1_PORT=$gs1_port
GS2_PORT=$gs2_port
REDIS_PORT=$redis_port
PG_PORT=$pg_port
REDIS_URL=$redis_url
DATABASE_URL=$database_url
EOF

  # Redis: loopback only, nothing kept on disk.
  say "redis-server on 127.0.0.1:$redis_port"
  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$DIR/redis" \
    --daemonize yes --pidfile "$DIR/redis.pid" --logfile "$DIR/logs/redis.log" ||
    { tail_log "$DIR/logs/redis.log"; fail "redis-server did not start"; }
  local deadline=$((SECONDS + WAIT_S))
  until redis-cli -p "$redis_port" ping >/dev/null 2>&1; do
    ((SECONDS < deadline)) || { tail_log "$DIR/logs/redis.log"; fail "redis-server does not answer PING"; }
    sleep 0.2
  done

  # PostgreSQL: a fresh data directory, trust on loopback for the user `sg`. As root it runs as
  # `postgres`, which must reach its directory: when CLUSTER_DIR's parents are closed to it (a
  # mktemp -d is 0700), its data goes to a directory of its own under /tmp, removed by `down`.
  local pg_root="$DIR/pg"
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$DIR"; then
    pg_root="$(mktemp -d /tmp/sg-cluster-pg-XXXXXX)"
    ln -s "$pg_root" "$DIR/pg"
  fi
  echo "PG_ROOT=$pg_root" >>"$STATE"
  say "PostgreSQL ($pgbin) on 127.0.0.1:$pg_port, data in $pg_root/data"
  mkdir -p "$pg_root/data" "$pg_root/socket"
  touch "$pg_root/postgres.log"
  ln -s "$pg_root/postgres.log" "$DIR/logs/postgres.log"
  [ "$(id -u)" = 0 ] && chown -R postgres: "$pg_root"
  as_pg "$pgbin/initdb" -D "$pg_root/data" -U sg --auth=trust -E UTF8 --no-sync >"$DIR/logs/initdb.log" 2>&1 ||
    { tail_log "$DIR/logs/initdb.log"; fail "initdb failed"; }
  as_pg "$pgbin/pg_ctl" -D "$pg_root/data" -l "$pg_root/postgres.log" -w -t "$WAIT_S" \
    -o "-p $pg_port -k $pg_root/socket -c listen_addresses=127.0.0.1" start >/dev/null ||
    { tail_log "$DIR/logs/postgres.log"; fail "PostgreSQL did not start"; }
  head -n 1 "$pg_root/data/postmaster.pid" >"$DIR/postgres.pid"
  "$pgbin/createdb" -h 127.0.0.1 -p "$pg_port" -U sg shell_galaxy ||
    { tail_log "$DIR/logs/postgres.log"; fail "createdb failed"; }

  # The client, built as `npm start` builds it (every time, so it is never older than the
  # server), unless CLIENT_DIR names a built one.
  local client_dir="${CLIENT_DIR:-$DIR/client}"
  if [ -z "${CLIENT_DIR:-}" ]; then
    say "building the client into $client_dir (npx vite build)"
    (cd "$ROOT" && npx vite build --outDir "$client_dir" --emptyOutDir) >"$DIR/logs/build.log" 2>&1 ||
      { tail_log "$DIR/logs/build.log"; fail "the client did not build"; }
  fi
  [ -f "$client_dir/index.html" ] || fail "no built client in $client_dir (index.html missing)"

  # The game processes: one each, sharing Redis and PostgreSQL; each reachable through the front
  # door at /gs-N (its PUBLIC_ADDRESS). DATABASE_PATH only matters to a server without DATABASE_URL.
  local n port
  for n in 1 2; do
    port="$gs1_port"
    [ "$n" = 2 ] && port="$gs2_port"
    say "game process gs-$n on 127.0.0.1:$port (PUBLIC_ADDRESS=$front/gs-$n)"
    (
      cd "$ROOT"
      # shellcheck disable=SC2086 # GAME_ENV is a list of NAME=value words
      exec env PORT="$port" REDIS_URL="$redis_url" DATABASE_URL="$database_url" \
        PUBLIC_ADDRESS="$front/gs-$n" TRUST_PROXY=127.0.0.1 CLIENT_DIR="$client_dir" \
        DATABASE_PATH="$DIR/gs-$n/results.sqlite" \
        LOG_LEVEL="${LOG_LEVEL:-info}" $secret_line ${GAME_ENV:-} \
        node --import tsx server/main.ts
    ) >"$DIR/logs/gs-$n.log" 2>&1 </dev/null &
    echo $! >"$DIR/gs-$n.pid"
  done
  for n in 1 2; do
    port="$gs1_port"
    [ "$n" = 2 ] && port="$gs2_port"
    wait_http "game process gs-$n" "http://127.0.0.1:$port/healthz" "$(pid_of "gs-$n")" "$DIR/logs/gs-$n.log"
  done

  # nginx, from deploy/nginx.conf with this cluster's addresses.
  say "nginx on $front"
  sed -e "s|@LISTEN@|$FRONT_HOST:$front_port|" -e "s|@GS1@|127.0.0.1:$gs1_port|g" \
    -e "s|@GS2@|127.0.0.1:$gs2_port|g" -e "s|@WORKERS@|${NGINX_WORKERS:-1}|" \
    "$ROOT/deploy/nginx.conf" >"$DIR/nginx.conf"
  "$nginx_bin" -t -q -p "$DIR/" -c "$DIR/nginx.conf" -e "$DIR/logs/error.log" 2>>"$DIR/logs/error.log" ||
    { tail_log "$DIR/logs/error.log"; fail "nginx rejected $DIR/nginx.conf"; }
  "$nginx_bin" -p "$DIR/" -c "$DIR/nginx.conf" -e "$DIR/logs/error.log" 2>>"$DIR/logs/error.log" ||
    { tail_log "$DIR/logs/error.log"; fail "nginx did not start"; }
  deadline=$((SECONDS + 10))
  until [ -s "$DIR/nginx.pid" ]; do
    ((SECONDS < deadline)) || { tail_log "$DIR/logs/error.log"; fail "nginx wrote no pid file"; }
    sleep 0.1
  done
  wait_http "nginx" "http://$front/healthz" "$(pid_of nginx)" "$DIR/logs/error.log"
  for n in 1 2; do
    wait_http "gs-$n through nginx" "http://$front/gs-$n/healthz" "" "$DIR/logs/error.log"
  done
  say "up: Redis $redis_url, PostgreSQL $database_url, gs-1 :$gs1_port, gs-2 :$gs2_port; logs in $DIR/logs"
  echo "http://$front"
}

# Stops a process by its pid file: SIGTERM, up to 10 s, then SIGKILL.
stop_pid() {
  local name="$1" pid
  pid="$(pid_of "$name")"
  alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    alive "$pid" || return 0
    sleep 0.1
  done
  say "$name ($pid) still running after 10 s: SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
}

down() {
  if [ ! -e "$MARK" ]; then
    say "nothing to stop in $DIR"
    return 0
  fi
  stop_pid nginx
  stop_pid gs-1
  stop_pid gs-2
  local pg_root
  pg_root="$(sed -n 's/^PG_ROOT=//p' "$STATE" 2>/dev/null)"
  if [ -n "$pg_root" ] && [ -f "$pg_root/data/postmaster.pid" ]; then
    as_pg "$(pg_bin)/pg_ctl" -D "$pg_root/data" -m immediate -w -t 20 stop >/dev/null 2>&1 || stop_pid postgres
  fi
  stop_pid postgres
  stop_pid redis
  case "$pg_root" in /tmp/sg-cluster-pg-*) rm -rf -- "$pg_root" ;; esac
  rm -rf -- "$DIR"
  say "down: stopped and removed $DIR"
}

status() {
  [ -e "$MARK" ] || {
    say "no cluster in $DIR"
    return 1
  }
  cat "$STATE"
  local name
  for name in nginx gs-1 gs-2 postgres redis; do
    if alive "$(pid_of "$name")"; then echo "$name: running (pid $(pid_of "$name"))"; else echo "$name: not running"; fi
  done
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *)
    echo "usage: $0 up|down|status   (CLUSTER_DIR=${DIR})" >&2
    exit 2
    ;;
esac
