"""What is new or waiting for one person: on "My repairs", at the top of each repair, and on the dashboard.

The one list of "Waiting for you" (the trust dashboard's box reads it too). Every item is built
from what ``amends.services.access`` lets this member see, so a private item never counts and,
while the repair is paused, nothing of the partner's appears: only the person's own next step and
their own questionnaires, the two places that stay open during a pause.

"New" is decided per page with keys, not times (``amends.web.waiting.models.SeenMark``): a page
marks what it showed when it is opened, and an item the reader has not had on screen stays new.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse

from amends import measures
from amends.journey import load_track
from amends.services import tokens
from amends.services.access import (
    RepairAccess,
    my_repairs,
    own,
    partner_shared_answers,
    partner_shared_drafts,
    shared_with_me,
    visible,
)
from amends.services.repairs import progress_for
from amends.services.trust import partner_of
from amends.services.trust_queries import DISPUTES_SHOWN, Ledger, due_for, load_ledger, questionnaires_due
from amends.web.trust.models import Answer, Commitment, Confirmation, DisputeMessage, Question, TransparencyNote
from amends.web.waiting.models import SeenMark

# What each kind of item says, for one and for several. Labels never quote anyone's writing.
WORDS: dict[str, tuple[str, str]] = {
    "shares": ("Your partner shared something new with you.", "Your partner shared {n} new things with you."),
    "notes": ("A new note from your partner.", "{n} new notes from your partner."),
    "questions": (
        "A question from your partner is waiting for your answer.",
        "{n} questions from your partner are waiting for your answer.",
    ),
    "questions_late": (
        "You said you would answer a question by now.",
        "You said you would answer {n} questions by now.",
    ),
    "answers": ("Your partner answered your question.", "Your partner wrote {n} answers to your questions."),
    "confirm": (
        "One of your partner's check-ins to confirm or dispute.",
        "{n} of your partner's check-ins to confirm or dispute.",
    ),
    "disputes": (
        "A disputed check-in is waiting for your reply.",
        "{n} disputed check-ins are waiting for your reply.",
    ),
    "check_ins": ("A check-in to record.", "{n} check-ins to record."),
}


@dataclass(frozen=True)
class Item:
    """One thing to look at or do, with where to do it. ``label`` is in our words, never anyone's writing."""

    kind: str
    label: str
    url: str
    count: int | None = None


@dataclass(frozen=True)
class RepairWaiting:
    access: RepairAccess
    items: tuple[Item, ...]


def waiting_for(user: object) -> list[RepairWaiting]:
    """What is waiting for ``user`` in each repair they are in, most recently active repair first."""
    return [RepairWaiting(access, tuple(waiting_in(access))) for access in my_repairs(user)]


def waiting_in(access: RepairAccess, led: Ledger | None = None) -> list[Item]:
    """What is new or waiting for this member in one repair, most pressing first."""
    items: list[Item] = []
    if not access.paused:  # every partner-facing page is closed during a pause: nothing there would open
        led = led or load_ledger(access)
        if partner_of(access) is not None:
            items += _partner_items(access, led)
        items += _ledger_items(access, led)
    items += _questionnaire_items(access)
    items += _journey_items(access)
    return items


def _url(name: str, access: RepairAccess, *args: object) -> str:
    return reverse(name, args=[access.repair.pk, *args])


def _counted(kind: str, n: int, url: str) -> Item:
    one, many = WORDS[kind]
    return Item(kind, one if n == 1 else many.format(n=n), url, n)


# ---------------------------------------------------------------- the partner's side


def _partner_items(access: RepairAccess, led: Ledger) -> list[Item]:
    out: list[Item] = []
    new = len(_unseen(access, "shared", _share_keys(access)))
    if new:
        out.append(_counted("shares", new, _url("shared_view", access)))
    notes = len(_unseen(access, "notes", _note_keys(access)))
    if notes:
        out.append(_counted("notes", notes, _url("trust_notes", access)))
    out += _question_items(access, led)
    answers = _unseen_answers(access)
    if answers:
        n = len(answers)
        questions = {a.question_id for a in answers}
        url = _url("trust_question", access, *questions) if len(questions) == 1 else _url("trust_questions", access)
        out.append(_counted("answers", n, url))
    waiting = led.awaiting_answer(access.user_id)
    if waiting:
        out.append(_counted("confirm", waiting, _url("trust_confirm", access)))
    n = _disputes_awaiting(access)
    if n:
        out.append(_counted("disputes", n, _url("trust_confirm", access)))
    return out


def _question_items(access: RepairAccess, led: Ledger) -> list[Item]:
    out: list[Item] = []
    asked = shared_with_me(access, Question)
    waiting = list(asked.filter(status="waiting").values_list("pk", flat=True))
    if waiting:
        n = len(waiting)
        url = _url("trust_question", access, waiting[0]) if n == 1 else _url("trust_questions", access)
        out.append(_counted("questions", n, url))
    late = asked.filter(status="thinking", answer_by__lt=led.today).count()
    if late:
        out.append(_counted("questions_late", late, _url("trust_questions", access)))
    return out


