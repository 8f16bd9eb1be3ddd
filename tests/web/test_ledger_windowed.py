"""The pages' ledger (a stored Past plus recent check-ins) shows the same figures as a full recompute.

The reference reads every check-in this member may see through the ORM and the access rule
(``visible``), and recomputes with ``ledger.summarize`` / ``calendar_series`` from the first day.
The history is generated (every schedule kind, edits, end dates, disputes) and "now" is frozen.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from amends import ledger
from amends.ledger import window
from amends.ledger.consistency import occurrences
from amends.services import trust as service
from amends.services import trust_dashboard as dashboard
from amends.services import trust_queries as queries
from amends.services.access import RepairAccess, pause, repair_access, resume, visible
from amends.services.trust import to_domain
from amends.web.trust.models import CheckIn, Commitment, LedgerPast, ScheduleVersion
from amends.web.trust.seed import load_history

TODAY = date(2025, 6, 30)
NOW = datetime(2025, 6, 30, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _frozen_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(timezone, "now", lambda: NOW)


@pytest.fixture
def history(alice: User, bob: User, alice_repair: Any, joined_bob: Any) -> Any:
    return load_history(alice_repair, alice, bob, days=800, commitments=10, seed=5, today=TODAY, all_daily=False)


def _reference(access: RepairAccess) -> dict[str, Any]:
    """The figures recomputed from every visible check-in, the way the pages did before the Past."""
    rows = list(visible(access, Commitment))
    versions: dict[int, list[ScheduleVersion]] = {}
    for v in visible(access, ScheduleVersion).order_by("effective_from", "pk"):
        versions.setdefault(v.commitment_id, []).append(v)
    domain = [to_domain(r, versions.get(r.pk, [])) for r in rows]
    check_ins = [
        ledger.CheckIn(
            str(c.commitment_id),
            c.on,
            ledger.Status(c.status),
            ledger.Confirmation(c.confirmation.verdict) if hasattr(c, "confirmation") else ledger.Confirmation.NONE,
        )
        for c in visible(access, CheckIn).prefetch_related(queries.visible_confirmations(access))
    ]
    start = TODAY - timedelta(days=7 * dashboard.HEATMAP_WEEKS - 1)
    start -= timedelta(days=start.weekday())
    index = ledger.checkins.index_check_ins(check_ins)
    mine = {str(r.pk) for r in rows if r.author_id == access.user_id}
    due = sorted(
        ((d, int(c.id)) for c in domain if c.id in mine for d in occurrences(c, index.get(c.id, {}), TODAY)),
        reverse=True,
    )
    due = [(d, pk) for d, pk in due if d not in index.get(str(pk), {})]
    return {
        "summary": ledger.summarize(domain, check_ins, today=TODAY),
        "cells": ledger.calendar_series(domain, check_ins, start=start, end=TODAY, today=TODAY),
        "due": due[: window.KEEP_UNRECORDED],
        "due_total": len(due),
        "awaiting": queries.awaiting_confirmation(access, limit=0)[1],
    }


def _shown(access: RepairAccess) -> dict[str, Any]:
    led = queries.load_ledger(access, TODAY)
    due, total = queries.due_for(led, access.user_id)
    return {
        "summary": led.summary,
        "cells": dashboard.heatmap_cells(led),
        "due": [(d.on, d.commitment.pk) for d in due],
        "due_total": total,
        "awaiting": led.awaiting_answer(access.user_id),
    }


def _assert_same(user: User, repair: Any) -> None:
    for _ in range(2):  # the first read stores the Past, the second one uses it
        access = repair_access(user, repair.pk)
        assert _shown(access) == _reference(access)


def test_both_partners_see_the_figures_of_a_full_recompute(alice: User, bob: User, alice_repair: Any, history: Any):
    _assert_same(alice, alice_repair)
    _assert_same(bob, alice_repair)
    assert LedgerPast.objects.filter(repair=alice_repair).count() == 1  # one viewpoint: both see the same items


def test_while_paused_each_sees_figures_of_their_own_items_only(
    alice: User, bob: User, alice_repair: Any, history: Any
) -> None:
    _assert_same(alice, alice_repair)
    pause(repair_access(bob, alice_repair.pk))
    _assert_same(alice, alice_repair)  # bob's verdicts no longer count for her
    _assert_same(bob, alice_repair)  # alice's commitments are hidden from him
    resume(repair_access(bob, alice_repair.pk))
    _assert_same(alice, alice_repair)


def test_writes_old_and_new_keep_the_figures_equal(alice: User, bob: User, alice_repair: Any, history: Any) -> None:
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


def test_a_recent_check_in_does_not_redo_the_stored_past(alice: User, alice_repair: Any, history: Any) -> None:
    a = repair_access(alice, alice_repair.pk)
    queries.load_ledger(a, TODAY)
    stored = LedgerPast.objects.get(repair=alice_repair)
    due = queries.due_for(queries.load_ledger(a, TODAY), alice.pk)[0]
    recent = next(d for d in due if d.on > TODAY - timedelta(days=30))
    service.record_check_in(a, recent.commitment.pk, on=recent.on, status="kept")
    past, _, revision = queries.read_past(alice_repair.pk, a.visible_authors)
    assert past is not None and revision == stored.revision
    _assert_same(alice, alice_repair)


def test_only_writes_that_reach_back_into_the_closed_history_move_the_revision(alice_repair: Any) -> None:
    from amends.services.ledger_past import history_changed
    from amends.web.trust.models import LedgerRevision

    def revision() -> int:
        return LedgerRevision.objects.filter(repair=alice_repair).values_list("revision", flat=True).first() or 0

    history_changed(alice_repair.pk, TODAY - timedelta(days=30), TODAY)
    assert revision() == 0
    history_changed(alice_repair.pk, TODAY - timedelta(days=window.CLOSE_AFTER_DAYS), TODAY)
    assert revision() == 1
    history_changed(alice_repair.pk, None, TODAY)  # a change to a commitment itself
    assert revision() == 2
