"""Time the trust dashboard and timeline on two years of history, plus the ledger computation.

Run: ``.venv/bin/python -m bench.pages`` (SQLite in a throwaway AMENDS_HOME), or with
``DATABASE_URL=postgresql://...`` for PostgreSQL (a throwaway test database is created and
dropped). The history: 10 daily commitments over 730 days with check-ins, the partner's
confirmations, and weekly CSI-4, trust and forgiveness check-ins, loaded with bulk inserts.
Budgets: page p95 <= 150 ms; ledger computation <= 20 ms. Exits 1 over budget.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

PAGE_BUDGET_MS = 150.0
LEDGER_BUDGET_MS = 20.0
RUNS = 30


def _p(samples: list[float]) -> tuple[float, float]:
    s = sorted(samples)
    return statistics.median(s), s[int(0.95 * (len(s) - 1))]


def main() -> int:
    os.environ.setdefault("AMENDS_HOME", tempfile.mkdtemp(prefix="amends-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amends.web.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        return _run(connection.vendor)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def _run(vendor: str) -> int:
    from django.contrib.auth.models import User
    from django.test import Client
    from django.urls import reverse

    from amends import ledger
    from amends.services.access import repair_access
    from amends.services.repairs import start_repair
    from amends.web.repairs.models import Membership
    from amends.web.trust.queries import load_ledger
    from amends.web.trust.seed import load_history

    alice = User.objects.create_user("alice", password="x" * 12)
    bob = User.objects.create_user("bob", password="x" * 12)
    repair = start_repair(
        alice, role="offender", kind="broken_promise", title="Bench", description="Two years of repair."
    )
    Membership.objects.create(repair=repair, user=bob, role="hurt")
    t0 = time.perf_counter()
    history = load_history(repair, alice, bob)
    load_s = time.perf_counter() - t0
    print(
        f"pages ({vendor}): loaded {len(history.commitments)} commitments, {len(history.check_ins)} check-ins, "
        f"{len(history.csi4)} weeks of questionnaires in {load_s:.1f} s"
    )
    ok = True
    for who in (alice, bob):
        client = Client()
        client.force_login(who)
        for name in ("trust_dashboard", "trust_timeline"):
            url = reverse(name, args=[repair.pk])
            assert client.get(url).status_code == 200
            samples = []
            for _ in range(RUNS):
                s = time.perf_counter()
                response = client.get(url)
                samples.append((time.perf_counter() - s) * 1000)
                assert response.status_code == 200
            p50, p95 = _p(samples)
            ok &= p95 <= PAGE_BUDGET_MS
            print(
                f"  {name:16} as {who.username:5}: p50 {p50:6.1f} ms, p95 {p95:6.1f} ms (budget {PAGE_BUDGET_MS:.0f})"
            )
    from amends.web.trust import queries

    client = Client()
    client.force_login(alice)
    url = reverse("trust_dashboard", args=[repair.pk])
    cold = []
    for _ in range(RUNS):
        queries._CACHE.clear()  # the first view after any write recomputes everything
        s = time.perf_counter()
        client.get(url)
        cold.append((time.perf_counter() - s) * 1000)
    p50, p95 = _p(cold)
    ok &= p95 <= PAGE_BUDGET_MS
    print(f"  dashboard cold (after a write):     p50 {p50:6.1f} ms, p95 {p95:6.1f} ms (budget {PAGE_BUDGET_MS:.0f})")
    access = repair_access(alice, repair.pk)
    led = load_ledger(access)
    loads, computes = [], []
    for _ in range(RUNS):
        s = time.perf_counter()
        led = load_ledger(access)
        m = time.perf_counter()
        ledger.summarize(led.domain, led.check_ins, today=led.today)
        ledger.calendar_series(led.domain, led.check_ins, start=history.start, end=led.today, today=led.today)
        e = time.perf_counter()
        loads.append((m - s) * 1000)
        computes.append((e - m) * 1000)
    lp50, lp95 = _p(loads)
    cp50, cp95 = _p(computes)
    ok &= cp95 <= LEDGER_BUDGET_MS
    print(
        f"  ledger compute (summary + 2-year heatmap): "
        f"p50 {cp50:.1f} ms, p95 {cp95:.1f} ms (budget {LEDGER_BUDGET_MS:.0f})"
    )
    print(f"  ledger load from the database: p50 {lp50:.1f} ms, p95 {lp95:.1f} ms")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
