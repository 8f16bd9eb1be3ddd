"""Stop 59: an independent helper's probe set of apology drafts and replies (labelled by LABELLING.md sections 1 and 2,
written without seeing the coach), and what it found wrong: each case beside the one it must not swallow."""

from __future__ import annotations

import pytest

from amends.coach.apology import analyze_apology
from amends.coach.reply import analyze_reply

AIRPORT = (
    "sorry i didnt pick you up from the airport. you waited two hours with your bags and a dead phone and that was my "
    "fault. tonight im cooking and you rest, and next time you fly ill set two alarms and be there early."
)
SOBER = (
    "I'm sorry I went to the bar after I promised I'd come home sober. I broke my promise. You stayed up till 2am "
    "wondering whether I was in a ditch somewhere. I called my sponsor this morning and I'm going to a meeting every "
    "day this week."
)
BILL = (
    "I forgot to pay the electric bill after I said I'd handle it, and the power got cut while you were home with the "
    "baby. I'm sorry, that's my fault. You were in the dark with a crying baby and no way to warm a bottle. I paid it "
    "this morning plus the fee, and I set up autopay so it can't happen again."
)


@pytest.mark.parametrize("text", [AIRPORT, SOBER, BILL])
def test_a_plain_strong_apology_is_strong(text: str) -> None:
    assert analyze_apology(text).verdict == "strong"


@pytest.mark.parametrize(
    ("text", "element", "present"),
    [
        ("sorry i didnt pick you up from the airport.", "specificity", True),
        ("sorry about the airport thing.", "specificity", False),
        ("I'm sorry I forgot. You stayed up till 2am wondering where I was.", "impact", True),
        ("I'm sorry I forgot. I stayed up till 2am finishing the report.", "impact", False),
        ("I'm sorry I forgot. You were in the dark with a crying baby.", "impact", True),
        ("I'm sorry I forgot. You were in the kitchen when I got home.", "impact", False),
    ],
)
def test_the_act_and_the_night_it_made(text: str, element: str, present: bool) -> None:
    assert (element in analyze_apology(text).present) is present


def test_an_owning_formula_denied_is_no_apology_words() -> None:
    assert (
        analyze_apology("Honestly I don't see what I did wrong. I was home by 11 like I said.").verdict == "no_apology"
    )
    assert analyze_apology("I know what I did wrong. I was home at 2, not 11 like I said.").verdict != "no_apology"


def test_saying_sorry_as_a_skill_to_work_on_is_no_apology() -> None:
    assert analyze_apology("My therapist says I need to work on saying sorry more. Thoughts?").verdict == "no_apology"
    said = analyze_apology("I'm bad at saying sorry, but I'm sorry I lied about the money.")
    assert "remorse" in said.present and said.verdict != "no_apology"


HOSPITAL = "You forgot to pick me up from the hospital."
GRADUATION = "You missed my graduation. My whole family was there and your seat was empty."
TALK = "Can we please talk about what happened last night?"


@pytest.mark.parametrize(
    ("partner", "reply", "finding", "found"),
    [
        (HOSPITAL, "I'm sorry, but I had a meeting I couldn't get out of and my phone was on silent.", "defensiveness", True),
        (HOSPITAL, "I'm sorry. I had a meeting and I chose it over you, and that was wrong.", "defensiveness", False),
        (GRADUATION, "If your mom hadn't booked it on a Tuesday I would have been there.", "blame", True),
        (GRADUATION, "If I had planned ahead I would have been there. I'm so sorry.", "blame", False),
        (TALK, "whatever.", "contempt", False),
        (TALK, "whatever.", "stonewalling", True),
        (TALK, "whatever loser", "contempt", True),
    ],
)  # fmt: skip
def test_stop_59_reply_probes(partner: str, reply: str, finding: str, found: bool) -> None:
    assert (finding in analyze_reply(partner_message=partner, reply=reply).rules) is found


# A second helper set (stop 59): the condition put first, an apology someone else says is owed, an indignant "sorry??".
@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("I apologize for not telling you about the loan to my brother. To the extent that this caused you distress, I regret it.", "non_apology"),
        ("My mum keeps saying I owe you an apology. I don't see what for.", "no_apology"),
        ("Im sorry?? YOU read MY messages and now I'm supposed to be the bad guy?", "no_apology"),
        ("I owe you an apology. I lied about the loan to my brother, and I'm sorry.", "partial"),
    ],
)  # fmt: skip
def test_second_set_verdicts(text: str, verdict: str) -> None:
    assert analyze_apology(text).verdict == verdict


def test_a_condition_put_first_is_conditional() -> None:
    assert "conditional" in analyze_apology("To the extent that it made you uncomfortable, I apologize.").rules
    assert "conditional" not in analyze_apology("I apologize. It made you uncomfortable, and that's on me.").rules
