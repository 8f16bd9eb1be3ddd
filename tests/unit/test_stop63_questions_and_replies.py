"""Stop 63: abuse told as a question or a story, someone else's abuse, and a reply to someone at risk. LABELLING.md
section 3: the writer's danger is current harm, control or fear of a partner; someone else at risk (a friend, a
relative, the person being answered) is third_party, and never the writer's own crisis page. Each flagged case sits
beside look-alikes that must stay quiet."""

from __future__ import annotations

import pytest

from amends.safety.detector import scan_safety

CRISIS = frozenset({"suicide_risk", "self_harm", "abuse_victim", "abuse_perpetration"})

# The writer's danger in the words the older lines did not read.
VICTIM = [
    "Every time we argue now he gets the carving knife out of the drawer while he's shouting at me and just holds it.",
    "is it normal that she starts touching me when i'm asleep even though i've said i don't want that",
    "he says it's my duty as his wife and goes on and on until i give in, is that how it's meant to be?",
    "she takes the router with her when she goes out so i can't message anyone",
    "if I don't answer his calls he turns up at my work and sits in the car park until my shift ends",
    "i sleep with my car keys in my bra now just in case",
    "He doesn't like my sister so I haven't seen her in months. Not even sure I'm allowed to anymore.",
    "he didnt hit me, he just took my inhaler and locked it in the glovebox till i said sorry",
]

# The writer's own act on a partner.
PERPETRATION = [
    "I hid my wife's glasses so she couldn't drive to her sister's. Is that abuse?",
    "i took his walking stick when he was being difficult so he'd have to stay in",
]

# Look-alikes: a face likened to murder, a legal question, an ex long gone, blame reported.
QUIET = [
    "She looked like she wanted to murder me when I said I'd sold the sofa without asking.",
    "What's the difference between a restraining order and a non-molestation order? It's for my criminology essay.",
    "My ex would take my bank card and disappear for days. That was twenty years ago; I'm happily remarried.",
    "My first husband used to throw plates at me. We split in 2010 and he moved to Spain; we don't speak.",
    "Please don't hurt yourself running in this heat, love.",
    "I keep my inhaler in my coat pocket so I never forget it.",
]

# Someone else's abuse: a friend's or relative's partner forcing, controlling or frightening them.
SOMEONE_ABUSED = [
    "My cousin told me her boyfriend forces her to have sex when he's been drinking.",
    "My sister's new husband doesn't let her answer the phone when we ring.",
    "My grandad takes all of her pension and my nan has to ask him for bus fare.",
    "My uncle is hitting my auntie again, she had a bruise on her cheek at Christmas.",
]

# A reply to someone at risk: the person answered is the one at risk.
READER_AT_RISK = [
    "Please don't kill yourself. Call the helpline tonight and text me after.",
    "You don't need to kill yourself over this, we can sort the money out together.",
    "Are you thinking about killing yourself? You can tell me, I won't be angry.",
    "I'm so sorry you've been thinking about ending your life, I didn't know it had got that bad.",
    "If you took your own life it would break me. Please talk to someone.",
    "If you want to end it all I need to know, please tell me.",
]


@pytest.mark.parametrize("text", VICTIM)
def test_a_victims_danger_told_in_plain_words_flags(text: str) -> None:
    assert "abuse_victim" in scan_safety(text).types


@pytest.mark.parametrize("text", PERPETRATION)
def test_taking_what_a_partner_needs_is_perpetration(text: str) -> None:
    assert "abuse_perpetration" in scan_safety(text).types


@pytest.mark.parametrize("text", QUIET)
def test_look_alikes_raise_no_crisis(text: str) -> None:
    assert not scan_safety(text).types & CRISIS


def test_the_partners_blame_reported_is_not_a_confession() -> None:
    text = "He threw my laptop across the room last night, and now he says I made him do it."
    assert scan_safety(text).types & CRISIS == {"abuse_victim"}


@pytest.mark.parametrize("text", SOMEONE_ABUSED)
def test_someone_elses_abuse_is_theirs(text: str) -> None:
    report = scan_safety(text)
    assert report.someone_else == ("abuse",)
    assert not report.types & CRISIS


@pytest.mark.parametrize("text", READER_AT_RISK)
def test_a_reply_to_someone_at_risk_offers_help_for_them(text: str) -> None:
    report = scan_safety(text)
    assert report.someone_else == ("suicide",)
    assert not report.types & CRISIS


def test_the_writers_own_wish_beside_the_same_question_to_them_flags() -> None:
    report = scan_safety("I want to end it all. Do you want to end it all too?")
    assert "suicide_risk" in report.types
    assert report.someone_else == ("suicide",)


def test_the_writers_own_risk_beside_a_reply_still_flags() -> None:
    report = scan_safety("Please don't kill yourself. I want to die too some nights, but I'm still here.")
    assert "suicide_risk" in report.types
    assert report.someone_else == ("suicide",)


# A victim's way out is not a suicide plan; a victim's own death wish still is.
def test_a_victim_starting_a_life_over_is_no_suicide_risk() -> None:
    text = "He choked me in the kitchen last month. So I've decided to leave the state and start my life over somewhere new."
    assert scan_safety(text).types & CRISIS == {"abuse_victim"}


def test_a_victims_own_death_wish_still_flags() -> None:
    text = "He hit me again on Friday. I don't want to live anymore, not like this."
    assert scan_safety(text).types & CRISIS == {"abuse_victim", "suicide_risk"}


# Beside a victim's flag, the head's doubtful suicide readings of fear and aftermath give way; means named keep theirs.
@pytest.mark.parametrize(
    "text",
    [
        "He hit me again last night. I'm afraid to trust my own judgement anymore.",
        "He slapped me again. I wake up multiple times at night and small noises scare me.",
    ],
)
def test_a_victims_fear_is_no_suicide_risk(text: str) -> None:
    assert scan_safety(text).types & CRISIS == {"abuse_victim"}


def test_a_victim_thinking_of_the_pills_keeps_the_suicide_flag() -> None:
    text = "He smashed my phone so I couldnt call anyone, now I'm locked in the bedroom thinking about the pills in my bag."
    assert scan_safety(text).types & CRISIS == {"abuse_victim", "suicide_risk"}


# The partner ending the relationship is what this app's users answer every day; it is no death wish.
@pytest.mark.parametrize(
    "text",
    [
        "If you want to end things I will respect that.",
        "I understand if you want to end it, I just hope you'll talk to me first.",
        "you said you wanted to end it and i panicked",
        "I don't want this to be the end of us.",
    ],
)
def test_a_partner_ending_the_relationship_is_no_crisis(text: str) -> None:
    assert not scan_safety(text).types & CRISIS


@pytest.mark.parametrize("text", ["I want to end it. I can't do this anymore.", "I want to end things tonight."])
def test_the_writers_own_wish_to_end_it_still_flags(text: str) -> None:
    assert "suicide_risk" in scan_safety(text).types
