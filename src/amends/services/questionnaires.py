"""Use cases for the check-in scores: questionnaires answered, scored by ``amends.measures``, shared or not.

Each function takes a ``RepairAccess`` and plain values and raises ``InvalidInput`` with a message
a person can act on. What an instrument asks and how it scores live in its content file.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from amends import measures
from amends.measures import InvalidAnswer, load_instrument, score
from amends.services.access import RepairAccess, get_own, own, require_open
from amends.services.errors import InvalidInput
from amends.web.trust.models import QuestionnaireResponse

QUESTIONNAIRES = measures.check_ins()
_DOUBLE_SUBMIT = timedelta(minutes=5)  # the same answers again within this are one submission


class IncompleteQuestionnaire(InvalidInput):
    """Some items are unanswered, so nothing is scored. ``missing`` lists the item ids."""

    def __init__(self, message: str, missing: tuple[str, ...]) -> None:
        super().__init__(message, "answers")
        self.missing = missing


def instruments_for(role: str) -> tuple[str, ...]:
    return measures.offered_to(role)


def submit_questionnaire(
    access: RepairAccess, instrument: str, answers: Mapping[str, Any], *, shared: bool = False
) -> QuestionnaireResponse:
    """Score with ``amends.measures`` and save. Missing items: nothing is saved, and the error says which."""

    if instrument not in QUESTIONNAIRES:
        raise InvalidInput("That questionnaire is not part of the trust check-ins.", "instrument")
    if instrument not in measures.offered_to(access.role):
        raise InvalidInput("This check-in is for the partner who was hurt.", "instrument")
    inst = load_instrument(instrument)
    given = {str(k): v for k, v in answers.items() if v not in (None, "")}
    try:
        result = score(instrument, given)
    except (InvalidAnswer, KeyError) as exc:
        raise InvalidInput(f"One answer is not on the scale: {exc}", "answers") from exc
    if not result.complete or result.total is None:
        raise IncompleteQuestionnaire(f"Not scored: {result.reason or result.meaning}", result.missing)
    items = dict(result.items)
    head_item = inst.scoring.get("headline_item")
    headline = float(items[head_item]) if head_item else float(result.total)
    now = timezone.now()
    recent = (
        own(access, QuestionnaireResponse).filter(instrument=instrument, taken_at__gte=now - _DOUBLE_SUBMIT).first()
    )
    if recent is not None and recent.answers == {str(k): v for k, v in items.items()}:
        return recent
    return QuestionnaireResponse.objects.create(
        repair=access.repair,
        user_id=access.user_id,
        instrument=instrument,
        answers={str(k): v for k, v in items.items()},
        total=result.total,
        headline=headline,
        band=result.band or "",
        shared=shared,
        taken_at=now,
    )


def set_response_shared(access: RepairAccess, response_id: object, shared: bool) -> QuestionnaireResponse:
    r = get_own(access, QuestionnaireResponse, response_id, "response")
    if shared:
        require_open(access)
    r.shared = shared
    r.save(update_fields=["shared"])
    return r


def measure_series(access: RepairAccess) -> tuple[tuple[tuple[date, float], ...], tuple[tuple[date, float], ...]]:
    """This person's own trust and CSI-4 headlines over time, oldest first, for triage.

    Only the person's own answers: triage on one partner's help page never reads the other's.
    """
    rows = (
        own(access, QuestionnaireResponse)
        .filter(instrument__in=("trust_checkin", "csi4"), headline__isnull=False)
        .order_by("taken_at", "pk")
        .values_list("instrument", "taken_at", "headline")
    )
    trust: list[tuple[date, float]] = []
    csi: list[tuple[date, float]] = []
    for instrument, taken_at, headline in rows:
        (trust if instrument == "trust_checkin" else csi).append((taken_at.date(), float(headline)))
    return tuple(trust), tuple(csi)
