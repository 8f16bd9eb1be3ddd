"""What the crisis detector reads: an urge to fetch a gun is a step toward a plan (stop 57, real C-SSRS dev5)."""

from __future__ import annotations

import pytest

from amends.safety.detector import scan_safety


# An urge to go and get a gun, with no feeling word, which nothing caught before.
def test_an_urge_to_fetch_a_gun_is_suicide_risk() -> None:
    assert scan_safety("I guess I'm in a haze. I found myself tempted to look for my dad's guns.").action == "crisis"


def test_wanting_a_gun_for_sport_is_not_this_pattern() -> None:
    # The pattern takes the urge words only; whatever the head makes of this sentence, no pattern flag comes from it.
    report = scan_safety("I want to buy a gun for deer season with my dad.")
    assert all(f.via == "model" for f in report.flags)


# Stop 58 probes: a gun for hunting or sport is no means (the head read "clean my rifle" as a suicide crisis at 0.75),
# but hunting told as a cover, or a gun turned on oneself, still is; a weapon held to the writer is a victim's danger.
HUNTING_AND_SPORT = [
    "I want to buy a gun for deer season.",
    "My brother and I are going hunting this weekend, I need to clean my rifle.",
    "We went to the gun range on Saturday. It was fun.",
]
GUN_AS_MEANS = [
    "I'm going hunting alone this weekend with my rifle and I don't plan on coming back.",
    "Told everyone I'm going hunting, but the rifle is for me.",
    "I bought a shotgun for duck season but honestly I've thought about using it on myself.",
    "I'm not going to use the gun on myself, I promise.",
    "Dad's hunting rifle is in the garage and I keep looking at it.",
]


@pytest.mark.parametrize("text", HUNTING_AND_SPORT)
def test_a_gun_for_hunting_or_sport_is_no_crisis(text: str) -> None:
    assert scan_safety(text).action == "none"


@pytest.mark.parametrize("text", GUN_AS_MEANS)
def test_a_gun_as_a_means_is_still_suicide_risk(text: str) -> None:
    report = scan_safety(text)
    assert report.action == "crisis" and {f.type for f in report.flags} == {"suicide_risk"}


@pytest.mark.parametrize(
    "text",
    [
        "My husband pointed a gun at me last night.",
        "He put a gun to my head during the argument.",
        "My boyfriend held a knife to my throat.",
    ],
)
def test_a_weapon_held_to_the_writer_is_a_victims_crisis(text: str) -> None:
    report = scan_safety(text)
    assert report.action == "crisis" and {f.type for f in report.flags} == {"abuse_victim"}


def test_the_writers_own_gun_to_the_head_stays_suicide_risk() -> None:
    report = scan_safety("I put the gun to my head last night. He took it off me.")
    assert "suicide_risk" in {f.type for f in report.flags}


# Stop 58, later rounds of probes, each sentence beside a look-alike that must keep its reading (expected action).
# Second round: a plan with its date said flat, a pet given away with a note, and wondering what it would be like not
# to wake up are suicide risk; a screening question answered no, effort at work and pills for a bad back are not.
# Third (forum-style writing): a victim's fear of being found, beside a cheating partner's dread of being found out,
# and laughter or a bill dreaded as a partner's "kill me". Fourth (a hurt partner's notes): leave asked before seeing
# friends and a bag kept packed to leave are abuse, beside a hospital bag, a boss asked for leave, and a phone looked
# through with consent. Fifth (commitments and check-in notes): a habit given up "for good".
LATER_ROUNDS = [
    ("I have a plan and a date.", "crisis"),
    ("I have a plan and a date for the interview.", "none"),
    ("I gave my dog to my sister and wrote her a note.", "crisis"),
    ("I gave my old clothes to charity and left a note for the cleaner.", "none"),
    ("I've been thinking about what it would be like to just not wake up.", "crisis"),
    ("My therapist asked if I'd ever hurt myself and I said no, never.", "none"),
    ("My therapist asked if I'd hurt myself and I said yes.", "crisis"),
    ("I'm killing myself at work to pay off the debt I ran up.", "none"),
    ("I threw away the pills he gave me for my back.", "none"),
    ("I've been saving the pills he gave me.", "crisis"),
    ("im so scared hes gonna find me, i moved out 2 weeks ago", "support"),
    ("I'm scared she'll find out about the affair.", "none"),
    ("I'm terrified he'll find out I lied about the money.", "none"),
    ("I'm scared he'll find out I lied because he'll hit me.", "support"),
    ("i literally died laughing at that video", "none"),
    ("my gf is gonna kill me when she sees the credit card bill haha", "none"),
    ("He's going to kill me when he finds out I left.", "crisis"),
    ("I have to ask him before I can see my friends, otherwise there's a scene.", "support"),
    ("I have to ask my boss before I can leave early.", "none"),
    ("I keep a bag packed in the boot of my car.", "support"),
    ("I keep a bag packed for the hospital, baby is due any day.", "none"),
    ("She went through my phone once after she found out, and I told her she could.", "none"),
    ("He went through my phone and I never said he could.", "support"),
    ("I'm going to give up gambling for good.", "none"),
    ("I'm going to give up for good.", "crisis"),
]


