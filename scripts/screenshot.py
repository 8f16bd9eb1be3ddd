"""Take the README screenshot: sign up, start a repair, write an apology, capture the coach feedback.

Run with the app served at $AMENDS_URL (default http://127.0.0.1:8765) by `amends serve`.
"""

from __future__ import annotations

import os
import re
import shutil
import sys

from playwright.sync_api import sync_playwright

URL = os.environ.get("AMENDS_URL", "http://127.0.0.1:8765")
OUT = sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots/apology-coach.png"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
    page = browser.new_page(base_url=URL, viewport={"width": 1100, "height": 1300})
    page.goto("/accounts/signup/")
    page.get_by_label("Username").fill("sam")
    page.get_by_label("Password", exact=True).fill("a calm harbour 42")
    page.get_by_label("Password confirmation").fill("a calm harbour 42")
    page.get_by_role("button", name="Create account").click()
    page.goto("/repairs/new/")
    page.get_by_label("I hurt my partner").check()
    page.get_by_label("A broken promise").check()
    page.get_by_label("A short name for this repair").fill("The missed birthday dinner")
    page.get_by_label("What happened, in your own words?").fill(
        "I promised to be home for Alex's birthday dinner, stayed late at work and did not call."
    )
    page.get_by_role("button", name="Start").click()
    page.wait_for_url(re.compile(r"/repairs/\d+/$"))
    page.goto(page.url + "step/apologize/")
    page.get_by_label("My apology").fill(
        "I'm sorry if you were upset, but work was crazy. I missed your birthday dinner and didn't even call. "
        "I know you sat there waiting and felt forgotten. I'll try to do better."
    )
    page.get_by_role("button", name="Check my apology").click()
    page.locator(".report").wait_for()
    page.locator("#field-draft").scroll_into_view_if_needed()
    page.screenshot(path=OUT, full_page=False)
    browser.close()
print(OUT)
