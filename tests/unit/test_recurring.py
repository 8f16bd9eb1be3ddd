"""Recurring arguments: grouping by meaning, checked with pairwise F1 on a labelled table."""

from __future__ import annotations

import itertools
import json

import numpy as np
from eval.paths import EXAMPLES

from amends.safety.recurring import cluster, find_recurring


def rows() -> list[dict[str, str]]:
    return [json.loads(line) for line in (EXAMPLES / "arguments.jsonl").read_text().splitlines()]


def test_cluster_merges_close_items_only() -> None:
    sim = np.array([[1, 0.9, 0.1], [0.9, 1, 0.1], [0.1, 0.1, 1]])
    assert cluster(sim, 0.5) == [[0, 1], [2]]


def test_grouping_reaches_pairwise_f1_and_purity_on_the_labelled_table() -> None:
    data = rows()
    assert len(data) >= 40
    groups = find_recurring(data)
    label = {eid: k for k, g in enumerate(groups) for eid in g.entry_ids}
    tp = fp = fn = 0
    for a, b in itertools.combinations(data, 2):
        same = a["group"] == b["group"]
        pred = a["id"] in label and label.get(a["id"]) == label.get(b["id"])
        tp, fp, fn = tp + (same and pred), fp + (pred and not same), fn + (same and not pred)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    truth = {r["id"]: r["group"] for r in data}
    purity = sum(
        max(list(map(truth.get, g.entry_ids)).count(x) for x in set(map(truth.get, g.entry_ids))) for g in groups
    ) / sum(g.size for g in groups)
    assert f1 >= 0.6 and purity >= 0.6, (f1, purity)


def test_groups_of_three_suggest_the_aftermath_conversation() -> None:
    entries = [
        {"id": "1", "date": "2026-01-02", "topic": "Argument about the credit card bill"},
        {"id": "2", "date": "2026-02-10", "topic": "We fought over how much she spends on clothes"},
        {"id": "3", "date": "2026-03-01", "topic": "Row about our savings running low"},
        {"id": "4", "date": "2026-03-05", "topic": "Who should walk the dog in the morning"},
    ]
    groups = find_recurring(entries)
    money = next(g for g in groups if "1" in g.entry_ids)
    assert set(money.entry_ids) >= {"1", "2", "3"}
    assert money.suggestion and "Aftermath of a Fight" in money.suggestion
    assert list(money.dates) == sorted(money.dates)


def test_too_few_entries_give_no_groups() -> None:
    assert find_recurring([{"id": "1", "date": "2026-01-01", "topic": "dishes"}]) == []
