#!/usr/bin/env bash
# A local PostgreSQL for tests: a private cluster (not the system's), on loopback, fsync off.
#
#   scripts/infra/postgres.sh start   install if missing, initdb once, start, create role+db cafeia, print the URL
#   scripts/infra/postgres.sh stop    stop the cluster (data kept)
#   scripts/infra/postgres.sh url     print the URL
#   scripts/infra/postgres.sh status  exit 0 when running
#
# DATABASE_URL set: an external database is used, this script does nothing but print it.
# Env: PG_PORT (25432), CAFEIA_INFRA_DIR (<repo>/.cache/infra).
# Runs as root (the cluster then belongs to the `postgres` OS user) or as any user owning the folder.
# The role `cafeia` has CREATEDB so that test suites can make throwaway databases.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
INFRA_DIR="${CAFEIA_INFRA_DIR:-$REPO/.cache/infra}"
PORT="${PG_PORT:-25432}"
URL="postgres://cafeia:cafeia@127.0.0.1:$PORT/cafeia"

log() { echo "[postgres] $*" >&2; }

find_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  [[ -n "$dir" && -x "$dir/initdb" ]] && echo "$dir"
}

install_postgres() {
  if [[ $EUID -ne 0 ]]; then
    log "PostgreSQL is not installed and we are not root: apt-get install -y postgresql"; exit 1
  fi
  log "installing PostgreSQL from Debian's packages"
  apt-get update -qq
  # policy-rc.d is honoured by the package scripts: do not let them start the system's cluster
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
}

BIN="$(find_bin || true)"

as_pg() {
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Where the cluster lives; the postgres OS user must be able to reach it.
pg_home() {
  local home="$INFRA_DIR/pg"
  mkdir -p "$home"
  if [[ $EUID -eq 0 ]] && ! runuser -u postgres -- test -x "$home"; then
    # a parent folder closed to other users (e.g. a 700 home): keep the cluster where postgres can go
    home="/var/tmp/cafeia-infra-$(echo "$REPO" | md5sum | cut -c1-8)/pg"
    mkdir -p "$home"
    log "$INFRA_DIR is not reachable by the postgres user: the cluster lives in $home"
  fi
  echo "$home"
}

running() {
  [[ -n "$BIN" ]] || return 1
  local home
  home="$(pg_home)"
  [[ -f "$home/data/PG_VERSION" ]] && as_pg "$BIN/pg_ctl" -D "$home/data" status >/dev/null 2>&1
}

psql_admin() {
  as_pg "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$HOME_DIR/run" -p "$PORT" -U postgres -d postgres "$@"
}

start() {
  if [[ -n "${DATABASE_URL:-}" ]]; then echo "$DATABASE_URL"; return 0; fi
  if [[ -z "$BIN" ]]; then install_postgres; BIN="$(find_bin)"; fi
  HOME_DIR="$(pg_home)"
  local data="$HOME_DIR/data"
  mkdir -p "$HOME_DIR/run"
  if [[ $EUID -eq 0 ]]; then chown postgres:postgres "$HOME_DIR" "$HOME_DIR/run"; fi

  if [[ ! -f "$data/PG_VERSION" ]]; then
    log "initdb $data ($("$BIN/postgres" --version))"
    rm -rf "$data"
    mkdir -p "$data"
    if [[ $EUID -eq 0 ]]; then chown postgres:postgres "$data"; fi
    chmod 700 "$data"
    # C locale: the same ordering everywhere, and no dependency on the machine's generated locales
    as_pg "$BIN/initdb" -D "$data" -U postgres -E UTF8 --no-locale \
      --auth-local=trust --auth-host=scram-sha-256 >"$HOME_DIR/initdb.log" 2>&1 \
      || { cat "$HOME_DIR/initdb.log" >&2; exit 1; }
  fi

  if ! as_pg "$BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    local started
    started=$(date +%s)
    log "starting on 127.0.0.1:$PORT"
    # fsync and friends off: a test database trades durability across power loss for speed.
    # setsid: the server outlives the shell that started it.
    setsid -w bash "${BASH_SOURCE[0]}" __pg_ctl_start "$data" || true
    as_pg "$BIN/pg_ctl" -D "$data" status >/dev/null 2>&1 \
      || { log "start failed:"; tail -n 30 "$HOME_DIR/postgres.log" >&2; exit 1; }
    log "started in $(( $(date +%s) - started ))s"
  fi

  until as_pg "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; do sleep 0.2; done

  if [[ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'cafeia'")" != 1 ]]; then
    psql_admin -c "CREATE ROLE cafeia LOGIN CREATEDB PASSWORD 'cafeia'"
  fi
  if [[ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = 'cafeia'")" != 1 ]]; then
    psql_admin -c "CREATE DATABASE cafeia OWNER cafeia"
  fi
  echo "$URL"
}

stop() {
  if [[ -n "${DATABASE_URL:-}" ]]; then return 0; fi
  [[ -n "$BIN" ]] || return 0
  HOME_DIR="$(pg_home)"
  if as_pg "$BIN/pg_ctl" -D "$HOME_DIR/data" status >/dev/null 2>&1; then
    log "stopping"
    as_pg "$BIN/pg_ctl" -D "$HOME_DIR/data" -m fast -w -t 60 stop >/dev/null
  fi
}

case "${1:-}" in
  __pg_ctl_start)
    # internal: runs inside setsid so that the postmaster gets a session of its own
    shift
    data="$1"
    HOME_DIR="$(dirname "$data")"
    as_pg "$BIN/pg_ctl" -D "$data" -l "$HOME_DIR/postgres.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories='$HOME_DIR/run' \
-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500" start >/dev/null
    ;;
  start) start ;;
  stop) stop ;;
  url) echo "${DATABASE_URL:-$URL}" ;;
  status) [[ -n "${DATABASE_URL:-}" ]] || running ;;
  *) echo "usage: $0 start|stop|url|status" >&2; exit 2 ;;
esac
