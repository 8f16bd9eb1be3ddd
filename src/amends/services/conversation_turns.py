"""Use cases for the shared parts of After a fight: taking turns over each one's reality, and "we agreed".

Turn-taking (Gottman, Aftermath of a Fight: Realities): the one who started goes first. The speaker
writes their reality and sends it; the listener writes back what they understood; the speaker answers
"yes, that's it" or "not quite" (saying what was missed), and the listener tries again. After a "yes"
the roles swap. Where the run stands (whose turn, which phase) is the run's own machinery; the words are
each writer's entries, shown to the partner once sent. Nothing is sent while the repair is paused.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from amends.limits import too_long
from amends.services import tokens
from amends.services.access import (
    RepairAccess,
    get_visible,
    partner_membership,
    require_open,
    shared_with_me,
    visible,
)
from amends.services.conversations import my_entries
from amends.services.errors import InvalidInput, check_length
from amends.services.text_safety import SafetyCheck, check
from amends.web.conversations.models import AgreementNote, Conversation, ConversationEntry

STEP = "realities"
REALITY, SUMMARY, MISSED, CONFIRM = "reality", "summary", "missed", "confirm"
DONE = 2  # both turns taken


@dataclass(frozen=True)
class PastTurn:
    mine: bool  # whose reality it was
    reality: str
    summary: str


@dataclass(frozen=True)
class TurnView:
    """Where the turn-taking stands, as this member may see it."""

    partner_here: bool
    finished: bool
    speaking: bool  # this member is the speaker of the current turn
    phase: str
    reality_draft: str  # this member's own reality, saved or sent
    summary_draft: str  # this member's summary of the partner's reality, saved or sent
    may_prepare: bool  # this member's own turn is still ahead: they can write their reality privately now
    reality: str  # the speaker's reality, once sent (shown to both)
    summary: str  # the listener's summary, once sent
    missed: str  # what the speaker said was missed, after a "not quite"
    past: tuple[PastTurn, ...]


def _order(access: RepairAccess, run: Conversation) -> tuple[int | None, int | None]:
    """Who speaks first (the one who started) and second (the other member, once there is one)."""
    partner = partner_membership(access)
    members = [access.user_id] + ([partner.user_id] if partner else [])
    return run.started_by_id, next((m for m in members if m != run.started_by_id), None)


def _speaker_id(access: RepairAccess, run: Conversation, turn: int) -> int | None:
    return _order(access, run)[turn]


def _listener_id(access: RepairAccess, run: Conversation, turn: int) -> int | None:
    return _order(access, run)[1 - turn]


def _shown(access: RepairAccess, run: Conversation, author: int | None, prompt: str) -> str:
    if author == access.user_id:
        entry = my_entries(access, run).get((STEP, prompt))
        return entry.text if entry and entry.shared else ""
    row = shared_with_me(access, ConversationEntry).filter(conversation=run, step=STEP, prompt=prompt, author_id=author)
    return next((e.text for e in row), "")


def turn_view(access: RepairAccess, run: Conversation) -> TurnView:
    here = partner_membership(access) is not None
    past = tuple(
        PastTurn(
            _speaker_id(access, run, t) == access.user_id,
            _shown(access, run, _speaker_id(access, run, t), REALITY),
            _shown(access, run, _listener_id(access, run, t), SUMMARY),
        )
        for t in range(min(run.turn, DONE))
    )
    if run.turn >= DONE:
        return TurnView(here, True, False, "done", "", "", False, "", "", "", past)
    speaker, listener = _speaker_id(access, run, run.turn), _listener_id(access, run, run.turn)
    speaking = speaker == access.user_id
    mine = {prompt: e.text for (step, prompt), e in my_entries(access, run).items() if step == STEP}
    return TurnView(
        partner_here=here,
        finished=False,
        speaking=speaking,
        phase=run.phase,
        reality_draft=mine.get(REALITY, ""),
        summary_draft=mine.get(SUMMARY, ""),
        may_prepare=_may_write_reality(access, run),
        reality=_shown(access, run, speaker, REALITY) if run.phase != "tell" else "",
        summary=_shown(access, run, listener, SUMMARY) if run.phase == "check" else "",
        missed=_shown(access, run, speaker, MISSED) if run.phase == "summarize" else "",
        past=past,
    )


def _may_write_reality(access: RepairAccess, run: Conversation) -> bool:
    my_turn = 0 if run.started_by_id == access.user_id else 1
    return run.turn < my_turn or (run.turn == my_turn and run.phase == "tell")


def take_turn(
    access: RepairAccess, run: Conversation, action: str, text: str = "", box: str = REALITY
) -> SafetyCheck | None:
    """One move in the turn-taking: ``save`` (a private draft of ``box``), ``send``, ``yes`` or ``not-quite``."""
    text = _clean(text, "conversation.text")
    with transaction.atomic():
        run = Conversation.objects.select_for_update().get(pk=run.pk)
        if run.turn >= DONE:
            raise InvalidInput("You have both taken your turn. Go on to the next step.", "form")
        speaking = _speaker_id(access, run, run.turn) == access.user_id
        if action == "save":
            _save_draft(access, run, speaking, box, text)
            return check(access.user_id, text)
        require_open(access)
        if partner_membership(access) is None:
            raise InvalidInput(
                "Your partner has not joined yet. Your words are saved; you can take turns once they join.", "form"
            )
        _move(access, run, speaking, action, text)
    return check(access.user_id, text)


def _save_draft(access: RepairAccess, run: Conversation, speaking: bool, box: str, text: str) -> None:
    if box == REALITY and _may_write_reality(access, run):
        _write(access, run, REALITY, text, shared=False)
    elif box == SUMMARY and not speaking:
        _write(access, run, SUMMARY, text, shared=False)
    else:
        raise InvalidInput("That part has already been sent; it can no longer be changed here.", "text")


def _move(access: RepairAccess, run: Conversation, speaking: bool, action: str, text: str) -> None:
    expected = {("tell", True): {"send"}, ("summarize", False): {"send"}, ("check", True): {"yes", "not-quite"}}
    if action not in expected.get((run.phase, speaking), set()):
        raise InvalidInput("It is your partner's turn for this part. Their words will appear here.", "form")
    if action == "send":
        if not text.strip():
            raise InvalidInput("Write something first, then send it.", "text")
        _write(access, run, REALITY if speaking else SUMMARY, text, shared=True)
        run.phase = "summarize" if speaking else "check"
    elif action == "not-quite":
        _write(access, run, MISSED, text, shared=True)
        run.phase = "summarize"
    else:
        _write(access, run, CONFIRM, "yes", shared=True)
        run.turn, run.phase = run.turn + 1, "tell"
    run.updated_at = tokens.clock()
    run.save(update_fields=["turn", "phase", "updated_at"])


def _write(access: RepairAccess, run: Conversation, prompt: str, text: str, *, shared: bool) -> None:
    ConversationEntry.objects.update_or_create(
        conversation=run,
        author_id=access.user_id,
        step=STEP,
        prompt=prompt,
        defaults={"text": text, "shared": shared, "updated_at": tokens.clock()},
    )


def _clean(text: str, limit: str) -> str:
    text = check_length(text, "What you wrote", field="text")
    problem = too_long(limit, text)
    if problem:
        raise InvalidInput(problem, "text")
    return text


# "We agreed" -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgreementView:
    latest: AgreementNote | None  # the wording on the table
    mine: bool  # this member proposed it (so the other one accepts it)
    agreed: bool


def agreement_view(access: RepairAccess, run: Conversation) -> AgreementView:
    latest = visible(access, AgreementNote).filter(conversation=run).order_by("-pk").first()
    agreed = latest is not None and run.agreed_note_id == latest.pk
    return AgreementView(latest, latest is not None and latest.author_id == access.user_id, agreed)


def propose_agreement(access: RepairAccess, run: Conversation, text: str) -> AgreementNote:
    """Put a wording of "we agreed" on the table. A new wording replaces any earlier agreement."""
    text = _clean(text, "conversation.agreement")
    if not text.strip():
        raise InvalidInput("Write what you both agree to do, then send it.", "text")
    if not run.together:
        raise InvalidInput("Only you see this conversation; an agreement needs both of you.", "form")
    require_open(access)
    if partner_membership(access) is None:
        raise InvalidInput("Your partner has not joined yet; you can agree on a plan together once they join.", "text")
    now = tokens.clock()
    with transaction.atomic():
        note = AgreementNote.objects.create(conversation=run, author_id=access.user_id, text=text, created_at=now)
        reopened = {"agreed_note": None, "agreed_at": None, "finished_at": None, "updated_at": now}
        Conversation.objects.filter(pk=run.pk).update(**reopened)
    note.safety = check(access.user_id, text)  # type: ignore[attr-defined]
    return note


def accept_agreement(access: RepairAccess, run: Conversation, note_id: object) -> AgreementNote:
    """The other partner says "we agree". Only the wording still on the table can be accepted."""
    require_open(access)
    note = get_visible(access, AgreementNote, note_id, "agreement")
    latest = agreement_view(access, run).latest
    if note.conversation_id != run.pk or latest is None or latest.pk != note.pk:
        raise InvalidInput("This wording has changed since; read the latest one and agree to that.", "form")
    if note.author_id == access.user_id:
        raise InvalidInput("Your partner agrees to your wording; you can change it until they do.", "form")
    now = tokens.clock()
    Conversation.objects.filter(pk=run.pk).update(agreed_note=note, agreed_at=now, finished_at=now, updated_at=now)
    return note
