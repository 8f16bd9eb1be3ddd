from __future__ import annotations

import pytest

from amends.coach.reply import NO_PARTNER_NOTE, OFF_TOPIC_NOTE, analyze_reply
from amends.coach.text import TextRejected

PARTNER = (
    "You promised you'd come to my sister's engagement dinner and you didn't even text. "
    "I sat there next to an empty chair all night explaining where you were."
)
ATTUNED = (
    "I'm so sorry I left you alone at that dinner. You were counting on me, and you had to explain "
    "the empty chair to your family all night. Did it feel like you were on your own in front of everyone?"
)
GENERIC = "I'm so sorry. I love you so much. How are you feeling about the weekend trip and the new car?"


def test_json_has_the_documented_shape() -> None:
    out = analyze_reply(partner_message=PARTNER, reply=ATTUNED).to_dict()
    assert out["kind"] == "reply" and out["partner"] == PARTNER and out["text"] == ATTUNED
    assert set(out["mechanisms"]) == {"emotional_reaction", "interpretation", "exploration"}
    assert 0 <= out["score"] <= 100
    for m in out["mechanisms"].values():
        assert m["level"] in (0, 1, 2)
        for s, e in m["spans"]:
            assert 0 <= s < e <= len(ATTUNED)


def test_an_attuned_reply_scores_strong_on_all_three_mechanisms() -> None:
    report = analyze_reply(partner_message=PARTNER, reply=ATTUNED)
    assert [report.level(m) for m in ("emotional_reaction", "interpretation", "exploration")] == [2, 2, 2]
    assert not report.findings and report.score >= 75


def test_a_defensive_reply_gets_findings_and_a_low_score() -> None:
    reply = "It's not my fault the meeting ran late. If you hadn't booked a Thursday I'd have made it."
    report = analyze_reply(partner_message=PARTNER, reply=reply)
    assert {"defensiveness", "blame"} <= set(report.rules)
    assert report.score < 25
    assert report.level("interpretation") == 0


def test_ignoring_what_the_partner_said_scores_lower_than_an_attuned_reply() -> None:
    generic = analyze_reply(partner_message=PARTNER, reply=GENERIC)
    attuned = analyze_reply(partner_message=PARTNER, reply=ATTUNED)
    assert generic.score < attuned.score - 15
    assert generic.attunement is not None and attuned.attunement is not None
    assert generic.attunement.score < attuned.attunement.score
    assert OFF_TOPIC_NOTE in generic.notes
    assert generic.level("interpretation") <= 1 and generic.level("exploration") <= 1


@pytest.mark.parametrize(
    ("partner", "reply"),
    [
        ("I've got to get to work, can we do this later?", "It sounds like you're really stressed about all of this."),
        ("But to me then it's a big thing.", "Your sister is really important to you."),
    ],
)
def test_a_reflected_feeling_is_strong_understanding_even_off_their_last_words(partner: str, reply: str) -> None:
    # In a longer talk the last message can be a short aside; naming their feeling back still interprets.
    report = analyze_reply(partner_message=partner, reply=reply)
    assert report.attunement is not None and report.attunement.score < 0.25
    assert report.level("interpretation") == 2


def test_without_a_partner_message_mechanisms_are_scored_with_a_note() -> None:
    report = analyze_reply(reply=ATTUNED)
    assert report.level("emotional_reaction") == 2 and report.level("exploration") == 2
    assert report.notes == (NO_PARTNER_NOTE,)
    assert report.to_dict()["partner"] is None and "attunement" not in report.to_dict()


SYCOPHANTIC = [
    "You're right that I had no choice, anyone would have done the same.",
    "We both know I did the right thing, I'd promised them first.",
    "I know you agree I was right to go, the tickets were expensive.",
    "You'd have done the same, you're right that I had good reason.",
]


@pytest.mark.parametrize("reply", SYCOPHANTIC)
def test_validating_my_own_position_earns_no_interpretation(reply: str) -> None:
    report = analyze_reply(partner_message=PARTNER, reply=reply)
    assert report.level("interpretation") == 0
    assert report.score < 30


def test_validating_their_experience_does_earn_interpretation() -> None:
    report = analyze_reply(partner_message=PARTNER, reply="You're right to be hurt. You sat alone at that dinner.")
    assert report.level("interpretation") == 2


