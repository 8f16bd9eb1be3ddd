"""Use cases for guided conversations: start one, save a step, resume, the time-out timer, finish.

Every box is saved on the server each time a step is submitted, so a conversation left halfway keeps
what was written and opens again where its writer stopped. What a person writes is private until they
tick "show this to my partner", which only a shared run (After a fight) offers, and never while the
repair is paused. Turn-taking and the "we agreed" note are in ``conversation_turns``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import QuerySet

from amends.journey.conversations import (
    Conversation as Script,
)
from amends.journey.conversations import (
    ConversationPrompt,
    ConversationStep,
    load_conversation,
    load_conversations,
)
from amends.limits import too_long
from amends.services import tokens
from amends.services.access import (
    RepairAccess,
    get_visible,
    own,
    partner_membership,
    require_open,
    shared_with_me,
    visible,
)
from amends.services.errors import InvalidInput, NotFound, check_length
from amends.services.text_safety import SafetyCheck, check
from amends.services.trust import user_tz
from amends.web.conversations.models import Conversation, ConversationEntry
from amends.web.trust.models import Question

TIME_OUT = timedelta(minutes=20)


def scripts_for(access: RepairAccess) -> tuple[Script, ...]:
    """The conversations this member is offered (the apology in person is for the one who apologizes)."""
    return tuple(s for s in load_conversations() if s.for_role(access.role))


def script_of(run: Conversation) -> Script:
    script = load_conversation(run.kind)
    if script is None:  # a run whose content was removed: nothing to show it with
        raise NotFound("no such conversation")
    return script


def runs(access: RepairAccess) -> QuerySet[Conversation]:
    """This member's own runs and the shared runs their partner started, newest first."""
    return visible(access, Conversation).order_by("-updated_at", "-pk")


def get_run(access: RepairAccess, conversation_id: object) -> Conversation:
    run = get_visible(access, Conversation, conversation_id, "conversation")
    script_of(run)
    return run


def step_of(run: Conversation, slug: str) -> ConversationStep:
    step = script_of(run).step(slug)
    if step is None:
        raise NotFound("no such step")
    return step


def start_conversation(access: RepairAccess, kind: str, now: datetime | None = None) -> Conversation:
    """A new run. Works before the partner has joined: one person can always prepare alone."""
    script = load_conversation(kind)
    if script is None or not script.for_role(access.role):
        raise InvalidInput("Choose one of the conversations listed.", "kind")
    now = now or tokens.clock()
    return Conversation.objects.create(
        repair=access.repair,
        started_by_id=access.user_id,
        kind=script.slug,
        together=script.together,
        created_at=now,
        updated_at=now,
    )


def partner_here(access: RepairAccess) -> bool:
    return partner_membership(access) is not None


# Entries ---------------------------------------------------------------------------------------


def my_entries(access: RepairAccess, run: Conversation) -> dict[tuple[str, str], ConversationEntry]:
    return {(e.step, e.prompt): e for e in own(access, ConversationEntry).filter(conversation=run)}


def partner_entries(access: RepairAccess, run: Conversation, step: str) -> list[ConversationEntry]:
    """What the partner chose to show in this step (nothing while paused, nothing of someone who left)."""
    return list(shared_with_me(access, ConversationEntry).filter(conversation=run, step=step).exclude(text=""))


def shown_to_me(access: RepairAccess, run: Conversation) -> list[ConversationEntry]:
    """Everything the partner has shown in one run, step by step."""
    return list(shared_with_me(access, ConversationEntry).filter(conversation=run).exclude(text="").order_by("pk"))


@dataclass(frozen=True)
class StepSave:
    entries: tuple[ConversationEntry, ...]
    safety: SafetyCheck | None  # crisis language in what was typed, for the writer alone


