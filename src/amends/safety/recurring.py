"""Find arguments that keep coming back, by meaning rather than keywords.

Each logged argument (topic + what happened) is embedded with the offline MiniLM model and
grouped by average-linkage agglomerative clustering on cosine similarity, in numpy (no
scikit-learn at run time). A group of three or more suggests Gottman's "Aftermath of a Fight
or Regrettable Incident" conversation; larger or long-running groups suggest professional help.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import yaml

from amends.coach.embed import FLOAT, embed

THRESHOLD = 0.40  # average-link similarity; set on tests/examples/arguments.jsonl
ANCHOR_WEIGHT = 0.5  # share of the similarity that comes from the topic-anchor profile
ANCHOR_TEMPERATURE = 0.1
SUGGEST_AT = 3
PROFESSIONAL_AT = 5
_STOP = frozenset(
    """a about again after all always an and any are as at be because been but by can did
didn't do does doesn't don't for from got had has he her him his how i i'm if in is it it's just
me more my never no not of on or our over says she so than that the their them then there they
this to too up us was we were what when which who why will with without you your again asking
argued argument arguing row fight fought disagreed felt feel like thinks says said""".split()
)
_WORD = re.compile(r"[a-z][a-z']+")


@dataclass(frozen=True)
class ArgumentEntry:
    id: str
    date: dt.date
    topic: str
    what: str = ""

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any]) -> ArgumentEntry:
        date = raw["date"]
        if isinstance(date, str):
            date = dt.date.fromisoformat(date)
        return cls(str(raw["id"]), date, str(raw.get("topic", "")), str(raw.get("what", "") or ""))


@dataclass(frozen=True)
class ArgumentGroup:
    theme: str  # the most central entry's topic
    words: tuple[str, ...]  # content words shared by several entries
    entry_ids: tuple[str, ...]
    dates: tuple[dt.date, ...]
    suggestion: str | None
    suggest_professional: bool

    @property
    def size(self) -> int:
        return len(self.entry_ids)


def find_recurring(
    entries: Sequence[ArgumentEntry | Mapping[str, Any]], *, threshold: float = THRESHOLD, min_size: int = 2
) -> list[ArgumentGroup]:
    """Group arguments about the same thing; biggest groups first. Singletons are left out."""
    items = [e if isinstance(e, ArgumentEntry) else ArgumentEntry.from_mapping(e) for e in entries]
    if len(items) < min_size:
        return []
    vectors = embed([f"{e.topic}. {e.what}".strip(" .") for e in items], model=FLOAT)
    clusters = cluster(similarity(vectors), threshold)
    groups = [_group([items[i] for i in c], vectors[c]) for c in clusters if len(c) >= min_size]
    return sorted(groups, key=lambda g: (-g.size, g.dates[0]))


@lru_cache(maxsize=1)
def _anchors() -> np.ndarray:
    text = resources.files("amends.safety.data").joinpath("argument_themes.yaml").read_text(encoding="utf-8")
    return embed([str(t) for t in yaml.safe_load(text)], model=FLOAT)


def similarity(vectors: np.ndarray) -> np.ndarray:
    """Blend of direct cosine similarity and similarity of soft topic-anchor profiles."""
    scores = vectors @ _anchors().T
    weights = np.exp((scores - scores.max(axis=1, keepdims=True)) / ANCHOR_TEMPERATURE)
    weights /= np.linalg.norm(weights, axis=1, keepdims=True)
    direct: np.ndarray = vectors @ vectors.T
    blended: np.ndarray = (1 - ANCHOR_WEIGHT) * direct + ANCHOR_WEIGHT * (weights @ weights.T)
    return blended


def cluster(sim: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-linkage agglomerative clustering; merges while the closest pair averages >= threshold."""
    clusters = [[i] for i in range(sim.shape[0])]
    while len(clusters) > 1:
        best, pair = threshold, None
        for a in range(len(clusters)):
            for b in range(a + 1, len(clusters)):
                link = float(sim[np.ix_(clusters[a], clusters[b])].mean())
                if link >= best:
                    best, pair = link, (a, b)
        if pair is None:
            break
        a, b = pair
        clusters[a] = clusters[a] + clusters.pop(b)
    return [sorted(c) for c in clusters]


def _group(members: list[ArgumentEntry], vectors: np.ndarray) -> ArgumentGroup:
    centre = int((vectors @ vectors.T).mean(axis=1).argmax())
    counts: Counter[str] = Counter()
    for e in members:
        counts.update({w for w in _WORD.findall(f"{e.topic} {e.what}".lower()) if w not in _STOP})
    words = tuple(w for w, n in counts.most_common(5) if n >= 2)
    ordered = sorted(members, key=lambda e: e.date)
    size = len(members)
    suggestion = None
    if size >= SUGGEST_AT:
        suggestion = (
            "This keeps coming back. When you are both calm, try the 'Aftermath of a Fight' "
            "conversation (Gottman): feelings, each reality, triggers, what set me up, one plan each."
        )
    if size >= PROFESSIONAL_AT:
        suggestion = (suggestion or "") + (
            " Because it has come up many times, a couples therapist may help, if it feels safe."
        )
    return ArgumentGroup(
        theme=members[centre].topic,
        words=words,
        entry_ids=tuple(e.id for e in ordered),
        dates=tuple(e.date for e in ordered),
        suggestion=suggestion,
        suggest_professional=size >= PROFESSIONAL_AT,
    )
