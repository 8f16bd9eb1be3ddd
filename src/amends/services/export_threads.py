"""The export's threads: commitments with their schedules and check-ins, each check-in with the partner's
response and the exchange under it; questions with their answers; notes and check-in scores."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from amends.services.export_scope import M, Scope, instrument_answers, instrument_name, instrument_result, iso, ref
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

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# ---------------------------------------------------------------- commitments, check-ins and their replies


def commitments(scope: Scope) -> list[dict[str, Any]]:
    commitments = list(scope.rows(Commitment).order_by("created_at", "pk"))
    ids = [c.pk for c in commitments]
    versions = _by(scope.rows(ScheduleVersion).filter(commitment_id__in=ids).order_by("effective_from", "pk"))
    check_ins = list(scope.rows(CheckIn).filter(commitment_id__in=ids).order_by("on", "pk"))
    confirmations = {c.check_in_id: c for c in scope.rows(Confirmation).filter(check_in__in=check_ins)}
    messages = _by(scope.rows(DisputeMessage).filter(confirmation__in=list(confirmations.values())), "confirmation_id")
    by_commitment: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for ci in check_ins:
        conf = confirmations.get(ci.pk)
        by_commitment[ci.commitment_id].append(
            {
                "ref": ref(ci),
                "on": iso(ci.on),
                "status": ci.status,
                "status_label": ci.get_status_display(),
                "note": ci.note,
                "recorded": iso(ci.recorded_at),
                "response": _confirmation(scope, conf, messages.get(conf.pk, [])) if conf else None,
            }
        )
    return [
        {
            "ref": ref(c),
            **scope.by(c),
            "text": c.text,
            "start": iso(c.start),
            "end": iso(c.end),
            "source": c.get_source_display(),
            "created": iso(c.created_at),
            "schedules": [_schedule(v) for v in versions.get(c.pk, [])],
            "check_ins": by_commitment[c.pk],
        }
        for c in commitments
    ]


def _by(rows: Iterable[M], attr: str = "commitment_id") -> dict[int, list[M]]:
    out: dict[int, list[M]] = defaultdict(list)
    for row in rows:
        out[getattr(row, attr)].append(row)
    return out


def _schedule(v: ScheduleVersion) -> dict[str, Any]:
    days = [WEEKDAYS[int(d)] for d in v.weekdays.split(",") if d.strip().isdigit() and int(d) < len(WEEKDAYS)]
    return {
        "ref": ref(v),
        "from": iso(v.effective_from),
        "kind": v.kind,
        "how_often": v.get_kind_display(),
        "days": days,
        "on": iso(v.on),
        "when": v.event,
        "text": v.text,
        "end": iso(v.end),
    }


def _confirmation(scope: Scope, conf: Confirmation, messages: list[DisputeMessage]) -> dict[str, Any]:
    return {
        "ref": ref(conf),
        **scope.by(conf),
        "verdict": conf.verdict,
        "verdict_label": conf.get_verdict_display(),
        "note": conf.note,
        "at": iso(conf.created_at),
        "messages": [_message(scope, m) for m in sorted(messages, key=lambda m: (m.created_at, m.pk))],
    }


def _message(scope: Scope, m: DisputeMessage) -> dict[str, Any]:
    return {"ref": ref(m), **scope.by(m), "text": m.text, "at": iso(m.created_at)}


def questions(scope: Scope) -> list[dict[str, Any]]:
    questions = list(scope.rows(Question).order_by("created_at", "pk"))
    answers = _by(scope.rows(Answer).filter(question__in=questions).order_by("created_at", "pk"), "question_id")
    return [
        {
            "ref": ref(q),
            **scope.by(q),
            "text": q.text,
            "status": q.get_status_display(),
            "answer_by": iso(q.answer_by),
            "asked": iso(q.created_at),
            "answers": [_answer(scope, a) for a in answers.get(q.pk, [])],
        }
        for q in questions
    ]


def _answer(scope: Scope, a: Answer) -> dict[str, Any]:
    return {"ref": ref(a), **scope.by(a), "text": a.text, "helped": a.get_helped_display(), "at": iso(a.created_at)}


def orphans(scope: Scope) -> list[dict[str, Any]]:
    """One's own replies to something no longer shown (the other person left, or the space is paused)."""
    shown_check_ins = scope.rows(CheckIn).values_list("pk", flat=True)
    shown_confirmations = scope.rows(Confirmation).filter(check_in__in=shown_check_ins).values_list("pk", flat=True)
    shown_questions = scope.rows(Question).values_list("pk", flat=True)
    confirmations = scope.mine(Confirmation).exclude(check_in__in=shown_check_ins)
    messages = scope.mine(DisputeMessage).exclude(confirmation__in=shown_confirmations)
    answers = scope.mine(Answer).exclude(question__in=shown_questions)
    return (
        [_orphan("Your response to a check-in", c, c.note, c.get_verdict_display()) for c in confirmations]
        + [_orphan("Your message about a check-in", m, m.text) for m in messages]
        + [_orphan("Your answer to a question", a, a.text) for a in answers]
    )


def _orphan(what: str, obj: Any, text: str, detail: str = "") -> dict[str, Any]:
    return {"what": what, "ref": ref(obj), "detail": detail, "text": text, "at": iso(obj.created_at)}


def note(scope: Scope, n: TransparencyNote) -> dict[str, Any]:
    return {"ref": ref(n), **scope.by(n), "text": n.text, "shared": n.shared, "at": iso(n.created_at)}


def score(scope: Scope, r: QuestionnaireResponse) -> dict[str, Any]:
    return {
        "ref": ref(r),
        **scope.by(r),
        "instrument": r.instrument,
        "name": instrument_name(r.instrument),
        "total": r.total,
        "headline": r.headline,
        "band": r.band,
        **instrument_result(r.instrument, r.band),
        "shared": r.shared,
        "answers": instrument_answers(r.instrument, r.answers) if r.user_id == scope.user_id else [],
        "taken": iso(r.taken_at),
    }
