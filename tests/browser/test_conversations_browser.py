"""Two people, two real browsers: After a fight, with turns taken and a shared agreement at the end."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import AXE, AXE_VIOLATIONS, join_as_couple, sign_in, signed_in, start_repair

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ALICE_SIDE = "I felt dismissed when you looked at your phone while I talked about my day."
BOB_SUMMARY = "You felt I did not care, because I was on my phone while you were talking."
BOB_SIDE = "I was worried about my mother, and your questions felt like nagging."
ALICE_SUMMARY = "You were worried about your mother and my questions felt like pressure."
AGREED = "Phones away when we talk about the day; if one of us is worried, we say so first."
PRIVATE = "Only for me: I was already tired and cross before dinner."

_WIDTH = "() => [document.documentElement.scrollWidth, window.innerWidth]"


def _fits(page: Any) -> None:
    # Measured mid-navigation, the document has no root element yet (documentElement is null): wait for the page.
    page.wait_for_load_state()
    scroll, inner = page.evaluate(_WIDTH)
    assert scroll <= inner, f"{page.url}: {scroll} px wide in a {inner} px window"


def test_both_partners_talk_a_fight_through_taking_turns_and_end_with_a_shared_agreement(
    page: Any, second_page: Any
) -> None:
    alice, bob = page, second_page
    alice.set_viewport_size({"width": 360, "height": 780})
    repair_url = join_as_couple(alice, bob)

    # alice opens the conversation from her repair page and writes her feelings; one box stays private.
    alice.goto(repair_url)
    alice.get_by_role("link", name="Guided conversations").click()
    alice.get_by_role("button", name="Start after a fight").wait_for()
    _fits(alice)
    alice.get_by_role("button", name="Start after a fight").click()
    alice.get_by_label("hurt", exact=True).check()
    alice.get_by_label("alone", exact=True).check()
    alice.get_by_label("Anything else I felt, in my own words").fill(PRIVATE)
    _fits(alice)
    alice.get_by_role("button", name="Save and continue").click()

    # Her side, sent for bob to summarize.
    alice.get_by_role("heading", name="Each of our realities").wait_for()
    alice.get_by_label("What happened, as I lived it").fill(ALICE_SIDE)
    alice.get_by_role("button", name="Send my side to my partner").click()
    alice.get_by_text("Sent to your partner.").wait_for()
    _fits(alice)
    realities = alice.url

    # bob finds it in his own list, reads her side and says back what he understood.
    bob.goto(repair_url + "talks/")
    assert PRIVATE not in bob.content()
    bob.get_by_role("link", name=re.compile("^Continue")).click()
    bob.goto(realities)
    expect(bob.get_by_text(ALICE_SIDE)).to_be_visible()
    bob.get_by_label("What I understood, in my own words").fill(BOB_SUMMARY)
    bob.get_by_role("button", name="Send my summary").click()
    bob.get_by_text("Sent to your partner.").wait_for()

    # alice confirms: that's it. The roles swap.
    alice.reload()
    expect(alice.get_by_text(BOB_SUMMARY)).to_be_visible()
    alice.get_by_role("button", name="Yes, that's it").click()
    alice.get_by_text("Confirmed. Now you swap.").wait_for()

    bob.reload()
    bob.get_by_role("heading", name="Your turn to tell your side").wait_for()
    bob.get_by_label("What happened, as I lived it").fill(BOB_SIDE)
    bob.get_by_role("button", name="Send my side to my partner").click()
    bob.get_by_text("Sent to your partner.").wait_for()

    alice.reload()
    expect(alice.get_by_text(BOB_SIDE)).to_be_visible()
    alice.get_by_label("What I understood, in my own words").fill(ALICE_SUMMARY)
    alice.get_by_role("button", name="Send my summary").click()
    alice.get_by_text("Sent to your partner.").wait_for()

    bob.reload()
    expect(bob.get_by_text(ALICE_SUMMARY)).to_be_visible()
    bob.get_by_role("button", name="Yes, that's it").click()
    bob.get_by_role("heading", name="You have both been heard").wait_for()
    alice.reload()
    alice.get_by_role("heading", name="You have both been heard").wait_for()

    # A plan: alice writes what they agree; bob agrees; both see the same note.
    plan = realities.replace("/realities/", "/plan/")
    alice.goto(plan)
    alice.get_by_label("What we agree to do").fill(AGREED)
    alice.get_by_role("button", name="Send to my partner").click()
    alice.get_by_text("Waiting for your partner to agree").wait_for()
    _fits(alice)
    bob.goto(plan)
    expect(bob.get_by_text(AGREED)).to_be_visible()
    bob.get_by_role("button", name="We agree").click()
    bob.get_by_text("You both agreed:").wait_for()
    alice.reload()
    alice.get_by_text("You both agreed:").wait_for()
    expect(alice.get_by_text(AGREED)).to_be_visible()
    _fits(alice)
    assert PRIVATE not in bob.content()


def test_the_time_out_breathing_guide_runs_under_the_strict_csp_and_fits_a_phone(page: Any) -> None:
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.set_viewport_size({"width": 360, "height": 780})
    sign_in(page, "alice")
    start_repair(page)
    page.get_by_role("link", name="Guided conversations").click()
    page.get_by_role("button", name="Start time-out when flooded").click()
    page.get_by_role("link", name=re.compile("Twenty minutes to calm down")).wait_for()
    _fits(page)
    page.get_by_role("link", name=re.compile("Twenty minutes to calm down")).click()
    page.get_by_role("button", name="Start my twenty minutes").click()
    page.get_by_text(re.compile(r"Come back at \d\d:\d\d\.")).first.wait_for()
    page.get_by_text(re.compile(r"\d+:\d\d left")).wait_for()  # the vendored script runs: no inline code
    _fits(page)
    for url in ["/guide/conversations/", "/guide/conversations/time-out/?timer=start", "/guide/"]:
        page.goto(url)
        _fits(page)
    assert not problems, problems


@pytest.fixture
def couple_talking() -> dict[str, Any]:
    """alice and bob in one repair, each with every conversation they are offered started."""
    from django.contrib.auth.models import User

    from amends.services import trust
    from amends.services.access import repair_access
    from amends.services.conversations import scripts_for, start_conversation
    from amends.services.partners import accept_invitation, create_invitation
    from amends.services.repairs import start_repair as new_repair

    alice = User.objects.create_user("alice", password="a calm harbour 42")
    bob = User.objects.create_user("bob", password="a calm harbour 42")
    repair = new_repair(alice, role="offender", kind="infidelity", title="The affair", description="x")
    accept_invitation(bob, create_invitation(repair_access(alice, repair.pk)).code)
    trust.ask_question(repair_access(bob, repair.pk), "Is it really over?")  # so alice's page lists one to date
    urls: dict[str, list[str]] = {}
    for user in (alice, bob):
        access = repair_access(user, repair.pk)
        urls[user.username] = [f"/repairs/{repair.pk}/talks/"]
        for script in scripts_for(access):
            run = start_conversation(access, script.slug)
            urls[user.username] += [f"/repairs/{repair.pk}/talks/{run.pk}/{step.slug}/" for step in script.steps]
    urls["alice"].append(f"/repairs/{repair.pk}/for-me/")
    return {"alice": alice, "bob": bob, "urls": urls}


@pytest.mark.parametrize("who", ["alice", "bob"])
def test_every_conversation_page_fits_a_phone_and_passes_axe(
    browser: Any, live_server: Any, couple_talking: dict[str, Any], who: str
) -> None:
    with signed_in(browser, live_server, couple_talking[who], 360) as context:
        context.add_init_script(path=str(AXE))
        page = context.new_page()
        found: list[str] = []
        public = ["/guide/conversations/"] + [f"/guide/conversations/{s}/" for s in ("after-a-fight", "time-out")]
        for url in couple_talking["urls"][who] + public:
            page.goto(url)
            scroll, inner = page.evaluate(_WIDTH)
            if scroll > inner:
                found.append(f"{url}: {scroll} px wide")
            for v in page.evaluate(AXE_VIOLATIONS):
                found.append(f"{url}: {v['impact']} {v['id']}: {v['help']}")
    assert not found, "\n".join(found)
