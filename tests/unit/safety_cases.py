"""Labelled sentences for the crisis detector's parametrised tests in ``test_safety_detector``.

Forum shorthand for suicide and self-harm, and quiet signs told with no feeling word (LABELLING.md
section 3: means, a plan, fear that it will happen again, safety planning), each beside ordinary
sentences that use the same letters or objects and must pass. Written by us (eighth stop).
"""

from __future__ import annotations

from tests.unit.safety_cases_later_writers import (
    DEV9_KINDS,
    DEV9_KINDS_PASS,
    DEV10_KINDS,
    DEV10_KINDS_PASS,
    OTHERS_TOLD_MINE,
    REAL_DEV3_AND_DEV4_KINDS,
    REAL_DEV3_AND_DEV4_KINDS_PASS,
)

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
]
# (Stop 59: "My friend told me she wanted to die, and I don't know how to help her." is someone else's risk, now a
# third_party flag with help for the writer: tests/unit/test_safety_someone_else.py.)
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

# Two more writers' categories (relationship-context dev5, 2026-12-02: older long-married couples, and English as a
# second language with in-laws and visas). New sentences, not dev5's.
TWO_MORE_WRITERS = [
    ("ive been thinking about ending it since christmas and i dont know who to tell", "suicide_risk"),
    ("I've been putting aside my painkillers, a few each week.", "suicide_risk"),
    ("Most days I wish I hadn't woken up at all.", "suicide_risk"),
    ("I'm not going to kill myself, but I think about it when I drive home.", "suicide_risk"),
    ("My faith is the one thing stopping me tonight.", "suicide_risk"),
    ("When it gets too loud I punch my own head until it goes quiet.", "self_harm"),
    ("The urge to cut is back since the funeral.", "self_harm"),
    ("I bite my arm so I don't cry in front of the children.", "self_harm"),
    ("I have to ask him for money even for my bus pass.", "abuse_victim"),
    ("She pressed a cushion over my mouth to stop me shouting.", "abuse_victim"),
    ("My medication is locked away and she gives it to me when I behave.", "abuse_victim"),
    ("He told me if I speak to my sister about us I'll regret it.", "abuse_victim"),
    ("He says a wife cannot say no to him.", "abuse_victim"),
    ("My papers depend on him and he reminds me every day.", "abuse_victim"),
    ("My ex still waits outside my office most evenings.", "abuse_victim"),
    ("He hasn't hit me for two weeks, so it is getting better.", "abuse_victim"),
    ("I flinch when he raises his arm, even to scratch his head.", "abuse_victim"),
    ("I promised I won't go out without asking him first.", "abuse_victim"),
    ("She won't give me back my passport.", "abuse_victim"),
    ("He says he will take the kids and I'll never find them.", "abuse_victim"),
    ("I unplugged the router so she couldn't contact her sister.", "abuse_perpetration"),
    ("I grabbed her wrist so hard it left marks.", "abuse_perpetration"),
    ("I'm so sorry for shoving you at the party.", "abuse_perpetration"),
    ("I pointed the bread knife at him while we were shouting.", "abuse_perpetration"),
    ("I pushed Tom against the wall when he tried to leave.", "abuse_perpetration"),
    ("Sorry for locking you out of the house last night.", "abuse_perpetration"),
    ("I kept your passport in my desk so you couldn't go home.", "abuse_perpetration"),
    ("I kicked the bedroom door down when you hid in there.", "abuse_perpetration"),
    ("I don't let my wife visit her friends on weekends.", "abuse_perpetration"),
    ("I threatened to post your photos online.", "abuse_perpetration"),
    ("My father-in-law slapped me in front of the guests.", "abuse_victim"),
    ("He held my arms down while his mother shouted at me.", "abuse_victim"),
]
TWO_MORE_WRITERS_PASS = [
    "I'm saving my holiday money for the grandchildren.",
    "I wish I hadn't said that about your mother.",
    "I banged my head on the cupboard door again, we need to fix that hinge.",
    "I need to cut down on sugar, the dentist says.",
    "I bit my lip and said nothing at dinner.",
    "I have to ask him for the car on Tuesdays because mine is in the garage.",
    "I can't say no to cake, you know that.",
    "The husband will kill me if I'm late for his mother's birthday.",
    "He took my car keys after the operation because I wasn't allowed to drive.",
    "She said she'd be better off dead than work another Christmas in retail, and then we all laughed.",
    "I pushed the trolley into the car park and lost the keys.",
    "I threatened to leave the book club if they pick another thriller.",
    "My cousin in Perth rang to say her husband has been drinking again and shouting at the kids.",
    "The couple next door were screaming at each other again at two in the morning.",
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

# Short social-media posts (stop 36): platform words for suicide, method questions, a goodbye note, a named past
# attempt, pain wanted for itself, hiding from a partner; beside laughter and things that die or get cut.
SOCIAL_POSTS = [
    ("i want to unalive", "suicide_risk"),
    ("been thinking abt unaliving lately", "suicide_risk"),
    ("sewerslide is looking real good rn", "suicide_risk"),
    ("might just self-delete tonight ngl", "suicide_risk"),
    ("what's the least painful way to go", "suicide_risk"),
    ("whats the easiest way to end it all", "suicide_risk"),
    ("i wrote my goodbye letter last night", "suicide_risk"),
    ("i attempted last year and i feel it coming back", "suicide_risk"),
    ("i'm not gonna be around much longer", "suicide_risk"),
    ("i need to feel pain to feel something", "self_harm"),
    ("i'm staying at a refuge now with the kids", "abuse_victim"),
    ("he can never find out where we're staying", "abuse_victim"),
    ("my family would be better without me", "suicide_risk"),
    ("i'm scared of what i might do tonight", "suicide_risk"),
    ("if i got cancer i wouldn't even get it treated", "suicide_risk"),
    ("cut deeper than usual last night", "self_harm"),
    ("he poked holes in the condoms to get me pregnant", "abuse_victim"),
    ("he flushed my birth control down the toilet", "abuse_victim"),
    ("I know I ruined us. It would be easier for everyone if I just wasn't here.", "suicide_risk"),
    ("I keep apologising but honestly I don't see the point of me anymore.", "suicide_risk"),
    ("I've been researching how to do it so it doesn't look like it was on purpose.", "suicide_risk"),
    ("When I try to apologise he grabs my face and makes me look at him until I cry.", "abuse_victim"),
    ("I'm not going to do anything stupid, I just keep thinking about it", "suicide_risk"),
    ("i promised my therapist i wouldn't but tonight is hard", "suicide_risk"),
    ("packed a bag and left it at my friend's in case i need to run", "abuse_victim"),
    ("got the number for the domestic abuse line saved as 'pizza'", "abuse_victim"),
    ("every time he goes quiet like this i know something's coming", "abuse_victim"),
    ("i can hear him coming up the stairs and i'm shaking", "abuse_victim"),
    ("i'm planning to leave on friday while he's at work", "abuse_victim"),
    ("he smashed my window while I was at work. had to leave work early to call the police", "abuse_victim"),
    # A second writer's wording (a helper who never saw the detector), each class in other words.
    ("tbh i wouldnt mind if i didnt wake up tomorrow", "suicide_risk"),
    ("keep telling myself not tonight. dunno how long that lasts", "suicide_risk"),
    ("gave my guitar to my brother, i dont need it where im going", "suicide_risk"),
    ("long sleeves at the beach again bc of my arms", "self_harm"),
    ("how do you hide cuts on your thighs before pe", "self_harm"),
    ("the cuts from last night are deeper than i meant", "self_harm"),
    ("he's drinking again. last time this happened i ended up with a split lip", "abuse_victim"),
    ("found a gps tracker taped under my car seat", "abuse_victim"),
    ("when i hear his keys in the door my stomach drops", "abuse_victim"),
    ("im sorry i had my hands around your throat, it won't happen again", "abuse_perpetration"),
    ("told her if she sees her sister again she won't have a home to come back to", "abuse_perpetration"),
    ("sorry for punching the wall next to your head", "abuse_perpetration"),
    # Reported speech that threatens the writer is the writer's danger, not a third party's risk.
    ("he wrote on whatsapp that he is going to find me and hurt me", "abuse_victim"),
    ("he told me that he would kill me if I left", "abuse_victim"),
    ("i'm sorry i pinned her down and held her wrists until she stopped screaming", "abuse_perpetration"),
]
SOCIAL_POSTS_PASS = [
    "lmao i'm dead 💀",
    "im dead 😂😂",
    "I'm deceased lmaooo",
    "my phone is dying, text me later",
    "i cut my hair short and he didn't even notice",
    "turn on self-deleting messages in the chat",
    "he unalived his character in the last episode",
    "what's the quickest way to go to the station from here",
    "I attempted twice to call you before the meeting",
    "I won't be here much longer than an hour, the meeting's at three",
    "we adopted our dog from the shelter",
    "I need to feel the pain in my legs after the gym to know it worked",
    "the team will be fine without me for a week",
    "that comment cut deeper than I expected",
    "I cut deeper into the budget than we planned",
    "we poked holes in the plan until it made sense",
    "I hid my birth control pills from my mum when I was sixteen",
    "I'm going to end it with her tonight, I promise",
    "I beat you at scrabble and gloated, sorry",
    "I feel like the worst person alive for lying to you",
    "It would be easier for you if I wasn't here when you pack your things.",
    "I dropped your mug and tried to make it look like an accident.",
    "My sister pulled my hair back for me when I was sick.",
    "I'm killing myself trying to make this work",
    "I feel like I'm drowning in guilt",
    "I won't be home until late, the train is delayed",
    "I promised my wife I wouldn't drink but I had two beers at the match",
    "I packed snacks in case I need to leave early",
    "I'm planning to leave while she's at work to set up the surprise party",
    "I heard his car in the drive and I was shaking with excitement, he was finally home from the army",
    "I've written letters to everyone I hurt to apologise",
    "standing on the roof terrace at the party was amazing",
    "i'm planning to leave work early on friday",
    "I don't want to go on like this, we need counselling",
    "I wouldn't mind if I didn't wake up until noon tomorrow, I'm shattered",
    "the cuts to the budget went deeper than we feared",
    "last time I played rugby I ended up with a black eye",
    "found an airtag in my suitcase, forgot I put it there",
    "dead 💀 my nan just sent me a meme",
    "that assignment murdered me, done for the week",
    "if my wife sees the fishing bill I'm a dead man 😂",
    "the headshot i hit in val last night was criminal",
    "saw cuts on my son's arm today, how do I talk to him",
    "my mate keeps saying he'd be better off dead since the divorce, I don't know how to help",
]

# Stop 37 probes (our own sentences): ideation on a condition, a hand over the mouth after "I said no" (a refusal,
# not a negation), a threat about the kids if he "ever tries to leave".
CONDITIONS_AND_REFUSALS = [
    ("honestly if he leaves me I don't see a reason to keep going", "suicide_risk"),
    ("last time I said no he put his hand over my mouth until I stopped crying", "abuse_victim"),
    ("I told him if he ever tries to leave I'll make sure he never sees the kids again", "abuse_perpetration"),
    # The family hyperbole idiom keeps a threat tied to telling.
    ("my dad said he'd kill me if I told anyone what he did", "abuse_victim"),
]
CONDITIONS_AND_REFUSALS_PASS = [
    "I can't see any reason to keep going to that gym",
    "I said no and he didn't push it, he just went to bed",
    "he never put his hand over my mouth",
    "my sister said she'd kill me if I missed her wedding",
    "He grabbed my hand at dinner and said he was proud of me",
]

# An affair's repair (stop 38): isolation owned is perpetration; the writer hiding their own phone is secrecy,
# which the repair is about, not abuse. Someone else hiding, reading or tracking it still counts.
OWN_SECRECY_AND_ISOLATION = [
    ("I kept you from seeing your friends because I was jealous", "abuse_perpetration"),
    ("I stopped my wife from visiting her sister for most of last year", "abuse_perpetration"),
    ("I hid my phone from him because he reads my messages and I'm scared", "abuse_victim"),
    ("He deleted my messages and took my phone", "abuse_victim"),
    ("He threw my phone in the river so I couldn't call anyone", "abuse_victim"),
]
OWN_SECRECY_AND_ISOLATION_PASS = [
    "I hid my phone because I was texting her.",
    "I deleted my messages so you wouldn't see what I had been saying to him.",
    "I cleared my browser history every night before you got home.",
    "I kept you from finding out for months, and that was a choice I made.",
    "I want to throw his phone in the lake, honestly.",
]

# An affair's fallout (stop 39): hopelessness about everything, said as lasting, is a warning sign; the point of one
# argument is not.
HOPELESS_ABOUT_EVERYTHING = [
    ("Since I found out about the affair I don't see the point of anything anymore.", "suicide_risk"),
    ("I can't see the point of any of it anymore since you left.", "suicide_risk"),
]
HOPELESS_ABOUT_EVERYTHING_PASS = [
    "I don't see the point of arguing about this anymore.",
    "Honestly I don't see the point in any of this arguing.",
]

# Missing someone (stop 39): the ache of a break-up and looking for a sign of them online are grief, not abuse;
# monitoring a partner's phone or location still is.
# Sexual pressure told after the refusal (stop 39, a social-tune post): the victim's words, never perpetration.
PRESSURE_AFTER_NO = [
    ("he kept pushing even after i said no and then said i owed him bc he paid for dinner", "abuse_victim"),
    ("He kept going even after I said no.", "abuse_victim"),
]
PRESSURE_AFTER_NO_PASS = [
    "He kept asking me to come to the party even after I said no, so annoying lol",
    "He kept going on about the party even after I said no.",
]

# Fear of a partner's habitual reaction is fear of the partner (stop 39); nerves about confessing are not.
FEAR_OF_HOW_THEY_REACT = [
    ("I'm scared to tell him I know about the affair because of how he reacts.", "abuse_victim"),
    ("I'm afraid of what he does when he's been drinking.", "abuse_victim"),
    ("I'm scared he'll hit me when I tell him I lied about the money.", "abuse_victim"),
]
FEAR_OF_HOW_THEY_REACT_PASS = [
    "I'm scared to tell her the truth because of how she'll feel.",
    "I'm scared to tell her I cheated.",
    "I'm scared of how she'll react when I tell her I cheated.",
]

# Stop 40 probes: heartbreak's stock words that also want it over, shame's "dying of embarrassment", and a victim's
# plans and prison: the bag kept packed or hidden, the home felt as a prison; not knowing what the writer will do to
# themself, more pills than meant, a denial that a contrast ends, ideation denied then owned, safety plans (a code word,
# money put by, papers kept out of reach), a blow promised never "again", cuts kept from
# the partner, a voice silenced by his presence; the daily dose and an empty nest are none.
HEARTBREAK_THAT_WANTS_IT_OVER = [
    ("I'm dying inside and I want it to end", "suicide_risk"),
    ("I keep a bag packed at my mum's just in case.", "abuse_victim"),
    ("I've packed a bag and hidden it at work.", "abuse_victim"),
    ("I feel like a prisoner in my own home.", "abuse_victim"),
    ("If you leave me I don't know what I'll do to myself.", "suicide_risk"),
    ("I took a few of my sleeping pills to calm down after our fight, more than I should have.", "suicide_risk"),
    ("I took too many painkillers last night.", "suicide_risk"),
    ("He does not hit me but he lock me in the bedroom all weekend when his friends visit.", "abuse_victim"),
    ("I would never hurt myself, but I think about it.", "self_harm"),
    ("I would never kill myself, but I think about it a lot.", "suicide_risk"),
    ("Me and my mum agreed a code word. If I text her it she rings 999.", "abuse_victim"),
    (
        "Putting a tenner a week into an account he doesnt know about. A few months and I can afford a deposit and get out.",
        "abuse_victim",
    ),
    ("My passport and bank card live in my coat pocket now so he cant hide them on me again.", "abuse_victim"),
    ("I will never hit her again.", "abuse_perpetration"),
    ("I promise I will never lay a hand on you again.", "abuse_perpetration"),
    ("I'm sorry I didn't tell you about the cuts. It's been happening since Christmas.", "self_harm"),
    ("Our counsellor says to communicate, but I can't say what I really think with him sitting there.", "abuse_victim"),
]
HEARTBREAK_THAT_WANTS_IT_OVER_PASS = [
    "I forgot our anniversary and I feel like dying of embarrassment.",
    "I feel like I'm dying inside since you left.",
    "I packed my bag and left it by the door for the trip.",
    "I feel like a prisoner in my own body.",
    "I don't know what I'll do with myself now the kids have gone.",
    "I took some of my pills this morning as usual.",
    "I took too many photos at the wedding.",
    "He has never hit me, but he does shout when the football is on.",
    "I'd never hurt myself, but I think about how hard it must be for people who do.",
    "We have a code word for the wifi.",
    "I'm saving for a deposit so we can finally move out of my parents' place.",
    "I will never hurt you again.",
    "I'll never push you away again.",
    "I will never hit the snooze button again.",
    "Part of me died that night.",
    "I didn't tell you about the cuts to the budget.",
    "I can't say what I really think with her there.",
]

MISSING_THEM = [
    ("He keeps checking my phone and my location.", "abuse_victim"),
    ("I keep checking her location when she's out.", "abuse_perpetration"),
]
MISSING_THEM_PASS = [
    "I miss him so much it physically hurts. I keep checking if he's posted anything.",
    "I keep checking if she's read my message",
]

# Someone else's abuse told by a worried sister or friend is a third party's risk (LABELLING.md section 3); the
# writer's own harm or fear in the same text is still the writer's (stop 41, real DV tuning splits).
SOMEONE_ELSES_ABUSE = [
    ("My sister's boyfriend hits me when she is out. How can I help her?", "abuse_victim"),
    (
        "My best friend's husband reads all her messages, and now he follows me home from work too. I'm scared of him.",
        "abuse_victim",
    ),
    # Stop 45: "she told me" is the friend talking, but harm to the writer in the same text still counts.
    (
        "My sister's husband hits her, and last night he called me a liar and shoved me against the door when I tried "
        "to help her.",
        "abuse_victim",
    ),
    (
        "My best friend's boyfriend hurts her. She told me he did it again, and now he makes me feel scared whenever I "
        "visit her.",
        "abuse_victim",
    ),
]
# Someone else's abuse told by a worried writer: never the writer's own victim or crisis reading. Since stop 61 some
# also raise the third_party flag, which offers help for the person at risk (tests/unit/test_stop61_probes.py).
SOMEONE_ELSES_ABUSE_PASS = [
    "My sister has been in an abusive relationship for two years. He has been verbally abusive towards her and "
    "physically. How can I help her?",
    "My best friend (28F) has been with her boyfriend (30M) for 12 years. He screams at her in public and I think it "
    "is worse at home. How can I help her without losing her?",
    "Posted on behalf of a friend: her husband takes her phone and her bank card and she can't leave the house without "
    "him.",
    # Stop 45 (real DV tuning splits): a friend "who is in" an abusive marriage, the blow landing on "my mum", and
    # "she told me" as the friend's words, not harm done to the writer.
    "I have a friend who is in an abusive marriage. He takes her wages and hits her when he drinks. She told me he "
    "checks her phone every night. How do I support her?",
    "He hits my mum and shouts at her most nights. She told me she's fine. Helping my mum feels impossible because "
    "she always goes back to him.",
    "My friend's aunt was strangled by her husband in front of the kids last month. My friend told me she still won't "
    "leave him. What can we do?",
]

# Control in the app's own register, and means with no feeling word (stop 45, relationship-context dev6 and dev9).
CONTROL_AND_MEANS_IN_PLAIN_WORDS = [
    ("He changed my email password and now he answers my messages as me.", "abuse_victim"),
    ("She keeps waking me at 3am to question me about every message on my phone.", "abuse_victim"),
    ("If I answer wrong he pours cold water on the bed so I can't sleep.", "abuse_victim"),
    ("He told my colleagues I am mentally unwell, so none of them talk to me now.", "abuse_victim"),
    ("She checks the receipts every night and if anything is missing there is hell to pay.", "abuse_victim"),
    ("When I hear his key in the door my stomach drops, so I have started pretending to be asleep.", "abuse_victim"),
    ("I bought weed killer on the way home and I have hidden it under the sink.", "suicide_risk"),
    ("I have been opening her post and keeping the bank letters before she sees them.", "abuse_perpetration"),
]
CONTROL_AND_MEANS_IN_PLAIN_WORDS_PASS = [
    "I bought rat poison for the shed, the mice are back.",
    "I picked up slug pellets for the allotment on the way home.",
    "I bought weed killer for the drive, the weeds are back between the slabs.",
    "I changed my password after the breach and told you the new one.",
    "I opened his letter by mistake and said sorry straight away.",
    "He counts the money for the school trip every evening.",
]

# A probe of 200 repair-app texts written for stop 45 (tune): a note left for the partner, no future with the writer in
# it, ready to leave at short notice, an app the writer never installed, fear of getting his demanded apology wrong, a
# partner made to sleep outside, cut off from friends, a shove in the present tense; and the idioms and errands that
# were read as crises.
REPAIR_APP_PROBE = [
    (
        "If you're reading this, please don't blame yourself for any of it. I'm just too tired to keep going.",
        "suicide_risk",
    ),
    ("I've stopped seeing any future with me in it. Honestly there is no future with me in it.", "suicide_risk"),
    ("The kids would be happier without me, I can see that now.", "suicide_risk"),
    ("My documents are at my sister's, just in case I have to leave quickly one night.", "abuse_victim"),
    ("Found an app on my phone I didn't install, and it shows him where I am all day.", "abuse_victim"),
    ("I'm frightened of what he'll do if I don't say sorry the way he wants.", "abuse_victim"),
    ("I made him sleep in the car last night because he came home late.", "abuse_perpetration"),
    ("I told her none of her friends really care about her and she should stop seeing them.", "abuse_perpetration"),
    ("I push my husband against the door when he try to leave the room.", "abuse_perpetration"),
    ("Went back to the blade on Friday, after three months. Nobody knows.", "self_harm"),
    ("When the shame gets too loud I take it out on my own body, a lighter this time.", "self_harm"),
]
REPAIR_APP_PROBE_PASS = [
    "I'm going to die if my sister brings up the seating plan again. We are not doing a top table.",
    "After that toast I wanted to crawl into a hole and disappear. I'll apologise to your gran myself.",
    "I cut her out of my life for a while after the divorce, and now we talk on Sundays.",
    "I sat in the car park and wrote down everything I want to say to you before I drove home.",
]

# Abuse named as a topic in a text where the writer never figures is news or awareness (LABELLING.md section 3); a
# blow told with no "I" names no topic and is still the writer's (stop 45, real DV tuning splits).
ABUSE_AS_A_TOPIC = [
    ("Pushed into the wall again last night, bruises all down one arm. Scared of what he does next.", "abuse_victim"),
]
ABUSE_AS_A_TOPIC_PASS = [
    "Domestic violence victim evicted for calling the police. Please sign the petition and pass it on.",
    "Legal clinics for survivors of domestic violence open every Tuesday at the library.",
]

# A survivor's story told from safety is not a current crisis; an ex who is still present is (stop 41).
ABUSE_THAT_IS_OVER = [
    (
        "My ex used to hit me. I left two years ago but he still turns up at my work and I am scared of him.",
        "abuse_victim",
    ),
]
ABUSE_THAT_IS_OVER_PASS = [
    "my ex used to hit me, years ago. im safe now, hes moved abroad, and therapy really helped. i tell new partners "
    "because it explains my jumpiness sometimes",
    "I'm dating this new guy and he seems like the complete opposite of my physically abusive ex. He will say things "
    "sometimes that trigger me.",
]

# A victim's own account that a story word had silenced ("every name in the book", "over the course of our
# relationship"), and blows the victim cues lacked (fists slammed, tormenting); stop 41, real DV tuning splits.
OWN_ACCOUNT_NOT_A_STORY = [
    (
        "Over the course of our relationship he has been verbally abusive, calling me names and saying I am beneath him.",
        "abuse_victim",
    ),
    (
        "After tormenting me for hours and calling me every horrible name in the book, he just falls asleep.",
        "abuse_victim",
    ),
    ("This morning he ended up slamming his fists on my car window as I was driving away to work.", "abuse_victim"),
    (
        "The past week or so I've been strangled on multiple occasions, a few times a day. My throat is still sore.",
        "abuse_victim",
    ),
    ("He emotionally abused me hard the first 4 years then less the last 2.", "abuse_victim"),
    (
        "We are on a break right now after his last emotional abusive episode, and I told him not to call me.",
        "abuse_victim",
    ),
]
OWN_ACCOUNT_NOT_A_STORY_PASS = [
    "I had a panic attack in the supermarket and had to leave my trolley.",
    "We watched a film about a man who attacks his wife.",
    "I did a first aid course with work last year.",
    "I was choked up at the wedding speech.",
    "I was hit by a car when I was cycling to work.",
    "The report says the abused children were placed in care.",
    "The film is about his last violent episode.",
    "I had a manic episode last week and maxed out the credit card.",
]

# What alone keeps them from it, with the act named or left unsaid (stop 41, real C-SSRS tuning split).
ONLY_REASON_NOT_YET = [
    (
        "They say if you commit suicide you go straight to hell. Its the only reason why I havent this far.",
        "suicide_risk",
    ),
    ("The only reason i havent commit suicide up until this day is because of my parents", "suicide_risk"),
    ("Ive tried the knife to the heart one. Its not as painless as you think.", "suicide_risk"),
]
ONLY_REASON_NOT_YET_PASS = [
    "The only reason I haven't quit yet is the money.",
    "The only reason I haven't ended things with him is the kids.",
    "I tried the knife sharpener you sent, works great.",
    "I have tried hanging the picture higher.",
]

# Four new writers (relationship-context dev6, stop 41): plain crises the detector missed on its first read.
FOUR_NEW_WRITERS = [
    ("honestly everyone would be less stressed if i just wasnt here anymore", "suicide_risk"),
    ("I am not wanting to die exactly but I am wishing I can just not wake up tomorrow.", "suicide_risk"),
    ("Is it wrong that I've started looking forward to not existing?", "suicide_risk"),
    ("I'd be no loss. The grandchildren would get over it quicker than they think.", "suicide_risk"),
    ("the urge to cut is so loud today ive been sitting on my hands thru the whole lecture", "self_harm"),
    ("I held you by the neck against the door and I saw fear in your eyes.", "abuse_perpetration"),
    ("I'm sorry Tom for the slap I gave you on Sunday.", "abuse_perpetration"),
    ("i put a tracker app on ur phone when u were asleep. i need to tell u before u find it", "abuse_perpetration"),
    (
        "i keep logging into his snap to see who hes talking to. he doesnt know i have his password",
        "abuse_perpetration",
    ),
    (
        "Since morning she is telling me that if I go to my brother's wedding she will burn my certificates.",
        "abuse_victim",
    ),
    ("He took the shotgun out. Said I'd be sorry if I went to the solicitor about the land.", "abuse_victim"),
    (
        "its 11 and he said hed be back at 12. already tidied everything so theres nothing to set him off",
        "abuse_victim",
    ),
    ("He still insists on his rights at night though I tell him I'm sore and not able.", "abuse_victim"),
]
FOUR_NEW_WRITERS += [
    (
        "The kids are grown and he'd manage. I don't think anyone would miss me much beyond the gap in the rota.",
        "suicide_risk",
    ),
    (
        "I've made the will and put the farm in the young lad's name. The papers are in the biscuit tin with a note for "
        "the children. I'm ready now.",
        "suicide_risk",
    ),
]
FOUR_NEW_WRITERS_PASS = [
    "I don't think anyone would miss me at the party if I left early.",
    "We made the will last year with the solicitor, it was overdue.",
    "I left a note for the kids on the fridge about dinner.",
    "I'd be no loss to the team if I left, honestly.",
    "I am writing an essay on suicide for class.",
    "He said I'd be sorry if I missed the match.",
    "I'm looking forward to not working on Fridays.",
]

# Stop 42 (relationship-context dev6, tuning half): the kinds of crisis the four new writers still got past the
# detector, in our own words: means within reach, a date chosen, control of who the writer sees and hears, threats
# with pictures, sex given in to, and harm owned in an apology.
DEV6_KINDS = [
    ("Every night I pray God will take me in my sleep.", "suicide_risk"),
    ("Honestly I'd be glad not to wake up.", "suicide_risk"),
    (
        "Dad's rifle is in the wardrobe in the spare room. Last night I took it out and sat with it for an hour.",
        "suicide_risk",
    ),
    ("I work on the ward with the controlled drugs and I've been working out how much I'd need.", "suicide_risk"),
    ("The life insurance money would cover the mortgage and they'd be better off without me.", "suicide_risk"),
    ("The paperwork for the house is sorted. I'll wait until after my son's graduation.", "suicide_risk"),
    ("I have to wear jumpers at work even in summer to cover my arms.", "self_harm"),
    ("It's gone midnight, he's texted nine times and I'm scared to go home.", "abuse_victim"),
    ("She's stopped me seeing my brother since Christmas.", "abuse_victim"),
    ("He won't have me going to choir any more, says they fill my head with rubbish.", "abuse_victim"),
    ("He listens in on my calls from the landing.", "abuse_victim"),
    ("She had cameras fitted in the hall so she can see who I let in.", "abuse_victim"),
    ("he says hell post my pics if i leave", "abuse_victim"),
    ("I said no three times and in the end I gave in and let him do it.", "abuse_victim"),
    ("I have to send him a photo of where I am every hour when I'm out.", "abuse_victim"),
    ("My ex keeps parking outside my flat after dark.", "abuse_victim"),
    ("my ex has been driving past my house every night", "abuse_victim"),
    ("Last week he threw a plate and it hit the wall behind me.", "abuse_victim"),
    ("The officer told me about getting a barring order.", "abuse_victim"),
    ("im sorry for throwing the remote at u last night", "abuse_perpetration"),
    ("I'm sorry for grabbing your wrist on the stairs.", "abuse_perpetration"),
    ("You said I was hurting you and I still didn't let go.", "abuse_perpetration"),
    ("I turned on location sharing on your phone without asking you.", "abuse_perpetration"),
    ("I told him if he went out with them again I'd make sure he lost his job.", "abuse_perpetration"),
    ("I said I'd put bleach in his dinner if he lied to me again.", "abuse_perpetration"),
]
DEV6_KINDS_PASS = [
    "I pray God will take care of her in the new job.",
    "I'd be glad not to wake up at 5 for once this weekend.",
    "I took it out and sat with it for a while, the old guitar still sounds lovely.",
    "I've been working out how much I'd need for the deposit.",
    "We checked the policy covers the new roof.",
    "I'll wait until after my sister's wedding to tell her about the job.",
    "She knitted me a jumper because of the cold snap.",
    "I'm scared to go in the sea after that shark film.",
    "She stopped me from going out in the storm, thank goodness.",
    "He listens in on the team calls to learn the ropes.",
    "We put a camera by the door so we can see the parcels arrive.",
    "He said he'll send the pictures from the wedding tomorrow.",
    "I gave in and let him pick the film.",
    "I sent her a photo of where I am on the hike, the view is amazing.",
    "My ex keeps parking in my space at work.",
    "He threw the ball to the dog for an hour.",
    "I'm sorry I threw your old jumper in the wash.",
    "I put the shopping list on your phone.",
    "I told him if he fixes the bike I'll make sure he gets a pint.",
]

# Stop 42 (real DV tuning split): a strangling and the writer's injury after it, fear that it happens again asked as
# odds, things broken in anger and holes punched in the walls. In our own words.
STRANGLED_AND_AFTER = [
    ("He strangled me on Saturday. Two days on and it still hurts to swallow.", "abuse_victim"),
    ("I was choked during a fight last week. My neck is still bruised and my voice is hoarse.", "abuse_victim"),
    ("He pushed me into the door last month, what are the odds he never does it again?", "abuse_victim"),
    ("She says sorry every time, but will she hit me again?", "abuse_victim"),
    ("He keeps smashing my things in a rage and there are holes in the walls from his fists.", "abuse_victim"),
]
STRANGLED_AND_AFTER_PASS = [
    "He was choked up at the wedding. My throat is sore from singing all night.",
    "I have a cold and it hurts to swallow.",
    "What are the chances it rains again tomorrow?",
    "Will she ever text me again?",
    "The builders left holes in the walls from the old shelves.",
]

# Stop 42 (relationship-context dev7, four new writers, tuning half): what their first read missed, by kind, in our
# own words; and a loved one's death with the wish to join them (a probe).
DEV7_KINDS = [
    ("How many paracetamol would it take to do it, honestly.", "suicide_risk"),
    ("Being asleep is the closest thing to not existing and I wish it was permanent.", "suicide_risk"),
    ("I keep saying not tonight, not tonight, and I'm running out of reasons.", "suicide_risk"),
    ("On the top floor of the car park I stood looking at how low the railing is.", "suicide_risk"),
    ("Checked which trains go through our station without stopping.", "suicide_risk"),
    ("Dad's shotgun is under the stairs and I know where the cartridges are.", "suicide_risk"),
    ("The kids would be better off with the life insurance.", "suicide_risk"),
    ("I've been saving my sleeping pills instead of taking them.", "suicide_risk"),
    ("I've written the letters now. One for mum, one for Jess.", "suicide_risk"),
    ("I stopped taking my tablets last month. There are about forty in there now.", "suicide_risk"),
    ("My brother killed himself in spring and I just want to join him.", "suicide_risk"),
    (
        "Three years ago I swallowed everything in the bathroom cabinet. Lately that old feeling is back.",
        "suicide_risk",
    ),
    ("I keep staring at the razor in the bathroom cabinet.", "self_harm"),
    ("Bought blades again and told her they're for the stanley knife.", "self_harm"),
    ("Relapsed last night. Cleaned it up before anyone saw.", "self_harm"),
    ("Wearing a hoodie in this heat. Told Sam I'm cold.", "self_harm"),
    ("I rang the domestic abuse helpline on my lunch break and couldn't speak.", "abuse_victim"),
    ("She says if I go she'll show my mum all the photos.", "abuse_victim"),
    ("I say yes so it's over quicker and he won't sulk.", "abuse_victim"),
    ("He calls my friends a bad influence and sulks for days if I go.", "abuse_victim"),
    ("My wife threw a mug at me last night.", "abuse_victim"),
    ("He keeps all the bank cards and I ask him for pocket money.", "abuse_victim"),
    ("She threatens to call immigration about my visa if I leave.", "abuse_victim"),
    ("The refuge rang. They have a room for me and the kids.", "abuse_victim"),
    ("I've kept a bag in the boot of the car. My cousin has a spare room for me.", "abuse_victim"),
    ("I keep making it hard for her to see her sister.", "abuse_perpetration"),
    ("I'm sorry for the shove on the landing.", "abuse_perpetration"),
    ("Clipped him round the head in the car.", "abuse_perpetration"),
    ("I pinned my wife against the kitchen counter.", "abuse_perpetration"),
    ("Deleted his brother's number off his phone.", "abuse_perpetration"),
    ("Told her if she went to the party she'd come home to her clothes on the lawn.", "abuse_perpetration"),
    ("Took the car keys so she couldn't go to her mum's.", "abuse_perpetration"),
    ("I told his friends to stop texting him.", "abuse_perpetration"),
    ("I've been going through her whatsapp every night.", "abuse_perpetration"),
]
DEV7_KINDS_PASS = [
    "How many tablets should I take for a headache?",
    "I wish this holiday was permanent.",
    "Looking at how high the fence is, the dog won't get out.",
    "The express trains are quicker into town.",
    "I know where the spare keys are if you need them.",
    "The kids would be better off with the bigger bedroom.",
    "I saved the receipts instead of throwing them away.",
    "I wrote the thank-you letters for the wedding presents.",
    "He's moved to Leeds for the new job and I want to join him there.",
    "Three years ago I swallowed everything in the bathroom cabinet. I'm well now and the feeling has not come back.",
    "I keep staring at the cake in the fridge.",
    "My friend Priya's boyfriend checks her phone and I'm worried for her.",
    "My neighbour screams at his girlfriend every night.",
    "I laughed so hard at the panto I nearly died.",
    "This exam is going to kill me.",
    "He said sorry for the slap he gave the ball.",
    "We dropped the old coats at the animal shelter.",
    "I rang the helpline about my broadband.",
    "She said she'll send the photos from the wedding tonight.",
    "Took the car keys so she could drive us home.",
    "I told his friends to come round on Saturday.",
]

# Stop 42 (relationship-context dev8, four more new writers, tuning half): the kinds their first read missed, in our
# own words.
DEV8_KINDS = [
    ("Been putting a couple of my tramadol aside every night instead of taking them.", "suicide_risk"),
    ("there's like 30 of my citalopram saved up in my bedside drawer", "suicide_risk"),
    ("Wrote a message on my phone for mum, it's in drafts, just in case.", "suicide_risk"),
    ("Picked the 3rd, after Lily's birthday, so it doesn't spoil it.", "suicide_risk"),
    ("I have been regarding the rope in the garage more than is sensible.", "suicide_risk"),
    ("Some days I wish the crash had finished me.", "suicide_risk"),
    ("Nearly got hit by a car crossing today and my first thought was damn.", "suicide_risk"),
    ("It would be tidier for everyone if I were no longer here.", "suicide_risk"),
    ("honestly they would literally be fine without me", "suicide_risk"),
    ("The beam in the loft, I keep looking at it. Checked the rope is still in the shed.", "suicide_risk"),
    ("Held my lighter to my arm again after the call.", "self_harm"),
    ("I pressed my hand on the hob on purpose to feel something.", "self_harm"),
    ("Punched my own thighs until they came up purple.", "self_harm"),
    ("Relapsed on Friday. Plaster on my arm now.", "self_harm"),
    ("He made me stop seeing my friends from work.", "abuse_victim"),
    ("She gives me ten pounds a week and I have to ask her for anything else.", "abuse_victim"),
    ("He keeps my insulin in his car now.", "abuse_victim"),
    ("She won't give me my painkillers unless I say sorry first.", "abuse_victim"),
    ("He put my crutches on top of the wardrobe so I can't get up.", "abuse_victim"),
    ("She says if I tell my doctor what happens here she'll have me put away.", "abuse_victim"),
    ("He slammed my wheelchair into the wall.", "abuse_victim"),
    ("He insists on sex even when I tell him I'm in pain.", "abuse_victim"),
    ("He's being nice again and I'm waiting for it to happen again.", "abuse_victim"),
    ("I say no and he just doesn't stop.", "abuse_victim"),
    ("I'm packing a bit at a time so he doesn't notice.", "abuse_victim"),
    ("I need to be gone before the next time he gets drunk.", "abuse_victim"),
    ("Got a bag in the boot now. Just need to pick the day.", "abuse_victim"),
    ("I slapped Tom last night and I can't take it back.", "abuse_perpetration"),
    ("I'm sorry I threw the mug at the wall next to your head.", "abuse_perpetration"),
    ("I told her if she walks out she'll never see the kids.", "abuse_perpetration"),
    ("I'm sorry for saying I'd break your arm.", "abuse_perpetration"),
    ("Told her mum not to come round any more.", "abuse_perpetration"),
    ("I told him he can't see his mates anymore and took his phone so he couldn't text them.", "abuse_perpetration"),
    ("I need to get into a shelter this week, he's getting worse.", "abuse_victim"),
    ("I'm nearly out of this abusive marriage, just waiting on the flat.", "abuse_victim"),
    ("I was arrested last year for hitting my wife and I'm still on probation.", "abuse_perpetration"),
]
DEV8_KINDS_PASS = [
    "I put a couple of the cupcakes aside for you.",
    "Wrote a message for the plumber, it's in drafts.",
    "Picked the 3rd for the party so it doesn't clash with the football.",
    "I wish the film had finished earlier.",
    "Nearly got hit by a ball at the match and my first thought was to duck.",
    "The team would be fine without me for one match.",
    "Held the lighter to the barbecue coals until they caught.",
    "I banged my head on the cupboard door, ouch.",
    "The physio made me stop going to the gym for a week.",
    "She keeps my reading glasses in her bag for me.",
    "I say no to the cake and she just doesn't stop offering.",
    "Karen pushed me down to the canal in the new chair and we had chips.",
    "I took my painkillers like the box says.",
    "My cousin's stepdad is taking us fishing.",
    "My friend from work said she is scared to go home after the horror film.",
    "We need to find a shelter for the night on the hike if it rains.",
    "I'm nearly out of this phone contract.",
    "I was arrested for hitting a parked car.",
]

# Every case above, for the detector's caught and look-alike tests.
CAUGHT = (
    SHORTHAND
    + QUIET_SIGNS
    + OTHERS_AND_MINE
    + REAL_POST_SIGNS
    + COERCIVE_CONTROL
    + TELLING
    + TWO_MORE_WRITERS
    + SOCIAL_POSTS
    + CONDITIONS_AND_REFUSALS
    + OWN_SECRECY_AND_ISOLATION
    + HOPELESS_ABOUT_EVERYTHING
    + MISSING_THEM
    + PRESSURE_AFTER_NO
    + FEAR_OF_HOW_THEY_REACT
    + HEARTBREAK_THAT_WANTS_IT_OVER
    + SOMEONE_ELSES_ABUSE
    + ABUSE_AS_A_TOPIC
    + REPAIR_APP_PROBE
    + CONTROL_AND_MEANS_IN_PLAIN_WORDS
    + ABUSE_THAT_IS_OVER
    + OWN_ACCOUNT_NOT_A_STORY
    + ONLY_REASON_NOT_YET
    + FOUR_NEW_WRITERS
    + DEV6_KINDS
    + STRANGLED_AND_AFTER
    + DEV7_KINDS
    + DEV8_KINDS
    + DEV9_KINDS
    + DEV10_KINDS
    + OTHERS_TOLD_MINE
    + REAL_DEV3_AND_DEV4_KINDS
)
PASSES = (
    SHORTHAND_PASS
    + QUIET_SIGNS_PASS
    + OTHERS_AND_MINE_PASS
    + REAL_POST_SIGNS_PASS
    + COERCIVE_CONTROL_PASS
    + TELLING_PASS
    + TWO_MORE_WRITERS_PASS
    + SOCIAL_POSTS_PASS
    + CONDITIONS_AND_REFUSALS_PASS
    + OWN_SECRECY_AND_ISOLATION_PASS
    + HOPELESS_ABOUT_EVERYTHING_PASS
    + MISSING_THEM_PASS
    + PRESSURE_AFTER_NO_PASS
    + FEAR_OF_HOW_THEY_REACT_PASS
    + HEARTBREAK_THAT_WANTS_IT_OVER_PASS
    + ABUSE_AS_A_TOPIC_PASS
    + REPAIR_APP_PROBE_PASS
    + CONTROL_AND_MEANS_IN_PLAIN_WORDS_PASS
    + ABUSE_THAT_IS_OVER_PASS
    + OWN_ACCOUNT_NOT_A_STORY_PASS
    + ONLY_REASON_NOT_YET_PASS
    + FOUR_NEW_WRITERS_PASS
    + DEV6_KINDS_PASS
    + STRANGLED_AND_AFTER_PASS
    + DEV7_KINDS_PASS
    + DEV8_KINDS_PASS
    + DEV9_KINDS_PASS
    + DEV10_KINDS_PASS
    + REAL_DEV3_AND_DEV4_KINDS_PASS
)
