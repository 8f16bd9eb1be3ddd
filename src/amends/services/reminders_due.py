"""What is due for one person, across their repairs: check-ins, questionnaires, questions to answer.

The reminders (in-app notice, browser notification, calendar feed) read only this, so the
"waiting for you" list can replace it later without touching them. It says *that* something is
due and when, never what: the items carry ids, not titles, names or anyone's words.

A repair produces nothing while its shared space is paused (nothing can be recorded then) or once
the partner who joined it has left; a deleted repair has no members, so it is never reached.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Q

from amends import ledger
from amends.ledger.schedule import commitment_due_dates
from amends.services import tokens
from amends.services.access import RepairAccess, my_repairs, own, shared_with_me
from amends.services.questionnaires import instruments_for
from amends.services.trust import user_tz
from amends.services.trust_queries import QUESTIONNAIRE_EVERY_DAYS, due_for, load_ledger
from amends.web.partners.models import Invitation
from amends.web.repairs.models import Membership
from amends.web.trust.models import Question, QuestionnaireResponse

CHECK_IN, QUESTIONNAIRE, QUESTION = "check_in", "questionnaire", "question"
KINDS = (CHECK_IN, QUESTIONNAIRE, QUESTION)


@dataclass(frozen=True)
class DueItem:
    kind: str  # one of KINDS
    repair_id: int
    on: date  # the day it is (or was) due, in the person's own time zone
    ref: str  # which commitment, questionnaire or question: an id for telling items apart, never shown


def due_items(user: Any, now: datetime | None = None, *, days_ahead: int = 0) -> list[DueItem]:
    """Everything due for ``user`` through today, plus check-ins scheduled up to ``days_ahead`` days on."""
    now = now or tokens.clock()
    today = ledger.local_date(now, user_tz(user.pk))
    out: list[DueItem] = []
    for access in my_repairs(user):
        if access.paused or partner_left(access):
            continue
        out += _check_ins(access, today, days_ahead)
        out += _questionnaires(access, now, today)
        out += _questions(access, today)
    return out


def partner_left(access: RepairAccess) -> bool:
    """Someone joined this repair by invitation, and one of the two is no longer in it."""
    joined = Invitation.objects.filter(repair=access.repair, used_at__isnull=False).exists()
    return joined and Membership.objects.filter(repair=access.repair).count() < 2


def _check_ins(access: RepairAccess, today: date, days_ahead: int) -> list[DueItem]:
    led = load_ledger(access, today=today)
    dues, _ = due_for(led, access.user_id)
    out = [DueItem(CHECK_IN, access.repair.pk, d.on, str(d.commitment.pk)) for d in dues]
    if days_ahead > 0:
        for c in led.mine(access.user_id):
            days = commitment_due_dates(c, today=today, horizon_days=days_ahead)
            out += [DueItem(CHECK_IN, access.repair.pk, day, c.id) for day in days if day > today]
    return out


def _questionnaires(access: RepairAccess, now: datetime, today: date) -> list[DueItem]:
    since = now - timedelta(days=QUESTIONNAIRE_EVERY_DAYS)
    taken = set(own(access, QuestionnaireResponse).filter(taken_at__gte=since).values_list("instrument", flat=True))
    return [DueItem(QUESTIONNAIRE, access.repair.pk, today, i) for i in instruments_for(access.role) if i not in taken]


def _questions(access: RepairAccess, today: date) -> list[DueItem]:
    """Questions the partner asked that wait for this person's answer, or whose promised day has come."""
    waiting = Q(status="waiting") | Q(status="thinking", answer_by__lte=today)
    ids = shared_with_me(access, Question).filter(waiting).values_list("pk", flat=True)
    return [DueItem(QUESTION, access.repair.pk, today, str(pk)) for pk in ids]