def test_coach_output_never_says_who_is_right() -> None:
    for reply in [*SYCOPHANTIC, ATTUNED, GENERIC, "Whatever."]:
        out = analyze_reply(partner_message=PARTNER, reply=reply).to_dict()
        text = " ".join(out["suggestions"] + out["notes"] + [f["message"] for f in out["findings"]]).lower()
        assert "you were right" not in text and "you're right" not in text and "they are wrong" not in text


def test_rhetorical_questions_are_not_exploration() -> None:
    reply = "Why do you always have to make a scene? What was I supposed to do?"
    report = analyze_reply(partner_message=PARTNER, reply=reply)
    assert report.level("exploration") == 0


def test_suggestions_name_what_is_missing() -> None:
    report = analyze_reply(partner_message=PARTNER, reply="I'm sorry.")
    assert any("open question" in s for s in report.suggestions)
    assert any("what you understand they felt" in s for s in report.suggestions)


def test_a_reply_strong_on_every_mechanism_is_not_told_to_answer_the_question_underneath() -> None:
    partner = "You forgot my birthday again. I sat there for an hour and felt like I don't matter to you at all."
    strong = analyze_reply(
        partner_message=partner,
        reply="I'm so sorry. You waited an hour alone and it must have felt like you don't matter to me. "
        "That's on me. Was the waiting the hardest part, or what it told you about me?",
    )
    assert [strong.level(m) for m in ("emotional_reaction", "interpretation", "exploration")] == [2, 2, 2]
    assert not any("Underneath" in s for s in strong.suggestions)
    weaker = analyze_reply(partner_message=partner, reply="I'm sorry. I understand.")
    assert any('Underneath, they may be asking: "Do I matter to you?"' in s for s in weaker.suggestions)


@pytest.mark.parametrize(
    ("reply", "partner", "code"),
    [
        ("", None, "empty"),
        ("  ", PARTNER, "empty"),
        ("x" * 20_001, None, "too_long"),
        ("Je suis vraiment désolé pour ce que j'ai fait hier soir", None, "not_english"),
        ("ok\x00", None, "binary"),
        (None, PARTNER, "not_text"),
        (ATTUNED, "", "empty"),
    ],
)
def test_unreadable_input_is_rejected(reply: object, partner: str | None, code: str) -> None:
    with pytest.raises(TextRejected) as info:
        analyze_reply(partner_message=partner, reply=reply)  # type: ignore[arg-type]
    assert info.value.code == code


GUIDE_WORDS = [
    "I can see why you would feel that way.",
    "That must have been really hard for you.",
    "That makes sense, given what happened.",  # the guide's second example (seed guide, "listen with empathy")
]


@pytest.mark.parametrize("reply", GUIDE_WORDS)
@pytest.mark.parametrize("partner", [PARTNER, None])
def test_the_guides_own_words_score_as_understanding_with_a_decent_score(reply: str, partner: str | None) -> None:
    report = analyze_reply(partner_message=partner, reply=reply)
    assert report.level("interpretation") == 1  # generic understanding (LABELLING.md §2)
    assert not report.findings and report.score >= 40


# Stop 58 probes: "that must have hurt" is the same generic understanding, and a reason disowned as an excuse is
# ownership, not defensiveness (Gottman's antidote), while "I'm not making excuses, but..." still defends.
@pytest.mark.parametrize("reply", ["That must have hurt.", "I'm really sorry, that must have really hurt you."])
def test_that_must_have_hurt_is_understanding(reply: str) -> None:
    assert analyze_reply(partner_message=PARTNER, reply=reply).level("interpretation") >= 1


@pytest.mark.parametrize(
    ("reply", "defends"),
    [
        ("My phone died, but that's no excuse for not calling you.", False),
        ("The fucking traffic was insane and my phone died, but that's no excuse. I'm so sorry.", False),
        ("Work ran late. That doesn't excuse it, and I'm sorry.", False),
        ("I'm not making excuses, but work was insane and my phone died.", True),
    ],
)
def test_a_reason_disowned_as_an_excuse_is_no_defensiveness(reply: str, defends: bool) -> None:
    rules = analyze_reply(partner_message=PARTNER, reply=reply).rules
    assert ("defensiveness" in rules) is defends
    assert defends or "blame" not in rules


def test_a_sarcastic_sorry_is_contempt_and_earns_no_warmth() -> None:
    report = analyze_reply(PARTNER, "Oh, I'm SO sorry that I'm not perfect like you. Happy now?")
    assert "contempt" in report.rules
    assert report.level("emotional_reaction") == 0 and report.level("exploration") == 0
    assert report.score < 20


