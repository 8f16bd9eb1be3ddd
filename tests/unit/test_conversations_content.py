"""Guided conversations are content: every file loads, every step cites its source, and the shapes hold."""

from __future__ import annotations

from importlib import resources

import pytest

from amends.journey.conversations import LINKS, TOOLS, load_conversation, load_conversations, load_shame_page

SCRIPTS = load_conversations()


def test_every_conversation_file_is_loaded_once_in_order() -> None:
    files = {f.name for f in resources.files("amends.content.conversations").iterdir() if f.name.endswith(".yaml")}
    assert len(files) == len(SCRIPTS) == 4
    assert [s.slug for s in SCRIPTS] == ["after-a-fight", "apology-in-person", "hard-questions", "time-out"]
    assert len({s.order for s in SCRIPTS}) == len(SCRIPTS)


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.slug for s in SCRIPTS])
def test_every_conversation_and_every_step_has_a_source_and_guidance(script: object) -> None:
    assert script.source.strip() and script.intro.strip() and script.summary.strip()  # type: ignore[attr-defined]
    for step in script.steps:  # type: ignore[attr-defined]
        assert step.source.strip(), f"{step.slug} has no source"
        assert len(step.guidance) > 80, f"{step.slug} has too little guidance"
        assert step.tool in (None, *TOOLS) and set(step.links) <= set(LINKS)
        assert step.prompts or step.tool, f"{step.slug} gives the person nothing to do"


def test_after_a_fight_follows_gottmans_five_parts_with_turns_and_an_agreement() -> None:
    fight = load_conversation("after-a-fight")
    assert fight is not None and fight.together
    assert [s.slug for s in fight.steps] == ["feelings", "realities", "triggers", "my-part", "plan"]
    assert fight.step("realities").tool == "turns"  # type: ignore[union-attr]
    assert fight.step("plan").tool == "agreement"  # type: ignore[union-attr]
    assert all("Aftermath of a Fight" in s.source for s in fight.steps)


def test_the_preparation_conversations_are_for_one_person_and_the_apology_is_for_the_one_apologizing() -> None:
    for slug in ("apology-in-person", "hard-questions", "time-out"):
        assert not load_conversation(slug).together  # type: ignore[union-attr]
    assert load_conversation("apology-in-person").audience == "offender"  # type: ignore[union-attr]
    assert load_conversation("time-out").for_role("hurt")  # type: ignore[union-attr]


def test_the_apology_in_person_covers_what_the_issue_asks_for() -> None:
    script = load_conversation("apology-in-person")
    text = " ".join(s.title + " " + s.guidance for s in script.steps).lower()  # type: ignore[union-attr]
    for part in ("coach", "when and where", "tone", "body", "defend", "goes badly", "check in"):
        assert part in text, part
    assert "apology_coach" in script.step("prepare").links  # type: ignore[union-attr]


def test_hard_questions_name_helpful_and_harmful_questions_and_a_date_to_answer_by() -> None:
    script = load_conversation("hard-questions")
    helping = script.step("questions-that-help").guidance  # type: ignore[union-attr]
    assert all(word in helping for word in ("what happened", "when", "why", "really over"))
    assert "graphic detail" in script.step("questions-that-harm").guidance  # type: ignore[union-attr]
    think = script.step("time-to-think")  # type: ignore[union-attr]
    assert think.tool == "open-questions" and think.prompts[0].widget == "date"


def test_the_time_out_has_signs_a_twenty_minute_timer_and_a_way_back() -> None:
    script = load_conversation("time-out")
    assert [s.slug for s in script.steps] == ["signs", "breathe", "come-back"]  # type: ignore[union-attr]
    assert script.step("breathe").tool == "timer" and "after_a_fight" in script.step("come-back").links  # type: ignore[union-attr]
    assert "twenty minutes" in script.step("breathe").guidance.lower()  # type: ignore[union-attr]


def test_prompts_asked_of_one_side_only_are_filtered_by_role() -> None:
    step = load_conversation("hard-questions").step("how-to-ask-and-answer")  # type: ignore[union-attr]
    assert [p.slug for p in step.prompts_for("hurt")] == ["my-questions"]  # type: ignore[union-attr]
    assert [p.slug for p in step.prompts_for("offender")] == ["hardest"]  # type: ignore[union-attr]


def test_the_shame_page_separates_shame_from_guilt_and_never_asks_the_partner_for_reassurance() -> None:
    page = load_shame_page()
    text = " ".join(s["text"] for s in page["sections"]).lower()
    assert "guilt" in text and "shame" in text and "forgiv" in text
    assert "not the right person to soothe your shame" in text
    assert all(s["cite"].strip() for s in page["sections"]) and page["source"].strip()
