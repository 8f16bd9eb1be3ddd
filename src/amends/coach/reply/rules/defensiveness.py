"""Defensiveness: protecting yourself (innocent victim, excuses) instead of hearing them.

Source: Gottman's Four Horsemen: defensiveness; its antidote is taking responsibility for
even part of the problem.
"""

from __future__ import annotations

import sys

from amends.coach.reply.rules._base import flag, framed, spans
from amends.coach.results import Finding, Span

NAME = "defensiveness"
SEVERITY = "high"
MESSAGE = "This defends you; right now they need to feel heard more than they need your side."
SUGGESTION = "Take responsibility for your part first; your reasons can wait until they feel understood."
SOURCE = "Gottman's Four Horsemen: defensiveness (Gottman & Silver 1999)"
EXAMPLES_FLAG = (
    "I didn't mean it that way, you're twisting it.",
    "I understand you're upset, but I was tired.",
    "Sorry I forgot, but I was so stressed.",
    "Fine. I'm the worst person in the world, is that what you want to hear?",
    "How could I have known?",
    "I'm sorry you're upset, but I had a really long day.",
    "I'm always the bad guy in this house.",
    "I can never do anything right for you.",
    "I did text, you just didn't see it.",
    "I had a really hard day too, you know.",
    "Well I didn't know it was that important to you.",
    "I already said sorry, what more do you want?",
    "I can't be everywhere at once.",
    "Don't put this all on me.",
    "I'm not the one always checking your phone.",
    "I'm just saying, you were late too.",
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
    "I never said you were wrong, read my comment again.",
    "Where did I say that? Show me.",
    "That's not what I said at all.",
    "I was simply answering your question.",
    "So now it's my fault?",
    "Nothing I do is ever good enough for you.",
    "I had every right to go out with my friends.",
    "Yeah but I was busy all week, what did you expect?",
    "Don't put words in my mouth.",
    "How was I supposed to know?",
    "Never said that. Not once.",
    "I already told you, the train was late.",
    "Did I say I didn't care?",
    "I'm not attacking you, I'm just saying.",
    "Somehow I'm the bad guy again.",
    "All I wanted was a quiet night.",
    "I didn't say you were lying.",
    "Just because you waited doesn't mean I forgot.",
    "No, it really was on the calendar.",
    "I was just teasing, it wasn't a big thing.",
    "i was just wondering why you took so long to answer",
    "I was trying to make the point that I had no time.",
    "That literally never happened.",
    "Don't blame me, I left the keys where you told me to.",
    "I get your point. But I was the one who drove all night.",
    "No, I didn't forget, I was stuck at work.",
    "Who said I was with her?",
    "I never once lied to you about money.",
    "My point stands, you were late too.",
    "That's twisting what I said at dinner.",
    "You can't expect me to remember every date.",
    "You can't hold one bad night against me.",
    "I'm only human, I forget things.",
    "I'm sorry, but I was hurting too.",
    "I'm sorry but you have to understand how tired I was.",
)
EXAMPLES_PASS = (
    "I didn't mean it, but I said it, and saying it is on me.",
    "I said that in front of them and it's not true. You're a wonderful dad.",
    "You're right, I lied, and that's not fair to you.",
    "I'm not saying that to excuse it; it was shameful.",
    "I already told my boss I'm off for every appointment.",
    "I should have done it when I said I would.",
    "I understand you're upset, and I was wrong.",
    "I was tired, but that is no excuse for what I said.",
    "Is that what you needed to hear from me? I want to get it right.",
    "I want to know how I could have made it easier for you.",
    "I had a long day, and I still should have called.",
    "I always do the same thing and I want to stop.",
    "I can do better, and I will.",
    "What more do you want for dinner? I can get pasta too.",
    "I didn't know how much it hurt you, and I want to.",
    "I did text you, and I should have called as well.",
    "It was my fault, and I'm sorry.",
    "I'm just saying sorry again because I mean it.",
    "I did something wrong and I see it now.",
    "Tell me what happened for you.",
    "I chose work over you and that was wrong.",
    "You're right to be angry with me.",
    "I only wanted to say I'm sorry.",
    "I did it because I was scared, and that's no excuse.",
    "It's true that I let you down.",
    "I meant it when I said I'm sorry.",
    "I'm not saying no, I want to think about it with you.",
    "Yes, and I want to make it up to you.",
    "You're grieving your mum and I was joking all day; I hate that I did that.",
    "I misunderstood what you needed from me, and that's on me.",
    "I never want you to feel that way again.",
    "Did I say something that hurt you? I want to know.",
    "I already apologised, and I'll keep showing you I mean it.",
    "I didn't say sorry that night, and I should have.",
    "No, it really is my fault.",
    "I was just wondering how you're feeling today.",
    "I made sure it never happened again, and I will keep making sure.",
    "Don't blame yourself, this one is on me.",
    "I get your point, and you're right.",
    "No, I'm not leaving, I'm staying right here with you.",
    "No, I wasn't fair to you, and I'm sorry.",
    "Who said it was easy? I know it's hard for you.",
    "I never want you to feel alone like that again.",
    "Your point stands, and I hear it.",
    "No, I didn't call, and I should have.",
    "No, I didn't know how much it hurt you.",
    "I understand that, but I still should have called you.",
    "I hear what you're saying, but I want to understand it better.",
    "I never once thought about how it would feel for you, and I should have.",
    "I'm sorry, but I was wrong too, and I should have said so first.",
    "You can count on me to call every night this week.",
    "I know you have to see it for yourself before you believe me, and that's fair.",
)


_RETRACTED_REACH = 90  # characters before a denial that lexicons/retracted.txt reads: linear on any input
_DENIAL = ("not true",)


def _not_retracted(text: str, found: list[Span]) -> list[Span]:
    """Less a denial ("it's not true") that takes back the writer's own words (lexicons/retracted.txt)."""
    return [
        s
        for s in found
        if not (text[s[0] : s[1]].lower().endswith(_DENIAL) and framed(text, s, "retracted", _RETRACTED_REACH))
    ]


def check(text: str) -> list[Finding]:
    return flag(sys.modules[__name__], text, _not_retracted(text, spans(text, NAME)))
