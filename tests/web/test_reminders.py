"""Reminder settings, the polled notice and the secret calendar feed, with the cast.

alice made the mistake and has a daily commitment; bob, her partner, asks questions; charlie is an
outsider. The clock is frozen at Monday 2 March 2026, 12:00:30 UTC (tests/web/conftest.py).
"""

from __future__ import annotations

import json
import re
from datetime import date, time, timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from amends.services import reminders, trust
from amends.services.access import repair_access
from amends.services.partners import leave_repair
from amends.services.privacy import export_data, set_app_lock
from amends.web.accounts.models import Profile
from amends.web.reminders.models import ReminderPreference
from amends.web.security.middleware import SEEN

from .conftest import client_for

MON = date(2026, 3, 2)
NEUTRAL = "amends: something is waiting for you"
PREFS = {
    "reminders-check_ins": "on",
    "reminders-questionnaires": "on",
    "reminders-questions": "on",
    "reminders-in_app": "on",
    "reminders-browser": "on",
}


@pytest.fixture
def daily(alice: User, alice_repair: Any, joined_bob: Any) -> Any:
    return trust.add_commitment(
        repair_access(alice, alice_repair.pk),
        text="I will call Bob by six whenever work runs late.",
        schedule=trust.ScheduleInput("daily"),
        start=MON - timedelta(days=1),
        today=MON,
    )


@pytest.fixture
def bobs_question(bob: User, daily: Any) -> Any:
    return trust.ask_question(repair_access(bob, daily.repair_id), "Who were you with that night?")


def _feed_url(client: Client) -> str:
    page = client.post(reverse("reminders_calendar"), {"action": "new"}).content.decode()
    match = re.search(r'id="feed-url"[^>]*>(http://testserver/reminders/calendar/[^<]+\.ics)<', page)
    assert match, "the new calendar address is shown once on the settings page"
    return match.group(1).removeprefix("http://testserver")


def _events(body: str) -> list[dict[str, str]]:
    lines = body.replace("\r\n ", "").split("\r\n")
    events, current = [], {}
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
        elif ":" in line:
            name, _, value = line.partition(":")
            current[name] = value
    return events


# Settings --------------------------------------------------------------------------------------


def test_the_settings_page_offers_reminders_with_the_neutral_wording(as_alice: Client) -> None:
    page = as_alice.get(reverse("settings")).content.decode()
    assert 'id="reminders"' in page and NEUTRAL in page
    assert 'name="reminders-check_ins"' in page and 'name="reminders-quiet_start"' in page


def test_saving_reminder_choices_stores_them_for_that_person_only(as_alice: Client, alice: User, bob: User) -> None:
    data = {**PREFS, "reminders-quiet_start": "22:00", "reminders-quiet_end": "07:00"}
    del data["reminders-questionnaires"]
    response = as_alice.post(reverse("reminders_settings"), data)
    assert response.status_code == 302
    pref = ReminderPreference.objects.get(user=alice)
    assert (pref.questionnaires, pref.browser, pref.quiet_start, pref.quiet_end) == (False, True, time(22), time(7))
    assert not ReminderPreference.objects.filter(user=bob).exists()


