"""Every web endpoint that runs the coach (or scans as you type) is rate-limited per user, with the
text kept and a message in place of the feedback. Time is the frozen rate clock: no test waits."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from amends.web.repairs.models import JourneyAnswer
from amends.web.security.coach_limit import PAUSED

APOLOGY = "I am sorry I missed your birthday dinner. It was my fault and I will call next time."


@pytest.fixture
def tight(settings: Any) -> None:
    settings.AMENDS_RATE_LIMITS = {"coach_web": (2, 60), "autosave": (2, 60)}


def _fragments(repair: Any) -> list[tuple[str, dict[str, str]]]:
    pk = repair.pk
    return [
        (reverse("apology_feedback", args=[pk]), {"answer-draft": APOLOGY}),
        (reverse("listen_emotions", args=[pk]), {"partner": "I felt alone and hurt."}),
        (reverse("listen_reply", args=[pk]), {"partner": "I felt alone.", "text": "I hear that you felt alone."}),
        (reverse("trust_commitment_check", args=[pk]), {"text": "I will call if I am late."}),
    ]


@pytest.mark.parametrize("index", range(4), ids=["apology", "emotions", "reply", "commitment"])
def test_each_coach_fragment_answers_429_with_a_message_after_the_users_limit(
    as_alice: Client, alice_repair: Any, tight: None, frozen_rate_clock: Any, index: int
) -> None:
    url, data = _fragments(alice_repair)[index]
    assert [as_alice.post(url, data).status_code for _ in range(2)] == [200, 200]
    refused = as_alice.post(url, data)
    assert refused.status_code == 429 and refused["Retry-After"] == "30"
    assert PAUSED in refused.content.decode()
    frozen_rate_clock.advance(60)
    assert as_alice.post(url, data).status_code == 200


def test_the_limit_is_per_user(
    as_alice: Client, as_bob: Client, alice_repair: Any, joined_bob: Any, tight: None
) -> None:
    url, data = _fragments(alice_repair)[1]
    for _ in range(3):
        as_alice.post(url, data)
    assert as_alice.post(url, data).status_code == 429
    assert as_bob.post(url, data).status_code == 200


def test_the_listen_page_shows_the_pause_and_keeps_what_was_typed(
    as_alice: Client, alice_repair: Any, tight: None
) -> None:
    url = reverse("listen", args=[alice_repair.pk])
    data = {"partner": "I felt alone.", "text": "I hear you felt alone, and I am sorry.", "action": "check"}
    for _ in range(2):
        assert as_alice.post(url, data).status_code == 200
    refused = as_alice.post(url, {**data, "action": "save"})
    page = refused.content.decode()
    assert refused.status_code == 429 and PAUSED in page and "I hear you felt alone, and I am sorry." in page


def test_the_apology_check_on_the_step_page_is_limited_but_saving_is_not(
    as_alice: Client, alice_repair: Any, tight: None
) -> None:
    url = reverse("step", args=[alice_repair.pk, "apologize"])
    for _ in range(2):
        assert PAUSED not in as_alice.post(url, {"answer-draft": APOLOGY, "action": "check"}).content.decode()
    checked = as_alice.post(url, {"answer-draft": APOLOGY, "action": "check"}).content.decode()
    assert PAUSED in checked and APOLOGY in checked
    saved = as_alice.post(url, {"answer-draft": APOLOGY, "action": "save"})
    assert saved.status_code == 302 and JourneyAnswer.objects.get(prompt="draft").text == APOLOGY


def test_autosave_is_limited_per_user_and_saves_nothing_when_refused(
    as_alice: Client, alice_repair: Any, tight: None, frozen_rate_clock: Any
) -> None:
    url = reverse("autosave", args=[alice_repair.pk, "name-it"]) + "?prompt=what-i-did"
    assert [as_alice.post(url, {"answer-what-i-did": f"draft {n}"}).status_code for n in range(2)] == [200, 200]
    refused = as_alice.post(url, {"answer-what-i-did": "draft 2"})
    assert refused.status_code == 429 and refused["Retry-After"]
    assert JourneyAnswer.objects.get(prompt="what-i-did").text == "draft 1"
    frozen_rate_clock.advance(60)
    assert as_alice.post(url, {"answer-what-i-did": "draft 2"}).status_code == 200
    assert JourneyAnswer.objects.get(prompt="what-i-did").text == "draft 2"


def test_the_question_answer_check_is_limited(
    as_alice: Client, as_bob: Client, alice_repair: Any, joined_bob: Any, tight: None
) -> None:
    from amends.services.access import repair_access
    from amends.services.trust import ask_question

    q = ask_question(repair_access(joined_bob.user, alice_repair.pk), "Why did you not call?")
    url = reverse("trust_question", args=[alice_repair.pk, q.pk])
    data = {"text": "I stayed late at work, and I chose wrong.", "action": "check"}
    for _ in range(2):
        assert PAUSED not in as_alice.post(url, data).content.decode()
    assert PAUSED in as_alice.post(url, data).content.decode()


def test_over_the_limit_crisis_language_is_still_answered_with_the_crisis_line(
    as_alice: Client, alice_repair: Any, tight: None
) -> None:
    url = reverse("apology_feedback", args=[alice_repair.pk])
    for _ in range(3):
        as_alice.post(url, {"answer-draft": APOLOGY})
    assert as_alice.post(url, {"answer-draft": APOLOGY}).status_code == 429
    crisis = as_alice.post(url, {"answer-draft": "I'm sorry. Everyone would be better off if I was dead."})
    assert crisis.status_code == 200 and "safety-banner" in crisis.content.decode()
    autosave = reverse("autosave", args=[alice_repair.pk, "name-it"]) + "?prompt=what-i-did"
    for n in range(3):
        as_alice.post(autosave, {"answer-what-i-did": f"draft {n}"})
    saved = as_alice.post(
        autosave, {"answer-what-i-did": "I have pills saved up and I'm going to take them all tonight"}
    )
    assert saved.status_code == 200 and JourneyAnswer.objects.get(prompt="what-i-did").text.startswith("I have pills")
