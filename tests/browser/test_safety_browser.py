"""Safety paths in a real browser: the couple pause, crisis language in the coach, the cheating playbook."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from amends.web.repairs.models import Membership, Repair
from tests.browser.conftest import sign_in, start_repair

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_hark_positive_screen_pauses_couple_features_for_both_with_neutral_wording(
    browser: Any, live_server: Any
) -> None:
    alice_ctx = browser.new_context(base_url=live_server.url)
    alice = alice_ctx.new_page()
    sign_in(alice, "alice")
    start_repair(alice)
    repair_url = alice.url
    bob_ctx = browser.new_context(base_url=live_server.url)
    bob = bob_ctx.new_page()
    sign_in(bob, "bob")
    Membership.objects.create(repair=Repair.objects.get(), user=User.objects.get(username="bob"), role="hurt")

    bob.goto("/safety/screen/hark/")
    bob.wait_for_load_state("networkidle")  # the reminder notice may appear above the form and move it
    for legend, answer in [("humiliated", "No"), ("afraid", "Yes"), ("raped", "No"), ("kicked", "No")]:
        bob.get_by_role("group", name=re.compile(legend)).get_by_label(answer).check()
    bob.get_by_role("button", name="See what this means").click()
    expect(bob.get_by_text("not your fault", exact=False).first).to_be_visible()
    bob.goto(repair_url)
    expect(bob.get_by_text("The shared space is paused for now.")).to_be_visible()

    alice.goto(repair_url)
    notice = alice.get_by_text("The shared space is paused for now.")
    assert notice.is_visible()
    body = alice.locator("main").inner_text().lower()
    assert "hark" not in body and "abuse" not in body and "afraid" not in body
    alice_ctx.close()
    bob_ctx.close()


def test_crisis_sentence_typed_into_the_apology_coach_shows_the_crisis_line(page: Any) -> None:
    sign_in(page)
    start_repair(page)
    page.goto(page.url + "step/apologize/")
    page.get_by_label("My apology").fill("I'm sorry. Honestly I think everyone would be better off if I was dead.")
    banner = page.locator("#coach-feedback .safety-banner")
    banner.wait_for()
    assert "not monitored" in banner.inner_text()
    expect(banner.get_by_role("link", name="Get help now")).to_be_visible()


def test_cheating_playbook_appears_for_an_infidelity_repair(page: Any) -> None:
    sign_in(page)
    start_repair(page, kind="Infidelity")
    expect(page.get_by_role("heading", name=re.compile("affair|infidelity|cheating", re.I)).first).to_be_visible()
    page.get_by_role("link", name=re.compile("Open the checklist")).click()
    checklist = page.locator(".checklist").inner_text().lower()
    assert "end the affair" in checklist and "contact" in checklist
    page.get_by_role("button", name=re.compile("Mark done: End the affair", re.I)).click()
    expect(page.get_by_role("button", name=re.compile("Mark not done: End the affair", re.I))).to_be_visible()
