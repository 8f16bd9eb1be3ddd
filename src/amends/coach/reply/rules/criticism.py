"""Criticism: an attack on who the partner is rather than on one behaviour.

Source: Gottman's Four Horsemen (Gottman & Silver, 1999): criticism is "you always / you
never" and character words, as against a gentle complaint about one act.
"""

from __future__ import annotations

from amends.coach.reply.rules._match import find, patterns
from amends.coach.results import Span

NAME = "criticism"
SEVERITY = "high"
MESSAGE = "This speaks about who they are, not about one thing that happened; it lands as an attack."
SUGGESTION = "Talk about one moment and how it affected you, and leave their character out of it."
SOURCE = "Gottman's Four Horsemen: criticism (Gottman & Silver 1999)"
EXAMPLES_FLAG = (
    "You always make everything about you.",
    "You never give me the benefit of the doubt.",
    "What is wrong with you?",
    "You're so selfish sometimes.",
    "The problem with you is you can't let anything go.",
    "You are so needy, honestly.",
    "You're so immature.",
    "You only drop one-liners and refuse to engage.",
    "You're not making any sense.",
)
EXAMPLES_PASS = (
    "I was wrong to miss dinner, and I know it hurt you.",
    "You were counting on me and I let you down.",
    "I'll always make time for you from now on.",
    "What was that evening like for you?",
    "I never want you to feel that alone again.",
    "You only asked me for one thing.",
    "You seem to have had a really hard week.",
)
_P = patterns(
    r"\byou(?:'re| are)? always\b",
    r"\byou never\b(?! have to)",
    r"\bwhat(?:'s| is) wrong with you\b",
    r"\byou(?:'re| are) (?:so |such an? |being |just |really )?(?:selfish|needy|lazy|crazy|insane|impossible|"
    r"difficult|controlling|jealous|paranoid|clingy|naggy|nag|childish|immature|toxic|unreasonable)\b",
    r"\bthe problem with you\b",
    r"\btypical (?:of )?you\b",
    # Added 2026-11-30 from the real-text dev half: a verdict on who they are or how they argue.
    r"\byou(?:'re| are) (?:so |such an? |being |just |really |very )?(?:immature|annoying|cynical|delusional|arrogant|"
    r"entitled|rude|condescending|hypocritical|ridiculous|obsessed|naive|dense)\b",
    r"\byour inability\b",
    r"\byour (?:argument|logic|reasoning|point) (?:is|was) (?:so )?(?:bad|weak|stupid|dumb|terrible|flawed)\b",
    r"\byou only (?:ever |drop|care|think|want)\b",
    r"\byou (?:refuse|can't even|can't keep up|can't grasp|don't even)\b",
    r"\byou seem to (?:have|be) (?:a |an )?(?:very |really )?(?:low|over|no|obsessed|incapable)\b",
    r"\byou(?:'re| are) not making (?:any )?sense\b",
)


def check(text: str) -> list[Span]:
    return find(text, _P)
