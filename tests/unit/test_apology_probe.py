"""The coach on relationship apologies helpers wrote blind to LABELLING.md section 1 (tests/examples/apologies_probe.jsonl).

Each set was scored before it was read; the four tune sets were then fixed against (stop 50), and ``probe-held`` and
``probe-held2`` (stop 51) never were (``python -m eval.apology`` reports them). These floors keep what the fixes reached.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from amends.coach.apology import analyze_apology
from amends.coach.apology.elements import ELEMENT_NAMES
from amends.coach.apology.rules import RULE_NAMES

PROBE = Path(__file__).resolve().parents[1] / "examples" / "apologies_probe.jsonl"
# Reached after the fixes (0.944, 0.931, 0.887, 0.975; probe-tune5 0.738 -> 0.887 in stop 51); a regression below these
# fails.
FLOORS = {
    "probe-tune": 0.92,
    "probe-tune2": 0.90,
    "probe-tune3": 0.85,
    "probe-tune4": 0.94,
    "probe-tune5": 0.86,
    # stop 64: 0.800 when first read, 0.925 after (probe-held3, its other half, never read: 0.850 before and after)
    "probe-tune6": 0.90,
}


def _rows() -> list[dict]:
    return [json.loads(line) for line in PROBE.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_probe_sets_are_labelled_in_the_coach_s_own_names() -> None:
    rows = _rows()
    assert len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert set(row["elements"]) <= set(ELEMENT_NAMES) and set(row["findings"]) <= set(RULE_NAMES), row["id"]
        assert row["verdict"] in {"strong", "partial", "non_apology", "no_apology"}
        if row["verdict"] == "strong":  # LABELLING.md section 1: the verdict is mechanical
            assert not row["findings"] and {"remorse", "responsibility", "specificity", "impact"} <= set(
                row["elements"]
            ), row["id"]
    assert Counter(r["split"] for r in rows).keys() >= FLOORS.keys()


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_probe_tune_verdict_accuracy(split: str) -> None:
    rows = [r for r in _rows() if r["split"] == split]
    hits = sum(analyze_apology(r["text"], mistake=r["mistake"]).verdict == r["verdict"] for r in rows)
    assert hits / len(rows) >= FLOORS[split]
