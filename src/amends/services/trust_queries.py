"""Read side of the trust feature: what a member may see, loaded once per request and computed by the core.

What a member may see is decided by ``amends.services.access`` (``visible``, ``own``...), never
here: commitments, check-ins, confirmations, dispute messages, questions and answers are shared
by nature, notes and check-in scores only when their author shares them, nothing of anyone who
has left, and only one's own items while the repair is paused. Screening results live in the
safety app and never appear here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone

from amends import ledger
from amends.journey.incidents import incident_kind
from amends.ledger import window
from amends.measures.words import score_in_words
from amends.services import days
from amends.services.access import RepairAccess, own, shared_with_me, visible
from amends.services.incidents import visible_incidents
from amends.services.ledger_past import recent_ledger
from amends.services.questionnaires import QUESTIONNAIRES, instruments_for
from amends.services.trust import to_domain, today_for
from amends.web.repairs.models import ApologyDraft
from amends.web.trust.models import (
    Answer,
    CheckIn,
    Commitment,
    Confirmation,
    DisputeMessage,
    Question,
    QuestionnaireResponse,
    ScheduleVersion,
    TransparencyNote,
)

QUESTIONNAIRE_EVERY_DAYS = 14  # "every week or two": reminded once two weeks have passed


@dataclass
class Ledger:
    """A repair's commitments as rows and as pure-core values, with the check-ins the pages show.

    ``index`` holds only the check-ins after ``past.through`` (``amends.ledger.window``), the
    stored near Past: the streaks, unrecorded days, heatmap cells and the windows' days up to that
    date come from ``past``. Made once per request, kept nowhere.
    """

    rows: list[Commitment]
    domain: list[ledger.Commitment]
    index: dict[str, dict[date, ledger.CheckIn]]
    past: window.Past
    today: date
    by_id: dict[str, Commitment] = field(default_factory=dict)
    unanswered: dict[str, int] = field(default_factory=dict)  # per commitment, in all its history
    memo: dict[Any, Any] = field(default_factory=dict)

    @cached_property
    def summary(self) -> ledger.LedgerSummary:
        return window.summarize_recent(self.domain, self.index, self.past, today=self.today)

    def cached(self, key: Any, compute: Any) -> Any:
        """Derived values (due lists, heatmap cells, charts) computed once per request."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    def awaiting_answer(self, user_id: int) -> int:
        """How many check-ins of others' commitments (``shared_with_me``) have no answer from the partner yet."""
        return sum(self.unanswered.get(str(r.pk), 0) for r in self.rows if r.author_id != user_id)

    def mine(self, user_id: int) -> list[ledger.Commitment]:
        return [d for d, r in zip(self.domain, self.rows, strict=True) if r.author_id == user_id]

    def calendar(self, start: date, end: date) -> list[tuple[date, ledger.DayState]]:
        """Heatmap cells from ``start`` (at most a year back) to ``end``."""
        return window.calendar_cells(self.domain, self.index, self.past, start=start, end=end, today=self.today)


def load_ledger(access: RepairAccess, today: date | None = None) -> Ledger:
    """The repair's ledger as this member may see it: commitments, and the check-ins the pages show.

    The same five queries however long the repair has lasted: the commitments, their schedules, the
    revisions and the stored Pasts (``amends.services.ledger_past``), and the check-ins after the
    near Past (one indexed range on (commitment, day), 9 to 14 days). Without a current near Past
    (a first view, or a write that reached back into the closed history) more is read once and the
    Pasts are stored for the next request.
    """
    rows = list(visible(access, Commitment).select_related("author"))
    day = today or today_for(access.user_id)
    versions: dict[int, list[ScheduleVersion]] = {}
    for v in visible(access, ScheduleVersion).order_by("effective_from", "pk"):
        versions.setdefault(v.commitment_id, []).append(v)
    domain = [to_domain(r, versions.get(r.pk, [])) for r in rows]
    past, index, unanswered = recent_ledger(access.repair.pk, access.visible_authors, domain, day)
    return Ledger(rows, domain, index, past, day, {str(r.pk): r for r in rows}, unanswered)


# ---------------------------------------------------------------- due occurrences


@dataclass(frozen=True)
class Due:
    commitment: Commitment
    on: date
    overdue: bool


def due_for(led: Ledger, user_id: int, *, limit: int = window.KEEP_UNRECORDED) -> tuple[list[Due], int]:
    """Unrecorded occurrences of the user's fixed-schedule commitments, newest first, and how many in all."""
    if limit > window.KEEP_UNRECORDED:
        raise ValueError(f"the due list keeps the newest {window.KEEP_UNRECORDED} days")
    out, total = led.cached(("due", user_id), lambda: _all_due(led, user_id))
    return out[:limit], total


def _all_due(led: Ledger, user_id: int) -> tuple[list[Due], int]:
    days, total = window.unrecorded(led.mine(user_id), led.index, led.past, today=led.today)
    newest = sorted(((day, int(cid)) for day, cid in days), reverse=True)[: window.KEEP_UNRECORDED]
    return [Due(led.by_id[str(pk)], day, day < led.today) for day, pk in newest], total


