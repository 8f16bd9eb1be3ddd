from __future__ import annotations

import numpy as np
import pytest

from amends.coach import embed as embed_mod
from amends.coach.emotions import prewarm as prewarm_emotions
from amends.coach.emotions import read_emotions
from amends.coach.models.hashing import features, tokens, wide_logits
from amends.coach.models.heads import load_head
from amends.coach.reply import analyze_reply, reply_vector
from amends.coach.reply import prewarm as prewarm_reply


def test_tokens_keep_words_marks_and_emoji() -> None:
    assert tokens("I’m SO sorry!!! 💔 ok?") == ["i'm", "so", "sorry", "!!", "💔", "ok", "?"]


def test_hashed_features_are_stable_distinct_and_unit_length() -> None:
    slots, values = features("Sorry, sorry. I really am sorry", 1 << 16)
    assert len(set(slots.tolist())) == len(slots) and slots.max() < 1 << 16
    assert np.isclose(np.linalg.norm(values), 1.0)
    again, _ = features("Sorry, sorry. I really am sorry", 1 << 16)
    assert slots.tolist() == again.tolist()  # crc32, not Python's salted hash
    empty_slots, empty_values = features("   ", 1 << 16)
    assert len(empty_slots) == len(empty_values) == 0


def test_wide_logits_are_a_lookup_of_the_weight_rows() -> None:
    w = np.arange(32, dtype=np.float32).reshape(16, 2)
    slots, values = features("hello there", 16)
    got = wide_logits(w, ["hello there", ""], 16)
    assert np.allclose(got[0], values @ w[slots]) and not got[1].any()


def test_the_emotions_head_is_wide_and_needs_the_texts() -> None:
    head = load_head("emotions")
    assert head.wide is not None and head.wide.shape[1] == len(head.labels)
    with pytest.raises(ValueError, match="needs one text per embedding"):
        head.probs(np.zeros(embed_mod.READING_DIM, dtype=np.float32))


def test_a_reading_is_the_mean_vector_then_the_max_pooled_one() -> None:
    reading = embed_mod.embed(["I am furious with you", "thanks"], model=embed_mod.INT8, with_max=True)
    mean = embed_mod.embed(["I am furious with you", "thanks"], model=embed_mod.INT8)
    assert reading.shape == (2, embed_mod.READING_DIM) and np.allclose(reading[:, : embed_mod.DIM], mean)
    assert np.allclose(np.linalg.norm(reading[:, embed_mod.DIM :], axis=1), 1.0)
    assert not np.allclose(reading[:, embed_mod.DIM :], mean)  # max pooling is not the mean again
    # the cache keeps whole readings, so the short and the long form agree
    embed_mod._cache.clear()
    assert np.allclose(embed_mod.embed_one("thanks", model=embed_mod.INT8), mean[1])
    assert np.allclose(embed_mod.embed_one("thanks", model=embed_mod.INT8, with_max=True), reading[1])


def test_prewarm_fills_the_cache_so_the_analysers_do_not_encode(monkeypatch: pytest.MonkeyPatch) -> None:
    records = [
        {"partner": "You never listen to me when I talk about work. [warm]", "text": "I hear you. What did I miss?"},
        {"text": "Sorry. I was tired. [warm]"},
        {"text": 7},
        {},
    ]
    expected = analyze_reply(partner_message=records[0]["partner"], reply=records[0]["text"]).to_dict()
    embed_mod._cache.clear()
    assert prewarm_reply(records) == 6  # the partner message and five sentences ("[warm]" is one)
    assert prewarm_emotions([{"text": "So happy for you! [warm]"}, {"text": None}]) == 1

    def no_encoder(*args: object, **kwargs: object) -> None:
        raise AssertionError("the encoder ran after prewarm")

    monkeypatch.setattr(embed_mod, "embed", no_encoder)
    assert analyze_reply(partner_message=records[0]["partner"], reply=records[0]["text"]).to_dict() == expected
    analyze_reply(reply=records[1]["text"])
    read_emotions("So happy for you! [warm]")


def test_the_reply_vector_is_the_normalised_mean_of_its_sentences() -> None:
    vecs = np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32)
    assert np.allclose(reply_vector(vecs), [2**-0.5, 2**-0.5])
    assert np.allclose(reply_vector(vecs[:1]), [1.0, 0.0])
