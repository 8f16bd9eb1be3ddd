#!/usr/bin/env bash
# Run the whole suite twice: on SQLite, then on a throwaway PostgreSQL this script starts and stops.
# Browser tests use Debian's Chromium, installed here when missing (CI runs as root).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

ensure_chromium() {
  command -v chromium >/dev/null 2>&1 && return
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && { echo "$dir"; return; }; done
  echo "Installing Debian's postgresql for the PostgreSQL run..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && { echo "$dir"; return; }; done
  echo "no initdb found" >&2; exit 1
}

PGROOT=""
stop_pg() {
  if [ -n "$PGROOT" ] && [ -d "$PGROOT/data" ]; then
    su postgres -c "$PGBIN/pg_ctl -D $PGROOT/data -m immediate -w stop" >/dev/null 2>&1 || true
    rm -rf "$PGROOT"
  fi
}
trap stop_pg EXIT

start_pg() {
  PGBIN=$(pg_bin)
  PGROOT=$(mktemp -d)
  PGPORT=${AMENDS_TEST_PGPORT:-55433}
  chown postgres:postgres "$PGROOT"
  su postgres -c "$PGBIN/initdb -D $PGROOT/data -U postgres --auth=trust -E UTF8 --no-sync" >/dev/null
  su postgres -c "$PGBIN/pg_ctl -D $PGROOT/data -l $PGROOT/log -w -o '-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT -c fsync=off -c max_connections=200' start" >/dev/null
  export DATABASE_URL="postgresql://postgres@127.0.0.1:$PGPORT/postgres"
}

ensure_chromium
export AMENDS_BROWSER=chromium
status=0

echo "== Test suite on SQLite"
AMENDS_HOME=$(mktemp -d) $BIN/python -m pytest "$@" || status=$?

echo "== Test suite on PostgreSQL"
start_pg
AMENDS_HOME=$(mktemp -d) $BIN/python -m pytest "$@" || status=$?
exit $status
