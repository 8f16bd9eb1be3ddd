"""The crisis detector: the right side of abuse, and a victim only where someone else is named.

A first-person threat against a partner is perpetration (LABELLING.md section 3): showing the writer
victim resources instead sends them the wrong help. When a pattern finds one side of abuse in a
sentence, the head's guess at the other side over the same sentence gives way to it. And the head's
victim reading needs someone else in the text: alone, "made myself throw up again" is the writer's own act.
"""

from __future__ import annotations

import numpy as np
import pytest

from amends.safety.detector import scan_safety
from amends.safety.features import (
    FLAG_TYPES,
    VICTIM_SURE_SCORE,
    PatternHits,
    model_gate,
    others_suicide_words,
    pattern_hits,
)

THREATS = [
    "I told her I would kill her if she left me",
    "I said I would kill him if he ever left me",
    "i told her i'd kill her if she left, i didnt mean it",
    "I told her I'd hurt her.",
    "I said I'd kill him if he went to the police",
]


@pytest.mark.parametrize("text", THREATS)
def test_a_threat_the_writer_made_is_perpetration_only(text: str) -> None:
    assert scan_safety(text).types == {"abuse_perpetration"}


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("I slapped my wife during a fight", "abuse_perpetration"),
        ("My partner is afraid of me", "abuse_perpetration"),
        ("he gets violent when he's angry and I'm scared", "abuse_victim"),
    ],
)
def test_one_sentence_gets_the_side_its_pattern_names(text: str, side: str) -> None:
    assert scan_safety(text).types == {side}


def test_both_sides_in_different_words_of_one_sentence_are_both_kept() -> None:
    # Each side is found by its own pattern on its own words, so neither gives way.
    assert scan_safety("he hit me and I hit him back").types == {"abuse_victim", "abuse_perpetration"}


@pytest.mark.parametrize(
    "text",
    ["i grabbed her wrist so hard it bruised", "I grabbed her by the arm so hard it left marks"],
)
def test_marks_the_writer_left_on_a_partner_are_not_self_harm(text: str) -> None:
    report = scan_safety(text)
    assert report.types == {"abuse_perpetration"}
    assert report.action == "support"


def test_a_victims_blow_and_self_harm_in_one_sentence_both_stay() -> None:
    # The one pair that never gives way: both are true here (relationship-context dev3).
    text = "when he locks me out of the joint account and screams at me i go upstairs and cut"
    assert {"abuse_victim", "self_harm"} <= scan_safety(text).types


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("made myself throw up again after dinner", {"self_harm"}),
        ("Made myself throw up again after dinner.", {"self_harm"}),
        ("I deserve the pain so I hurt my body", {"self_harm"}),
        ("I'm afraid of flying", set()),
        ("I check my phone too much", set()),
    ],
)
def test_with_nobody_else_in_the_text_the_head_reads_no_victim(text: str, types: set[str]) -> None:
    assert scan_safety(text).types == types


def test_someone_named_in_another_sentence_of_the_text_is_enough() -> None:
    # The head's best sentence names nobody; the sentence before names the helpline (relationship-context dev).
    text = "I've saved the DV helpline number under 'Nails'. Going to call on my lunch break."
    assert "abuse_victim" in scan_safety(text).types


# A long reply to someone in crisis speaks of *their* death wish: a head-only suicide flag there needs
# features.ADDRESSED_SCORE. The same words about the writer, or a short note to a partner, keep the head's say.
_REPLY = [
    "You will always have something left, even when everything feels hopeless and you want to die.",
    "You have your sister, your friends and years ahead of you that you cannot see yet, and you matter to them.",
    "Please call someone tonight and tell them how heavy it has been for you, because you deserve help with this.",
    "You do not have to fix your whole life this week, you only have to get through tonight and then tomorrow.",
]
_OWN = [
    "I will always have something left, even when everything feels hopeless and I want to die.",
    "I have my sister, my friends and years ahead of me that I cannot see yet, and I matter to them.",
    "I will call someone tonight and tell them how heavy it has been for me, because I deserve help with this.",
    "I do not have to fix my whole life this week, I only have to get through tonight and then tomorrow.",
]


def _gated_head_score(kind: str, segments: list[str], score: float, hits: list[PatternHits]) -> float:
    """The first segment's ``kind`` score after :func:`model_gate`, when the head alone gave it ``score``."""
    k = FLAG_TYPES.index(kind)
    scores = np.zeros((len(segments), len(FLAG_TYPES)), dtype=np.float32)
    scores[0, k] = score
    return float(model_gate(scores, segments, hits)[0, k])


def _head_only_suicide_score(segments: list[str], score: float) -> float:
    return _gated_head_score("suicide_risk", segments, score, [PatternHits({}, False) for _ in segments])


def test_a_long_reply_to_you_needs_a_higher_head_score_for_suicide_risk() -> None:
    assert _head_only_suicide_score(_REPLY, 0.45) == 0.0
    assert _head_only_suicide_score(_REPLY, 0.8) == pytest.approx(0.8)