def test_quiet_hours_with_only_a_start_are_refused_and_the_form_keeps_what_was_typed(
    as_alice: Client, alice: User
) -> None:
    response = as_alice.post(reverse("reminders_settings"), {**PREFS, "reminders-quiet_start": "22:30"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Give quiet hours both a start and an end" in page
    assert 'value="22:30"' in page
    assert not ReminderPreference.objects.filter(user=alice).exists()


def test_an_unreadable_time_is_refused_with_a_message(as_alice: Client) -> None:
    response = as_alice.post(reverse("reminders_settings"), {**PREFS, "reminders-quiet_start": "late"})
    assert response.status_code == 400 and "Enter a valid time" in response.content.decode()


def test_charlie_saving_his_choices_never_touches_alices(as_charlie: Client, alice: User) -> None:
    reminders.save_preferences(
        alice, check_ins=True, questionnaires=True, questions=True, in_app=True, browser=True,
        quiet_start=None, quiet_end=None,
    )  # fmt: skip
    feed = reminders.new_feed(alice)
    as_charlie.post(reverse("reminders_settings"), {})
    as_charlie.post(reverse("reminders_calendar"), {"action": "revoke"})
    pref = ReminderPreference.objects.get(user=alice)
    assert pref.browser and pref.check_ins and reminders.feed_owner(feed) == alice


def test_signed_out_visitors_are_sent_to_sign_in(as_anon: Client) -> None:
    for name in ("reminders_settings", "reminders_calendar"):
        response = as_anon.post(reverse(name), PREFS)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


# The polled notice --------------------------------------------------------------------------------


def _poll(client: Client) -> dict[str, Any]:
    response = client.get(reverse("reminders_poll"))
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    return dict(json.loads(response.content))


def test_the_notice_is_neutral_and_names_nothing(as_alice: Client, alice: User, daily: Any, bobs_question: Any) -> None:
    as_alice.post(reverse("reminders_settings"), PREFS)
    data = _poll(as_alice)
    assert data["waiting"] and data["notify"] and data["text"] == NEUTRAL
    body = json.dumps(data)
    for secret in ("missed dinner", "bob", "call", "that night", "birthday"):
        assert secret not in body.lower()


def test_nothing_waiting_means_no_notice(as_charlie: Client, charlie: User) -> None:
    data = _poll(as_charlie)
    assert not data["waiting"] and not data["notify"] and data["key"] == ""


def test_quiet_hours_hold_back_browser_notifications_but_not_the_in_app_notice(
    as_alice: Client, alice: User, daily: Any, frozen_rate_clock: Any
) -> None:
    Profile.objects.update_or_create(user=alice, defaults={"timezone": "Europe/Berlin"})  # 13:00 there
    as_alice.post(
        reverse("reminders_settings"), {**PREFS, "reminders-quiet_start": "12:30", "reminders-quiet_end": "14:00"}
    )
    quiet = _poll(as_alice)
    assert quiet["waiting"] and quiet["in_app"] and quiet["quiet"] and not quiet["notify"]
    frozen_rate_clock.advance(timedelta(hours=1).total_seconds())  # 14:00 in Berlin: quiet hours are over
    assert _poll(as_alice)["notify"]


def test_the_notice_key_changes_when_something_new_is_due(
    as_alice: Client, alice: User, daily: Any, frozen_rate_clock: Any
) -> None:
    before = _poll(as_alice)["key"]
    frozen_rate_clock.advance(timedelta(days=1).total_seconds())
    assert _poll(as_alice)["key"] not in {before, ""}


def test_turning_every_channel_off_stops_the_polling(as_alice: Client, daily: Any) -> None:
    as_alice.post(reverse("reminders_settings"), {"reminders-check_ins": "on"})
    assert _poll(as_alice) == {**_poll(as_alice), "waiting": False, "notify": False, "poll_seconds": None}


def test_polling_is_not_activity_so_the_app_lock_still_engages(as_alice: Client, alice: User) -> None:
    set_app_lock(alice, "2468", 1)
    as_alice.get(reverse("settings"))
    seen = as_alice.session[SEEN]
    as_alice.get(reverse("reminders_poll"))
    assert as_alice.session[SEEN] == seen


def test_polling_after_the_idle_time_locks_the_app_and_answers_423(as_alice: Client, alice: User) -> None:
    set_app_lock(alice, "2468", 1)
    session = as_alice.session
    session[SEEN] = 0.0  # last seen long ago
    session.save()
    response = as_alice.get(reverse("reminders_poll"))
    assert response.status_code == 423 and json.loads(response.content)["error"] == "locked"


def test_signed_out_polling_gets_a_401_and_no_data(as_anon: Client) -> None:
    assert as_anon.get(reverse("reminders_poll")).status_code == 401


# The calendar feed -------------------------------------------------------------------------------


def test_the_feed_lists_due_check_ins_with_neutral_text_only(as_alice: Client, daily: Any, bobs_question: Any) -> None:
    response = Client().get(_feed_url(as_alice))  # a calendar app: not signed in
    body = response.content.decode()
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert response["Cache-Control"] == "no-store"
    events = _events(body)
    days = {e["DTSTART;VALUE=DATE"] for e in events}
    assert {"20260301", "20260302", "20260303", "20260316"} <= days  # yesterday, today, and two weeks ahead
    assert {e["SUMMARY"] for e in events} == {NEUTRAL}
    assert {e.get("DESCRIPTION") for e in events} == {"http://testserver/"}
    assert len({e["UID"] for e in events}) == len(events)
    for secret in ("missed dinner", "bob", "alice", "call", "that night", "broken"):
        assert secret not in body.lower()


def test_the_feed_leaves_out_kinds_the_person_turned_off(as_alice: Client, daily: Any, bobs_question: Any) -> None:
    url = _feed_url(as_alice)
    with_all = len(_events(Client().get(url).content.decode()))
    as_alice.post(reverse("reminders_settings"), {"reminders-check_ins": "on"})
    only_check_ins = len(_events(Client().get(url).content.decode()))
    as_alice.post(reverse("reminders_settings"), {"reminders-in_app": "on"})
    assert with_all > only_check_ins > 0 and _events(Client().get(url).content.decode()) == []


def test_a_revoked_feed_is_refused_at_once(as_alice: Client, daily: Any) -> None:
    url = _feed_url(as_alice)
    assert Client().get(url).status_code == 200
    as_alice.post(reverse("reminders_calendar"), {"action": "revoke"})
    response = Client().get(url)
    assert response.status_code == 404 and response["Cache-Control"] == "no-store"


def test_a_new_address_replaces_the_old_one(as_alice: Client, daily: Any) -> None:
    old = _feed_url(as_alice)
    new = _feed_url(as_alice)
    assert Client().get(old).status_code == 404 and Client().get(new).status_code == 200


def test_only_a_hash_of_the_feed_secret_is_stored(as_alice: Client, alice: User) -> None:
    secret = _feed_url(as_alice).rsplit("/", 1)[1].removesuffix(".ics")
    stored = ReminderPreference.objects.get(user=alice).feed_hash
    assert stored and secret not in stored and len(stored) == 64


def test_a_guessed_address_gets_404(as_anon: Client, daily: Any) -> None:
    for guess in ("cal_guess", "nothing", "cal_" + "x" * 200):
        assert as_anon.get(reverse("reminders_feed", args=[guess])).status_code == 404


def test_the_feed_is_rate_limited_per_address(as_alice: Client, settings: Any) -> None:
    url = _feed_url(as_alice)
    settings.AMENDS_RATE_LIMITS = {"calendar": (2, 60)}
    codes = [Client().get(url).status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_charlies_feed_shows_nothing_of_the_couple(as_charlie: Client, daily: Any, bobs_question: Any) -> None:
    assert _events(Client().get(_feed_url(as_charlie)).content.decode()) == []


def test_the_feed_is_empty_once_the_partner_has_left(as_alice: Client, bob: User, daily: Any) -> None:
    url = _feed_url(as_alice)
    leave_repair(repair_access(bob, daily.repair_id))
    assert _events(Client().get(url).content.decode()) == []


def test_the_feed_is_empty_once_the_repair_is_deleted(as_alice: Client, daily: Any) -> None:
    url = _feed_url(as_alice)
    daily.repair.delete()
    assert _events(Client().get(url).content.decode()) == []


def test_a_deleted_account_takes_its_feed_with_it(alice: User, daily: Any) -> None:
    url = _feed_url(client_for(alice))
    alice.delete()
    assert Client().get(url).status_code == 404


# Export -------------------------------------------------------------------------------------------


def test_the_export_holds_the_reminder_choices_without_the_feed_secret(as_alice: Client, alice: User) -> None:
    as_alice.post(
        reverse("reminders_settings"), {**PREFS, "reminders-quiet_start": "22:00", "reminders-quiet_end": "07:00"}
    )
    _feed_url(as_alice)
    exported = export_data(alice)["account"]["reminders"]
    assert exported["quiet_hours"] == {"from": "22:00:00", "to": "07:00:00"}
    assert exported["browser_notifications"] is True and exported["calendar_address_made"]
    assert not any("hash" in key for key in exported)
    stored = ReminderPreference.objects.get(user=alice).feed_hash
    assert stored not in json.dumps(export_data(alice), default=str)


def test_a_refused_feed_address_never_reaches_the_server_log(
    as_alice: Client, settings: Any, caplog: pytest.LogCaptureFixture
) -> None:
    url = _feed_url(as_alice)
    settings.AMENDS_RATE_LIMITS = {"calendar": (1, 60)}
    with caplog.at_level("DEBUG", logger="django"):
        assert [Client().get(url).status_code for _ in range(2)] == [200, 429]
        as_alice.post(reverse("reminders_calendar"), {"action": "revoke"})
        settings.AMENDS_RATE_LIMITS = {}
        assert Client().get(url).status_code == 404
    assert "cal_" not in caplog.text
