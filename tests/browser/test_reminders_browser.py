"""Reminders in a real browser: a due check-in fires a browser notification with only the neutral
sentence, and the calendar feed lists due check-ins until its address is switched off.

Chromium is given the notifications permission for the site, so the page's own code path runs as
it would for a person who allowed them: the permission check, the poll, ``new Notification``. A
headless browser has no notification centre to look at, so an init script wraps the constructor to
record each call before handing it to the real one.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User

from amends.services import tokens, trust
from amends.services.access import repair_access
from amends.services.partners import accept_invitation, create_invitation
from amends.services.repairs import start_repair
from tests.browser.conftest import STEP_TIMEOUT_MS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOW = datetime(2026, 3, 2, 12, 0, 30, tzinfo=UTC)
NEUTRAL = "amends: something is waiting for you"
PASSWORD = "a calm harbour 42"
RECORD_NOTIFICATIONS = """
(() => {
  const Real = window.Notification;
  window.__notifications = [];
  function Recorded(title, options) {
    const made = new Real(title, options);
    window.__notifications.push({ title: title, body: (options && options.body) || "" });
    return made;
  }
  Recorded.prototype = Real.prototype;
  Object.defineProperty(Recorded, "permission", { get: () => Real.permission });
  Recorded.requestPermission = (...args) => Real.requestPermission(...args);
  window.Notification = Recorded;
})();
"""


@pytest.fixture
def couple(monkeypatch: Any) -> Any:
    """alice (who made the mistake) and bob, with alice's daily commitment due yesterday and today."""
    monkeypatch.setattr(tokens, "clock", lambda: NOW)
    alice = User.objects.create_user("alice", password=PASSWORD)
    bob = User.objects.create_user("bob", password=PASSWORD)
    repair = start_repair(alice, role="offender", kind="broken_promise", title="The missed dinner", description="x")
    accept_invitation(bob, create_invitation(repair_access(alice, repair.pk)).code)
    trust.add_commitment(
        repair_access(alice, repair.pk),
        text="I will call Bob by six whenever work runs late.",
        schedule=trust.ScheduleInput("daily"),
        start=date(2026, 3, 1),
        today=NOW.date(),
    )
    trust.ask_question(repair_access(bob, repair.pk), "Who were you with that night?")
    return repair


@pytest.fixture
def alice_page(browser: Any, live_server: Any, couple: Any) -> Any:
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    context.grant_permissions(["notifications"], origin=live_server.url)
    context.add_init_script(RECORD_NOTIFICATIONS)
    context.set_default_timeout(STEP_TIMEOUT_MS)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    page.wait_for_url(live_server.url + "/")
    yield page
    context.close()


def test_a_due_check_in_fires_a_browser_notification_with_neutral_text(alice_page: Any, couple: Any) -> None:
    page = alice_page
    page.goto("/settings/")
    page.get_by_text("Browser notifications are allowed in this browser.").wait_for()
    page.get_by_label("Browser notifications while an amends tab is open").check()
    page.get_by_role("button", name="Save reminders").click()
    page.get_by_text("Reminder settings saved.").wait_for()

    # The page the save lands on polls at once, and the check-in due today is reported.
    page.wait_for_function("() => window.__notifications.length > 0")
    assert page.evaluate("() => window.__notifications") == [{"title": NEUTRAL, "body": ""}]
    notice = page.locator(".reminder-notice")
    notice.wait_for()
    assert notice.get_by_role("link").inner_text() == NEUTRAL

    # Nothing new is due, so the next page of the same tab shows the notice but does not notify again.
    page.goto("/")
    page.locator(".reminder-notice").wait_for()
    assert page.evaluate("() => window.__notifications") == []

    # The notice shows up after the page has loaded, so it must not move what is already under a finger.
    shift = page.evaluate(
        """() => {
            const box = document.querySelector('.reminder-notice');
            const first = document.querySelector('main h1');
            box.hidden = true;
            const before = first.getBoundingClientRect().top;
            box.hidden = false;
            return first.getBoundingClientRect().top - before;
        }"""
    )
    assert shift == 0

    # On a phone the notice sits over the page: it can be hidden, and stays hidden while nothing new is waiting.
    page.get_by_role("button", name="Hide this notice").click()
    assert page.locator(".reminder-notice").is_hidden()
    page.goto("/settings/")
    page.wait_for_load_state("networkidle")
    assert page.locator(".reminder-notice").is_hidden()


def test_the_calendar_feed_lists_due_check_ins_and_is_refused_after_revocation(
    alice_page: Any, couple: Any, browser: Any
) -> None:
    page = alice_page
    page.goto("/settings/")
    page.get_by_role("button", name="Make a calendar address").click()
    url = page.locator("#feed-url").inner_text()
    assert re.fullmatch(r"http://.+/reminders/calendar/cal_[\w-]+\.ics", url)
    page.set_viewport_size({"width": 360, "height": 740})  # the long address wraps on a small phone
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")

    calendar_app = browser.new_context()  # a calendar app: no session, no cookies
    response = calendar_app.request.get(url)
    body = response.text()
    assert response.status == 200 and response.headers["cache-control"] == "no-store"
    assert "DTSTART;VALUE=DATE:20260301" in body and "DTSTART;VALUE=DATE:20260302" in body
    assert f"DTSTART;VALUE=DATE:{(NOW.date() + timedelta(days=14)):%Y%m%d}" in body
    assert set(re.findall(r"SUMMARY:(.*)\r\n", body)) == {NEUTRAL}
    for secret in ("missed dinner", "bob", "alice", "call", "that night"):
        assert secret not in body.lower()

    page.get_by_role("button", name="Switch the calendar address off").click()
    page.get_by_text("The calendar address is switched off.").wait_for()
    assert calendar_app.request.get(url).status == 404
    calendar_app.close()
