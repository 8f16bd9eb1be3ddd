"""Shared figures for the coach's evaluations: P/R/F1 per label and their macro mean.

A label counts towards a macro mean when it occurs in the gold labels or in the predictions of
the set at hand, so a rule that fires where the labellers found nothing still costs its F1 of 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def label_table(title: str, names: Iterable[str], gold: Sequence[set[str]], pred: Sequence[set[str]]) -> float | None:
    """Print P/R/F1 and support per label; return the macro-F1 over labels that occur (None if none do)."""
    print(f"  {title:<22} {'P':>6} {'R':>6} {'F1':>6} {'support':>8} {'predicted':>9}")
    scores, supported = [], []
    for name in names:
        tp = sum(name in g and name in p for g, p in zip(gold, pred, strict=True))
        fp = sum(name not in g and name in p for g, p in zip(gold, pred, strict=True))
        fn = sum(name in g and name not in p for g, p in zip(gold, pred, strict=True))
        if tp + fp + fn == 0:
            continue
        p, r, f = prf(tp, fp, fn)
        scores.append(f)
        if tp + fn:
            supported.append(f)
        print(f"  {name:<22} {p:6.2f} {r:6.2f} {f:6.2f} {tp + fn:8d} {tp + fp:9d}")
    macro = sum(scores) / len(scores) if scores else None
    print(f"  {title + ' macro-F1':<22} {'':>13} {macro if macro is not None else float('nan'):6.3f}")
    if supported:
        print(f"  {'(labels with support)':<22} {'':>13} {sum(supported) / len(supported):6.3f}")
    return macro


def level_table(name: str, gold: Sequence[int], pred: Sequence[int]) -> float:
    """Per-level (0/1/2) P/R/F1 of one mechanism; return macro-F1 over the three levels (EPITOME's figure)."""
    fs = []
    cells = []
    for k in (0, 1, 2):
        tp = sum(g == k and p == k for g, p in zip(gold, pred, strict=True))
        fp = sum(g != k and p == k for g, p in zip(gold, pred, strict=True))
        fn = sum(g == k and p != k for g, p in zip(gold, pred, strict=True))
        p, r, f = prf(tp, fp, fn)
        fs.append(f)
        cells.append(f"L{k} P{p:.2f} R{r:.2f} F{f:.2f} n{tp + fn}")
    macro = sum(fs) / 3
    print(f"  {name:<19} macro-F1 {macro:.3f} | " + " | ".join(cells))
    return macro
