"""In a real browser: an acute ASQ answer lands on the help-now page; Quick exit and signing out clear drafts."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import sign_in, start_repair

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SECRET = "SECRET he hit me last night"
DRAFT_KEYS = "() => Object.keys(localStorage).filter(k => k.startsWith('amends:'))"


def test_the_asq_with_only_item_five_yes_lands_on_the_help_now_page(page: Any) -> None:
    sign_in(page)
    page.goto("/safety/screen/asq/")
    page.wait_for_load_state("networkidle")  # the reminder notice may appear above the form and move it
    page.get_by_role("group", name=re.compile("right now")).get_by_label("Yes").check()
    page.get_by_role("button", name="See what this means").click()
    page.wait_for_url("**/safety/now/")
    expect(page.get_by_role("heading", name="Please get help now")).to_be_visible()
    assert page.locator('a[href^="tel:"]').count() >= 1
    assert page.locator(".site-header").count() == 0  # full screen, nothing else


def _offline_draft(page: Any) -> str:
    """Type a draft the server never gets, so it is kept only in this browser; return its storage key.

    Back online, the page sends kept drafts again (and forgets them once saved), so the autosave
    stays unreachable: otherwise the draft could be saved and gone before a test looks for it."""
    start_repair(page)
    page.goto(page.url + "step/name-it/")
    box = page.locator("textarea[data-autosave-key]").first
    key = str(box.get_attribute("data-autosave-key"))
    page.route("**/autosave/**", lambda route: route.abort("internetdisconnected"))
    page.context.set_offline(True)
    box.fill(SECRET)
    page.wait_for_function("([key, text]) => localStorage.getItem(key) === text", arg=[key, SECRET])
    page.context.set_offline(False)
    return key


def test_quick_exit_clears_drafts_kept_in_the_browser(page: Any) -> None:
    sign_in(page)
    key = _offline_draft(page)
    assert re.match(r"amends:u\d+:", key)  # keyed by the signed-in user
    assert page.evaluate(DRAFT_KEYS) == [key]
    page.locator("body").press("Escape")
    page.locator("body").press("Escape")
    page.locator("body").press("Escape")
    page.wait_for_url("**/neutral/")
    assert page.evaluate(DRAFT_KEYS) == []


def test_exit_and_sign_out_clears_drafts_and_signs_out(page: Any) -> None:
    sign_in(page)
    _offline_draft(page)
    with page.expect_request(lambda r: "/accounts/logout/" in r.url and r.method == "POST"):
        page.get_by_role("button", name="Exit and sign me out").click()
    page.wait_for_url("**/neutral/")
    assert page.evaluate(DRAFT_KEYS) == []
    page.goto("/repairs/new/")
    page.wait_for_url(re.compile(r".*/accounts/login/.*"))


def test_signing_out_clears_drafts(page: Any) -> None:
    sign_in(page)
    _offline_draft(page)
    with page.expect_navigation():  # evaluate on the page sign-out leads to, not the one it leaves
        page.get_by_role("button", name="Sign out").click()
    assert page.evaluate(DRAFT_KEYS) == []
