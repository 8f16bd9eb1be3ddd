"""When it happens again: the kinds of new incident, and each member's short track for one incident.

The data lives in content/journey/incidents.yaml; the steps reuse the journey's own Step and Prompt,
so the same templates and checks serve them. Pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from amends.journey.steps import TRACKS, WIDGETS, Prompt, Step, Track, _read_yaml


@dataclass(frozen=True)
class IncidentKind:
    slug: str
    label: str  # what the person chooses: "It happened again"
    help: str
    event: str  # how the timeline names it
    marker: str  # how a chart names it


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = _read_yaml("journey", "incidents.yaml")
    return data


@cache
def incident_kinds() -> tuple[IncidentKind, ...]:
    """Every kind of new incident, in the order they are offered."""
    return tuple(IncidentKind(k["slug"], k["label"], k["help"], k["event"], k["marker"]) for k in _data()["kinds"])


def incident_kind(slug: str) -> IncidentKind | None:
    return next((k for k in incident_kinds() if k.slug == slug), None)


def repeat_sources() -> str:
    """The sources behind "a second hurt can weigh more than the first"."""
    return " ".join(str(_data()["repeat_sources"]).split())


def incident_intro(role: str) -> str:
    """What the incident pages say first to this member; for the hurt partner, that it can hurt more."""
    if role not in TRACKS:
        raise ValueError(f"unknown journey track {role!r}; expected one of {TRACKS}")
    return " ".join(str(_data()["intro"][role]).split())


@cache
def load_incident_track(role: str) -> Track:
    """The steps one member walks for each new incident: name it, its impact, the apology."""
    if role not in TRACKS:
        raise ValueError(f"unknown journey track {role!r}; expected one of {TRACKS}")
    raw = _data()["tracks"][role]
    steps = tuple(_step(number, s) for number, s in enumerate(raw["steps"], start=1))
    return Track(name=f"incident-{role}", title=raw["title"], voice=raw["voice"], steps=steps)


def _step(number: int, raw: dict[str, Any]) -> Step:
    prompts = tuple(_prompt(p) for p in raw["prompts"])
    return Step(raw["slug"], number, raw["title"], raw["guidance"].strip(), raw["framework"], prompts)


def _prompt(raw: dict[str, Any]) -> Prompt:
    widget = raw.get("widget", "text")
    if widget not in WIDGETS:  # a typo in the data fails at load, not on someone's page
        raise ValueError(f"unknown prompt widget {widget!r}")
    return Prompt(raw["slug"], raw["label"], raw.get("help", ""), widget)