def event_commitments(led: Ledger, user_id: int) -> list[Commitment]:
    """The user's "whenever X happens" commitments in force today: checked in when X happens."""
    out = []
    for d in led.mine(user_id):
        s = d.schedule_on(led.today)
        if s is not None and s.event_driven:
            out.append(led.by_id[d.id])
    return out


def awaiting_confirmation(access: RepairAccess, limit: int = 50) -> tuple[list[CheckIn], int]:
    qs = shared_with_me(access, CheckIn).filter(confirmation__isnull=True)
    return list(qs.select_related("commitment").order_by("-on", "-pk")[:limit]), qs.count()


def recent_check_ins(access: RepairAccess, limit: int = 30) -> list[CheckIn]:
    qs = visible(access, CheckIn).select_related("commitment", "commitment__author")
    return list(qs.prefetch_related(visible_confirmations(access)).order_by("-on", "-pk")[:limit])


def visible_confirmations(access: RepairAccess) -> Prefetch:
    """``check_in.confirmation`` as the access rule allows: absent when its writer may not be seen."""
    return Prefetch("confirmation", queryset=visible(access, Confirmation))


DISPUTES_SHOWN = 20  # the confirm page lists the latest disputes; the waiting list counts among the same


def disputed(access: RepairAccess, limit: int = DISPUTES_SHOWN) -> list[Confirmation]:
    """The latest disputes, newest first (by when they were disputed, which an index serves)."""
    qs = visible(access, Confirmation).filter(verdict="disputed")
    messages = Prefetch("messages", queryset=visible(access, DisputeMessage).select_related("author"))
    return list(
        qs.select_related("check_in", "check_in__commitment", "partner")
        .prefetch_related(messages)
        .order_by("-created_at")[:limit]
    )


def visible_questions(access: RepairAccess) -> Any:
    """The questions this member may see, each with the answers they may see."""
    answers = Prefetch("answers", queryset=visible(access, Answer))
    return visible(access, Question).select_related("asked_by").prefetch_related(answers)


# ---------------------------------------------------------------- questionnaires


def visible_responses(access: RepairAccess) -> Any:
    return visible(access, QuestionnaireResponse)


def series(
    access: RepairAccess, instrument: str, since: datetime | None = None
) -> dict[int, list[tuple[datetime, float]]]:
    """Headline values over time per visible author, oldest first; only those taken at or after ``since``."""
    out: dict[int, list[tuple[datetime, float]]] = {}
    responses = visible_responses(access).filter(instrument=instrument)
    if since is not None:
        responses = responses.filter(taken_at__gte=since)  # the (repair, user, instrument, taken_at) index
    rows = responses.order_by("taken_at").values_list("user_id", "taken_at", "headline")
    for uid, when, value in rows:
        if value is not None:
            out.setdefault(uid, []).append((when, value))
    return out


def questionnaires_due(access: RepairAccess) -> list[str]:
    since = timezone.now() - timedelta(days=QUESTIONNAIRE_EVERY_DAYS)
    taken = set(
        own(access, QuestionnaireResponse).filter(taken_at__gte=since).values_list("instrument", flat=True).distinct()
    )
    return [i for i in instruments_for(access.role) if i not in taken]


def direction(values: list[float], *, span: int = 4, delta: float = 0.5) -> str:
    """ "up", "down", "steady" or "" (too few answers) comparing the last ``span`` answers with the ones before."""
    if len(values) < 2 * span:
        return ""
    recent = sum(values[-span:]) / span
    before = sum(values[-2 * span : -span]) / span
    return "up" if recent - before >= delta else "down" if before - recent >= delta else "steady"


# ---------------------------------------------------------------- timeline

TIMELINE_FILTERS = {
    "commitments": "Commitments",
    "checkins": "Check-ins",
    "confirmations": "Confirmations and disputes",
    "questions": "Questions and answers",
    "notes": "Transparency notes",
    "scores": "Check-in scores",
    "apology": "Apology",
    "incidents": "When it happened again",
}
PAGE = 50


@dataclass(frozen=True)
class Event:
    at: datetime
    kind: str
    who: int | None
    title: str
    text: str = ""
    detail: str = ""
    private: bool = False


def timeline(
    access: RepairAccess,
    *,
    kinds: set[str] | None = None,
    who: str = "all",
    before: datetime | None = None,
    limit: int = PAGE,
) -> tuple[list[Event], datetime | None]:
    """One page of events, newest first, from every source this user may see; and the cursor for the next page."""
    kinds = kinds or set(TIMELINE_FILTERS)
    before = before or timezone.now() + timedelta(days=1)
    events: list[Event] = []
    for kind in kinds & set(TIMELINE_FILTERS):
        events.extend(_SOURCES[kind](access, before, limit + 1))
    if who in {"me", "partner"}:
        mine = who == "me"
        events = [e for e in events if (e.who == access.user_id) == mine]
    events.sort(key=lambda e: e.at, reverse=True)
    page = events[:limit]
    more = len(events) > limit
    return page, (page[-1].at if more and page else None)


