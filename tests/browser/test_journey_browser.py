"""The journeys people actually take, in a real browser."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.conftest import AXE, sign_up, start_repair

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_up_start_a_repair_write_step_one_and_find_it_after_reload(page: Any) -> None:
    sign_up(page)
    start_repair(page)
    page.get_by_role("link", name=re.compile("Continue: Name the specific mistake")).click()
    box = page.get_by_label("What exactly did I do, or fail to do?")
    box.fill("I stayed at work on Sam's birthday and did not call.")
    # Autosave (htmx, debounced) confirms without a submit.
    page.locator("#status-what-i-did").get_by_text(re.compile("Saved")).wait_for()
    page.reload()
    assert page.get_by_label("What exactly did I do, or fail to do?").input_value().startswith("I stayed at work")


def test_finish_all_seven_steps(page: Any) -> None:
    sign_up(page)
    start_repair(page)
    page.get_by_role("link", name=re.compile("Continue:")).click()
    for number in range(1, 8):
        boxes = page.locator("textarea")
        boxes.first.fill(f"My honest answer for step {number}.")
        page.get_by_role("button", name="Save and mark step done").click()
        page.wait_for_load_state()
    page.wait_for_url(re.compile(r"/repairs/\d+/$"))
    assert page.get_by_text("7 of 7 steps done").is_visible()


def test_quick_exit_button_replaces_the_page_and_back_does_not_return(page: Any) -> None:
    page.goto("/guide/")
    page.goto("/help/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "quick-exit"  # first in the tab order
    page.keyboard.press("Enter")
    page.wait_for_url("**/neutral/")
    page.go_back()
    assert page.url.endswith("/guide/")


def test_pressing_escape_three_times_exits(page: Any) -> None:
    page.goto("/guide/")
    for _ in range(3):
        page.keyboard.press("Escape")
    page.wait_for_url("**/neutral/")
    assert "recipes" in page.title().lower()


def _axe_violations(browser: Any, live_server: Any, path: str, login: bool = False) -> list[dict[str, Any]]:
    # axe is injected as a script; the app's CSP forbids that, so this one context bypasses CSP.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    page = context.new_page()
    if login:
        sign_up(page, name="axe-user")
        start_repair(page)
        repair_url = page.url
        path = path if path.startswith("/") else repair_url + path
    page.goto(path)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => (await axe.run(document)).violations")
    context.close()
    return [v for v in result if v["impact"] in {"serious", "critical"}]


@pytest.mark.parametrize("path", ["/", "/guide/", "/help/", "/accounts/signup/", "/accounts/login/"])
def test_public_pages_have_no_serious_accessibility_violations(browser: Any, live_server: Any, path: str) -> None:
    violations = _axe_violations(browser, live_server, path)
    assert violations == [], [(v["id"], v["help"]) for v in violations]


@pytest.mark.parametrize(
    "path",
    [
        "",
        "step/impact/",
        "step/apologize/",
        "listen/",
        "trust/",
        "trust/commitments/",
        "trust/questions/",
        "trust/timeline/",
        "trust/check-in/",
        "help/",
        "arguments/",
        "playbook/",
        "shared/",
        "partner/",
        "/safety/",
        "/safety/plan/",
        "/safety/screen/phq9/",
        "/privacy/",
        "/settings/",
    ],
)
def test_journey_pages_have_no_serious_accessibility_violations(browser: Any, live_server: Any, path: str) -> None:
    violations = _axe_violations(browser, live_server, path, login=True)
    assert violations == [], [(v["id"], v["help"]) for v in violations]
