"""Replies to a hurt partner, read by hand against LABELLING.md section 2 (stop 64).

Before: "Never? I did bath time on Tuesday. Be fair." got no finding and scored as a question asked; help offered as a
question ("Would it help if I texted at lunch?") was read as defensiveness, minimizing or counterattack and told it
"says little about what they actually wrote".
"""

from __future__ import annotations

import pytest

from amends.coach.reply import OFF_TOPIC_NOTE, analyze_reply

KIDS = "You never help with the kids. I'm exhausted and I feel like a single parent."
TEXTS = "You never text back."


def _rules(partner: str, reply: str) -> set[str]:
    return {f.rule for f in analyze_reply(partner_message=partner, reply=reply).findings}


@pytest.mark.parametrize(
    "reply",
    [
        "Never? I did bath time on Tuesday. Be fair.",
        "Be fair, I do loads.",
        "Always? I literally skipped her birthday for your work thing.",
    ],
)
def test_their_never_thrown_back_is_defensiveness_not_a_question(reply: str) -> None:
    report = analyze_reply(partner_message=KIDS, reply=reply)
    assert "defensiveness" in {f.rule for f in report.findings}
    assert report.mechanisms["exploration"].level == 0


@pytest.mark.parametrize(
    "reply",
    [
        "To be fair, you're right. I left it all to you.",
        "Is it always, or does it feel worse lately? What was it like on Saturday?",
    ],
)
def test_to_be_fair_and_a_real_question_are_not_defensive(reply: str) -> None:
    assert "defensiveness" not in _rules(KIDS, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Would it help if I texted at lunch?",
        "Would it help if I texted you at lunch every day?",
        "What would help you feel less alone when I'm at work? Would it help if I texted at lunch?",
    ],
)
def test_help_offered_as_a_question_is_no_finding_and_answers_them(reply: str) -> None:
    report = analyze_reply(partner_message=TEXTS, reply=reply)
    assert report.findings == ()
    assert OFF_TOPIC_NOTE not in report.notes


def test_an_offer_beside_a_brush_off_keeps_the_brush_off() -> None:
    assert "minimizing" in _rules(TEXTS, "Would it help if I texted at lunch? It's not a big deal anyway.")


@pytest.mark.parametrize(
    "reply", ["Would it help if you stopped nagging me about it?", "Would it kill you to give me a break?"]
)
def test_a_jab_put_as_a_question_is_flagged_and_explores_nothing(reply: str) -> None:
    report = analyze_reply(partner_message=TEXTS, reply=reply)
    assert report.findings
    assert report.mechanisms["exploration"].level == 0


def test_owning_ones_own_nagging_is_not_criticism() -> None:
    assert "criticism" not in _rules(TEXTS, "I know I kept nagging you about the phone, and that was unfair.")


@pytest.mark.parametrize(
    ("partner", "reply"),
    [
        (
            "I feel like I'm always the one who has to bring things up.",
            "That sounds exhausting and lonely. I'm sorry I've left that to you.",
        ),
        ("I'm still angry about Saturday.", "That's fair. Take the time you need, I'm here when you want to talk."),
    ],
)
def test_their_feeling_met_in_other_words_answers_them(partner: str, reply: str) -> None:
    assert OFF_TOPIC_NOTE not in analyze_reply(partner_message=partner, reply=reply).notes


def test_a_reply_about_something_else_is_still_off_topic() -> None:
    report = analyze_reply(partner_message="I'm still angry about Saturday.", reply="Did you pay the gas bill yet?")
    assert OFF_TOPIC_NOTE in report.notes


@pytest.mark.parametrize("reply", ["ok", "fine.", "whatever"])
def test_a_bare_closing_word_is_stonewalling_only(reply: str) -> None:
    assert _rules("You embarrassed me in front of everyone.", reply) == {"stonewalling"}


def test_their_question_turned_back_is_defensiveness_and_asks_nothing() -> None:
    report = analyze_reply(partner_message="Why did you do it?", reply="Why do you keep asking me that?")
    assert "defensiveness" in {f.rule for f in report.findings}
    assert report.mechanisms["exploration"].level == 0


@pytest.mark.parametrize(
    ("partner", "reply"),
    [
        (
            "Why did you do it?",
            "I don't know. I guess I was lonely and I didn't know how to tell you. That's not an excuse.",
        ),
        (
            "I can't stop thinking about you with her. Every time I close my eyes I see it.",
            "I'm so sorry. Those images must be torture, and I put them there.",
        ),
    ],
)
def test_a_reason_owned_or_their_ordeal_named_answers_them(partner: str, reply: str) -> None:
    assert OFF_TOPIC_NOTE not in analyze_reply(partner_message=partner, reply=reply).notes


def test_a_reply_that_strays_is_told_where_to_go() -> None:
    report = analyze_reply(partner_message="I'm still angry about Saturday.", reply="Did you pay the gas bill yet?")
    assert any(s.startswith(("Answer their words", "Take up what they told you")) for s in report.suggestions)
