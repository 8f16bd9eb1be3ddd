"""The seed's missing and thin topics each live somewhere, in our own words, with a source."""

from __future__ import annotations

from amends.journey import load_guide, load_track
from amends.journey.playbooks import load_playbook


def _topic(question: str) -> dict[str, str]:
    topics = {t["question"]: t for t in load_guide()["topics"]}
    return topics[question]


def test_every_guide_topic_answers_in_a_paragraph_and_cites_its_source() -> None:
    for topic in load_guide()["topics"]:
        assert len(topic["answer"]) > 200 and topic["cite"].strip(), topic["question"]


def test_the_guide_explains_empathy_trust_white_lies_monogamy_and_therapy() -> None:
    assert "curiosity" in _topic("What is empathy?")["answer"]
    assert "predictability" in _topic("What is trust?")["answer"]
    assert "Deception" in _topic("Is a white lie the same as deception?")["answer"]
    assert "ending contact" in _topic("What does committing to monogamy mean after an affair?")["answer"]
    therapy = _topic("What can couples therapy offer?")["answer"]
    assert "abuse" in therapy  # never offered as the first step where there is fear
    assert "voice" in _topic("How should I sound and look when I apologize in person?")["answer"]


def test_both_journeys_say_that_some_hurt_may_remain_and_accepting_it_is_part_of_healing() -> None:
    patience = load_track("offender").step("patience").guidance  # type: ignore[union-attr]
    pace = load_track("hurt").step("my-pace").guidance  # type: ignore[union-attr]
    assert "accepting that is part of healing" in patience
    assert "Accepting that is part of healing" in pace


def test_the_offenders_journey_points_shame_away_from_the_partner() -> None:
    patience = load_track("offender").step("patience").guidance  # type: ignore[union-attr]
    assert "somewhere other than your partner" in patience


def test_the_playbooks_ask_for_monogamy_after_an_affair_and_no_white_lies_after_a_lie() -> None:
    assert "monogamy" in load_playbook("infidelity").item("commit_monogamy").text
    assert "white lie" in load_playbook("lying").item("white_lies").text
