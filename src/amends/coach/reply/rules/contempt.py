"""Contempt: mockery, sarcasm, eye-rolling, superiority.

Source: Gottman's Four Horsemen; contempt is the strongest predictor of separation in
Gottman's studies (Gottman & Levenson 1992).
"""

from __future__ import annotations

import sys

from amends.coach import matching
from amends.coach.reply.rules._base import PACKAGE, find, flag, framed, spans
from amends.coach.results import Finding, Span

NAME = "contempt"
SEVERITY = "high"
MESSAGE = "Mockery or scorn tells them their pain is beneath you; it does the most damage of all."
SUGGESTION = "Drop the sarcasm. Say plainly what you feel and what you want, with respect."
# Name-calling is not sarcasm, so it gets its own way out: the act and its effect instead of a label (Gottman's
# antidote to contempt and criticism, a complaint about a behaviour rather than the person).
NAME_SUGGESTION = 'Describe what they did and how it landed on you, not what they are: "When you..., I felt...".'
SOURCE = "Gottman's Four Horsemen: contempt (Gottman & Levenson 1992)"
EXAMPLES_FLAG = (
    "I can't even hear you over all that whining.",
    "Piss off.",
    "That's literally the stupidest thing ever.",
    "You stormed out. Real mature.",
    "You guys are delusional.",
    "Please keep going, this is just making you look worse.",
    "I get it, you're perfect and I'm the worst.",
    "Your first mistake was asking him in front of everyone.",
    "Unworthy of my attention.",
    "Printing it all out?! You tree-killing monster!",
    "Learn to read the room like everyone else.",
    "You were home by ten? Yeah, I don't believe you.",
    "I'd get a better answer from a brick wall.",
    "Enjoy your mum's basement.",
    "Oh sure, you're never wrong.",
    "Okay, Mr. Perfect.",
    "Oh please, grow up.",
    "Thanks for ruining my birthday, really.",
    "Oh, thank you for enlightening me.",
    "Sorry if the truth shatters your little ego.",
    "Whatever. Poor you.",
    "That's pathetic, honestly.",
    "Give me a break 🙄",
    "Yeah right, like you've never done anything wrong.",
    "Boo hoo, cry me a river.",
    "You're a liar.",
    "Oh, I'm SO sorry that I'm not perfect like you. Happy now?",
    "What an idiot.",
    "Sorry for existing, I guess.",
    "Congratulations, you played yourself.",
    "Fuck off with your nonsense.",
    "How dare you even say that.",
    "What a joke.",
    "Okay then. You have it all figured out.",
    "Lmao, imagine thinking that.",
    "Cool story bro.",
    "Nobody asked for your opinion.",
    "Did you even read the article? Learn to read.",
    "Keep telling yourself that.",
    "You're such an idiot.",
    "Bullshit.",
    "Jealous much?",
    "You sound like a child.",
    "Tell me you've never had a job without telling me you've never had a job.",
    "Wtf are you on about?",
    "Your opinion doesn't matter.",
    "Get off the internet, little boy.",
    "Are you serious, you fucking racist?",
    "You shut your mouth.",
    "Maybe you suck at google.",
    "This sub is a fucking joke now.",
    "Educate yourself.",
    "No thanks, jackass.",
    "Heaven forbid you do some actual research.",
    "Have fun being right all by yourself.",
    "I pity you, honestly.",
    "You're such a manchild.",
    "Glad you answered your own question.",
    "You were two hours late. Sure thing, buddy, it was the traffic.",
    "Nice excuse, champ.",
    "It's not exactly hard to text me back.",
    "Yeah, because it's soooo hard to pick up a phone.",
    "Oh no, I forgot your precious dinner /s",
    "You forgot again. Sad.",
    "Come back when you can admit you were wrong.",
    "You should be ashamed of how you spoke to me.",
    "You forgot our anniversary because of a football match. Great logic.",
    "Where'd you go, tough guy?",
    "Do try to keep up, I told you this twice.",
    "Translation: you don't care what I think.",
    "Save your breath, I've heard it all before.",
)
EXAMPLES_PASS = (
    "I can feel myself getting prickly and I don't want to fire back something stupid, so give me twenty minutes.",
    "That's rubbish for all three of you. I'm taking them next weekend.",
    "I made a fool of you in front of everyone and I'm sorry.",
    "Whatever you need, I'll do it.",
    "Whatever it takes to earn your trust back.",
    "My first mistake was not calling you back, and I own it.",
    "You deserve my full attention, and you'll have it.",
    "You are not a monster for being angry.",
    "I'll learn to check in like you asked.",
    "I believe you, and I'm sorry I doubted it.",
    "I was like a brick wall when you needed me.",
    "Your mum's basement flooded and I didn't help.",
    "That was a really mature way to handle it, thank you.",
    "I did the stupidest thing, and I'm sorry.",
    "I can hardly hear you when the TV is on, can we talk in the kitchen?",
    "You're perfect to me, and I forgot that.",
    "I know I'm not perfect, and I'm sorry.",
    "I'm sorry. I can see how much that hurt.",
    "Thank you for telling me the truth, even though it was hard.",
    "Thanks for making dinner for us last night.",
    "Your feelings matter to me, and I want to hear them.",
    "Please tell me what that night was like for you.",
    "I want to grow as a partner for you.",
    "You have every right to be upset with me.",
    "I'll give you space if you need it, and I'm here when you're ready.",
    "You're not an idiot for trusting me.",
    "I lied to you and I'm sorry.",
    "Are you happy with the plan now?",
    "I don't want to joke about this.",
    "I'll try again, this time properly.",
    "I dare say I was wrong.",
    "I was an idiot, and I'm sorry.",
    "I felt so stupid for forgetting.",
    "That was a stupid thing for me to do, and I'm sorry.",
    "Those people in the movie were terrifying.",
    "It's a ridiculous amount of money for a phone.",
    "Fuck it, I'll try again tomorrow.",
    "I laughed so hard lol.",
    "Why the fuck is this getting downvoted?",
    "The little boy next door lost his cat.",
    "Your opinion matters to me more than anyone's.",
    "That's a joke I told you about yesterday.",
    "You're sick, stay in bed and I'll bring you soup.",
    "Have fun at your mum's tonight, tell her I said hi.",
    "I pity myself for not seeing it sooner, not you.",
    "Your face when you laughed last night, I missed that.",
    "Sure thing, I'll pick you up at six.",
    "I know it's not that hard to call, and I'm sorry I didn't.",
    "I'm sad. I miss how we used to be.",
    "Come back whenever you're ready, I'll be here.",
    "I should be ashamed of how I spoke to you, and I am.",
    "Your logic makes sense to me, and I'm sorry I dismissed it.",
    "He's a big, gentle man and you'll like him.",
    "I'll try to keep up with the chores this week.",
    "The translation of your mum's letter made me cry.",
    "I'm so sorry, sweetheart.",
    "Sure thing, honey, I'll pick up the milk on the way home.",
    "Come back when you're ready, I'll be here.",
    "You're moving away tomorrow. So sad.",
    "Let the anger out, I can take it and I deserve it.",
    "I'm so sorry I called you pathetic, that was cruel and untrue.",
    "I need ten minutes outside before I say something dumb, then I'm coming back.",
    "It cost a lot, I know, and I'll save it back by May.",
    "Whatever.",
)


_REPORTED_REACH = 40  # characters before the word that lexicons/reported_names.txt reads: linear on any input


def _not_reported(text: str, found: list[Span]) -> list[Span]:
    """Less the words the writer reports having said or fears saying (lexicons/reported_names.txt)."""
    return [s for s in found if not framed(text, s, "reported_names", _REPORTED_REACH)]


def _names(text: str) -> list[Span]:
    found = find(text, matching.patterns(PACKAGE, "contempt_names"))
    return [s for s in found if not matching.denied(text, s[0])]  # "not an idiot", yet "No thanks, jackass"


def check(text: str) -> list[Finding]:
    rule = sys.modules[__name__]
    return flag(rule, text, _not_reported(text, spans(text, NAME))) + flag(
        rule, text, _not_reported(text, _names(text)), NAME_SUGGESTION
    )
