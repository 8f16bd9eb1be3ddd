"""Minimizing: making the act smaller than it felt to them.

Source: Gottman's defensiveness family; in apology research (Lewicki et al. 2016) playing
down the harm undoes acknowledging it.
"""

from __future__ import annotations

import sys

from amends.coach.reply.rules._base import flag, spans
from amends.coach.results import Finding

NAME = "minimizing"
SEVERITY = "medium"
MESSAGE = "This shrinks what happened; to them it was big enough to hurt."
SUGGESTION = "Let it be as big as it was for them. Name what it cost them instead."
SOURCE = "Gottman: defensiveness; Lewicki, Polin & Lount 2016 (acknowledging harm)"
EXAMPLES_FLAG = (
    "It wasn't even a real date.",
    "I didn't cheat, I just texted her a few times.",
    "I only had a couple of drinks with him.",
    "At least I told you eventually.",
    "Everyone texts their exes, it's normal.",
    "It was just texting, nothing physical happened.",
    "She meant nothing to me, it was just flirting.",
    "You're making it sound way worse than it was.",
    "Honestly, it could have been much worse.",
    "It was just a joke.",
    "It's not a big deal.",
    "I was only twenty minutes late.",
    "It's not like I cheated on you.",
    "It only happened once.",
    "Everyone does it.",
    "It's just a text, relax.",
    "It was only one drink.",
    "It's not that serious.",
    "It's not that deep.",
    "Relax, it's only a game.",
    "It was only five minutes, why are you so upset?",
    "Nobody died, it's fine.",
    "It's not the end of the world.",
    "It was just a little white lie.",
    "You're making a mountain out of a molehill.",
    "What's the big deal?",
    "But people flirt, it's normal.",
    "Define cheating. We only texted.",
    "At least it's only a text, nothing happened.",
    "It was only for three weeks, then I stopped.",
    "That's just how things were back then with my ex.",
    "At least you found out now and not in ten years.",
    "Well, could be worse, it was only one night.",
    "I know I missed it, but at least your sister was there.",
    "You're overreacting, it was one dinner.",
    "It's one text. Why are we still talking about it?",
    "Come on, it's one wedding, there will be others.",
    "You're upset about one word.",
    "Honestly it's a non-issue.",
    "We chatted online and nothing more.",
    "It's not really a lie if you'd have said yes anyway.",
    "Nobody was physically harmed here.",
    "You've made a whole thing out of nothing.",
)
EXAMPLES_PASS = (
    "That was a mean thing to say about your dad, and it wasn't even true.",
    "I won't hide behind 'it was only a joke'. It was a cheap laugh at your expense.",
    "When I said 'it didn't mean anything' I was making what I did smaller.",
    "I'm not gonna say it was nothing, cause it wasn't.",
    "I texted her, and I hid it from you.",
    "It was one dinner that you had planned for weeks, and I wasn't there.",
    "That was one night I wish I could take back.",
    "Just tell me what you need.",
    "At least I want you to know everything now.",
    "Everyone deserves the truth, and you most of all.",
    "We were just talking about the kids when you came in, and then I lied about the rest.",
    "Nothing I say can undo it.",
    "I made it worse than it needed to be, and I'm sorry.",
    "It was a big deal, and I treated it like it wasn't.",
    "I'm only now seeing how much it hurt.",
    "I joked about something that mattered to you.",
    "That wasn't a small thing to you, and it wasn't to me either.",
    "You're the only one I want to be with.",
    "It's just that I miss you.",
    "It's not the end of us, I promise.",
    "I was twenty minutes late and you waited in the cold.",
    "It's just the two of us this weekend, and I want to listen.",
    "People make mistakes, and I made a big one that hurt you.",
    "I can't define what I did as anything but a betrayal.",
    "At least I can tell you the truth now, and I owe you that.",
    "It's just how I feel when I see you hurt: sick about what I did.",
    "It was only after you told me that I understood.",
    "At least once a week I'll cook, that's a promise.",
    "I should have been there, nothing could make it worse than it already felt for you.",
    "It's one wedding I'll never forgive myself for missing.",
    "Nobody was hurt more by this than you, and I know it.",
    "I made a big deal out of nothing and took it out on you. I'm sorry.",
)


def check(text: str) -> list[Finding]:
    return flag(sys.modules[__name__], text, spans(text, NAME))
