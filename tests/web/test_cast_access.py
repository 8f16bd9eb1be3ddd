"""Every view that touches a repair, run with the cast: owner, outsider, anonymous visitor."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from amends.web.repairs.models import JourneyAnswer

REPAIR_VIEWS = [
    ("get", "repair", {}),
    ("get", "step", {"slug": "name-it"}),
    ("post", "step", {"slug": "name-it"}),
    ("post", "autosave", {"slug": "name-it"}),
    ("post", "step_reopen", {"slug": "name-it"}),
    ("post", "apology_feedback", {}),
]


def _call(client: Client, method: str, name: str, repair_id: int, kwargs: dict[str, str]) -> Any:
    url = reverse(name, kwargs={"repair_id": repair_id, **kwargs})
    if name == "autosave":
        url += "?prompt=what-i-did"
    data = {"answer-what-i-did": "outsider text", "answer-draft": "I'm sorry", "action": "save"}
    return client.get(url) if method == "get" else client.post(url, data)


@pytest.mark.parametrize(("method", "name", "kwargs"), REPAIR_VIEWS)
def test_owner_can_use_every_repair_view(
    as_alice: Client, alice_repair: Any, method: str, name: str, kwargs: dict[str, str]
) -> None:
    assert _call(as_alice, method, name, alice_repair.pk, kwargs).status_code in {200, 302}


@pytest.mark.parametrize(("method", "name", "kwargs"), REPAIR_VIEWS)
def test_outsider_gets_404_on_every_repair_view(
    as_charlie: Client, alice_repair: Any, charlie_repair: Any, method: str, name: str, kwargs: dict[str, str]
) -> None:
    assert _call(as_charlie, method, name, alice_repair.pk, kwargs).status_code == 404
    assert not JourneyAnswer.objects.filter(repair=alice_repair).exists()


@pytest.mark.parametrize(("method", "name", "kwargs"), REPAIR_VIEWS)
def test_anonymous_visitor_is_sent_to_sign_in(
    as_anon: Client, alice_repair: Any, method: str, name: str, kwargs: dict[str, str]
) -> None:
    response = _call(as_anon, method, name, alice_repair.pk, kwargs)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_outsider_does_not_see_the_owners_repair_on_their_home(
    as_charlie: Client, alice_repair: Any, charlie_repair: Any
) -> None:
    page = as_charlie.get(reverse("home"))
    assert b"His story" in page.content and b"The missed dinner" not in page.content
