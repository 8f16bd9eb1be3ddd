"""Plain JSON endpoints for the trust use cases, under /api/repairs/<repair_id>/.

Authentication, methods, JSON bodies, rate limits and the error body are the one convention of
``amends.web.api.decorators.api_view``: 400 names the ``field`` at fault, 404 covers anything this
user may not see, 423 answers a paused repair. Every call counts in the "api" bucket.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpResponse, JsonResponse

from amends.services import questionnaires
from amends.services import trust as service
from amends.services import trust_queries as queries
from amends.services.errors import InvalidInput
from amends.services.waiting import waiting_in
from amends.web.access import couple_space, repair_or_404
from amends.web.api.decorators import api_view, json_body
from amends.web.requests import AuthedRequest
from amends.web.safety_notice import safety_json
from amends.web.trust.models import CheckIn, Question


def _weekdays(value: Any) -> tuple[int, ...]:
    if value in (None, ""):
        return ()
    items = value if isinstance(value, list) else str(value).split(",")
    try:
        days = tuple(int(str(x).strip()) for x in items)
    except ValueError as exc:
        raise InvalidInput("weekdays must be a list of numbers, 0 for Monday to 6 for Sunday.", "weekdays") from exc
    if any(not 0 <= d <= 6 for d in days):
        raise InvalidInput("weekdays must be between 0 (Monday) and 6 (Sunday).", "weekdays")
    return days


def _date(value: Any, field: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise InvalidInput(f"{field} must be a date like 2025-06-30.", field) from exc


def commitment_json(c: Any, consistency: Any = None) -> dict[str, Any]:
    out = {
        "id": c.pk,
        "text": c.text,
        "author": c.author.get_username(),
        "start": c.start.isoformat(),
        "end": c.end.isoformat() if c.end else None,
        "source": c.source,
    }
    if consistency is not None:
        out["consistency"] = consistency.to_dict()
    return out


def check_in_json(row: CheckIn) -> dict[str, Any]:
    conf = getattr(row, "confirmation", None)
    return {
        "id": row.pk,
        "commitment": row.commitment_id,
        "on": row.on.isoformat(),
        "status": row.status,
        "note": row.note,
        "confirmation": {"verdict": conf.verdict, "note": conf.note} if conf else None,
    }


@couple_space
@api_view(methods=("GET", "POST"), bucket="api", errors=(404, 423))
def commitments(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    if request.method == "POST":
        d = json_body(request)
        schedule = service.ScheduleInput(
            str(d.get("kind", "daily")),
            _weekdays(d.get("weekdays")),
            _date(d.get("on"), "on"),
            str(d.get("event", "")),
        )
        c = service.add_commitment(
            access,
            text=str(d.get("text", "")),
            schedule=schedule,
            start=_date(d.get("start"), "start"),
            end=_date(d.get("end"), "end"),
        )
        report = service.coach_commitment(c.text).to_dict()
        return JsonResponse({"commitment": commitment_json(c), "coach": report, "safety": safety_json(c)}, status=201)
    led = queries.load_ledger(access)
    rows = [commitment_json(r, s) for r, s in zip(led.rows, led.summary.commitments, strict=True)]
    return JsonResponse({"commitments": rows, "today": led.today.isoformat()})


@couple_space
@api_view(methods=("GET", "POST"), bucket="api", errors=(404, 423))
def check_ins(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    if request.method == "POST":
        d = json_body(request)
        on = _date(d.get("on"), "on")
        if on is None:
            raise InvalidInput("Say which day this check-in is for (on).", "on")
        r = service.record_check_in(
            access, d.get("commitment"), on=on, status=str(d.get("status", "")), note=str(d.get("note", ""))
        )
        body = {
            "check_in": check_in_json(r.check_in),
            "created": r.created,
            "changed": r.changed,
            "note_findings": list(r.note_findings),
            "safety": r.safety.to_dict() if r.safety else None,
        }
        return JsonResponse(body, status=201 if r.created else 200)
    led = queries.load_ledger(access)
    due, total = queries.due_for(led, access.user_id)
    return JsonResponse(
        {
            "recent": [check_in_json(c) for c in queries.recent_check_ins(access, 100)],
            "due": [{"commitment": d.commitment.pk, "on": d.on.isoformat(), "overdue": d.overdue} for d in due],
            "due_total": total,
        }
    )


@couple_space
@api_view(methods=("POST",), bucket="api", errors=(404, 423))
def confirmation(request: AuthedRequest, repair_id: int, check_in_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    d = json_body(request)
    verdict = str(d.get("verdict", ""))
    if verdict not in {"confirmed", "disputed"}:
        raise InvalidInput("verdict must be confirmed or disputed.", "verdict")
    respond = service.confirm_check_in if verdict == "confirmed" else service.dispute_check_in
    conf = respond(access, check_in_id, str(d.get("note", "")))
    return JsonResponse(
        {"check_in": check_in_id, "verdict": conf.verdict, "note": conf.note, "safety": safety_json(conf)}
    )


def question_json(q: Question) -> dict[str, Any]:
    return {
        "id": q.pk,
        "text": q.text,
        "status": q.status,
        "asked_by": q.asked_by.get_username(),
        "answer_by": q.answer_by.isoformat() if q.answer_by else None,
        "created_at": q.created_at.isoformat(),
        "answers": [
            {"id": a.pk, "text": a.text, "helped": a.helped or None, "created_at": a.created_at.isoformat()}
            for a in q.answers.all()
        ],
    }


@couple_space
@api_view(methods=("GET", "POST"), bucket="api", errors=(404, 423))
def questions(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    if request.method == "POST":
        q = service.ask_question(access, str(json_body(request).get("text", "")))
        return JsonResponse({"question": question_json(q), "safety": safety_json(q)}, status=201)
    rows = queries.visible_questions(access)
    return JsonResponse({"questions": [question_json(q) for q in rows]})


@couple_space
@api_view(methods=("POST",), bucket="api", errors=(404, 423))
def answers(request: AuthedRequest, repair_id: int, question_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    d = json_body(request)
    q = service.answer_question(
        access, question_id, str(d.get("text", "")), thinking_until=_date(d.get("answer_by"), "answer_by")
    )
    fresh = queries.visible_questions(access).get(pk=q.pk)
    return JsonResponse({"question": question_json(fresh), "safety": safety_json(q)})


@couple_space
@api_view(methods=("GET",), bucket="api", errors=(404, 423))
def dashboard_summary(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    led = queries.load_ledger(access)
    visible = {
        inst: [
            {"user": uid == access.user_id and "you" or "partner", "points": [[t.isoformat(), v] for t, v in pts]}
            for uid, pts in queries.series(access, inst).items()
        ]
        for inst in questionnaires.QUESTIONNAIRES
    }
    return JsonResponse(
        {
            "ledger": led.summary.to_dict(),
            "measures": visible,
            "reminders": [item.label for item in waiting_in(access, led)],
        }
    )
