"""Hurtful words the writer reports having said, and owns, name the mistake; they are not said again.

An apology for hurtful words quotes them ("I'm sorry I told you to calm down"): the seed guide asks for the specific
mistake, and LABELLING.md section 2 scores what a reply does, not what it reports. The same words said again, or
reported to defend them ("I already told you it was no big deal"), are still findings. Cases in our own words.
"""

from __future__ import annotations

import pytest

from amends.coach import matching
from amends.coach.apology import analyze_apology
from amends.coach.reply import analyze_reply

PARTNER = "You told me I was overreacting when I cried about your mom's comments. It made me feel crazy."

OWNED = (
    "I'm sorry I told you to calm down. That was dismissive and you deserved to be heard.",
    "I'm sorry I said you were being dramatic. You weren't, and it made you feel crazy.",
    "I said you were overreacting, and I was wrong to say it.",
    "I shouldn't have told you it was no big deal. It was a big deal to you and to me.",
    "You're right that I brushed it off. I'm sorry I said you were too sensitive.",
    "It was wrong of me to say you were making a big deal out of nothing.",
)
# Reported to defend them, said again beside the report, or owned with a bare "sorry" tacked on.
STILL_SAID = (
    ("I told you to calm down because you were overreacting.", "invalidating"),
    ("I already told you it was no big deal.", "minimizing"),
    ("I told you it was only one drink, sorry.", "minimizing"),
    ("I'm sorry I said it, but you were being dramatic.", "invalidating"),
)


@pytest.mark.parametrize("reply", OWNED)
def test_a_reply_that_owns_its_hurtful_words_is_not_told_it_repeats_them(reply: str) -> None:
    report = analyze_reply(partner_message=PARTNER, reply=reply)
    assert not {"invalidating", "minimizing", "contempt", "criticism"} & set(report.rules), report.rules


@pytest.mark.parametrize("reply", OWNED[:2])
def test_the_owning_reply_keeps_its_warmth(reply: str) -> None:
    assert analyze_reply(partner_message=PARTNER, reply=reply).level("emotional_reaction") == 2


@pytest.mark.parametrize(("reply", "rule"), STILL_SAID)
def test_words_reported_to_defend_them_are_still_findings(reply: str, rule: str) -> None:
    assert rule in analyze_reply(partner_message=PARTNER, reply=reply).rules


@pytest.mark.parametrize("apology", OWNED)
def test_an_apology_that_quotes_its_hurtful_words_is_not_minimizing(apology: str) -> None:
    report = analyze_apology(apology)
    assert "minimizing" not in report.rules
    assert report.verdict in ("partial", "strong"), report.verdict


@pytest.mark.parametrize(("apology", "rule"), STILL_SAID[1:3])
def test_an_apology_that_repeats_them_is_still_minimizing(apology: str, rule: str) -> None:
    assert rule in analyze_apology(apology).rules


def test_the_matcher_reads_the_frame_before_the_words() -> None:
    text = "I'm sorry I told you to calm down."
    assert matching.reported_own_words(text, text.index("calm down"))
    said_again = "I told you, calm down."
    assert not matching.reported_own_words(said_again, said_again.index("calm down"))
    # A plain report is owned only by first-person words in its sentence or the next.
    owned_later = "I said you were overreacting. That was cruel of me."
    assert matching.reported_own_words(owned_later, owned_later.index("overreacting"))
    not_owned = "I said you were overreacting. You were."
    assert not matching.reported_own_words(not_owned, not_owned.index("overreacting"))


def test_a_sentence_that_takes_the_report_back_does_not_own_it() -> None:
    assert matching.owns_saying("I'm sorry I told you to calm down.")
    assert not matching.owns_saying("I'm sorry I said it, but I was tired.")
    assert not matching.owns_saying("I said I was sorry like three times.")


@pytest.mark.parametrize(
    "reply", ["I said it, I'm sorry, it was stupid and mean.", "What I did was stupid. I'm sorry."]
)
def test_calling_ones_own_act_stupid_is_not_contempt(reply: str) -> None:
    assert "contempt" not in analyze_reply(partner_message=PARTNER, reply=reply).rules


@pytest.mark.parametrize("reply", ["It was stupid of you to read my phone.", "That was stupid."])
def test_calling_their_act_stupid_still_is(reply: str) -> None:
    assert "contempt" in analyze_reply(partner_message=PARTNER, reply=reply).rules


def test_a_report_frame_is_read_from_a_whole_word() -> None:
    # The 80-character window before "overreacting" begins at the "i" of "Dani": someone else's words, not "I said".
    text = "Dan" + "i said " + "y" * 72 + " overreacting. I'm so sorry."
    start = text.index("overreacting")
    assert text[start - 80 : start].startswith("i said ")
    assert not matching.reported_own_words(text, start)
    assert matching.reported_own_words("I said you were overreacting. I'm so sorry.", len("I said you were "))
