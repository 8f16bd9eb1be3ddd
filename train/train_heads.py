"""Train the coach's classifier heads: ``.venv/bin/python -m train.train_heads``.

Heads are small networks over MiniLM sentence embeddings, trained with scikit-learn here
and saved as plain numpy arrays (``src/amends/coach/models/*.npz``) so the app needs no
sklearn at run time. Seeds are fixed; embeddings are cached (see ``train/cache.py``).

- ``emotions``: GoEmotions train (Demszky et al. 2020), 28 labels; per-label thresholds
  tuned on dev. Also reports an honest split: thresholds tuned on one half of dev and
  scored on the other.
- ``annomi``: AnnoMI (Wu et al. 2022) therapist reflections and open questions, split by
  transcript (70/15/15); thresholds tuned on the dev transcripts, F1 reported on test.
- ``replies``: our own labelled replies (tests/examples/replies.jsonl) minus the held-out
  fifth; P(mechanism level >= 1) for each EPITOME mechanism.
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.neural_network import MLPClassifier

from amends.coach.models.heads import save_head
from train.cache import cached_embed
from train.data import annomi_therapist, emotion_names, goemotions, is_heldout, replies, transcript_split

SEED = 20261128
MODELS = Path(__file__).resolve().parent.parent / "src" / "amends" / "coach" / "models"
GRID = np.round(np.arange(0.02, 0.96, 0.01), 2)
MECHS = ("emotional_reaction", "interpretation", "exploration")


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def tune_thresholds(probs: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Per-label threshold that maximises F1 on (probs, y)."""
    best = np.full(y.shape[1], 0.5, dtype=np.float32)
    for j in range(y.shape[1]):
        scores = [f1_score(y[:, j], probs[:, j] >= t, zero_division=0) for t in GRID]
        best[j] = GRID[int(np.argmax(scores))]
    return best


def macro_f1(probs: np.ndarray, y: np.ndarray, thr: np.ndarray) -> float:
    return float(f1_score(y, probs >= thr, average="macro", zero_division=0))


def layers_of(model: object) -> list[tuple[np.ndarray, np.ndarray]]:
    if isinstance(model, MLPClassifier):
        return list(zip(model.coefs_, model.intercepts_, strict=True))
    assert isinstance(model, list)  # one-vs-rest logistic regressions
    w = np.stack([m.coef_[0] for m in model], axis=1)
    b = np.array([m.intercept_[0] for m in model])
    return [(w, b)]


def numpy_probs(layers: list[tuple[np.ndarray, np.ndarray]], x: np.ndarray) -> np.ndarray:
    h = x
    for i, (w, b) in enumerate(layers):
        h = h @ w + b
        if i < len(layers) - 1:
            h = np.maximum(h, 0)
    return 1 / (1 + np.exp(-h))


def fit_ovr(x: np.ndarray, y: np.ndarray, c: float) -> list[LogisticRegression]:
    return [LogisticRegression(C=c, class_weight="balanced", max_iter=400, random_state=SEED).fit(x, y[:, j])
            for j in range(y.shape[1])]


def fit_mlp(x: np.ndarray, y: np.ndarray, hidden: int) -> MLPClassifier:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return MLPClassifier(hidden_layer_sizes=(hidden,), alpha=1e-4, batch_size=256, learning_rate_init=1e-3,
                             max_iter=40, early_stopping=True, n_iter_no_change=4, random_state=SEED).fit(x, y)


