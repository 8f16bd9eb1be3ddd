"""Questionnaires as data: load an instrument definition from ``amends/content/instruments``.

The folder is the registry. Each YAML file states its id, where it is offered (``use``: ``screen`` for
the private screens, ``check_in`` for the trust check-ins), who is offered it (``audience``), other
names (``aliases``), its label in reminders, and its scoring with any cut-off. Python reads these and
never restates them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

_FOLDER = "amends.content.instruments"
_ORDER = {"screen": 0, "check_in": 1}


@cache
def _raw(key: str) -> dict[str, Any]:
    text = resources.files(_FOLDER).joinpath(f"{key}.yaml").read_text(encoding="utf-8")
    raw: dict[str, Any] = yaml.safe_load(text)
    return raw


def _discover() -> tuple[str, ...]:
    """Every instrument file in the content folder: the registry is the folder, never a list in code."""
    ids = [f.name.removesuffix(".yaml") for f in resources.files(_FOLDER).iterdir() if f.name.endswith(".yaml")]
    return tuple(sorted(ids, key=lambda i: (_ORDER[_raw(i)["use"]], int(_raw(i)["order"]))))


INSTRUMENTS = _discover()
ALIASES = {str(alias).lower(): key for key in INSTRUMENTS for alias in _raw(key).get("aliases") or ()}


def screens() -> tuple[str, ...]:
    """The private screens (mood, anxiety, suicide risk, safety at home, alcohol), in display order."""
    return tuple(i for i in INSTRUMENTS if _raw(i)["use"] == "screen")


def check_ins() -> tuple[str, ...]:
    """The questionnaires of the trust check-ins, charted over time and shareable."""
    return tuple(i for i in INSTRUMENTS if _raw(i)["use"] == "check_in")


def offered_to(role: str) -> tuple[str, ...]:
    """The check-ins offered to a partner in this role ("hurt" or "offender")."""
    return tuple(i for i in check_ins() if _raw(i)["audience"] in ("both", role))


def label(key: str) -> str:
    """How reminders and timelines name the instrument."""
    return str(_raw(canonical(key))["label"])


def cutoff(key: str) -> float:
    """The published cut-off: a total on the positive side of it counts as a positive screen."""
    return float(_raw(canonical(key))["scoring"]["positive"]["value"])


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
    ask_if: str | None = None  # when the item is asked; the rule itself is ``scoring.items_to_ask``

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
        ask_if=raw.get("ask_if"),
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
    raw = _raw(key)
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
