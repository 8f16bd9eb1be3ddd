"""Invalidating: telling them their feelings are wrong, too big or not real.

Source: EPITOME (Sharma et al. 2020) counts validation as part of interpretation; its
opposite, dismissing the feeling, is what the HAILEY feedback (Sharma et al. 2023) rewrote.
"""

from __future__ import annotations

import sys

from amends.coach.reply.rules._base import flag, spans
from amends.coach.results import Finding

NAME = "invalidating"
SEVERITY = "high"
MESSAGE = (
    "This tells them how they should feel; feelings are not wrong, and arguing with them leaves them alone with it."
)
SUGGESTION = 'Let the feeling stand. Try "It makes sense you feel that way, given what I did."'
SOURCE = "EPITOME interpretation (Sharma et al. 2020); HAILEY feedback (Sharma et al. 2023)"
EXAMPLES_FLAG = (
    "Your dad hated what I said. Just calm down, it's done.",
    "Just giving my opinion, don't understand why you're getting so mad lol",
    "You need to stop bringing this up.",
    "Let's just forget it happened.",
    "I'm sorry you're upset.",
    "Everyone else thought it was funny.",
    "You're wrong to feel that way.",
    "You have no right to be upset about this.",
    "You have no reason to be jealous.",
    "You're just looking for a reason to be angry.",
    "You're blowing this way out of proportion.",
    "How long are you going to punish me?",
    "When will you get over this?",
    "You need to stop being so sensitive.",
    "Quit taking it so personally.",
    "You're overreacting.",
    "You're being way too sensitive about this.",
    "Calm down, it's fine.",
    "You shouldn't feel that way.",
    "It's all in your head.",
    "Don't be upset.",
    "Well, no one said motherhood was going to be easy.",
    "You're just mad because you lost.",
    "Just get over it.",
    "Sorry you feel that way.",
    "I wasn't meaning it as an insult, sorry if it came off that way.",
    "Nobody is forcing you to stay home every night. Stop being dramatic.",
    "Get used to it, this is how my family is.",
    "Why are you getting so upset about a text?",
    "It doesn't have to ruin your whole weekend.",
    "No, you don't. You just want to win.",
    "Save your tears, I've heard it all before.",
    "Relax. It's one night out.",
    "I don't believe you felt that alone.",
    "Oh relax, you'll be fine by tomorrow.",
    "Oh, give me a break. It was one text.",
    "No one loves you. Cry more.",
    "Go cry about it.",
    "Unbunch your panties, it was a joke.",
    "Don't get your knickers in a twist over a joke.",
    "You're making a mountain out of a molehill again.",
    "Honestly you're getting yourself worked up over nothing.",
    "You're acting like I sold the house.",
    "You're overthinking one text message.",
    "Most people would be grateful for a husband who checks in.",
    "You can't really be mad that I went, you said it was fine.",
)
EXAMPLES_PASS = (
    "You're right, so can I have an hour to pray and calm down? I'll come back after and answer everything.",
    "You're right to be mad. I get why you're so upset.",
    "I won't forget what happened, and I won't ask you to.",
    "Bring it up whenever you need to.",
    "I'm sorry you're upset because I lied to you.",
    "I'm sorry you were hurt, and I know it was my doing.",
    "You had every right to be upset.",
    "You have no reason to trust me right now, I know.",
    "I was wrong to feel jealous of your friend.",
    "You have every reason to be angry.",
    "You have no right to be there without asking.",
    "I blew the budget out of proportion, I'm sorry.",
    "How long will you need before we talk? I'll wait.",
    "When will you feel ready to talk? No rush.",
    "I will stop being so touchy about your phone, I promise.",
    "It makes sense that you're upset.",
    "Your feelings make sense to me.",
    "I'm not going to tell you how to feel.",
    "I'm not going to say you're overreacting.",
    "I can see why you reacted so strongly.",
    "I was too careless with your feelings.",
    "Nobody should have to go through that alone.",
    "I'm sorry my words came across as cold; I was cold, and you deserved better.",
    "It is a big deal, and I know it.",
    "Nobody is forcing me to stay late; I chose work over you.",
    "Why are you upset? Tell me, I want to understand.",
    "I ruined your weekend, and I'm sorry.",
    "No, you don't have to forgive me.",
    "I know you're upset, and you have every right to be.",
    "I can't relax until I know you're okay.",
    "I don't believe you would ever make that up.",
    "Let's both sit down and relax for a minute, then talk.",
    "I don't believe you deserved any of that.",
    "Could you give me a break from the dishes tonight? I'll do them tomorrow.",
    "You can cry more if you need to; I'm staying right here.",
    "I made you cry more than once this year, and I'm sorry.",
    "I won't tell you you're overthinking it; you read me right.",
    "I'm sorry I made a whole thing out of your news instead of listening.",
    "Most people would be furious, and you have every right to be.",
)


def check(text: str) -> list[Finding]:
    return flag(sys.modules[__name__], text, spans(text, NAME))
