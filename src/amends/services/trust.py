"""Use cases for rebuilding trust: commitments, check-ins, confirmations, questions and notes.

The check-in scores (questionnaires) are in ``amends.services.questionnaires``.

Each function takes a ``RepairAccess`` (the caller's place in the repair) and plain values,
owns its transaction, and raises ``InvalidInput`` with a message a person can act on, or
``NotFound`` for anything this user may not know exists. The decisions themselves (when a
commitment is due, whether a check-in may be recorded, what a questionnaire scores) are
made by the pure core in ``amends.ledger`` and ``amends.measures``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from amends import ledger
from amends.coach.text import TextRejected
from amends.ledger.commitment_check import CommitmentReport, check_commitment, check_missed_note
from amends.limits import LIMITS, start_out_of_reach, too_long
from amends.services.access import (
    RepairAccess,
    get_own,
    get_visible,
    own,
    partner_membership,
    require_open,
    visible,
)
from amends.services.errors import InvalidInput, NotFound, check_length
from amends.services.ledger_past import history_changed
from amends.services.text_safety import SafetyCheck, check, scanned
from amends.web.accounts.models import Profile
from amends.web.repairs.models import Membership
from amends.web.trust.models import (
    Answer,
    CheckIn,
    Commitment,
    Confirmation,
    DisputeMessage,
    Question,
    ScheduleVersion,
    TransparencyNote,
)

MAX_DISPUTE_MESSAGES = 12  # a short exchange; longer talks belong in a conversation, not a ledger


# ---------------------------------------------------------------- helpers


def user_tz(user_id: int) -> str:
    tz = Profile.objects.filter(user_id=user_id).values_list("timezone", flat=True).first()
    return tz or "UTC"


def today_for(user_id: int) -> date:
    """The user's calendar date now, in their own time zone."""
    return ledger.local_date(timezone.now(), user_tz(user_id))


def partner_of(access: RepairAccess) -> Membership | None:
    return partner_membership(access)


def schedule_from(kind: str, weekdays: Iterable[int] = (), on: date | None = None, event: str = "") -> ledger.Schedule:
    try:
        if kind == "once":
            if on is None:
                raise InvalidInput("Pick the day this one-off commitment is due.", "on")
            return ledger.Schedule.once(on)
        if kind == "daily":
            return ledger.Schedule.daily()
        if kind == "weekly":
            return ledger.Schedule.weekly(*weekdays)
        if kind == "whenever":
            problem = too_long("commitment.event", event)
            if problem:
                raise InvalidInput(problem, "event")
            return ledger.Schedule.whenever(event)
    except ledger.ScheduleError as exc:
        raise InvalidInput(str(exc), "weekdays" if exc.code == "no_weekdays" else "event") from exc
    raise InvalidInput(
        "Choose how often this falls due: once, every day, on given days, or whenever something happens.", "kind"
    )


def _version_schedule(v: ScheduleVersion) -> ledger.Schedule:
    days = tuple(int(d) for d in v.weekdays.split(",") if d)
    return schedule_from(v.kind, days, v.on, v.event)


def to_domain(c: Commitment, versions: Iterable[ScheduleVersion] | None = None) -> ledger.Commitment:
    """The pure-core commitment, with its whole schedule history."""
    rows = list(versions if versions is not None else c.versions.all())
    return ledger.Commitment(
        str(c.pk), c.text, tuple(ledger.ScheduleVersion(v.effective_from, _version_schedule(v)) for v in rows), c.end
    )


def coach_commitment(text: str) -> CommitmentReport:
    """The commitment coach's report, or InvalidInput for text it cannot read."""

    try:
        return check_commitment(text)
    except TextRejected as exc:
        raise InvalidInput(str(exc), "text") from exc


def _own_commitment(access: RepairAccess, commitment_id: object, *, for_what: str) -> Commitment:
    c = _commitment_in_repair(access, commitment_id)
    if c.author_id != access.user_id:
        raise InvalidInput(
            f"This is your partner's commitment; only the person who made it can {for_what}.", "commitment"
        )
    return c


def _commitment_in_repair(access: RepairAccess, commitment_id: object) -> Commitment:
    return get_visible(access, Commitment, commitment_id, "commitment")


def _clean_text(text: str, limit: str, field_name: str = "text", *, required: bool = True) -> str:
    """Refuse, never cut: a text over its limit in amends.limits comes back with what to do."""
    text = (text or "").strip()
    problem = too_long(limit, text)
    if problem:
        raise InvalidInput(problem, field_name)
    return check_length(text, LIMITS[limit].label, required=required, field=field_name)


