"""Each incident's steps save as the person types and coach the new apology, like the journey's steps.

The cast: alice and bob are partners, charlie is the outsider who always gets 404.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from amends.services.access import pause, repair_access
from amends.services.incidents import record_incident
from amends.services.partners import leave_repair
from amends.web.accounts.models import Profile
from amends.web.incidents.models import Incident, IncidentAnswer
from amends.web.repairs.models import JourneyAnswer, Repair

CRISIS = "I have pills saved up and I'm going to take them all tonight"


def _record(user: User, repair: Repair, shared: bool = False) -> Incident:
    access = repair_access(user, repair.pk)
    return record_incident(access, kind="relapse", happened_on=date(2026, 2, 27), note="", shared=shared)


def _autosave(repair: Repair, incident: Incident, step: str = "name-it", prompt: str = "what-i-did") -> str:
    return reverse("incident_autosave", args=[repair.pk, incident.pk, step]) + f"?prompt={prompt}"


def _step(repair: Repair, incident: Incident, step: str) -> str:
    return reverse("incident_step", args=[repair.pk, incident.pk, step])


def test_typing_in_an_incident_box_is_saved_and_answered_with_the_save_status(
    as_alice: Client, alice: User, alice_repair: Repair
) -> None:
    incident = _record(alice, alice_repair)
    response = as_alice.post(_autosave(alice_repair, incident), {"answer-what-i-did": "I texted my ex."})
    body = response.content.decode()
    assert response.status_code == 200 and "Saved" in body and 'class="error"' not in body
    answer = IncidentAnswer.objects.get()
    assert (answer.incident_id, answer.step, answer.prompt, answer.text) == (
        incident.pk,
        "name-it",
        "what-i-did",
        "I texted my ex.",
    )
    assert not JourneyAnswer.objects.exists()  # the journey's own answers are never touched


def test_the_incident_step_page_points_its_boxes_at_this_incidents_autosave(
    as_alice: Client, alice: User, alice_repair: Repair
) -> None:
    first, second = _record(alice, alice_repair), _record(alice, alice_repair)
    page = as_alice.get(_step(alice_repair, second, "name-it")).content.decode()
    assert f'hx-post="{_autosave(alice_repair, second)}"' in page
    assert f"/incidents/{first.pk}/" not in page
    # This browser's copy of an unsent draft is kept apart from the journey's and from other incidents'.
    assert f'data-autosave-key="amends:u{alice.pk}:{alice_repair.pk}:incident{second.pk}:name-it:what-i-did"' in page
    assert 'id="status-what-i-did"' in page
    assert "/autosave/" not in page.replace(f"/incidents/{second.pk}/step/name-it/autosave/", "")


def test_the_chips_autosave_when_one_is_picked(as_alice: Client, alice: User, alice_repair: Repair) -> None:
    incident = _record(alice, alice_repair)
    url = _autosave(alice_repair, incident, "impact", "feelings")
    assert f'hx-post="{url}"' in as_alice.get(_step(alice_repair, incident, "impact")).content.decode()
    assert as_alice.post(url, {"answer-feelings": ["betrayed", "foolish"]}).status_code == 200
    assert IncidentAnswer.objects.get(prompt="feelings").text == "betrayed\nfoolish"


def test_an_over_long_autosave_is_refused_with_the_limit_and_nothing_is_saved(
    as_alice: Client, alice: User, alice_repair: Repair
) -> None:
    incident = _record(alice, alice_repair)
    response = as_alice.post(_autosave(alice_repair, incident), {"answer-what-i-did": "y" * 20_001})
    body = response.content.decode()
    assert response.status_code == 422  # a refusal app.js shows and never retries
    assert '<span class="error">' in body and "the limit is 20,000" in body
    assert not IncidentAnswer.objects.exists()


def test_an_over_long_autosave_leaves_the_earlier_text_as_it_was(
    as_alice: Client, alice: User, alice_repair: Repair
) -> None:
    incident = _record(alice, alice_repair)
    as_alice.post(_autosave(alice_repair, incident), {"answer-what-i-did": "I texted my ex."})
    as_alice.post(_autosave(alice_repair, incident), {"answer-what-i-did": "y" * 20_001})
    assert IncidentAnswer.objects.get().text == "I texted my ex."


def test_an_unknown_question_is_a_400_and_an_unknown_step_a_404(
    as_alice: Client, alice: User, alice_repair: Repair
) -> None:
    incident = _record(alice, alice_repair)
    assert as_alice.post(_autosave(alice_repair, incident, prompt="nope"), {"answer-nope": "x"}).status_code == 400
    assert as_alice.post(_autosave(alice_repair, incident, step="nope"), {"answer-what-i-did": "x"}).status_code == 404
    assert not IncidentAnswer.objects.exists()


def test_autosave_only_accepts_a_post(as_alice: Client, alice: User, alice_repair: Repair) -> None:
    assert as_alice.get(_autosave(alice_repair, _record(alice, alice_repair))).status_code == 405


def test_a_crisis_sentence_typed_in_an_incident_box_gets_the_crisis_response(
    as_alice: Client, alice: User, alice_repair: Repair
) -> None:
    Profile.objects.update_or_create(user=alice, defaults={"region": "US"})
    incident = _record(alice, alice_repair)
    response = as_alice.post(_autosave(alice_repair, incident), {"answer-what-i-did": CRISIS})
    body = response.content.decode()
    assert response.status_code == 200 and 'data-safety="crisis"' in body and 'href="tel:988"' in body
    assert IncidentAnswer.objects.get().text == CRISIS  # what was typed is kept


@pytest.mark.parametrize("shared", [False, True])
def test_charlie_gets_404_and_saves_nothing(
    as_charlie: Client, alice: User, alice_repair: Repair, charlie_repair: Repair, shared: bool
) -> None:
    incident = _record(alice, alice_repair, shared=shared)
    response = as_charlie.post(_autosave(alice_repair, incident), {"answer-what-i-did": "mine now"})
    assert response.status_code == 404 and not IncidentAnswer.objects.exists()


def test_bob_cannot_autosave_into_alices_private_incident(
    as_bob: Client, alice: User, alice_repair: Repair, joined_bob: Any
) -> None:
    incident = _record(alice, alice_repair)
    response = as_bob.post(_autosave(alice_repair, incident), {"answer-what-i-did": "x"})
    assert response.status_code == 404 and not IncidentAnswer.objects.exists()


def test_bob_writes_his_own_answers_to_alices_shared_incident(
    as_bob: Client, bob: User, alice: User, alice_repair: Repair, joined_bob: Any
) -> None:
    incident = _record(alice, alice_repair, shared=True)
    url = _autosave(alice_repair, incident, prompt="what-happened")
    assert as_bob.post(url, {"answer-what-happened": "I found the messages."}).status_code == 200
    answer = IncidentAnswer.objects.get()
    assert (answer.author_id, answer.role, answer.text) == (bob.pk, "hurt", "I found the messages.")


def test_someone_who_left_is_refused_with_the_reason_and_nothing_is_saved(
    as_bob: Client, bob: User, alice: User, alice_repair: Repair, joined_bob: Any
) -> None:
    incident = _record(bob, alice_repair, shared=True)
    leave_repair(repair_access(bob, alice_repair.pk))
    response = as_bob.post(_autosave(alice_repair, incident, prompt="what-happened"), {"answer-what-happened": "x"})
    body = response.content.decode()
    assert response.status_code == 403  # a refusal app.js shows, never retried
    assert '<span class="error">' in body and "You have left this repair" in body
    assert not IncidentAnswer.objects.exists()


def test_autosave_is_ones_own_writing_and_stays_open_while_paused(
    as_alice: Client, alice: User, alice_repair: Repair, joined_bob: Any
) -> None:
    incident = _record(alice, alice_repair)
    pause(repair_access(alice, alice_repair.pk))
    response = as_alice.post(_autosave(alice_repair, incident), {"answer-what-i-did": "Written while paused."})
    assert response.status_code == 200
    answer = IncidentAnswer.objects.get()
    assert answer.text == "Written while paused." and not answer.shared


def test_the_incident_apology_step_has_the_live_apology_coach(
    as_alice: Client, alice: User, alice_repair: Repair
) -> None:
    incident = _record(alice, alice_repair)
    page = as_alice.get(_step(alice_repair, incident, "apologize")).content.decode()
    coach = reverse("apology_feedback", args=[alice_repair.pk])
    assert 'id="coach-feedback"' in page and f'hx-post="{coach}"' in page
    assert 'hx-trigger="input changed delay:600ms from:#answer-draft"' in page
    assert "Feedback appears here as you write." in page
    # The journey's saved apology versions belong to the journey, not to this incident.
    assert "Save as a new version" not in page and 'name="action"' not in page


def test_the_coach_answers_an_incident_apology_with_its_feedback(as_alice: Client, alice_repair: Repair) -> None:
    apology = "I'm sorry, but you were ignoring me too."
    response = as_alice.post(reverse("apology_feedback", args=[alice_repair.pk]), {"answer-draft": apology})
    body = response.content.decode()
    assert response.status_code == 200 and 'class="report"' in body and "What weakens it" in body


def test_the_other_incident_steps_have_no_coach(as_alice: Client, alice: User, alice_repair: Repair) -> None:
    incident = _record(alice, alice_repair)
    for step in ("name-it", "impact"):
        assert 'id="coach-feedback"' not in as_alice.get(_step(alice_repair, incident, step)).content.decode()


def test_the_incident_step_title_is_plain_text(as_alice: Client, alice: User, alice_repair: Repair) -> None:
    incident = _record(alice, alice_repair)
    page = as_alice.get(_step(alice_repair, incident, "impact")).content.decode()
    title = page[page.index("<title>") : page.index("</title>")]
    assert "<nav" not in title and "Understand the impact this time" in title


def test_own_words_under_the_deeper_questions_are_shown_again_and_kept(
    as_alice: Client, alice: User, alice_repair: Repair
) -> None:
    incident = _record(alice, alice_repair)
    url = _step(alice_repair, incident, "impact")
    as_alice.post(url, {"answer-attachment": ["Will you lie to me again?"]})
    page = as_alice.get(url).content.decode()
    assert 'id="own-attachment"' in page and "Will you lie to me again?</textarea>" in page
