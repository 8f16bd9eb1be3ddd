"""Use cases for repairs and the journey."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from amends.coach.apology import analyze_apology
from amends.coach.text import TextRejected
from amends.journey import TrackProgress, load_track, track_progress
from amends.limits import too_long
from amends.services.access import RepairAccess
from amends.services.errors import InvalidInput, check_length
from amends.services.text_safety import SafetyCheck, check, scanned
from amends.web.repairs.models import (
    MISTAKE_KINDS,
    ROLES,
    ApologyDraft,
    JourneyAnswer,
    JourneyAnswerRevision,
    Membership,
    Repair,
    StepCompletion,
)

# Autosave writes every few seconds; keep one history entry per quiet spell, not one per keystroke.
_HISTORY_GAP = timedelta(minutes=10)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")


def start_repair(user: object, *, role: str, kind: str, title: str, description: str) -> Repair:
    if role not in dict(ROLES):
        raise InvalidInput("Choose which side you are on: you hurt your partner, or you were hurt.", "role")
    if kind not in dict(MISTAKE_KINDS):
        raise InvalidInput("Choose the kind of mistake closest to what happened.", "kind")
    title = check_length(title.strip(), "The title", required=True, field="title")
    problem = too_long("repair.title", title)
    if problem:  # refused, never cut: the person decides what to drop
        raise InvalidInput(problem, "title")
    description = check_length(description, "The description", required=True, field="description")
    with transaction.atomic():
        repair = Repair.objects.create(created_by=user, kind=kind, title=title, description=description)
        Membership.objects.create(repair=repair, user=user, role=role)
    return scanned(repair, getattr(user, "pk", None), title, description)


@dataclass(frozen=True)
class SaveResult:
    answer: JourneyAnswer
    conflict: bool  # another tab saved first; its text is in the history
    previous_text: str = ""  # what the answer said before this save
    safety: SafetyCheck | None = None  # crisis language in what was typed, for the writer alone


def save_answer(
    access: RepairAccess, step: str, prompt: str, text: str, base_revision: int | None = None
) -> SaveResult:
    """Save one answer. The later save wins; text it replaces from another tab is kept in history.

    The whole answer is scanned for crisis language; the result comes back as ``safety``.
    """
    result = _store_answer(access, step, prompt, text, base_revision)
    return SaveResult(result.answer, result.conflict, result.previous_text, check(access.user_id, text))


def autosave_answer(
    access: RepairAccess, step: str, prompt: str, text: str, base_revision: int | None = None
) -> SaveResult:
    """Save while the person types. Only sentences new since the last save are scanned, so the cost of
    an autosave stays flat however long the answer grows; the full save scans everything."""
    result = _store_answer(access, step, prompt, text, base_revision)
    fresh = new_sentences(result.previous_text, text)
    return SaveResult(result.answer, result.conflict, result.previous_text, check(access.user_id, fresh))


def new_sentences(before: str, after: str) -> str:
    """The sentences of ``after`` that ``before`` did not have."""
    seen = {s.strip() for s in _SENTENCE_BREAK.split(before)}
    return " ".join(s.strip() for s in _SENTENCE_BREAK.split(after) if s.strip() and s.strip() not in seen)


def _store_answer(access: RepairAccess, step: str, prompt: str, text: str, base_revision: int | None) -> SaveResult:
    track = load_track(access.role)
    step_def = track.step(step)
    if step_def is None or step_def.prompt(prompt) is None:
        raise InvalidInput("That question is not part of this step.")
    check_length(text, "This answer", field=prompt)
    with transaction.atomic():
        answer = _locked_answer(access, step, prompt)
        previous = answer.text
        conflict = base_revision is not None and base_revision != answer.revision and answer.text != text
        if answer.text != text:
            if answer.text and (conflict or timezone.now() - answer.updated_at > _HISTORY_GAP):
                JourneyAnswerRevision.objects.create(answer=answer, text=answer.text, revision=answer.revision)
            answer.text = text
            answer.revision += 1
            answer.save()
    return SaveResult(answer=answer, conflict=conflict, previous_text=previous)


def _locked_answer(access: RepairAccess, step: str, prompt: str) -> JourneyAnswer:
    fields = {"repair": access.repair, "author_id": access.user_id, "step": step, "prompt": prompt}
    try:
        return JourneyAnswer.objects.select_for_update().get_or_create(**fields)[0]
    except IntegrityError:  # a concurrent first save created it between our read and insert
        return JourneyAnswer.objects.select_for_update().get(**fields)


def set_step_done(access: RepairAccess, step: str, done: bool = True) -> None:
    if load_track(access.role).step(step) is None:
        raise InvalidInput("That step is not part of this journey.")
    if done:
        StepCompletion.objects.get_or_create(repair=access.repair, user_id=access.user_id, step=step)
    else:
        StepCompletion.objects.filter(repair=access.repair, user_id=access.user_id, step=step).delete()


def answers_for(access: RepairAccess, step: str | None = None) -> dict[tuple[str, str], JourneyAnswer]:
    rows = JourneyAnswer.objects.filter(repair=access.repair, author_id=access.user_id)
    if step:
        rows = rows.filter(step=step)
    return {(a.step, a.prompt): a for a in rows}


def progress_for(access: RepairAccess) -> TrackProgress:
    answers = answers_for(access)
    last_edited: dict[str, object] = {}
    for (step, _), answer in answers.items():
        if answer.text.strip() and (step not in last_edited or answer.updated_at > last_edited[step]):  # type: ignore[operator]
            last_edited[step] = answer.updated_at
    completed = StepCompletion.objects.filter(repair=access.repair, user_id=access.user_id).values_list(
        "step", flat=True
    )
    return track_progress(
        load_track(access.role),
        {k: a.text for k, a in answers.items()},
        completed,
        last_edited,  # type: ignore[arg-type]
    )


def save_apology_draft(access: RepairAccess, text: str) -> ApologyDraft:
    """Keep a numbered version of the apology with the coach's verdict, so drafts can be compared."""
    check_length(text, "The apology", required=True, field="draft")
    report = _coach_apology(text, access.description)
    with transaction.atomic():
        last = ApologyDraft.objects.select_for_update().filter(repair=access.repair, author_id=access.user_id).first()
        if last is not None and last.text == text:
            return scanned(last, access.user_id, text)  # saving the same text twice is one version
        draft = ApologyDraft.objects.create(
            repair=access.repair,
            author_id=access.user_id,
            version=(last.version + 1) if last else 1,
            text=text,
            score=report.get("score"),
            verdict=report.get("verdict", ""),
        )
    return scanned(draft, access.user_id, text)


def _coach_apology(text: str, mistake: str) -> dict[str, object]:
    try:
        return dict(analyze_apology(text, mistake=mistake or None).to_dict())
    except TextRejected:
        return {}