# ---------------------------------------------------------------- commitments


@dataclass(frozen=True)
class ScheduleInput:
    kind: str
    weekdays: tuple[int, ...] = ()
    on: date | None = None
    event: str = ""

    def schedule(self) -> ledger.Schedule:
        return schedule_from(self.kind, self.weekdays, self.on, self.event)

    def row_fields(self) -> dict[str, Any]:
        s = self.schedule()
        return {
            "kind": s.kind.value,
            "weekdays": ",".join(str(d) for d in sorted(s.weekdays)),
            "on": s.on,
            "event": s.event,
        }


def add_commitment(
    access: RepairAccess,
    *,
    text: str,
    schedule: ScheduleInput,
    start: date | None = None,
    end: date | None = None,
    source: str = "",
    today: date | None = None,
) -> Commitment:
    """Save a new commitment after the coach has read it. A surveillance promise is refused outright.

    It starts within a year of ``today`` (the author's today unless given), either way."""
    require_open(access)
    text = _clean_text(text, "commitment.text")
    _refuse_blocked(coach_commitment(text))
    today = today or today_for(access.user_id)
    start = start or today
    reach = start_out_of_reach(start, today)
    if reach:
        raise InvalidInput(reach, "start")
    fields = schedule.row_fields()
    _check_dates(schedule.schedule(), start, end)
    if source not in {"", "repair", "change"}:
        source = ""
    with transaction.atomic():
        c = Commitment.objects.create(
            repair=access.repair, author_id=access.user_id, text=text, start=start, end=end, source=source
        )
        ScheduleVersion.objects.create(commitment=c, effective_from=start, text=text, end=end, **fields)
        history_changed(c.repair_id, start, today_for(access.user_id))
    return scanned(c, access.user_id, text)


def edit_commitment(
    access: RepairAccess,
    commitment_id: object,
    *,
    text: str,
    schedule: ScheduleInput,
    effective_from: date | None = None,
    end: date | None = None,
) -> Commitment:
    """Change a commitment from a date on; days before it keep the schedule and wording they had."""
    require_open(access)
    text = _clean_text(text, "commitment.text")
    _refuse_blocked(coach_commitment(text))
    with transaction.atomic():
        c = _own_commitment(access, commitment_id, for_what="change it")
        c = Commitment.objects.select_for_update().get(pk=c.pk)
        versions = list(c.versions.all())
        when = max(effective_from or today_for(access.user_id), c.start)
        domain = to_domain(c, versions)
        try:
            domain.edit(schedule.schedule(), when)
            ledger.Commitment(domain.id, text, domain.versions, end)
        except ledger.ScheduleError as exc:
            raise InvalidInput(str(exc), "effective_from" if exc.code == "edit_backdated" else "end") from exc
        ScheduleVersion.objects.update_or_create(
            commitment=c, effective_from=when, defaults={"text": text, "end": end, **schedule.row_fields()}
        )
        # Days before the new schedule and before either end date keep their figures.
        history_changed(c.repair_id, min(d for d in (when, end, c.end) if d is not None), today_for(access.user_id))
        c.text, c.end, c.updated_at = text, end, timezone.now()
        c.save(update_fields=["text", "end", "updated_at"])
    return scanned(c, access.user_id, text)


def _refuse_blocked(report: CommitmentReport) -> None:
    if not report.allowed:
        blocked = next(f for f in report.findings if f.rule == "surveillance")
        raise InvalidInput(f"amends will not record this: {blocked.message} {blocked.suggestion}", "text")


def _check_dates(schedule: ledger.Schedule, start: date, end: date | None) -> None:
    if end is not None and end < start:
        raise InvalidInput("The end date is before the start date.", "end")
    if schedule.on is not None and schedule.on < start:
        raise InvalidInput("The day it is due is before the start date.", "on")


# ---------------------------------------------------------------- check-ins


@dataclass(frozen=True)
class CheckInResult:
    check_in: CheckIn
    created: bool
    changed: bool
    note_findings: tuple[dict[str, Any], ...] = field(default_factory=tuple)
    safety: SafetyCheck | None = None  # crisis language in the note, for the writer alone


