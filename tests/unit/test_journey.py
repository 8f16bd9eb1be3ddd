"""The journey as data, and progress, with no database."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from amends.journey import load_feelings, load_guide, load_track, track_progress
from amends.journey.steps import TRACKS, WIDGETS

SEED_STEPS = ["name-it", "impact", "look-inward", "apologize", "listen", "rebuild-trust", "patience"]


def test_offender_track_follows_the_seven_steps_of_the_seed_in_order() -> None:
    assert [s.slug for s in load_track("offender").steps] == SEED_STEPS


def test_hurt_partner_has_a_track_of_their_own() -> None:
    hurt = load_track("hurt")
    assert [s.slug for s in hurt.steps] == [
        "what-happened",
        "what-i-need",
        "my-questions",
        "watching-for-change",
        "my-pace",
        "support",
    ]
    assert "forgiveness" in hurt.step("my-pace").guidance.lower() and "choice" in hurt.step("my-pace").guidance


@pytest.mark.parametrize("track", TRACKS)
def test_every_step_has_guidance_prompts_and_a_cited_framework(track: str) -> None:
    for step in load_track(track).steps:
        assert len(step.guidance) > 80, step.slug
        assert step.framework.strip(), step.slug
        assert step.prompts, step.slug
        for prompt in step.prompts:
            assert prompt.label.strip() and prompt.help.strip(), (step.slug, prompt.slug)
            assert prompt.widget in WIDGETS


def test_impact_step_has_feelings_picker_and_attachment_questions() -> None:
    widgets = {p.widget for p in load_track("offender").step("impact").prompts}
    assert {"feelings", "attachment"} <= widgets
    questions = [q["text"] for q in load_feelings()["attachment_questions"]]
    assert "Are you there for me?" in questions and "Am I enough for you?" in questions


def test_feelings_list_covers_the_seeds_feelings() -> None:
    names = {f for g in load_feelings()["groups"] for f in g["feelings"]}
    assert {"hurt", "angry", "betrayed", "insecure"} <= names


def test_guide_answers_three_faqs_plus_what_amends_is_not() -> None:
    sections = load_guide()["sections"]
    assert len(sections) == 4
    assert "not therapy" in sections[-1]["answer"]


def test_unknown_track_is_refused() -> None:
    with pytest.raises(ValueError):
        load_track("bystander")


def test_progress_counts_answers_and_resumes_at_the_last_edited_open_step() -> None:
    track = load_track("offender")
    now = datetime(2026, 11, 28, 12, 0)
    answers = {
        ("name-it", "what-i-did"): "I missed dinner",
        ("impact", "their-view"): "   ",
        ("look-inward", "underlying"): "x",
    }
    progress = track_progress(track, answers, ["name-it"], {"name-it": now, "look-inward": now - timedelta(hours=1)})
    by_slug = {s.slug: s for s in progress.steps}
    assert by_slug["name-it"].state == "done"
    assert by_slug["impact"].state == "not_started"  # whitespace is not an answer
    assert by_slug["look-inward"].state == "started" and by_slug["look-inward"].answered == 1
    assert progress.resume_slug == "look-inward"
    assert progress.done_count == 1 and progress.percent == 14 and not progress.finished


def test_progress_resumes_at_first_open_step_when_nothing_edited_and_last_step_when_all_done() -> None:
    track = load_track("offender")
    assert track_progress(track, {}, []).resume_slug == "name-it"
    finished = track_progress(track, {}, SEED_STEPS)
    assert finished.finished and finished.resume_slug == "patience" and finished.percent == 100


def test_a_step_knows_its_neighbours_in_the_track_and_the_ends_have_none() -> None:
    track = load_track("offender")
    first, second, last = track.steps[0], track.steps[1], track.steps[-1]
    assert track.before(first) is None and track.after(first) == second
    assert track.before(second) == first and track.after(last) is None
