"""The pages' ledger (a stored Past plus recent check-ins) shows the same figures as a full recompute.

The reference reads every check-in this member may see through the ORM and the access rule
(``visible``), and recomputes with ``ledger.summarize`` / ``calendar_series`` from the first day.
The history is generated (every schedule kind, edits, end dates, disputes) and "now" is frozen.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from amends import ledger
from amends.ledger import window
from amends.ledger.consistency import occurrences
from amends.services import ledger_past
from amends.services import trust as service
from amends.services import trust_dashboard as dashboard
from amends.services import trust_queries as queries
from amends.services.access import RepairAccess, pause, repair_access, resume, visible
from amends.services.maintenance import refresh_statistics
from amends.services.trust import to_domain
from amends.web.repairs.models import Repair
from amends.web.trust.models import CheckIn, Commitment, Confirmation, LedgerPast, ScheduleVersion
from amends.web.trust.seed import load_history
from tests.web.conftest import join_bob, make_user, rows_for_the_module, start_alice_repair

TODAY = date(2025, 6, 30)
NOW = datetime(2025, 6, 30, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _frozen_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(timezone, "now", lambda: NOW)


@pytest.fixture(scope="module")
def held_history(django_db_setup: Any, django_db_blocker: Any) -> Iterator[dict[str, int]]:
    """alice's repair with bob and 800 days of generated history, loaded once for the module (each
    test's writes are rolled back after it: tests/web/conftest.py ``rows_for_the_module``)."""
    with rows_for_the_module(django_db_blocker) as unblocked, pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: NOW)
        with unblocked():
            alice, bob = make_user("alice"), make_user("bob")
            repair = start_alice_repair(alice)
            join_bob(bob, repair)
            load_history(repair, alice, bob, days=800, commitments=10, seed=5, today=TODAY, all_daily=False)
            # As seeding does (trust_seed): without fresh statistics PostgreSQL plans the reference's
            # joins over these thousands of rows as if the tables were still empty, a thousand times
            # slower. The statistics are rolled back with the rows.
            refresh_statistics()
        yield {"alice": alice.pk, "bob": bob.pk, "repair": repair.pk}


# The cast of this module, read fresh for each test from the history held for the module.
@pytest.fixture
def alice(db: Any, held_history: dict[str, int]) -> User:
    return User.objects.get(pk=held_history["alice"])


@pytest.fixture
def bob(db: Any, held_history: dict[str, int]) -> User:
    return User.objects.get(pk=held_history["bob"])


@pytest.fixture
def alice_repair(db: Any, held_history: dict[str, int]) -> Repair:
    return Repair.objects.get(pk=held_history["repair"])


def _reference(access: RepairAccess, day: date = TODAY) -> dict[str, Any]:
    """The figures recomputed from every visible check-in, the way the pages did before the Past."""
    rows = list(visible(access, Commitment))
    versions: dict[int, list[ScheduleVersion]] = {}
    for v in visible(access, ScheduleVersion).order_by("effective_from", "pk"):
        versions.setdefault(v.commitment_id, []).append(v)
    domain = [to_domain(r, versions.get(r.pk, [])) for r in rows]
    # The verdicts the access rule shows, read whole: a prefetch would send PostgreSQL thousands of
    # check-in ids in one IN list, which it plans badly on tables this test fills and empties.
    verdicts = dict(visible(access, Confirmation).values_list("check_in_id", "verdict"))
    check_ins = [
        ledger.CheckIn(
            str(c.commitment_id),
            c.on,
            ledger.Status(c.status),
            ledger.Confirmation(verdicts[c.pk]) if c.pk in verdicts else ledger.Confirmation.NONE,
        )
        for c in visible(access, CheckIn)
    ]
    start = day - timedelta(days=7 * dashboard.HEATMAP_WEEKS - 1)
    start -= timedelta(days=start.weekday())
    index = ledger.checkins.index_check_ins(check_ins)
    mine = {str(r.pk) for r in rows if r.author_id == access.user_id}
    due = sorted(
        ((d, int(c.id)) for c in domain if c.id in mine for d in occurrences(c, index.get(c.id, {}), day)),
        reverse=True,
    )
    due = [(d, pk) for d, pk in due if d not in index.get(str(pk), {})]
    return {
        "summary": ledger.summarize(domain, check_ins, today=day),
        "cells": ledger.calendar_series(domain, check_ins, start=start, end=day, today=day),
        "due": due[: window.KEEP_UNRECORDED],
        "due_total": len(due),
        "awaiting": queries.awaiting_confirmation(access, limit=0)[1],
    }


def _shown(access: RepairAccess, day: date = TODAY) -> dict[str, Any]:
    led = queries.load_ledger(access, day)
    due, total = queries.due_for(led, access.user_id)
    return {
        "summary": led.summary,
        "cells": dashboard.heatmap_cells(led),
        "due": [(d.on, d.commitment.pk) for d in due],
        "due_total": total,
        "awaiting": led.awaiting_answer(access.user_id),
    }


