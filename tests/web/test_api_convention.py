"""Every JSON endpoint keeps one convention: methods, callers, rate limits and one error body, as documented."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from amends.services.tokens import create_api_token
from amends.web.api.schema import api_routes, openapi_schema

ERROR_REF = {"$ref": "#/components/schemas/Error"}


def _api_patterns(patterns: list[Any], prefix: str = "") -> list[tuple[str, Any]]:
    found = []
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            found += _api_patterns(entry.url_patterns, route)
        elif isinstance(entry, URLPattern) and route.startswith("api/"):
            found.append((route, entry.callback))
    return found


def _one_shape(body: dict[str, Any], code: str) -> None:
    assert body["error"] == code and isinstance(body["message"], str) and body["message"].endswith(".")


def test_every_json_endpoint_is_behind_the_one_decorator() -> None:
    routes = _api_patterns(get_resolver().url_patterns)
    assert len(routes) >= 10
    for route, view in routes:
        assert route == "api/openapi.json" or hasattr(view, "api_endpoint"), f"{route} is not behind api_view"


def test_the_schema_documents_exactly_the_methods_limits_and_errors_of_each_endpoint() -> None:
    schema = openapi_schema()
    routes = api_routes()
    assert set(schema["paths"]) == set(routes)
    assert schema["components"]["schemas"]["Error"]["required"] == ["error", "message"]
    for path, endpoint in routes.items():
        ops = {m: op for m, op in schema["paths"][path].items() if m != "parameters"}
        assert set(ops) == {m.lower() for m in endpoint.methods}, path
        for method, op in ops.items():
            errors = {int(code): r for code, r in op["responses"].items() if int(code) >= 400}
            assert sorted(errors) == endpoint.statuses(method.upper()), (path, method)
            assert (429 in errors) == bool(endpoint.bucket) and op.get("x-rate-limit-bucket") == endpoint.bucket
            assert all(r["content"]["application/json"]["schema"] == ERROR_REF for r in errors.values())


def test_a_wrong_method_gets_405_with_an_allow_header_on_both_apis(as_alice: Client, alice_repair: Any) -> None:
    coach = as_alice.get("/api/coach/apology")
    assert coach.status_code == 405 and coach["Allow"] == "POST"
    _one_shape(coach.json(), "method_not_allowed")
    dashboard = as_alice.post(f"/api/repairs/{alice_repair.pk}/dashboard/", {}, content_type="application/json")
    assert dashboard.status_code == 405 and dashboard["Allow"] == "GET"
    _one_shape(dashboard.json(), "method_not_allowed")


def test_refused_callers_get_the_same_body_from_the_coach_and_the_trust_api(
    as_anon: Client, alice: Any, alice_repair: Any
) -> None:
    for response in (
        as_anon.post("/api/coach/apology", {"text": "I am sorry."}, content_type="application/json"),
        as_anon.get(f"/api/repairs/{alice_repair.pk}/questions/"),
    ):
        assert response.status_code == 401
        _one_shape(response.json(), "unauthenticated")
    bad = {"HTTP_AUTHORIZATION": "Bearer amd_not-a-token"}
    for response in (
        as_anon.post("/api/coach/apology", {"text": "I am sorry."}, content_type="application/json", **bad),
        as_anon.get(f"/api/repairs/{alice_repair.pk}/questions/", **bad),
    ):
        assert response.status_code == 401
        _one_shape(response.json(), "bad_token")


def test_invalid_input_says_what_to_do_and_names_the_field(as_alice: Client, alice_repair: Any) -> None:
    response = as_alice.post(
        f"/api/repairs/{alice_repair.pk}/commitments/",
        {"text": "I will call you.", "kind": "weekly", "weekdays": [9]},
        content_type="application/json",
    )
    assert response.status_code == 400 and response.json()["field"] == "weekdays"
    _one_shape(response.json(), "invalid")
    assert "between 0 (Monday) and 6 (Sunday)" in response.json()["message"]


def test_a_body_that_is_neither_json_nor_a_form_gets_415_saying_to_send_json(
    as_alice: Client, alice_repair: Any
) -> None:
    response = as_alice.post(f"/api/repairs/{alice_repair.pk}/questions/", "text=hi", content_type="text/plain")
    assert response.status_code == 415 and "Content-Type: application/json" in response.json()["message"]
    _one_shape(response.json(), "not_json")


def test_a_plain_form_post_is_read_like_json(as_alice: Client, alice_repair: Any) -> None:
    url = f"/api/repairs/{alice_repair.pk}/commitments/"
    response = as_alice.post(url, {"text": "I will call if I am late.", "kind": "daily"})
    assert response.status_code == 201 and response.json()["commitment"]["text"] == "I will call if I am late."


def test_the_trust_api_is_rate_limited_per_user(
    alice: Any, bob: Any, alice_repair: Any, settings: Any, frozen_rate_clock: Any
) -> None:
    settings.AMENDS_RATE_LIMITS = {"api": (2, 60)}
    _, token = create_api_token(alice, "phone")
    client, url = Client(), f"/api/repairs/{alice_repair.pk}/questions/"
    codes = [client.get(url, HTTP_AUTHORIZATION=f"Bearer {token}").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    refused = client.get(url, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert refused["Retry-After"] == "60"
    _one_shape(refused.json(), "rate_limited")
    frozen_rate_clock.advance(60)  # the next window: allowed again
    assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200


def test_the_safety_scan_counts_in_its_own_bucket(as_alice: Client, settings: Any) -> None:
    settings.AMENDS_RATE_LIMITS = {"coach": (1, 60), "safety": (2, 60)}
    body: dict[str, Any] = {"data": {"text": "I am sorry I was late."}, "content_type": "application/json"}
    assert as_alice.post("/api/coach/apology", **body).status_code == 200
    assert as_alice.post("/api/coach/apology", **body).status_code == 429
    assert [as_alice.post("/api/safety/scan", **body).status_code for _ in range(3)] == [200, 200, 429]