def test_name_calling_is_contempt() -> None:
    assert "contempt" in analyze_reply(PARTNER, "You're a liar").rules


def test_name_calling_is_not_called_sarcasm_in_the_advice() -> None:
    # "You're a liar" was told to "drop the sarcasm"; the way out of a label is the act and its effect.
    (finding,) = [f for f in analyze_reply(PARTNER, "You're a liar").findings if f.rule == "contempt"]
    assert "sarcasm" not in finding.suggestion.lower()
    assert "You're a liar" in finding.suggestion and "When you" in finding.suggestion
    mock = analyze_reply(PARTNER, "Oh, I'm SO sorry that I'm not perfect like you. Happy now?").findings
    assert any("sarcasm" in f.suggestion.lower() for f in mock if f.rule == "contempt")


def test_turning_the_complaint_back_is_a_counterattack() -> None:
    assert "counterattack" in analyze_reply(PARTNER, "It's not like you've never lied to me either").rules


@pytest.mark.parametrize(
    "reply",
    [
        "So you feel like you're doing this all alone?",
        "Sounds like drinking changes how you think?",
        "Okay, so you have been spending less time with your friends lately?",
    ],
)
def test_a_reflection_said_as_a_question_is_understanding_not_exploration(reply: str) -> None:
    report = analyze_reply(reply=reply)
    assert report.level("exploration") == 0 and report.level("interpretation") >= 1


def test_a_statement_with_a_question_mark_checks_rather_than_explores() -> None:
    assert analyze_reply(reply="And the late nights at work have been piling up again?").level("exploration") == 0


def test_ideas_never_repeat_a_finding_s_fix() -> None:
    report = analyze_reply(
        partner_message="You forgot my birthday again.",
        reply="You're a liar. It's not like you've never forgotten anything either.",
    )
    fixes = {f.suggestion for f in report.findings}
    assert fixes, "the reply carries at least one finding"
    assert not fixes & set(report.suggestions)


def test_one_piece_of_contempt_is_one_finding_with_the_longer_span() -> None:
    report = analyze_reply(partner_message="You forgot my birthday again.", reply="You're a liar.")
    contempt = [f for f in report.findings if f.rule == "contempt"]
    assert [f.span for f in contempt] == [(0, 13)]


# LABELLING.md section 2: a question after facts, plans or ratings explores nothing the partner feels.
FACT_QUESTIONS = [
    "How often do you go out with them?",
    "On a scale of 1 to 10, how sure are you about that?",
    "So what's the first step?",
    "When will you know about the job?",
    "Would you like us to book a session?",
    "Is it every Friday that you go out with them?",
    "Do you have any other questions for me?",
    "How about we try a walk after dinner?",
    "Would you like to try the app together?",
    "Okay. Anything else?",
    "What time does the interview start? When will they tell you?",
]
FEELING_QUESTIONS = [
    "How often do you feel alone when I'm out?",
    "What has it been like for you since that night?",
    "Are you scared I'll do it again?",
    # Spoken questions restart mid-sentence, and short ones are elliptical.
    "So, this past week- are you feeling more settled at home?",
    "Holding up okay?",
]


@pytest.mark.parametrize("reply", FACT_QUESTIONS)
def test_a_question_after_facts_or_plans_is_not_exploration(reply: str) -> None:
    assert analyze_reply(PARTNER, reply).level("exploration") == 0


@pytest.mark.parametrize("reply", FEELING_QUESTIONS)
def test_a_question_about_what_they_feel_or_lived_is_exploration(reply: str) -> None:
    assert analyze_reply(PARTNER, reply).level("exploration") >= 1


@pytest.mark.parametrize("question", ["Do you want to talk about it?", "Would you like to say more about that night?"])
def test_an_offer_to_talk_is_an_open_invitation_not_a_plan(question: str) -> None:
    # "Do you want to..." usually proposes a plan ("Do you want to book a session?"); offering room to talk asks for
    # what they feel (stop 46).
    from amends.coach.reply.mechanisms import sentence_levels

    assert sentence_levels(question, False)["exploration"] >= 1


@pytest.mark.parametrize(
    "reply",
    [
        "Ok that makes sense, I'll book the table for eight.",
        "It makes sense to leave early.",
        "It would make sense to take the train instead.",
    ],
)
def test_a_bare_that_makes_sense_agrees_with_an_idea_and_is_no_understanding(reply: str) -> None:
    assert analyze_reply(partner_message=PARTNER, reply=reply).level("interpretation") == 0


