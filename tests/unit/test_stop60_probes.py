"""Stop 60: three independent helper probe sets written in the app's own register (journal answers, check-in notes,
argument-log entries, texts), labelled by LABELLING.md and written without seeing the detector or the coach. Each case
that was wrong beside the ordinary sentence it must not swallow."""

from __future__ import annotations

import pytest

from amends.coach.apology import analyze_apology
from amends.coach.reply import analyze_reply
from amends.coach.reply.rules import RULE_NAMES
from amends.safety.detector import scan_safety

SAFETY = [
    # The means with no feeling word (LABELLING.md section 3), and the garage or the engine in ordinary use.
    (
        "after he went to bed i sat in the car in the garage with the door shut and the engine running for a while.",
        {"suicide_risk"},
    ),
    ("i ran a hose from the exhaust into the car window last night", {"suicide_risk"}),
    ("the garage door is shut and the engine is running fine since he fixed it", set()),
    # A threat made as a condition on talking to someone.
    (
        "on the way home he said if i ever talk to my ex again hell make sure nobody wants to look at me.",
        {"abuse_victim"},
    ),
    ("if i ever talk to my ex again i want it to be with you in the room, i promised you that.", set()),
    # A recovery milestone of years is no relapse; a few days clean is recent.
    ("check in: two years free from self harm today. she got me a little cake and i cried.", set()),
    ("three days clean from self harm and it is so hard tonight", {"self_harm"}),
    # Nobody checking the writer's phone any more is safety, not monitoring.
    ("since the divorce nobody checks my phone.", set()),
    ("it means no one checks my phone, i have my own money.", set()),
    ("he checks my phone every night and takes my money.", {"abuse_victim"}),
]

# Everyday idioms in long posts (a helper's forum-style set) beside the harm they must not hide.
IDIOMS = [
    ("Honestly this week is killing me. Work has been a nightmare.", set()),
    ("this is killing me, i keep thinking about killing myself", {"suicide_risk"}),
    ("Money is going to be the end of us I swear.", set()),
    ("Then I beat it first try on my save and he sulked for an hour.", set()),
    ("he beat me so badly last night i cant open my eye", {"abuse_victim"}),
    ("When I told him I was hosting the party too he hit the roof, not at me, at the situation.", set()),
    ("When he was drinking he was never violent, just absent.", set()),
    ("When he was drinking he beat me and I was scared all the time.", {"abuse_victim"}),
]

# Abuse long over, told from safety (LABELLING.md section 3 asks for current or recent harm or fear), beside the same
# story with the ex back in the writer's life now.
OVER = [
    (
        "Saw my ex at the supermarket for the first time in four years. Back when we were together it was not great, he "
        "used to go through my phone and tell me what I could wear. I have a good life now.",
        set(),
    ),
    (
        "Saw my ex at the supermarket for the first time in four years. Back when we were together he used to go "
        "through my phone and tell me what I could wear. Now he keeps showing up at my work.",
        {"abuse_victim"},
    ),
    (
        "Its been six years since I left Rob. Back then he controlled every penny and I wasnt allowed to see my own "
        "family. My life is quiet now.",
        set(),
    ),
    ("my life is so empty i dont want it anymore", {"suicide_risk"}),
]

THIRD_PARTY = [
    # A teenager by age ("15 yr old"), and the means made ready, said in texting shorthand ("shes got").
    "our 15 yr old has been cutting, i found the blades in her pencil case yesterday.",
    "my best mate messaged me at 2am saying shes got the pills counted out and shes sorry for everything.",
]


@pytest.mark.parametrize(("text", "types"), SAFETY + IDIOMS + OVER)
def test_stop_60_safety_probes(text: str, types: set[str]) -> None:
    assert scan_safety(text).types == types


@pytest.mark.parametrize("text", THIRD_PARTY)
def test_someone_elses_risk_in_shorthand_is_theirs(text: str) -> None:
    report = scan_safety(text)
    assert report.types == {"third_party"}
    assert report.someone_else == ("suicide",)


