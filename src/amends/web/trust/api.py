"""Plain JSON endpoints for the trust use cases, under /api/repairs/<repair_id>/.

Authentication: a Bearer token (checked by the partners app's ``authenticate_api_request``
when it is installed) skips CSRF, because no cookie is involved; a browser session must send
the CSRF token like any form. Errors are JSON: 400 with ``error`` and ``field``, 404 for
anything this user may not see, 401 when not signed in.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from amends.services import trust as service
from amends.services import trust_queries as queries
from amends.services.errors import InvalidInput, NotFound, Paused
from amends.web.access import couple_space, repair_or_404
from amends.web.api.auth import api_caller
from amends.web.middleware import paused_response
from amends.web.safety_notice import safety_json
from amends.web.trust.models import CheckIn, Question

View = Callable[..., HttpResponse]


_AUTH_ERRORS = {
    "bad_token": "invalid or expired token",
    "unauthenticated": "sign in or send a Bearer token",
    "csrf": "CSRF token missing or wrong",
    "read_only": (
        "this token may only read; create a read-and-write token on the Privacy page (/privacy/) to change data"
    ),
}
_AUTH_STATUS = {"csrf": 403, "read_only": 403}


def api_view(methods: tuple[str, ...]) -> Callable[[View], View]:
    def decorate(view: View) -> View:
        @csrf_exempt
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method not in methods:
                return JsonResponse({"error": f"use {' or '.join(methods)}"}, status=405)
            changes = request.method not in ("GET", "HEAD")
            user, problem = api_caller(request, check_csrf=changes, bearer_only=True, writes=changes)
            if problem is not None:
                return JsonResponse({"error": _AUTH_ERRORS[problem]}, status=_AUTH_STATUS.get(problem, 401))
            request.user = user
            try:
                return view(request, *args, **kwargs)
            except (NotFound, Http404):
                return JsonResponse({"error": "not found"}, status=404)
            except Paused:
                return paused_response(request)  # the same neutral body whoever paused, token or session
            except InvalidInput as exc:
                return JsonResponse({"error": str(exc), "field": exc.field, **_extra(exc)}, status=400)

        return wrapper

    return decorate


def _extra(exc: InvalidInput) -> dict[str, Any]:
    missing = getattr(exc, "missing", None)
    return {"missing": list(missing)} if missing is not None else {}


def _body(request: HttpRequest) -> dict[str, Any]:
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body or b"{}")
        except ValueError as exc:
            raise InvalidInput("The body is not valid JSON.") from exc
        if not isinstance(data, dict):
            raise InvalidInput("Send a JSON object.")
        return data
    return request.POST.dict()


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
@api_view(("GET", "POST"))
def commitments(request: HttpRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    if request.method == "POST":
        d = _body(request)
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
@api_view(("GET", "POST"))
def check_ins(request: HttpRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    if request.method == "POST":
        d = _body(request)
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
@api_view(("POST",))
def confirmation(request: HttpRequest, repair_id: int, check_in_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    d = _body(request)
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
@api_view(("GET", "POST"))
def questions(request: HttpRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    if request.method == "POST":
        q = service.ask_question(access, str(_body(request).get("text", "")))
        return JsonResponse({"question": question_json(q), "safety": safety_json(q)}, status=201)
    rows = queries.visible_questions(access)
    return JsonResponse({"questions": [question_json(q) for q in rows]})


@couple_space
@api_view(("POST",))
def answers(request: HttpRequest, repair_id: int, question_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    d = _body(request)
    q = service.answer_question(
        access, question_id, str(d.get("text", "")), thinking_until=_date(d.get("answer_by"), "answer_by")
    )
    fresh = queries.visible_questions(access).get(pk=q.pk)
    return JsonResponse({"question": question_json(fresh), "safety": safety_json(q)})


@couple_space
@api_view(("GET",))
def dashboard_summary(request: HttpRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    led = queries.load_ledger(access)
    visible = {
        inst: [
            {"user": uid == access.user_id and "you" or "partner", "points": [[t.isoformat(), v] for t, v in pts]}
            for uid, pts in queries.series(access, inst).items()
        ]
        for inst in service.QUESTIONNAIRES
    }
    return JsonResponse(
        {
            "ledger": led.summary.to_dict(),
            "measures": visible,
            "reminders": [r["text"] for r in queries.reminders(access, led)],
        }
    )
