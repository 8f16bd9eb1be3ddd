"""Screenshots of the main pages at phone (360 px) and desktop (1280 px) width, into docs/screenshots/.

It seeds a demo couple (sam, who broke a promise, and alex, who was hurt) into a throwaway data
directory, starts `amends serve` on a free port, and photographs the first screen of each page in
Debian's Chromium with Playwright. Nothing touches your own AMENDS_HOME.

Run: make screenshots   (or .venv/bin/python scripts/screenshots.py [OUT_DIR])
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
PASSWORD = "a calm harbour 42"
WIDTHS = ((360, 780), (1280, 860))  # phone, desktop: width and first-screen height
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The README's picture of the apology coach at work: a draft with the usual faults, checked on the apology step.
COACHED = (
    "I'm sorry if you were upset, but work was crazy. I missed your birthday dinner and didn't even call. "
    "I know you sat there waiting and felt forgotten. I'll try to do better."
)
APOLOGY = (
    "I am sorry I missed your birthday dinner and did not call. You sat there waiting and felt forgotten, "
    "and I made my work matter more than you. From now on I will call you before six if I am running late."
)


def seed() -> int:
    """The demo couple and a week of their repair; returns the repair's id."""
    import django
    from django.core.management import call_command

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amends.web.settings")
    django.setup()
    call_command("migrate", verbosity=0)
    # Imported after django.setup(): the services import the ORM models.
    from django.contrib.auth.models import User

    from amends.services import trust
    from amends.services.access import repair_access
    from amends.services.partners import accept_invitation, create_invitation
    from amends.services.repairs import save_answer, start_repair

    sam = User.objects.create_user("sam", password=PASSWORD)
    alex = User.objects.create_user("alex", password=PASSWORD)
    repair = start_repair(
        sam,
        role="offender",
        kind="broken_promise",
        title="The missed birthday dinner",
        description="I promised to be home for Alex's birthday dinner, stayed late at work and did not call.",
    )
    accept_invitation(alex, create_invitation(repair_access(sam, repair.pk)).code)
    mine, theirs = repair_access(sam, repair.pk), repair_access(alex, repair.pk)
    save_answer(mine, "name-it", "what-i-did", "I stayed at work through your birthday dinner and did not call.")
    save_answer(mine, "apologize", "draft", APOLOGY)
    today = trust.today_for(sam.pk)
    start = today - timedelta(days=6)
    call = trust.add_commitment(
        mine, text="I will call you before six if I am running late.", schedule=_daily(), start=start, today=today
    )
    for day, status in enumerate(("kept", "kept", "partly", "kept", "kept", "missed", "kept")):
        note = "Called at half six, not before six." if status == "partly" else ""
        checked = trust.record_check_in(mine, call.pk, on=start + timedelta(days=day), status=status, note=note)
        if day < 4:
            trust.confirm_check_in(theirs, checked.check_in.pk)
    question = trust.ask_question(theirs, "What was going on at work that night that mattered more?")
    trust.answer_question(mine, question.pk, "A deadline I had agreed to without asking you. I will not do that again.")
    trust.ask_question(theirs, "Will you tell me when a deadline clashes with our plans?")
    return int(repair.pk)


def _daily() -> Any:
    from amends.services.trust import ScheduleInput

    return ScheduleInput("daily")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(home: str, port: int) -> subprocess.Popen[bytes]:
    amends = ROOT / ".venv" / "bin" / "amends"
    env = {**os.environ, "AMENDS_HOME": home}
    server = subprocess.Popen([str(amends), "serve", "--port", str(port), "--no-migrate"], env=env)
    deadline = time.monotonic() + 120  # the coach's models load before the first page answers
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("amends serve did not become ready in two minutes")


def pages(repair: int) -> list[tuple[str, str, str | None]]:
    """(file name, path, who is signed in) for each page photographed."""
    r = f"/repairs/{repair}"
    return [
        ("landing", "/", None),
        ("repair", f"{r}/", "sam"),
        ("apology-step", f"{r}/step/apologize/", "sam"),
        ("trust-dashboard", f"{r}/trust/", "sam"),
        ("commitments", f"{r}/trust/commitments/", "sam"),
        ("check-ins", f"{r}/trust/check-ins/", "sam"),
        ("confirm", f"{r}/trust/confirm/", "alex"),
        ("questions", f"{r}/trust/questions/", "alex"),
        ("shared-view", f"{r}/shared/", "alex"),
        ("help", "/help/", None),
    ]


def photograph(base_url: str, repair: int) -> list[Path]:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("chromium is not on PATH (Debian package 'chromium')")
    OUT.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        contexts: dict[str | None, Any] = {}
        for width, height in WIDTHS:
            for who in (None, "sam", "alex"):
                context = browser.new_context(base_url=base_url, viewport={"width": width, "height": height})
                if who:
                    _sign_in(context.new_page(), who)
                contexts[who] = context
            for name, path, who in pages(repair):
                page = contexts[who].new_page()
                page.goto(path)
                page.wait_for_load_state("networkidle")
                _without_reminder_notice(page)
                target = OUT / f"{name}-{width}.png"
                page.screenshot(path=str(target), full_page=False)
                page.close()
                saved.append(target)
            for context in contexts.values():
                context.close()
        saved.append(_photograph_coach(browser, base_url, repair))
        browser.close()
    return saved


def _photograph_coach(browser: Any, base_url: str, repair: int) -> Path:
    """The apology step with COACHED checked: from the draft box to the end of the coach's feedback."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1100, "height": 1300})
    _sign_in(context.new_page(), "sam")
    page = context.new_page()
    page.goto(f"/repairs/{repair}/step/apologize/")
    page.locator("#answer-draft").fill(COACHED)
    page.get_by_role("button", name="Check my apology").click()
    report = page.locator("#coach-feedback section.report")
    report.wait_for()
    _without_reminder_notice(page)
    top = page.locator("label[for=answer-draft]").bounding_box()
    bottom = report.bounding_box()
    assert top is not None and bottom is not None
    target = OUT / "apology-coach.png"
    clip = {"x": 0, "y": top["y"] - 12, "width": 1100, "height": bottom["y"] + bottom["height"] - top["y"] + 24}
    page.screenshot(path=str(target), full_page=True, clip=clip)
    context.close()
    return target


def _without_reminder_notice(page: Any) -> None:
    """The reminder notice sits fixed at the bottom of the window, over whatever the picture is of."""
    page.evaluate("document.querySelectorAll('.reminder-notice').forEach((notice) => notice.remove())")


def _sign_in(page: Any, who: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(who)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"^https?://[^/]+/$"))
    page.close()


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="amends-shots-") as home:
        os.environ["AMENDS_HOME"] = home
        repair = seed()
        port = free_port()
        server = serve(home, port)
        try:
            saved = photograph(f"http://127.0.0.1:{port}", repair)
        finally:
            server.terminate()
            server.wait(timeout=30)
    total = sum(p.stat().st_size for p in saved)
    print(f"{len(saved)} screenshots, {total / 1024:,.0f} KiB, in {OUT}")


if __name__ == "__main__":
    main()