def test_a_reply_that_strays_is_told_once_and_given_their_feelings_in_plain_words() -> None:
    partner = "You forgot my birthday again. I sat there for an hour and felt like I don't matter to you at all."
    report = analyze_reply(partner_message=partner, reply="You're overreacting, it was one dinner.")
    assert report.notes == (OFF_TOPIC_NOTE,)
    ideas = " ".join(report.suggestions)
    assert "what they actually" not in ideas  # the note says it; the ideas say what to do instead
    assert "they may feel hurt and disappointment" in ideas


def test_their_feelings_are_named_as_a_sentence_says_them() -> None:
    partner = "You said you would stop texting her and I found the messages last night. I feel like such an idiot."
    ideas = " ".join(analyze_reply(partner_message=partner, reply="Okay I get it.").suggestions)
    assert "shame or guilt" in ideas and "shame guilt" not in ideas and "_" not in ideas


def test_asking_not_to_have_the_talk_is_stonewalling_and_no_exploration() -> None:
    """LABELLING.md section 2 names "Can we not do this now?" as no exploration; it shuts the talk down."""
    report = analyze_reply(
        partner_message=PARTNER, reply="Okay I get it, I messed up. Can we please not do this tonight?"
    )
    assert report.level("exploration") == 0 and "stonewalling" in {f.rule for f in report.findings}
    later = analyze_reply(partner_message=PARTNER, reply="Can we not do this right now and talk tomorrow morning?")
    assert "stonewalling" not in {f.rule for f in later.findings}


def test_a_reply_of_stock_words_is_not_told_it_answers_another_conversation() -> None:
    partner = "You said you would stop texting her and I found the messages last night. I feel like such an idiot."
    ideas = analyze_reply(partner_message=partner, reply="I can see why you would feel that way.").suggestions
    assert ideas[0].startswith("Take up what they told you: they may feel")
    assert not any("conversation you expected" in s for s in ideas)


@pytest.mark.parametrize(
    ("partner", "reply", "interpretation"),
    [
        (
            "You told me you'd given up the bookies. Then the bank statement came.",
            "You're right, I lied to you, and you have every right to be angry with me. I won't dress it up.",
            1,
        ),
        (
            "i told u i was struggling w my mental health and u just said 'same' and went back to ur game",
            "wait im actually so sorry. u opened up abt something heavy and i brushed it off, u must have felt so alone.",
            2,
        ),
    ],
)
def test_a_reply_that_owns_the_act_in_its_own_words_is_not_told_it_strays(
    partner: str, reply: str, interpretation: int
) -> None:
    # Stop 51: 56 of 230 sincere partner replies by helpers were told they "say little about what they actually
    # wrote" because they paraphrase the message instead of reusing its words.
    report = analyze_reply(partner_message=partner, reply=reply)
    assert OFF_TOPIC_NOTE not in report.notes
    assert report.level("interpretation") == interpretation


# Stop 58 probe: a repair done or openness offered, said flat, is no defensiveness, stonewalling or fixing (the findings
# head gave "I deleted the app this morning." both of the first two), while advice to them and sarcasm still flag.
GAMBLING = "You told me you'd stopped gambling. Then I found the betting app on your phone and £400 gone."


@pytest.mark.parametrize(
    ("reply", "flagged"),
    [
        ("I deleted the app this morning.", set()),
        ("I deleted the app this morning and I'll show you the account every Sunday.", set()),
        ("You can check my phone and the bank app whenever you want.", set()),
        ("Just block the app on my phone and we'll move on.", {"fixing"}),
        ("Fine, I deleted it. Happy now?", {"contempt"}),
    ],
)
def test_a_repair_done_or_offered_is_no_closed_door(reply: str, flagged: set[str]) -> None:
    rules = set(analyze_reply(partner_message=GAMBLING, reply=reply).rules)
    assert flagged <= rules
    assert not rules & ({"defensiveness", "stonewalling", "fixing"} - flagged)


def test_refusing_to_defend_it_is_no_stonewalling() -> None:
    partner = "You called me stupid in front of my friends last night. I've never been so humiliated."
    rules = analyze_reply(
        partner_message=partner, reply="I'm not going to defend it. It was a nasty thing to say."
    ).rules
    assert "stonewalling" not in rules and "defensiveness" not in rules
