"""Every main page, for both partners, in a real browser at phone width and at desktop width.

No page scrolls sideways, Quick exit is in view and first in keyboard order, and the console stays
clean (no errors, no CSP violations, no missing files), at both widths. axe finds no violation of any
impact at phone width. It runs there only: the stylesheet's width rule changes spacing, type size and
scrolling, never what is shown or its colours (tests/web/test_stylesheet.py), so the phone is the
harder case for every layout-dependent rule (target size, scrollable regions), and a second run at
1280 px cost a fifth of the browser suite's CPU for no rule that could differ.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from amends.services.access import repair_access
from amends.services.partners import accept_invitation, create_invitation
from amends.services.repairs import start_repair
from tests.browser.conftest import AXE, AXE_VIOLATIONS, signed_in
from tests.main_pages import fill_repair, pages_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def couple() -> dict[str, Any]:
    alice = User.objects.create_user("alice", password="a calm harbour 42")
    bob = User.objects.create_user("bob", password="a calm harbour 42")
    repair = start_repair(alice, role="offender", kind="broken_promise", title="The missed dinner", description="x")
    accept_invitation(bob, create_invitation(repair_access(alice, repair.pk)).code)
    fill_repair(alice, bob, repair)
    return {"alice": alice, "bob": bob, "repair": repair}


_LAYOUT = """() => {
  const exit = document.getElementById('quick-exit').getBoundingClientRect();
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    exitInView: exit.top >= 0 && exit.left >= 0 && exit.right <= window.innerWidth && exit.bottom <= window.innerHeight,
  };
}"""


# Tab from the top of the document, as on a fresh page: focusing the body (made focusable for the
# moment) moves the browser's focus starting point to its start. A plain blur() would leave it just
# after the link Tab reached last, and a selection does not move it.
_FROM_THE_TOP = "() => { const b = document.body; b.tabIndex = -1; b.focus(); b.removeAttribute('tabindex'); }"
WIDTHS = (360, 1280)  # a phone, then a laptop: each page is loaded once and looked at in both
AXE_WIDTH = WIDTHS[0]


def _look(page: Any, url: str, width: int) -> list[str]:
    """What is wrong with the page as it is laid out now, at ``width`` px."""
    problems = []
    layout = page.evaluate(_LAYOUT)
    if layout["scrollWidth"] > layout["innerWidth"]:
        problems.append(f"{url} at {width} px: {layout['scrollWidth']} px wide in a {layout['innerWidth']} px window")
    if not layout["exitInView"]:
        problems.append(f"{url} at {width} px: Quick exit is out of view")
    page.evaluate(_FROM_THE_TOP)
    page.keyboard.press("Tab")
    if page.evaluate("document.activeElement && document.activeElement.id") != "quick-exit":
        problems.append(f"{url} at {width} px: Quick exit is not first in keyboard order")
    if width == AXE_WIDTH:
        for v in page.evaluate(AXE_VIOLATIONS):
            targets = [" ".join(map(str, n["target"])) for n in v["nodes"]][:3]
            problems.append(f"{url} at {width} px: axe: {v['impact']} {v['id']}: {v['help']} {targets}")
    return problems


@pytest.mark.parametrize("who", ["alice", "bob"])
def test_no_main_page_scrolls_sideways_hides_quick_exit_logs_an_error_or_fails_axe(
    browser: Any, live_server: Any, couple: dict[str, Any], who: str
) -> None:
    problems: list[str] = []
    with signed_in(browser, live_server, couple[who], WIDTHS[0]) as context:
        # Chromium logs CSP violations as console errors too; this names the directive as well.
        context.add_init_script(
            "document.addEventListener('securitypolicyviolation', e => console.error('CSP: ' + e.violatedDirective))"
        )
        context.add_init_script(path=str(AXE))  # under the app's CSP, so the console check sees the real page
        page = context.new_page()
        current = {"url": ""}
        page.on("console", lambda m: m.type == "error" and problems.append(f"{current['url']}: console: {m.text}"))
        page.on("pageerror", lambda e: problems.append(f"{current['url']}: script error: {e}"))
        for url in pages_for(couple[who], couple["repair"]):
            current["url"] = url
            page.set_viewport_size({"width": WIDTHS[0], "height": 780})
            page.goto(url)
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 780})
                problems += _look(page, url, width)
    assert not problems, "\n".join(problems)


@contextmanager
def _alice_on_a_phone(browser: Any, live_server: Any, couple: dict[str, Any], path: str) -> Iterator[Any]:
    """Alice's page at ``path`` (under her repair) in a 360 px window."""
    with signed_in(browser, live_server, couple["alice"], 360) as context:
        page = context.new_page()
        page.goto(f"/repairs/{couple['repair'].pk}/{path}")
        yield page


