"""The JSON API: the coach and the safety scan, over the same engine as the CLI and the web pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse

from amends.coach.analyses import ANALYSES
from amends.coach.text import TextRejected
from amends.services.text_safety import check
from amends.web.access import own_space
from amends.web.api.decorators import ApiError, View, api_view, json_body
from amends.web.api.schema import openapi_schema
from amends.web.requests import AuthedRequest


def _coach(kind: str) -> View:
    # Asking the coach changes no data, so a read-only token may. The scan has its own, larger bucket:
    # a program checking each message before it is sent should not be starved by coaching.
    @api_view(methods=("POST",), bucket="safety" if kind == "safety" else "coach", changes_data=False, errors=(422,))
    def view(request: AuthedRequest) -> HttpResponse:
        body = json_body(request)
        spec = ANALYSES[kind]
        for field, _ in spec.fields:
            if field in body and body[field] is not None and not isinstance(body[field], str):
                raise ApiError(400, "bad_field", f"'{field}' must be a string.", field)
        try:
            result = spec.run(body)
        except TextRejected as exc:
            raise ApiError(422, exc.code, str(exc)) from exc
        except ValueError as exc:
            raise ApiError(400, "bad_field", str(exc).capitalize() + ".") from exc
        if kind != "safety":  # crisis language in coached text is answered with the coach's report
            found = check(request.user.pk, str(body.get("text") or ""))
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
