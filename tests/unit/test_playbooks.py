"""Every kind of mistake has a playbook with a cited source and enough steps."""

from __future__ import annotations

import pytest

from amends.journey.playbooks import MISTAKES, load_playbook


@pytest.mark.parametrize("kind", MISTAKES)
def test_every_kind_has_a_cited_playbook_with_three_or_more_items(kind: str) -> None:
    book = load_playbook(kind)
    assert book.kind == kind and book.sources and len(book.checklist) >= 3
    ids = [i.id for i in book.checklist]
    assert len(ids) == len(set(ids))


def test_infidelity_follows_atone_attune_attach_with_the_core_checklist() -> None:
    book = load_playbook("infidelity")
    assert book.stages == ("atone", "attune", "attach")
    for item_id in ("end_affair", "end_contact", "answer_questions", "acknowledge_pain", "professional_help"):
        assert book.item(item_id)
    assert book.item("answer_questions").link == "questions"
    assert "agree together" in book.item("end_contact").text


def test_lying_asks_why_and_commits_to_honesty_in_small_things() -> None:
    book = load_playbook("lying")
    assert set(book.item("why_i_lied").options) == {"avoid_conflict", "protect", "hide"}
    assert "small" in book.item("commit_honesty").text


def test_unknown_kind_gets_the_general_playbook() -> None:
    assert load_playbook("something-new").kind == "other"
