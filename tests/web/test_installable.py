"""The manifest, the service worker script and the offline page, as the server answers them."""

from __future__ import annotations

import json
import re
from typing import Any

from django.test import Client
from django.urls import reverse


def test_the_manifest_is_served_as_a_web_app_manifest(as_anon: Client, db: Any) -> None:
    response = as_anon.get(reverse("manifest"))
    assert response["Content-Type"] == "application/manifest+json"
    body = json.loads(response.content)
    assert body["scope"] == "/" and body["start_url"] == "/"
    assert {i["sizes"] for i in body["icons"]} == {"192x192", "512x512"}


def test_every_page_links_the_manifest(as_alice: Client) -> None:
    for url in (reverse("home"), reverse("guide"), reverse("settings")):
        assert f'<link rel="manifest" href="{reverse("manifest")}">' in as_alice.get(url).content.decode()


def test_the_worker_script_covers_the_site_and_lists_only_static_assets_and_the_offline_page(
    as_anon: Client, db: Any
) -> None:
    response = as_anon.get("/sw.js")
    script = response.content.decode()
    assert response["Content-Type"].startswith("text/javascript") and response["Cache-Control"] == "no-cache"
    assets = json.loads(re.search(r"const ASSETS = (\[.*?\]);", script).group(1))  # type: ignore[union-attr]
    assert "/static/amends/app.css" in assets and "/static/amends/icons/icon-512.png" in assets
    assert all(a.startswith("/static/") for a in assets)
    assert 'const OFFLINE = "/offline/";' in script
    assert "cache.put" not in script  # nothing fetched later is ever stored


def test_the_offline_page_holds_no_name_and_no_token_even_when_signed_in(as_alice: Client) -> None:
    page = as_alice.get(reverse("offline")).content.decode()
    assert "No connection" in page
    assert "alice" not in page and "csrf" not in page.lower() and "<script" not in page


def test_signing_out_asks_the_browser_to_clear_the_sites_cache_and_storage(as_alice: Client) -> None:
    response = as_alice.post(reverse("logout"))
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'
