"""Embedding cache for training data, so reruns of the training script are fast.

Vectors are stored under ``$AMENDS_CACHE`` (default ``<repo>/tmp/emb-cache``, gitignored),
one ``.npy`` per named text list, keyed by a hash of the texts (and of the int8 model's reading) so stale
caches are never read.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from pathlib import Path

import numpy as np

from amends.coach.embed import DIM, INT8, READING_DIM, READING_INT8, embed

REPO = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("AMENDS_CACHE", REPO / "tmp" / "emb-cache"))


def _key(texts: list[str], model: str) -> str:
    digest = hashlib.sha1()
    if model == INT8:  # a new int8 model file or reading makes new vectors of the same texts
        digest.update(READING_INT8.encode("utf-8"))
    for text in texts:
        digest.update(text.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()[:16]


def cached_embed(name: str, texts: list[str], *, model: str, chunk: int = 2048, with_max: bool = False) -> np.ndarray:
    """Embed texts, reading and writing the on-disk cache; ``with_max`` gives whole readings (mean and max
    pooled, as the emotions head reads them), cached apart from the mean vectors. Each ``model`` of
    :mod:`amends.coach.embed` has its own files."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{name}-{model}{'-meanmax' if with_max else ''}-{_key(texts, model)}.npy"
    if path.exists():
        return np.load(path)
    parts, started = [], time.time()
    for start in range(0, len(texts), chunk):
        parts.append(embed(texts[start : start + chunk], model=model, batch_size=64, with_max=with_max))
        done = min(start + chunk, len(texts))
        print(f"  {name}: {done}/{len(texts)} embedded ({time.time() - started:.0f}s)", file=sys.stderr)
    vectors = np.concatenate(parts) if parts else np.zeros((0, READING_DIM if with_max else DIM), dtype=np.float32)
    np.save(path, vectors)
    return vectors
