"""The labelled reply set is well formed and the coach agrees with it broadly."""

from __future__ import annotations

import json
from collections import Counter

from eval.paths import EXAMPLES

from amends.coach.reply.rules import RULE_NAMES

ROWS = [json.loads(line) for line in (EXAMPLES / "replies.jsonl").read_text().splitlines() if line.strip()]
KINDS = {
    "broken_promise",
    "hurtful_words",
    "breach_of_trust",
    "infidelity",
    "neglect",
    "lying",
    "unintentional_oversight",
}


def test_the_set_has_at_least_300_pairs_across_all_seven_mistakes() -> None:
    assert len(ROWS) >= 300
    counts = Counter(r["kind_of_mistake"] for r in ROWS)
    assert set(counts) == KINDS and min(counts.values()) >= 30


def test_every_row_has_valid_labels() -> None:
    assert len({r["id"] for r in ROWS}) == len(ROWS)
    for row in ROWS:
        assert row["partner"] and row["text"]
        assert set(row["mechanisms"]) == {"emotional_reaction", "interpretation", "exploration"}
        assert all(v in (0, 1, 2) for v in row["mechanisms"].values())
        assert set(row["findings"]) <= set(RULE_NAMES)


def test_the_set_runs_from_defensive_to_deeply_attuned() -> None:
    assert sum(1 for r in ROWS if r["findings"]) >= 80
    assert sum(1 for r in ROWS if min(r["mechanisms"].values()) == 2) >= 40
