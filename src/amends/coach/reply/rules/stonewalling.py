"""Stonewalling: shutting down or walking away from the conversation.

Source: Gottman's Four Horsemen: stonewalling; the antidote is to take a break and say
you will come back.
"""

from __future__ import annotations

import sys

from amends.coach.reply.rules._base import flag, spans
from amends.coach.results import Finding

NAME = "stonewalling"
SEVERITY = "high"
MESSAGE = "This closes the door; they may hear that their hurt does not reach you."
SUGGESTION = (
    'If you are flooded, say so and name when you\'ll come back: "I need twenty minutes, then I want to hear you."'
)
SOURCE = "Gottman's Four Horsemen: stonewalling (Gottman & Silver 1999)"
EXAMPLES_FLAG = (
    "I need you to drop it.",
    "I get it, I messed up. Can we talk about something else now?",
    "Okay I get it, I messed up. Can we please not do this tonight?",
    "Sure, whatever you say.",
    "We've been over this a hundred times.",
    "I can't talk about this right now.",
    "Fine. Think what you want.",
    "End of conversation.",
    "Im not talking about it anymore.",
    "I'm not talking about this.",
    "Fine.",
    "I don't want to discuss it.",
    "Leave me alone.",
    "We're done here.",
    "ok",
    "I'm not dealing with this.",
    "I don't have time for this.",
    "I'm not going to argue with you.",
    "Forget it. You never listen anyway.",
    "K.",
    "Not doing this again tonight, but ok",
    "You think I give a damn about your feelings?",
    "Now bye.",
    "Unread. Not worth my time.",
    "Whatever. I'm going to bed.",
    "Look, I'm done. Talk tomorrow.",
    "I don't care enough to get into that again.",
)
EXAMPLES_PASS = (
    "I'll tell her I was wrong and ask her to drop it, if that's ok with you?",
    "You have every right to be mad, and I'm not gonna argue it, it's your car.",
    "We can talk about something else later, only if you want to.",
    "I'm too worked up to listen well. Can we not do this right now and talk tomorrow morning?",
    "Whatever you say next, I'll listen.",
    "We've been through this before and we came out stronger.",
    "I can't talk about this right now, can we sit down tonight?",
    "We've been through a lot this year.",
    "I can't deal with the thought that I hurt you, so I hid it.",
    "Think about what you want from me, and tell me when you're ready.",
    "I need a short break to calm down, and then I want to hear you. Can we talk at eight?",
    "Fine, let's talk tonight, I want to understand.",
    "I'm here and I'm listening.",
    "Okay, tell me more about what happened for you.",
    "I don't want to lose you.",
    "I don't have time for you tonight, but tomorrow is yours, all day.",
    "I'm not going to argue; you're right.",
    "I won't forget it, I promise.",
    "Okay, I hear you. Tell me what I missed.",
    "I don't give a damn what my mates think, I'm staying in with you tonight.",
    "Whatever you need from me, I'm here.",
    "im not talking about the money, im talking about the way I spoke to you.",
    "Whatever you need tonight, I'm here.",
    "I'm done with the lies, and I mean it.",
    "I don't care who is right, I care about you.",
)


def check(text: str) -> list[Finding]:
    return flag(sys.modules[__name__], text, spans(text, NAME))
