from __future__ import annotations

from typing import Any

from django import template

from amends.web.repairs.models import JourneyAnswer

register = template.Library()


@register.simple_tag
def answer_shared(access: Any, step: str, prompt: str) -> bool:
    """Whether the signed-in member's own answer to this prompt is shared (never anyone else's)."""
    return JourneyAnswer.objects.filter(
        repair=access.repair, author_id=access.user_id, step=step, prompt=prompt, shared=True
    ).exists()
