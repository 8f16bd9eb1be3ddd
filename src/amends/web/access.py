"""Web side of the access rule: every view says which space it works in, and the repair fetch enforces it.

* ``couple_space``: the view shows or sends something that reaches the other partner (shared
  items, notes, commitments, check-ins, confirmations, disputes, questions, answers, the
  timeline, the dashboard, the shared view, sharing itself). While the repair is paused it
  answers with the one neutral notice, for sessions and API tokens alike.
* ``own_space``: only the caller's own data, or none. Open while paused.

The check runs inside ``repair_or_404``, after the caller is known (a bearer token included),
so no route can reach a couple's data without it. A view with no space fails loudly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import ImproperlyConfigured
from django.http import Http404, HttpRequest

from amends.services.access import RepairAccess, repair_access, require_open
from amends.services.errors import NotFound

COUPLE = "couple"
OWN = "own"
SPACES = (COUPLE, OWN)
F = TypeVar("F", bound=Callable[..., Any])


def _space(kind: str) -> Callable[[F], F]:
    def mark(view: F) -> F:
        view.amends_space = kind  # type: ignore[attr-defined]
        return view

    return mark


couple_space = _space(COUPLE)
own_space = _space(OWN)


def space_of(view: Any) -> str | None:
    """The space a view declared, looking through decorators that did not copy it outward."""
    while view is not None:
        kind = getattr(view, "amends_space", None)
        if kind is not None:
            return str(kind)
        view = getattr(view, "__wrapped__", None) or getattr(view, "view_class", None)
    return None


def repair_or_404(request: HttpRequest, repair_id: object) -> RepairAccess:
    try:
        access = repair_access(request.user, repair_id)
    except NotFound as exc:
        raise Http404("no such repair") from exc
    match = getattr(request, "resolver_match", None)
    kind = space_of(match.func) if match is not None else None
    if kind not in SPACES:
        raise ImproperlyConfigured(f"{request.path}: mark its view couple_space or own_space (amends.web.access)")
    if kind == COUPLE:
        require_open(access)
    return access
