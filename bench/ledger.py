"""Time the trust ledger on two years of daily check-ins for ten commitments.

Run: ``.venv/bin/python -m bench.ledger``. Budget: 20 ms for the whole computation
(summary for the 7/30/90-day windows with streaks and trends, plus the two-year
combined heatmap). Prints p50/p95 over repeated runs and exits 1 over budget.
"""

from __future__ import annotations

import statistics
import sys
import time

from amends.ledger.consistency import calendar_series, summarize
from amends.ledger.generate import History, generate_history

BUDGET_MS = 20.0
RUNS = 60


def run_once(history: History) -> float:
    t0 = time.perf_counter()
    summarize(history.commitments, history.check_ins, today=history.today, tz="Europe/London")
    calendar_series(history.commitments, history.check_ins, start=history.start, end=history.today, today=history.today)
    return (time.perf_counter() - t0) * 1000


def main() -> int:
    history = generate_history(days=730, commitments=10, seed=7, all_daily=True)
    run_once(history)  # warm-up: imports, zoneinfo cache
    samples = sorted(run_once(history) for _ in range(RUNS))
    p50 = statistics.median(samples)
    p95 = samples[int(0.95 * (len(samples) - 1))]
    print(
        f"ledger: {len(history.commitments)} commitments, {len(history.check_ins)} check-ins, "
        f"{RUNS} runs: p50 {p50:.2f} ms, p95 {p95:.2f} ms (budget {BUDGET_MS:.0f} ms)"
    )
    return 0 if p95 <= BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
