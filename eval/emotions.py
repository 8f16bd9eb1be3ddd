"""Evaluate the emotions head on GoEmotions dev: ``python -m eval.emotions``.

Reports macro-F1 over the 28 labels, per-label F1 and the Ekman grouping macro-F1 (a group
is predicted when any of its labels is; neutral stays its own class). The shipped
thresholds were tuned on this same dev set (together with the tenth of GoEmotions train held out
from training), so these figures are optimistic; the honest figure tunes thresholds the same way
but on one half of dev, and scores the other half (both ways, averaged). ``dev_only`` is the older
honest figure, with thresholds tuned on the dev half alone.
"""

from __future__ import annotations

import json
import sys

import numpy as np
from sklearn.metrics import f1_score
from train.cache import cached_embed
from train.data import GOEMOTIONS, emotion_names, goemotions
from train.train_heads import SEED, held_out_tenth, macro_f1, tune_thresholds

from amends.coach.embed import INT8
from amends.coach.models.heads import load_head


def ekman_matrix(names: list[str]) -> tuple[list[str], np.ndarray]:
    mapping = json.loads((GOEMOTIONS / "ekman_mapping.json").read_text())
    groups = [*mapping, "neutral"]
    m = np.zeros((len(names), len(groups)), dtype=np.int8)
    for g, group in enumerate(groups):
        for label in mapping.get(group, ["neutral"]):
            m[names.index(label), g] = 1
    return groups, m


def main() -> None:
    names = emotion_names()
    head = load_head("emotions")
    assert list(head.labels) == names, "head labels must follow emotions.txt"
    texts, y = goemotions("dev")
    p = head.probs(cached_embed("goemotions-dev", texts, model=INT8, with_max=True), texts)
    pred = (p >= head.thresholds).astype(np.int8)
    per_label = f1_score(y, pred, average=None, zero_division=0)
    half = np.random.default_rng(SEED).permutation(len(y)) < len(y) // 2
    honest_dev_only = (
        macro_f1(p[~half], y[~half], tune_thresholds(p[half], y[half]))
        + macro_f1(p[half], y[half], tune_thresholds(p[~half], y[~half]))
    ) / 2
    tr_texts, y_tr = goemotions("train")
    val, _ = held_out_tenth(len(y_tr))
    val_texts = [tr_texts[i] for i in val]
    p_val, y_val = (
        head.probs(cached_embed("goemotions-train", tr_texts, model=INT8, with_max=True)[val], val_texts),
        y_tr[val],
    )

    def pooled(mask: np.ndarray) -> np.ndarray:
        return tune_thresholds(np.concatenate([p_val, p[mask]]), np.concatenate([y_val, y[mask]]))

    honest = (macro_f1(p[~half], y[~half], pooled(half)) + macro_f1(p[half], y[half], pooled(~half))) / 2
    groups, m = ekman_matrix(names)
    ek_pred, ek_gold = (pred @ m > 0).astype(int), (y @ m > 0).astype(int)
    result = {
        "dev_n": len(texts),
        "macro_f1_thresholds_tuned_on_dev": round(float(per_label.mean()), 4),
        "macro_f1_half_split_honest": round(float(honest), 4),
        "macro_f1_half_split_honest_dev_only": round(float(honest_dev_only), 4),
        "published_bert_base_test": 0.46,
        "ekman_macro_f1": round(float(f1_score(ek_gold, ek_pred, average="macro", zero_division=0)), 4),
        "ekman_per_group": dict(
            zip(groups, np.round(f1_score(ek_gold, ek_pred, average=None), 3).tolist(), strict=True)
        ),
        "published_ekman_test": 0.64,
        "per_label_f1": dict(zip(names, np.round(per_label, 3).tolist(), strict=True)),
    }
    json.dump(result, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