def _assert_same(user: User, repair: Any, day: date = TODAY) -> None:
    expected = _reference(repair_access(user, repair.pk), day)  # reading stores Pasts, never check-ins
    for _ in range(2):  # the first read stores the Past, the second one uses it
        assert _shown(repair_access(user, repair.pk), day) == expected


def test_both_partners_see_the_figures_of_a_full_recompute(alice: User, bob: User, alice_repair: Any):
    _assert_same(alice, alice_repair)
    _assert_same(bob, alice_repair)
    assert LedgerPast.objects.filter(repair=alice_repair).count() == 1  # one viewpoint: both see the same items


def test_while_paused_each_sees_figures_of_their_own_items_only(alice: User, bob: User, alice_repair: Any) -> None:
    _assert_same(alice, alice_repair)
    pause(repair_access(bob, alice_repair.pk))
    _assert_same(alice, alice_repair)  # bob's verdicts no longer count for her
    _assert_same(bob, alice_repair)  # alice's commitments are hidden from him
    resume(repair_access(bob, alice_repair.pk))
    _assert_same(alice, alice_repair)


def test_writes_old_and_new_keep_the_figures_equal(alice: User, bob: User, alice_repair: Any) -> None:
    _assert_same(alice, alice_repair)
    a, b = repair_access(alice, alice_repair.pk), repair_access(bob, alice_repair.pk)
    # A late check-in a year back, inside the stored Past: the revision moves and the Past is redone.
    old = next(r for r in service_due(a) if r.on < TODAY - timedelta(days=300))
    service.record_check_in(a, old.commitment.pk, on=old.on, status="kept")
    _assert_same(alice, alice_repair)
    # A dispute of an old check-in and a confirmation of a recent one.
    rows = list(CheckIn.objects.filter(repair=alice_repair, confirmation__isnull=True).order_by("on"))
    service.dispute_check_in(b, rows[0].pk, "That is not how I remember it.")
    service.confirm_check_in(b, rows[-1].pk)
    _assert_same(bob, alice_repair)
    _assert_same(alice, alice_repair)
    # A recent check-in, and that commitment's schedule edited from today.
    recent = next(d for d in service_due(a) if d.on > TODAY - timedelta(days=20))
    service.record_check_in(a, recent.commitment.pk, on=recent.on, status="partly")
    c = recent.commitment
    service.edit_commitment(
        a, c.pk, text=c.text, schedule=service.ScheduleInput("weekly", (0, 3)), effective_from=TODAY
    )
    _assert_same(alice, alice_repair)
    _assert_same(bob, alice_repair)


def service_due(access: RepairAccess) -> list[queries.Due]:
    return queries.due_for(queries.load_ledger(access, TODAY), access.user_id)[0] + _older_due(access)


def _older_due(access: RepairAccess) -> list[queries.Due]:
    led = queries.load_ledger(access, TODAY)
    return [
        queries.Due(led.by_id[cid], day, True)
        for cid, (_, days) in led.past.unrecorded.items()
        for day in days
        if led.by_id[cid].author_id == access.user_id
    ]


def _stored(repair: Any, access: RepairAccess) -> ledger_past.Stored:
    return ledger_past.read_past(repair.pk, access.visible_authors)


def test_a_check_in_from_the_last_week_redoes_neither_stored_past(alice: User, alice_repair: Any) -> None:
    a = repair_access(alice, alice_repair.pk)
    before = queries.load_ledger(a, TODAY).past
    due = queries.due_for(queries.load_ledger(a, TODAY), alice.pk)[0]
    recent = next(d for d in due if d.on > TODAY - timedelta(days=7))
    service.record_check_in(a, recent.commitment.pk, on=recent.on, status="kept")
    stored = _stored(alice_repair, a)
    assert stored.near == before and stored.far is not None
    _assert_same(alice, alice_repair)


def test_a_late_check_in_inside_the_near_past_redoes_only_that_one(alice: User, alice_repair: Any) -> None:
    a = repair_access(alice, alice_repair.pk)
    near = queries.load_ledger(a, TODAY).past
    far = _stored(alice_repair, a).far
    late = next(d for d in service_due(a) if TODAY - timedelta(days=60) < d.on <= near.through)
    service.record_check_in(a, late.commitment.pk, on=late.on, status="partly")
    stored = _stored(alice_repair, a)
    assert stored.near is None and stored.far == far  # the far one is still current
    _assert_same(alice, alice_repair)
    assert queries.load_ledger(a, TODAY).past.through == near.through


def _near_through(user: User, repair: Any) -> date:
    return queries.load_ledger(repair_access(user, repair.pk), TODAY).past.through


