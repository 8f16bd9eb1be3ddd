"""Deflection: regret about the partner's feeling or reading instead of one's own act.

Source: Schumann (2018) on non-apologies; Gottman's defensiveness (Four Horsemen).
"""

from __future__ import annotations

import sys

from amends.coach.apology import lexicon
from amends.coach.apology.acts import own_conduct
from amends.coach.apology.doc import Doc
from amends.coach.apology.elements import WRITER
from amends.coach.apology.rules._base import flag
from amends.coach.results import Finding

NAME = "deflection"
SEVERITY = "high"
MESSAGE = "This is sorry about how they feel, not about what you did; it can sound like their reaction is the problem."
SUGGESTION = "Swap '{quote}' for your own act: 'I'm sorry I … — I can see why it hurt.'"
SOURCE = "Schumann 2018; Gottman, Four Horsemen (defensiveness)"
EXAMPLES_FLAG = (
    "I'm sorry that you found the messages that way.",
    "I regret that you found out the way you did.",
    "I apologize if you took it the wrong way.",
    "I'm sorry you feel neglected.",
    "Sorry you took what I said so personally.",
    "I'm sorry you feel that way.",
    "Sorry you took it the wrong way.",
    "I'm sorry that you're upset.",
    "sorry it came across badly",
    "I’m sorry for how you feel about it.",
    "I'm sorry you see it that way.",
    "Sorry if anyone was offended.",
    "I'm sorry you took offense.",
    "Sorry if you got the wrong idea.",
    "I'm sorry you missed the point.",
    "Sorry if my comment came across as rude.",
)
EXAMPLES_PASS = (
    "I'm sorry I hid the messages, and that you had to find them at all.",
    "I regret that I lied to you about where I was.",
    "I feel awful that I hid it and you found out from my sister, because I should have told you.",
    "I'm sorry I made you feel that way.",
    "I'm sorry I called you selfish. You must have felt so small.",
    "I know you feel hurt, and you're right to.",
    "I'm sorry to hear your week was rough.",
    "I'm sorry. You felt alone at the party because I left you there.",
    "I'm sorry I upset you by reading your messages.",
    "I'm sorry if you were hurt by what I did.",
    "I'm sorry I offended you at dinner.",
    "I'm so sorry you're feeling this way. Sending you good vibes, you are not alone.",
    "I'm sorry you are feeling so down, friend. That is really difficult.",
)


def _comfort_only(doc: Doc) -> bool:
    """Sympathy with nothing of the writer's at issue ("I'm sorry you're feeling so down. Sending you good vibes"):
    sorry for what they feel, with no act of the writer's for the feeling to be swapped for (LABELLING.md section 1)."""
    sympathy = not doc.mistake and any(True for _ in lexicon.find(doc, "sympathy", negatable=False))
    return sympathy and not own_conduct(doc)


def check(doc: Doc) -> list[Finding]:
    spans = list(lexicon.find(doc, NAME))
    if spans and _comfort_only(doc):
        # The writer in the rest of the sentence ("...that way about me reading your phone"): their act is at issue.
        spans = [s for s in spans if WRITER.search(doc.norm, s[1], doc.sentence_of(s[0])[1])]
    return flag(sys.modules[__name__], doc, spans)
