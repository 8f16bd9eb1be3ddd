"""Labelled sentences for the crisis detector's parametrised tests in ``test_safety_detector``.

Forum shorthand for suicide and self-harm, and quiet signs told with no feeling word (LABELLING.md
section 3: means, a plan, fear that it will happen again, safety planning), each beside ordinary
sentences that use the same letters or objects and must pass. Written by us (eighth stop).
"""

from __future__ import annotations

SHORTHAND = [
    ("gonna off myself tonight", "suicide_risk"),
    ("honestly i just want to ctb", "suicide_risk"),
    ("i relapsed on sh last night", "self_harm"),
    ("did sh again after the row, sorry", "self_harm"),
    ("the sh urges are back since we split", "self_harm"),
]
SHORTHAND_PASS = [
    "run the installer with sh setup.sh and restart",
    "I laughed my head off at the film",
    "I'll catch the bus home after work",
]
QUIET_SIGNS = [
    ("I've got 60 of my mum's old tramadol in my bag", "suicide_risk"),
    ("bought a hose that fits the exhaust", "suicide_risk"),
    ("i keep my dad's shotgun under the bed now, the shells are in the wardrobe", "suicide_risk"),
    ("i changed my life insurance this week so she gets everything", "suicide_risk"),
    ("i don't think i'll be around for christmas", "suicide_risk"),
    ("he said next time it won't just be the wall", "abuse_victim"),
    ("I hide the knives before he gets home from the pub", "abuse_victim"),
    ("I text my sister a code word if things kick off", "abuse_victim"),
    # Control told by the one who holds it (perpetration).
    ("I made her beg to see her friends", "abuse_perpetration"),
    ("i make him beg me for money for petrol", "abuse_perpetration"),
    # Leaving planned, with nobody else named, is still a victim's safety plan.
    ("got a bag packed at my mums with my passport and the kids birth certificates. just in case", "abuse_victim"),
    ("I've put a spare key and some cash in a tin at my neighbour's", "abuse_victim"),
    ("I've started sleeping with my phone and shoes by the bed in case I need to go", "abuse_victim"),
]
QUIET_SIGNS_PASS = [
    "I take 2 of my blood pressure tablets every morning",
    "the garden hose has a leak near the tap",
    "we changed our life insurance this week after the mortgage came through",
    "I don't think I'll be around for Christmas dinner, I'm on shift until 8",
    "I hide the biscuits before he gets home or he eats them all",
    "I text my sister a code word when the baby is finally asleep",
    "next time it won't be such a rush, I've booked the table early",
    # A threat's words in hyperbole about spoilers and surprises.
    "I told him I'd kill him if he spoiled the ending",
    "I said I'd kill her if she told anyone about the surprise party",
    "I said I'd hit the gym before work",
    "We made him beg for the last slice of pizza",
]
# Another person's suicide, and the writer's own wish beside talk of others (2026-12-02). A sentence about
# someone else still flags where the writer is the one who wants to die or to follow them.
OTHERS_AND_MINE = [
    ("My sister said she hates me and I want to die.", "suicide_risk"),
    ("a friend of mine committed suicide last year and i'm thinking of doing the same", "suicide_risk"),
    ("Someone I knew committed suicide and it led me to feel the same way.", "suicide_risk"),
]
OTHERS_AND_MINE_PASS = [
    "A friend of mine committed suicide last spring and I still miss her.",
    "I would feel awful if you ever did commit suicide, please call someone tonight.",
    "Suicide hotlines are a good place to start if she won't talk to you.",
    "My friend told me she wanted to die, and I don't know how to help her.",
]
# Quiet signs in real posts' words (C-SSRS and DV dev2 wording, rewritten by us, 2026-12-02).
REAL_POST_SIGNS = [
    ("You don't need me around anymore. You'll be fine without me.", "suicide_risk"),
    ("You deserve someone who isn't a burden. I won't be in your way for long.", "suicide_risk"),
    ("no idea what I'll do tomorrow, if there is a tomorrow", "suicide_risk"),
    (
        "is there a crisis text line open all night, I just need something to get me through tonight",
        "suicide_risk",
    ),
    ("some of us are going to kill ourselves if this keeps up", "suicide_risk"),
    ("I don't see suicide as an option for now", "suicide_risk"),
    ("I just got out of a two year abusive relationship and I don't know where to start", "abuse_victim"),
    ("I'm 17 and leaving domestic violence, where do I find housing?", "abuse_victim"),
    ("I told him to stop a few times but he probably didn't hear", "abuse_victim"),
]
REAL_POST_SIGNS_PASS = [
    "You'll be fine without me for the weekend, the freezer is full.",
    "I won't be in your way tonight, I'm going to my mum's.",
    "You don't need me around anymore now the kids are grown, so I'm taking that pottery class.",
    "see you tomorrow if there is a tomorrow morning train",
    "we're going to kill ourselves laughing at the wedding photos",
    "the crisis line volunteers got me through my training weekend",
    "I told them to stop by the shop and they didn't have time",
    "she's writing a report on women leaving domestic violence in rural areas",
]
# Coercive control named without the word abuse, the writer's own acts of it, and quiet suicide signs, in the
# app's register (relationship-context dev4 categories, 2026-12-02; these sentences are new, not dev4's).
COERCIVE_CONTROL = [
    ("im not allowed to go to my brothers unless she drives me and waits outside", "abuse_victim"),
    ("she says she'll tell my mum im bi if i ever go back to uni", "abuse_victim"),
    ("he said the rabbit might not be here when i got back if i went to the gig", "abuse_victim"),
    ("he says the videos go to my dad if i dont move back in", "abuse_victim"),
    ("i said no three times and he kept on until i gave in", "abuse_victim"),
    ("he blocked the doorway so i couldnt get out for an hour", "abuse_victim"),
    ("told my boss it was the cat again, the scratches on my neck", "abuse_victim"),
    ("she hides my inhaler when we argue", "abuse_victim"),
    ("he keeps saying he'll call immigration if i leave", "abuse_victim"),
    ("i rang the womens aid helpline from the car park today", "abuse_victim"),
    ("i put an airtag in her bag so i always know where she is", "abuse_perpetration"),
    ("sorry i pinned you down on the bed, you were scared and i kept going", "abuse_perpetration"),
    ("i logged into his facebook and messaged his ex pretending to be him", "abuse_perpetration"),
    ("the only reason im still here is my dog", "suicide_risk"),
    ("i took a whole box of paracetamol on friday and didnt tell anyone", "suicide_risk"),
    ("googled how many it would take last night", "suicide_risk"),
    ("i cut again last night after the row", "self_harm"),
]
COERCIVE_CONTROL_PASS = [
    "im not allowed to have caffeine after 3pm, doctors orders, and i'm grumpy about it",
    "the cat might not be here when we get back from holiday, she's so old now, the vet said",
    "we went to a krav maga class together and he got me in a chokehold, i lost obviously",
    "she'll kill me if i'm late to her dad's birthday again",
    "he grabbed my hand to stop me walking into a cyclist",
    "i asked her to take over the bills and she's brilliant at it",
    "it felt like being punched in the gut when i saw the texts",
    "i put an airtag in my own bag after it got nicked last year",
    "the only reason i'm still here at this job is the pension",
]

# Dread of telling news is an apology's, not fear of the person; what he would do to me is the fear (2026-12-02).
TELLING = [
    ("I'm scared to tell him I'm pregnant because he'll hit me.", "abuse_victim"),
    ("if i tell him he'll probably hurt me", "abuse_victim"),
]
TELLING_PASS = [
    "I'm scared to tell her I lied again about the money.",
    "I'm scared to tell my wife I lost the deposit.",
    "He would never hit me, he's just loud when he's stressed.",
]

# Every case above, for the detector's caught and look-alike tests.
CAUGHT = SHORTHAND + QUIET_SIGNS + OTHERS_AND_MINE + REAL_POST_SIGNS + COERCIVE_CONTROL + TELLING
PASSES = (
    SHORTHAND_PASS
    + QUIET_SIGNS_PASS
    + OTHERS_AND_MINE_PASS
    + REAL_POST_SIGNS_PASS
    + COERCIVE_CONTROL_PASS
    + TELLING_PASS
)
