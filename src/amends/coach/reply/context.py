"""How closely a reply follows what the partner actually said.

A reply can be warm in general and still miss the person. We look at three signals: the
embedding similarity between the reply's sentences and the partner's message, the content
words they share, and whether the reply names back the feelings the partner expressed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from amends.coach.emotions import EmotionReport
from amends.coach.emotions.lexicon import find_cues, load_lexicon
from amends.coach.reply.sentences import content_stems

LOW_ATTUNEMENT = 0.4


@dataclass(frozen=True)
class Attunement:
    score: float
    similarity: float
    shared_words: tuple[str, ...]
    feelings_named: tuple[str, ...]
    partner_feelings: tuple[str, ...]
    # Content words of the reply's own: none ("I can see why you would feel that way") means it is generic, not
    # that it answers some other conversation.
    own_words: int = 0


def _feelings_named(reply: str, partner: EmotionReport) -> tuple[str, ...]:
    named = []
    for feeling in partner.feelings:
        if feeling.score < 0.5 or feeling.name in ("remorse", "hope", "love_care"):
            continue
        words = feeling.display.lower().split()
        if find_cues(reply, load_lexicon(feeling.name)) or any(w in reply.lower() for w in words if len(w) > 3):
            named.append(feeling.name)
    return tuple(named)


def attunement(
    reply: str, sentence_vecs: np.ndarray, partner_text: str, partner_vec: np.ndarray, partner: EmotionReport
) -> Attunement:
    """Score in [0, 1] of how much the reply takes up the partner's own message."""
    similarity = float(np.max(sentence_vecs @ partner_vec)) if len(sentence_vecs) else 0.0
    own = content_stems(reply)
    shared = tuple(sorted(own & content_stems(partner_text)))
    named = _feelings_named(reply, partner)
    sim_part = float(np.clip((similarity - 0.15) / 0.4, 0.0, 1.0))
    score = 0.5 * sim_part + 0.3 * min(len(shared), 3) / 3 + 0.2 * (1.0 if named else 0.0)
    strong = tuple(f.name for f in partner.feelings if f.score >= 0.5 and f.name not in ("remorse",))
    return Attunement(round(score, 3), round(similarity, 3), shared, named, strong, len(own))
