"""Showing the safety result a service returned: on the next page after a redirect, or in a JSON body.

Views never decide whether to scan; they pass on what the service attached to the saved object.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.http import HttpRequest

from amends.services.text_safety import safety_of

SAFETY_TAG = "safety"


def flash_safety(request: HttpRequest, saved: object) -> None:
    """Carry the safety result across the redirect after a save; the banner shows before any other message."""
    check = safety_of(saved)
    if check is not None:
        messages.add_message(request, messages.WARNING, json.dumps(check.to_dict()), extra_tags=SAFETY_TAG)


def safety_json(saved: object) -> dict[str, Any] | None:
    """The ``safety`` member of a JSON response: ``null`` when nothing was found."""
    check = safety_of(saved)
    return check.to_dict() if check is not None else None
