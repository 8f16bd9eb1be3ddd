from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from amends.web.repairs.models import ApologyDraft, JourneyAnswer, JourneyAnswerRevision, Membership, Repair


def _new_repair_data(**overrides: str) -> dict[str, str]:
    data = {
        "role": "offender",
        "kind": "hurtful_words",
        "title": "What I said at the party",
        "description": "I mocked Sam's job in front of friends.",
    }
    data.update(overrides)
    return data


def test_signed_in_user_starts_a_repair_and_lands_on_it(as_alice: Client, alice: Any) -> None:
    response = as_alice.post(reverse("repair_new"), _new_repair_data())
    repair = Repair.objects.get(title="What I said at the party")
    assert response["Location"] == reverse("repair", args=[repair.pk])
    assert Membership.objects.get(repair=repair).role == "offender"


def test_a_user_can_have_several_repairs(as_alice: Client) -> None:
    as_alice.post(reverse("repair_new"), _new_repair_data())
    as_alice.post(reverse("repair_new"), _new_repair_data(title="The phone", kind="lying", role="hurt"))
    page = as_alice.get(reverse("home"))
    assert b"What I said at the party" in page.content and b"The phone" in page.content


def test_empty_description_is_refused_and_the_title_stays(as_alice: Client) -> None:
    response = as_alice.post(reverse("repair_new"), _new_repair_data(description="   "))
    assert response.status_code == 200
    assert b"Describe what happened" in response.content
    assert b"What I said at the party" in response.content
    assert not Repair.objects.exists()


def test_overlong_description_is_refused_and_kept(as_alice: Client) -> None:
    text = "word " * 4001 + "end-marker"
    response = as_alice.post(reverse("repair_new"), _new_repair_data(description=text))
    assert b"the limit is 20,000" in response.content
    assert b"end-marker" in response.content


def test_unknown_kind_is_refused(as_alice: Client) -> None:
    response = as_alice.post(reverse("repair_new"), _new_repair_data(kind="murder"))
    assert response.status_code == 200 and not Repair.objects.exists()


def test_step_page_shows_guidance_and_prompts(as_alice: Client, alice_repair: Any) -> None:
    page = as_alice.get(reverse("step", args=[alice_repair.pk, "impact"]))
    assert page.status_code == 200
    assert b"Are you there for me?" in page.content and b"betrayed" in page.content


def test_submitting_a_step_saves_answers(as_alice: Client, alice_repair: Any) -> None:
    url = reverse("step", args=[alice_repair.pk, "name-it"])
    response = as_alice.post(
        url, {"answer-what-i-did": "I stayed at work", "answer-what-i-said-i-would": "", "action": "save"}
    )
    assert response.status_code == 302
    assert JourneyAnswer.objects.get(prompt="what-i-did").text == "I stayed at work"
    assert b"I stayed at work" in as_alice.get(url).content


def test_marking_done_moves_to_the_next_step_and_shows_progress(as_alice: Client, alice_repair: Any) -> None:
    url = reverse("step", args=[alice_repair.pk, "name-it"])
    response = as_alice.post(url, {"answer-what-i-did": "I stayed at work", "action": "done"})
    assert response["Location"] == reverse("step", args=[alice_repair.pk, "impact"])
    overview = as_alice.get(reverse("repair", args=[alice_repair.pk]))
    assert b"1 of 7 steps done" in overview.content


def test_marking_an_empty_step_done_is_refused_with_advice(as_alice: Client, alice_repair: Any) -> None:
    url = reverse("step", args=[alice_repair.pk, "name-it"])
    response = as_alice.post(url, {"answer-what-i-did": " ", "action": "done"})
    assert b"Write something in at least one box" in response.content


def test_overlong_answer_is_refused_and_the_text_stays_in_the_field(as_alice: Client, alice_repair: Any) -> None:
    url = reverse("step", args=[alice_repair.pk, "name-it"])
    text = "x" * 20_001
    response = as_alice.post(url, {"answer-what-i-did": text, "action": "save"})
    assert b"the limit is 20,000" in response.content
    assert text.encode() in response.content


def test_feelings_picker_saves_every_chosen_feeling(as_alice: Client, alice_repair: Any) -> None:
    url = reverse("step", args=[alice_repair.pk, "impact"])
    as_alice.post(url, {"answer-feelings": ["hurt", "betrayed"], "action": "save"})
    assert JourneyAnswer.objects.get(prompt="feelings").text.splitlines() == ["hurt", "betrayed"]
    assert b'value="betrayed" checked' in as_alice.get(url).content


