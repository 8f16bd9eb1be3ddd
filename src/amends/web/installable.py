"""Add to home screen: the web app manifest, the service worker, and the offline page it falls back to.

The service worker keeps only the static assets and the offline page, which hold nobody's data. Every
page is fetched from the network each time and never stored, so a shared or seized phone holds no
copy of anyone's repair in its cache. Signing out and the quick exit clear what it kept (app.js), and
the sign-out answer asks the browser to clear it too (``Clear-Site-Data``).
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse

from amends.web.access import own_space

_STATIC = Path(settings.BASE_DIR) / "static"
_KEPT_SUFFIXES = (".css", ".js", ".svg", ".png")
THEME = "#1d5f6b"  # --accent in app.css
BACKGROUND = "#fbfaf7"  # --bg in app.css


@cache
def _assets() -> tuple[list[str], str]:
    """The URLs the worker keeps, and a version that changes whenever one of those files does."""
    files = sorted(p for p in (_STATIC / "amends").rglob("*") if p.suffix in _KEPT_SUFFIXES and p.is_file())
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(_STATIC)).encode() + b"\0" + path.read_bytes())
    return [static(str(p.relative_to(_STATIC))) for p in files], digest.hexdigest()[:12]


@own_space
def manifest(request: HttpRequest) -> JsonResponse:
    icons = [
        {"src": static(f"amends/icons/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png", "purpose": p}
        for size in (192, 512)
        for p in ("any", "maskable")
    ]
    body = {
        "name": "amends",
        "short_name": "amends",
        "description": "Repair trust after a hurt, step by step, with your partner.",
        "id": "/",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": BACKGROUND,
        "theme_color": THEME,
        "icons": icons,
    }
    response = JsonResponse(body, content_type="application/manifest+json")
    response["Cache-Control"] = "max-age=3600"
    return response


@own_space
def service_worker(request: HttpRequest) -> HttpResponse:
    assets, version = _assets()
    script = render(
        request,
        "pages/sw.js",
        {"assets": json.dumps(assets), "version": json.dumps(version), "offline": json.dumps(reverse("offline"))},
        content_type="text/javascript",
    )
    # Always asked again, so a changed asset list reaches every phone at its next visit.
    script["Cache-Control"] = "no-cache"
    return script


@own_space
def offline(request: HttpRequest) -> HttpResponse:
    """Stored by the worker, so it is rendered the same for everyone: no name, no token, no data."""
    return render(request, "pages/offline.html", {"theme": THEME})
