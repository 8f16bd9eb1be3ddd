"""The one convention every JSON endpoint follows, in one decorator.

``api_view(methods=..., bucket=...)`` checks the method (405 with an Allow header), decides who is
calling (a bearer token, or a session that passed CSRF; a read-only token may not change data),
counts the request in the caller's rate-limit bucket, and turns every refusal into one error body::

    {"error": "<code>", "message": "<what to do>", "field": "<the field at fault, when there is one>"}

Bodies are read by one parser (``json_body``): a JSON object, or a plain form post whose values are
all strings; any other content type gets a 415 that says to send JSON. The decorator
records what it enforces on the view (``api_endpoint``), and the OpenAPI schema is built from that
record (amends.web.api.schema), so the schema and the behaviour cannot drift apart.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from amends.services.errors import InvalidInput, NotFound, Paused
from amends.services.tokens import check_rate_limit
from amends.web.api.auth import api_caller
from amends.web.middleware import paused_response

MAX_BODY = 64 * 1024
READS = ("GET", "HEAD")
FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")
View = Callable[..., HttpResponse]


class ApiError(Exception):
    """Raised anywhere under an ``api_view`` to answer with the one error body."""

    def __init__(self, status: int, code: str, message: str, field: str | None = None, **extra: Any) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.field, self.extra = status, code, message, field, extra


def error_response(status: int, code: str, message: str, field: str | None = None, **extra: Any) -> JsonResponse:
    body: dict[str, Any] = {"error": code, "message": message}
    if field is not None:
        body["field"] = field
    return JsonResponse({**body, **extra}, status=status)


_AUTH_ERRORS: dict[str, tuple[int, str]] = {
    "bad_token": (
        401,
        "That API token is not valid: it was revoked, it expired, or your password changed. "
        "Create a new one on the Privacy page (/privacy/).",
    ),
    "unauthenticated": (401, "Sign in, or send the header 'Authorization: Bearer <token>'."),
    "csrf": (403, "Requests with a session cookie need the X-CSRFToken header; programs can use a token instead."),
    "read_only": (
        403,
        "This token may only read. Create a read-and-write token on the Privacy page (/privacy/) to change data.",
    ),
}


@dataclass(frozen=True)
class Endpoint:
    """What ``api_view`` enforces for one view; the OpenAPI schema reads it."""

    methods: tuple[str, ...]
    bucket: str | None
    changes_data: bool
    errors: tuple[int, ...]  # statuses the view itself may answer with, beyond the decorator's own

    def statuses(self, method: str) -> list[int]:
        found = {401, 403, 405, 503, *self.errors}
        if method not in READS:
            found |= {400, 413, 415}
        if self.bucket:
            found.add(429)
        return sorted(found)


def api_view(
    methods: tuple[str, ...] = ("POST",),
    bucket: str | None = None,
    *,
    changes_data: bool = True,
    errors: tuple[int, ...] = (),
) -> Callable[[View], View]:
    """``changes_data=False`` marks an endpoint whose POST only computes an answer (the coach), which
    a read-only token may call."""
    endpoint = Endpoint(methods, bucket, changes_data, errors)

    def decorate(view: View) -> View:
        @csrf_exempt
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method not in methods:
                response = error_response(
                    405, "method_not_allowed", f"This address answers {' and '.join(methods)} only."
                )
                response["Allow"] = ", ".join(methods)
                return response
            writes = request.method not in READS
            user, problem = api_caller(request, check_csrf=writes, writes=writes and changes_data)
            if problem is not None:
                status, message = _AUTH_ERRORS[problem]
                return error_response(status, problem, message)
            if bucket and not check_rate_limit(f"user:{user.pk}", bucket):
                response = error_response(429, "rate_limited", "Too many requests. Wait a minute and try again.")
                response["Retry-After"] = "60"
                return response
            request.user = user
            try:
                return view(request, *args, **kwargs)
            except ApiError as exc:
                return error_response(exc.status, exc.code, exc.message, exc.field, **exc.extra)
            except (NotFound, Http404):
                return error_response(404, "not_found", "Nothing here for you. Check the ids in the address.")
            except Paused:
                return paused_response(request)  # the same neutral body whoever paused, token or session
            except InvalidInput as exc:
                missing = getattr(exc, "missing", None)
                extra = {"missing": list(missing)} if missing is not None else {}
                return error_response(400, "invalid", str(exc), exc.field, **extra)

        wrapper.api_endpoint = endpoint  # type: ignore[attr-defined]
        return wrapper

    return decorate


def json_body(request: HttpRequest) -> dict[str, Any]:
    """The request's fields: a JSON object, or a plain form post (every value a string), else an ApiError.

    JSON is the documented format. Form posts are read too, so ``curl -d text=...`` and a bare HTML
    form work, and a post of the wrong shape reaches the checks that answer 404 for someone else's
    item before any complaint about its body.
    """
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY:
        raise ApiError(413, "too_large", f"The request body is over {MAX_BODY // 1024} KB. Send less text.")
    if request.content_type in FORMS:
        return request.POST.dict()
    if request.content_type != "application/json":
        raise ApiError(415, "not_json", "Send a JSON object with the header 'Content-Type: application/json'.")
    try:
        body = json.loads(request.body.decode("utf-8") or "{}")
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ApiError(400, "bad_json", "The body must be a JSON object encoded as UTF-8.") from exc
    if not isinstance(body, dict):
        raise ApiError(400, "bad_json", 'The body must be a JSON object, like {"text": "..."}.')
    return body
