#!/usr/bin/env bash
# Brings up the services the scale-out backends use: PostgreSQL 15 + pgvector and Redis, on loopback, on free ports,
# in a temporary data directory. On Debian/Ubuntu it installs what is missing first (idempotent: installed parts are
# skipped). pgvector is built from Debian's source package (trixie's pgvector 0.8.0) against PostgreSQL 15.
#
#   scripts/services.sh start    install if needed, start both (already running: nothing to do), print the env lines
#   scripts/services.sh env      print export GROUNDED_TEST_POSTGRES=... and export GROUNDED_TEST_REDIS=... (eval "$(... env)")
#   scripts/services.sh status   say what runs where; exit 1 when not running
#   scripts/services.sh stop     stop both and remove the data directory
#   scripts/services.sh down postgres|redis   stop one, keeping its data and port (an outage; start brings it back)
#
# The data directory is $GROUNDED_SERVICES_DIR, else /tmp/grounded-services (temporary: a start that finds neither
# server running begins afresh, so data left by a killed run never gets in the way). Run as root, the servers
# run as the unprivileged user "postgres". Authentication is "trust" on loopback only: for tests and one machine.
# GROUNDED_REDIS_APPENDONLY=yes runs Redis with append-only persistence, so its counters survive a restart (the load rig's chaos).
set -euo pipefail

PG_MAJOR=15
PGVECTOR_VERSION=0.8.0
DIR=${GROUNDED_SERVICES_DIR:-/tmp/grounded-services}
PG_BIN=/usr/lib/postgresql/$PG_MAJOR/bin
STATE=$DIR/ports
DB_USER=grounded
DB_NAME=grounded

