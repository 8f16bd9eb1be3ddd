from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

APOLOGY = "I'm sorry I missed your birthday dinner. I was wrong not to call, and I know you felt forgotten."


def _post(client: Client, path: str, body: Any, **extra: Any) -> Any:
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(path, data=data, content_type="application/json", **extra)


def test_apology_endpoint_returns_the_report_contract(as_alice: Client) -> None:
    response = _post(as_alice, "/api/coach/apology", {"text": APOLOGY, "mistake": "missed the birthday dinner"})
    assert response.status_code == 200
    report = response.json()
    assert report["kind"] == "apology" and report["text"] == APOLOGY
    assert report["verdict"] in {"strong", "partial", "non_apology", "no_apology"}
    assert set(report["elements"]) >= {"remorse", "responsibility", "specificity", "impact", "repair", "change"}
    for element in report["elements"].values():
        for start, end in element["spans"]:
            assert 0 <= start < end <= len(APOLOGY)


def test_conditional_apology_is_flagged_with_its_span(as_alice: Client) -> None:
    text = "I'm sorry if you were hurt by what I said."
    report = _post(as_alice, "/api/coach/apology", {"text": text}).json()
    conditional = [f for f in report["findings"] if f["rule"] == "conditional"]
    assert conditional
    start, end = conditional[0]["span"]
    assert "if" in text[start:end].split() and start >= text.index("sorry")


def test_anonymous_requests_are_refused_with_json(as_anon: Client, db: Any) -> None:
    response = _post(as_anon, "/api/coach/apology", {"text": APOLOGY})
    assert response.status_code == 401 and response.json()["error"] == "unauthenticated"


def test_session_requests_need_csrf(alice: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = _post(client, "/api/coach/apology", {"text": APOLOGY})
    assert response.status_code == 403 and response.json()["error"] == "csrf"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ("{not json", 400, "bad_json"),
        ("[1, 2]", 400, "bad_json"),
        ({"text": 5}, 400, "bad_field"),
        ({}, 400, "bad_field"),
        ({"text": "   "}, 422, "empty"),
        ({"text": "x " * 10_001}, 422, "too_long"),
        ({"text": "Je suis vraiment désolé de ne pas être venu à ton anniversaire hier soir."}, 422, "not_english"),
    ],
)
def test_bad_bodies_get_clear_errors(as_alice: Client, body: Any, status: int, code: str) -> None:
    response = _post(as_alice, "/api/coach/apology", body)
    assert response.status_code == status, response.content
    assert response.json()["error"] == code and response.json()["message"]


def test_oversized_body_is_refused(as_alice: Client) -> None:
    response = _post(as_alice, "/api/coach/apology", {"text": "a" * 70_000})
    assert response.status_code == 413


def test_get_is_not_allowed(as_alice: Client) -> None:
    assert as_alice.get("/api/coach/apology").status_code == 405


def test_openapi_schema_lists_the_coach_endpoints(db: Any) -> None:
    schema = Client().get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/coach/apology", "/api/coach/emotions", "/api/coach/reply", "/api/safety/scan"} <= set(schema["paths"])


def test_a_personal_token_authenticates_without_csrf(alice: Any) -> None:
    from amends.services.tokens import create_api_token

    _, token = create_api_token(alice, "laptop")
    client = Client(enforce_csrf_checks=True)
    response = _post(client, "/api/coach/apology", {"text": APOLOGY}, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200 and response.json()["kind"] == "apology"
    bad = _post(client, "/api/coach/apology", {"text": APOLOGY}, HTTP_AUTHORIZATION="Bearer amd_not-a-token")
    assert bad.status_code == 401 and bad.json()["error"] == "bad_token"


def test_coach_endpoints_are_rate_limited_per_user(as_alice: Client, settings: Any, frozen_rate_clock: Any) -> None:
    settings.AMENDS_RATE_LIMITS = {"coach": (3, 60)}
    codes = [_post(as_alice, "/api/coach/apology", {"text": APOLOGY}).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    frozen_rate_clock.advance(60)  # the next window: allowed again
    assert _post(as_alice, "/api/coach/apology", {"text": APOLOGY}).status_code == 200


def test_unknown_api_paths_answer_in_json(as_alice: Client) -> None:
    response = as_alice.get("/api/no-such-thing")
    assert response.status_code == 404 and response.json()["error"] == "not_found"