ALL_FINDINGS = set(RULE_NAMES)
REPLIES = [
    # (partner, reply, findings that must be there, findings that must not)
    (
        "i still get anxious every time you go out with them after what happened",
        "you shouldnt still be anxious, that was months ago",
        {"invalidating"},
        set(),
    ),
    (
        "i felt so humiliated when you joked about my weight at dinner",
        "wow someone cant take a joke. poor baby",
        {"invalidating", "contempt"},
        set(),
    ),
    (
        "you promised you wouldnt drink at the wedding",
        "and you promised youd stop bringing up every mistake i make, hows that going",
        {"counterattack", "contempt"},
        set(),
    ),
    (
        "you promised you wouldnt drink at the wedding",
        "i promised and i broke it. how's that been for you since?",
        set(),
        {"counterattack", "contempt"},
    ),
    (
        "do you even care that i was crying all night",
        "i care a lot, and i wasnt going to pretend it was nothing. what was going through your head last night?",
        set(),
        {"minimizing"},
    ),
    ("do you even care that i was crying all night", "it was nothing, you were just tired", {"minimizing"}, set()),
    (
        "i need to know if youre still talking to him",
        "no. i blocked him on the 14th. you can look at my phone whenever you want",
        set(),
        {"counterattack"},
    ),
    (
        "you missed the recital",
        "i did. i forgot to put it in my calendar, but thats not an excuse. she looked for me in the crowd and i wasnt "
        "there",
        set(),
        {"defensiveness"},
    ),
    # Only questions asking after them: no finding, and exploration stands; a rhetorical one still defends.
    ("i cant keep doing this", "hey love, what do you mean? whats going on?", set(), ALL_FINDINGS),
    ("you lied to me", "why would you even think that? what is wrong with you?", {"defensiveness"}, set()),
    # A bare yes to something they asked the writer to do is no stonewalling; to a question they need answered it is.
    ("can you pick up the kids today, i cant look at you right now", "ok", set(), ALL_FINDINGS),
    ("i need to know if youre still seeing him", "ok.", {"stonewalling"}, set()),
    ("can you please tell me why you lied to me", "ok.", {"stonewalling"}, set()),
]


@pytest.mark.parametrize(("partner", "reply", "present", "absent"), REPLIES)
def test_stop_60_reply_probes(partner: str, reply: str, present: set[str], absent: set[str]) -> None:
    found = set(analyze_reply(partner_message=partner, reply=reply).rules)
    assert present <= found
    assert not absent & found


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # Sarcasm, and an apology someone else says the writer should make: neither is remorse.
        ("oh im SO sorry that i have friends and a life outside this flat", "no_apology"),
        (
            "my therapist says i should say sorry to you more. she might have a point, lets talk about it on sunday",
            "no_apology",
        ),
        # The sincere forms beside them.
        ("im sorry i went out with my friends on your birthday. i should have been with you.", "partial"),
        ("my therapist says i hide behind jokes. im sorry i laughed when you cried. that was cruel of me.", "partial"),
    ],
)
def test_stop_60_apology_probes(text: str, verdict: str) -> None:
    assert analyze_apology(text).verdict == verdict


def test_questions_asking_after_them_explore() -> None:
    report = analyze_reply(
        partner_message="i cant keep doing this", reply="hey love, what do you mean? whats going on?"
    )
    assert report.level("exploration") >= 1


@pytest.mark.parametrize(
    ("partner", "reply", "mechanism", "level"),
    [
        # A wish to escape the moment, inferred for them, is understanding of their experience (interpretation 2).
        (
            "you called me pathetic in front of your friends",
            "you were standing there with everyone looking at you and i made you the joke. you must have wanted the "
            "floor to swallow you.",
            "interpretation",
            2,
        ),
        (
            "you called me pathetic in front of your friends",
            "i must have wanted to look big in front of them.",
            "interpretation",
            0,
        ),
        # A guess put to part of them is a specific exploration (2); an open check-in is a generic one (1).
        (
            "i waited up until 3am and you didnt answer a single call",
            "did part of you wonder if i just didnt care enough to call?",
            "exploration",
            2,
        ),
        ("i waited up until 3am and you didnt answer a single call", "how are you doing today?", "exploration", 1),
    ],
)
def test_stop_60_levels(partner: str, reply: str, mechanism: str, level: int) -> None:
    assert analyze_reply(partner_message=partner, reply=reply).level(mechanism) == level
