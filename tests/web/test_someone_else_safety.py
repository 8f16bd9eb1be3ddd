"""Someone else at risk (LABELLING.md section 3, third_party): a note about a partner's risk is answered with help for
the person who is worried (the emergency number and a crisis line, as tap-to-call links), never with the writer's own
crisis page, and it pauses nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from amends.services.tokens import create_api_token
from amends.web.accounts.models import Profile

from .conftest import client_for

THEIR_RISK = "My husband keeps saying everyone would be better off without him since he lost his job."


@pytest.fixture
def us_alice(alice: User, alice_repair: Any) -> User:
    Profile.objects.update_or_create(user=alice, defaults={"region": "US"})
    return alice


@pytest.mark.django_db
def test_a_note_about_their_risk_offers_help_for_them_not_the_writers_crisis_page(
    us_alice: User, alice_repair: Any
) -> None:
    url = reverse("trust_notes", args=[alice_repair.pk])
    html = client_for(us_alice).post(url, {"text": THEIR_RISK}, follow=True).content.decode()
    assert 'data-safety="support"' in html, html[:2000]
    banner = html[html.index('data-safety="support"') :]
    banner = banner[: banner.index("</div>")]
    assert "someone you care about may be at risk" in banner
    assert 'href="tel:911"' in banner and 'href="tel:988"' in banner
    assert reverse("safety_now") not in banner  # the writer is not sent to their own get-help-now page
    assert "If someone is hurting or frightening you" not in banner


@pytest.mark.django_db
def test_the_api_names_their_risk_as_third_party(us_alice: User) -> None:
    _, raw = create_api_token(us_alice, "scan", scope="write")
    body = (
        Client()
        .post(
            reverse("api_safety_scan"),
            {"text": THEIR_RISK},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {raw}",
        )
        .json()
    )
    assert body["action"] == "support"
    assert [f["type"] for f in body["flags"]] == ["third_party"]


@pytest.mark.django_db
def test_the_help_page_says_what_to_do_when_worried_about_someone_else(us_alice: User) -> None:
    html = client_for(us_alice).get(reverse("help")).content.decode()
    section = html[html.index('id="someone-else"') :]
    assert "Worried about someone else" in section and "emergency number" in section
