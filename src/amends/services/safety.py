"""Use cases for private screening, safety signals, the safety plan, the argument log and triage.

Screening and safety data belong to one user and are never shared: no function here takes a
partner, and nothing here is ever written to a couple-visible model.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from django.db import transaction

from amends.journey.playbooks import Playbook, load_playbook
from amends.limits import too_long
from amends.measures import ScoreResult, load_instrument, score, screens
from amends.safety.messages import PAUSED_NOTICE
from amends.safety.recurring import ArgumentEntry as CoreArgument
from amends.safety.recurring import find_recurring
from amends.safety.routing import Route, route
from amends.safety.triage import Recommendation, Signals, triage
from amends.services.access import RepairAccess, pause_everywhere, resume_everywhere
from amends.services.errors import InvalidInput, check_length
from amends.services.incidents import repeat_count
from amends.services.questionnaires import measure_series
from amends.services.text_safety import check
from amends.web.safety_web.models import (
    ArgumentEntry,
    HelpSignsReport,
    PlaybookCheck,
    SafetyPlan,
    SafetyPreference,
    SafetySignal,
    ScreenResult,
)

ABUSE_TYPES = frozenset({"abuse_victim", "abuse_perpetration"})

SCREENS = screens()
CONCERNS = {
    "afraid": ("abuse_victim", "I am afraid of my partner."),
    "controlled": ("abuse_victim", "My partner controls who I see, where I go, my phone or my money."),
    "hurt_partner": ("abuse_perpetration", "I have hurt or frightened my partner, or I worry that I might."),
}
JOINT_KINDS = frozenset({"couples_therapy", "aftermath_conversation"})
__all__ = ["PAUSED_NOTICE", "SCREENS", "CONCERNS"]


def submit_screen(user: Any, name: str, answers: dict[str, Any]) -> tuple[ScreenResult, ScoreResult]:
    """Score a private screen and keep it. A positive HARK raises the abuse signal."""
    if name not in SCREENS:
        raise InvalidInput("Unknown questionnaire.")
    result = score(name, answers)
    with transaction.atomic():
        row = ScreenResult.objects.create(
            user=user,
            instrument=name,
            answers=answers,
            total=result.total,
            band=result.band or "",
            positive=result.positive,
            flags=list(result.flags),
            complete=result.complete,
        )
        if name == "hark" and result.positive:
            SafetySignal.objects.create(user=user, kind="abuse_victim", source="hark")
            pause_everywhere(user)
    return row, result


def stored_result(row: ScreenResult) -> ScoreResult:
    return score(row.instrument, row.answers)


def record_acute_answer(row: ScreenResult, acute: bool) -> None:
    row.acute = acute
    row.save(update_fields=["acute"])


def screen_route(user: Any, row: ScreenResult, region: str) -> Route:
    return route(None, [stored_result(row)], region=region, acute_answer=row.acute, partner_flagged=False)


def report_concerns(user: Any, keys: list[str]) -> list[str]:
    """Record what the user says about safety at home; each concern raises its signal once."""
    unknown = [k for k in keys if k not in CONCERNS]
    if unknown or not keys:
        raise InvalidInput("Tick at least one statement that fits, or go back.")
    kinds = sorted({CONCERNS[k][0] for k in keys})
    for kind in kinds:
        SafetySignal.objects.get_or_create(user=user, kind=kind, source="self_report")
    pause_everywhere(user)
    return kinds


def clear_signals(user: Any) -> None:
    """The user who raised a signal may lift it, and their pauses with it; nobody else can."""
    SafetySignal.objects.filter(user=user).delete()
    resume_everywhere(user)


def signal_kinds(user: Any) -> set[str]:
    return set(SafetySignal.objects.filter(user=user).values_list("kind", flat=True))


def save_safety_plan(user: Any, answers: dict[str, str]) -> SafetyPlan:
    for key, text in answers.items():
        check_length(text, "This answer", field=key)
    plan, _ = SafetyPlan.objects.update_or_create(user=user, defaults={"answers": answers})
    return plan


def log_argument(
    access: RepairAccess, *, occurred_on: date, topic: str, what_happened: str, how_it_ended: str, today: date
) -> ArgumentEntry:
    check_length(topic.strip(), "The topic", required=True, field="topic")
    problem = too_long("argument.topic", topic)
    if problem:
        raise InvalidInput(f"{problem} Put the detail in 'What happened'.", "topic")
    check_length(what_happened, "What happened", field="what_happened")
    check_length(how_it_ended, "How it ended", field="how_it_ended")
    if occurred_on > today:
        raise InvalidInput("That date is in the future. Log arguments that have happened.", "occurred_on")
    safety = check(access.user_id, topic, what_happened, how_it_ended)
    entry = ArgumentEntry.objects.create(
        repair=access.repair,
        author_id=access.user_id,
        occurred_on=occurred_on,
        topic=topic.strip(),
        what_happened=what_happened,
        how_it_ended=how_it_ended,
        abuse_flagged=bool(safety and safety.report.types & ABUSE_TYPES),
    )
    entry.safety = safety  # type: ignore[attr-defined]
    return entry


def visible_arguments(access: RepairAccess) -> list[ArgumentEntry]:
    """Each partner logs their own arguments; the recurring check looks only at the user's own log."""
    return list(ArgumentEntry.objects.filter(repair=access.repair, author_id=access.user_id))


