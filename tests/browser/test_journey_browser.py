"""The journeys people actually take, in a real browser."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import sign_in, sign_up, start_repair

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
    sign_in(page)
    start_repair(page)
    page.get_by_role("link", name=re.compile("Continue:")).click()
    for number in range(1, 8):
        boxes = page.locator("textarea")
        boxes.first.fill(f"My honest answer for step {number}.")
        # Wait for the form's own navigation: wait_for_load_state() returns at once while the old page is still
        # loaded, so the next fill could land on it (a clean run saw the seventh step never saved).
        with page.expect_navigation():
            page.get_by_role("button", name="Save and mark step done").click()
    # The last step leads on to commitments, where rebuilding trust continues.
    page.wait_for_url(re.compile(r"/repairs/\d+/trust/commitments/$"))
    page.goto(page.url.split("trust/")[0])
    expect(page.get_by_text("7 of 7 steps done")).to_be_visible()


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
