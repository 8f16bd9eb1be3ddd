"""What one person may take out of one repair, and the small helpers every export section shares."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import QuerySet

from amends import measures
from amends.services.access import RULES, RepairAccess, authored_by, own, visible
from amends.web.repairs.models import Repair

M = TypeVar("M", bound=models.Model)


def ref(obj: models.Model) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True)
class Scope:
    """One repair as this person may read it: their own rows, and, while a member, what others show them."""

    user_id: int
    repair: Repair
    access: RepairAccess | None  # None: a repair they left, where only their own rows are theirs to take
    names: dict[int | None, str] = field(default_factory=dict)  # usernames of the others, looked up once

    def rows(self, model: type[M]) -> QuerySet[M]:
        if self.access is None:
            return self.mine(model)
        # A reply of one's own stays in one's export even when what it answers is hidden.
        return own(self.access, model) | visible(self.access, model)

    def mine(self, model: type[M]) -> QuerySet[M]:
        return authored_by(self.user_id, model).filter(**{RULES[model].repair: self.repair})

    def by(self, obj: models.Model) -> dict[str, Any]:
        # The author's id column, not the author: loading a user per row would make a long export slow.
        *path, last = RULES[type(obj)].author.split("__")
        value: Any = obj
        for part in path:
            value = getattr(value, part)
        who = getattr(value, f"{last}_id")
        if who == self.user_id:
            return {"by": "you", "yours": True}
        if who not in self.names:
            name = get_user_model().objects.filter(pk=who).values_list("username", flat=True).first()
            self.names[who] = name or "your partner"
        return {"by": self.names[who], "yours": False}


def instrument_name(key: str) -> str:
    try:
        return measures.load_instrument(key).name
    except measures.UnknownInstrument:
        return key  # an instrument since retired: its id is all there is


def instrument_answers(key: str, answers: dict[str, Any]) -> list[dict[str, Any]]:
    """Each answer as the question and option wording the person saw."""
    try:
        instrument = measures.load_instrument(key)
    except measures.UnknownInstrument:
        return [{"item": k, "question": "A question no longer asked", "answer": v} for k, v in answers.items()]
    extra = {str(i["id"]): i for i in instrument.raw.get("extra_items") or []}
    out = []
    for item_id, value in answers.items():
        try:
            item = instrument.item(item_id)
        except KeyError:
            text = str(extra[item_id]["text"]) if item_id in extra else "A question no longer asked"
            options = extra.get(item_id, {}).get("options") or []
            label = next((str(o["label"]) for o in options if o.get("value") == value), value)
            out.append({"item": item_id, "question": text, "answer": label, "value": value})
            continue
        label = next((o.label for o in item.options if o.value == value), value)
        out.append({"item": item_id, "question": item.text, "answer": label, "value": value})
    return out


def instrument_result(key: str, band: str) -> dict[str, Any]:
    """The band in words and the scale the total is on, from the instrument's own definition."""
    words: dict[str, Any] = {"band_label": band.replace("_", " ").capitalize(), "meaning": "", "scale": None}
    try:
        scoring = measures.load_instrument(key).scoring
    except measures.UnknownInstrument:
        return words
    bands = scoring.get("bands") or []
    words["meaning"] = next((str(b.get("meaning", "")) for b in bands if b.get("label") == band), "")
    words["scale"] = list(scoring["range"]) if scoring.get("range") else None
    return words
