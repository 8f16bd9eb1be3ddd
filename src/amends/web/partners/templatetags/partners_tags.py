from __future__ import annotations

from typing import Any

from django import template

from amends.services.access import shared_by_me
from amends.web.repairs.models import JourneyAnswer

register = template.Library()


@register.simple_tag
def answer_shared(access: Any, step: str, prompt: str) -> bool:
    """Whether the signed-in member's own answer to this prompt is shared (never anyone else's)."""
    return shared_by_me(access, JourneyAnswer).filter(step=step, prompt=prompt).exists()