def _disputes_awaiting(access: RepairAccess, latest: int = DISPUTES_SHOWN) -> int:
    """Of the latest disputes (those the confirm page lists), how many wait for this member's word: the last
    message is the other's, or there is none and the other disputed. Two small queries, no rows built."""
    disputes = dict(
        visible(access, Confirmation)
        .filter(verdict="disputed")
        .order_by("-created_at")
        .values_list("pk", "partner_id")[:latest]
    )
    last_word = dict(disputes)
    messages = visible(access, DisputeMessage).filter(confirmation_id__in=list(disputes))
    for confirmation_id, author_id in messages.order_by("created_at", "pk").values_list("confirmation_id", "author_id"):
        last_word[confirmation_id] = author_id
    return sum(who != access.user_id for who in last_word.values())


# ---------------------------------------------------------------- the person's own side


def _ledger_items(access: RepairAccess, led: Ledger) -> list[Item]:
    _, due = due_for(led, access.user_id, limit=0)
    if not due:
        return []
    return [_counted("check_ins", due, _url("trust_checkins", access))]


def _questionnaire_items(access: RepairAccess) -> list[Item]:
    return [
        Item(
            "questionnaire",
            f"{measures.label(inst)} is due (about every two weeks).",
            _url("trust_questionnaire", access, inst),
        )
        for inst in questionnaires_due(access)
    ]


def _journey_items(access: RepairAccess) -> list[Item]:
    progress = progress_for(access)
    if not progress.finished:
        step = load_track(access.role).step(progress.resume_slug)
        if step is None:
            return []
        return [Item("step", f"Next step: {step.number}. {step.title}", _url("step", access, step.slug))]
    if access.paused:
        return []
    if access.role == "offender" and not own(access, Commitment).exists():
        label = "You have walked every step. Next: turn what will change into a commitment you can check in on."
        return [Item("next", label, _url("trust_commitments", access))]
    if access.role == "hurt" and partner_of(access) is not None and not own(access, Confirmation).exists():
        label = "You have walked every step. Next: see the commitments and check-ins, and say what you notice."
        return [Item("next", label, _url("trust_dashboard", access))]
    return []


# ---------------------------------------------------------------- seen marks


def _share_keys(access: RepairAccess) -> set[str]:
    # A new revision of an answer is new to the reader; a version of the apology never changes.
    answers = {f"a{pk}.{rev}" for pk, rev in partner_shared_answers(access).values_list("pk", "revision")}
    return answers | {f"d{pk}" for pk in partner_shared_drafts(access).values_list("pk", flat=True)}


def _note_keys(access: RepairAccess) -> set[str]:
    return {f"n{pk}" for pk in shared_with_me(access, TransparencyNote).values_list("pk", flat=True)}


def _received_answers(access: RepairAccess) -> QuerySet[Answer]:
    return visible(access, Answer).filter(question__asked_by_id=access.user_id).exclude(author_id=access.user_id)


def _unseen_answers(access: RepairAccess) -> list[Answer]:
    seen = _seen(access, "answers")
    return [a for a in _received_answers(access) if f"q{a.pk}" not in seen]


def _seen(access: RepairAccess, what: str) -> set[str]:
    mark = SeenMark.objects.filter(membership=access.membership, what=what).first()
    return set(mark.keys) if mark else set()


def _unseen(access: RepairAccess, what: str, keys: set[str]) -> set[str]:
    return keys - _seen(access, what) if keys else set()


def _store(access: RepairAccess, what: str, keys: set[str], now: datetime | None) -> None:
    with transaction.atomic():
        mark, _ = SeenMark.objects.select_for_update().get_or_create(
            membership=access.membership, what=what, defaults={"seen_at": now or tokens.clock()}
        )
        mark.keys = sorted(keys)
        mark.seen_at = now or tokens.clock()
        mark.save(update_fields=["keys", "seen_at"])


def mark_shared_seen(access: RepairAccess, now: datetime | None = None) -> None:
    """The shared view was opened: everything the partner shares now has been seen."""
    # Only what is on screen now is kept, so the list never grows past what is shared.
    _store(access, "shared", _share_keys(access), now)


def mark_notes_seen(access: RepairAccess, now: datetime | None = None) -> None:
    _store(access, "notes", _note_keys(access), now)


def mark_answers_seen(access: RepairAccess, question: Question, now: datetime | None = None) -> None:
    """One question was opened: its answers have been read (answers to other questions stay new)."""
    if question.asked_by_id != access.user_id:
        return  # only the asker is told about answers
    keys = {f"q{pk}" for pk in _received_answers(access).values_list("pk", flat=True)}
    fresh = {f"q{pk}" for pk in _received_answers(access).filter(question=question).values_list("pk", flat=True)}
    _store(access, "answers", (_seen(access, "answers") & keys) | fresh, now)