@pytest.mark.parametrize(("text", "action"), LATER_ROUNDS)
def test_later_rounds_of_probes(text: str, action: str) -> None:
    assert scan_safety(text).action == action


def test_a_bag_kept_packed_is_a_leaving_plan_not_a_suicide_plan() -> None:
    assert {f.type for f in scan_safety("I keep a bag packed in the boot of my car.").flags} == {"abuse_victim"}


# Stop 59: an independent helper's probe set (a shove owned in an apology, the one thing holding ideation back, a refusal
# not heeded, a false accusation threatened, a screening question answered no).
STOP_59_ROUNDS = [
    ("I'm so sorry I shoved you into the doorframe when you tried to walk out of the room.", {"abuse_perpetration"}),
    (
        "what set me up: I was drunk and grabbed her by the hair when she tried to take my keys off me",
        {"abuse_perpetration"},
    ),
    (
        "i keep telling myself i wont end it while my mum is still alive, shes the only thing stopping me",
        {"suicide_risk"},
    ),
    ("the kids are the only thing stopping me", {"suicide_risk"}),
    ("Cutting isnt enough anymore.", {"self_harm"}),
    ("cutting back on takeaways isnt enough anymore, we need a budget", set()),
    ("He says I should have sex whenever he wants, and he doesnt stop when I say no.", {"abuse_victim"}),
    ("my wife took my bank card and my car keys and said if I tell anyone she'll say I hit her.", {"abuse_victim"}),
    ("My therapist asked if I ever have thoughts of hurting myself and I honestly said no.", set()),
    ("I just wanted to disappear and start over somewhere else.", set()),
    ("I wanted to disappear, like move to another city.", set()),
    ("She threatened to leave me if I ever lied again, and I did.", set()),
    ("He threatened to divorce me when he found the messages.", set()),
    ("My wife has threatened to leave if I don't stop drinking.", set()),
    ("He threatened to leave me and take the kids if I ever tell anyone.", {"abuse_victim"}),
    ("She threatened to leave and then she hit me.", {"abuse_victim"}),
    # The repair's own register: checking agreed to, a fear of losing them, a discovery's outburst, a drinking worry.
    ("He checks my location now, which I agreed to after the affair, and honestly it helps.", set()),
    ("My wife took my phone to read the messages, and I let her.", set()),
    ("He reads my messages and I let him because I'm scared of what he does.", {"abuse_victim"}),
    ("I'm scared she'll never trust me again.", set()),
    ("I'm scared he'll hurt me again.", {"abuse_victim"}),
    ("She screamed at me when she found the texts and then cried for an hour.", set()),
    ("He screamed at me when I got home late and threw my phone at the wall.", {"abuse_victim"}),
    ("im worried about how much my husband drinks on weekends, its every saturday now", set()),
    ("I worry about how much he drinks because he gets rough with me.", {"abuse_victim"}),
    # A helper's set in the app's own boxes (check-ins, journey answers, commitments).
    ("I will take the tracker off your car. I put it there in January and I never told you.", {"abuse_perpetration"}),
    (
        "she slaps me when shes angry. some nights i think about just not being here anymore",
        {"abuse_victim", "suicide_risk"},
    ),
    ("I think about not being here for the wedding, it clashes with work.", set()),
    ("i shared my location with her after the affair and i honestly dont mind it", set()),
    ("we talked calmly about separating. im going to stay at my brothers for a month while we work it out", set()),
    ("work then kids then couples therapy, i have nothing left in the tank tonight", set()),
    ("some days i feel numb and dead inside but i still turned up to the session", set()),
    ("part of me wants him to hurt as much as i do. i wont do anything with that feeling except write it here", set()),
    ("how did it affect them: she still jumps when my phone buzzes because she thinks its him again", set()),
]


@pytest.mark.parametrize(("text", "types"), STOP_59_ROUNDS)
def test_stop_59_probes(text: str, types: set[str]) -> None:
    assert scan_safety(text).types == types
