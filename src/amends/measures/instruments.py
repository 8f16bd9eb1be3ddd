"""Questionnaires as data: load an instrument definition from ``amends/content/instruments``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

INSTRUMENTS = (
    "phq9",
    "phq2",
    "gad7",
    "gad2",
    "asq",
    "hark",
    "cage",
    "csi4",
    "trust_checkin",
    "forgiveness_checkin",
)
ALIASES = {
    "phq-9": "phq9",
    "phq-2": "phq2",
    "gad-7": "gad7",
    "gad-2": "gad2",
    "csi-4": "csi4",
    "trust": "trust_checkin",
    "forgiveness": "forgiveness_checkin",
}


class UnknownInstrument(KeyError):
    """No instrument has that name."""


@dataclass(frozen=True)
class Option:
    value: Any
    label: str


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    options: tuple[Option, ...]
    safety: str | None = None  # flag raised when the answer reaches ``trigger``
    trigger: int | None = None

    def allows(self, value: Any) -> bool:
        return any(o.value == value for o in self.options)


@dataclass(frozen=True)
class Instrument:
    id: str
    name: str
    title: str
    validated: bool
    stem: str
    items: tuple[Item, ...]
    scoring: dict[str, Any]
    attribution: str
    citation: str
    licence: str
    source: str
    text_status: str
    raw: dict[str, Any]

    def item(self, item_id: object) -> Item:
        for it in self.items:
            if it.id == str(item_id):
                return it
        raise KeyError(f"{self.name} has no item {item_id!r}")


def _options(raw: list[dict[str, Any]]) -> tuple[Option, ...]:
    return tuple(Option(o["value"], str(o["label"])) for o in raw)


def _item(raw: dict[str, Any], default: list[dict[str, Any]]) -> Item:
    return Item(
        id=str(raw["id"]),
        text=str(raw["text"]),
        options=_options(raw.get("options") or default),
        safety=raw.get("safety"),
        trigger=raw.get("trigger"),
    )


def canonical(name: str) -> str:
    """Map a user-typed name ("PHQ-9", "phq9") to the instrument id."""
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key not in INSTRUMENTS:
        raise UnknownInstrument(f"unknown instrument {name!r}; choose one of {', '.join(INSTRUMENTS)}")
    return key


@cache
def load_instrument(name: str) -> Instrument:
    """Load an instrument definition by id or common name, e.g. ``load_instrument("PHQ-9")``."""
    key = canonical(name)
    text = resources.files("amends.content.instruments").joinpath(f"{key}.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    default = raw.get("options") or []
    return Instrument(
        id=raw["id"],
        name=raw["name"],
        title=raw["title"],
        validated=bool(raw["validated"]),
        stem=raw.get("stem", ""),
        items=tuple(_item(i, default) for i in raw["items"]),
        scoring=raw["scoring"],
        attribution=raw["attribution"],
        citation=raw.get("citation", ""),
        licence=str(raw["licence"]),
        source=str(raw.get("source", "")),
        text_status=str(raw.get("text_status", "")),
        raw=raw,
    )
