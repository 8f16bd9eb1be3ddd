"""The real sentence encoder, run once per distinct batch for the whole test process.

The web, CLI and browser tests save the same few dozen sentences thousands of times, and every save
runs the crisis detector, so a fifth of their time went to the encoder recomputing vectors it had
already computed. The product forgets embeddings after each request (``amends.coach.memory``); this
keeps the encoder's answers for the test process only, keyed by the exact batch it was given, so each
call returns exactly what the real encoder returns for that batch (batch composition changes int8
activations, so a text is never answered from another batch). ``embed._cache`` itself still empties
after every request, which ``tests/web/test_stateless.py`` checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

from amends.coach import embed as embed_module
from amends.safety import recurring

_REAL = embed_module.embed
_ANSWERS: dict[tuple[str, tuple[str, ...], int, bool], np.ndarray] = {}


def _remembered(texts: list[str], *, model: str, batch_size: int = 32, with_max: bool = False) -> np.ndarray:
    key = (model, tuple(texts), batch_size, with_max)
    if key not in _ANSWERS:
        _ANSWERS[key] = _REAL(texts, model=model, batch_size=batch_size, with_max=with_max)
    return _ANSWERS[key].copy()


@pytest.fixture(autouse=True)
def encoder_answers_remembered(monkeypatch: Any) -> Iterator[None]:
    for module in (embed_module, recurring):
        monkeypatch.setattr(module, "embed", _remembered)
    yield
