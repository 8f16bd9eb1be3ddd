"""When it happens again, in a real browser: alice records it, and the charts and timeline show it."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest

from amends.services import tokens, trust
from amends.services.access import repair_access
from amends.services.incidents import record_incident
from amends.web.incidents.models import Incident, IncidentAnswer
from amends.web.repairs.models import Repair
from tests.browser.conftest import sign_in, start_repair

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

_WIDE = "() => document.documentElement.scrollWidth > window.innerWidth"


def test_alice_records_it_happened_again_and_the_charts_and_timeline_show_it(page: Any) -> None:
    page.set_viewport_size({"width": 360, "height": 780})
    sign_in(page)
    start_repair(page)
    repair = Repair.objects.get()
    access = repair_access(repair.created_by, repair.pk)
    # Days relative to the server's own clock, a few days clear of today: no boundary to cross.
    today = tokens.clock().date()
    trust.add_commitment(
        access,
        text="I will call by 6pm when I am late.",
        schedule=trust.ScheduleInput("daily"),
        start=today - timedelta(20),
    )
    happened = today - timedelta(days=3)

    page.get_by_role("link", name="It happened again, or something more came out").click()
    page.wait_for_url("**/incidents/new/")
    assert not page.evaluate(_WIDE)
    page.get_by_label("It happened again").check()
    page.get_by_label("When did it happen, or come out?").fill(happened.isoformat())
    page.get_by_label("A few words about it (optional)").fill("I stayed late again and did not call.")
    page.get_by_role("button", name="Record it").click()
    page.get_by_text("Recorded. Your earlier answers, commitments and charts are all kept.").wait_for()
    incident = Incident.objects.get()
    assert (incident.kind, incident.happened_on) == ("relapse", happened)
    assert not page.evaluate(_WIDE)

    # Its own first step; the answer belongs to this incident.
    page.get_by_role("link", name="Name what happened this time").click()
    page.get_by_label("What exactly happened this time, or what came out?").fill("I did not call, again.")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved. Your answers about earlier incidents are unchanged.").wait_for()
    assert not page.evaluate(_WIDE)

    page.goto(f"/repairs/{repair.pk}/trust/")
    marks = page.locator(".incident-marks")
    assert f"{happened:%-d %b %Y}: It happened again" in marks.inner_text()
    ring = page.locator("#chart-heatmap svg .incident-marker")
    assert ring.count() == 1 and "It happened again" in ring.locator("title").text_content()
    assert page.locator("#chart-heatmap svg rect").count() > 300  # the history is still drawn
    assert not page.evaluate(_WIDE)

    page.goto(f"/repairs/{repair.pk}/trust/timeline/")
    event = page.locator(".event.kind-incidents")
    assert "Recorded that it happened again" in event.inner_text()
    assert "I stayed late again and did not call." in event.inner_text()
    assert page.locator(".event.kind-commitments").count() == 1  # the earlier history is kept beside it
    assert not page.evaluate(_WIDE)


def test_typing_in_an_incident_box_saves_it_and_the_apology_gets_the_coach(page: Any) -> None:
    page.set_viewport_size({"width": 360, "height": 780})
    sign_in(page)
    start_repair(page)
    repair = Repair.objects.get()
    access = repair_access(repair.created_by, repair.pk)
    incident = record_incident(access, kind="relapse", happened_on=tokens.clock().date() - timedelta(days=2))

    page.goto(f"/repairs/{repair.pk}/incidents/{incident.pk}/step/name-it/")
    page.get_by_label("What exactly happened this time, or what came out?").fill("I did not call, again.")
    # Saved while typing (htmx, debounced), with no press of Save.
    page.locator("#status-what-i-did").get_by_text(re.compile("Saved")).wait_for()
    assert IncidentAnswer.objects.get(prompt="what-i-did").text == "I did not call, again."
    page.reload()
    box = page.get_by_label("What exactly happened this time, or what came out?")
    assert box.input_value() == "I did not call, again."

    page.goto(f"/repairs/{repair.pk}/incidents/{incident.pk}/step/apologize/")
    page.get_by_label("My apology for this incident").fill("I'm sorry, but you were ignoring me too.")
    page.locator("#coach-feedback .report").wait_for()
    assert "What weakens it" in page.locator("#coach-feedback").inner_text()
    page.locator("#status-draft").get_by_text(re.compile("Saved")).wait_for()
    assert IncidentAnswer.objects.get(prompt="draft").incident_id == incident.pk
    assert not page.evaluate(_WIDE)
