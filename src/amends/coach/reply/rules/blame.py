"""Blame: making them responsible for what you did.

Source: Gottman's defensiveness (blame-shifting); apology research on blame as the
element that most poisons an apology (Schumann 2018; Lewicki et al. 2016).
"""

from __future__ import annotations

import sys

from amends.coach.reply.rules._base import flag, spans
from amends.coach.results import Finding

NAME = "blame"
SEVERITY = "high"
MESSAGE = "This puts your choice on them; they will hear that they caused their own hurt."
SUGGESTION = 'Own your choice in the first person: "I chose..., and it hurt you."'
SOURCE = "Gottman: defensiveness as blame; Schumann 2018 (apology components)"
EXAMPLES_FLAG = (
    "if u werent hiding stuff i wouldnt need to check",
    "ok yeah i read it, but u leave it lying around, what did u expect",
    "tbh you could of just rung them yourself, you were home all day",
    "You can hardly be surprised when I respond in kind.",
    "the lads pressured me into it and i was off my face",
    "The tequila was talking, I barely remember it.",
    "But we need the overtime money, and I didn't exactly have a choice.",
    "You're never home. It's no wonder I looked elsewhere.",
    "Maybe if you told me things earlier this wouldn't happen.",
    "You made me so angry that I said it.",
    "If you hadn't nagged me, I would have remembered.",
    "It's your fault too.",
    "You started it.",
    "You left me no choice.",
    "I only did it because you pushed me.",
    "It's not my fault you can't keep up.",
    "The stress at work made me snap at you.",
    "My ADHD made me forget, it's how my brain works.",
    "The drinking made me say those things.",
)
EXAMPLES_PASS = (
    "If anyone asks, I'd rather it came from me, and I wouldn't blame you for telling them.",
    "What did you expect from me that night? I want to understand what I missed.",
    "You could have just walked out, and you stayed to talk. Thank you.",
    "Nobody talked me into it. I chose it.",
    "I had a choice and I made the wrong one.",
    "If you want space, I won't text until you're ready.",
    "If you'd told me sooner I would have wanted to help, and I'm glad you told me now.",
    "I made a choice that hurt you.",
    "It's my fault, not yours.",
    "If I had listened, this wouldn't have happened.",
    "You did nothing to cause this.",
    "I started this and I want to end it well.",
    "It's not your fault at all.",
    "I'm not saying it's your fault; it was mine.",
    "The stress was mine to handle, and I snapped at you anyway.",
    "Work made me tired, and I still owed you a call.",
    "My brain keeps replaying what I said to you.",
)


def check(text: str) -> list[Finding]:
    return flag(sys.modules[__name__], text, spans(text, NAME))