say() { echo "services: $*" >&2; }
die() { echo "services: error: $*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Runs a command as the unprivileged service user when we are root; as ourselves otherwise.
as_service_user() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

apt_install() {
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=300 --no-install-recommends "$@" >&2
}

apt_updated=0
apt_update_once() {
  [ "$apt_updated" = 1 ] && return
  as_root apt-get update -q -o DPkg::Lock::Timeout=300 >&2
  apt_updated=1
}

pgvector_installed() {
  [ -f "/usr/share/postgresql/$PG_MAJOR/extension/vector.control" ] \
    && grep -q "default_version = '$PGVECTOR_VERSION'" "/usr/share/postgresql/$PG_MAJOR/extension/vector.control"
}

install_packages() {
  local need=()
  [ -x "$PG_BIN/initdb" ] || need+=("postgresql-$PG_MAJOR")
  [ -x "$PG_BIN/pg_config" ] && [ -d "/usr/include/postgresql/$PG_MAJOR/server" ] || need+=("postgresql-server-dev-$PG_MAJOR")
  command -v redis-server >/dev/null || need+=(redis-server)
  if ! pgvector_installed; then
    command -v make >/dev/null || need+=(make)
    command -v gcc >/dev/null || need+=(gcc)
    command -v dpkg-source >/dev/null || need+=(dpkg-dev)
  fi
  if [ ${#need[@]} -gt 0 ]; then
    command -v apt-get >/dev/null || die "missing ${need[*]} and no apt-get to install them (Debian/Ubuntu only)"
    say "installing ${need[*]}"
    apt_update_once
    apt_install "${need[@]}"
  fi
  pgvector_installed || build_pgvector
}

# pgvector comes from Debian's source package: bookworm has none for PostgreSQL 15, trixie has 0.8.0.
build_pgvector() {
  local list=/etc/apt/sources.list.d/grounded-trixie-src.list
  if [ ! -f "$list" ]; then
    say "adding a deb-src entry for Debian trixie (source packages only) in $list"
    echo "deb-src http://deb.debian.org/debian trixie main" | as_root tee "$list" >/dev/null
    apt_updated=0
  fi
  apt_update_once
  local build; build=$(mktemp -d "${TMPDIR:-/tmp}/pgvector-src.XXXXXX")
  say "building pgvector $PGVECTOR_VERSION from Debian's source package in $build"
  (
    cd "$build"
    chmod 755 "$build"
    # apt-get source drops privileges to _apt when it can; a world-readable directory lets it.
    apt-get source -q pgvector/trixie >&2
    cd "pgvector-$PGVECTOR_VERSION"
    make -s PG_CONFIG="$PG_BIN/pg_config" >&2
    as_root make -s install PG_CONFIG="$PG_BIN/pg_config" >&2
  )
  rm -rf "$build"
  pgvector_installed || die "pgvector $PGVECTOR_VERSION did not install into PostgreSQL $PG_MAJOR"
}

ensure_service_user() {
  [ "$(id -u)" = 0 ] || return 0
  id postgres >/dev/null 2>&1 || as_root useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || shuf -i 20000-60000 -n 1
}

pg_running() { [ -f "$STATE" ] && as_service_user "$PG_BIN/pg_ctl" -D "$DIR/pg" status >/dev/null 2>&1; }
redis_running() { [ -f "$DIR/redis.pid" ] && kill -0 "$(cat "$DIR/redis.pid")" 2>/dev/null; }

load_ports() { [ -f "$STATE" ] && . "$STATE"; }

start_postgres() {
  if [ ! -f "$DIR/pg/PG_VERSION" ]; then
    as_service_user "$PG_BIN/initdb" -D "$DIR/pg" -U "$DB_USER" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
      || die "initdb failed: $(tail -1 "$DIR/initdb.log")"
  fi
  as_service_user "$PG_BIN/pg_ctl" -D "$DIR/pg" -l "$DIR/postgres.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $DIR -c max_connections=200 -c fsync=off -c synchronous_commit=off" >/dev/null \
    || die "PostgreSQL did not start: $(tail -3 "$DIR/postgres.log")"
  if ! "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -d postgres -tAc "select 1 from pg_database where datname='$DB_NAME'" | grep -q 1; then
    "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -d postgres -c "create database $DB_NAME" >&2
  fi
  "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -d "$DB_NAME" -c "create extension if not exists vector" >&2
}

start_redis() {
  as_service_user redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --dir "$DIR" \
    --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log" --save '' --appendonly "${GROUNDED_REDIS_APPENDONLY:-no}" >/dev/null
  for _ in $(seq 50); do redis_running && return 0; sleep 0.1; done
  die "Redis did not start: $(tail -3 "$DIR/redis.log" 2>/dev/null)"
}

print_env() {
  load_ports || die "services are not running (scripts/services.sh start)"
  echo "export GROUNDED_TEST_POSTGRES=postgres://$DB_USER@127.0.0.1:$PG_PORT/$DB_NAME"
  echo "export GROUNDED_TEST_REDIS=127.0.0.1:$REDIS_PORT"
}

cmd_start() {
  install_packages
  ensure_service_user
  if [ -d "$DIR" ] && ! pg_running && ! redis_running; then
    rm -rf "$DIR"
  fi
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$DIR"
  chmod 700 "$DIR"
  if ! load_ports; then
    PG_PORT=$(free_port); REDIS_PORT=$(free_port)
    while [ "$REDIS_PORT" = "$PG_PORT" ]; do REDIS_PORT=$(free_port); done
    printf 'PG_PORT=%s\nREDIS_PORT=%s\n' "$PG_PORT" "$REDIS_PORT" >"$STATE"
  fi
  pg_running || start_postgres
  redis_running || start_redis
  say "PostgreSQL $PG_MAJOR + pgvector on 127.0.0.1:$PG_PORT, Redis on 127.0.0.1:$REDIS_PORT (data in $DIR)"
  print_env
}

cmd_stop() {
  if [ -d "$DIR/pg" ]; then as_service_user "$PG_BIN/pg_ctl" -D "$DIR/pg" -m fast -w stop >/dev/null 2>&1 || true; fi
  if redis_running; then kill "$(cat "$DIR/redis.pid")" 2>/dev/null || true; fi
  for _ in $(seq 50); do redis_running || break; sleep 0.1; done
  rm -rf "$DIR"
  say "stopped"
}

cmd_down() {
  load_ports || die "services are not running (scripts/services.sh start)"
  case "${1:-}" in
    postgres) as_service_user "$PG_BIN/pg_ctl" -D "$DIR/pg" -m fast -w stop >/dev/null ;;
    redis)
      if redis_running; then kill "$(cat "$DIR/redis.pid")"; fi
      for _ in $(seq 100); do redis_running || break; sleep 0.1; done ;;
    *) die "usage: scripts/services.sh down postgres|redis" ;;
  esac
  say "$1 stopped, its data kept (scripts/services.sh start brings it back on the same port)"
}

cmd_status() {
  local ok=0
  if load_ports && pg_running; then say "PostgreSQL running on 127.0.0.1:$PG_PORT"; else say "PostgreSQL not running"; ok=1; fi
  if load_ports && redis_running; then say "Redis running on 127.0.0.1:$REDIS_PORT"; else say "Redis not running"; ok=1; fi
  return $ok
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  env) print_env ;;
  status) cmd_status ;;
  down) cmd_down "${2:-}" ;;
  *) echo "usage: scripts/services.sh start|stop|env|status|down postgres|redis" >&2; exit 1 ;;
esac
