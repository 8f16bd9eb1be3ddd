"""The fixed cast: alice made the mistake and owns the repair; bob is her partner; charlie is an outsider."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from django.test import Client

from amends.services import tokens
from amends.services.access import repair_access
from amends.services.partners import accept_invitation, create_invitation
from amends.services.repairs import start_repair
from tests.embeddings import encoder_answers_remembered  # noqa: F401  (autouse: the encoder runs once per batch)

PASSWORD = "a calm harbour 42"


@contextmanager
def rows_for_the_module(django_db_blocker: Any) -> Iterator[Any]:
    """For a module-scoped fixture: rows written once for a whole module, inside a transaction held
    until the module is done and then rolled back. Each test runs in its own savepoint inside it
    (pytest-django's ``db``), so what a test changes is gone before the next one, as with rows of its
    own. Write the rows inside ``with unblocked():`` (the value this yields)."""

    @contextmanager
    def unblocked() -> Iterator[None]:
        with django_db_blocker.unblock():
            yield

    held = transaction.atomic()
    with django_db_blocker.unblock():
        held.__enter__()
    try:
        yield unblocked
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            held.__exit__(None, None, None)


def make_user(name: str) -> User:
    return User.objects.create_user(username=name, password=PASSWORD)


def start_alice_repair(alice: User) -> Any:
    return start_repair(
        alice,
        role="offender",
        kind="broken_promise",
        title="The missed dinner",
        description="I promised to be home for Bob's birthday dinner and stayed at work without calling.",
    )


def start_charlie_repair(charlie: User) -> Any:
    return start_repair(charlie, role="hurt", kind="lying", title="His story", description="He lied about the loan.")


def join_bob(bob: User, repair: Any) -> Any:
    """bob, the hurt partner, joins alice's repair with her invitation code; his membership."""
    new = create_invitation(repair_access(repair.created_by, repair.pk))
    accept_invitation(bob, new.code)
    return repair_access(bob, repair.pk).membership


@pytest.fixture
def alice(db: Any) -> User:
    return make_user("alice")


@pytest.fixture
def bob(db: Any) -> User:
    return make_user("bob")


@pytest.fixture
def charlie(db: Any) -> User:
    return make_user("charlie")


@pytest.fixture
def alice_repair(alice: User) -> Any:
    return start_alice_repair(alice)


@pytest.fixture
def charlie_repair(charlie: User) -> Any:
    return start_charlie_repair(charlie)


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def as_alice(alice: User) -> Client:
    return client_for(alice)


@pytest.fixture
def as_charlie(charlie: User) -> Client:
    return client_for(charlie)


@pytest.fixture
def as_anon() -> Client:
    return Client()


@pytest.fixture
def joined_bob(bob: User, alice_repair: Any) -> Any:
    """bob, the hurt partner, joined alice's repair with her invitation code."""
    return join_bob(bob, alice_repair)


@pytest.fixture
def as_bob(bob: User) -> Client:
    return client_for(bob)


FROZEN_NOW = datetime(2026, 3, 2, 12, 0, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen_rate_clock(monkeypatch: Any) -> Any:
    """Rate-limit windows read one clock; here it stands still, so no test crosses a window boundary.

    A test that needs time to pass moves it with ``frozen_rate_clock.advance(seconds)``.
    """
    clock = _FrozenClock(FROZEN_NOW)
    monkeypatch.setattr(tokens, "clock", clock)
    return clock


class _FrozenClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)
