"""Small classifier heads over MiniLM embeddings, run with numpy only.

Each head is an ``.npz`` beside this module written by ``train/train_heads.py``: a stack of
dense layers (``W0, b0, W1, b1, ...``; ReLU between them, sigmoid at the end), the output
``labels`` and per-label ``thresholds``. A head may also have a *wide* part (``wide``, one
row of logits per hashed word/bigram slot, see :mod:`amends.coach.models.hashing`) added to
the last layer's output; such a head needs the texts as well as their embeddings. Heads load
once per process and are read-only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from amends.coach.embed import READING_INT8, EncoderMismatch
from amends.coach.models.hashing import wide_logits


@dataclass(frozen=True)
class Head:
    """A trained multi-label head: ``probs(x)`` gives one sigmoid score per label."""

    name: str
    labels: tuple[str, ...]
    layers: tuple[tuple[np.ndarray, np.ndarray], ...]
    thresholds: np.ndarray
    wide: np.ndarray | None = None  # (hash buckets, len(labels)) or None

    def probs(self, x: np.ndarray, texts: list[str] | None = None) -> np.ndarray:
        """Scores in [0, 1] of shape (n, len(labels)) for embeddings of shape (n, 384) or (384,).

        A head with a wide part also needs the ``texts`` the embeddings were made from.
        """
        h = np.atleast_2d(x).astype(np.float32)
        for i, (w, b) in enumerate(self.layers):
            h = h @ w + b
            if i < len(self.layers) - 1:
                h = np.maximum(h, 0.0)
        if self.wide is not None:
            if texts is None or len(texts) != len(h):
                raise ValueError(f"the {self.name} head needs one text per embedding")
            h = h + wide_logits(self.wide, texts, len(self.wide))
        return 1.0 / (1.0 + np.exp(-np.clip(h, -30.0, 30.0)))

    def index(self, label: str) -> int:
        return self.labels.index(label)


def _frozen(a: np.ndarray) -> np.ndarray:
    a = np.array(a, dtype=np.float32)
    a.setflags(write=False)
    return a


@lru_cache(maxsize=16)  # every head the coach has (seven in stop 51), so none is ever read twice
def load_head(name: str) -> Head:
    """Load ``<name>.npz`` from this package once per process.

    Raises :class:`EncoderMismatch` if the head was trained on vectors of another encoder than the int8
    model the coach reads with (``make train`` retrains every head after the encoder changes).
    """
    ref = resources.files("amends.coach.models").joinpath(f"{name}.npz")
    with resources.as_file(ref) as path, np.load(path, allow_pickle=False) as data:
        trained_on = str(data["encoder"]) if "encoder" in data.files else "the float model"
        if trained_on != READING_INT8:
            raise EncoderMismatch(
                f"the {name} head was trained on vectors of {trained_on}, not of the int8 encoder "
                f"{READING_INT8}: run `make train`"
            )
        n_layers = sum(1 for key in data.files if key.startswith("W"))
        layers = tuple((_frozen(data[f"W{i}"]), _frozen(data[f"b{i}"])) for i in range(n_layers))
        labels = tuple(str(s) for s in data["labels"])
        wide = _frozen(data["wide"]) if "wide" in data.files else None
        return Head(name, labels, layers, _frozen(data["thresholds"]), wide)


def save_head(
    path: str,
    labels: list[str],
    layers: list[tuple[np.ndarray, np.ndarray]],
    thresholds: np.ndarray,
    wide: np.ndarray | None = None,
) -> None:
    """Write a head in the format :func:`load_head` reads (used by the training script), trained on the
    int8 encoder's vectors.

    A wide part is stored as float16 (half the size; it is read back as float32).
    """
    arrays: dict[str, np.ndarray] = {
        "labels": np.array(labels),
        "thresholds": np.asarray(thresholds, np.float32),
        "encoder": np.array(READING_INT8),  # the vectors it was trained on (see load_head)
    }
    for i, (w, b) in enumerate(layers):
        arrays[f"W{i}"] = np.asarray(w, np.float32)
        arrays[f"b{i}"] = np.asarray(b, np.float32)
    if wide is not None:
        arrays["wide"] = np.asarray(wide, np.float16)
    np.savez_compressed(path, **arrays)  # type: ignore[arg-type]
