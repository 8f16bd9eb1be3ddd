"""Counterattack: answering their hurt with a complaint of your own ("well, you...").

Source: Gottman's account of defensiveness as "reverse complaining"; cross-complaining in
Gottman's studies of distressed couples.
"""

from __future__ import annotations

import sys

from amends.coach.reply.rules._base import flag, spans
from amends.coach.results import Finding

NAME = "counterattack"
SEVERITY = "high"
MESSAGE = "Turning it back on them starts a second fight before the first hurt has been heard."
SUGGESTION = "Keep the focus on what they raised. Your own complaint deserves its own calm moment later."
SOURCE = "Gottman: cross-complaining and counterattack (Gottman & Silver 1999)"
EXAMPLES_FLAG = (
    "And you're hardly Suzy Homemaker yourself.",
    "That's not true. And you're on your phone way more than me.",
    "Oh so you can trash me to your sister but I'm the bad guy for seeing it?",
    "Pot, kettle. You were on your phone all night too.",
    "Funny coming from someone who was two hours late last week.",
    "I'm sorry, but remember when you forgot my dad's anniversary?",
    "Why were you even looking at my phone?",
    "You went through my phone? That's a violation of my privacy.",
    "So you snooped on me now?",
    "You're not exactly perfect either.",
    "You missed my work party last month and I didn't make a fuss.",
    "I'm not the one who lies all the time, you are!",
    "Well, what about when you forgot my birthday?",
    "You do it too, all the time.",
    "You're one to talk.",
    "At least I don't lie about where I am.",
    "Look who's talking.",
    "You did the exact same thing last year.",
    "It's not like you've never lied to me either.",
    "You've done way worse to me.",
    "And what about the time you flirted with my brother?",
    "You lied to me too, remember?",
    "Don't act like you're perfect.",
    "You're the one who lied first.",
    "Says the guy who forgot my birthday two years running.",
    "That's rich coming from you.",
    "Maybe you should look in the mirror before you judge me.",
    "You're just as bad, if not worse.",
    "You weren't exactly a saint either.",
    "You're projecting again.",
    "As if you don't spend all night on your phone.",
    "No! You're the one who forgot to lock the car.",
    "You're the one making this a fight.",
    "The only thing childish here is your message.",
    "So are you.",
    "You're lecturing me about money while doing the exact same thing.",
    "Fuck you too, then.",
    "Same to you too, you never listen either.",
    "You forgot my birthday last year and I never made a fuss about it.",
    "Don't act like I'm the only one who raised my voice.",
    "Glass houses, mate. You lied about the overdraft.",
    "You're hardly in a position to lecture me about money.",
    "Well I shouted, but you were yelling at me too.",
)
EXAMPLES_PASS = (
    "You're no burden yourself, and I'm the one who made you feel like one.",
    "You deserve more than I gave you this year.",
    "So you can see the calendar too, I've shared it, but I'm the one keeping it.",
    "I remember when you told me about your dad, and I used it anyway. I'm sorry.",
    "Why were you looking at your phone so late? Couldn't you sleep?",
    "I know you went through my phone because I gave you every reason to.",
    "I went through your messages and I had no right to.",
    "You're right, and I'm not perfect, I know that.",
    "What about tonight, can we talk then?",
    "At least let me say I'm sorry properly: I am.",
    "You did nothing to deserve that.",
    "I'm talking about my part, not yours.",
    "I did the same thing last year too, and I hate that I repeated it.",
    "Well, you know, it sounds like it has been a hard year.",
    "What about you, how are you holding up?",
    "You're the one I want to spend my life with.",
    "You started a new job this week, and I forgot to ask about it.",
    "I'm so sorry; you're the one who had to face her questions, and that's on me.",
    "The only thing I care about tonight is hearing you.",
    "So are you okay after what I said?",
    "You're right, and I'm listening.",
    "Thank you too, for giving me another chance.",
    "I love you too, and I'm sorry.",
    "You asked how I was and I didn't say a word. I'm sorry I shut you out.",
    "You're not the only one who noticed, and I should have said so first.",
    "I live in a glass flat by the river, come over.",
)


def check(text: str) -> list[Finding]:
    return flag(sys.modules[__name__], text, spans(text, NAME))
