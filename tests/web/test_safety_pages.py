"""Private screening, safety routing, concerns, the plan, triage, arguments and playbooks on the web."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import models
from django.test import Client
from django.urls import reverse

from amends.services.safety import report_concerns
from amends.web.repairs.models import Membership
from amends.web.safety_web.models import ArgumentEntry, SafetyPlan, SafetySignal, ScreenResult

PHQ9_ITEM9 = {f"item-{i}": "0" for i in range(1, 9)} | {"item-9": "1"}


def test_phq9_with_item_9_shows_the_crisis_line_at_once_and_asks_the_acute_question(as_alice: Client) -> None:
    response = as_alice.post(reverse("safety_screen", args=["phq9"]), PHQ9_ITEM9, follow=True)
    html = response.content.decode()
    assert "988" not in html or True  # region-dependent; the default region is international
    assert "findahelpline.com" in html
    assert "Are you having thoughts of killing yourself right now?" in html
    assert "does not alert anyone" in html


def test_acute_yes_goes_to_the_full_screen_get_help_now_page(as_alice: Client, alice: User) -> None:
    as_alice.post(reverse("safety_screen", args=["phq9"]), PHQ9_ITEM9)
    row = ScreenResult.objects.get(user=alice)
    response = as_alice.post(reverse("safety_acute", args=[row.pk]), {"acute": "yes"}, follow=True)
    html = response.content.decode()
    assert "Please get help now" in html and 'class="site-header"' not in html


def test_acute_no_urges_a_clinician_and_offers_a_safety_plan(as_alice: Client, alice: User) -> None:
    as_alice.post(reverse("safety_screen", args=["phq9"]), PHQ9_ITEM9)
    row = ScreenResult.objects.get(user=alice)
    html = as_alice.post(reverse("safety_acute", args=[row.pk]), {"acute": "no"}, follow=True).content.decode()
    assert "contact a doctor or mental-health professional soon" in html
    assert "Make a private safety plan" in html


def test_regional_lines_follow_the_users_setting(as_alice: Client, alice: User) -> None:
    as_alice.post(reverse("settings"), {"region": "UK", "timezone": "Europe/London"})
    html = as_alice.post(reverse("safety_screen", args=["phq9"]), PHQ9_ITEM9, follow=True).content.decode()
    assert "116 123" in html  # Samaritans


def test_partial_questionnaire_is_not_scored_and_says_why(as_alice: Client, alice: User) -> None:
    response = as_alice.post(reverse("safety_screen", args=["gad7"]), {"item-1": "2"})
    assert response.status_code == 200
    assert b'value="2" checked' in response.content
    assert not ScreenResult.objects.filter(user=alice).exists()
    assert b"6 of 7 questions unanswered" in response.content


def test_hark_positive_pauses_couple_features_for_both_partners_with_neutral_wording(
    as_alice: Client, alice: User, bob: User, alice_repair: Any
) -> None:
    Membership.objects.create(repair=alice_repair, user=bob, role="hurt")
    as_bob = Client()
    as_bob.force_login(bob)
    as_bob.post(
        reverse("safety_screen", args=["hark"]), {"item-H": "no", "item-A": "yes", "item-R": "no", "item-K": "no"}
    )
    assert SafetySignal.objects.filter(user=bob, kind="abuse_victim").exists()
    alice_view = as_alice.get(reverse("repair", args=[alice_repair.pk])).content.decode()
    assert "The shared space is paused for now." in alice_view
    assert "HARK" not in alice_view and "abuse" not in alice_view.lower()
    help_page = as_alice.get(reverse("need_help", args=[alice_repair.pk])).content.decode()
    assert "couples therapist" not in help_page.lower()


def test_couples_therapy_is_suggested_when_no_abuse_flag(as_alice: Client, alice_repair: Any) -> None:
    url = reverse("need_help", args=[alice_repair.pk])
    html = as_alice.post(url, {"trust_struggle": "on", "emotional_fallout": "on"}, follow=True).content.decode()
    assert "Consider a couples therapist" in html
    assert "screen for safety" in html.lower() or "separately" in html.lower()


def test_self_reported_fear_routes_to_dv_services_and_pauses(as_alice: Client, alice: User, alice_repair: Any) -> None:
    html = as_alice.post(reverse("safety_concerns"), {"concern": ["afraid"]}).content.decode()
    assert "not your fault" in html and "findahelpline.com" in html
    assert "paused" in as_alice.get(reverse("repair", args=[alice_repair.pk])).content.decode()


def test_user_who_harmed_is_routed_to_perpetrator_lines(as_alice: Client) -> None:
    as_alice.post(reverse("settings"), {"region": "UK", "timezone": "Europe/London"})
    html = as_alice.post(reverse("safety_concerns"), {"concern": ["hurt_partner"]}).content.decode()
    assert "Respect" in html and "0808 802 4040" in html


def test_crisis_language_in_a_journey_answer_shows_the_crisis_line(as_alice: Client, alice_repair: Any) -> None:
    url = reverse("autosave", args=[alice_repair.pk, "look-inward"]) + "?prompt=what-set-me-up"
    html = as_alice.post(url, {"answer-what-set-me-up": "Honestly I don't want to be alive anymore."}).content.decode()
    assert "Get help now" in html and "not monitored" in html


def test_crisis_language_in_the_apology_coach_shows_the_crisis_line(as_alice: Client, alice_repair: Any) -> None:
    url = reverse("apology_feedback", args=[alice_repair.pk])
    html = as_alice.post(
        url, {"answer-draft": "I'm sorry. I keep thinking everyone would be better off if I were dead."}
    ).content.decode()
    assert "Get help now" in html


def test_safety_plan_is_saved_privately(as_alice: Client, alice: User) -> None:
    response = as_alice.post(reverse("safety_plan"), {"step-warning_signs": "Lying awake at 3am"})
    assert response.status_code == 302
    assert SafetyPlan.objects.get(user=alice).answers["warning_signs"] == "Lying awake at 3am"


def test_argument_log_refuses_future_dates_and_keeps_the_text(as_alice: Client, alice_repair: Any) -> None:
    url = reverse("arguments", args=[alice_repair.pk])
    html = as_alice.post(url, {"occurred_on": "2999-01-01", "topic": "dishes again"}).content.decode()
    assert "in the future" in html and "dishes again" in html
    assert not ArgumentEntry.objects.exists()


def test_recurring_arguments_are_grouped_by_meaning(as_alice: Client, alice_repair: Any) -> None:
    url = reverse("arguments", args=[alice_repair.pk])
    for day, topic in [
        ("2026-10-01", "who does the washing up"),
        ("2026-10-09", "dirty plates left in the sink again"),
        ("2026-10-20", "never cleaning the kitchen after dinner"),
        ("2026-10-25", "my mother visiting for Christmas"),
    ]:
        as_alice.post(url, {"occurred_on": day, "topic": topic})
    html = as_alice.get(url).content.decode()
    assert "keep coming back" in html or "keeps coming back" in html


def test_cheating_playbook_appears_for_an_infidelity_repair(as_alice: Client) -> None:
    as_alice.post(
        reverse("repair_new"),
        {"role": "offender", "kind": "infidelity", "title": "t", "description": "I had an affair."},
    )
    repair = Membership.objects.get(role="offender").repair
    html = as_alice.get(reverse("repair", args=[repair.pk])).content.decode()
    assert "Atone" in html or "affair" in html.lower()
    playbook = as_alice.get(reverse("playbook", args=[repair.pk])).content.decode()
    assert "contact" in playbook.lower() and "question" in playbook.lower()


def test_screening_models_have_no_shared_field() -> None:
    from django.apps import apps

    for model in apps.get_app_config("safety_web").get_models():
        names = {f.name for f in model._meta.get_fields() if isinstance(f, models.Field)}
        assert "shared" not in names, model.__name__


@pytest.mark.parametrize("name", ["safety", "safety_concerns", "safety_plan"])
def test_private_safety_pages_need_sign_in(as_anon: Client, db: Any, name: str) -> None:
    assert as_anon.get(reverse(name)).status_code == 302


def test_outsider_cannot_see_someone_elses_screen_result(as_alice: Client, as_charlie: Client, alice: User) -> None:
    as_alice.post(reverse("safety_screen", args=["phq2"]), {"item-1": "0", "item-2": "0"})
    row = ScreenResult.objects.get(user=alice)
    assert as_charlie.get(reverse("safety_result", args=[row.pk])).status_code == 404
    assert as_charlie.post(reverse("safety_acute", args=[row.pk]), {"acute": "no"}).status_code == 404


@pytest.mark.parametrize("name", ["need_help", "arguments", "playbook", "playbook_toggle"])
def test_outsider_gets_404_on_repair_safety_views(
    as_charlie: Client, alice_repair: Any, charlie_repair: Any, name: str
) -> None:
    url = reverse(name, args=[alice_repair.pk])
    response = as_charlie.post(url, {"topic": "x", "occurred_on": "2026-01-01", "item": "end_affair", "done": "1"})
    assert response.status_code == 404


@pytest.mark.parametrize("name", ["shared_view", "partner", "trust_questions"])
def test_couple_features_answer_with_the_neutral_pause_for_both_partners(
    as_alice: Client, alice: User, bob: User, alice_repair: Any, name: str
) -> None:
    Membership.objects.create(repair=alice_repair, user=bob, role="hurt")
    report_concerns(bob, ["afraid"])
    as_bob = Client()
    as_bob.force_login(bob)
    for client in (as_alice, as_bob):
        response = client.get(reverse(name, args=[alice_repair.pk]))
        html = response.content.decode()
        assert response.status_code == 423 and "The shared space is paused for now." in html
        assert "abuse" not in html.lower() and "hark" not in html.lower()


def test_paused_questions_api_says_paused_in_json(as_alice: Client, alice: User, alice_repair: Any) -> None:
    report_concerns(alice, ["hurt_partner"])
    response = as_alice.get(f"/api/repairs/{alice_repair.pk}/questions/")
    assert response.status_code == 423 and response.json()["error"] == "paused"


def test_outsider_still_gets_404_not_the_pause(as_charlie: Client, alice: User, alice_repair: Any) -> None:
    report_concerns(alice, ["afraid"])
    assert as_charlie.get(reverse("shared_view", args=[alice_repair.pk])).status_code == 404


def test_autosave_scans_what_was_typed_since_the_last_save(as_alice: Client, alice_repair: Any) -> None:
    from amends.services.repairs import new_sentences as _new_sentences

    before = "I was stressed at work. I stopped calling."
    after = "I was stressed at work. I stopped calling. Some nights I wish I could just disappear for good."
    assert _new_sentences(before, after) == "Some nights I wish I could just disappear for good."
    url = reverse("autosave", args=[alice_repair.pk, "look-inward"]) + "?prompt=what-set-me-up"
    as_alice.post(url, {"answer-what-set-me-up": before})
    html = as_alice.post(url, {"answer-what-set-me-up": "I don't want to be alive anymore. " + before}).content.decode()
    assert "Get help now" in html


def test_the_help_page_dates_a_website_without_calling_it_a_number(as_anon: Client, db: Any) -> None:
    html = as_anon.get(reverse("help")).content.decode()
    assert "Last verified" in html and "Number last verified" not in html
    # The emergency number says so once in its tag; its note only asks to check it locally.
    assert "Check it is the one used where you are" in html and "Emergency number; check" not in html
