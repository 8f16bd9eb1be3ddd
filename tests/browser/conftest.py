"""Real Chromium (Debian's package, found on PATH) driven by Playwright. No browser download."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

from amends.services.recovery import issue_recovery_codes
from amends.warm import warm_up
from amends.web.accounts.models import Profile
from tests.embeddings import encoder_answers_remembered  # noqa: F401  (autouse: the encoder runs once per batch)

PASSWORD = "a calm harbour 42"
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
# Load axe with ``context.add_init_script(path=str(AXE))``: init scripts reach each page through the
# DevTools protocol, not a <script> element, so axe runs under the app's own strict CSP.
# It reports violations only: collecting passing and inapplicable nodes too would double its time
# and is never read.
AXE_VIOLATIONS = "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # One site, ours: a renderer process per site would only add processes (about 7% of the CPU).
    "--disable-features=site-per-process,IsolateOrigins",
    "--disable-site-isolation-trials",
]


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("AMENDS_BROWSER"):
            pytest.fail("chromium is not on PATH; scripts/test.sh installs Debian's chromium package")
        pytest.skip("chromium is not installed (make test installs it)")
    return path


class _Chromium:
    """The launched browser, whose new contexts block service workers unless the test is marked
    ``service_worker``.

    The app's worker passes every page straight to the network, so it changes nothing a page test
    looks at; but in each fresh context it installs and fetches every static asset, and each page
    load then goes through it: about 3% of the browser tests' CPU, spent outside the tests that are
    about the worker (tests/browser/test_installable.py)."""

    workers_allowed = False

    def __init__(self, launched: Any) -> None:
        self._launched = launched

    def new_context(self, **options: Any) -> Any:
        options.setdefault("service_workers", "allow" if self.workers_allowed else "block")
        return self._launched.new_context(**options)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._launched, name)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    executable = _chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield _Chromium(launched)
        launched.close()


@pytest.fixture(autouse=True)
def _service_workers_only_where_tested(request: pytest.FixtureRequest) -> Iterator[None]:
    _Chromium.workers_allowed = request.node.get_closest_marker("service_worker") is not None
    yield
    _Chromium.workers_allowed = False


@pytest.fixture(scope="session", autouse=True)
def _models_loaded_before_the_first_page() -> None:
    # As ``amends serve`` does before it listens. Otherwise the first page in a worker that coaches or
    # scans a text loads the encoder and the detector inside a browser step's 10 s timeout, on two
    # cores shared with the other test workers: the likeliest cause of a run that failed stuck on the
    # page before a journey step.
    warm_up()


# How long one browser step may wait (a click's navigation, a text to appear). A step that saves an apology runs the
# coach and the crisis scan in the request; on two cores shared with the other test worker and a busy machine one such
# save once took over 10 s (stop 54), so a step gets 20 s. A step that works takes well under one.
STEP_TIMEOUT_MS = 20_000


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    context.set_default_timeout(STEP_TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def second_page(browser: Any, live_server: Any) -> Iterator[Any]:
    """A second person's browser, side by side with ``page`` on the same server."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1024, "height": 900})
    context.set_default_timeout(STEP_TIMEOUT_MS)
    yield context.new_page()
    context.close()


def add_session(context: Any, user: User, **where: str) -> None:
    """Sign ``user`` in to a browser context: a session made by the test client, as its cookie at
    ``where`` (Playwright's ``url``, or ``domain`` and ``path``)."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, **where}])


def sign_in(page: Any, name: str = "alice") -> User:
    """A new account as the sign-up form leaves it (profile, recovery codes), signed in by its session
    cookie, on the home page. For tests about something else: the form's three page loads cost about
    a CPU-second each time. ``sign_up`` drives the form itself, where that is the subject."""
    user = User.objects.create_user(name, password=PASSWORD)
    Profile.objects.create(user=user)
    issue_recovery_codes(user)
    # live_server listens on localhost; a cookie's domain ignores the port.
    add_session(page.context, user, domain="localhost", path="/")
    page.goto("/")
    return user


def sign_up(page: Any, name: str = "alice", password: str = PASSWORD) -> None:
    page.goto("/accounts/signup/")
    page.get_by_label("Username").fill(name)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_label("Password confirmation").fill(password)
    page.get_by_role("button", name="Create account").click()
    # The answer is the page that shows the recovery codes once; its button goes on to the home page.
    page.get_by_role("link", name="I have kept them: continue").wait_for()
    page.wait_for_load_state("networkidle")  # the reminder notice may appear above the link and move it
    page.get_by_role("link", name="I have kept them: continue").click()
    page.wait_for_url(re.compile(r"^https?://[^/]+/$"))


def start_repair(page: Any, *, kind: str = "A broken promise", role: str = "I hurt my partner") -> None:
    page.goto("/repairs/new/")
    page.get_by_label(role).check()
    page.get_by_label(kind).check()
    page.get_by_label("A short name for this repair").fill("The missed dinner")
    page.get_by_label("What happened, in your own words?").fill("I missed Sam's birthday dinner and did not call.")
    page.get_by_role("button", name="Start").click()
    # A number, not "*": the glob also matches /repairs/new/, which returned before the repair existed.
    page.wait_for_url(re.compile(r"/repairs/\d+/$"))


def invite_partner(alice: Any, repair_url: str) -> None:
    """From the repair's page, alice opens "Partner and privacy" and makes an invitation; each page is
    waited for, so a step that did not happen fails where it happened."""
    alice.get_by_role("link", name="Partner and privacy").click()
    alice.wait_for_url(repair_url + "partner/")
    alice.get_by_role("button", name="Invite my partner").click()
    alice.wait_for_url(repair_url + "partner/invite/")


def join_as_couple(alice: Any, bob: Any) -> str:
    """alice signs in, starts a repair and invites; bob signs in and joins with the code. The repair's URL."""
    sign_in(alice, "alice")
    start_repair(alice)
    repair_url = str(alice.url)
    invite_partner(alice, repair_url)
    code = alice.locator("#invite-code").inner_text()
    sign_in(bob, "bob")
    bob.get_by_role("link", name="Join a repair").click()
    bob.get_by_label("Invitation code").fill(code)
    bob.get_by_role("button", name="Join").click()
    bob.wait_for_url(repair_url + "welcome/")
    return repair_url


@contextmanager
def signed_in(browser: Any, live_server: Any, user: User, width: int) -> Iterator[Any]:
    """A browser context signed in as ``user`` (a session made by the test client) at ``width`` px."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 780})
    context.set_default_timeout(STEP_TIMEOUT_MS)
    add_session(context, user, url=live_server.url)
    yield context
    context.close()
