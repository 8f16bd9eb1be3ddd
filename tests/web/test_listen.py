from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from amends.services.repairs import start_repair
from amends.web.repairs.models import PracticeEntry

PARTNER = "I waited two hours at the restaurant. I felt completely forgotten and embarrassed."
ATTUNED = "You waited two hours and felt forgotten and embarrassed. That makes sense. What was the worst part for you?"
DEFENSIVE = "It's not my fault, work ran late. You're overreacting."


def test_listen_page_shows_feelings_and_reply_feedback_without_javascript(as_alice: Client, alice_repair: Any) -> None:
    url = reverse("listen", args=[alice_repair.pk])
    page = as_alice.post(url, {"partner": PARTNER, "text": DEFENSIVE, "action": "check"})
    html = page.content.decode()
    assert "They may be feeling" in html
    assert "What may make them defensive" in html
    assert "not my fault, work ran late" in html  # the text stays in the field


def test_feelings_are_said_in_words_not_as_raw_scores(as_alice: Client, alice_repair: Any) -> None:
    html = as_alice.post(reverse("listen_emotions", args=[alice_repair.pk]), {"partner": PARTNER}).content.decode()
    feelings = html.split('class="feelings"')[1].split("</ul>")[0]
    assert "(clear in the words)" in feelings
    assert not re.search(r"\(0\.\d\d\)", feelings)


def test_attuned_reply_scores_higher_than_defensive(as_alice: Client, alice_repair: Any) -> None:
    url = reverse("listen_reply", args=[alice_repair.pk])
    good = as_alice.post(url, {"partner": PARTNER, "text": ATTUNED}).content.decode()
    bad = as_alice.post(url, {"partner": PARTNER, "text": DEFENSIVE}).content.decode()

    def score(html: str) -> int:
        return int(html.split("Score ")[1].split("/")[0])

    assert score(good) > score(bad)


def test_practice_is_saved_privately(as_alice: Client, alice_repair: Any) -> None:
    url = reverse("listen", args=[alice_repair.pk])
    response = as_alice.post(url, {"partner": PARTNER, "text": ATTUNED, "action": "save"})
    assert response.status_code == 302
    entry = PracticeEntry.objects.get()
    assert entry.score is not None and not entry.shared
    assert ATTUNED[:30].encode() in as_alice.get(url).content


def test_empty_practice_is_refused_and_partner_text_kept(as_alice: Client, alice_repair: Any) -> None:
    url = reverse("listen", args=[alice_repair.pk])
    response = as_alice.post(url, {"partner": PARTNER, "text": "  ", "action": "save"})
    assert b"is empty" in response.content and b"two hours at the restaurant" in response.content


def test_hurt_partner_gets_help_saying_how_they_feel(as_charlie: Client, charlie: Any) -> None:
    repair = start_repair(charlie, role="hurt", kind="neglect", title="t", description="d")
    url = reverse("listen_reply", args=[repair.pk])
    html = as_charlie.post(url, {"text": "You never listen to me, you are so selfish."}).content.decode()
    assert "A shape to try" in html and "I need" in html


@pytest.mark.parametrize("name", ["listen", "listen_emotions", "listen_reply"])
def test_outsider_gets_404_on_listen_views(as_charlie: Client, alice_repair: Any, name: str) -> None:
    url = reverse(name, args=[alice_repair.pk])
    response = as_charlie.post(url, {"partner": PARTNER, "text": ATTUNED, "action": "save"})
    assert response.status_code == 404 and not PracticeEntry.objects.exists()


def test_a_finding_said_three_times_is_one_item_quoting_each_passage(as_alice: Client, alice_repair: Any) -> None:
    mocking = "Oh, I'm SO sorry that I'm not perfect like you. Happy now?"
    html = as_alice.post(reverse("listen_reply", args=[alice_repair.pk]), {"partner": PARTNER, "text": mocking})
    findings = html.content.decode().split('class="findings"')[1].split("</ul>")[0]
    assert findings.count("<li") == findings.count("<strong>Contempt</strong>") == 1
    assert "“Happy now?”" in findings and "“sorry that I&#x27;m not perfect”" in findings
