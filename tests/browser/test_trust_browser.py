"""The trust journey in a real browser: a commitment, a check-in, the partner confirms, the dashboard shows it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import User

from amends.web.repairs.models import Membership, Repair
from tests.browser.conftest import sign_in, start_repair

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page: Any, name: str, password: str = "a calm harbour 42") -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(name)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    page.wait_for_url("**/")


def test_commitment_check_in_partner_confirms_and_dashboard_shows_it(page: Any) -> None:
    sign_in(page)
    start_repair(page)
    repair = Repair.objects.get()
    base = f"/repairs/{repair.pk}/trust/"
    User.objects.create_user("bob", password="a calm harbour 42")
    Membership.objects.create(repair=repair, user=User.objects.get(username="bob"), role="hurt")

    page.goto(base + "commitments/")
    page.get_by_label("What will you do?").fill("I will put my phone away during dinner.")
    page.get_by_label("Every day").check()
    page.get_by_label("Yes, I can keep this.").check()
    page.get_by_role("button", name="Save commitment").click()
    page.get_by_text("Commitment saved.").wait_for()

    page.goto(base + "check-ins/")
    due = page.locator(".due-item").first
    due.get_by_label("Kept").check()
    due.get_by_role("button", name="Record").click()
    page.get_by_text("Check-in recorded.").wait_for()

    page.get_by_role("button", name="Sign out").click()
    log_in(page, "bob")
    page.goto(base + "confirm/")
    page.get_by_role("button", name="Confirm").first.click()
    page.get_by_text("Your view is shown beside the check-in.").wait_for()

    page.goto(base)
    glance = page.locator(".glance").first
    assert "100%" in glance.inner_text()
    assert "Confirmed by the partner: 100%" in glance.inner_text()
    assert page.locator("#chart-heatmap svg rect").count() > 300
