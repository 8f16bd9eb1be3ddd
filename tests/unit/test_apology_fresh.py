"""The coach on the fresh labelled set's tune half (tests/examples/apologies_fresh.jsonl).

The fresh set was written and labelled before any tuning to it; only its ``fresh-tune`` half
guided changes, and ``fresh-held`` is kept for an honest estimate (``python -m eval.apology``).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from amends.coach.apology import analyze_apology

FRESH = Path(__file__).resolve().parents[1] / "examples" / "apologies_fresh.jsonl"
# Reached after tuning (0.977); a regression below this fails.
TUNE_VERDICT_ACCURACY = 0.95


def _rows() -> list[dict]:
    return [json.loads(line) for line in FRESH.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_fresh_set_shape_and_split() -> None:
    rows = _rows()
    assert len(rows) >= 160
    for row in rows:
        digest = int(hashlib.sha256(row["id"].encode()).hexdigest(), 16)
        assert row["split"] == ("fresh-tune" if digest % 2 == 0 else "fresh-held")
        assert row["verdict"] in {"strong", "partial", "non_apology", "no_apology"}
    findings = Counter(f for row in rows for f in row["findings"])
    for rule in ("blame", "excuse", "deflection", "vague", "passive"):
        assert findings[rule] >= 10, rule
    assert sum("explanation" in row["elements"] for row in rows) >= 10


def test_fresh_tune_verdict_accuracy() -> None:
    rows = [row for row in _rows() if row["split"] == "fresh-tune"]
    hits = sum(analyze_apology(r["text"], mistake=r.get("mistake")).verdict == r["verdict"] for r in rows)
    assert hits / len(rows) >= TUNE_VERDICT_ACCURACY, f"{hits}/{len(rows)}"
