"""The JSON API: the coach and the safety scan, over the same engine as the CLI and the web pages."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from amends.coach.kinds import KINDS
from amends.coach.text import TextRejected
from amends.services.text_safety import check
from amends.web.access import own_space
from amends.web.api.auth import api_caller
from amends.web.api.schema import openapi_schema
from amends.web.partners.tokens import check_rate_limit

MAX_BODY = 64 * 1024
View = Callable[[HttpRequest], HttpResponse]


def error(status: int, code: str, message: str) -> JsonResponse:
    return JsonResponse({"error": code, "message": message}, status=status)


_AUTH_ERRORS: dict[str, Callable[[], JsonResponse]] = {
    "bad_token": lambda: error(
        401,
        "bad_token",
        "That API token is not valid: it was revoked, it expired, or your password changed. "
        "Create a new one on the Privacy page (/privacy/).",
    ),
    "unauthenticated": lambda: error(401, "unauthenticated", "Sign in, or send 'Authorization: Bearer <token>'."),
    "csrf": lambda: error(403, "csrf", "Session requests need the X-CSRFToken header."),
    "read_only": lambda: error(
        403,
        "read_only",
        "This token may only read. Create a read-and-write token on the Privacy page (/privacy/) to change data.",
    ),
}


def _rate_limited(user: Any, bucket: str) -> bool:
    return not check_rate_limit(f"user:{user.pk}", bucket)


def api_view(bucket: str | None = None) -> Callable[[View], View]:
    """Authenticate (bearer token, or session plus CSRF), rate-limit, and give JSON errors only."""

    def decorate(view: View) -> View:
        @csrf_exempt
        @wraps(view)
        def wrapper(request: HttpRequest) -> HttpResponse:
            if request.method != "POST":
                response = error(405, "method_not_allowed", "Use POST with a JSON body.")
                response["Allow"] = "POST"
                return response
            user, problem = api_caller(request)
            if problem is not None:
                return _AUTH_ERRORS[problem]()
            if bucket and _rate_limited(user, bucket):
                response = error(429, "rate_limited", "Too many requests. Wait a minute and try again.")
                response["Retry-After"] = "60"
                return response
            request.api_user = user  # type: ignore[attr-defined]
            return view(request)

        return wrapper

    return decorate


def _json_body(request: HttpRequest) -> dict[str, Any] | JsonResponse:
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY:
        return error(413, "too_large", f"The request body is over {MAX_BODY // 1024} KB. Send less text.")
    try:
        body = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return error(400, "bad_json", "The body must be a JSON object encoded as UTF-8.")
    if not isinstance(body, dict):
        return error(400, "bad_json", 'The body must be a JSON object, like {"text": "..."}.')
    return body


def _coach(kind: str) -> View:
    @api_view(bucket="coach")
    def view(request: HttpRequest) -> HttpResponse:
        body = _json_body(request)
        if isinstance(body, JsonResponse):
            return body
        spec = KINDS[kind]
        for field, _ in spec.fields:
            if field in body and body[field] is not None and not isinstance(body[field], str):
                return error(400, "bad_field", f"'{field}' must be a string.")
        try:
            result = spec.run(body)
        except TextRejected as exc:
            return error(422, exc.code, str(exc))
        except ValueError as exc:
            return error(400, "bad_field", str(exc).capitalize() + ".")
        if kind != "safety":  # crisis language in coached text is answered with the coach's report
            found = check(request.api_user.pk, str(body.get("text") or ""))  # type: ignore[attr-defined]
            result["safety"] = found.to_dict() if found else None
        return JsonResponse(result)

    view.__name__ = f"coach_{kind}"
    return view


coach_apology = own_space(_coach("apology"))
coach_emotions = own_space(_coach("emotions"))
coach_reply = own_space(_coach("reply"))
safety_scan = own_space(_coach("safety"))


@own_space
def openapi(request: HttpRequest) -> JsonResponse:
    return JsonResponse(openapi_schema())