def _commitment_events(access: RepairAccess, before: datetime, n: int) -> list[Event]:
    rows = visible(access, ScheduleVersion).filter(created_at__lt=before).select_related("commitment")
    out = []
    for v in rows.order_by("-created_at")[:n]:
        first = v.effective_from == v.commitment.start and v.created_at - v.commitment.created_at < timedelta(seconds=5)
        title = "Made a commitment" if first else f"Changed a commitment from {days.day(v.effective_from)}"
        out.append(Event(v.created_at, "commitments", v.commitment.author_id, title, v.text))
    return out


def _check_in_events(access: RepairAccess, before: datetime, n: int) -> list[Event]:
    rows = visible(access, CheckIn).filter(recorded_at__lt=before).select_related("commitment")
    return [
        Event(
            c.recorded_at,
            "checkins",
            c.commitment.author_id,
            f"Checked in for {days.weekday(c.on)}: {c.get_status_display().lower()}",
            c.commitment.text,
            c.note,
        )
        for c in rows.order_by("-recorded_at")[:n]
    ]


def _confirmation_events(access: RepairAccess, before: datetime, n: int) -> list[Event]:
    rows = visible(access, Confirmation).filter(created_at__lt=before).select_related("check_in__commitment")
    out = [
        Event(
            c.created_at,
            "confirmations",
            c.partner_id,
            f"{c.get_verdict_display()} the check-in for {days.weekday(c.check_in.on)}",
            c.check_in.commitment.text,
            c.note,
        )
        for c in rows.order_by("-created_at")[:n]
    ]
    msgs = visible(access, DisputeMessage).filter(created_at__lt=before)
    out += [
        Event(m.created_at, "confirmations", m.author_id, "Added to a dispute", m.text)
        for m in msgs.order_by("-created_at")[:n]
    ]
    return out


def _question_events(access: RepairAccess, before: datetime, n: int) -> list[Event]:
    qs = visible(access, Question).filter(created_at__lt=before).order_by("-created_at")[:n]
    out = [Event(q.created_at, "questions", q.asked_by_id, "Asked a question", q.text) for q in qs]
    answers = visible(access, Answer).filter(created_at__lt=before).select_related("question")
    out += [
        Event(
            a.created_at,
            "questions",
            a.author_id,
            "Answered a question",
            a.text,
            a.get_helped_display() if a.helped else "",
        )
        for a in answers.order_by("-created_at")[:n]
    ]
    return out


def _note_events(access: RepairAccess, before: datetime, n: int) -> list[Event]:
    rows = visible(access, TransparencyNote).filter(created_at__lt=before)
    return [
        Event(t.created_at, "notes", t.author_id, "Wrote a transparency note", t.text, private=not t.shared)
        for t in rows.order_by("-created_at")[:n]
    ]


def _score_events(access: RepairAccess, before: datetime, n: int) -> list[Event]:
    rows = visible_responses(access).filter(taken_at__lt=before).order_by("-taken_at")[:n]
    return [
        Event(
            r.taken_at,
            "scores",
            r.user_id,
            f"{r.get_instrument_display()}: {_fmt(r.headline)}",
            detail=_score_detail(r),
            private=not r.shared,
        )
        for r in rows
    ]


def _score_detail(r: QuestionnaireResponse) -> str:
    return score_in_words(r.instrument, r.headline, r.total)


def _apology_events(access: RepairAccess, before: datetime, n: int) -> list[Event]:
    rows = visible(access, ApologyDraft).filter(shared=True, created_at__lt=before).order_by("-created_at")[:n]
    return [
        Event(d.created_at, "apology", d.author_id, f"Shared the apology (version {d.version})", d.text) for d in rows
    ]


def _incident_events(access: RepairAccess, before: datetime, n: int) -> list[Event]:
    rows = visible_incidents(access).filter(recorded_at__lt=before).order_by("-recorded_at")[:n]
    return [
        Event(
            i.recorded_at,
            "incidents",
            i.author_id,
            _incident_title(i.kind),
            i.note,
            f"On {days.weekday(i.happened_on)}",
            private=not i.shared,
        )
        for i in rows
    ]


def _incident_title(kind: str) -> str:
    found = incident_kind(kind)
    return found.event if found else "Recorded an incident"


def _fmt(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:g}"


_SOURCES = {
    "commitments": _commitment_events,
    "checkins": _check_in_events,
    "confirmations": _confirmation_events,
    "questions": _question_events,
    "notes": _note_events,
    "scores": _score_events,
    "apology": _apology_events,
    "incidents": _incident_events,
}


def month_rows(cells: list[tuple[date, ledger.DayState]]) -> list[dict[str, Any]]:
    """The heatmap as a table: per month, how many days were in each state."""
    out: dict[str, dict[str, Any]] = {}
    for d, state in cells:
        row = out.setdefault(
            f"{d:%Y-%m}",
            {"month": f"{d:%B %Y}", "kept": 0, "partly": 0, "missed": 0, "disputed": 0, "overdue": 0, "pending": 0},
        )
        if state.value in row:
            row[state.value] += 1
    return list(out.values())


__all__ = ["QUESTIONNAIRES", "Ledger", "load_ledger", "due_for", "timeline", "series", "direction"]
