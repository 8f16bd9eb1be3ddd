"""Screens, "Do we need help?", playbooks, help lines and page titles on the web."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from amends.web.accounts.models import Profile
from amends.web.safety_web.models import ArgumentEntry, PlaybookCheck, ScreenResult

ASQ_NO = {f"item-{i}": "no" for i in range(1, 5)}


def _us(user: User) -> None:
    Profile.objects.update_or_create(user=user, defaults={"region": "US"})


# ---------------------------------------------------------------- the ASQ on the web


def test_asq_with_only_item_five_yes_lands_on_the_help_now_page(as_alice: Client, alice: User) -> None:
    _us(alice)
    response = as_alice.post(reverse("safety_screen", args=["asq"]), {"item-5": "yes"}, follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("safety_now")
    assert "Please get help now" in html and 'href="tel:988"' in html and 'href="tel:911"' in html


def test_asq_all_no_but_item_five_yes_is_acute_not_no_risk(as_alice: Client) -> None:
    html = as_alice.post(reverse("safety_screen", args=["asq"]), ASQ_NO | {"item-5": "yes"}, follow=True)
    assert "Please get help now" in html.content.decode()
    assert "do not suggest a risk" not in html.content.decode()


def test_asq_with_unanswered_questions_is_not_scored_and_keeps_the_answers(as_alice: Client, alice: User) -> None:
    response = as_alice.post(reverse("safety_screen", args=["asq"]), {"item-1": "no", "item-2": "no"})
    html = response.content.decode()
    assert response.status_code == 200 and "never read as a no" in html and "3, 4" in html
    assert html.count('value="no" checked') == 2
    assert not ScreenResult.objects.filter(user=alice).exists()


def test_asq_item_five_says_when_it_is_asked(as_alice: Client) -> None:
    html = as_alice.get(reverse("safety_screen", args=["asq"])).content.decode()
    assert "Asked after a yes" in html


# ---------------------------------------------------------------- "Do we need help?"


def test_do_we_need_help_asks_abuse_substance_and_mental_health_apart(as_alice: Client, alice_repair: Any) -> None:
    html = as_alice.get(reverse("need_help", args=[alice_repair.pk])).content.decode()
    for name in ("abuse", "substance_use", "mental_health"):
        assert f'name="{name}"' in html
    assert 'name="abuse_substance_or_mental_health"' not in html


def test_abuse_with_same_arguments_gives_abuse_lines_and_never_couples_therapy(
    as_alice: Client, alice: User, alice_repair: Any
) -> None:
    _us(alice)
    url = reverse("need_help", args=[alice_repair.pk])
    html = as_alice.post(url, {"abuse": "on", "same_arguments": "on"}, follow=True).content.decode()
    assert "1-800-799-7233" in html  # National Domestic Violence Hotline
    assert "couples therapist" not in html.lower() and "Aftermath" not in html
    assert "psychologytoday" not in html and "iceeft" not in html


def test_substance_use_gives_substance_lines_and_mental_health_gives_its_own(
    as_alice: Client, alice: User, alice_repair: Any
) -> None:
    _us(alice)
    url = reverse("need_help", args=[alice_repair.pk])
    substance = as_alice.post(url, {"substance_use": "on"}, follow=True).content.decode()
    assert "1-800-662-4357" in substance and "1-800-799-7233" not in substance  # SAMHSA, not the DV line
    mental = as_alice.post(url, {"mental_health": "on"}, follow=True).content.decode()
    assert "Talk to a doctor or counsellor" in mental and "1-800-662-4357" not in mental


def test_abuse_in_the_argument_log_hides_every_couple_suggestion(
    as_alice: Client, alice: User, alice_repair: Any
) -> None:
    url = reverse("arguments", args=[alice_repair.pk])
    today = timezone.localdate()
    for days in range(4):
        as_alice.post(
            url,
            {
                "occurred_on": str(today - timedelta(days=days)),
                "topic": "Money again",
                "what_happened": "We argued about money and he hit me.",
            },
        )
    assert ArgumentEntry.objects.filter(author=alice, abuse_flagged=True).count() == 4
    log = as_alice.get(url).content.decode()
    assert "keep coming back" in log or "keeps coming back" in log
    assert "Aftermath" not in log and "couples therapist" not in log
    help_page = as_alice.post(
        reverse("need_help", args=[alice_repair.pk]), {"same_arguments": "on"}, follow=True
    ).content.decode()
    assert "Consider a couples therapist" not in help_page and "Confidential support, just for you" in help_page


# ---------------------------------------------------------------- playbooks


def test_the_playbook_checklist_is_shown_only_to_the_partner_it_is_written_for(
    as_alice: Client, as_bob: Client, alice_repair: Any, joined_bob: Any
) -> None:
    url = reverse("playbook", args=[alice_repair.pk])
    mine = as_alice.get(url).content.decode()
    theirs = as_bob.get(url).content.decode()
    assert 'class="checklist"' in mine and "Mark done" in mine
    assert 'class="checklist"' not in theirs and "Mark done" not in theirs
    assert "what it means for you" in theirs and "Waiting to see is fair." in theirs
    detail = as_bob.get(reverse("repair", args=[alice_repair.pk])).content.decode()
    assert "Open the checklist" not in detail and "What this means for you" in detail


def test_the_hurt_partner_cannot_tick_the_other_partners_checklist(
    as_bob: Client, bob: User, alice_repair: Any, joined_bob: Any
) -> None:
    as_bob.post(reverse("playbook_toggle", args=[alice_repair.pk]), {"item": "small_promises", "done": "1"})
    assert not PlaybookCheck.objects.filter(user=bob).exists()


def test_couple_work_items_leave_the_playbook_while_there_is_an_abuse_signal(alice: User, as_alice: Client) -> None:
    from amends.services.repairs import start_repair

    repair = start_repair(alice, role="offender", kind="infidelity", title="T", description="I had an affair.")
    url = reverse("playbook", args=[repair.pk])
    assert "couples therapist" in as_alice.get(url).content.decode()
    as_alice.post(reverse("safety_concerns"), {"concern": ["hurt_partner"]})
    assert "couples therapist" not in as_alice.get(url).content.decode()


# ---------------------------------------------------------------- help lines you can tap


@pytest.mark.parametrize(("region", "emergency"), [("US", "911"), ("UK", "999"), ("CA", "911"), ("AU", "000")])
def test_help_page_numbers_are_tap_to_call_and_emergency_numbers_say_so(
    as_anon: Client, region: str, emergency: str
) -> None:
    html = as_anon.get(reverse("help") + f"?region={region}").content.decode()
    assert f'href="tel:{emergency}"' in html and "Emergency number" in html
    assert "Not yet verified against an official source; check before relying on it" not in _entry(html, emergency)
    for number in re.findall(r"call ([\d][\d \-]+\d)", html):
        assert f'href="tel:{re.sub(r"[^0-9]", "", number)}"' in html


def _entry(html: str, number: str) -> str:
    start = html.index(f'href="tel:{number}"')
    return html[start : html.index("</li>", start)]


def test_text_lines_are_sms_links_and_websites_are_real_links(as_anon: Client) -> None:
    html = as_anon.get(reverse("help") + "?region=US").content.decode()
    assert 'href="sms:741741?&amp;body=HOME"' in html  # Crisis Text Line
    assert 'href="https://988lifeline.org"' in html


def test_international_fallback_shows_112_as_an_emergency_number(as_anon: Client) -> None:
    html = as_anon.get(reverse("help") + "?region=INTL").content.decode()
    assert 'href="tel:112"' in html and 'href="https://findahelpline.com"' in html


def test_the_footer_crisis_line_is_a_link_on_every_page(as_alice: Client, alice: User) -> None:
    _us(alice)
    html = as_alice.get(reverse("home")).content.decode()
    footer = html[html.index('class="site-footer"') :]
    assert 'href="tel:911"' in footer and 'href="tel:988"' in footer


def test_safety_plan_and_screen_result_lines_are_links(as_alice: Client, alice: User) -> None:
    _us(alice)
    assert 'href="tel:988"' in as_alice.get(reverse("safety_plan")).content.decode()
    phq = {f"item-{i}": "0" for i in range(1, 9)} | {"item-9": "1"}
    result = as_alice.post(reverse("safety_screen", args=["phq9"]), phq, follow=True).content.decode()
    assert 'href="tel:988"' in result


# ---------------------------------------------------------------- region, titles, quick exit


def test_sign_up_asks_the_region_and_other_falls_back_to_international(as_anon: Client, db: Any) -> None:
    form = as_anon.get(reverse("signup")).content.decode()
    assert 'name="region"' in form and "Somewhere else (international help lines)" in form
    password = "a calm harbour 42"
    as_anon.post(reverse("signup"), {"username": "dana", "password1": password, "password2": password, "region": "AU"})
    assert Profile.objects.get(user__username="dana").region == "AU"
    other = Client()
    other.post(reverse("signup"), {"username": "eli", "password1": password, "password2": password, "region": "INTL"})
    assert "findahelpline.com" in other.get(reverse("help")).content.decode()


def test_neutral_page_titles_can_be_switched_on_in_settings(as_alice: Client) -> None:
    assert "<title>Notes</title>" not in as_alice.get(reverse("safety")).content.decode()
    as_alice.post(reverse("settings"), {"region": "UK", "timezone": "Europe/London", "neutral_titles": "on"})
    for url in (reverse("home"), reverse("safety"), reverse("help"), reverse("safety_now")):
        assert "<title>Notes</title>" in as_alice.get(url).content.decode()
    as_alice.post(reverse("settings"), {"region": "UK", "timezone": "Europe/London"})
    assert "<title>Notes</title>" not in as_alice.get(reverse("safety")).content.decode()


def test_quick_exit_offers_to_sign_out_as_well(as_alice: Client) -> None:
    html = as_alice.get(reverse("home")).content.decode()
    assert html.index('id="quick-exit"') < html.index("data-quick-exit-sign-out") < html.index('class="site-header"')
    response = as_alice.post(reverse("logout"), {"next": reverse("neutral")})
    assert response["Location"] == reverse("neutral")
    assert as_alice.get(reverse("home")).content.decode().count("data-quick-exit-sign-out") == 0


def test_browser_drafts_are_keyed_by_the_signed_in_user(as_alice: Client, alice: User, alice_repair: Any) -> None:
    html = as_alice.get(reverse("step", args=[alice_repair.pk, "name-it"])).content.decode()
    assert f'data-autosave-key="amends:u{alice.pk}:{alice_repair.pk}:' in html
    assert f'data-draft-owner="{alice.pk}"' in html


def test_csi4_result_text_never_suggests_a_couples_counsellor() -> None:
    from amends.measures import load_instrument

    meanings = " ".join(b["meaning"] for b in load_instrument("csi4").scoring["bands"])
    assert "couples" not in meanings.lower()


def test_a_hurt_partners_feeling_check_never_talks_about_making_them_defensive(
    as_bob: Client, alice_repair: Any, joined_bob: Any
) -> None:
    url = reverse("listen_reply", args=[alice_repair.pk])
    html = as_bob.post(url, {"text": "You made me feel worthless when you said that"}).content.decode()
    assert "defensive" not in html.lower() and "✓ A feeling" in html
    character = as_bob.post(url, {"text": "You always do this, you never care."}).content.decode()
    assert "A gentler way in, if you want one" in character and "defensive" not in character.lower()


def test_outsider_cannot_open_the_playbook(as_charlie: Client, alice_repair: Any) -> None:
    assert as_charlie.get(reverse("playbook", args=[alice_repair.pk])).status_code == 404
