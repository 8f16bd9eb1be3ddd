"""Autosave tells a refusal (the text is over its limit) apart from a network failure, and says which."""

from __future__ import annotations

import re
from typing import Any

import pytest

from amends.limits import chars
from amends.web.repairs.models import JourneyAnswer
from tests.browser.conftest import sign_in, start_repair
from tests.browser.test_offline_draft import _apology_step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _open_apology(page: Any) -> tuple[Any, Any, str]:
    sign_in(page)
    start_repair(page)
    step, prompt = _apology_step()
    page.goto(page.url + f"step/{step}/")
    return page.locator(f"#answer-{prompt}"), page.locator(f"#status-{prompt}"), prompt


def test_an_over_long_draft_is_refused_with_the_limit_kept_in_the_field_and_never_retried(page: Any) -> None:
    box, status, prompt = _open_apology(page)
    sent: list[str] = []
    page.on("request", lambda r: sent.append(r.url) if "/autosave/" in r.url else None)
    text = ("I am sorry I missed your dinner. " * 700)[: chars("text") + 1]
    box.fill(text)
    status.get_by_text(re.compile("refused")).wait_for()
    said = status.inner_text()
    assert "the limit is 20,000" in said and "retry" not in said.lower()
    assert box.input_value() == text  # the text stays in the field
    assert page.evaluate("key => localStorage.getItem(key)", box.get_attribute("data-autosave-key")) == text
    tries = len(sent)
    page.evaluate("window.dispatchEvent(new Event('online'))")  # the path that resends kept drafts
    page.wait_for_load_state("networkidle")
    assert len(sent) == tries, "a refused draft was sent again unchanged"
    assert not JourneyAnswer.objects.filter(prompt=prompt).exclude(text="").exists()


def test_a_network_failure_says_so_and_keeps_the_draft_for_a_retry(page: Any) -> None:
    box, status, _ = _open_apology(page)
    page.route(re.compile(r".*/autosave/.*"), lambda route: route.abort("connectionfailed"))
    box.fill("I am sorry I missed your dinner.")
    status.get_by_text(re.compile("could not be reached")).wait_for()
    said = status.inner_text()
    assert "Kept in this browser" in said and "refused" not in said
    assert page.evaluate("key => localStorage.getItem(key)", box.get_attribute("data-autosave-key"))
