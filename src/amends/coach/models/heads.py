"""Small classifier heads over MiniLM embeddings, run with numpy only.

Each head is an ``.npz`` beside this module written by ``train/train_heads.py``: a stack of
dense layers (``W0, b0, W1, b1, ...``; ReLU between them, sigmoid at the end), the output
``labels`` and per-label ``thresholds``. Heads load once per process and are read-only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np


@dataclass(frozen=True)
class Head:
    """A trained multi-label head: ``probs(x)`` gives one sigmoid score per label."""

    name: str
    labels: tuple[str, ...]
    layers: tuple[tuple[np.ndarray, np.ndarray], ...]
    thresholds: np.ndarray

    def probs(self, x: np.ndarray) -> np.ndarray:
        """Scores in [0, 1] of shape (n, len(labels)) for embeddings of shape (n, 384) or (384,)."""
        h = np.atleast_2d(x).astype(np.float32)
        for i, (w, b) in enumerate(self.layers):
            h = h @ w + b
            if i < len(self.layers) - 1:
                h = np.maximum(h, 0.0)
        return 1.0 / (1.0 + np.exp(-np.clip(h, -30.0, 30.0)))

    def index(self, label: str) -> int:
        return self.labels.index(label)


def _frozen(a: np.ndarray) -> np.ndarray:
    a = np.array(a, dtype=np.float32)
    a.setflags(write=False)
    return a


@lru_cache(maxsize=8)
def load_head(name: str) -> Head:
    """Load ``<name>.npz`` from this package once per process."""
    ref = resources.files("amends.coach.models").joinpath(f"{name}.npz")
    with resources.as_file(ref) as path, np.load(path, allow_pickle=False) as data:
        n_layers = sum(1 for key in data.files if key.startswith("W"))
        layers = tuple((_frozen(data[f"W{i}"]), _frozen(data[f"b{i}"])) for i in range(n_layers))
        labels = tuple(str(s) for s in data["labels"])
        return Head(name, labels, layers, _frozen(data["thresholds"]))


def save_head(
    path: str, labels: list[str], layers: list[tuple[np.ndarray, np.ndarray]], thresholds: np.ndarray
) -> None:
    """Write a head in the format :func:`load_head` reads (used by the training script)."""
    arrays: dict[str, np.ndarray] = {"labels": np.array(labels), "thresholds": np.asarray(thresholds, np.float32)}
    for i, (w, b) in enumerate(layers):
        arrays[f"W{i}"] = np.asarray(w, np.float32)
        arrays[f"b{i}"] = np.asarray(b, np.float32)
    np.savez_compressed(path, **arrays)  # type: ignore[arg-type]