def save_step(
    access: RepairAccess, run: Conversation, step_slug: str, texts: dict[str, str], show: set[str] | frozenset[str]
) -> StepSave:
    """Save every box of one step for this member. ``show`` names the boxes to show the partner.

    Refused as a whole (nothing saved, the form keeps the text) when a box is too long or malformed, when
    showing is asked of a run one person prepares alone, or when something new would reach the partner
    while the repair is paused.
    """
    step = step_of(run, step_slug)
    prompts = step.prompts_for(access.role)
    cleaned = {p.slug: _clean(p, texts.get(p.slug, "")) for p in prompts}
    show = {slug for slug in show if slug in cleaned}
    if show and not run.together:
        raise InvalidInput("Only you see this conversation; there is nothing to show from here.", "form")
    with transaction.atomic():
        current = my_entries(access, run)
        if any(_reaches_partner(current.get((step.slug, slug)), cleaned[slug]) for slug in show):
            require_open(access)
        now = tokens.clock()
        saved = [_store(access, run, step.slug, slug, cleaned[slug], slug in show, now) for slug in cleaned]
        Conversation.objects.filter(pk=run.pk).update(updated_at=now)
    return StepSave(tuple(saved), check(access.user_id, *cleaned.values()))


def _reaches_partner(entry: ConversationEntry | None, text: str) -> bool:
    return bool(text.strip()) and (entry is None or not entry.shared or entry.text != text)


def _clean(prompt: ConversationPrompt, text: str) -> str:
    text = check_length(text, "What you wrote", field=prompt.slug)
    problem = too_long("conversation.text", text)
    if problem:
        raise InvalidInput(problem, prompt.slug)
    if prompt.widget == "date" and text.strip():
        try:
            return date.fromisoformat(text.strip()).isoformat()
        except ValueError as exc:
            raise InvalidInput("Give the date as YYYY-MM-DD, for example 2026-12-03.", prompt.slug) from exc
    if prompt.widget == "choices":
        unknown = [line for line in text.splitlines() if line.strip() and line not in prompt.choices]
        if unknown:
            raise InvalidInput("Choose from the list shown.", prompt.slug)
    return text


def _store(
    access: RepairAccess, run: Conversation, step: str, prompt: str, text: str, shared: bool, now: datetime
) -> ConversationEntry:
    entry, _ = ConversationEntry.objects.update_or_create(
        conversation=run,
        author_id=access.user_id,
        step=step,
        prompt=prompt,
        defaults={"text": text, "shared": shared and bool(text.strip()), "updated_at": now},
    )
    return entry


def store_private(access: RepairAccess, run: Conversation, step: str, prompt: str, text: str) -> ConversationEntry:
    """One box outside the step form (a turn's draft): saved, never shown by this call."""
    return _store(access, run, step, prompt, text, False, tokens.clock())


# Resuming and finishing ------------------------------------------------------------------------


def resume_step(access: RepairAccess, run: Conversation) -> ConversationStep:
    """Where this member left off: the furthest step they wrote in, or the first one."""
    script = script_of(run)
    written = {step for step, _ in my_entries(access, run)}
    furthest = [s for s in script.steps if s.slug in written]
    return furthest[-1] if furthest else script.steps[0]


def finish(access: RepairAccess, run: Conversation) -> None:
    """Mark a run one person prepared alone as finished; a shared run finishes when both agree."""
    if run.together or run.started_by_id != access.user_id:
        raise InvalidInput("This conversation ends when you both agree on what you will do.", "form")
    now = tokens.clock()
    Conversation.objects.filter(pk=run.pk).update(finished_at=run.finished_at or now, updated_at=now)


# The time-out timer ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Timer:
    ends_at: datetime
    come_back: str  # "HH:MM" in the person's own time zone, shown with or without JavaScript


def start_timer(access: RepairAccess, run: Conversation) -> Timer:
    if run.started_by_id != access.user_id:
        raise NotFound("no such conversation")
    now = tokens.clock()
    Conversation.objects.filter(pk=run.pk).update(timer_started_at=now, updated_at=now)
    return timer_from(now, user_tz(access.user_id))


def timer_for(access: RepairAccess, started: datetime | None) -> Timer | None:
    """The timer of a run, in the person's own time zone; None before it was started."""
    return None if started is None else timer_from(started, user_tz(access.user_id))


def timer_from(started: datetime, tz: str = "UTC") -> Timer:
    """The same timer without an account (the Guide's time-out page)."""
    ends = started + TIME_OUT
    return Timer(ends, ends.astimezone(ZoneInfo(tz)).strftime("%H:%M"))


# The partner's open questions ------------------------------------------------------------------


def questions_to_answer(access: RepairAccess) -> list[Question]:
    """Questions the partner asked that wait for this member's answer (for "I'll answer by...")."""
    return list(
        visible(access, Question)
        .exclude(asked_by_id=access.user_id)
        .filter(status__in=("waiting", "thinking"))
        .order_by("created_at", "pk")
    )
