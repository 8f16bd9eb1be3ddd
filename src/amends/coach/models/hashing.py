"""Hashed word and bigram features, numpy and the standard library only.

A frozen sentence embedding blurs the single words that often carry an emotion ("sorry",
"lol", "ugh", "!!"). Heads can add a *wide* part over these sparse features: every word
and adjacent-word pair is hashed (CRC-32, stable across processes and platforms, unlike
Python's ``hash``) into ``buckets`` slots, counts are log-scaled (``1 + log(count)``) and
the vector is L2-normalised. The head then adds ``sum(value * W[slot])`` to its logits,
a lookup of a few dozen rows, so no dense ``buckets``-wide vector is ever built.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter

import numpy as np

# Words (keeping inner apostrophes), numbers, and runs of the same punctuation mark or emoji.
_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)*|([!?.])\1*|[^\sa-z0-9]")


def tokens(text: str) -> list[str]:
    """Lower-cased tokens of ``text``; repeated marks collapse to at most two (``!!!`` -> ``!!``)."""
    out = []
    for match in _TOKEN.finditer(text.lower().replace("’", "'")):
        tok = match.group(0)
        if match.group(1):
            tok = tok[:2]
        out.append(tok)
    return out


def features(text: str, buckets: int) -> tuple[np.ndarray, np.ndarray]:
    """``(slots, values)`` of the hashed unigram+bigram features of one text.

    ``slots`` are distinct ints in ``[0, buckets)``; ``values`` are float32 with unit L2 norm
    (both empty for a text without tokens).
    """
    toks = tokens(text)
    grams = toks + [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)]
    counts: Counter[int] = Counter(zlib.crc32(g.encode("utf-8")) % buckets for g in grams)
    if not counts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    slots = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
    values = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))
    values /= np.float32(np.linalg.norm(values))
    return slots, values.astype(np.float32)


def features_batch(texts: list[str], buckets: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """CSR parts ``(indptr, slots, values)`` for many texts (used by training and evaluation)."""
    indptr = [0]
    all_slots, all_values = [], []
    for text in texts:
        slots, values = features(text, buckets)
        all_slots.append(slots)
        all_values.append(values)
        indptr.append(indptr[-1] + len(slots))
    return (
        np.array(indptr, dtype=np.int64),
        np.concatenate(all_slots) if all_slots else np.zeros(0, np.int64),
        np.concatenate(all_values) if all_values else np.zeros(0, np.float32),
    )


def wide_logits(weights: np.ndarray, texts: list[str], buckets: int) -> np.ndarray:
    """``(len(texts), weights.shape[1])``: each text's features dotted with the rows of ``weights``."""
    out = np.zeros((len(texts), weights.shape[1]), dtype=np.float32)
    for i, text in enumerate(texts):
        slots, values = features(text, buckets)
        if len(slots):
            out[i] = values @ weights[slots]
    return out
