"""Load test: many couples at once on several workers, then a check that no acknowledged write was lost.

    python -m bench.load                      # 4 workers on a throwaway PostgreSQL, 50 clients, 180 s
    python -m bench.load --seconds 60
    python -m bench.load --sqlite --workers 1 --clients 10,25,50,100 --seconds 120
    python -m bench.load --fresh-worker 0     # without the fresh-worker stage

Self-contained and bounded: it starts its own PostgreSQL (scripts/pg.sh) or SQLite in a temporary
AMENDS_HOME, its own server on 127.0.0.1, stops after --seconds (and --max-requests), and removes
everything. Traffic goes to 127.0.0.1 only.

Each client is a thread that owns two couples (four users) exclusively, so it knows the last text it
had acknowledged for every answer. It reads dashboards, autosaves journey answers, runs the apology
coach and records and confirms check-ins, with a think time between requests like a person typing.
Afterwards the database is compared with the clients' log:

* journey answers: the stored text is the last acknowledged one and the revision counter equals
  the number of acknowledged saves (each save sends new text), one row per (user, prompt);
* check-ins: every acknowledged one is stored once with its status; every acknowledged
  confirmation is stored once.

Tables: the warm-up (the first requests each worker serves) in its own table, each stage, and with
several workers a "fresh worker" stage: under the same load one worker is stopped, the supervisor
starts a new one, and the requests started in the first seconds after it came up get their own
table next to the requests before the restart. Requests are not routed to a chosen worker, so that
table mixes the new worker's first requests with the others'; its p99 and max show what the new
worker's first users waited.

Exit status 1 when there were errors or the check failed.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import random
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PG_SH = ROOT / "scripts" / "pg.sh"
SAVE_NUMBERS = itertools.count(1)
HARD_LIMIT_S = 900  # whatever the options say, no run goes on longer than this
WEIGHTS = {"dashboard": 25, "trust_dashboard": 10, "autosave": 40, "coach": 12, "checkin": 8, "confirm": 5}
APOLOGY_PARTS = [
    "I am sorry I missed your birthday dinner",
    "I stayed at work and did not call you",
    "That told you my job mattered more than you",
    "I understand you felt alone and embarrassed in front of your friends",
    "From now on I will leave work by six on days we have plans",
    "I will call you the moment anything changes",
    "Is there anything else you need from me",
    "I know sorry is not enough and I want to make it right",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- the environment: database, data, server ------------------------------------------------------


class Stack:
    """A throwaway database and an amends server, removed on close."""

    def __init__(self, *, sqlite: bool, workers: int, threads: int) -> None:
        self.sqlite, self.workers, self.threads = sqlite, workers, threads
        self.home = Path(tempfile.mkdtemp(prefix="amends-load-home-"))
        self.pgroot: Path | None = None
        self.server: subprocess.Popen[bytes] | None = None
        self.port = free_port()
        self.env = {**os.environ, "AMENDS_HOME": str(self.home), "AMENDS_SECRET_KEY": secrets.token_urlsafe(40)}
        self.env.pop("DATABASE_URL", None)

    def start_database(self) -> None:
        if not self.sqlite:
            self.pgroot = Path(tempfile.mkdtemp(prefix="amends-load-pg-"))
            url = (
                subprocess.run(
                    ["bash", str(PG_SH), "start", str(self.pgroot), str(free_port())],
                    check=True,
                    capture_output=True,
                    text=True,
                )
                .stdout.strip()
                .splitlines()[-1]
            )
            self.env["DATABASE_URL"] = url
        shared = {"AMENDS_HOME", "AMENDS_SECRET_KEY", "DATABASE_URL"}  # the harness's own Django uses them too
        os.environ.update({k: v for k, v in self.env.items() if k in shared})
        if self.sqlite:
            os.environ.pop("DATABASE_URL", None)
        migrate = [sys.executable, "-m", "amends.cli", "migrate"]
        subprocess.run(migrate, env=self.env, check=True, stdout=subprocess.DEVNULL)

    def start_server(self, timeout: float = 90) -> None:
        cmd = [
            sys.executable,
            "-m",
            "amends.cli",
            "serve",
            "--port",
            str(self.port),
            "--no-migrate",
            "--workers",
            str(self.workers),
            "--threads",
            str(self.threads),
        ]
        # A log file, not a pipe: nobody reads a pipe during the run, and a full one would block the workers.
        self.server_log = open(self.home / "server.log", "wb")  # noqa: SIM115 - closed in stop_server()
        self.server = subprocess.Popen(
            cmd, env=self.env, stdout=self.server_log, stderr=subprocess.STDOUT, start_new_session=True
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                raise RuntimeError(f"the server exited: {self.log_tail()}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/readyz")
                if conn.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError("the server did not become ready")

    def log_tail(self, lines: int = 20) -> str:
        path = self.home / "server.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""

    def cpu_seconds(self) -> float:
        """CPU time used so far by the server's workers (the supervisor's is negligible)."""
        tick = os.sysconf("SC_CLK_TCK")
        total = 0.0
        assert self.server is not None
        for pid in [self.server.pid, *self.worker_pids()]:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / tick
            except (OSError, IndexError, ValueError):
                pass
        return total

    def worker_pids(self) -> list[int]:
        assert self.server is not None
        out = subprocess.run(["pgrep", "-P", str(self.server.pid)], capture_output=True, text=True).stdout
        return [int(p) for p in out.split()]

    def restart_database(self) -> None:
        assert self.pgroot is not None
        subprocess.run(["bash", str(PG_SH), "restart", str(self.pgroot)], check=True, capture_output=True)

    def stop_database_for(self, seconds: float) -> None:
        """Stop PostgreSQL (fast shutdown: connections are cut), wait, start it again."""
        assert self.pgroot is not None
        stop = '. scripts/pg.sh; pg_stop_dir "$1" fast'
        subprocess.run(["bash", "-c", stop, "_", str(self.pgroot)], cwd=ROOT, check=True, capture_output=True)
        time.sleep(seconds)
        start = '. scripts/pg.sh; pg_start_existing "$1"'
        subprocess.run(["bash", "-c", start, "_", str(self.pgroot)], cwd=ROOT, check=True, capture_output=True)

    def stop_server(self) -> None:
        """Stop the server (its whole process group) and close its log; the database stays."""
        if self.server is not None and self.server.poll() is None:
            os.killpg(self.server.pid, 15)
            try:
                self.server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.server.pid, 9)
                self.server.wait(timeout=10)
        if getattr(self, "server_log", None) is not None:
            self.server_log.close()
        self.server = None

    def close(self) -> None:
        self.stop_server()
        if self.pgroot is not None:
            subprocess.run(["bash", str(PG_SH), "stop", str(self.pgroot)], check=False, capture_output=True)
        shutil.rmtree(self.home, ignore_errors=True)


@dataclass
class Couple:
    repair_id: int
    offender: int
    hurt: int
    commitment_id: int | None
    prompts: dict[int, list[tuple[str, str]]]  # user id -> (step, prompt) pairs they may autosave
    next_day: int = 0  # days back from today for the next check-in: each day is checked in once
    unconfirmed: list[int] = field(default_factory=list)  # acknowledged check-ins the partner has not seen


@dataclass
class Account:
    user_id: int
    cookie: str
    csrf: str


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amends.web.settings")
    import django

    django.setup()


def create_couples(n: int) -> tuple[list[Couple], dict[int, Account]]:
    """n couples: an offender who owns the repair and a hurt partner, each signed in with a session."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import User
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import transaction

    from amends.journey import load_track
    from amends.web.repairs.models import Membership, Repair

    text_prompts = {
        role: [
            (s.slug, p.slug)
            for s in load_track(role).steps
            for p in s.prompts
            if p.widget not in {"feelings", "attachment", "apology-needs"}
        ]
        for role in ("offender", "hurt")
    }
    couples, accounts = [], {}
    with transaction.atomic():
        for i in range(n):
            alice = User.objects.create_user(f"alice{i:03d}", password=None)
            bob = User.objects.create_user(f"bob{i:03d}", password=None)
            repair = Repair.objects.create(
                created_by=alice,
                kind="broken_promise",
                title=f"Dinner {i}",
                description="I missed our anniversary dinner and did not call.",
            )
            Membership.objects.create(repair=repair, user=alice, role="offender")
            Membership.objects.create(repair=repair, user=bob, role="hurt")
            couples.append(
                Couple(
                    repair.pk,
                    alice.pk,
                    bob.pk,
                    _daily_commitment(repair, alice),
                    {alice.pk: text_prompts["offender"], bob.pk: text_prompts["hurt"]},
                )
            )
            for user in (alice, bob):
                session = SessionStore()
                session[SESSION_KEY] = str(user.pk)
                session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
                session[HASH_SESSION_KEY] = user.get_session_auth_hash()
                session.create()
                csrf = secrets.token_hex(16)  # a 32-character CSRF secret, sent as cookie and header
                accounts[user.pk] = Account(user.pk, f"sessionid={session.session_key}; csrftoken={csrf}", csrf)
    return couples, accounts


