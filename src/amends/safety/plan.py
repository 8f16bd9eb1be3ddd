"""The safety-plan template (six steps, Stanley-Brown structure, our own wording)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from amends.safety.resources import Resource, for_region


@dataclass(frozen=True)
class PlanStep:
    id: str
    title: str
    prompt: str
    examples: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    prefill: tuple[Resource, ...] = ()


@dataclass(frozen=True)
class SafetyPlanTemplate:
    title: str
    intro: str
    source: str
    steps: tuple[PlanStep, ...]


@lru_cache(maxsize=1)
def _raw() -> dict[str, Any]:
    text = resources.files("amends.content").joinpath("safety_plan.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def safety_plan(region: str | None) -> SafetyPlanTemplate:
    """The six-step template, with step 5 pre-filled with the region's crisis lines."""
    raw = _raw()
    steps = tuple(
        PlanStep(
            id=s["id"],
            title=s["title"],
            prompt=s["prompt"],
            examples=tuple(s.get("examples", ())),
            fields=tuple(s.get("fields", ())),
            prefill=for_region(region, s["prefill_categories"]) if s.get("prefill_categories") else (),
        )
        for s in raw["steps"]
    )
    return SafetyPlanTemplate(raw["title"], raw["intro"], raw["source"], steps)
