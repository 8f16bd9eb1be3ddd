"""Journey steps, prompts and the feelings list, loaded from package data (content/*.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

TRACKS = ("offender", "hurt")
WIDGETS = ("text", "feelings", "attachment", "apology", "apology-needs")


@dataclass(frozen=True)
class Prompt:
    slug: str
    label: str
    help: str
    widget: str = "text"


@dataclass(frozen=True)
class Step:
    slug: str
    number: int
    title: str
    guidance: str
    framework: str
    prompts: tuple[Prompt, ...]

    def prompt(self, slug: str) -> Prompt | None:
        return next((p for p in self.prompts if p.slug == slug), None)


@dataclass(frozen=True)
class Track:
    name: str
    title: str
    voice: str
    steps: tuple[Step, ...]

    def step(self, slug: str) -> Step | None:
        return next((s for s in self.steps if s.slug == slug), None)

    def before(self, step: Step) -> Step | None:
        """The step just before ``step`` in this track, if any."""
        return next((s for s in self.steps if s.number == step.number - 1), None)

    def after(self, step: Step) -> Step | None:
        """The step just after ``step`` in this track, if any."""
        return next((s for s in self.steps if s.number == step.number + 1), None)


def _read_yaml(*parts: str) -> Any:
    node = resources.files("amends.content")
    for part in parts:
        node = node.joinpath(part)
    return yaml.safe_load(node.read_text(encoding="utf-8"))


@cache
def load_track(name: str) -> Track:
    """Load one track ("offender" or "hurt") from content/journey/NAME.yaml."""
    if name not in TRACKS:
        raise ValueError(f"unknown journey track {name!r}; expected one of {TRACKS}")
    data = _read_yaml("journey", f"{name}.yaml")
    steps = tuple(
        Step(
            slug=raw["slug"],
            number=number,
            title=raw["title"],
            guidance=raw["guidance"].strip(),
            framework=raw["framework"],
            prompts=tuple(
                Prompt(p["slug"], p["label"], p.get("help", ""), p.get("widget", "text")) for p in raw["prompts"]
            ),
        )
        for number, raw in enumerate(data["steps"], start=1)
    )
    return Track(name=data["track"], title=data["title"], voice=data["voice"], steps=steps)


@lru_cache(maxsize=1)
def load_feelings() -> dict[str, Any]:
    """The feelings picker groups, attachment questions and apology needs."""
    data: dict[str, Any] = _read_yaml("feelings.yaml")
    return data


@lru_cache(maxsize=1)
def load_guide() -> dict[str, Any]:
    """The guide page's questions and answers."""
    data: dict[str, Any] = _read_yaml("guide.yaml")
    return data
