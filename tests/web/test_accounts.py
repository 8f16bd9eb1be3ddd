from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from tests.web.conftest import PASSWORD


def test_sign_up_creates_an_account_and_signs_in(db: Any) -> None:
    client = Client()
    response = client.post(
        reverse("signup"), {"username": "dana", "password1": PASSWORD, "password2": PASSWORD}, follow=True
    )
    assert response.status_code == 200
    assert response.context["user"].username == "dana"


def test_sign_up_with_mismatched_passwords_keeps_the_name_and_explains(db: Any) -> None:
    response = Client().post(
        reverse("signup"), {"username": "dana", "password1": PASSWORD, "password2": "other pass 9"}
    )
    assert response.status_code == 200
    assert b'value="dana"' in response.content
    assert b"didn\xe2\x80\x99t match" in response.content or b"didn't match" in response.content
    assert not User.objects.filter(username="dana").exists()


@pytest.mark.django_db
def test_passwords_are_hashed_with_argon2(settings: Any) -> None:
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    user = User.objects.create_user("erin", password=PASSWORD)
    assert user.password.startswith("argon2")


def test_sign_in_and_sign_out(alice: User) -> None:
    client = Client()
    response = client.post(reverse("login"), {"username": "alice", "password": PASSWORD}, follow=True)
    assert response.context["user"].is_authenticated
    response = client.post(reverse("logout"), follow=True)
    assert not response.context["user"].is_authenticated


def test_change_password(as_alice: Client, alice: User) -> None:
    new = "a different harbour 77"
    response = as_alice.post(
        reverse("password_change"), {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(new)


def test_settings_rejects_an_unknown_time_zone_and_keeps_the_input(as_alice: Client) -> None:
    response = as_alice.post(reverse("settings"), {"region": "UK", "timezone": "Mars/Olympus"})
    assert b"Unknown time zone" in response.content
    assert b"Mars/Olympus" in response.content


def test_settings_saves_region(as_alice: Client, alice: User) -> None:
    as_alice.post(reverse("settings"), {"region": "UK", "timezone": "Europe/London"})
    alice.refresh_from_db()
    assert alice.profile.region == "UK" and alice.profile.timezone == "Europe/London"


def test_a_settings_checkbox_sits_before_its_words_inside_its_label(as_alice: Client) -> None:
    import re

    html = as_alice.get(reverse("settings")).content.decode()
    # A box under a bold heading reads as a heading with a stray square; ticked boxes lead their own words.
    for name in ("neutral_titles", "reminders-in_app"):
        assert re.search(rf'<label class="choice" for="id_{name}"><input type="checkbox" name="{name}"', html), name
