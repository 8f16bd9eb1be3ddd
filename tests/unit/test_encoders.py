"""The two encoders: the int8 one gives a text the same vector however it is batched, stays close to the float
one, and nothing runs on a model file or a head that does not match what it was trained on."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from amends.coach import embed as embed_mod
from amends.coach.models import heads

TEXTS = [
    "ok",
    "I'm sorry I forgot.",
    "You never listen to me when I talk about my day, and it makes me feel invisible in my own home.",
]


def test_an_int8_vector_does_not_depend_on_the_other_texts_in_the_batch() -> None:
    # Dynamic quantisation scales activations over the whole input: batched, "ok" moved to cosine 0.95.
    together = embed_mod.embed(TEXTS, model=embed_mod.INT8, with_max=True)
    for i, text in enumerate(TEXTS):
        alone = embed_mod.embed([text], model=embed_mod.INT8, with_max=True)[0]
        assert np.array_equal(alone, together[i])


def test_prewarm_on_threads_gives_the_vectors_one_call_gives() -> None:
    embed_mod.clear_cache()
    assert embed_mod.prewarm(TEXTS, model=embed_mod.INT8) == 3
    warmed = embed_mod.embed_cached(TEXTS, model=embed_mod.INT8)
    embed_mod.clear_cache()
    assert np.array_equal(warmed, embed_mod.embed(TEXTS, model=embed_mod.INT8))


def test_the_int8_encoder_reads_like_the_float_one_and_each_model_has_its_own_cache() -> None:
    embed_mod.clear_cache()
    fast = embed_mod.embed_cached(TEXTS, model=embed_mod.INT8)
    exact = embed_mod.embed_cached(TEXTS, model=embed_mod.FLOAT)
    cosines = (fast * exact).sum(axis=1)
    assert cosines.min() > 0.97 and not np.array_equal(fast, exact)
    assert np.array_equal(embed_mod.embed_one(TEXTS[1], model=embed_mod.FLOAT), exact[1])


def test_an_unknown_model_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown encoder 'fast'"):
        embed_mod._model_path("fast")


def test_an_int8_model_file_that_is_not_the_trained_one_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embed_mod, "INT8_MODEL_SHA256", "0" * 64)
    with pytest.raises(embed_mod.EncoderMismatch, match="make train"):
        embed_mod._model_path(embed_mod.INT8)


def test_a_head_trained_on_other_vectors_fails_loudly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    layer = (np.zeros((embed_mod.DIM, 1), np.float32), np.zeros(1, np.float32))
    heads.save_head(str(tmp_path / "old.npz"), ["x"], [layer], np.array([0.5]))
    monkeypatch.setattr(heads.resources, "files", lambda package: tmp_path)
    heads.load_head.cache_clear()
    try:
        assert heads.load_head("old").labels == ("x",)
        heads.load_head.cache_clear()
        monkeypatch.setattr(heads, "READING_INT8", "1" * 64)
        with pytest.raises(embed_mod.EncoderMismatch, match="the old head was trained on vectors of"):
            heads.load_head("old")
    finally:
        heads.load_head.cache_clear()


def test_request_threads_share_the_int8_encoder_without_a_lock() -> None:
    # The int8 model runs without the float model's lock: several request threads read at once, and each text
    # still gets the vector it gets alone.
    texts = [f"I'm sorry I missed dinner number {i}; you waited an hour." for i in range(40)]
    alone = np.stack([embed_mod.embed([t], model=embed_mod.INT8)[0] for t in texts])
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = np.stack(list(pool.map(lambda t: embed_mod.embed([t], model=embed_mod.INT8)[0], texts)))
    assert np.array_equal(alone, together)
