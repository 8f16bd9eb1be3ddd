"""Reading the emotions in a partner's message: ``read_emotions(text) -> EmotionReport``.

Scores all 28 GoEmotions labels with a small head over the MiniLM reading of the text (its
mean- and max-pooled token states) and hashed word/bigram features of the text (thresholds
per label tuned on GoEmotions dev and a held-out tenth of train), then derives
relationship-level feelings with the words that carry them. It describes what the message
may express; it never judges who is right.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from amends.coach.embed import INT8, embed_one
from amends.coach.embed import prewarm as _prewarm_texts
from amends.coach.emotions.feelings import FEELING_NAMES, FEELINGS, FeelingSpec
from amends.coach.emotions.lexicon import Cue, find_cues, find_denied_cues, load_lexicon, mentions_any
from amends.coach.models.heads import Head, load_head
from amends.coach.results import Span, merge_spans
from amends.coach.text import check_text

__all__ = ["FEELING_NAMES", "EmotionReport", "Feeling", "emotion_labels", "prewarm", "read_emotions"]

HEAD = "emotions"
FEELING_MIN = 0.35  # a feeling is reported from this score up
# How a feeling's score is said to a person: a bare "0.35" reads as a measurement, and the score is only a
# guess from the words (Plutchik-style labels via GoEmotions, Demszky et al. 2020, and our cue lists).
STRENGTH_WORDS = ((0.6, "clear in the words"), (0.45, "some sign of it"), (FEELING_MIN, "a faint sign"))


def strength_words(score: float) -> str:
    """A reported feeling's score in words: "clear in the words", "some sign of it" or "a faint sign"."""
    return next((words for floor, words in STRENGTH_WORDS if score >= floor), STRENGTH_WORDS[-1][1])


@lru_cache(maxsize=1)
def _head() -> Head:
    return load_head(HEAD)


def _labels() -> tuple[str, ...]:
    return _head().labels


def emotion_labels() -> tuple[str, ...]:
    """The 28 GoEmotions labels in the order of ``goemotions/emotions.txt``."""
    return _labels()


@dataclass(frozen=True)
class Feeling:
    name: str
    display: str
    score: float
    spans: tuple[Span, ...]
    question: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "display": self.display,
            "score": round(self.score, 3),
            "spans": [[s, e] for s, e in self.spans],
            "question": self.question,
        }


@dataclass(frozen=True)
class EmotionReport:
    text: str
    labels: tuple[str, ...]
    scores: tuple[tuple[str, float], ...]
    feelings: tuple[Feeling, ...]

    def score(self, label: str) -> float:
        return dict(self.scores)[label]

    def feeling(self, name: str) -> Feeling | None:
        return next((f for f in self.feelings if f.name == name), None)

    @property
    def questions(self) -> tuple[str, ...]:
        """The attachment questions behind the feelings, strongest first, without repeats."""
        return tuple(dict.fromkeys(f.question for f in self.feelings))

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "emotions",
            "text": self.text,
            "labels": list(self.labels),
            "scores": {name: round(value, 4) for name, value in self.scores},
            "feelings": [f.to_dict() for f in self.feelings],
            "questions": list(self.questions),
        }


def _feeling(spec: FeelingSpec, text: str, probs: dict[str, float]) -> Feeling:
    cues = load_lexicon(spec.name)
    spans = merge_spans(find_cues(text, cues))
    head_score = max((probs[label] * weight for label, weight in spec.heads), default=0.0)
    if not spans and head_score >= FEELING_MIN and _head_misread(spec, text, cues):
        head_score = 0.0
    cue_score = 1.0 - (1.0 - spec.cue_weight) ** min(len(spans), 3)
    score = 1.0 - (1.0 - head_score) * (1.0 - cue_score)
    return Feeling(spec.name, spec.display, float(score), spans, spec.question)


def _head_misread(spec: FeelingSpec, text: str, cues: tuple[Cue, ...]) -> bool:
    """The head saw a word, not the feeling: the writer denies it ("I'm not angry anymore"), or dismisses the
    exchange ("Whatever. Do what you want.") where the feeling is love or hope. Asked only where the head alone
    would show the feeling, so most texts never pay for it."""
    if find_denied_cues(text, cues):
        return True
    # Negation does not undo a veto's topic: "I'm not ready to forgive you" weighs forgiving as much as "I want to".
    return bool(spec.vetoed_by and mentions_any(text, load_lexicon(spec.vetoed_by)))


def scores_from_probs(p: np.ndarray) -> dict[str, float]:
    return {label: float(v) for label, v in zip(_labels(), p, strict=True)}


def read_emotions(text: str) -> EmotionReport:
    """Score the 28 GoEmotions labels and the relationship feelings in ``text``.

    Raises :class:`amends.coach.text.TextRejected` for text the coach cannot read.
    """
    check_text(text, what="message")
    head = _head()
    p = head.probs(embed_one(text, model=INT8, with_max=True), [text])[0]
    probs = scores_from_probs(p)
    labels = tuple(name for name, v, t in zip(head.labels, p, head.thresholds, strict=True) if v >= t)
    feelings = [_feeling(spec, text, probs) for spec in FEELINGS]
    shown = sorted((f for f in feelings if f.score >= FEELING_MIN), key=lambda f: -f.score)
    return EmotionReport(text, labels, tuple(probs.items()), tuple(shown))


def prewarm(records: Iterable[Mapping[str, Any]]) -> int:
    """Batch-embed the ``text`` of these batch records ahead of :func:`read_emotions` (see ``Kind.prewarm``)."""
    texts = [r["text"] for r in records if isinstance(r.get("text"), str) and r["text"].strip()]
    return _prewarm_texts(texts, model=INT8)
