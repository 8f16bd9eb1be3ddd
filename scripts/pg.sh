#!/usr/bin/env bash
# A throwaway PostgreSQL on 127.0.0.1, for tests and the load and fault harnesses.
#
# Sourced (scripts/test.sh):  source scripts/pg.sh; trap stop_pg EXIT; start_pg
#   start_pg sets PGBIN, PGROOT, PGPORT and exports DATABASE_URL; stop_pg removes it all.
# Run (bench/load.py, bench/faults.py):
#   scripts/pg.sh start DIR PORT    initdb in DIR/data and start; prints the DATABASE_URL
#   scripts/pg.sh restart DIR       stop (fast) and start again, same data
#   scripts/pg.sh stop DIR          stop immediately and remove DIR
# Runs the server as the postgres user (CI runs as root). Installs Debian's postgresql if missing.

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && { echo "$dir"; return; }; done
  echo "Installing Debian's postgresql..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && { echo "$dir"; return; }; done
  echo "no initdb found" >&2; return 1
}

pg_as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else bash -c "$1"; fi
}

pg_init_and_start() {  # DIR PORT
  local root=$1 port=$2
  PGBIN=$(pg_bin) || return 1
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$root"
  pg_as_postgres "$PGBIN/initdb -D $root/data -U postgres --auth=trust -E UTF8 --no-sync" >/dev/null
  echo "$port" > "$root/port"
  pg_start_existing "$root"
}

pg_start_existing() {  # DIR
  local root=$1 port
  port=$(cat "$root/port")
  PGBIN=${PGBIN:-$(pg_bin)}
  pg_as_postgres "$PGBIN/pg_ctl -D $root/data -l $root/log -w -o '-c listen_addresses=127.0.0.1 -p $port -k $root -c fsync=off -c max_connections=200' start" >/dev/null
}

pg_stop_dir() {  # DIR [MODE]
  local root=$1 mode=${2:-immediate}
  PGBIN=${PGBIN:-$(pg_bin)}
  [ -d "$root/data" ] && pg_as_postgres "$PGBIN/pg_ctl -D $root/data -m $mode -w stop" >/dev/null 2>&1
  return 0
}

PGROOT=""
# The default ports sit below Linux's ephemeral range (32768-60999): a port in it can be held in TIME_WAIT by a
# client connection the suite or a bench just closed, and the server then cannot bind it ("Address already in use";
# make bench lost its PostgreSQL pages run to a cold-start connection that way).
start_pg() {
  PGROOT=$(mktemp -d)
  PGPORT=${AMENDS_TEST_PGPORT:-25433}
  pg_init_and_start "$PGROOT" "$PGPORT"
  export DATABASE_URL="postgresql://postgres@127.0.0.1:$PGPORT/postgres"
}

stop_pg() {
  if [ -n "$PGROOT" ] && [ -d "$PGROOT/data" ]; then
    pg_stop_dir "$PGROOT"
    rm -rf "$PGROOT"
  fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  case "${1:-}" in
    start) mkdir -p "$2"; pg_init_and_start "$2" "$3"; echo "postgresql://postgres@127.0.0.1:$3/postgres" ;;
    restart) pg_stop_dir "$2" fast; pg_start_existing "$2" ;;
    stop) pg_stop_dir "$2"; rm -rf "$2" ;;
    *) echo "usage: $0 start DIR PORT | restart DIR | stop DIR" >&2; exit 2 ;;
  esac
fi
