#!/usr/bin/env bash
# Run the whole suite on SQLite, and every database-touching test on a throwaway PostgreSQL, side by
# side in parallel processes.
# Each suite runs under pytest-xdist (a database and a data directory per worker); the two logs are
# printed one after the other when both are done. Browser tests use Debian's Chromium, installed here
# when missing (CI runs as root). Extra arguments go to both pytest runs.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
# Let Python keep compiled bytecode (and pytest its rewritten test modules) in __pycache__: with
# PYTHONDONTWRITEBYTECODE set, as on some machines, each of the four workers and every process a test
# starts compiled all of amends and the tests again (collection alone went 3.8 s -> 8.7 s a worker).
unset PYTHONDONTWRITEBYTECODE
# Two workers for SQLite, which also runs the unit and browser tests, and one for PostgreSQL: every
# worker pays again for collection, the models and each module's rows, and on two cores a third
# process only competes. 2 + 2 kept the cores busy for 537 CPU-seconds in 274 s; 2 + 1, 479 in 248 s.
SQLITE_WORKERS=${AMENDS_TEST_WORKERS:-2}
PG_WORKERS=${AMENDS_TEST_PG_WORKERS:-1}

ensure_chromium() {
  command -v chromium >/dev/null 2>&1 && return
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}

# shellcheck source=scripts/pg.sh
source scripts/pg.sh  # start_pg / stop_pg: the throwaway PostgreSQL, shared with bench/load.py and bench/faults.py
LOGS=$(mktemp -d)
trap 'stop_pg; rm -rf "$LOGS"' EXIT

ensure_nginx() {  # tests/ops starts nginx from deploy/nginx.conf in front of a test server
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] && return
  echo "Installing Debian's nginx for the reverse-proxy test..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null 2>&1 \
    || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
}

ensure_chromium
ensure_nginx
export AMENDS_BROWSER=chromium AMENDS_REQUIRE_NGINX=1

run_suite() {  # NAME, WORKERS, the test paths as one word, then env assignments; writes $LOGS/NAME.log and .rc
  local name=$1 workers=$2 paths=$3; shift 3
  local rc=0
  # shellcheck disable=SC2086  # the paths word splits on purpose
  # worksteal: a worker that runs out of tests takes queued ones from the other, so neither sits
  # idle at the end while the other still holds a backlog.
  ${NICE:-} env "$@" AMENDS_HOME="$(mktemp -d)" $BIN/python -m pytest -n "$workers" --dist worksteal $paths "${PYTEST_ARGS[@]}" \
    >"$LOGS/$name.log" 2>&1 || rc=$?
  echo "$rc" >"$LOGS/$name.rc"
}

PYTEST_ARGS=("$@")
# PostgreSQL runs every test that opens a database in web, cli and ops (tests/conftest.py leaves out
# the rest there, which do the same on either database). The core's unit tests never open one (an
# import contract keeps Django out of the core), and the browser tests drive the same views the web
# tests cover on both databases, so running those twice would only double the wait.
PG_PATHS="tests/web tests/cli tests/ops"
[ $# -gt 0 ] && PG_PATHS=""  # explicit arguments choose the tests for both databases
start_pg
PG_URL=$DATABASE_URL
unset DATABASE_URL
started=$SECONDS
# The PostgreSQL suite is one process and finished 5-11 s after the SQLite one, with a core idle at the
# end. A slightly lower priority for the SQLite side (two workers and their browsers) lets PostgreSQL
# finish first, and then the SQLite side has two workers for both cores: 247 s -> 235 s in all.
NICE="nice -n ${AMENDS_TEST_SQLITE_NICE:-3}" run_suite sqlite "$SQLITE_WORKERS" "" -u DATABASE_URL &
run_suite postgresql "$PG_WORKERS" "$PG_PATHS" DATABASE_URL="$PG_URL" AMENDS_DATABASE_TESTS_ONLY=1 &
wait

status=0
for name in sqlite postgresql; do
  echo "== Test suite on $name"
  cat "$LOGS/$name.log"
  rc=$(cat "$LOGS/$name.rc")
  [ "$rc" = 0 ] || status=$rc
done
echo "== Both suites finished in $((SECONDS - started)) s (status $status)"
exit $status