def record_check_in(
    access: RepairAccess, commitment_id: object, *, on: date, status: str, note: str = ""
) -> CheckInResult:
    """Record kept/partly/missed for one due day. The same submission twice changes nothing."""
    require_open(access)
    if status not in {"kept", "partly", "missed"}:
        raise InvalidInput("Choose kept, partly or missed.", "status")
    note = _clean_text(note, "check_in.note", "note", required=False)
    c = _own_commitment(access, commitment_id, for_what="check in on it")
    tz = user_tz(access.user_id)
    try:
        ledger.validate_check_in(to_domain(c), on, timezone.now(), tz=tz)
    except ledger.CheckInRejected as exc:
        raise InvalidInput(str(exc), "on") from exc
    findings = _missed_note_findings(note) if status != "kept" and note else ()
    with transaction.atomic():
        row, created = _get_or_create_check_in(c, on, status, note)
        changed = not created and (row.status, row.note) != (status, note)
        if changed:
            if Confirmation.objects.filter(check_in=row).exists():
                raise InvalidInput(
                    "Your partner has already responded to this check-in, so it stays as it was. "
                    "Add to the conversation under it instead.",
                    "status",
                )
            row.status, row.note, row.updated_at = status, note, timezone.now()
            row.save(update_fields=["status", "note", "updated_at"])
        if created or changed:
            history_changed(c.repair_id, on, ledger.local_date(timezone.now(), tz))
    return CheckInResult(row, created, changed, findings, check(access.user_id, note))


def _get_or_create_check_in(c: Commitment, on: date, status: str, note: str) -> tuple[CheckIn, bool]:
    try:
        with transaction.atomic():
            return CheckIn.objects.select_for_update().get_or_create(
                commitment=c, on=on, defaults={"repair_id": c.repair_id, "status": status, "note": note}
            )
    except IntegrityError:  # a double submission raced us to the insert
        return CheckIn.objects.select_for_update().get(commitment=c, on=on), False


def _missed_note_findings(note: str) -> tuple[dict[str, Any], ...]:
    try:
        return tuple(f.to_dict() for f in check_missed_note(note))
    except TextRejected:  # a note the coach cannot read (too short, not English) simply gets no advice
        return ()


def _partners_check_in(access: RepairAccess, check_in_id: object) -> CheckIn:
    row = get_visible(access, CheckIn, check_in_id, "check-in")
    if row.commitment.author_id == access.user_id:
        raise InvalidInput("You can't confirm your own check-in; your partner confirms or disputes it.", "check_in")
    return row


def confirm_check_in(access: RepairAccess, check_in_id: object, note: str = "") -> Confirmation:
    """The partner agrees the check-in is right. Asking twice keeps one confirmation."""
    return _respond(access, check_in_id, "confirmed", note)


def dispute_check_in(access: RepairAccess, check_in_id: object, note: str = "") -> Confirmation:
    """The partner sees it differently. Their view is kept beside the check-in and opens a short exchange."""
    return _respond(access, check_in_id, "disputed", note)


def _respond(access: RepairAccess, check_in_id: object, verdict: str, note: str) -> Confirmation:
    require_open(access)
    note = _clean_text(note, "confirmation.note", "note", required=False)
    row = _partners_check_in(access, check_in_id)
    with transaction.atomic():
        conf, created = Confirmation.objects.get_or_create(
            check_in=row,
            defaults={"repair_id": row.repair_id, "partner_id": access.user_id, "verdict": verdict, "note": note},
        )
        if not created and (conf.verdict, conf.note) != (verdict, note or conf.note):
            if conf.verdict != verdict:
                history_changed(row.repair_id, row.on, today_for(access.user_id))
            conf.verdict, conf.note, conf.updated_at = verdict, note or conf.note, timezone.now()
            conf.save(update_fields=["verdict", "note", "updated_at"])
        elif created:
            history_changed(row.repair_id, row.on, today_for(access.user_id))
        if verdict == "disputed" and note and not conf.messages.filter(author_id=access.user_id, text=note).exists():
            DisputeMessage.objects.create(
                repair_id=conf.repair_id, confirmation=conf, author_id=access.user_id, text=note
            )
    return scanned(conf, access.user_id, note)


def add_dispute_message(access: RepairAccess, check_in_id: object, text: str) -> DisputeMessage:
    """Either partner adds to the exchange under a disputed check-in."""
    require_open(access)
    text = _clean_text(text, "dispute.message")
    check_in = get_visible(access, CheckIn, check_in_id, "dispute")
    conf = visible(access, Confirmation).filter(check_in=check_in).first()
    if conf is None:
        raise NotFound("no such dispute")
    if conf.verdict != "disputed":
        raise InvalidInput("This check-in was confirmed; there is nothing to talk through here.", "text")
    if conf.messages.count() >= MAX_DISPUTE_MESSAGES:
        raise InvalidInput(
            "This exchange is already long. It may be easier to talk it through together, or with a counsellor.", "text"
        )
    last = conf.messages.order_by("-created_at", "-pk").first()
    if last is not None and last.author_id == access.user_id and last.text == text:
        return scanned(last, access.user_id, text)  # the same message sent twice
    message = DisputeMessage.objects.create(
        repair_id=conf.repair_id, confirmation=conf, author_id=access.user_id, text=text
    )
    return scanned(message, access.user_id, text)


