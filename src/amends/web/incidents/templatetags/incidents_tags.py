from __future__ import annotations

from typing import Any

from django import template

from amends.journey.incidents import incident_kind
from amends.services.incidents import visible_incidents

register = template.Library()


@register.simple_tag
def incidents_for(access: Any) -> list[dict[str, Any]]:
    """The incidents this member may see, newest first, for the repair page."""
    return [{"incident": i, "kind": incident_kind(i.kind)} for i in visible_incidents(access)[:10]]
