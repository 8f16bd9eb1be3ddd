"""The couple pause in two real browsers: bob's private screen pauses the shared space, alice reaches
nothing shared by session or by API token, her help page shows nothing of bob's signal, and bob
alone decides to open it again."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import join_as_couple

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOTICE = "The shared space is paused for now."
BOB_SHARES = "I keep replaying the night you did not come home."


def _alices_token(alice: Any) -> str:
    alice.goto("/privacy/")
    alice.get_by_label("Token name").fill("my script")
    alice.get_by_label(re.compile("Read and write")).check()  # so the pause, not the scope, refuses writes
    alice.get_by_role("button", name="Create a token").click()
    return str(alice.locator("#token-value").inner_text())


def _bob_takes_a_positive_hark(bob: Any) -> None:
    bob.goto("/safety/screen/hark/")
    bob.wait_for_load_state("networkidle")  # the reminder notice may appear above the form and move it
    for legend, answer in [("humiliated", "No"), ("afraid", "Yes"), ("raped", "No"), ("kicked", "No")]:
        bob.get_by_role("group", name=re.compile(legend)).get_by_label(answer).check()
    # Wait for the screen's own navigation, so the pause exists before alice looks (wait_for_load_state()
    # returns at once while the form page is still loaded).
    with bob.expect_navigation():
        bob.get_by_role("button", name="See what this means").click()


def test_bobs_screen_pauses_the_couple_space_and_only_bob_reopens_it(
    page: Any, second_page: Any, browser: Any, live_server: Any
) -> None:
    alice, bob = page, second_page
    repair_url = join_as_couple(alice, bob)
    repair_id = repair_url.rstrip("/").rsplit("/", 1)[-1]
    bob.goto(repair_url + "step/what-happened/")
    bob.get_by_label("What happened, as I experienced it?").fill(BOB_SHARES)
    bob.locator("#field-what-happened").get_by_role("button", name="Share with my partner").click()
    bob.get_by_text("Shared with your partner.").first.wait_for()
    token = _alices_token(alice)

    _bob_takes_a_positive_hark(bob)

    # alice, signed in: nothing shared is reachable, and every page says only the neutral notice.
    for path in ("shared/", "trust/", "trust/notes/", "trust/questions/", "trust/timeline/", "trust/check-ins/"):
        response = alice.goto(repair_url + path)
        assert response.status == 423, path
        expect(alice.get_by_role("heading", name=NOTICE)).to_be_visible()
        assert BOB_SHARES not in alice.content()
    # alice, with her API token from a fresh context: the same pause, in JSON.
    robot = browser.new_context(base_url=live_server.url)
    for method, path in (("get", "questions/"), ("post", "questions/"), ("get", "commitments/")):
        call = getattr(robot.request, method)
        reply = call(f"/api/repairs/{repair_id}/{path}", headers={"Authorization": f"Bearer {token}"})
        assert reply.status == 423 and reply.json()["error"] == "paused", path
    robot.close()

    # alice's help page is about alice: nothing of bob's signal.
    alice.goto(repair_url + "help/")
    help_text = alice.locator("main").inner_text()
    assert "just for you" not in help_text and "not your fault" not in help_text and "afraid" not in help_text
    # alice cannot lift bob's pause; she is offered only her own break.
    alice.goto(repair_url + "pause/")
    assert alice.get_by_role("button", name="Open the shared space again").count() == 0

    # bob decides: he sees his choices and opens the shared space again.
    bob.goto(repair_url + "pause/")
    expect(bob.get_by_role("link", name="Keep it paused")).to_be_visible()
    expect(bob.get_by_role("link", name="Leave this repair quietly")).to_be_visible()
    bob.get_by_role("button", name="Open the shared space again").click()
    bob.get_by_text("Your pause is lifted.").wait_for()

    response = alice.goto(repair_url + "shared/")
    assert response.status == 200 and alice.get_by_text(BOB_SHARES).is_visible()
