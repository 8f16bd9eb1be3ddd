"""What is due for a person, with the clock frozen at Monday 2 March 2026, 12:00 UTC (tests/web/conftest.py)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User

from amends.services import questionnaires, trust
from amends.services.access import pause, repair_access
from amends.services.partners import leave_repair
from amends.services.reminders_due import CHECK_IN, QUESTION, QUESTIONNAIRE, due_items
from amends.web.accounts.models import Profile
from amends.web.trust.models import CheckIn, QuestionnaireResponse

MON = date(2026, 3, 2)


@pytest.fixture
def daily(alice: User, alice_repair: Any, joined_bob: Any) -> Any:
    """alice's daily commitment, started on Saturday: Saturday, Sunday and Monday are due."""
    return trust.add_commitment(
        repair_access(alice, alice_repair.pk),
        text="I will call if I'll be more than 30 minutes late.",
        schedule=trust.ScheduleInput("daily"),
        start=MON - timedelta(days=2),
        today=MON,
    )


def _days(user: User, kind: str = CHECK_IN, **kw: Any) -> list[date]:
    return sorted(i.on for i in due_items(user, **kw) if i.kind == kind)


def test_unrecorded_check_ins_through_today_are_due(alice: User, daily: Any) -> None:
    assert _days(alice) == [MON - timedelta(days=2), MON - timedelta(days=1), MON]


def test_a_recorded_check_in_is_no_longer_due(alice: User, daily: Any) -> None:
    CheckIn.objects.create(repair=daily.repair, commitment=daily, on=MON - timedelta(days=1), status="kept")
    assert _days(alice) == [MON - timedelta(days=2), MON]


def test_days_ahead_adds_the_scheduled_check_ins_still_to_come(alice: User, daily: Any) -> None:
    assert _days(alice, days_ahead=2)[-3:] == [MON, MON + timedelta(days=1), MON + timedelta(days=2)]


def test_when_the_clock_moves_on_a_day_the_new_day_becomes_due(alice: User, daily: Any, frozen_rate_clock: Any) -> None:
    frozen_rate_clock.advance(timedelta(days=1).total_seconds())
    assert _days(alice)[-1] == MON + timedelta(days=1)


def test_today_is_the_persons_own_day_in_their_time_zone(alice: User, daily: Any) -> None:
    Profile.objects.update_or_create(user=alice, defaults={"timezone": "Pacific/Auckland"})  # already Tuesday there
    assert _days(alice)[-1] == MON + timedelta(days=1)


def test_only_the_author_is_reminded_of_a_commitments_check_ins(bob: User, daily: Any) -> None:
    assert _days(bob) == []


def test_questionnaires_are_due_until_taken_and_again_after_two_weeks(
    alice: User, daily: Any, frozen_rate_clock: Any
) -> None:
    offered = set(questionnaires.instruments_for("offender"))
    assert {i.ref for i in due_items(alice) if i.kind == QUESTIONNAIRE} == offered
    first = sorted(offered)[0]
    QuestionnaireResponse.objects.create(
        repair=daily.repair, user=alice, instrument=first, answers={}, taken_at=frozen_rate_clock()
    )
    assert first not in {i.ref for i in due_items(alice) if i.kind == QUESTIONNAIRE}
    frozen_rate_clock.advance(timedelta(days=15).total_seconds())
    assert first in {i.ref for i in due_items(alice) if i.kind == QUESTIONNAIRE}


def test_a_question_from_the_partner_waits_for_the_other_only(alice: User, bob: User, daily: Any) -> None:
    question = trust.ask_question(repair_access(bob, daily.repair_id), "Why did you not call?")
    assert [i.ref for i in due_items(alice) if i.kind == QUESTION] == [str(question.pk)]
    assert [i for i in due_items(bob) if i.kind == QUESTION] == []


def test_a_deleted_repair_produces_nothing(alice: User, daily: Any) -> None:
    daily.repair.delete()
    assert due_items(alice) == []


def test_a_repair_whose_partner_left_produces_nothing(alice: User, bob: User, daily: Any) -> None:
    trust.ask_question(repair_access(bob, daily.repair_id), "Why did you not call?")
    leave_repair(repair_access(bob, daily.repair_id))
    assert due_items(alice) == [] and due_items(bob) == []


def test_a_paused_repair_produces_nothing(alice: User, bob: User, daily: Any) -> None:
    pause(repair_access(bob, daily.repair_id))
    assert due_items(alice) == []


def test_the_outsider_is_never_given_the_couples_items(charlie: User, charlie_repair: Any, daily: Any) -> None:
    assert all(i.repair_id == charlie_repair.pk for i in due_items(charlie))
