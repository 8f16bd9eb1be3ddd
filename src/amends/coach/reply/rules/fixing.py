"""Fixing: advice nobody asked for, in place of listening.

Source: EPITOME (Sharma et al. 2020) separates empathy from problem-solving; HAILEY
(Sharma et al. 2023) moved peer supporters from advice to empathy.
"""

from __future__ import annotations

import re
import sys

from amends.coach import matching
from amends.coach.reply import cues
from amends.coach.reply.rules._base import PACKAGE, flag, spans
from amends.coach.results import Finding

NAME = "fixing"
SEVERITY = "medium"
MESSAGE = "Advice here can sound like their hurt is a problem for them to solve; they likely need to feel heard first."
SUGGESTION = 'Ask before advising: "Do you want ideas, or do you want me to just listen?"'
SOURCE = "EPITOME vs. advice (Sharma et al. 2020); HAILEY (Sharma et al. 2023)"
EXAMPLES_FLAG = (
    "You can check the tracking settings on his phone.",
    "If you're worried, you need to talk to her yourself.",
    "Just tell her to calm down and get it over with.",
    "Or maybe you could just learn to let it go.",
    "I wish you would quit.",
    "A family meeting might force her to be honest.",
    "Hire someone to do your taxes.",
    "Never go to the post office, order it online.",
    "Don't get your hopes up.",
    "I think you need a better partner.",
    "You better go and apologise to her tomorrow.",
    "I would recommend the nicotine patch.",
    "Have you thought about going to therapy?",
    "You need to stop thinking about it.",
    "You should just try to let it go.",
    "Why don't you talk to your sister about it?",
    "Have you tried not checking my phone?",
    "Next time just text me first.",
    "You need to stop worrying so much.",
    "If I were you I'd just forget it.",
    "Tell them to buy their own.",
    "You just gotta man up and go talk to her.",
    "Hey buddy, might wanna take it easy!",
    "I'd suggest keeping a diary of it.",
    "Don't give up. Talk to each other.",
    "Try talking to her about it.",
    "You could always ask your manager for a raise.",
    "I'd just leave him, honestly.",
    "Dump him.",
    "You'd be better off without her.",
    "The best thing to do is to ignore them.",
    "See a therapist.",
    "Maybe try going to bed earlier.",
    "I recommend talking to a lawyer.",
    "Just eat something and go to bed.",
    "Write down what she said and bring it up with your counsellor.",
    "Unfriend him everywhere.",
    "So quit your job then.",
    "You should have a partner who respects you.",
    "Just try to sleep on it and you'll feel better.",
    "I know. But just ignore your mum, she means well.",
    "just end it with him and move on",
    "If I were you I'd ask him straight out.",
    "You need to accept it and move forward.",
    "Just leave him, he isn't worth it.",
    "You could ask yourself to rest more.",
)
EXAMPLES_PASS = (
    "Scream at me if you need to.",
    "I lied about deleting it. I deleted it for real just now, you can check.",
    "You should be angry. I'd be angry too.",
    "I'm sorry I skipped it, because you have to face that office every week without me.",
    "Just tell me how you felt when I left.",
    "I wish you would tell me what you need.",
    "Some time apart might help me think, but only if you want it too.",
    "You need some space, and I'll give it to you.",
    "Tell me more about that night.",
    "Take care of yourself tonight, I'm here.",
    "I hope you get some sleep.",
    "Don't be so dramatic.",
    "Where do you think you should go from here?",
    "Have you thought about what you need from me?",
    "I know. I'm so ashamed. Whatever you need to ask, I'll answer honestly.",
    "Say anything you need to say, and I'll listen.",
    "You should have been able to count on me.",
    "You shouldn't have had to find out that way.",
    "Do you want ideas, or do you want me to just listen?",
    "I need to do better, and I will.",
    "What would help you right now?",
    "Tell me more about that night.",
    "Talk to me, I'm listening.",
    "Don't worry, I'm not going anywhere.",
    "Take your time, I'm here.",
    "Get over yourself.",
    "Do you have anyone you can talk to?",
    "Do you feel like you can talk to anyone at home?",
    "Take your time, I'm here whenever you're ready.",
    "I'd love to hear what you think.",
    "That sounds so hard. When you're ready, maybe try talking to her about it.",
    "What I hear you say is that you felt alone; have you thought about telling her?",
    "I believe in you. Stay strong.",
    "Stop being so dramatic.",
    "You should be ashamed of what you said to me.",
    "I know I let you down. I'd feel invisible too if I were you.",
    "If I were you, I'd be furious with me.",
    "You should have heard about it from me first, not from her.",
    "That's a shock, being told that you have to move out by Friday.",
    "Just tell me what you need from me tonight.",
    "I just got home and I want to hear how your day went.",
    "I'll just keep showing up, every day, and you decide when it's enough.",
    "I'm sorry, but you have to understand how tired I was.",
    "You need to admit you forget things too.",
    "You need to calm down before we talk.",
    "Stop twisting what I said.",
    "Stop going on about the car.",
    "Stop checking my messages.",
    "Can we please just move on now?",
    "Just leave it, I don't want to talk.",
    "I'd ask you not to raise it again.",
    "If you smiled more I'd call more.",
    "I knew I'd get a lecture.",
    "Perhaps you might ask yourself why I stopped telling you things.",
    "Try to understand me for once.",
)


# LABELLING.md §2: fixing is advice *before* the feeling is acknowledged. Advice after "I hear you",
# "that sounds so hard" or "what I hear you say is ..." comes once they feel heard.
def _heard() -> tuple[re.Pattern[str], ...]:
    """Understanding cues: the interpretation cues and lexicons/heard.txt."""
    return (*cues.IP_STRONG, *matching.patterns(PACKAGE, "heard"))


def check(text: str) -> list[Finding]:
    found = [
        s
        for s in spans(text, NAME)
        if not matching.contains(text[: s[0]], _heard())
        and not matching.contains(text[max(0, s[0] - 30) : s[0]], cues.THEIR_VIEW_BEFORE)
    ]
    if found:  # most replies give no advice, and never pay for the empathy patterns
        # "I'd feel invisible too if I were you" names their feeling; its "if I were you" gives no advice.
        empathic = matching.find(text, cues.EMPATHIC_IF)
        found = [s for s in found if not any(a <= s[0] < b for a, b in empathic)]
    return flag(sys.modules[__name__], text, found)
