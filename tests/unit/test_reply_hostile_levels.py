"""A reply that attacks earns no understanding and asks nothing (LABELLING.md section 2): its questions are rhetorical
and "defensive or hostile text earns no interpretation", however warm one sentence of it is. Advice alone is not an
attack, so a reply that offers a fix keeps its real questions."""

from __future__ import annotations

import pytest

from amends.coach.reply import analyze_reply

PARTNER = "You told your mum about my miscarriage before I was ready. I felt like it wasn't mine anymore."


@pytest.mark.parametrize(
    "reply",
    [
        # One warm, specific question, then an attack: the question does not count.
        "What was it like hearing her bring it up? Honestly you always make everything about you.",
        "I know you must feel exposed. But you're being dramatic, she's my mum. Who else was I meant to talk to?",
        "How did you feel when she called? Whatever, I'm not doing this again tonight.",
    ],
)
def test_an_attacking_reply_earns_no_interpretation_or_exploration(reply: str) -> None:
    report = analyze_reply(partner_message=PARTNER, reply=reply)
    assert any(f.rule != "fixing" for f in report.findings)
    assert report.mechanisms["interpretation"].level == 0 and report.mechanisms["interpretation"].spans == ()
    assert report.mechanisms["exploration"].level == 0 and report.mechanisms["exploration"].spans == ()


def test_advice_alone_keeps_a_real_question() -> None:
    report = analyze_reply(
        partner_message=PARTNER,
        reply="You should tell her how it felt for you. What was it like hearing her bring it up at dinner?",
    )
    assert {f.rule for f in report.findings} == {"fixing"}
    assert report.mechanisms["exploration"].level >= 1


def test_a_sincere_sorry_before_a_but_still_names_the_writers_feeling() -> None:
    # LABELLING.md section 2: a first-person "I'm sorry" is emotional reaction 2, and the "but" is a finding of its own
    # (121 of 129 labelled tuning replies like it have 2). A mocking "sorry" keeps 0.
    report = analyze_reply(partner_message=PARTNER, reply="I'm sorry, but she's my mum and she was worried about you.")
    assert report.findings and report.mechanisms["emotional_reaction"].level == 2
    mocking = analyze_reply(partner_message=PARTNER, reply="Oh, I'm SO sorry that I'm not perfect like you. Happy now?")
    assert mocking.mechanisms["emotional_reaction"].level == 0