def recurring_groups(access: RepairAccess) -> list[Any]:
    """Arguments that keep coming back. While there is any abuse signal, no joint conversation or couples
    therapist is suggested for them (``couple_work_hidden``)."""
    entries = [
        CoreArgument(id=str(a.pk), date=a.occurred_on, topic=a.topic, what=a.what_happened)
        for a in visible_arguments(access)
    ]
    groups = find_recurring(entries) if len(entries) >= 2 else []
    if groups and couple_work_hidden(access):
        groups = [replace(g, suggestion=None, suggest_professional=False) for g in groups]
    return groups


def save_help_signs(access: RepairAccess, flags: dict[str, bool]) -> HelpSignsReport:
    """Keep the person's answers. Answering the separate questions replaces the old combined answer."""
    defaults = {**flags, "abuse_substance_or_mental_health": False}
    report, _ = HelpSignsReport.objects.update_or_create(
        user_id=access.user_id, repair=access.repair, defaults=defaults
    )
    return report


def triage_for(access: RepairAccess, region: str) -> list[Recommendation]:
    """Recommendations from this person's own answers, screens, log and check-ins; never the partner's."""
    signs = HelpSignsReport.objects.filter(user_id=access.user_id, repair=access.repair).first()
    latest: dict[str, ScreenResult] = {}
    for row in ScreenResult.objects.filter(user_id=access.user_id, complete=True):
        latest.setdefault(row.instrument, row)
    groups = [g for g in recurring_groups(access) if g.size >= 3]
    trust_series, csi_series = measure_series(access)
    legacy = bool(signs and signs.abuse_substance_or_mental_health)  # one box for all three, before the split
    recs = triage(
        Signals(
            region=region,
            same_arguments=bool(signs and signs.same_arguments),
            trust_struggle=bool(signs and signs.trust_struggle),
            abuse=legacy or bool(signs and signs.abuse),
            substance_use=legacy or bool(signs and signs.substance_use),
            mental_health=legacy or bool(signs and signs.mental_health),
            emotional_fallout=bool(signs and signs.emotional_fallout),
            recurring_groups=len(groups),
            repeat_incidents=repeat_count(access),
            trust_series=trust_series,
            csi_series=csi_series,
            screens=[stored_result(r) for r in latest.values()],
            # Only this person's own signals: a partner's screen never shapes this page.
            abuse_flag=own_abuse_signal(access),
            # While the shared space is paused (for whatever reason: it is never said), nothing joint is suggested.
            couple_work_paused=access.paused,
        )
    )
    return [r for r in recs if r.kind not in JOINT_KINDS] if access.paused else recs  # belt and braces


def own_abuse_signal(access: RepairAccess) -> bool:
    """This person's own abuse signal: a positive HARK, a safety-at-home answer, or abuse in their argument log."""
    if SafetySignal.objects.filter(user_id=access.user_id).exists():
        return True
    return ArgumentEntry.objects.filter(repair=access.repair, author_id=access.user_id, abuse_flagged=True).exists()


def couple_work_hidden(access: RepairAccess) -> bool:
    """Couples therapy, directories and joint conversations are never suggested while this is true."""
    if own_abuse_signal(access) or access.paused:
        return True
    signs = HelpSignsReport.objects.filter(user_id=access.user_id, repair=access.repair).first()
    return bool(signs and (signs.abuse or signs.abuse_substance_or_mental_health))


def set_neutral_titles(user: Any, on: bool) -> None:
    """Page titles that say nothing about amends, for a shared screen or a browser's tab list."""
    SafetyPreference.objects.update_or_create(user=user, defaults={"neutral_titles": on})


def neutral_titles(user: Any) -> bool:
    return SafetyPreference.objects.filter(user=user, neutral_titles=True).exists()


def playbook_for(access: RepairAccess) -> Playbook:
    """The playbook as this person should see it: couple work left out while there is any abuse signal.

    Whether they see the checklist or what it means for them is ``Playbook.for_role(access.role)``.
    """
    book = load_playbook(access.repair.kind)
    return book.without_couple_work() if couple_work_hidden(access) else book


def toggle_playbook_item(access: RepairAccess, item: str, done: bool) -> None:
    book = load_playbook(access.repair.kind)
    if not book.for_role(access.role):
        raise InvalidInput("This checklist is for your partner; yours is what it means for you, above.")
    if item not in {i.id for i in book.checklist}:
        raise InvalidInput("That item is not on this checklist.")
    if done:
        PlaybookCheck.objects.get_or_create(repair=access.repair, user_id=access.user_id, item=item)
    else:
        PlaybookCheck.objects.filter(repair=access.repair, user_id=access.user_id, item=item).delete()


def instrument_or_error(name: str) -> Any:
    if name not in SCREENS:
        raise InvalidInput("Unknown questionnaire.")
    return load_instrument(name)
