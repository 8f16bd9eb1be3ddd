"""Cold start: the first request of each kind to a freshly started worker, against the warm p50 of that request.

Run: ``.venv/bin/python -m bench.coldstart`` (``--postgresql`` for a throwaway PostgreSQL started by
``scripts/pg.sh`` instead of SQLite). On a throwaway database, for each kind a new
``amends serve`` (one worker, one thread) starts; the bench waits for ``/readyz``, which says ready
only once the worker has run ``amends.warm.warm_up`` and ``amends.web.wsgi.warm_request_path``,
then sends one request with a text the worker has never seen, then 30 more unseen texts, each over
a new HTTP connection with a bearer token whose person was already active this minute (``_touch``).
Target: the first answer in at most ``TARGET_RATIO`` times the warm p50.

A second table times the engine call alone, in a new process after ``warm_up``, for reference: it
has no target. A 0.3 ms apology analysis is slower on its first run after the encoder has filled
the processor's caches, which no request would notice (the request's own work is ten times that).
"""

from __future__ import annotations

import http.client
import json
import os
import secrets
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

from bench.load import Stack, free_port

TARGET_RATIO = 2.0
WARM_REQUESTS = 30
PARTNER = "You forgot me again and I felt so alone."
# The request each kind is: its API path and its JSON body for a text.
KINDS: dict[str, tuple[str, Callable[[str], dict[str, str]]]] = {
    "safety_scan": ("/api/safety/scan", lambda t: {"text": t}),
    "apology": ("/api/coach/apology", lambda t: {"text": t}),
    "reply": ("/api/coach/reply", lambda t: {"partner": PARTNER, "text": t}),
    "emotions": ("/api/coach/emotions", lambda t: {"text": t}),
}


def _texts() -> list[str]:
    return [f"I am sorry I forgot the dinner on day {i}; you sat alone for {i + 5} minutes." for i in range(31)]


def _tokens(count: int) -> list[str]:
    """Bearer tokens of ``count`` people: the coach allows 30 requests a minute per person."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amends.web.settings")
    import django

    django.setup()
    from django.contrib.auth.models import User

    from amends.services.tokens import create_api_token

    people = [User.objects.create_user(f"coldstart{n}", password=secrets.token_urlsafe(18)) for n in range(count)]
    return [create_api_token(person, "coldstart")[1] for person in people]


def _touch(tokens: list[str], bucket: str) -> None:
    """Use each token once, as a person who was already active this minute would have.

    A person's first request in a minute writes a rate-limit row and the token's last use, four more
    queries than the rest, in a warm worker as much as a fresh one; the bench measures the worker.
    """
    from amends.services.tokens import check_rate_limit, token_for

    for token in tokens:
        row = token_for(token)
        assert row is not None, "a token the bench just created was refused"
        check_rate_limit(f"user:{row.user_id}", bucket)


def _post(port: int, path: str, body: dict[str, str], token: str) -> float:
    """One POST over a new connection; milliseconds until the whole answer has arrived."""
    s = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request(
        "POST",
        path,
        body=json.dumps(body),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    response = conn.getresponse()
    answer = response.read()
    conn.close()
    elapsed = (time.perf_counter() - s) * 1000
    if response.status != 200:
        raise RuntimeError(f"{path}: {response.status} {answer[:200]!r}")
    return elapsed


def _over_http(stack: Stack, kind: str, tokens: list[str]) -> dict[str, float]:
    path, body = KINDS[kind]
    _touch(tokens, "safety" if kind == "safety_scan" else "coach")
    stack.port = free_port()
    started = time.perf_counter()
    stack.start_server()
    ready_s = time.perf_counter() - started
    try:
        times = [_post(stack.port, path, body(t), tokens[i % len(tokens)]) for i, t in enumerate(_texts())]
    finally:
        stack.stop_server()
    return {"ready_s": ready_s, "first_ms": times[0], "p50_ms": statistics.median(times[1:])}


_ENGINE_CHILD = r"""
import json, statistics, sys, time
from amends.warm import warm_up
from amends import analyze_apology, analyze_reply, read_emotions, scan_safety

warm_up()
run = {
    "safety_scan": lambda t: scan_safety(t),
    "apology": lambda t: analyze_apology(t),
    "reply": lambda t: analyze_reply("You forgot me again and I felt so alone.", t),
    "emotions": lambda t: read_emotions(t),
}[sys.argv[1]]
times = []
for t in json.loads(sys.argv[2]):
    s = time.perf_counter(); run(t); times.append((time.perf_counter() - s) * 1000)
print(json.dumps({"first_ms": times[0], "p50_ms": statistics.median(times[1:])}))
"""


def _engine_alone(kind: str) -> dict[str, float]:
    cmd = [sys.executable, "-c", _ENGINE_CHILD, kind, json.dumps(_texts())]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _row(kind: str, r: dict[str, Any], first_col: str = "") -> tuple[str, float]:
    ratio = r["first_ms"] / max(r["p50_ms"], 1e-6)
    return f"{kind:<12} {first_col}{r['first_ms']:>9.2f} {r['p50_ms']:>12.2f} {ratio:>6.2f}", ratio


def main(argv: list[str] | None = None) -> int:
    postgresql = "--postgresql" in (sys.argv[1:] if argv is None else argv)
    stack = Stack(sqlite=not postgresql, workers=1, threads=1)
    failed = False
    try:
        stack.start_database()
        tokens = _tokens(2 * len(KINDS))  # two people per kind: fresh rate-limit buckets for each
        database = "PostgreSQL" if postgresql else "SQLite"
        print(f"first request to a fresh worker on {database}, over HTTP (target <= {TARGET_RATIO:g}x the warm p50)")
        print(f"{'kind':<12} {'ready s':>8} {'first ms':>9} {'warm p50 ms':>12} {'ratio':>6}")
        for kind in KINDS:
            mine = tokens[2 * list(KINDS).index(kind) :][:2]
            r = _over_http(stack, kind, mine)
            line, ratio = _row(kind, r, f"{r['ready_s']:>8.2f} ")
            failed |= ratio > TARGET_RATIO
            print(line)
    finally:
        stack.close()
    print("the engine call alone, in a new process after warm_up (no target)")
    print(f"{'kind':<12} {'first ms':>9} {'warm p50 ms':>12} {'ratio':>6}")
    for kind in KINDS:
        print(_row(kind, _engine_alone(kind))[0])
    print(f"target: {'met' if not failed else 'MISSED'}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
