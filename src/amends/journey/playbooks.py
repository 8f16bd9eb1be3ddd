"""Playbooks per kind of mistake, as data in ``amends/content/playbooks``.

Each playbook has a title, a summary, cited sources and checklist items with stable ids
(grouped in stages for infidelity: atone, attune, attach). The checklist is written for one partner
(``audience``, the one who made the mistake); the other sees ``for_hurt_partner``, what the playbook
means for them, and never the checklist. Items marked ``couple_work`` (a joint conversation, couples
therapy) are left out while there is any abuse signal.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
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


MISTAKES = _discover()


def mistake_kinds() -> list[tuple[str, str]]:
    """(id, label) for every kind of mistake, in the order the repair form offers them."""
    return [(kind, str(_raw(kind)["label"])) for kind in MISTAKES]


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    text: str
    stage: str | None = None
    link: str | None = None
    options: tuple[str, ...] = ()
    couple_work: bool = False  # a joint conversation or couples therapy


@dataclass(frozen=True)
class HurtPartnerView:
    """What the playbook means for the partner it is not written for."""

    summary: str
    points: tuple[str, ...]


@dataclass(frozen=True)
class Playbook:
    kind: str
    title: str
    summary: str
    sources: tuple[str, ...]
    checklist: tuple[ChecklistItem, ...]
    stages: tuple[str, ...] = ()
    audience: str = "offender"  # the role the checklist is written for
    for_hurt_partner: HurtPartnerView | None = None

    def for_role(self, role: str) -> bool:
        """Whether the checklist is written for someone in ``role``."""
        return role == self.audience

    def without_couple_work(self) -> Playbook:
        return replace(self, checklist=tuple(i for i in self.checklist if not i.couple_work))

    def item(self, item_id: str) -> ChecklistItem:
        return next(i for i in self.checklist if i.id == item_id)


def _items(raw: list[dict[str, Any]], stage: str | None) -> list[ChecklistItem]:
    return [
        ChecklistItem(
            str(i["id"]), str(i["text"]), stage, i.get("link"), tuple(i.get("options", ())), bool(i.get("couple_work"))
        )
        for i in raw
    ]


@cache
def load_playbook(kind: str) -> Playbook:
    """The playbook for a kind of mistake; unknown kinds get the general ("other") playbook."""
    key = kind if kind in MISTAKES else "other"
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
        audience=str(raw.get("audience", "offender")),
        for_hurt_partner=_hurt_view(raw.get("for_hurt_partner")),
    )


def _hurt_view(raw: dict[str, Any] | None) -> HurtPartnerView | None:
    if not raw:
        return None
    return HurtPartnerView(str(raw["summary"]), tuple(str(p) for p in raw["points"]))