# ---------------------------------------------------------------- questions and answers


def ask_question(access: RepairAccess, text: str) -> Question:
    """The hurt partner asks a question; the person who made the mistake answers it."""
    require_open(access)
    if access.role != "hurt":
        raise InvalidInput("Questions here are asked by the partner who was hurt, and answered by you.", "text")
    text = _clean_text(text, "question.text")
    recent = own(access, Question).filter(text=text).first()
    if recent is not None:
        return scanned(recent, access.user_id, text)  # double submission
    q = Question.objects.create(repair=access.repair, asked_by_id=access.user_id, text=text)
    return scanned(q, access.user_id, text)


def _question(access: RepairAccess, question_id: object) -> Question:
    return get_visible(access, Question, question_id, "question")


def answer_question(
    access: RepairAccess, question_id: object, text: str = "", *, thinking_until: date | None = None
) -> Question:
    """Answer, or say "I need to think; I will answer by DATE". The asker can't answer their own question."""
    require_open(access)
    q = _question(access, question_id)
    if q.asked_by_id == access.user_id:
        raise InvalidInput("This is your own question; your partner answers it.", "text")
    now = timezone.now()
    if thinking_until is not None and not (text or "").strip():
        if thinking_until < today_for(access.user_id):
            raise InvalidInput("Pick a day from today on for when you will answer.", "answer_by")
        q.status, q.answer_by, q.updated_at = "thinking", thinking_until, now
        q.save(update_fields=["status", "answer_by", "updated_at"])
        return scanned(q, access.user_id)
    text = _clean_text(text, "answer.text")
    with transaction.atomic():
        last = q.answers.order_by("-created_at", "-pk").first()
        if last is None or last.text != text:
            Answer.objects.create(question=q, author_id=access.user_id, text=text)
        q.status, q.answer_by, q.updated_at = "answered", None, now
        q.save(update_fields=["status", "answer_by", "updated_at"])
    return scanned(q, access.user_id, text)


def mark_answer(access: RepairAccess, answer_id: object, helped: str, follow_up: str = "") -> Answer:
    """The asker says "this helped" or "I still have questions".

    "I still have questions" reopens the question; with ``follow_up`` written, that text is asked
    as a new question instead, so what is still unclear is waiting in the asker's own words.
    """
    require_open(access)
    if helped not in {"helped", "more"}:
        raise InvalidInput("Choose “this helped” or “I still have questions”.", "helped")
    a = get_visible(access, Answer, answer_id, "answer")
    if a.question.asked_by_id != access.user_id:
        raise InvalidInput("Only the person who asked can say whether the answer helped.", "helped")
    follow_up = follow_up.strip() if helped == "more" else ""
    with transaction.atomic():
        a.helped = helped
        a.save(update_fields=["helped"])
        q = a.question
        q.status = "waiting" if helped == "more" and not follow_up else "answered"
        q.updated_at = timezone.now()
        q.save(update_fields=["status", "updated_at"])
        if follow_up:
            ask_question(access, follow_up)  # checks its length; refused, nothing above is kept
    return scanned(a, access.user_id, follow_up) if follow_up else a


# ---------------------------------------------------------------- transparency notes


def add_transparency_note(access: RepairAccess, text: str, *, shared: bool = False) -> TransparencyNote:
    """A voluntary note, private until its writer shares it. amends collects nothing for it (no location,
    no device data)."""
    if shared:
        require_open(access)
    text = _clean_text(text, "transparency_note.text")
    last = own(access, TransparencyNote).first()
    if last is not None and last.text == text and last.shared == shared:
        return scanned(last, access.user_id, text)
    note = TransparencyNote.objects.create(repair=access.repair, author_id=access.user_id, text=text, shared=shared)
    return scanned(note, access.user_id, text)


def set_note_shared(access: RepairAccess, note_id: object, shared: bool) -> TransparencyNote:
    """Share one of your own notes with your partner, or make it private again."""
    note = get_own(access, TransparencyNote, note_id, "note")
    if shared:
        require_open(access)
    if note.shared != shared:
        note.shared = shared
        note.save(update_fields=["shared"])
    return note


def delete_transparency_note(access: RepairAccess, note_id: object) -> None:
    """Delete one of your own notes. Nobody else can delete it, and it is gone for both of you."""
    get_own(access, TransparencyNote, note_id, "note").delete()
