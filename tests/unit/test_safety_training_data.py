"""The crisis detector's training reads only the dev half of the labelled real posts (issue 11):
the held half and the fresh set stay honest measures."""

from __future__ import annotations

import json

from eval.paths import EXAMPLES
from train.train_safety import TUNE_SPLITS, load_items

REAL = ("crisis_real_cssrs.jsonl", "crisis_real_dv.jsonl", "crisis_relctx.jsonl")


def _rows() -> list[dict]:
    return [
        json.loads(line) for name in REAL for line in (EXAMPLES / name).read_text(encoding="utf-8").splitlines() if line
    ]


def test_training_never_reads_a_held_or_fresh_post_even_as_a_weak_negative() -> None:
    assert TUNE_SPLITS == ("dev",)
    rows = _rows()
    untouched = {r["text"] for r in rows if r["split"] != "dev"}
    held_users = {
        "-".join(r["id"].split("-")[1:3]) for r in rows if r["id"].startswith("cssrs-") and r["split"] == "held"
    }
    items = load_items()
    assert not untouched & {it.text for it in items}
    weak = [it for it in items if it.pool == "weak"]
    assert weak, "the supportive users' posts are read as weak negatives"
    assert not held_users & {"-".join(it.id.split("-")[1:3]) for it in weak}
    assert {r["id"] for r in rows if r["split"] == "dev"} <= {it.id for it in items}