def test_autosave_saves_and_returns_the_new_revision(as_alice: Client, alice_repair: Any) -> None:
    url = reverse("autosave", args=[alice_repair.pk, "name-it"]) + "?prompt=what-i-did"
    response = as_alice.post(url, {"answer-what-i-did": "draft one", "rev-what-i-did": "0"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and b"Saved" in response.content
    assert b'value="1"' in response.content
    assert JourneyAnswer.objects.get(prompt="what-i-did").text == "draft one"


def test_a_second_tab_never_silently_loses_text(as_alice: Client, alice_repair: Any) -> None:
    url = reverse("autosave", args=[alice_repair.pk, "name-it"]) + "?prompt=what-i-did"
    as_alice.post(url, {"answer-what-i-did": "tab A text", "rev-what-i-did": "0"})
    # Tab B opened before tab A saved, so it still believes revision 0.
    response = as_alice.post(url, {"answer-what-i-did": "tab B text", "rev-what-i-did": "0"})
    assert b"another tab" in response.content
    answer = JourneyAnswer.objects.get(prompt="what-i-did")
    assert answer.text == "tab B text"
    assert list(JourneyAnswerRevision.objects.filter(answer=answer).values_list("text", flat=True)) == ["tab A text"]
    page = as_alice.get(reverse("step", args=[alice_repair.pk, "name-it"]))
    assert b"Earlier versions" in page.content and b"tab A text" in page.content


def test_autosave_refuses_overlong_text_with_a_message(as_alice: Client, alice_repair: Any) -> None:
    url = reverse("autosave", args=[alice_repair.pk, "name-it"]) + "?prompt=what-i-did"
    response = as_alice.post(url, {"answer-what-i-did": "y" * 20_001})
    assert response.status_code == 422 and b"20,000" in response.content


def test_autosave_unknown_prompt_is_a_400(as_alice: Client, alice_repair: Any) -> None:
    url = reverse("autosave", args=[alice_repair.pk, "name-it"]) + "?prompt=nope"
    assert as_alice.post(url, {"answer-nope": "x"}).status_code == 400


def test_apology_drafts_are_versioned(as_alice: Client, alice_repair: Any) -> None:
    url = reverse("step", args=[alice_repair.pk, "apologize"])
    as_alice.post(url, {"answer-draft": "I'm sorry I missed your dinner.", "action": "draft"})
    as_alice.post(url, {"answer-draft": "I'm sorry I missed your birthday dinner. I was wrong.", "action": "draft"})
    as_alice.post(url, {"answer-draft": "I'm sorry I missed your birthday dinner. I was wrong.", "action": "draft"})
    assert list(ApologyDraft.objects.order_by("version").values_list("version", flat=True)) == [1, 2]
    assert b"Saved versions (2)" in as_alice.get(url).content


def test_a_saved_apology_shows_its_feedback_when_the_writer_comes_back(as_alice: Client, alice_repair: Any) -> None:
    """Without typing and without JavaScript: the live coach answers keystrokes only, so a returning writer saw
    'Feedback appears here as you write.' under a finished draft."""
    url = reverse("step", args=[alice_repair.pk, "apologize"])
    as_alice.post(url, {"answer-draft": "I'm sorry if you were upset.", "action": "save"})
    page = as_alice.get(url).content.decode()
    assert 'aria-label="Coach feedback"' in page and "Feedback appears here as you write." not in page
    assert "verdict-non_apology" in page and "<strong>Conditional</strong>" in page
    empty = as_alice.get(reverse("step", args=[alice_repair.pk, "name-it"])).content.decode()
    assert 'aria-label="Coach feedback"' not in empty


def test_home_greets_a_returning_user_with_where_they_left_off(as_alice: Client, alice_repair: Any) -> None:
    as_alice.post(reverse("step", args=[alice_repair.pk, "name-it"]), {"answer-what-i-did": "x", "action": "done"})
    as_alice.post(
        reverse("step", args=[alice_repair.pk, "look-inward"]), {"answer-underlying": "stress", "action": "save"}
    )
    page = as_alice.get(reverse("home"))
    assert b"Where you left off" in page.content and b"Look inward" in page.content


def test_reopening_a_step(as_alice: Client, alice_repair: Any) -> None:
    as_alice.post(reverse("step", args=[alice_repair.pk, "name-it"]), {"answer-what-i-did": "x", "action": "done"})
    as_alice.post(reverse("step_reopen", args=[alice_repair.pk, "name-it"]))
    assert b"0 of 7 steps done" in as_alice.get(reverse("repair", args=[alice_repair.pk])).content


def test_hurt_partner_gets_their_own_track(as_alice: Client) -> None:
    as_alice.post(reverse("repair_new"), _new_repair_data(role="hurt"))
    repair = Repair.objects.get()
    page = as_alice.get(reverse("repair", args=[repair.pk]))
    assert b"What happened and how it felt" in page.content and b"Name the specific mistake" not in page.content


@pytest.mark.parametrize("path", ["/no/such/page/", "/repairs/999999/"])
def test_unknown_urls_get_a_friendly_404(as_alice: Client, path: str) -> None:
    response = as_alice.get(path)
    assert response.status_code == 404 and b"We could not find that page" in response.content


def test_unknown_step_is_404(as_alice: Client, alice_repair: Any) -> None:
    assert as_alice.get(reverse("step", args=[alice_repair.pk, "step-99"])).status_code == 404


def test_apology_versions_can_be_compared_and_the_score_move_seen(as_alice: Client, alice_repair: Any) -> None:
    url = reverse("step", args=[alice_repair.pk, "apologize"])
    as_alice.post(url, {"answer-draft": "I'm sorry if you were upset.", "action": "draft"})
    as_alice.post(url, {"answer-draft": "I'm sorry I missed your birthday dinner. I was wrong.", "action": "draft"})
    html = as_alice.get(reverse("compare_drafts", args=[alice_repair.pk])).content.decode()
    assert "<del>" in html and "<ins>" in html and "Coach score" in html


def test_comparing_needs_two_versions(as_alice: Client, alice_repair: Any) -> None:
    assert as_alice.get(reverse("compare_drafts", args=[alice_repair.pk])).status_code == 404
