"""Playbooks per kind of mistake, as data in ``amends/content/playbooks``.

Each playbook has a title, a summary, cited sources and checklist items with stable ids
(grouped in stages for infidelity: atone, attune, attach).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

_FOLDER = "amends.content.playbooks"


@cache
def _raw(kind: str) -> dict[str, Any]:
    raw: dict[str, Any] = yaml.safe_load(resources.files(_FOLDER).joinpath(f"{kind}.yaml").read_text(encoding="utf-8"))
    return raw


def _discover() -> tuple[str, ...]:
    """The kinds of mistake are the playbook files: one file per kind, ordered by its ``order``."""
    kinds = [f.name.removesuffix(".yaml") for f in resources.files(_FOLDER).iterdir() if f.name.endswith(".yaml")]
    return tuple(sorted(kinds, key=lambda k: int(_raw(k)["order"])))


KINDS = _discover()


def mistake_kinds() -> list[tuple[str, str]]:
    """(id, label) for every kind of mistake, in the order the repair form offers them."""
    return [(kind, str(_raw(kind)["label"])) for kind in KINDS]


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    text: str
    stage: str | None = None
    link: str | None = None
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Playbook:
    kind: str
    title: str
    summary: str
    sources: tuple[str, ...]
    checklist: tuple[ChecklistItem, ...]
    stages: tuple[str, ...] = ()

    def item(self, item_id: str) -> ChecklistItem:
        return next(i for i in self.checklist if i.id == item_id)


def _items(raw: list[dict[str, Any]], stage: str | None) -> list[ChecklistItem]:
    return [ChecklistItem(str(i["id"]), str(i["text"]), stage, i.get("link"), tuple(i.get("options", ()))) for i in raw]


@cache
def load_playbook(kind: str) -> Playbook:
    """The playbook for a kind of mistake; unknown kinds get the general ("other") playbook."""
    key = kind if kind in KINDS else "other"
    raw = _raw(key)
    items = _items(raw.get("checklist", []), None)
    for stage in raw.get("stages", []):
        items += _items(stage["checklist"], stage["id"])
    return Playbook(
        kind=key,
        title=raw["title"],
        summary=raw["summary"],
        sources=tuple(raw["sources"]),
        checklist=tuple(items),
        stages=tuple(s["id"] for s in raw.get("stages", [])),
    )
