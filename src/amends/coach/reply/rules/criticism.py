"""Criticism: an attack on who the partner is rather than on one behaviour.

Source: Gottman's Four Horsemen (Gottman & Silver, 1999): criticism is "you always / you
never" and character words, as against a gentle complaint about one act.
"""

from __future__ import annotations

import sys

from amends.coach.reply.rules._base import flag, spans
from amends.coach.results import Finding

NAME = "criticism"
SEVERITY = "high"
MESSAGE = "This speaks about who they are, not about one thing that happened; it lands as an attack."
SUGGESTION = "Talk about one moment and how it affected you, and leave their character out of it."
SOURCE = "Gottman's Four Horsemen: criticism (Gottman & Silver 1999)"
EXAMPLES_FLAG = (
    "You never agreed to anything I wanted.",
    "Maybe you should talk to a therapist about your trust issues.",
    "You're so insecure.",
    "You always make everything about you.",
    "You seem so immature about all of this.",
    "Honestly, you just suck at being a partner.",
    "What were you thinking, telling her before me?",
    "You never give me the benefit of the doubt.",
    "What is wrong with you?",
    "You're so selfish sometimes.",
    "The problem with you is you can't let anything go.",
    "You are so needy, honestly.",
    "You're so immature.",
    "You only drop one-liners and refuse to engage.",
    "You're not making any sense.",
    "You clearly have no idea what you're talking about.",
    "You don't care about anyone but yourself.",
    "All you ever do is complain.",
    "Why can't you ever just listen?",
    "You're so inconsiderate.",
    "You're too lazy to read the whole thing.",
    "You just want to argue.",
    "What the hell is wrong with you?",
    "You're lying, because you're an uninformed yet arrogant, entitled child.",
    "You're super annoying.",
    "Stop being so naive.",
    "You're misinformed.",
    "You guys are heartless.",
    "You are an asshole.",
    "Mate, just stop. You're being an embarrassment.",
    "Your such a fucking manchild.",
)
EXAMPLES_PASS = (
    "You've been living with a houseguest you never agreed to, in your own home.",
    "You must feel watched, like you can't even trust your own car.",
    "I know you can't even look at me right now, and you don't have to.",
    "I broke your trust, and I'll work to earn it back.",
    "I was insecure, and I took it out on you.",
    "I was wrong to miss dinner, and I know it hurt you.",
    "You suck it up every single time, and I see what that costs you.",
    "I will stop being so dramatic about your phone, I promise.",
    "You were counting on me and I let you down.",
    "I'll always make time for you from now on.",
    "What was that evening like for you?",
    "I never want you to feel that alone again.",
    "You only asked me for one thing.",
    "You seem to have had a really hard week.",
    "You always make me laugh.",
    "You're such a kind person.",
    "You don't have to explain anything to me.",
    "Why are you always so patient with me? I'm grateful.",
    "You're sick of hearing me say sorry, and I understand why.",
    "You weren't an idiot for trusting me; I was the one who lied.",
)


def check(text: str) -> list[Finding]:
    return flag(sys.modules[__name__], text, spans(text, NAME))
