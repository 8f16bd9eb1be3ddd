#!/usr/bin/env bash
# make bench: every speed and memory figure on SQLite, then the pages and the cold start again on a
# throwaway PostgreSQL (their targets hold on both databases). Runs every bench even after a miss,
# so one run shows all the figures, and exits 1 if any missed its target.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
missed=()

bench() {  # LABEL MODULE [ARGS...]
  local label=$1; shift
  echo "== bench $label"
  "$PY" -m "$@" || missed+=("$label")
}

unset DATABASE_URL
for m in apology reply ledger pages coldstart adversarial; do bench "$m (SQLite)" "bench.$m"; done
bench "coldstart (PostgreSQL)" bench.coldstart --postgresql

# shellcheck source=scripts/pg.sh
source scripts/pg.sh
trap stop_pg EXIT
AMENDS_TEST_PGPORT=${AMENDS_BENCH_PGPORT:-25434} start_pg  # below the ephemeral ports, as in scripts/pg.sh
bench "pages (PostgreSQL)" bench.pages

if [ ${#missed[@]} -gt 0 ]; then
  echo "missed a target: ${missed[*]}"
  exit 1
fi
echo "every target met"