def test_the_commitment_form_shows_only_the_fields_for_the_chosen_frequency(
    browser: Any, live_server: Any, couple: dict[str, Any]
) -> None:
    with _alice_on_a_phone(browser, live_server, couple, "trust/commitments/") as page:
        form = page.locator("#add + form")
        assert not form.get_by_label("Monday").is_visible() and not form.get_by_label("On which day?").is_visible()
        assert page.locator("#keep-question").inner_text() == "Can you keep this every day?"
        form.get_by_label("Once", exact=True).check()
        assert form.get_by_label("On which day?").is_visible() and not form.get_by_label("Monday").is_visible()
        assert page.locator("#keep-question").inner_text() == "Can you keep this on the day?"
        form.get_by_label("On given days each week").check()
        assert form.get_by_label("Monday").is_visible()
        assert "every time" not in page.locator("#keep-question").inner_text()


def test_on_a_phone_a_chart_keeps_a_readable_size_and_opens_at_its_newest_days(
    browser: Any, live_server: Any, couple: dict[str, Any]
) -> None:
    with _alice_on_a_phone(browser, live_server, couple, "trust/") as page:
        region = page.locator("#chart-heatmap .chart-scroll")
        expect(region).to_have_attribute("role", "region")
        sizes = region.evaluate(
            "r => ({svg: r.querySelector('svg').getBoundingClientRect().width, client: r.clientWidth, "
            "scroll: r.scrollWidth, left: r.scrollLeft})"
        )
        assert sizes["svg"] >= 38 * 16 - 1 and sizes["scroll"] > sizes["client"]
        assert sizes["left"] + sizes["client"] >= sizes["scroll"] - 1  # scrolled to the right end


@pytest.mark.parametrize("path", ["shared/", "step/apologize/", "trust/", "apology/compare/"])
def test_printing_shows_the_content_only(browser: Any, live_server: Any, couple: dict[str, Any], path: str) -> None:
    with signed_in(browser, live_server, couple["alice"], 1280) as context:
        page = context.new_page()
        page.goto(f"/repairs/{couple['repair'].pk}/{path}")
        page.emulate_media(media="print")
        for hidden in ("#quick-exit", ".site-header", ".site-footer", "nav", "button"):
            shown = [e for e in page.locator(hidden).all() if e.is_visible()]
            assert not shown, f"{hidden} prints on {path}"
        expect(page.locator("main h1")).to_be_visible()


@pytest.mark.parametrize("width", WIDTHS)
def test_public_pages_fit_a_phone_keep_quick_exit_in_view_and_pass_axe(
    browser: Any, live_server: Any, width: int
) -> None:
    problems: list[str] = []
    context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 780})
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    for url in ["/", "/accounts/signup/", "/accounts/login/", "/guide/", "/help/", "/safety/now/"]:
        page.goto(url)
        layout = page.evaluate(_LAYOUT)
        if layout["scrollWidth"] > layout["innerWidth"] or not layout["exitInView"]:
            problems.append(f"{url}: {layout}")
        for v in page.evaluate(AXE_VIOLATIONS) if width == AXE_WIDTH else []:
            problems.append(f"{url}: {v['impact']} {v['id']}: {v['help']}")
    context.close()
    assert not problems, "\n".join(problems)
