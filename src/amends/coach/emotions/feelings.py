"""Relationship-level feelings: how GoEmotions heads and our own cue lexicons combine.

GoEmotions (Demszky et al. 2020) labels Reddit emotions; a hurt partner's message needs
feelings it never names (hurt, betrayal, insecurity). Each feeling here takes the strongest
of its weighted head scores and raises it when our cue words appear; the cue words give the
spans. The attachment question is the need underneath the feeling, in the words of Sue
Johnson's emotionally focused therapy ("Are you there for me?"), for the UI to show.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FeelingSpec:
    name: str
    display: str
    heads: tuple[tuple[str, float], ...]  # GoEmotions label -> weight
    cue_weight: float  # how much one cue word raises the score
    question: str
    # A cue lexicon whose words, with none of this feeling's own cues, mean the heads misread the text: the
    # GoEmotions head reads "Whatever. Do what you want." as caring, but it is a dismissal.
    vetoed_by: str | None = None


FEELINGS: tuple[FeelingSpec, ...] = (
    FeelingSpec(
        "hurt", "Hurt", (("sadness", 0.7), ("disappointment", 0.6), ("grief", 0.6)), 0.75, "Do I matter to you?"
    ),
    FeelingSpec("anger", "Anger", (("anger", 1.0), ("annoyance", 0.8), ("disgust", 0.8)), 0.7, "Are you there for me?"),
    FeelingSpec("betrayal", "Betrayal", (("anger", 0.3), ("disapproval", 0.3)), 0.8, "Can I trust you?"),
    FeelingSpec(
        "fear_insecurity", "Fear and insecurity", (("fear", 1.0), ("nervousness", 0.9)), 0.75, "Am I enough for you?"
    ),
    FeelingSpec("sadness", "Sadness", (("sadness", 1.0), ("grief", 1.0)), 0.7, "Will you come when I need you?"),
    FeelingSpec(
        "disappointment", "Disappointment", (("disappointment", 1.0), ("disapproval", 0.5)), 0.55, "Can I count on you?"
    ),
    FeelingSpec("shame_guilt", "Shame or guilt", (("embarrassment", 1.0),), 0.7, "Am I still acceptable to you?"),
    FeelingSpec("remorse", "Remorse", (("remorse", 1.0),), 0.6, "Can we come back from this?", vetoed_by="forgiving"),
    FeelingSpec(
        "love_care",
        "Love and care",
        (("love", 1.0), ("caring", 0.9), ("admiration", 0.5)),
        0.7,
        "Do you still love me?",
        vetoed_by="dismissal",
    ),
    FeelingSpec(
        "hope",
        "Hope",
        (("optimism", 1.0), ("desire", 0.6), ("relief", 0.5)),
        0.6,
        "Can we find our way back?",
        vetoed_by="dismissal",
    ),
)

FEELING_NAMES = tuple(f.name for f in FEELINGS)
# How each feeling reads inside a sentence: "they may feel hurt, shame or guilt and anger", not "shame guilt".
IN_A_SENTENCE = {f.name: f.display.lower() for f in FEELINGS}
