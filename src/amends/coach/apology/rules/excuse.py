"""Excuse: a reason offered as a defence, with no ownership, so it cancels the apology.

Reasons are fine as an explanation when the writer also owns the act ("that's no excuse");
only unowned reasons, and outright denials ("it wasn't my fault"), are flagged.
Source: Schumann (2018); Lewicki, Polin & Lount (2016) on explanations vs. justifications.
"""

from __future__ import annotations

import re
import sys

from amends.coach.apology import lexicon
from amends.coach.apology.doc import Doc
from amends.coach.apology.elements import element_spans, has_disclaimer
from amends.coach.apology.rules._base import flag
from amends.coach.apology.rules.sorry_but import reasons_after_but
from amends.coach.results import Finding

NAME = "excuse"
SEVERITY = "medium"
MESSAGE = "This reads as a reason why it wasn't really your fault, which cancels the apology."
SUGGESTION = "If '{quote}' matters, own it too: '… — and that's no excuse; I still chose to …'"
SOURCE = "Schumann 2018; Lewicki, Polin & Lount 2016 (explanation, not justification)"
EXAMPLES_FLAG = (
    "I'm sorry I lied. I was protecting you from the truth.",
    "Sorry. Long day.",
    "Sorry I bailed, I had a lot going on this week.",
    "I'm sorry I snapped, I'd had like three hours sleep.",
    "Sorry I forgot, I was just really busy with work.",
    "It wasn't my fault, the traffic was insane.",
    "I had no choice, my boss kept me late.",
    "I'm sorry I missed it. It's been a crazy week.",
    "My phone died so I couldn't call you.",
    "I didn't mean anything by it.",
    "Sorry I was late, I'm new to this city.",
    "Sorry I missed it, something came up.",
    "Sorry I forgot, I've had so much on my mind.",
    "Sorry for the late reply, I've been away.",
    "Sorry, its late and my head is fuzzy.",
    "Sorry I missed your call, my computer is so slow today.",
    "I apologize for the delay, I was out of the office.",
    "Sorry for the late reply, but I usually check the bottom of the page first.",
    "I only did it because I was scared.",
    "Sorry for the formatting, I'm on mobile.",
    "Sorry, English is not my first language.",
    "Sorry, auto correct changed it.",
    "Sorry, I'm still in shock from the news.",
    "Sorry, I thought I had to sign for everyone.",
)
EXAMPLES_PASS = (
    "I'm sorry I lied. I told myself I was protecting you, but I was protecting myself.",
    "Sorry! Long week ahead of you, good luck with the move.",
    "I was stressed about work, but that's no excuse for snapping at you.",
    "I won't make excuses. I forgot our anniversary and I'm sorry.",
    "I lied because I was scared you'd leave, and I see now that lying was the thing that hurt you.",
    "I'm sorry I forgot. I should have set a reminder.",
    "It was my fault and nobody else's.",
    "I'm sorry I snapped. I'm not excusing it, I was exhausted and took it out on you.",
    "Sorry for the late reply, but I was away, and that's no excuse.",
    "I'm sorry I forgot. Something came up at work, and that's no excuse: I chose not to call.",
    "Sorry, but I meant the other file.",
    "That sucks. I had to deal with something similar. Sorry you go through this.",
    "I'm sorry I was on my phone all through dinner.",
    "I'm tired of hurting you, and I'm sorry.",
    "I thought it was normal to read your messages, and that's no excuse: I read them.",
    "I'm sorry I missed your dinner. From now on I will call you before six if I am running late.",
    "Sorry I snapped at you. Next time I'm tired I'll tell you so instead of taking it out on you.",
)


# A reason the writer reports having given ("I said I was at work") is part of the confession.
_REPORTED = re.compile(
    r"\b(?:said|saying|say|says|told (?:you|u|her|him|them|everyone)|claimed|claiming|pretended|pretending|"
    r"lied (?:and said|that))(?: that)?\s*$"
)


def _reported(doc: Doc, start: int) -> bool:
    return bool(_REPORTED.search(doc.norm[doc.sentence_of(start)[0] : start]))


# A reason named as the condition of a promise ("I will call you before six if I am running late", "next time
# I'm tired I'll say so") is a situation the writer plans for, not a defence of what they did.
_CONDITION_BEFORE = re.compile(r"\b(?:if|when|whenever|in case|next time|any time|anytime|every time)\s*$")
_PROMISE = re.compile(r"\b(?:i will|i'll|i am going to|i'm going to|i promise|i won't|from now on)\b")


def _promised_condition(doc: Doc, start: int) -> bool:
    sentence_start, sentence_end = doc.sentence_of(start)
    return bool(
        _CONDITION_BEFORE.search(doc.clause_before(start)) and _PROMISE.search(doc.norm, sentence_start, sentence_end)
    )


def _sympathy_only(doc: Doc) -> bool:
    """Every "sorry" in the text is sympathy ("Sorry you go through this. I had to deal with something similar")
    and nothing of the writer's is owned: a circumstance told in sympathy excuses nothing."""
    words = lexicon.matches(doc, "remorse")
    return (
        bool(words)
        and not doc.mistake
        and all(lexicon.inside(doc, "not_remorse", start) for start, _ in words)
        and not element_spans(doc, "responsibility")
        and not any(True for _ in lexicon.find(doc, "deflection"))
    )


def check(doc: Doc) -> list[Finding]:
    spans = list(lexicon.find(doc, NAME))
    if not has_disclaimer(doc) and not _sympathy_only(doc):
        spans += [
            s for s in lexicon.find(doc, "reasons") if not _reported(doc, s[0]) and not _promised_condition(doc, s[0])
        ]
        spans += reasons_after_but(doc)
    return flag(sys.modules[__name__], doc, spans)
