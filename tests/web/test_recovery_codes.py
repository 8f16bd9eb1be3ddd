"""Recovery without a terminal: one-time codes shown once at sign-up, hashed at rest, renewed in settings."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from amends.services import recovery
from amends.services.privacy import export_data
from amends.web.recovery.models import RecoveryCode
from tests.web.conftest import PASSWORD

NEW = "a quiet lighthouse 7"
CODE = re.compile(r"<code>([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})</code>")


def _sign_up(client: Client, name: str = "dana") -> list[str]:
    response = client.post(reverse("signup"), {"username": name, "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 200
    return CODE.findall(response.content.decode())


def _recover(name: str, code: str, password: str = NEW, address: str = "192.0.2.30") -> Any:
    data = {"username": name, "code": code, "new_password1": password, "new_password2": password}
    return Client(REMOTE_ADDR=address).post(reverse("recover"), data)


def test_sign_up_shows_ten_codes_once_and_keeps_only_salted_hashes(db: Any) -> None:
    client = Client()
    codes = _sign_up(client)
    assert len(codes) == recovery.CODE_COUNT == len(set(codes))
    rows = RecoveryCode.objects.filter(user__username="dana")
    assert rows.count() == 10
    stored = " ".join(f"{r.secret_prefix} {r.secret_hash}" for r in rows)
    for code in codes:
        assert code not in stored and code.replace("-", "") not in stored  # only a hash and 4 characters
    assert len({r.secret_hash for r in rows}) == 10 and all("$" in r.secret_hash for r in rows)  # salted hashes
    again = client.get(reverse("settings")).content.decode()
    assert not CODE.findall(again) and "10 unused codes" in again  # never shown again


def test_a_code_resets_the_password_once_and_never_again(db: Any) -> None:
    codes = _sign_up(Client())
    response = _recover("dana", codes[3])
    assert response.status_code == 302 and response.url == reverse("login")
    assert User.objects.get(username="dana").check_password(NEW)
    again = _recover("dana", codes[3], password="another calm river 5")
    assert again.status_code == 200 and "do not match" in again.content.decode()
    assert User.objects.get(username="dana").check_password(NEW)
    assert recovery.recovery_codes_left(User.objects.get(username="dana")) == 9


def test_a_code_is_read_without_dashes_or_capitals(db: Any) -> None:
    codes = _sign_up(Client())
    assert _recover("dana", " " + codes[0].replace("-", "").lower() + " ").status_code == 302


def test_a_wrong_code_is_refused_with_a_clear_message_and_the_name_kept(db: Any) -> None:
    _sign_up(Client())
    response = _recover("dana", "ABCD-EFGH-JKMN")
    page = response.content.decode()
    assert response.status_code == 200
    assert "That name and recovery code do not match" in page and 'value="dana"' in page
    assert User.objects.get(username="dana").check_password(PASSWORD)


def test_an_unknown_name_gets_the_same_refusal_as_a_wrong_code(db: Any) -> None:
    codes = _sign_up(Client())
    unknown = _recover("nobody", codes[0]).content.decode()
    wrong = _recover("dana", "ABCD-EFGH-JKMN").content.decode()
    assert recovery.NO_MATCH.split(".")[0] in unknown and recovery.NO_MATCH.split(".")[0] in wrong
    assert recovery.recovery_codes_left(User.objects.get(username="dana")) == 10


def test_a_weak_new_password_is_refused_and_the_code_stays_unused(db: Any) -> None:
    codes = _sign_up(Client())
    response = _recover("dana", codes[0], password="12345678")
    assert response.status_code == 200 and "too common" in response.content.decode()
    assert recovery.recovery_codes_left(User.objects.get(username="dana")) == 10
    assert _recover("dana", codes[0]).status_code == 302  # the same code still works afterwards


def test_recovery_tries_are_rate_limited_per_address_and_per_name(db: Any, settings: Any) -> None:
    codes = _sign_up(Client())
    settings.AMENDS_RATE_LIMITS = {"recover": (3, 900)}
    for _ in range(3):
        assert _recover("dana", "ABCD-EFGH-JKMN").status_code == 200
    refused = _recover("dana", codes[0])  # even the right code waits: guessing must stay slow
    assert refused.status_code == 429 and "Too many tries" in refused.content.decode()
    assert 'value="dana"' in refused.content.decode()
    assert _recover("dana", codes[0], address="192.0.2.31").status_code == 429  # the name is limited too
    assert User.objects.get(username="dana").check_password(PASSWORD)


def test_new_codes_need_the_current_password_and_void_the_old_ones(db: Any) -> None:
    client = Client()
    old = _sign_up(client)
    refused = client.post(reverse("recovery_regenerate"), {"password": "not my password"}, follow=True)
    assert "That is not your current password" in refused.content.decode()
    assert recovery.recovery_codes_left(User.objects.get(username="dana")) == 10  # the refused try changed nothing
    new = CODE.findall(client.post(reverse("recovery_regenerate"), {"password": PASSWORD}).content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    assert "do not match" in _recover("dana", old[1]).content.decode()
    assert _recover("dana", new[0]).status_code == 302


def test_making_new_codes_needs_a_signed_in_post(db: Any, as_anon: Client) -> None:
    assert as_anon.get(reverse("recovery_regenerate")).status_code in (302, 405)
    response = as_anon.post(reverse("recovery_regenerate"), {"password": PASSWORD})
    assert response.status_code == 302 and reverse("login") in response.url


def test_an_outsider_can_neither_use_nor_void_anothers_codes(alice: User, charlie: User) -> None:
    codes = recovery.issue_recovery_codes(alice)
    recovery.issue_recovery_codes(charlie)
    assert "do not match" in _recover("charlie", codes[0]).content.decode()  # alice's code is no key to charlie
    charlie_client = Client()
    charlie_client.force_login(charlie)
    charlie_client.post(reverse("recovery_regenerate"), {"password": PASSWORD})
    assert recovery.recovery_codes_left(alice) == 10
    assert _recover("alice", codes[0]).status_code == 302
    alice.refresh_from_db()
    charlie.refresh_from_db()
    assert alice.check_password(NEW) and charlie.check_password(PASSWORD)


def test_recovery_codes_never_appear_in_the_export(alice: User) -> None:
    codes = recovery.issue_recovery_codes(alice)
    rows = RecoveryCode.objects.filter(user=alice)
    dumped = str(export_data(alice))
    assert "recovery.recoverycode" in dumped  # when codes were made and used is the person's own record
    assert "secret" not in dumped  # neither the first characters kept for look-up nor the hash
    for code in codes:
        assert code not in dumped and code.replace("-", "") not in dumped
    for row in rows:
        assert row.secret_hash not in dumped


def test_the_sign_in_page_links_to_password_recovery(as_anon: Client, db: Any) -> None:
    page = as_anon.get(reverse("login")).content.decode()
    assert f'href="{reverse("recover")}"' in page and "Forgot your password?" in page


@pytest.mark.parametrize("field", ["username", "code"])
def test_an_over_long_recovery_field_is_refused_with_the_limit(db: Any, field: str) -> None:
    data = {"username": "dana", "code": "ABCD", "new_password1": NEW, "new_password2": NEW, field: "A" * 200}
    page = Client().post(reverse("recover"), data).content.decode()
    assert "characters; the limit is" in page and "A" * 200 in page
