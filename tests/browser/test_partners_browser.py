"""Two people, two real browsers, one repair: invite, join, share on purpose, delete."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import invite_partner, sign_in, start_repair

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

APOLOGY = "I am sorry I missed your birthday dinner and did not call. It hurt you, and it was my doing."
REFLECTION = "Private: I was afraid of my boss and chose work over you."
QUESTION = "Why did you not call me when you knew you would be late?"


def test_alice_and_bob_repair_together_and_each_keeps_private_what_is_private(page: Any, second_page: Any) -> None:
    alice, bob = page, second_page
    # 1. alice invites.
    sign_in(alice, "alice")
    start_repair(alice)
    repair_url = alice.url
    invite_partner(alice, repair_url)
    code = alice.locator("#invite-code").inner_text()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", code)

    # alice writes a private reflection.
    alice.goto(repair_url + "step/look-inward/")
    alice.get_by_label("What set me up to make this mistake?").fill(REFLECTION)
    with alice.expect_navigation():  # the save lands before alice moves on
        alice.get_by_role("button", name="Save", exact=True).click()

    # 2. bob joins with the typed code.
    sign_in(bob, "bob")
    bob.get_by_role("link", name="Join a repair").click()
    bob.get_by_label("Invitation code").fill(code.lower())
    bob.get_by_role("button", name="Join").click()
    bob.wait_for_url(repair_url + "welcome/")

    # 3. alice shares her apology.
    alice.goto(repair_url + "step/apologize/")
    alice.get_by_label("My apology").fill(APOLOGY)
    with alice.expect_navigation():
        alice.get_by_role("button", name="Save as a new version").click()
    alice.get_by_text("Saved versions (1)").click()
    alice.locator("details.drafts details > summary").first.click()
    alice.get_by_role("button", name="Share version 1 with my partner").click()
    alice.get_by_text("Version 1 delivered to your partner.").wait_for()

    # 4. bob sees it; 5. alice's private reflection stays invisible to him.
    bob.goto(repair_url + "shared/")
    expect(bob.get_by_text(APOLOGY)).to_be_visible()
    assert REFLECTION not in bob.content()

    # 6. bob asks a question; he also shares one he wrote privately in his journey.
    bob.goto(repair_url + "step/my-questions/")
    bob.get_by_label("What do I want to know?").fill(QUESTION)
    bob.locator("#field-questions").get_by_role("button", name="Share with my partner").click()
    bob.get_by_text("Shared with your partner.").first.wait_for()
    bob.goto(repair_url + "trust/questions/")
    bob.get_by_label("Your question").fill(QUESTION)
    bob.get_by_role("button", name="Ask").click()

    # 7. alice sees the question and answers it honestly; bob reads the answer.
    alice.goto(repair_url + "shared/")
    expect(alice.get_by_text(QUESTION).first).to_be_visible()
    alice.goto(repair_url + "trust/questions/")
    alice.get_by_role("link", name=QUESTION[:40]).first.click()
    alice.get_by_role("textbox", name="Your answer").fill("I was ashamed and avoided the call. That was wrong.")
    alice.get_by_role("button", name="Send answer").click()
    alice.get_by_text("Answer sent.").wait_for()  # saved before bob looks
    bob.goto(repair_url + "trust/questions/")
    bob.get_by_role("link", name=QUESTION[:40]).first.click()
    expect(bob.get_by_text("I was ashamed and avoided the call.")).to_be_visible()

    # 8. bob deletes everything; alice is unaffected.
    bob.goto("/privacy/")
    bob.get_by_role("link", name="Delete everything").click()
    bob.get_by_label("Type DELETE to confirm").fill("DELETE")
    bob.get_by_role("button", name="Delete my account and everything I wrote").click()
    bob.wait_for_url("**/")
    alice.goto(repair_url + "step/look-inward/")
    assert alice.get_by_label("What set me up to make this mistake?").input_value() == REFLECTION
    alice.goto(repair_url + "shared/")
    assert QUESTION not in alice.content() and APOLOGY in alice.content()
