"""Fault scenarios that take too long for the test suite: ``make faults``.

    python -m bench.faults                    # all of them (about 3 minutes)
    python -m bench.faults sigkill pg-restart sqlite-lock disk-full backup-sqlite backup-pg

Each scenario starts its own database and server (see bench/load.py), sends bounded traffic to
127.0.0.1 only, asserts what must hold, prints what happened, and cleans up. Exit status 1 when
any assertion failed. The quick ones (a lock shorter than the busy timeout, a read-only data
directory, the offline browser draft, backup round trips) are in the test suite (tests/ops,
tests/browser/test_offline_draft.py).

- sigkill: a worker is SIGKILLed during autosaves; no acknowledged write is lost, every
  interrupted save succeeds on the client's retry, and gunicorn replaces the worker.
- pg-restart: PostgreSQL stops for 3 s under load; failures are 503 with Retry-After (never a
  500 or a stack page) and the app recovers by itself once the database is back.
- sqlite-lock: another process holds SQLite's write lock for 10 s: saves wait and succeed; then
  for 25 s (beyond the 20 s busy timeout): 503 with Retry-After, and the retries save.
- disk-full: ``amends serve`` on a full filesystem (a 1 MiB tmpfs, where mounting is allowed)
  exits 1 with a message and leaves no files.
- backup: backup and restore timings for 100 couples with a year of history, SQLite and PostgreSQL.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench import load

AUTOSAVE_ONLY = {"autosave": 1}
results: list[tuple[str, bool, str]] = []


def check(scenario: str, ok: bool, what: str) -> None:
    results.append((scenario, ok, what))
    print(f"  [{'ok' if ok else 'FAIL'}] {what}")


def check_nothing_lost(scenario: str, log: load.Log) -> None:
    """Compare the database with the client's log: every acknowledged write present exactly once."""
    problems = load.verify(log)
    check(scenario, not problems, f"no acknowledged write lost or doubled ({len(problems)} problems)")
    for p in problems[:5]:
        print("    ", p)


Made = tuple[load.Stack, list[load.Couple], dict[int, load.Account]]


def _stack(sqlite: bool, workers: int, couples: int = 20) -> Made:
    stack = load.Stack(sqlite=sqlite, workers=workers, threads=4)
    stack.start_database()
    load.setup_django()
    made = load.create_couples(couples)
    stack.start_server()
    return stack, *made


def _ready_within(port: int, seconds: float) -> float | None:
    import http.client

    started = time.monotonic()
    while time.monotonic() - started < seconds:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/readyz")
            if conn.getresponse().status == 200:
                return time.monotonic() - started
        except OSError:
            pass
        time.sleep(0.1)
    return None


def sigkill() -> None:
    print("\n== sigkill: SIGKILL a worker in the middle of autosaves (PostgreSQL, 2 workers, 10 clients)")
    stack, couples, accounts = _stack(sqlite=False, workers=2)
    try:
        killed: list[int] = []

        def kill_one(stop: threading.Event) -> None:
            stop.wait(4)
            pid = stack.worker_pids()[0]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

        log, elapsed = load.drive(
            stack.port,
            couples,
            accounts,
            clients=10,
            seconds=12,
            max_requests=5000,
            think=(0.02, 0.1),
            trust=False,
            during=kill_one,
            weights=AUTOSAVE_ONLY,
            retries=8,
        )
        print(load.table(log, elapsed, "autosaves while a worker is killed"))
        print(f"  {load.written(log)}; failed attempts: {sum(log.errors.values())}, retried: {log.retries}")
        time.sleep(2)
        check("sigkill", bool(killed) and killed[0] not in stack.worker_pids(), f"worker {killed} was killed")
        check("sigkill", len(stack.worker_pids()) == 2, "gunicorn started a replacement: 2 workers again")
        check("sigkill", log.gave_up == 0, f"every interrupted save succeeded on retry (gave up: {log.gave_up})")
        check_nothing_lost("sigkill", log)
    finally:
        stack.close()


