from __future__ import annotations

import pytest
from eval.paths import SHARED_DATA

from amends.coach.emotions import FEELING_NAMES, emotion_labels, read_emotions
from amends.coach.emotions.feelings import FEELINGS
from amends.coach.text import TextRejected


def test_scores_all_28_goemotions_labels_in_the_published_order() -> None:
    order = (SHARED_DATA / "goemotions" / "emotions.txt").read_text().split()
    report = read_emotions("I can't believe you forgot my birthday again.").to_dict()
    assert list(emotion_labels()) == order
    assert list(report["scores"]) == order
    assert all(0.0 <= v <= 1.0 for v in report["scores"].values())
    assert set(report["labels"]) <= set(order)


def test_json_has_the_documented_shape() -> None:
    report = read_emotions("You lied to me and I feel so betrayed.").to_dict()
    assert report["kind"] == "emotions"
    assert report["text"] == "You lied to me and I feel so betrayed."
    for feeling in report["feelings"]:
        assert feeling["name"] in FEELING_NAMES
        assert feeling["display"] and feeling["question"].endswith("?")
        assert all(isinstance(s, list) and len(s) == 2 for s in feeling["spans"])


def test_betrayal_is_read_from_our_cues_with_the_words_that_carry_it() -> None:
    text = "You went behind my back and lied to me."
    betrayal = read_emotions(text).feeling("betrayal")
    assert betrayal is not None and betrayal.score >= 0.7
    assert {text[s:e] for s, e in betrayal.spans} == {"behind my back", "lied to me"}
    assert betrayal.question == "Can I trust you?"


def test_spans_count_code_points_so_emoji_do_not_shift_them() -> None:
    text = "🙂🙂 It really hurt 💔 when you laughed"
    hurt = read_emotions(text).feeling("hurt")
    assert hurt is not None
    pieces = {text[s:e] for s, e in hurt.spans}
    assert pieces == {"hurt", "💔"}


def test_insecurity_brings_its_attachment_question() -> None:
    report = read_emotions("Maybe I'm just not enough for you. Are you going to leave me?")
    assert report.feeling("fear_insecurity") is not None
    assert "Am I enough for you?" in report.questions


def test_anger_combines_the_anger_heads() -> None:
    report = read_emotions("This is so annoying and I am furious with you!")
    anger = report.feeling("anger")
    assert anger is not None and anger.score > 0.7
    assert "anger" in report.labels or "annoyance" in report.labels


def test_a_calm_neutral_message_raises_no_strong_feelings() -> None:
    report = read_emotions("The meeting is at three on Tuesday in room four.")
    assert "neutral" in report.labels
    assert all(f.score < 0.6 for f in report.feelings)


def test_negated_cues_do_not_count() -> None:
    report = read_emotions("I'm not angry, just tired tonight.")
    anger = report.feeling("anger")
    assert anger is None or not anger.spans


def test_every_feeling_has_a_lexicon_and_a_question() -> None:
    assert [f.name for f in FEELINGS] == list(FEELING_NAMES)
    assert len(FEELING_NAMES) == 10


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("   \n", "empty"),
        ("a" * 20_001, "too_long"),
        ("Je suis tellement triste et fâché contre toi aujourd'hui", "not_english"),
        ("bad\x00bytes", "binary"),
        (b"bytes", "not_text"),
    ],
)
def test_unreadable_input_is_rejected_with_a_reason(text: object, code: str) -> None:
    with pytest.raises(TextRejected) as info:
        read_emotions(text)  # type: ignore[arg-type]
    assert info.value.code == code and str(info.value)


def _feelings(text: str) -> set[str]:
    return {f.name for f in read_emotions(text).feelings}


# Should pass: a dismissal is no love or hope, whatever the head reads into "do what you want".
@pytest.mark.parametrize("text", ["Whatever. Do what you want.", "Suit yourself."])
def test_a_dismissal_is_not_read_as_love_or_hope(text: str) -> None:
    assert not _feelings(text) & {"love_care", "hope"}


# Should flag: love named beside a dismissal word still counts.
def test_love_named_beside_a_dismissal_word_still_counts() -> None:
    assert "love_care" in _feelings("Whatever you decide, I love you and I'm here.")


# Should pass: the hurt partner weighing forgiveness feels no remorse; should flag: their own regret still counts.
@pytest.mark.parametrize(
    "text",
    [
        "Part of me wants to forgive you and part of me wants to scream.",
        "I haven't forgiven you yet.",
        # Negated, forgiving is still what the writer weighs (stop 39).
        "I'm not ready to forgive you yet.",
    ],
)
def test_weighing_forgiveness_is_not_read_as_remorse(text: str) -> None:
    assert "remorse" not in _feelings(text)


def test_the_writers_own_regret_beside_forgiving_is_remorse() -> None:
    assert "remorse" in _feelings("I'm sorry I snapped. I forgive you for the comment, and I regret mine.")
    assert "remorse" in _feelings("I'll never forgive myself for what I did.")


def test_a_feeling_the_writer_denies_is_not_shown() -> None:
    feelings = _feelings("I'm not angry anymore, I'm just sad that it happened.")
    assert "anger" not in feelings and "sadness" in feelings


@pytest.mark.parametrize(
    ("text", "name"), [("I can't stop crying since you left.", "sadness"), ("I'm not angry, I'm furious.", "anger")]
)
def test_a_negation_that_is_no_denial_keeps_the_feeling(text: str, name: str) -> None:
    assert name in _feelings(text)


@pytest.mark.parametrize(
    ("score", "words"),
    [(0.92, "clear in the words"), (0.6, "clear in the words"), (0.5, "some sign of it"), (0.35, "a faint sign")],
)
def test_a_feelings_score_is_said_in_words(score: float, words: str) -> None:
    from amends.coach.emotions import strength_words

    assert strength_words(score) == words


# Stop 58 probe: worn down by it is sadness (it showed only a faint love and care), and anger denied stays hidden.
def test_being_worn_down_reads_as_sadness() -> None:
    feelings = _feelings("I'm not angry anymore, just tired. I don't know if I can keep doing this.")
    assert "sadness" in feelings and "anger" not in feelings