def _daily_commitment(repair: Any, author: Any) -> int | None:
    try:
        from amends.web.trust.models import Commitment, ScheduleVersion
    except ImportError:
        return None
    start = date.today() - timedelta(days=3000)
    text = "I will call you if I am going to be late."
    c = Commitment.objects.create(repair=repair, author=author, text=text, start=start)
    ScheduleVersion.objects.create(commitment=c, effective_from=start, kind="daily", text=text)
    return int(c.pk)


def resolve(name: str, **kwargs: Any) -> str | None:
    from django.urls import NoReverseMatch, reverse

    try:
        return str(reverse(name, kwargs=kwargs))
    except NoReverseMatch:
        return None


# -- the clients ----------------------------------------------------------------------------------


@dataclass
class Log:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    error_samples: list[str] = field(default_factory=list)
    saves: dict[tuple[int, int, str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    attempted: dict[tuple[int, int, str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    check_ins: dict[tuple[int, str], str] = field(default_factory=dict)  # (commitment, day) -> status
    confirmations: dict[int, str] = field(default_factory=dict)  # check-in id -> verdict
    retries: int = 0
    gave_up: int = 0  # writes never acknowledged after all retries
    statuses: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    bad_failures: list[str] = field(default_factory=list)  # a failure that was not a clean 503 + Retry-After
    lock: threading.Lock = field(default_factory=threading.Lock)
    timeline: list[tuple[float, str, float, bool]] = field(default_factory=list)  # (started, action, s, ok)

    def sharing_writes(self) -> Log:
        """A fresh log for a new stage that adds to this one's record of acknowledged writes."""
        return Log(
            saves=self.saves,
            attempted=self.attempted,
            check_ins=self.check_ins,
            confirmations=self.confirmations,
            lock=self.lock,
        )

    def record(self, action: str, seconds: float, ok: bool, sample: str = "", started: float | None = None) -> None:
        with self.lock:
            self.latencies[action].append(seconds)
            if started is not None:
                self.timeline.append((started, action, seconds, ok))
            if not ok:
                self.errors[action] += 1
                if len(self.error_samples) < 10:
                    self.error_samples.append(f"{action}: {sample[:200]}")


class Client(threading.Thread):
    """One person's browser tab (or two couples' worth): keep-alive HTTP, think time, retries like app.js."""

    def __init__(
        self,
        port: int,
        couples: list[Couple],
        accounts: dict[int, Account],
        log: Log,
        *,
        stop: threading.Event,
        budget: Any,
        think: tuple[float, float],
        seed: int,
        trust: bool,
        retries: int = 3,
        weights: dict[str, int] | None = None,
    ) -> None:
        super().__init__(daemon=True)
        self.port, self.couples, self.accounts, self.log = port, couples, accounts, log
        self.stop, self.budget, self.think, self.trust, self.max_retries = stop, budget, think, trust, retries
        self.rng = random.Random(seed)
        self.weights = weights or WEIGHTS
        self.conn: http.client.HTTPConnection | None = None
        self.revisions: dict[tuple[int, int, str, str], int] = {}
        self.counter = 0

    # HTTP -----------------------------------------------------------------------------------------
    def request(
        self,
        method: str,
        path: str,
        account: Account,
        body: bytes | None = None,
        content_type: str = "application/x-www-form-urlencoded",
    ) -> tuple[int, bytes, dict[str, str]]:
        headers = {"Cookie": account.cookie, "X-CSRFToken": account.csrf, "Host": "127.0.0.1"}
        if body is not None:
            headers["Content-Type"] = content_type
        for attempt in range(2):  # a kept-alive connection the server closed: reconnect once
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                if response.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return response.status, data, {k.lower(): v for k, v in response.getheaders()}
            except (ConnectionError, http.client.HTTPException, OSError):
                if self.conn is not None:
                    self.conn.close()
                self.conn = None
                if attempt == 1 or method == "POST":
                    raise
        raise AssertionError("unreachable")

    def timed(
        self,
        action: str,
        method: str,
        path: str,
        account: Account,
        body: bytes | None = None,
        content_type: str = "application/x-www-form-urlencoded",
    ) -> tuple[int, bytes]:
        started = time.perf_counter()
        try:
            status, data, headers = self.request(method, path, account, body, content_type)
        except OSError as exc:
            self.log.record(action, time.perf_counter() - started, False, f"{type(exc).__name__}: {exc}", started)
            return 0, b""
        ok = 200 <= status < 300
        self.log.record(action, time.perf_counter() - started, ok, f"{status} {path} {data[:150]!r}", started)
        with self.log.lock:
            self.log.statuses[status] += 1
            if not ok and (status != 503 or "retry-after" not in headers or b"Traceback" in data):
                self.log.bad_failures.append(f"{status} {path}")
        return status, data

    # actions --------------------------------------------------------------------------------------
    def run(self) -> None:
        actions = [a for a in self.weights if self.trust or a in {"dashboard", "autosave", "coach"}]
        weights = [self.weights[a] for a in actions]
        while not self.stop.is_set() and self.budget():
            action = self.rng.choices(actions, weights)[0]
            couple = self.rng.choice(self.couples)
            getattr(self, action)(couple)
            self.stop.wait(self.rng.uniform(*self.think))
        if self.conn is not None:
            self.conn.close()

    def dashboard(self, couple: Couple) -> None:
        user = self.rng.choice((couple.offender, couple.hurt))
        self.timed("dashboard", "GET", f"/repairs/{couple.repair_id}/", self.accounts[user])

    def trust_dashboard(self, couple: Couple) -> None:
        user = self.rng.choice((couple.offender, couple.hurt))
        self.timed("trust_dashboard", "GET", f"/repairs/{couple.repair_id}/trust/", self.accounts[user])

    def autosave(self, couple: Couple) -> None:
        from urllib.parse import urlencode

        user = self.rng.choice((couple.offender, couple.hurt))
        step, prompt = self.rng.choice(couple.prompts[user][:6])
        key = (user, couple.repair_id, step, prompt)
        text = f"{self.rng.choice(APOLOGY_PARTS)}. (save {next(SAVE_NUMBERS)})"  # unique across clients and stages
        body = urlencode({f"answer-{prompt}": text, f"rev-{prompt}": self.revisions.get(key, 0)}).encode()
        path = f"/repairs/{couple.repair_id}/step/{step}/autosave/?prompt={prompt}"
        for attempt in range(1 + self.max_retries):
            with self.log.lock:
                self.log.attempted[key].append(text)
            status, data = self.timed("autosave", "POST", path, self.accounts[user], body)
            if 200 <= status < 300:
                with self.log.lock:
                    self.log.saves[key].append(text)
                found = re.search(rb'name="rev-[^"]+" value="(\d+)"', data)
                if found:
                    self.revisions[key] = int(found.group(1))
                return
            if attempt < self.max_retries:  # app.js keeps the draft and tries again
                with self.log.lock:
                    self.log.retries += 1
                time.sleep(0.5 * (attempt + 1))
        with self.log.lock:
            self.log.gave_up += 1

    def coach(self, couple: Couple) -> None:
        parts = self.rng.sample(APOLOGY_PARTS, self.rng.randint(2, 5))
        body = json.dumps({"text": ". ".join(parts) + ".", "mistake": "I missed our anniversary dinner."}).encode()
        self.timed("coach", "POST", "/api/coach/apology", self.accounts[couple.offender], body, "application/json")

    def checkin(self, couple: Couple) -> None:
        if couple.commitment_id is None:
            return
        back = couple.next_day
        day = (date.today() - timedelta(days=back)).isoformat()
        status = self.rng.choice(("kept", "kept", "kept", "partly", "missed"))
        body = json.dumps({"commitment": couple.commitment_id, "on": day, "status": status}).encode()
        path = f"/api/repairs/{couple.repair_id}/check-ins/"
        for attempt in range(1 + self.max_retries):
            code, data = self.timed("checkin", "POST", path, self.accounts[couple.offender], body, "application/json")
            if 200 <= code < 300:
                couple.next_day = back + 1
                with self.log.lock:
                    self.log.check_ins[(couple.commitment_id, day)] = status
                couple.unconfirmed.append(json.loads(data)["check_in"]["id"])
                return
            if attempt < self.max_retries:
                with self.log.lock:
                    self.log.retries += 1
                time.sleep(0.5 * (attempt + 1))

    def confirm(self, couple: Couple) -> None:
        if not couple.unconfirmed:
            return self.checkin(couple)
        check_in = couple.unconfirmed.pop(0)
        body = json.dumps({"verdict": "confirmed"}).encode()
        path = f"/api/repairs/{couple.repair_id}/check-ins/{check_in}/confirmation/"
        for attempt in range(1 + self.max_retries):
            code, _ = self.timed("confirm", "POST", path, self.accounts[couple.hurt], body, "application/json")
            if 200 <= code < 300:
                with self.log.lock:
                    self.log.confirmations[check_in] = "confirmed"
                return
            if attempt < self.max_retries:
                with self.log.lock:
                    self.log.retries += 1
                time.sleep(0.5 * (attempt + 1))
        return None


# -- running and reporting -------------------------------------------------------------------------


def drive(
    port: int,
    couples: list[Couple],
    accounts: dict[int, Account],
    *,
    clients: int,
    seconds: float,
    max_requests: int,
    think: tuple[float, float],
    trust: bool,
    log: Log | None = None,
    during: Any = None,
    weights: dict[str, int] | None = None,
    retries: int = 3,
) -> tuple[Log, float]:
    """Run `clients` threads for `seconds` (or until `max_requests`); `during(stop)` runs alongside, if given."""
    log = log or Log()
    stop = threading.Event()
    counter = {"n": 0}
    counter_lock = threading.Lock()

    def budget() -> bool:
        with counter_lock:
            counter["n"] += 1
            return counter["n"] <= max_requests

    per_client = max(1, len(couples) // clients)
    threads = [
        Client(
            port,
            couples[(i * per_client) % len(couples) :][:per_client] or couples[:1],
            accounts,
            log,
            stop=stop,
            budget=budget,
            think=think,
            seed=i + 1,
            trust=trust,
            weights=weights,
            retries=retries,
        )
        for i in range(clients)
    ]
    started = time.perf_counter()
    for t in threads:
        t.start()
    if during is not None:
        during(stop)
    stop.wait(max(0.0, seconds - (time.perf_counter() - started)))
    stop.set()
    for t in threads:
        t.join(timeout=60)
    return log, time.perf_counter() - started


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] * 1000


def table(log: Log, elapsed: float, title: str) -> str:
    total = sum(len(v) for v in log.latencies.values())
    lines = [
        f"### {title}",
        "",
        f"{total} requests in {elapsed:.0f} s = **{total / elapsed:.1f} req/s**; "
        f"errors: **{sum(log.errors.values())}**; client retries: {log.retries}",
        "",
        "| action | requests | req/s | p50 ms | p95 ms | p99 ms | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for action in WEIGHTS:
        v = log.latencies.get(action)
        if not v:
            continue
        lines.append(
            f"| {action} | {len(v)} | {len(v) / elapsed:.1f} | {pct(v, 0.5):.0f} | {pct(v, 0.95):.0f} | "
            f"{pct(v, 0.99):.0f} | {log.errors.get(action, 0)} |"
        )
    return "\n".join(lines)


def between(log: Log, lo: float, hi: float) -> Log:
    """The requests of ``log`` started from ``lo`` up to ``hi`` (perf_counter seconds), for a table of their own."""
    part = Log()
    for started, action, seconds, ok in log.timeline:
        if lo <= started < hi:
            part.record(action, seconds, ok)
    return part


def restart_one_worker(stack: Stack, *, after: float, marks: dict[str, float]) -> Any:
    """A ``during`` hook for ``drive``: after ``after`` s, stop one worker and note when its replacement is up."""

    def during(stop: threading.Event) -> None:
        if stop.wait(after):
            return
        old = set(stack.worker_pids())
        if not old:
            return
        victim = min(old)
        marks["stopped"] = time.perf_counter()
        os.kill(victim, 15)  # a graceful stop: the supervisor starts a new worker in its place
        while not stop.is_set():
            new = set(stack.worker_pids()) - old
            if new:
                marks["new_worker"] = time.perf_counter()
                return
            stop.wait(0.05)

    return during


def fresh_worker_stage(stack: Stack, couples: list[Couple], accounts: dict[int, Account], args: Any, **kw: Any) -> Log:
    """Restart one worker under load and print the requests of its first seconds next to the ones before."""
    marks: dict[str, float] = {}
    log, elapsed = drive(
        stack.port,
        couples,
        accounts,
        during=restart_one_worker(stack, after=args.fresh_worker / 3, marks=marks),
        seconds=args.fresh_worker,
        **kw,
    )
    print()
    if "new_worker" not in marks:
        print("fresh worker: no new worker appeared (is the server running one worker?)")
        return log
    started = min((t for t, *_ in log.timeline), default=marks["stopped"])
    window = min(15.0, args.fresh_worker / 3)
    print(
        f"fresh worker: one worker stopped {marks['stopped'] - started:.1f} s into a {elapsed:.0f} s stage; "
        f"its replacement was up {marks['new_worker'] - marks['stopped']:.1f} s later"
    )
    print(table(between(log, started, marks["stopped"]), marks["stopped"] - started, "before the restart"))
    print()
    new = marks["new_worker"]
    print(table(between(log, new, new + window), window, f"fresh worker: the first {window:.0f} s after it came up"))
    return log


def verify(log: Log) -> list[str]:
    """Compare the database with what the clients were told: every 2xx write present, exactly once."""
    from django.db import connections

    from amends.web.repairs.models import JourneyAnswer

    connections.close_all()
    problems: list[str] = []
    stored = {(a.author_id, a.repair_id, a.step, a.prompt): a for a in JourneyAnswer.objects.all()}
    counts: dict[tuple[int, int, str, str], int] = defaultdict(int)
    for key in JourneyAnswer.objects.values_list("author_id", "repair_id", "step", "prompt"):
        counts[key] += 1
    for key, acked in log.saves.items():
        row = stored.get(key)
        tried = log.attempted[key]
        last = tried.index(acked[-1])
        allowed = set(tried[last:])  # an unacknowledged later attempt may have landed too
        if row is None:
            problems.append(f"lost: answer {key} (acknowledged {len(acked)} saves)")
        elif row.text not in allowed:
            problems.append(f"wrong text for {key}: stored {row.text[-20:]!r}, last acknowledged {acked[-1][-20:]!r}")
        elif not len(set(acked)) <= row.revision <= len(set(tried)):
            problems.append(f"revision count for {key}: {row.revision}, acknowledged {len(set(acked))} distinct saves")
        if counts.get(key, 0) > 1:
            problems.append(f"duplicated: answer {key} stored {counts[key]} times")
    problems += _verify_trust(log)
    return problems


def _verify_trust(log: Log) -> list[str]:
    if not log.check_ins:
        return []
    from django.db.models import Count

    from amends.web.trust.models import CheckIn, Confirmation

    problems = []
    rows = {(c.commitment_id, c.on.isoformat()): c for c in CheckIn.objects.all()}
    dupes = CheckIn.objects.values("commitment_id", "on").annotate(n=Count("id")).filter(n__gt=1).count()
    if dupes:
        problems.append(f"duplicated: {dupes} check-ins stored more than once")
    for key, status in log.check_ins.items():
        row = rows.get(key)
        if row is None:
            problems.append(f"lost: check-in {key}")
        elif row.status != status:
            problems.append(f"check-in {key}: stored {row.status}, acknowledged {status}")
    confirmed = dict(Confirmation.objects.values_list("check_in_id", "verdict"))
    for check_in, verdict in log.confirmations.items():
        if confirmed.get(check_in) != verdict:
            problems.append(f"lost: confirmation of check-in {check_in}")
    return problems


def written(log: Log) -> str:
    saves = sum(len(v) for v in log.saves.values())
    return (
        f"acknowledged writes: {saves} autosaves over {len(log.saves)} answers, "
        f"{len(log.check_ins)} check-ins, {len(log.confirmations)} confirmations"
    )


def _think_range(parser: argparse.ArgumentParser, text: str) -> tuple[float, float]:
    """``--think MIN,MAX`` as two seconds, or a usage error that says what to write."""
    try:
        low, high = (float(x) for x in text.split(","))
    except ValueError:
        parser.error(f"--think takes two numbers of seconds, MIN,MAX (for example 0.3,1.2), not {text!r}")
    if not 0 <= low <= high:
        parser.error(f"--think needs 0 <= MIN <= MAX, got {text!r}")
    return low, high


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=180, help="traffic time per stage (default 180)")
    parser.add_argument("--clients", default="50", help="concurrent clients; a list like 10,25,50 runs stages")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=None, help="threads per worker (default 4; 8 with one worker)")
    parser.add_argument("--couples", type=int, default=100)
    parser.add_argument("--sqlite", action="store_true", help="SQLite in a temporary AMENDS_HOME instead of PostgreSQL")
    parser.add_argument("--think", default="0.3,1.2", help="think time between a client's requests, seconds (min,max)")
    parser.add_argument(
        "--warmup", type=float, default=10, help="seconds of traffic before measuring (its writes are still checked)"
    )
    parser.add_argument("--max-requests", type=int, default=200_000, help="stop after this many requests in all")
    parser.add_argument(
        "--fresh-worker",
        type=float,
        default=45,
        help="seconds of a last stage that restarts one worker under load (0: none; needs --workers 2 or more)",
    )
    args = parser.parse_args(argv)
    stages = [int(c) for c in args.clients.split(",")]
    if args.seconds * len(stages) + args.fresh_worker > HARD_LIMIT_S:
        parser.error(f"at most {HARD_LIMIT_S} s of traffic in one run")
    think = _think_range(parser, args.think)
    watchdog = threading.Timer(HARD_LIMIT_S + 300, lambda: os._exit(3))  # never outlive the bound
    watchdog.daemon = True
    watchdog.start()

    if max(stages) > args.couples:
        parser.error("at most one client per couple: each client owns its couples' writes")
    args.threads = args.threads or (8 if args.workers == 1 else 4)
    stack = Stack(sqlite=args.sqlite, workers=args.workers, threads=args.threads)
    try:
        stack.start_database()
        setup_django()
        started = time.perf_counter()
        couples, accounts = create_couples(args.couples)
        print(f"set up {len(couples)} couples ({len(accounts)} users) in {time.perf_counter() - started:.1f} s")
        trust = resolve("api_trust_checkins", repair_id=1) is not None and couples[0].commitment_id is not None
        if not trust:
            print("note: the trust app's check-in API is not installed; check-ins and confirmations are skipped")
        stack.start_server()
        db = "SQLite" if args.sqlite else "PostgreSQL"
        print(f"server: {args.workers} worker(s) x {args.threads} threads on {db}, 127.0.0.1:{stack.port}")
        failed = False
        writes = Log()  # what was acknowledged, across stages; latencies are per stage
        if args.warmup > 0:  # the first requests of each worker: shown in a table of their own
            warm = writes.sharing_writes()
            _, warm_elapsed = drive(
                stack.port,
                couples,
                accounts,
                clients=min(stages[0], 10),
                seconds=args.warmup,
                log=warm,
                max_requests=args.max_requests,
                think=think,
                trust=trust,
            )  # type: ignore[arg-type]
            print()
            title = f"warm-up: the first requests of fresh workers, {min(stages[0], 10)} clients"
            print(table(warm, warm_elapsed, title))
            for sample in warm.error_samples:
                print(f"  error: {sample}")
        for clients in stages:
            log = writes.sharing_writes()
            cpu0, self_cpu0 = stack.cpu_seconds(), time.process_time()
            log, elapsed = drive(
                stack.port,
                couples,
                accounts,
                clients=clients,
                seconds=args.seconds,
                log=log,
                max_requests=args.max_requests,
                think=think,
                trust=trust,
            )  # type: ignore[arg-type]
            server_cpu, own_cpu = stack.cpu_seconds() - cpu0, time.process_time() - self_cpu0
            print()
            print(table(log, elapsed, f"{db}, {args.workers} worker(s), {clients} clients, {elapsed:.0f} s"))
            n = sum(len(v) for v in log.latencies.values()) or 1
            print(
                f"server CPU {server_cpu:.1f} s ({server_cpu / elapsed:.2f} cores, "
                f"{server_cpu / n * 1000:.1f} ms/request); load generator CPU {own_cpu:.1f} s; "
                f"load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
            )
            for sample in log.error_samples:
                print(f"  error: {sample}")
            problems = verify(log)
            print(written(log))
            print(
                "check against the database: "
                + ("OK, every acknowledged write present exactly once" if not problems else f"{len(problems)} PROBLEMS")
            )
            for p in problems[:20]:
                print(f"  {p}")
            failed = failed or bool(problems) or bool(sum(log.errors.values()))
        if args.fresh_worker > 0 and args.workers > 1:
            log = fresh_worker_stage(
                stack,
                couples,
                accounts,
                args,
                clients=stages[-1],
                log=writes.sharing_writes(),
                max_requests=args.max_requests,
                think=think,
                trust=trust,
            )
            for sample in log.error_samples:
                print(f"  error: {sample}")
            problems = verify(log)
            print(written(log))
            print("check against the database: " + ("OK" if not problems else f"{len(problems)} PROBLEMS"))
            # A POST on a kept-alive connection the stopped worker closed fails like a browser's would:
            # shown above, but only a lost or doubled write fails this stage.
            failed = failed or bool(problems)
        return 1 if failed else 0
    finally:
        stack.close()


if __name__ == "__main__":
    sys.exit(main())
