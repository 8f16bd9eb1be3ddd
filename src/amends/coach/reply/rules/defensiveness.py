"""Defensiveness: protecting yourself (innocent victim, excuses) instead of hearing them.

Source: Gottman's Four Horsemen: defensiveness; its antidote is taking responsibility for
even part of the problem.
"""

from __future__ import annotations

from amends.coach.reply.rules._match import find, patterns
from amends.coach.results import Span

NAME = "defensiveness"
SEVERITY = "high"
MESSAGE = "This defends you; right now they need to feel heard more than they need your side."
SUGGESTION = "Take responsibility for your part first; your reasons can wait until they feel understood."
SOURCE = "Gottman's Four Horsemen: defensiveness (Gottman & Silver 1999)"
EXAMPLES_FLAG = (
    "It's not my fault the meeting ran late.",
    "I didn't do anything wrong.",
    "That's not what happened at all.",
    "I was just trying to help.",
    "I had no choice, what was I supposed to do?",
    "You're right that I had no choice, anyone would have done the same.",
    "I only did it because you wouldn't answer your phone.",
    "We both know I did the right thing.",
    "Why would you even think that?",
    "That's not true, I texted you twice.",
    "I didn't mean it like that.",
    "I merely suggested he see a doctor.",
    "I wasn't meaning it as an insult.",
    "My love for him has nothing to do with it.",
)
EXAMPLES_PASS = (
    "It was my fault, and I'm sorry.",
    "I did something wrong and I see it now.",
    "Tell me what happened for you.",
    "I chose work over you and that was wrong.",
    "You're right to be angry with me.",
    "I only wanted to say I'm sorry.",
    "I did it because I was scared, and that's no excuse.",
    "It's true that I let you down.",
    "I meant it when I said I'm sorry.",
)
_P = patterns(
    r"\b(?:it|this|that) (?:is|was|'s)n't my fault\b",
    r"\b(?:it|this|that)(?:'s| is| was) not my fault\b",
    r"\bi (?:didn't|did not) do anything wrong\b",
    r"\bthat(?:'s| is) not what happened\b",
    r"\bi was (?:just|only) (?:trying|being|joking)\b",
    r"\bi had no (?:other )?choice\b",
    r"\bwhat was i supposed to do\b",
    r"\banyone would have\b",
    r"\bin my defen[cs]e\b",
    r"\bi(?:'m| am) not the (?:bad guy|one who)\b",
    r"\bi never said that\b",
    r"\bi had to\b",
    r"\bit(?:'s| is) not like i\b",
    r"\bi did nothing wrong\b",
    r"\bthat(?:'s| is) not fair\b",
    r"\bi can't (?:help|control) (?:it|that)\b",
    r"\bi (?:only|just) (?:did|said|went|did it|said it|left|stayed) (?:it |that |this )?(?:because|cause|cuz|so)\b",
    r"\bthe only reason i\b",
    r"\bi did (?:what i had to|the right thing|my best|everything i could)\b",
    r"\bwe both know\b",
    r"\bwhy would you (?:even )?(?:think|say|assume|believe)\b",
    r"\b(?:that's|that is|it's|it is) (?:just )?not true\b",
    r"\bi (?:didn't|did not|never) mean (?:it )?(?:like that|that way)\b",
    r"\byou(?:'re| are) taking (?:it|this|that|me) (?:the )?wrong\b",
    r"\byou(?:'re| are) (?:twisting|putting words)\b",
    r"\bi was (?:right|correct)\b",
    r"\bnot my (?:fault|problem|responsibility)\b",
    r"\bi(?:'m| am) (?:allowed|entitled) to\b",
    # Added 2026-11-30 from the real-text dev half: explaining oneself instead of hearing them.
    r"\bi (?:merely|simply) (?:suggested|said|asked|meant|pointed)\b",
    r"\bi (?:didn't|did not|wasn't|was not) mean(?:ing)? (?:it|for|that|to|anything)\b",
    r"\bi was (?:just |only )?asking because\b",
    r"\bi (?:gave|told) you my (?:reasoning|reasons)\b",
    r"\bhas nothing to do with\b",
)


def check(text: str) -> list[Span]:
    return find(text, _P)
