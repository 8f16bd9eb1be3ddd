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

# shellcheck source=scripts/pg.sh
source scripts/pg.sh  # start_pg / stop_pg: the throwaway PostgreSQL, shared with bench/load.py and bench/faults.py
trap stop_pg EXIT

ensure_nginx() {  # tests/ops starts nginx from deploy/nginx.conf in front of a test server
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] && return
  echo "Installing Debian's nginx for the reverse-proxy test..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null 2>&1 \
    || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
}

ensure_chromium
ensure_nginx
export AMENDS_BROWSER=chromium AMENDS_REQUIRE_NGINX=1
status=0

echo "== Test suite on SQLite"
AMENDS_HOME=$(mktemp -d) $BIN/python -m pytest "$@" || status=$?

echo "== Test suite on PostgreSQL"
start_pg
AMENDS_HOME=$(mktemp -d) $BIN/python -m pytest "$@" || status=$?
exit $status
