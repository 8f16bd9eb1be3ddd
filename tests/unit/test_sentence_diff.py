"""Compare versions: sentence by sentence, words marked only inside a changed sentence, never run together."""

from __future__ import annotations

from amends.web.diff import sentence_diff, word_diff


def _kinds(old: str, new: str) -> list[str]:
    return [c.kind for c in sentence_diff(old, new)]


def test_an_untouched_sentence_is_the_same_and_an_edited_one_is_changed() -> None:
    old = "I am sorry I was late. I should have called."
    new = "I am sorry I was late. I should have called you before six."
    assert _kinds(old, new) == ["same", "changed"]


def test_a_full_rewrite_reads_as_removed_then_added_not_interleaved_words() -> None:
    changes = sentence_diff("I am sorry you felt upset.", "Missing your birthday dinner was wrong of me.")
    assert [c.kind for c in changes] == ["removed", "added"]
    assert "<del>" not in "".join(c.html for c in changes)


def test_new_and_dropped_sentences_are_added_and_removed() -> None:
    assert _kinds("One. Two.", "One. Two. Three.") == ["same", "same", "added"]
    assert _kinds("One. Two. Three.", "One. Three.") == ["same", "removed", "same"]


def test_marked_words_keep_their_spaces() -> None:
    html = str(word_diff("I am sorry sorry.", "I am so sorry."))
    assert "sorrysorry" not in html.replace("<del>", "").replace("</del>", "").replace("<ins>", "").replace(
        "</ins>", ""
    )
    assert html == "I am <del>sorry</del> <ins>so</ins> sorry."


def test_words_are_escaped() -> None:
    assert "&lt;b&gt;" in str(word_diff("a <b>", "a <b> c")) and "<b>" not in str(word_diff("a <b>", "a <b> c"))
