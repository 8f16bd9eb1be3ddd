"""A busy or vanished database: writes wait out short locks, and longer trouble is a clean 503 with retry advice."""

from __future__ import annotations

import subprocess
import sys
import time
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import OperationalError, connection
from django.test import Client

from amends.journey import load_track
from amends.services import repairs as service
from amends.web.repairs.models import JourneyAnswer

pytestmark = pytest.mark.django_db(transaction=True)

HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
"""


@pytest.fixture
def writer() -> tuple[Client, str]:
    user = User.objects.create_user("alice", password=None)
    repair = service.start_repair(user, role="offender", kind="lying", title="The loan", description="I lied.")
    step = load_track("offender").steps[0]
    prompt = next(p for p in step.prompts if p.widget not in {"feelings", "attachment", "apology-needs"})
    client = Client()
    client.force_login(user)
    return client, f"/repairs/{repair.pk}/step/{step.slug}/autosave/?prompt={prompt.slug}", prompt.slug  # type: ignore[return-value]


def _lock_sqlite_for(seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(connection.settings_dict["NAME"]), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


def _sqlite_only() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("SQLite locking: this run uses PostgreSQL (its restart is in make faults)")


def test_an_autosave_waits_out_a_short_lock_held_by_another_process(writer: Any) -> None:
    _sqlite_only()
    client, url, slug = writer
    holder = _lock_sqlite_for(2.0)
    started = time.monotonic()
    response = client.post(url, {f"answer-{slug}": "Written while the file was locked.", f"rev-{slug}": "0"})
    waited = time.monotonic() - started
    holder.wait(timeout=10)
    assert response.status_code == 200 and b"Saved" in response.content
    assert waited >= 1.0  # it waited for the lock instead of failing
    assert JourneyAnswer.objects.get().text == "Written while the file was locked."


def test_a_lock_longer_than_the_busy_timeout_is_a_503_with_retry_after_and_the_retry_saves(writer: Any) -> None:
    _sqlite_only()
    client, url, slug = writer
    options = connection.settings_dict["OPTIONS"]
    saved_timeout = options["timeout"]
    connection.close()
    options["timeout"] = 0.5  # stands in for the 20 s busy timeout, to keep the suite fast
    try:
        holder = _lock_sqlite_for(2.5)
        busy = client.post(url, {f"answer-{slug}": "First try.", f"rev-{slug}": "0"})
        api_busy = _api_post(client)
        holder.wait(timeout=10)
    finally:
        connection.close()
        options["timeout"] = saved_timeout
    assert busy.status_code == 503 and busy["Retry-After"] == "5"
    assert b"Traceback" not in busy.content and b"busy" in busy.content.lower()
    assert api_busy.status_code in {200, 503}  # the coach may not touch the database at all
    if api_busy.status_code == 503:
        assert api_busy.json()["error"] == "busy" and api_busy["Retry-After"] == "5"
    retry = client.post(url, {f"answer-{slug}": "First try.", f"rev-{slug}": "0"})
    assert retry.status_code == 200
    assert JourneyAnswer.objects.get().text == "First try."


def _api_post(client: Client) -> Any:
    client.get("/")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value if "csrftoken" in client.cookies else ""
    return client.post(
        "/api/coach/apology",
        {"text": "I am sorry I lied about the loan."},
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )


def test_a_lost_database_connection_is_a_503_page_never_a_stack_page(writer: Any, monkeypatch: Any) -> None:
    client, url, slug = writer

    def gone(*args: Any, **kwargs: Any) -> Any:
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(service, "autosave_answer", gone)
    response = client.post(url, {f"answer-{slug}": "Lost?", f"rev-{slug}": "0"})
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert b"Traceback" not in response.content


def test_a_database_error_inside_a_middleware_is_also_a_503_not_the_500_page(writer: Any, monkeypatch: Any) -> None:
    from django.contrib.sessions.backends.db import SessionStore

    client, url, slug = writer
    client.raise_request_exception = False  # answer like the real server does

    def gone(self: Any, must_create: bool = False) -> None:
        raise OperationalError("the database system is shutting down")

    monkeypatch.setattr(SessionStore, "save", gone)  # fails after the view, in SessionMiddleware
    response = client.get("/guide/")
    assert response.status_code == 503 and response["Retry-After"] == "5"
    api = client.post("/api/coach/apology", {"text": "I am sorry."}, content_type="application/json")
    assert api.status_code in {401, 403, 503}  # never a 500


@pytest.mark.parametrize(
    "method,path",
    [
        ("get", "/repairs/{repair}/"),
        ("get", "/guide/"),
        ("post", "/api/coach/apology"),
        ("post", "/api/repairs/{repair}/check-ins/"),
        ("post", "/repairs/{repair}/step/name-it/autosave/?prompt=what"),
    ],
)
def test_a_database_that_refuses_connections_gives_503_everywhere_never_500(
    writer: Any, monkeypatch: Any, method: str, path: str
) -> None:
    client, url, slug = writer
    client.raise_request_exception = False
    repair = url.split("/")[2]
    connection.close()

    def refused(*args: Any, **kwargs: Any) -> Any:
        raise OperationalError("connection refused: is the server running?")

    monkeypatch.setattr(connection, "get_new_connection", refused)
    target = path.format(repair=repair)
    response = client.get(target) if method == "get" else client.post(target, "{}", content_type="application/json")
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert response["Cache-Control"] == "no-store"
    assert b"Traceback" not in response.content