def test_each_kind_of_write_inside_the_stored_pasts_gives_the_figures_of_a_full_recompute(
    alice: User, bob: User, alice_repair: Any
) -> None:
    b = repair_access(bob, alice_repair.pk)
    through = _near_through(alice, alice_repair)
    open_rows = CheckIn.objects.filter(repair=alice_repair, confirmation__isnull=True)

    def unanswered(lo: int, hi: int) -> list[CheckIn]:
        return list(open_rows.filter(on__gt=TODAY - timedelta(days=hi), on__lte=TODAY - timedelta(days=lo)))

    near_rows, far_rows = unanswered(TODAY.toordinal() - through.toordinal(), 60), unanswered(200, 400)
    writes = [
        lambda: service.confirm_check_in(b, near_rows[0].pk),
        lambda: service.dispute_check_in(b, near_rows[1].pk, "I remember it differently."),
        lambda: service.dispute_check_in(b, near_rows[0].pk, "Thinking again, I do not agree."),  # was confirmed
        lambda: service.dispute_check_in(b, far_rows[0].pk, "That is not how I remember it."),
        lambda: service.confirm_check_in(b, far_rows[1].pk),
    ]
    for write in writes:
        _assert_same(alice, alice_repair)
        _assert_same(bob, alice_repair)
        write()
        _assert_same(alice, alice_repair)
        _assert_same(bob, alice_repair)


def test_a_schedule_edit_or_a_new_commitment_dated_inside_the_near_past_is_counted(
    alice: User, alice_repair: Any
) -> None:
    a = repair_access(alice, alice_repair.pk)
    through = _near_through(alice, alice_repair)
    c = next(
        c
        for c in Commitment.objects.filter(repair=alice_repair, end=None)
        if max(v.effective_from for v in c.versions.all()) < through - timedelta(days=3)
    )
    before = _reference(a)["summary"].for_commitment(str(c.pk))
    service.edit_commitment(
        a, c.pk, text=c.text, schedule=service.ScheduleInput("weekly", (1, 4)), effective_from=through - timedelta(3)
    )
    assert _reference(a)["summary"].for_commitment(str(c.pk)) != before  # the edit changes what is shown
    _assert_same(alice, alice_repair)
    service.add_commitment(
        a,
        text="Text you when I leave work",
        schedule=service.ScheduleInput("daily"),
        start=through - timedelta(days=5),
        today=TODAY,
    )
    _assert_same(alice, alice_repair)
    _assert_same(alice, alice_repair, TODAY + timedelta(days=1))


def test_the_stored_pasts_move_forward_as_the_days_pass(alice: User, bob: User, alice_repair: Any) -> None:
    # Read every five days for a month: the near Past moves forward from the rows read, and the far
    # one with them, each time giving the figures of a full recompute on that day.
    a = repair_access(alice, alice_repair.pk)
    throughs = set()
    for later in range(0, 31, 5):
        day = TODAY + timedelta(days=later)
        _assert_same(alice, alice_repair, day)
        _assert_same(bob, alice_repair, day)
        stored = _stored(alice_repair, a)
        assert stored.near is not None and stored.far is not None
        assert day - timedelta(days=window.NEAR_REBASE_AFTER_DAYS) <= stored.near.through < day
        assert stored.far.through >= day - timedelta(days=window.REBASE_AFTER_DAYS + 3)
        throughs.add((stored.far.through, stored.near.through))
    assert len({far for far, _ in throughs}) > 1 and len({near for _, near in throughs}) > 2
    # A confirmation that reaches the near Past: it is redone from the far one as moved forward.
    b = repair_access(bob, alice_repair.pk)
    row = CheckIn.objects.filter(repair=alice_repair, confirmation__isnull=True, on__lt=TODAY - timedelta(days=10))
    service.confirm_check_in(b, row.order_by("-on").first().pk)
    assert _stored(alice_repair, a).near is None
    _assert_same(alice, alice_repair, day)
    _assert_same(bob, alice_repair, day)


@pytest.fixture
def fresh_repair(db: Any) -> Repair:
    """A repair with no history yet (outside the one held for the module)."""
    return start_alice_repair(make_user("dana"))


def test_only_writes_that_reach_back_into_a_stored_past_move_a_revision(fresh_repair: Repair) -> None:
    from amends.web.trust.models import LedgerRevision

    def revisions() -> tuple[int, int]:
        return LedgerRevision.objects.filter(repair=fresh_repair).values_list("revision", "recent").first() or (0, 0)

    ledger_past.history_changed(fresh_repair.pk, TODAY - timedelta(days=6), TODAY)
    assert revisions() == (0, 0)
    ledger_past.history_changed(fresh_repair.pk, TODAY - timedelta(days=window.NEAR_CLOSE_AFTER_DAYS - 2), TODAY)
    assert revisions() == (0, 1)
    ledger_past.history_changed(fresh_repair.pk, TODAY - timedelta(days=30), TODAY)
    assert revisions() == (0, 2)
    ledger_past.history_changed(fresh_repair.pk, TODAY - timedelta(days=window.CLOSE_AFTER_DAYS - 2), TODAY)
    assert revisions() == (1, 2)
    ledger_past.history_changed(fresh_repair.pk, None, TODAY)  # a change to a commitment itself
    assert revisions() == (2, 2)
