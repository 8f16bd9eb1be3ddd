from __future__ import annotations

import threading
from typing import Any

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from django.urls import reverse

from amends import warm
from amends.web.security.models import ApiToken, RateCounter
from amends.web.wsgi import warm_request_path


@pytest.mark.parametrize("name", ["home", "guide", "help", "neutral", "login", "signup"])
def test_public_pages_render_for_anyone(db: Any, name: str) -> None:
    assert Client().get(reverse(name)).status_code == 200


def test_every_page_has_the_quick_exit_first_and_the_safety_line(db: Any) -> None:
    html = Client().get(reverse("guide")).content.decode()
    body = html[html.index("<body") :]
    first_link = body.index("<a ")
    assert 'id="quick-exit"' in body[first_link : first_link + 80]
    assert "amends is not monitored" in html
    assert "does not erase your browser history" in html


def test_neutral_page_says_nothing_about_amends(db: Any) -> None:
    html = Client().get(reverse("neutral")).content.decode().lower()
    assert "amends" not in html and "repair" not in html


def test_guide_answers_the_faqs_and_says_amends_is_not_therapy(db: Any) -> None:
    html = Client().get(reverse("guide")).content.decode()
    assert "Is it normal to make mistakes" in html and "not therapy" in html


def test_security_headers(db: Any) -> None:
    response = Client().get(reverse("guide"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


def test_no_inline_script_in_pages(as_alice: Client, alice_repair: Any) -> None:
    html = as_alice.get(reverse("step", args=[alice_repair.pk, "apologize"])).content.decode()
    assert "<script>" not in html and "onclick" not in html


def test_health_and_readiness(db: Any) -> None:
    assert Client().get("/healthz").json() == {"status": "ok"}
    assert Client().get("/readyz").json()["database"] == "up"


def test_readiness_waits_until_the_models_are_loaded(db: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(warm, "_done", threading.Event())
    cold = Client().get("/readyz")
    assert cold.status_code == 503 and cold.json()["status"] == "warming"
    warm.warm_up()
    assert Client().get("/readyz").json() == {"status": "ok", "database": "up"}


def test_static_assets_are_served_by_the_app(db: Any) -> None:
    response = Client().get("/static/amends/vendor/htmx.min.js")
    assert response.status_code == 200


def test_the_warm_up_requests_reach_the_views_and_change_nothing(
    db: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    models_loaded = threading.Event()
    models_loaded.set()
    monkeypatch.setattr(warm, "_done", models_loaded)  # as after warm_up, which the worker runs first
    # As Django's test client does: the start and end of a request would close the test's connection.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        statuses = warm_request_path()
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)
    # /readyz answers, and each API request is refused by the token check, not earlier (400 bad host,
    # a redirect) nor by an error.
    assert statuses.count(200) == 8 and statuses.count(401) == 32, statuses
    assert not ApiToken.objects.exists() and not RateCounter.objects.exists()
    # and their refusals are not logged as if someone had tried a bad token
    assert not [r for r in caplog.records if r.name == "django.request"]
