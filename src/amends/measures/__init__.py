"""Validated questionnaires and our own check-ins: definitions as data, pure scoring."""

from __future__ import annotations

from amends.measures.instruments import INSTRUMENTS, Instrument, Item, UnknownInstrument, load_instrument
from amends.measures.scoring import InvalidAnswer, ScoreResult, score

__all__ = [
    "INSTRUMENTS",
    "Instrument",
    "Item",
    "InvalidAnswer",
    "ScoreResult",
    "UnknownInstrument",
    "load_instrument",
    "score",
]
