"""The apology coach's batch prewarm: it embeds exactly what the analysis would, ahead of time."""

from __future__ import annotations

import pytest

from amends.coach import embed as embed_mod
from amends.coach.apology import analyze_apology, prewarm


def test_prewarm_embeds_paraphrase_checks_so_the_analysis_does_not_encode(monkeypatch: pytest.MonkeyPatch) -> None:
    paraphrase = {
        "text": "I'm sorry. I went behind your back with the money.",
        "mistake": "spent our savings on a car without asking you",
    }
    records = [
        paraphrase,
        # The apology reuses the mistake's words, so word overlap decides and nothing is embedded.
        {"text": "I'm sorry I forgot your birthday.", "mistake": "forgot your birthday"},
        {"text": "Sorry for shouting."},
        {"text": "   ", "mistake": "lied"},
        {"text": 7, "mistake": None},
    ]
    expected = analyze_apology(paraphrase["text"], mistake=paraphrase["mistake"]).to_dict()
    embed_mod.clear_cache()
    assert prewarm(records) == 3  # the mistake and the two first-person sentences of the paraphrase

    def no_encoder(*args: object, **kwargs: object) -> None:
        raise AssertionError("the encoder ran after prewarm")

    monkeypatch.setattr(embed_mod, "embed", no_encoder)
    assert analyze_apology(paraphrase["text"], mistake=paraphrase["mistake"]).to_dict() == expected
    analyze_apology("I'm sorry I forgot your birthday.", mistake="forgot your birthday")
