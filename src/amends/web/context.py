"""Values every page needs: the crisis line for the footer and the quick-exit target."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from amends import measures
from amends.web.regions import footer_line, user_region


def site(request: HttpRequest) -> dict[str, Any]:
    return {"footer_safety_line": footer_line(user_region(request)), "csi_cutoff": measures.cutoff("csi4")}