def train_emotions() -> dict[str, object]:
    names = emotion_names()
    x_tr, y_tr = (lambda t: (cached_embed("goemotions-train", t[0]), t[1]))(goemotions("train"))
    dev_texts, y_dv = goemotions("dev")
    x_dv = cached_embed("goemotions-dev", dev_texts)
    half = np.random.default_rng(SEED).permutation(len(y_dv)) < len(y_dv) // 2
    candidates = {"mlp512": lambda: fit_mlp(x_tr, y_tr, 512), "logreg_c1": lambda: fit_ovr(x_tr, y_tr, 1.0)}
    results = {}
    for name, fit in candidates.items():
        log(f"emotions: fitting {name}")
        layers = layers_of(fit())
        p = numpy_probs(layers, x_dv)
        honest = (macro_f1(p[~half], y_dv[~half], tune_thresholds(p[half], y_dv[half]))
                  + macro_f1(p[half], y_dv[half], tune_thresholds(p[~half], y_dv[~half]))) / 2
        results[name] = (honest, layers, p)
        log(f"  {name}: dev macro-F1, thresholds tuned on the other half: {honest:.3f}")
    best = max(results, key=lambda k: results[k][0])
    honest, layers, p = results[best]
    thr = tune_thresholds(p, y_dv)
    save_head(str(MODELS / "emotions.npz"), names, layers, thr)
    return {"model": best, "dev_macro_f1_tuned_on_dev": macro_f1(p, y_dv, thr),
            "dev_macro_f1_half_split": honest, "candidates": {k: v[0] for k, v in results.items()}}


def train_annomi() -> dict[str, object]:
    rows = annomi_therapist()
    split = transcript_split([r[0] for r in rows])
    x = cached_embed("annomi-therapist", [r[1] for r in rows])
    y = np.array([[r[2], r[3]] for r in rows], dtype=np.int8)
    part = np.array([split[r[0]] for r in rows])
    tr, dv, te = part == "train", part == "dev", part == "test"
    layers = layers_of(fit_ovr(x[tr], y[tr], 1.0))
    mlp_layers = layers_of(fit_mlp(x[tr], y[tr], 256))
    best, best_f1 = layers, -1.0
    for cand in (layers, mlp_layers):
        p = numpy_probs(cand, x[dv])
        f1 = macro_f1(p, y[dv], tune_thresholds(p, y[dv]))
        if f1 > best_f1:
            best, best_f1 = cand, f1
    thr = tune_thresholds(numpy_probs(best, x[dv]), y[dv])
    p_te = numpy_probs(best, x[te])
    save_head(str(MODELS / "annomi.npz"), ["reflection", "open_question"], best, thr)
    return {"model": "mlp256" if best is mlp_layers else "logreg_c1",
            "transcripts": {k: int(sum(1 for v in split.values() if v == k)) for k in ("train", "dev", "test")},
            "test_f1_reflection": float(f1_score(y[te, 0], p_te[:, 0] >= thr[0])),
            "test_f1_open_question": float(f1_score(y[te, 1], p_te[:, 1] >= thr[1])),
            "test_n": int(te.sum()), "dev_macro_f1": best_f1}


def train_replies() -> dict[str, object]:
    rows = [r for r in replies() if not is_heldout(r["id"])]
    x = cached_embed("replies-train", [r["text"] for r in rows])
    y = np.array([[int(r["mechanisms"][m] >= 1) for m in MECHS] for r in rows], dtype=np.int8)
    layers = layers_of(fit_ovr(x, y, 0.5))
    # No data left to tune on: a fixed, cautious threshold (the head only ever adds a weak level).
    save_head(str(MODELS / "replies.npz"), list(MECHS), layers, np.full(3, 0.7, np.float32))
    return {"train_n": len(rows), "positives": {m: int(y[:, i].sum()) for i, m in enumerate(MECHS)}}


def main() -> None:
    which = sys.argv[1:] or ["emotions", "annomi", "replies"]
    path = MODELS / "metrics.json"
    metrics = json.loads(path.read_text()) if path.exists() else {}
    for name in which:
        metrics[name] = {"emotions": train_emotions, "annomi": train_annomi, "replies": train_replies}[name]()
        log(json.dumps(metrics[name], indent=1))
    metrics["trained"] = "2026-11-28"
    path.write_text(json.dumps(metrics, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
