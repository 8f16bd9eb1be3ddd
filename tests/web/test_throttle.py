"""Sign-in and sign-up throttling that holds: one key per account however the name is typed, and the
client address taken from trusted proxies only, so one person behind nginx cannot lock out everyone."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from amends.web.security.middleware import login_name_key
from amends.web.security.proxies import client_ip, parse_networks
from tests.web.conftest import PASSWORD

PROXY = "10.0.0.1"


def _login(name: str, password: str, address: str = "127.0.0.1", **headers: str) -> int:
    client = Client(**{"REMOTE_ADDR": address, **headers})
    return client.post(reverse("login"), {"username": name, "password": password}).status_code


def _via_proxy(client_address: str, forged: str = "") -> dict[str, str]:
    """What nginx sends: it appends the address it saw to whatever X-Forwarded-For the client sent."""
    chain = f"{forged}, {client_address}" if forged else client_address
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": chain}


@pytest.fixture
def behind_proxy(settings: Any) -> None:
    settings.TRUSTED_PROXIES = parse_networks(PROXY)


def test_every_spelling_that_signs_in_as_carol_shares_her_throttle_key() -> None:
    keys = {login_name_key(n) for n in ("carol", "ｃarol", "ＣＡＲＯＬ", " carol ", "Carol", "ｃａｒｏｌ")}
    assert keys == {"login:carol"}
    assert login_name_key("carl") != login_name_key("carol")


def test_a_full_width_name_signs_in_as_carol_so_it_counts_against_carol(db: Any, settings: Any) -> None:
    User.objects.create_user("carol", password=PASSWORD)
    assert _login("ｃarol", PASSWORD, "192.0.2.50") == 302  # Django's form normalises it: same account
    settings.AMENDS_RATE_LIMITS = {"login": (3, 900)}
    # Three failures, each from a new address and spelled differently, so only the name can join them.
    for n, name in enumerate(("ｃarol", "ＣＡＲＯＬ", "Carol")):
        assert _login(name, "wrong", f"192.0.2.{n + 1}") == 200
    assert _login("carol", PASSWORD, "192.0.2.9") == 429
    assert _login("ｃarol", PASSWORD, "192.0.2.10") == 429


def test_ten_failures_from_one_client_behind_the_proxy_do_not_lock_out_other_clients(
    db: Any, behind_proxy: None
) -> None:
    User.objects.create_user("bob", password=PASSWORD)
    statuses = [_login(f"guess{n}", "wrong", **_via_proxy("203.0.113.5")) for n in range(10)]
    assert statuses == [200] * 10
    assert _login("guess-more", "wrong", **_via_proxy("203.0.113.5")) == 429  # that client is paused
    assert _login("bob", PASSWORD, **_via_proxy("203.0.113.6")) == 302  # everyone else is not


def test_a_client_cannot_escape_the_throttle_by_forging_x_forwarded_for(db: Any, behind_proxy: None) -> None:
    for n in range(10):
        _login(f"guess{n}", "wrong", **_via_proxy("203.0.113.5", forged=f"198.51.100.{n}"))
    assert _login("guess-more", "wrong", **_via_proxy("203.0.113.5", forged="198.51.100.99")) == 429


def test_without_trusted_proxies_x_forwarded_for_is_ignored(db: Any) -> None:
    for n in range(10):
        _login(f"guess{n}", "wrong", "192.0.2.7", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    assert _login("guess-more", "wrong", "192.0.2.7", HTTP_X_FORWARDED_FOR="198.51.100.200") == 429


def test_the_client_address_is_read_from_the_right_past_trusted_proxies_only() -> None:
    proxies = parse_networks("10.0.0.0/8, ::1")
    assert client_ip({"REMOTE_ADDR": "192.0.2.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4"}, proxies) == "192.0.2.1"
    assert client_ip({"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 192.0.2.8"}, proxies) == "192.0.2.8"
    chain = "1.2.3.4, 192.0.2.8, 10.0.0.7"  # two of our proxies in a row
    assert client_ip({"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": chain}, proxies) == "192.0.2.8"
    assert client_ip({"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "junk, 10.0.0.9"}, proxies) == "10.0.0.9"
    assert client_ip({"REMOTE_ADDR": "10.0.0.1"}, proxies) == "10.0.0.1"
    assert client_ip({"REMOTE_ADDR": "::1", "HTTP_X_FORWARDED_FOR": "2001:db8::5"}, proxies) == "2001:db8::5"
    assert client_ip({"REMOTE_ADDR": "192.0.2.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4"}, []) == "192.0.2.1"


def test_a_trusted_proxies_setting_that_is_not_an_address_fails_at_start_up() -> None:
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="not an IP address"):
        parse_networks("10.0.0.1, nginx.internal")


# Sign-up -------------------------------------------------------------------------------------


def _signup(name: str, address: str = "192.0.2.20", password: str = "a calm harbour 42") -> Any:
    client = Client(REMOTE_ADDR=address)
    return client.post(reverse("signup"), {"username": name, "password1": password, "password2": password})


def test_sign_up_is_throttled_per_address_and_keeps_what_was_typed(db: Any, settings: Any) -> None:
    settings.AMENDS_RATE_LIMITS = {"signup": (2, 3600)}
    assert _signup("dana").status_code == 200  # the page with the recovery codes, shown once
    assert _signup("erin").status_code == 200
    refused = _signup("frank")
    assert refused.status_code == 429 and not User.objects.filter(username="frank").exists()
    assert b"Too many sign-up attempts" in refused.content and b'value="frank"' in refused.content
    assert _signup("frank", address="192.0.2.21").status_code == 200  # another address is unaffected
    assert User.objects.filter(username__in=["dana", "erin", "frank"]).count() == 3


def test_a_throttled_sign_up_does_not_say_whether_a_name_is_taken(db: Any, settings: Any) -> None:
    User.objects.create_user("alice", password=PASSWORD)
    settings.AMENDS_RATE_LIMITS = {"signup": (1, 3600)}
    _signup("someone")
    taken, free = _signup("alice"), _signup("nobody-has-this")
    assert taken.status_code == free.status_code == 429
    assert b"cannot be used" not in taken.content


def test_sign_up_refuses_a_taken_name_with_a_neutral_message(db: Any) -> None:
    User.objects.create_user("alice", password=PASSWORD)
    for name in ("alice", "ALICE", "ａｌｉｃｅ"):
        response = _signup(name)
        assert response.status_code == 200
        assert b"This name cannot be used. Choose another one" in response.content
        assert b"already exists" not in response.content
    assert User.objects.count() == 1


# Scheme from the proxy -------------------------------------------------------------------------


def test_x_forwarded_proto_is_believed_only_from_a_trusted_proxy(db: Any, settings: Any, behind_proxy: None) -> None:
    settings.SECURE_SSL_REDIRECT = True
    from_proxy = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_PROTO="https").get("/guide/")
    assert from_proxy.status_code == 200  # already HTTPS: no redirect, so no loop
    forged = Client(REMOTE_ADDR="192.0.2.30", HTTP_X_FORWARDED_PROTO="https").get("/guide/")
    assert forged.status_code == 301 and forged["Location"].startswith("https://")
    plain = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_PROTO="http").get("/guide/")
    assert plain.status_code == 301


def test_new_accounts_from_one_address_do_not_buy_fresh_invitation_code_guesses(db: Any, settings: Any) -> None:
    settings.AMENDS_RATE_LIMITS = {"join": (3, 60)}
    statuses = []
    for n in range(4):  # a new account for every guess, all from the same address
        client = Client(REMOTE_ADDR="192.0.2.40")
        client.force_login(User.objects.create_user(f"guesser{n}", password=None))
        statuses.append(client.post(reverse("join"), {"code": "ABCD-EFGH"}).status_code)
    assert statuses == [404, 404, 404, 429]
    elsewhere = Client(REMOTE_ADDR="192.0.2.41")
    elsewhere.force_login(User.objects.create_user("someone-else", password=None))
    assert elsewhere.post(reverse("join"), {"code": "ABCD-EFGH"}).status_code == 404
