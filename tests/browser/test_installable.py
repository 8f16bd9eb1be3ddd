"""Installable: the manifest, and a service worker that keeps static assets and the offline page only.

It never keeps a page with anyone's words, and signing out or the quick exit leaves nothing behind.
"""

from __future__ import annotations

import struct
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import sign_in, start_repair

pytestmark = [pytest.mark.browser, pytest.mark.service_worker, pytest.mark.django_db(transaction=True)]

CACHED_URLS = """async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
  }
  return urls;
}"""
NOTHING_KEPT = """async () => (await caches.keys()).length === 0
  && (await navigator.serviceWorker.getRegistrations()).length === 0"""


def _installed(page: Any) -> None:
    page.wait_for_function("async () => !!(await navigator.serviceWorker.ready).active")
    page.reload()  # now controlled by the worker from the first request
    page.wait_for_function("() => !!navigator.serviceWorker.controller")


def _png_size(body: bytes) -> tuple[int, int]:
    assert body[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", body[16:24])
    return width, height


def test_the_manifest_is_linked_from_every_page_and_describes_an_installable_app(page: Any) -> None:
    page.goto("/")
    href = page.locator("link[rel=manifest]").get_attribute("href")
    response = page.request.get(href)
    assert response.ok and response.headers["content-type"].startswith("application/manifest+json")
    manifest = response.json()
    assert manifest["name"] == "amends" and manifest["start_url"] == "/" and manifest["display"] == "standalone"
    sizes = set()
    for icon in manifest["icons"]:
        image = page.request.get(icon["src"])
        assert image.ok and image.headers["content-type"] == "image/png"
        width, height = _png_size(image.body())
        assert icon["sizes"] == f"{width}x{height}"
        sizes.add(width)
    assert {192, 512} <= sizes
    assert any(i["purpose"] == "maskable" for i in manifest["icons"])


def test_the_worker_keeps_static_assets_and_the_offline_page_and_never_a_personal_page(page: Any) -> None:
    sign_in(page)
    start_repair(page)
    repair = page.url
    _installed(page)
    for path in (repair, repair + "step/name-it/", "/settings/", "/privacy/", "/accounts/recover/"):
        page.goto(path)
    kept = page.evaluate(CACHED_URLS)
    assert "/offline/" in kept and "/static/amends/app.css" in kept and "/static/amends/app.js" in kept
    assert all(url.startswith("/static/") or url == "/offline/" for url in kept), kept
    offline = page.request.get("/offline/").text()
    assert "alice" not in offline and "csrf" not in offline.lower()  # the stored page is nobody's


def test_offline_the_static_assets_come_from_the_cache_and_a_page_shows_the_offline_notice(page: Any) -> None:
    sign_in(page)
    start_repair(page)
    repair = page.url
    _installed(page)
    page.context.set_offline(True)
    page.goto(repair)
    expect(page.get_by_role("heading", name="No connection")).to_be_visible()
    assert "The missed dinner" not in page.content()
    status = page.evaluate("async () => (await fetch('/static/amends/app.css')).status")
    assert status == 200
    page.context.set_offline(False)
    page.goto(repair)
    expect(page.get_by_role("heading", name="The missed dinner")).to_be_visible()


def test_signing_out_removes_the_worker_and_everything_it_kept(page: Any) -> None:
    sign_in(page)
    _installed(page)
    assert page.evaluate(CACHED_URLS)
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/")
    page.wait_for_function(NOTHING_KEPT)
    page.reload()  # signed out, the page does not install it again
    page.wait_for_load_state("load")
    assert page.evaluate(NOTHING_KEPT)


def test_the_quick_exit_removes_the_worker_and_everything_it_kept(page: Any) -> None:
    sign_in(page)
    _installed(page)
    assert page.evaluate(CACHED_URLS)
    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url("**/neutral/")
    page.wait_for_function(NOTHING_KEPT)


def test_the_sign_out_and_neutral_answers_ask_the_browser_to_clear_the_site(page: Any) -> None:
    assert page.request.get("/neutral/").headers["clear-site-data"] == '"cache", "storage"'
