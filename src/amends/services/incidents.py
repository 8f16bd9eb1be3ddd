"""Use cases for "when it happens again": recording a new incident and walking its own short track.

An incident sits beside the repair's history: nothing earlier is reset, rewritten or hidden. Each
member's answers belong to one incident, so a second incident never overwrites the first one's. What
is shown to whom follows the one rule in ``access``: an incident and its answers are private to their
author until shared, nothing reaches the partner while the space is paused, and someone who has left
can add nothing more.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import QuerySet

from amends.journey import TrackProgress, track_progress
from amends.journey.incidents import incident_kind, load_incident_track
from amends.journey.steps import Step
from amends.limits import too_long
from amends.services import tokens
from amends.services.access import RepairAccess, get_own, get_visible, own, require_open, visible
from amends.services.errors import InvalidInput, check_length
from amends.services.repairs import new_sentences
from amends.services.text_safety import SafetyCheck, check, scanned
from amends.web.incidents.models import Incident, IncidentAnswer
from amends.web.partners.models import Invitation
from amends.web.repairs.models import Membership, Repair

LEFT_MESSAGE = (
    "You have left this repair, so nothing new can be added to it. What you wrote before is still yours: "
    "it is in your data export. To record this, start a new repair from My repairs."
)


class LeftRepair(InvalidInput):
    """The person was a member of this repair and has left it."""

    def __init__(self) -> None:
        super().__init__(LEFT_MESSAGE)


def has_left(user: object, repair_id: object) -> bool:
    """True for someone who was in this repair (started it, or joined with an invitation) and is not now."""
    if not getattr(user, "is_authenticated", False):
        return False
    try:
        pk = int(str(repair_id))
    except ValueError:
        return False
    if Membership.objects.filter(repair_id=pk, user=user).exists():
        return False
    started = Repair.objects.filter(pk=pk, created_by=user).exists()
    return started or Invitation.objects.filter(repair_id=pk, used_by=user).exists()


def record_incident(
    access: RepairAccess, *, kind: str, happened_on: date | None, note: str = "", shared: bool = False
) -> Incident:
    """Add "it happened again" or "something more came out" to the repair. The note is scanned for safety."""
    if incident_kind(kind) is None:
        raise InvalidInput("Choose what happened: it happened again, or something more came out.", "kind")
    today = tokens.clock().date()
    if happened_on is None:
        raise InvalidInput("Give the date it happened or came out; if unsure, your best guess.", "happened_on")
    if happened_on > today:
        raise InvalidInput(f"That date is in the future. Pick {today:%d %B %Y} or earlier.", "happened_on")
    note = check_length(note, "The note", field="note")
    problem = too_long("incident.note", note)
    if problem:
        raise InvalidInput(problem, "note")
    if shared:
        require_open(access)
    with transaction.atomic():
        # Re-read inside the write: leaving in another tab a moment ago must still refuse.
        if not Membership.objects.select_for_update().filter(pk=access.membership.pk).exists():
            raise LeftRepair()
        incident = Incident.objects.create(
            repair=access.repair,
            author_id=access.user_id,
            kind=kind,
            happened_on=happened_on,
            note=note,
            shared=shared,
            recorded_at=tokens.clock(),
        )
    return scanned(incident, access.user_id, note)


def visible_incidents(access: RepairAccess) -> QuerySet[Incident]:
    """Every incident this member may see: their own, and those a current member shared (none while paused)."""
    return visible(access, Incident)


def incident_for(access: RepairAccess, incident_id: object) -> Incident:
    return get_visible(access, Incident, incident_id, "incident")


def set_incident_shared(access: RepairAccess, incident_id: object, shared: bool) -> Incident:
    """Show one of your own incidents to your partner, or stop. Stopping also takes back its answers."""
    incident = get_own(access, Incident, incident_id, "incident")
    if shared:
        require_open(access)
    with transaction.atomic():
        incident.shared = shared
        incident.save(update_fields=["shared"])
        if not shared:
            own(access, IncidentAnswer).filter(incident=incident).update(shared=False)
    return incident


# ---------------------------------------------------------------- each incident's own steps


def incident_step(access: RepairAccess, slug: str) -> Step | None:
    return load_incident_track(access.role).step(slug)


@dataclass(frozen=True)
class StepSave:
    errors: dict[str, str]
    safety: SafetyCheck | None


def save_incident_step(access: RepairAccess, incident: Incident, slug: str, texts: dict[str, str]) -> StepSave:
    """Save this member's answers to one step of one incident; other incidents' answers are untouched."""
    step = incident_step(access, slug)
    if step is None:
        raise InvalidInput("That step is not part of this incident.")
    errors: dict[str, str] = {}
    saved: list[str] = []
    for prompt in step.prompts:
        text = texts.get(prompt.slug, "")
        try:
            check_length(text, "This answer", field=prompt.slug)
        except InvalidInput as exc:
            errors[prompt.slug] = str(exc)
            continue
        _store(access, incident, slug, prompt.slug, text)
        saved.append(text)
    return StepSave(errors, check(access.user_id, *saved))


@dataclass(frozen=True)
class Autosaved:
    answer: IncidentAnswer | None  # None: an empty box that was never an answer stays unsaved
    safety: SafetyCheck | None


def autosave_incident_answer(access: RepairAccess, incident: Incident, slug: str, prompt: str, text: str) -> Autosaved:
    """Save one box of one incident step while the person types, as the journey's autosave does.

    Only sentences new since the last save are scanned, so the cost stays flat however long it grows.
    """
    step = incident_step(access, slug)
    if step is None or step.prompt(prompt) is None:
        raise InvalidInput("That question is not part of this step.")
    check_length(text, "This answer", field=prompt)
    before = own(access, IncidentAnswer).filter(incident=incident, step=slug, prompt=prompt).first()
    answer = _store(access, incident, slug, prompt, text)
    fresh = new_sentences(before.text if before else "", text)
    return Autosaved(answer, check(access.user_id, fresh))


def _store(access: RepairAccess, incident: Incident, step: str, prompt: str, text: str) -> IncidentAnswer | None:
    fields = {"incident": incident, "author_id": access.user_id, "step": step, "prompt": prompt}
    if not text.strip() and not IncidentAnswer.objects.filter(**fields).exists():
        return None  # an untouched box is not an answer
    with transaction.atomic():
        try:
            answer, _ = IncidentAnswer.objects.select_for_update().get_or_create(
                **fields, defaults={"updated_at": tokens.clock(), "role": access.role}
            )
        except IntegrityError:  # a save from another tab created it between our read and insert
            answer = IncidentAnswer.objects.select_for_update().get(**fields)
        if answer.text != text:
            answer.text = text
            answer.updated_at = tokens.clock()
            answer.save(update_fields=["text", "updated_at"])
    return answer


def my_incident_answers(access: RepairAccess, incident: Incident) -> dict[tuple[str, str], IncidentAnswer]:
    rows = own(access, IncidentAnswer).filter(incident=incident)
    return {(a.step, a.prompt): a for a in rows}


def partner_incident_answers(access: RepairAccess, incident: Incident) -> list[IncidentAnswer]:
    """What the other member shared about this incident, by the one access rule."""
    rows = visible(access, IncidentAnswer).filter(incident=incident).exclude(author_id=access.user_id)
    return list(rows.exclude(text="").order_by("step", "prompt"))


def set_incident_answer_shared(
    access: RepairAccess, incident: Incident, step: str, prompt: str, shared: bool
) -> IncidentAnswer:
    answer = own(access, IncidentAnswer).filter(incident=incident, step=step, prompt=prompt).first()
    if answer is None or not answer.text.strip():
        raise InvalidInput("Write an answer first, then share it.", prompt)
    if shared:
        require_open(access)
        if incident.author_id == access.user_id and not incident.shared:
            raise InvalidInput("Share the incident itself first, then your answers about it.", prompt)
    answer.shared = shared
    answer.save(update_fields=["shared"])
    return answer


def incident_progress(access: RepairAccess, incident: Incident) -> TrackProgress:
    answers = {k: a.text for k, a in my_incident_answers(access, incident).items()}
    return track_progress(load_incident_track(access.role), answers, ())


# ---------------------------------------------------------------- charts, timeline, triage


def incident_markers(access: RepairAccess) -> list[tuple[date, str]]:
    """(day, label) for every incident this member may see, oldest first, to mark on the trust charts."""
    rows = visible_incidents(access).order_by("happened_on", "recorded_at")
    return [(i.happened_on, _marker(i.kind)) for i in rows]


def _marker(kind: str) -> str:
    found = incident_kind(kind)
    return found.marker if found else "Incident"


def repeat_count(access: RepairAccess) -> int:
    """How many times it has happened again or more has come out, as far as this member knows."""
    return visible_incidents(access).count()


# ---------------------------------------------------------------- the person's export


def export_section(scope: Any) -> list[dict[str, Any]]:
    """One repair's incidents for a person's export, oldest first, each with the answers about it.

    ``scope`` answers ``rows(model)`` (the person's own rows, plus what the access rule shows them while
    they are a member), ``by(obj)`` and ``access`` (None for a repair they left), like the export's Scope.
    An answer of one's own whose incident can no longer be shown stays in the export on its own.
    """
    answers: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for a in scope.rows(IncidentAnswer).exclude(text="").order_by("step", "prompt", "pk"):
        answers[a.incident_id].append(_answer_record(scope, a))
    out = []
    for i in scope.rows(Incident).order_by("happened_on", "recorded_at", "pk"):
        kind = incident_kind(i.kind)
        out.append(
            {
                "ref": f"incidents.incident:{i.pk}",
                **scope.by(i),
                "what": kind.label if kind else i.kind,
                "happened_on": i.happened_on.isoformat(),
                "recorded": i.recorded_at.isoformat(),
                "note": i.note,
                "shared": i.shared,
                "answers": answers.pop(i.pk, []),
            }
        )
    out += [{"what": "An incident no longer shown to you", "answers": rows} for rows in answers.values()]
    return out


def _answer_record(scope: Any, a: IncidentAnswer) -> dict[str, Any]:
    return {
        "ref": f"incidents.incidentanswer:{a.pk}",
        **scope.by(a),
        "step": a.step,
        "prompt": a.prompt,
        "question": question_for(a),
        "text": a.text,
        "shared": a.shared,
        "updated": a.updated_at.isoformat(),
    }


def question_for(answer: IncidentAnswer) -> str:
    """The question an answer replies to, in the words of its writer's track."""
    step = load_incident_track(answer.role).step(answer.step)
    question = step.prompt(answer.prompt) if step is not None else None
    return question.label if question is not None else "A question no longer asked"
