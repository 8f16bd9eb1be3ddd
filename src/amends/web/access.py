"""Web side of the access helpers: a domain NotFound becomes a 404."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from amends.services.access import RepairAccess, repair_access
from amends.services.errors import NotFound


def repair_or_404(request: HttpRequest, repair_id: object) -> RepairAccess:
    try:
        return repair_access(request.user, repair_id)
    except NotFound as exc:
        raise Http404("no such repair") from exc
