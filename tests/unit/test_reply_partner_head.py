"""The partner findings head and its register gate (``train/train_partner.py``, stop 51): a hostile reply to a hurt
partner gets a finding even in words no rule lists, a sincere one gets none, and text that is not a reply to a
partner (a Reddit comment, a reply with no message) is left to the rules. The replies are ours, written for this
test after training, not taken from any training set."""

from __future__ import annotations

import pytest

from amends.coach.embed import INT8, embed_one
from amends.coach.reply import analyze_reply, find_rules, to_a_partner

MESSAGE = (
    "You promised you'd be at my mum's sixtieth and you didn't come. I sat there making excuses for you all night."
)

# (reply, a finding LABELLING.md section 2 gives it), in words no rule listed before this head (each had no such
# finding before the head).
HOSTILE = [
    ("Mate, I'm knackered. Not tonight.", "stonewalling"),
    ("Not this again. I'm going to bed.", "stonewalling"),
    ("Well maybe if someone had put it on the fridge calendar like I asked.", "blame"),
    ("You get worked up over the smallest things, it's exhausting.", "criticism"),
    ("Your mum never liked me anyway, so I doubt she noticed.", "defensiveness"),
]
# Hostile in other ways: each gets at least one finding (six of them got none before the head).
ALSO_HOSTILE = [
    "Had a lot on. It happens.",
    "Next time text my sister, she always knows where I am.",
    "Right, because you've never once let anyone down, saint that you are.",
    "Typical. I do one thing wrong and it's a federal case.",
    "Oh here we go, the drama olympics. It's one party, your mum won't even remember.",
    "Funny how you never mention the weekend you bailed on my brother.",
    # Labelled invalidating; since stop 52's retrain the head names its neighbour, criticism ("you always are"), the
    # confusion between neighbouring findings the closing notes list.
    "You'll be fine by tomorrow, you always are.",
]

SINCERE = [
    "I'm so sorry. You sat there all night covering for me, and that must have felt lonely and embarrassing. "
    "What was the worst moment?",
    "You're right to be angry. I broke a promise about your mum's birthday and I want to hear what it was like.",
    "I need twenty minutes to calm down so I can actually listen. I'll come and find you at eight, I promise.",
    # One question asking after them and nothing else: the head, which learned bare questions from sarcastic ones,
    # read these as contempt, minimizing or defensiveness, so it is not asked about them (stop 55).
    "You doing okay?",
    "hey, how are u holding up?",
    "Was it lonely, sitting there making excuses for me all night?",
    "Were you embarrassed, having to explain where I was?",
]
# ...while a short sarcastic question, which the cues read as rhetorical, is still the head's to read.
SARCASTIC = ["Happy?", "Happy now?", "Are you done?", "So what?", "ok and?"]


@pytest.mark.parametrize(("reply", "finding"), HOSTILE)
def test_a_hostile_reply_gets_the_finding(reply: str, finding: str) -> None:
    assert finding in {f.rule for f in analyze_reply(partner_message=MESSAGE, reply=reply).findings}


@pytest.mark.parametrize("reply", ALSO_HOSTILE)
def test_a_hostile_reply_gets_a_finding(reply: str) -> None:
    assert analyze_reply(partner_message=MESSAGE, reply=reply).findings


@pytest.mark.parametrize("reply", ALSO_HOSTILE)
def test_the_heads_add_at_most_three_findings_to_a_reply(reply: str) -> None:
    ruled = {f.rule for f in find_rules(reply)}
    added = {f.rule for f in analyze_reply(partner_message=MESSAGE, reply=reply).findings} - ruled
    assert len(added) <= 3


@pytest.mark.parametrize("reply", SINCERE)
def test_a_sincere_reply_gets_none(reply: str) -> None:
    assert analyze_reply(partner_message=MESSAGE, reply=reply).findings == ()


@pytest.mark.parametrize("reply", SARCASTIC)
def test_a_short_sarcastic_question_gets_a_finding(reply: str) -> None:
    assert analyze_reply(partner_message=MESSAGE, reply=reply).findings


def test_the_gate_lets_a_reply_to_a_partner_through() -> None:
    reply = embed_one("I'm sorry I didn't come. You must have felt so let down.", model=INT8)
    assert to_a_partner(reply, embed_one(MESSAGE, model=INT8))


def test_the_gate_holds_back_text_that_answers_no_partner() -> None:
    comment = embed_one("Wow, that's the worst take I've read all week lol", model=INT8)
    assert not to_a_partner(comment, None)
    assert not to_a_partner(comment, embed_one("Best pizza topping? Go.", model=INT8))


def test_no_message_leaves_the_findings_to_the_rules() -> None:
    reply = HOSTILE[0][0]
    assert "stonewalling" not in {f.rule for f in analyze_reply(reply=reply).findings}


def test_a_feeling_inferred_in_so_many_words_stays_strong_understanding() -> None:
    # The levels head, trained on Reddit and AnnoMI replies, read this as generic (1); to a partner, the inferred
    # feeling is strong understanding (LABELLING.md section 2, level 2).
    report = analyze_reply(
        partner_message="u forgot my birthday. like actually forgot. i waited all day for a text",
        reply="so sorry love. all day waiting and not one text from me, u must have felt completely forgotten. can we do "
        "dinner tonight, ur choice?",
    )
    assert report.level("interpretation") == 2


def test_shame_named_is_the_repliers_own_feeling() -> None:
    report = analyze_reply(partner_message=MESSAGE, reply="I'm ashamed of that. You sat there alone covering for me.")
    assert report.level("emotional_reaction") == 2
