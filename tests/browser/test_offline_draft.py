"""The network drops while someone writes their apology: the draft stays in the page and is saved on reconnect."""

from __future__ import annotations

import re
from typing import Any

import pytest

from amends.journey import load_track
from amends.web.repairs.models import JourneyAnswer
from tests.browser.conftest import sign_in, start_repair

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

APOLOGY = "I am sorry I missed your birthday dinner and did not call. It told you my work mattered more than you."


def _apology_step() -> tuple[str, str]:
    for step in load_track("offender").steps:
        for prompt in step.prompts:
            if prompt.widget == "apology":
                return step.slug, prompt.slug
    raise AssertionError("the offender track has no apology prompt")


def test_a_draft_typed_offline_is_kept_in_the_browser_and_saved_when_the_network_returns(page: Any) -> None:
    sign_in(page)
    start_repair(page)
    step, prompt = _apology_step()
    page.goto(page.url + f"step/{step}/")
    box = page.locator(f"#answer-{prompt}")
    key = box.get_attribute("data-autosave-key")

    page.context.set_offline(True)
    box.fill(APOLOGY)
    status = page.locator(f"#status-{prompt}")
    status.get_by_text(re.compile("Not saved yet")).wait_for()
    assert page.evaluate("key => localStorage.getItem(key)", key) == APOLOGY
    assert not JourneyAnswer.objects.filter(prompt=prompt, text=APOLOGY).exists()

    page.context.set_offline(False)
    status.get_by_text(re.compile("Saved")).wait_for()
    assert JourneyAnswer.objects.get(prompt=prompt).text == APOLOGY
    assert page.evaluate("key => localStorage.getItem(key)", key) is None  # saved, so no longer kept aside

    page.reload()
    assert page.locator(f"#answer-{prompt}").input_value() == APOLOGY


def test_a_busy_server_answer_is_retried_by_itself_after_retry_after(page: Any) -> None:
    sign_in(page)
    start_repair(page)
    step, prompt = _apology_step()
    page.goto(page.url + f"step/{step}/")
    answered: list[int] = []

    def busy_once(route: Any) -> None:
        if not answered:
            answered.append(503)
            route.fulfill(status=503, headers={"Retry-After": "1"}, body="busy")
        else:
            answered.append(200)
            route.continue_()

    page.route(re.compile(r".*/autosave/.*"), busy_once)
    page.locator(f"#answer-{prompt}").fill(APOLOGY)
    page.locator(f"#status-{prompt}").get_by_text(re.compile("busy")).wait_for()
    page.locator(f"#status-{prompt}").get_by_text(re.compile("Saved")).wait_for()
    assert answered[:2] == [503, 200]
    assert JourneyAnswer.objects.get(prompt=prompt).text == APOLOGY