def test_the_same_words_about_the_writer_or_a_short_note_keep_the_head_score() -> None:
    assert _head_only_suicide_score(_OWN, 0.45) == pytest.approx(0.45)
    assert _head_only_suicide_score(_REPLY[:1], 0.45) == pytest.approx(0.45)


def test_a_suicide_pattern_in_a_reply_where_the_writer_does_not_figure_is_left_to_the_head() -> None:
    sentences = [*_REPLY[1:], "Suicide is forever.", "You don't deserve to die."]
    hits = others_suicide_words(sentences, [pattern_hits(s) for s in sentences])
    assert "suicide_risk" in pattern_hits("Suicide is forever.").spans  # the pattern does match on its own
    assert not any("suicide_risk" in h.spans for h in hits)
    # The head still reads each sentence; here it does not see the writer's risk either.
    assert scan_safety(" ".join([*_REPLY[1:], sentences[-1]])).types == set()


def test_the_writer_in_the_sentence_or_a_short_text_keeps_the_suicide_pattern() -> None:
    mine = [*_REPLY[1:], "Some of us are going to kill ourselves one day, I know that."]
    assert "suicide_risk" in others_suicide_words(mine, [pattern_hits(s) for s in mine])[-1].spans
    assert "suicide_risk" in scan_safety(" ".join([*_REPLY[1:], "I tried to kill myself last month."])).types
    # A short note to a partner is not a reply to a stranger: every pattern stands.
    assert "suicide_risk" in scan_safety("You don't deserve this. Suicide is the only way out now.").types


def test_a_supporters_own_past_told_to_the_reader_is_shared_experience() -> None:
    # Stop 45 (real C-SSRS tuning splits): "I was on the verge of killing myself once" in a reply to someone in crisis.
    shared = [*_REPLY[1:], "I was on the verge of killing myself once, when I was about your age."]
    assert "suicide_risk" in pattern_hits(shared[-1]).spans
    assert not any("suicide_risk" in h.spans for h in others_suicide_words(shared, [pattern_hits(s) for s in shared]))
    assert scan_safety(" ".join(shared)).types == set()


def test_a_supporters_risk_that_is_present_or_recent_stays_theirs() -> None:
    for last in (
        "I tried to kill myself years ago and I still think about doing it again.",
        "I've tried to kill myself with pills.",
        "I was on the verge of killing myself last week.",
    ):
        assert "suicide_risk" in scan_safety(" ".join([*_REPLY[1:], last])).types, last


def test_a_head_sure_of_a_victim_is_not_silenced_by_the_apology_frame() -> None:
    def gated(text: str, score: float) -> float:
        return _gated_head_score("abuse_victim", [text], score, [pattern_hits(text)])

    # The writer's own "sorry" frames the sentence, and no topic word is there: a doubtful head call is silenced...
    framed = "I'm sorry I was quiet at dinner, he went through the receipts in my bag again."
    assert gated(framed, 0.8) == 0.0
    # ...a sure one is not; an idiom or someone else's story still silences it.
    assert gated(framed, VICTIM_SURE_SCORE + 0.02) == pytest.approx(VICTIM_SURE_SCORE + 0.02)
    assert gated("My sister said her husband went through the receipts in her bag again.", 0.99) == 0.0
    assert gated("The wife will kill me if I'm late again, sorry.", 0.99) == 0.0


# Stop 57: in a victim's text the head read a plan to leave for safety as a suicide plan, and the self-injury cue took
# any "myself" ("I'm beside myself"). A head-only suicide flag on a plan to leave gives way unless its sentence names a
# risk to the writer's own life (``self_risk_cue``); a head-only self-harm flag needs "myself" with a harm.
@pytest.mark.parametrize(
    "text",
    [
        "He hit me again on Friday. I'm making plans to leave.",
        "He broke my phone so I can't call anyone. I will plan my escape then.",
        "He hit me again last night. I'm beside myself and I don't know what to do.",
        "He grabbed me by the hair and I got myself up and ran to the bathroom.",
    ],
)
def test_a_victims_story_is_not_the_victims_own_risk(text: str) -> None:
    report = scan_safety(text)
    assert report.types == {"abuse_victim"}
    assert report.action == "support"  # domestic-violence help, not the crisis page


@pytest.mark.parametrize(
    ("text", "own_risk"),
    [
        ("He hit me again. Some nights I think the only way I'll ever be out of here is dead.", "suicide_risk"),
        ("My husband hit me again last night. I just want to die.", "suicide_risk"),
        ("He hit me again tonight. Afterwards I went upstairs and hurt myself again.", "self_harm"),
    ],
)
def test_a_victims_own_risk_stays_a_crisis(text: str, own_risk: str) -> None:
    report = scan_safety(text)
    assert {"abuse_victim", own_risk} <= report.types
    assert report.action == "crisis"
