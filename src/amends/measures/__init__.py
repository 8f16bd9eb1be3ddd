"""Validated questionnaires and our own check-ins: definitions as data, pure scoring."""

from __future__ import annotations

from amends.measures.instruments import (
    INSTRUMENTS,
    Instrument,
    Item,
    UnknownInstrument,
    check_ins,
    cutoff,
    label,
    load_instrument,
    offered_to,
    screens,
)
from amends.measures.scoring import InvalidAnswer, ScoreResult, items_to_ask, score

__all__ = [
    "INSTRUMENTS",
    "Instrument",
    "Item",
    "InvalidAnswer",
    "ScoreResult",
    "UnknownInstrument",
    "check_ins",
    "cutoff",
    "label",
    "offered_to",
    "screens",
    "items_to_ask",
    "load_instrument",
    "score",
]
