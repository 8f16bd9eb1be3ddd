"""The EPITOME-style set (support-forum posts and responses) is well formed, and the reply coach
reaches a floor of level macro-F1 on its tuning half (``fresh-tune``; ``fresh-held`` is for eval only)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter

import pytest
from eval.paths import EXAMPLES
from eval.reply import level_metrics

from amends.coach.reply import MECHANISMS, analyze_reply

ROWS = [json.loads(line) for line in (EXAMPLES / "epitome_style.jsonl").read_text().splitlines() if line.strip()]
TUNE = [r for r in ROWS if r["split"] == "fresh-tune"]
# Reached 2026-11-28: 0.912 / 0.797 / 0.972; a floor a little below, so a regression fails.
# 2026-11-30: the levels head trained on real replies adds weak warmth the cues miss; it costs
# emotional reaction here (0.854) and gains on real text (dev half 0.50 -> 0.61), which is the target.
# 2026-12-01: "I'm so sorry for your loss" and "I really feel for you" now name the replier's own feeling
# (emotional reaction 2, LABELLING.md section 2, as the real-text labels have it: real dev/fresh/extra
# 0.59/0.60/0.48 -> 0.64/0.69/0.67). This set's writers labelled such replies 1, so it reads 0.802 here.
# 2026-12-04 (stop 52): strong exploration names a possible experience or feeling for them to confirm ("Did it feel
# like...?", "...the money or the lying?"); an open question ("What are the weekends like for you right now?") is
# generic, as LABELLING.md section 2 and EPITOME define it and as fourteen independent writers label it (partner
# writers 0.650 -> 0.776, real tuning splits 0.583 -> 0.614). This set's writers labelled open questions strong, so
# it reads 0.725 here.
FLOORS = {"emotional_reaction": 0.78, "interpretation": 0.76, "exploration": 0.70}


def test_the_set_is_well_formed_and_split_by_a_fixed_hash() -> None:
    assert len(ROWS) >= 180 and len({r["id"] for r in ROWS}) == len(ROWS)
    for row in ROWS:
        assert row["partner"] and row["text"] and set(row["mechanisms"]) == set(MECHANISMS)
        assert all(v in (0, 1, 2) for v in row["mechanisms"].values())
        even = int(hashlib.sha1(row["id"].encode()).hexdigest(), 16) % 2 == 0
        assert row["split"] == ("fresh-tune" if even else "fresh-held")
    for m in MECHANISMS:
        counts = Counter(r["mechanisms"][m] for r in ROWS)
        assert min(counts[1], counts[2]) >= 20, (m, counts)


@pytest.fixture(scope="module")
def predicted() -> list[dict[str, int]]:
    reports = [analyze_reply(partner_message=r["partner"], reply=r["text"]) for r in TUNE]
    return [{m: rep.level(m) for m in MECHANISMS} for rep in reports]


@pytest.mark.parametrize("mechanism", MECHANISMS)
def test_fresh_tune_macro_f1_reaches_its_floor(mechanism: str, predicted: list[dict[str, int]]) -> None:
    got = level_metrics([r["mechanisms"][mechanism] for r in TUNE], [p[mechanism] for p in predicted])
    assert got["macro_f1"] >= FLOORS[mechanism], got