def pg_restart() -> None:
    print("\n== pg-restart: PostgreSQL goes away for 3 s under load (2 workers, 10 clients, mixed traffic)")
    stack, couples, accounts = _stack(sqlite=False, workers=2)
    try:
        timing: dict[str, float] = {}

        def restart(stop: threading.Event) -> None:
            stop.wait(4)
            timing["down"] = time.monotonic()
            stack.stop_database_for(3)
            timing["up"] = time.monotonic()
            ready = _ready_within(stack.port, 30)
            timing["ready"] = ready if ready is not None else float("inf")

        log, elapsed = load.drive(
            stack.port,
            couples,
            accounts,
            clients=10,
            seconds=16,
            max_requests=5000,
            think=(0.05, 0.2),
            trust=True,
            during=restart,
            retries=10,
        )
        print(load.table(log, elapsed, "mixed traffic across a PostgreSQL restart"))
        codes = dict(sorted(log.statuses.items()))
        print(f"  status codes seen: {codes}")
        print("  server log (last lines):\n    " + stack.log_tail(8).replace("\n", "\n    "))
        check("pg-restart", 503 in codes, "requests during the outage got 503")
        check("pg-restart", sum(log.errors.values()) == codes.get(503, 0), "no request hung or lost its connection")
        check(
            "pg-restart",
            not log.bad_failures,
            f"every failure was a 503 with Retry-After, no 500 or stack page "
            f"({len(log.bad_failures)} others: {log.bad_failures[:3]})",
        )
        ready = timing.get("ready", float("inf"))
        check("pg-restart", ready <= 10, f"/readyz was 200 again {ready:.1f} s after the database came back")
        check("pg-restart", log.gave_up == 0, f"every write succeeded on the client's retry (gave up: {log.gave_up})")
        check_nothing_lost("pg-restart", log)
    finally:
        stack.close()


def _hold_sqlite_lock(path: Path, seconds: float) -> subprocess.Popen[str]:
    cmd = [sys.executable, "-c", HOLD_LOCK, str(path), str(seconds)]
    holder = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
