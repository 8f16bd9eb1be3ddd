"""One score, one sentence: the number a check-in stands for, with its scale, the same on every page."""

from __future__ import annotations

from amends.measures.instruments import cutoff, load_instrument


def score_in_words(instrument: str, headline: float | None, total: float | None) -> str:
    """CSI-4 is its total out of 21; our own check-ins are their one charted item out of 10, named in words."""
    inst = load_instrument(instrument)
    item = inst.scoring.get("headline_item")
    if item and headline is not None:
        text = inst.item(item).text
        return f"{headline:g} out of 10 (0 is not at all, 10 is completely) for “{text}”"
    if total is None:
        return "not scored"
    _, high = inst.scoring.get("range", [0, 0])
    words = f"{total:g} out of {high:g}"
    if instrument == "csi4":
        cut = cutoff("csi4")
        words += f" (below {cut:g} means the relationship feels hard right now)" if total < cut else " (fairly good)"
    return words
