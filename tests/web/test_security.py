"""Hardened security: headers, cookies, check --deploy, API tokens, rate limits, login throttling,
the app lock, no user text in logs, and screening answers that can never be shared."""

from __future__ import annotations

import logging
import os
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.hashers import check_password, identify_hasher
from django.contrib.auth.models import User
from django.test import Client, RequestFactory
from django.urls import reverse

from amends.services.privacy import set_app_lock
from amends.services.tokens import check_rate_limit, create_api_token, revoke_api_token
from amends.web.security.models import ApiToken, RateCounter
from amends.web.security.tokens import authenticate_api_request
from tests.web.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
SCREENING_INSTRUMENTS = {"phq2", "phq9", "gad2", "gad7", "asq", "cage", "hark"}


# Headers and cookies -------------------------------------------------------------------------


def test_every_page_sends_the_strict_security_headers(as_alice: Client) -> None:
    response = as_alice.get(reverse("privacy"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp and "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "no-store"


def test_the_session_cookie_is_httponly_and_samesite_lax(alice: User) -> None:
    client = Client()
    client.post(reverse("login"), {"username": "alice", "password": PASSWORD})
    cookie = client.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_state_changing_requests_need_a_csrf_token(alice: User, alice_repair: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    for url in [reverse("partner_invite", args=[alice_repair.pk]), reverse("delete_account"), reverse("token_create")]:
        assert client.post(url, {"confirm": "DELETE", "name": "x"}).status_code == 403
    assert User.objects.filter(pk=alice.pk).exists() and not ApiToken.objects.exists()


def _production_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AMENDS_", "DJANGO_"))}
    env.update(
        AMENDS_HOME=os.environ["AMENDS_HOME"],
        AMENDS_SECURE="1",
        AMENDS_DEBUG="0",
        AMENDS_SECRET_KEY=secrets.token_urlsafe(50),
        AMENDS_ALLOWED_HOSTS="amends.example.org",
        **extra,
    )
    return env


def test_check_deploy_is_clean_under_production_settings() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "django",
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
            "--settings=amends.web.settings",
        ],
        env=_production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_make_cookies_secure() -> None:
    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.DEBUG)"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=_production_env(DJANGO_SETTINGS_MODULE="amends.web.settings"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.split() == ["True", "True", "True", "False"], result.stderr


def test_no_secret_key_is_committed_to_the_repository() -> None:
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert not [p for p in tracked if Path(p).name in {"secret_key", ".env"}]
    settings_text = (ROOT / "src/amends/web/settings.py").read_text()
    assert 'SECRET_KEY = os.environ.get("AMENDS_SECRET_KEY") or secret_key(HOME)' in settings_text


def test_passwords_are_hashed_with_argon2() -> None:
    from amends.web import settings as product

    assert product.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


# No user text in logs ------------------------------------------------------------------------


def test_no_user_text_reaches_the_logs(as_alice: Client, alice_repair: Any, caplog: Any) -> None:
    secret = "ledger-of-secrets-9183"
    with caplog.at_level(logging.DEBUG):
        as_alice.post(
            reverse("step", args=[alice_repair.pk, "name-it"]), {"answer-what-i-did": secret, "action": "save"}
        )
        as_alice.post(reverse("join"), {"code": secret})
        as_alice.post(
            reverse("share_answer", args=[alice_repair.pk, "name-it"]) + "?prompt=nope", {"answer-what-i-did": secret}
        )
        as_alice.post(reverse("step", args=[alice_repair.pk, "no-such-step"]), {"answer-what-i-did": secret})
    assert secret not in caplog.text


# Screening answers are never shareable -------------------------------------------------------


def _models_with_a_shared_field() -> list[Any]:
    return [m for m in apps.get_models() if any(f.name == "shared" for f in m._meta.get_fields())]


def test_some_models_can_be_shared_so_the_screening_check_below_means_something() -> None:
    labels = {m._meta.label for m in _models_with_a_shared_field()}
    assert {"repairs.JourneyAnswer", "repairs.ApologyDraft"} <= labels


def test_no_screening_or_safety_model_has_a_shared_field() -> None:
    for model in _models_with_a_shared_field():
        assert model._meta.app_label != "safety_web", f"{model._meta.label} is safety data and must never be shareable"
        assert "screen" not in model._meta.model_name, model._meta.label
        for field in model._meta.fields:
            choices = {str(value) for value, _ in (field.choices or [])}
            assert not choices & SCREENING_INSTRUMENTS, f"{model._meta.label}.{field.name} can hold screening answers"


def test_no_safety_model_has_any_way_to_be_shown_to_a_partner() -> None:
    for model in apps.get_app_config("safety_web").get_models():
        names = {f.name for f in model._meta.get_fields()}
        assert not names & {"shared", "visible_to_partner", "public", "is_shared"}, model._meta.label


# API tokens ----------------------------------------------------------------------------------


def _api_request(token: str) -> Any:
    return RequestFactory().post("/api/coach/apology", HTTP_AUTHORIZATION=f"Bearer {token}")


def test_a_personal_token_authenticates_api_requests_and_is_stored_hashed(alice: User) -> None:
    row, token = create_api_token(alice, "laptop")
    assert authenticate_api_request(_api_request(token)) == alice
    assert token not in row.token_hash and not ApiToken.objects.filter(token_hash=token).exists()
    assert ApiToken.objects.get().last_used_at is not None


def test_a_revoked_or_forged_token_authenticates_nobody(alice: User, charlie: User) -> None:
    row, token = create_api_token(alice, "laptop")
    assert authenticate_api_request(_api_request(token + "x")) is None
    assert authenticate_api_request(_api_request("amd_" + "A" * 43)) is None
    assert authenticate_api_request(RequestFactory().get("/", HTTP_AUTHORIZATION=f"Basic {token}")) is None
    with pytest.raises(Exception):  # noqa: B017 - NotFound: charlie cannot revoke alice's token
        revoke_api_token(charlie, row.pk)
    revoke_api_token(alice, row.pk)
    assert authenticate_api_request(_api_request(token)) is None


def test_tokens_are_created_and_revoked_on_the_privacy_page(as_alice: Client, as_charlie: Client) -> None:
    page = as_alice.post(reverse("token_create"), {"name": "laptop", "scope": "read", "days": "90"})
    token = page.context["new_token"]
    assert token.encode() in page.content and token.startswith("amd_")
    row = ApiToken.objects.get()
    assert as_charlie.post(reverse("token_revoke", args=[row.pk])).status_code == 404
    assert as_alice.post(reverse("token_revoke", args=[row.pk])).status_code == 302
    assert not ApiToken.objects.exists()
    assert token.encode() not in as_alice.get(reverse("privacy")).content


# Rate limits ---------------------------------------------------------------------------------


def test_the_rate_limit_counts_per_key_and_bucket_in_the_database(db: Any, settings: Any) -> None:
    settings.AMENDS_RATE_LIMITS = {"coach": (3, 60)}
    assert [check_rate_limit("user:1", "coach") for _ in range(4)] == [True, True, True, False]
    assert check_rate_limit("user:2", "coach") and check_rate_limit("user:1", "safety")
    assert RateCounter.objects.filter(bucket="coach").count() == 2
    assert not RateCounter.objects.filter(key__contains="user:").exists()  # keys are hashed


def test_login_is_throttled_after_repeated_failures(alice: User, settings: Any) -> None:
    settings.AMENDS_RATE_LIMITS = {"login": (3, 900)}
    client = Client()
    statuses = [client.post(reverse("login"), {"username": "alice", "password": "wrong"}).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    locked = client.post(reverse("login"), {"username": "alice", "password": PASSWORD})
    assert locked.status_code == 429 and "_auth_user_id" not in client.session


# App lock ------------------------------------------------------------------------------------


def test_the_app_lock_asks_for_the_pin_after_idle_minutes(alice: User, as_alice: Client) -> None:
    set_app_lock(alice, "4821", 5)
    assert as_alice.get(reverse("privacy")).status_code == 200
    session = as_alice.session
    session["amends_app_seen"] = session["amends_app_seen"] - 6 * 60
    session.save()
    response = as_alice.get(reverse("privacy"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("unlock"))
    assert as_alice.get(reverse("home")).status_code == 302  # still locked
    assert as_alice.post(reverse("unlock"), {"pin": "0000"}).status_code == 400
    assert as_alice.post(reverse("unlock"), {"pin": "4821", "next": "/privacy/"})["Location"] == "/privacy/"
    assert as_alice.get(reverse("privacy")).status_code == 200


def test_the_unlock_page_does_not_redirect_off_site(alice: User, as_alice: Client) -> None:
    set_app_lock(alice, "4821", 5)
    response = as_alice.post(reverse("unlock"), {"pin": "4821", "next": "//evil.example/"})
    assert response["Location"] == reverse("home")


def test_too_many_wrong_pins_sign_the_user_out(alice: User, as_alice: Client, settings: Any) -> None:
    settings.AMENDS_RATE_LIMITS = {"unlock": (2, 60)}
    set_app_lock(alice, "4821", 5)
    for _ in range(2):
        as_alice.post(reverse("unlock"), {"pin": "1111"})
    as_alice.post(reverse("unlock"), {"pin": "1111"})
    assert "_auth_user_id" not in as_alice.session


def test_the_pin_is_stored_hashed_and_can_be_turned_off(alice: User, as_alice: Client) -> None:
    from amends.web.security.models import AppLock

    assert as_alice.post(reverse("lock_settings"), {"pin": "12ab", "idle_minutes": 5}).status_code == 400
    as_alice.post(reverse("lock_settings"), {"pin": "4821", "idle_minutes": 5})
    stored = AppLock.objects.get(user=alice).pin_hash
    # A salted hash that checks the PIN, never the PIN itself. (Four digits can turn up inside a random salt or digest
    # by chance, about once in two thousand runs, so "not a substring" was a flaky way to say "hashed".)
    assert identify_hasher(stored) is not None and stored != "4821"
    assert check_password("4821", stored) and not check_password("4822", stored)
    as_alice.post(reverse("lock_settings"), {"action": "off"})
    assert not AppLock.objects.exists()


def test_the_session_expiry_slides_with_activity_without_a_write_every_request(alice: User) -> None:
    from django.contrib.sessions.models import Session

    client = Client()
    client.force_login(alice)
    client.get(reverse("home"))
    first = Session.objects.get().expire_date
    client.get(reverse("home"))
    assert Session.objects.get().expire_date == first  # within the minute: no write
    session = client.session
    session["_refreshed_at"] = 0  # as if the last refresh was long ago
    session.save()
    before = Session.objects.get().expire_date
    client.get(reverse("home"))
    assert Session.objects.get().expire_date > before
    assert client.session["_refreshed_at"] > 0


# API token scope, expiry and revocation --------------------------------------------------------


def _bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def _commitment_post(client: Client, repair: Any, token: str) -> Any:
    return client.post(
        f"/api/repairs/{repair.pk}/commitments/",
        '{"text": "I will put my phone away during dinner", "kind": "daily"}',
        content_type="application/json",
        **_bearer(token),
    )


def test_a_read_only_token_reads_and_coaches_but_gets_403_on_writes(alice: User, alice_repair: Any) -> None:
    _, token = create_api_token(alice, "phone", scope="read")
    client = Client(enforce_csrf_checks=True)
    assert client.get(f"/api/repairs/{alice_repair.pk}/commitments/", **_bearer(token)).status_code == 200
    coach = client.post(
        "/api/coach/apology", '{"text": "I am sorry."}', content_type="application/json", **_bearer(token)
    )
    assert coach.status_code == 200
    refused = _commitment_post(client, alice_repair, token)
    assert refused.status_code == 403 and refused.json()["error"] == "read_only"
    assert "read-and-write token on the Privacy page" in refused.json()["message"]


def test_a_read_and_write_token_may_write(alice: User, alice_repair: Any) -> None:
    _, token = create_api_token(alice, "phone", scope="write")
    assert _commitment_post(Client(enforce_csrf_checks=True), alice_repair, token).status_code == 201


def test_a_token_stops_working_when_it_expires(alice: User, frozen_rate_clock: Any) -> None:
    from datetime import timedelta

    _, token = create_api_token(alice, "laptop", days=7, now=frozen_rate_clock())
    frozen_rate_clock.advance(timedelta(days=7).total_seconds() - 1)
    assert authenticate_api_request(_api_request(token)) == alice
    frozen_rate_clock.advance(1)
    assert authenticate_api_request(_api_request(token)) is None


def test_changing_the_password_revokes_every_token_but_a_rehash_does_not(alice: User) -> None:
    _, token = create_api_token(alice, "laptop")
    alice.check_password(PASSWORD)  # may re-hash the same password: no change, tokens stay
    alice.save()
    assert authenticate_api_request(_api_request(token)) == alice
    alice.set_password("a brand new harbour 43")
    alice.save()
    assert authenticate_api_request(_api_request(token)) is None and not ApiToken.objects.exists()


def test_the_password_change_page_and_the_cli_reset_revoke_tokens(alice: User) -> None:
    from click.testing import CliRunner

    from amends.cli import cli

    create_api_token(alice, "laptop")
    result = CliRunner().invoke(cli, ["users", "reset-password", "alice", "--password", "new harbour 42 wide"])
    assert result.exit_code == 0, result.output
    assert not ApiToken.objects.exists()


def test_token_creation_offers_scope_and_lifetime_and_the_list_shows_them(as_alice: Client, alice: User) -> None:
    page = as_alice.post(reverse("token_create"), {"name": "laptop", "scope": "write", "days": "30"})
    assert page.status_code == 200
    row = ApiToken.objects.get()
    assert row.scope == "write" and 29 <= (row.expires_at - row.created_at).days <= 30
    listing = as_alice.get(reverse("privacy")).content.decode()
    assert "laptop: <strong>read and write</strong>" in listing and "expires " in listing
    assert "stops working when it expires" in listing
    bad = as_alice.post(reverse("token_create"), {"name": "x", "scope": "admin", "days": "9999"})
    assert bad.status_code == 400 and ApiToken.objects.count() == 1