"""


def sqlite_lock() -> None:
    print("\n== sqlite-lock: another process holds the SQLite write lock (1 worker, 5 clients)")
    stack, couples, accounts = _stack(sqlite=True, workers=1, couples=10)
    db = stack.home / "amends.sqlite3"
    writes = load.Log()
    try:
        for hold, expect_503 in ((10, False), (25, True)):

            def lock(stop: threading.Event, hold: float = hold) -> None:
                stop.wait(2)
                _hold_sqlite_lock(db, hold).wait(timeout=hold + 10)

            log, elapsed = load.drive(
                stack.port,
                couples,
                accounts,
                clients=5,
                seconds=hold + 8,
                max_requests=3000,
                think=(0.3, 0.6),
                trust=False,
                during=lock,
                weights=AUTOSAVE_ONLY,
                retries=10,
                log=writes.sharing_writes(),
            )
            print(load.table(log, elapsed, f"autosaves while the database is locked for {hold} s"))
            slowest = max(log.latencies["autosave"]) if log.latencies["autosave"] else 0
            codes = dict(sorted(log.statuses.items()))
            print(f"  status codes seen: {codes}; slowest save {slowest:.1f} s")
            if expect_503:
                check(
                    "sqlite-lock",
                    503 in codes and not log.bad_failures,
                    f"a {hold} s lock (over the 20 s busy timeout) gave 503 with Retry-After, nothing else",
                )
            else:
                check(
                    "sqlite-lock",
                    sum(log.errors.values()) == 0 and slowest >= 5,
                    f"a {hold} s lock: saves waited (slowest {slowest:.1f} s) and none failed",
                )
            check("sqlite-lock", log.gave_up == 0, f"every save was acknowledged in the end (gave up: {log.gave_up})")
            check_nothing_lost("sqlite-lock", log)
    finally:
        stack.close()


def disk_full() -> None:
    print("\n== disk-full: amends serve on a full filesystem")
    mount = Path(tempfile.mkdtemp(prefix="amends-full-"))
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True).returncode:
        print("  (mounting a tmpfs is not permitted here: covered by tests/ops/test_serve.py with a simulated ENOSPC)")
        mount.rmdir()
        return
    try:
        filler = mount / "filler"
        subprocess.run(["dd", "if=/dev/zero", f"of={filler}", "bs=64k"], capture_output=True)  # fills it
        home = mount / "home"
        home.mkdir()
        env = {**os.environ, "AMENDS_HOME": str(home)}
        env.pop("DATABASE_URL", None)
        result = subprocess.run(
            [sys.executable, "-m", "amends.cli", "serve", "--port", str(load.free_port())],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        print(f"  exit {result.returncode}: {result.stderr.strip()}")
        said = result.returncode == 1 and "disk is full" in result.stderr
        check("disk-full", said, "exits 1 saying the disk is full")
        check("disk-full", list(home.iterdir()) == [], "no files left in the data directory")
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)
        mount.rmdir()


def backup(sqlite: bool) -> None:
    print("\n== backup: 100 couples with a year of history (trust ledger from amends.ledger.generate)")
    if True:
        stack = load.Stack(sqlite=sqlite, workers=1, threads=1)
        try:
            stack.start_database()
            load.setup_django()
            started = time.perf_counter()
            rows = _fill_year(100)
            fill = time.perf_counter() - started
            name = "SQLite" if sqlite else "PostgreSQL"
            out = stack.home / "snap.bak"
            timings = {}
            for label, cmd in (("backup", ["backup", "--out", str(out)]), ("restore", ["restore", str(out), "--yes"])):
                t0 = time.perf_counter()
                subprocess.run(
                    [sys.executable, "-m", "amends.cli", *cmd], env=stack.env, check=True, capture_output=True
                )
                timings[label] = time.perf_counter() - t0
            (stack.home / "pass").write_text("a long backup passphrase\n")
            t0 = time.perf_counter()
            sealed = ["backup", "--out", str(out) + ".enc", "--passphrase-file", str(stack.home / "pass")]
            subprocess.run(
                [sys.executable, "-m", "amends.cli", *sealed], env=stack.env, check=True, capture_output=True
            )
            timings["encrypted backup"] = time.perf_counter() - t0
            size = out.stat().st_size
            print(
                f"  {name}: {rows:,} rows (filled in {fill:.1f} s), snapshot {size / 1e6:.1f} MB; "
                + ", ".join(f"{k} {v:.2f} s" for k, v in timings.items())
            )
            check("backup", True, f"{name} backup and restore completed")
        finally:
            from django.db import connections

            connections.close_all()
            stack.close()


def _fill_year(couples: int) -> int:
    from django.db import connection

    from amends.web.repairs.models import Membership, Repair
    from amends.web.trust.seed import load_history

    made, _ = load.create_couples(couples)
    for i, couple in enumerate(made):
        repair = Repair.objects.get(pk=couple.repair_id)
        offender = Membership.objects.get(repair=repair, role="offender").user
        hurt = Membership.objects.get(repair=repair, role="hurt").user
        load_history(repair, offender, hurt, days=365, commitments=5, seed=i)
    total = 0
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            total += cursor.fetchone()[0]
    return total


SCENARIOS = {
    "sigkill": sigkill,
    "pg-restart": pg_restart,
    "sqlite-lock": sqlite_lock,
    "disk-full": disk_full,
    "backup-sqlite": lambda: backup(True),
    "backup-pg": lambda: backup(False),
}


def main(argv: list[str]) -> int:
    chosen = argv or list(SCENARIOS)
    unknown = [c for c in chosen if c not in SCENARIOS]
    if unknown:
        print(f"unknown scenario(s): {unknown}; choose from {list(SCENARIOS)}")
        return 2
    watchdog = threading.Timer(900, lambda: os._exit(3))  # bounded, whatever happens
    watchdog.daemon = True
    watchdog.start()
    if len(chosen) > 1:  # one process per scenario: each configures Django for its own database
        codes = [subprocess.run([sys.executable, "-m", "bench.faults", name]).returncode for name in chosen]
        print(
            f"\nscenarios failed: {[n for n, c in zip(chosen, codes, strict=True) if c]}"
            if any(codes)
            else "\nall scenarios passed"
        )
        return 1 if any(codes) else 0
    for name in chosen:
        try:
            SCENARIOS[name]()
        except Exception as exc:  # a scenario that crashes is a failed scenario, and the others still run
            check(name, False, f"crashed: {type(exc).__name__}: {exc}")
    failed = [r for r in results if not r[1]]
    print(f"\n{len(results) - len(failed)} checks passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
