"""What is waiting for each person, with the cast: alice made the mistake, bob was hurt, charlie is an outsider."""

from __future__ import annotations

import html
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from amends.journey import load_track
from amends.services import trust
from amends.services.access import RepairAccess, pause, repair_access
from amends.services.partners import leave_repair, set_answer_shared
from amends.services.repairs import save_answer, set_step_done
from amends.services.waiting import mark_shared_seen, waiting_for, waiting_in


def _access(user: User, repair: Any) -> RepairAccess:
    return repair_access(user, repair.pk)  # a fresh one each time: an access remembers who it may show


def _kinds(user: User, repair: Any) -> dict[str, Any]:
    return {item.kind: item for item in waiting_in(_access(user, repair))}


@pytest.fixture
def couple(alice_repair: Any, joined_bob: Any) -> Any:
    return alice_repair


def _commitment_with_check_in(alice: User, repair: Any) -> Any:
    a = _access(alice, repair)
    day = trust.today_for(alice.pk)
    c = trust.add_commitment(a, text="I will call if I'm late.", schedule=trust.ScheduleInput("daily"), start=day)
    return trust.record_check_in(a, c.pk, on=day, status="kept").check_in


# ---------------------------------------------------------------- questions and answers


def test_bobs_question_waits_for_alice_until_she_answers_it(alice: User, bob: User, couple: Any) -> None:
    q = trust.ask_question(_access(bob, couple), "Why did you not call?")
    item = _kinds(alice, couple)["questions"]
    assert item.count == 1 and item.url == reverse("trust_question", args=[couple.pk, q.pk])
    assert "questions" not in _kinds(bob, couple)
    trust.answer_question(_access(alice, couple), q.pk, "I was afraid of the argument.")
    assert "questions" not in _kinds(alice, couple)


def test_an_answer_is_new_to_bob_until_he_opens_the_question(
    alice: User, bob: User, couple: Any, as_bob: Client
) -> None:
    q = trust.ask_question(_access(bob, couple), "Why did you not call?")
    trust.answer_question(_access(alice, couple), q.pk, "I was afraid of the argument.")
    item = _kinds(bob, couple)["answers"]
    assert item.url == reverse("trust_question", args=[couple.pk, q.pk])
    assert as_bob.get(item.url).status_code == 200
    assert "answers" not in _kinds(bob, couple)


def test_opening_one_question_leaves_answers_to_another_new(
    alice: User, bob: User, couple: Any, as_bob: Client
) -> None:
    b, a = _access(bob, couple), _access(alice, couple)
    first, second = trust.ask_question(b, "Why?"), trust.ask_question(b, "Since when?")
    trust.answer_question(a, first.pk, "Because I was scared.")
    trust.answer_question(a, second.pk, "Since March.")
    assert _kinds(bob, couple)["answers"].count == 2
    as_bob.get(reverse("trust_question", args=[couple.pk, first.pk]))
    item = _kinds(bob, couple)["answers"]
    assert item.count == 1 and item.url == reverse("trust_question", args=[couple.pk, second.pk])


def test_a_promised_answer_date_that_has_passed_is_waiting(alice: User, bob: User, couple: Any) -> None:
    q = trust.ask_question(_access(bob, couple), "Why?")
    trust.answer_question(_access(alice, couple), q.pk, thinking_until=trust.today_for(alice.pk))
    q.__class__.objects.filter(pk=q.pk).update(answer_by=trust.today_for(alice.pk) - timedelta(days=1))
    assert _kinds(alice, couple)["questions_late"].count == 1


# ---------------------------------------------------------------- shares


def test_a_private_answer_never_counts_as_new_for_the_partner(alice: User, bob: User, couple: Any) -> None:
    save_answer(_access(alice, couple), "name-it", "what-i-did", "alice's private words")
    assert "shares" not in _kinds(bob, couple)


def test_a_share_is_new_until_the_shared_view_is_opened(alice: User, bob: User, couple: Any, as_bob: Client) -> None:
    a = _access(alice, couple)
    save_answer(a, "name-it", "what-i-did", "I stayed at work and did not call.")
    set_answer_shared(a, "name-it", "what-i-did", True)
    item = _kinds(bob, couple)["shares"]
    assert item.count == 1 and item.url == reverse("shared_view", args=[couple.pk])
    assert as_bob.get(item.url).status_code == 200
    assert "shares" not in _kinds(bob, couple)
    save_answer(_access(alice, couple), "name-it", "what-i-did", "I stayed at work, did not call, and lied after.")
    assert _kinds(bob, couple)["shares"].count == 1  # a new revision is new again


def test_sharing_again_after_stopping_is_not_new_when_nothing_changed(alice: User, bob: User, couple: Any) -> None:
    a = _access(alice, couple)
    save_answer(a, "name-it", "what-i-did", "I stayed at work.")
    set_answer_shared(a, "name-it", "what-i-did", True)
    mark_shared_seen(_access(bob, couple))
    set_answer_shared(a, "name-it", "what-i-did", False)
    set_answer_shared(a, "name-it", "what-i-did", True)
    assert "shares" not in _kinds(bob, couple)


# ---------------------------------------------------------------- check-ins, confirmations, disputes


def test_a_check_in_waits_for_bobs_confirmation_until_he_gives_it(alice: User, bob: User, couple: Any) -> None:
    check_in = _commitment_with_check_in(alice, couple)
    assert _kinds(bob, couple)["confirm"].url == reverse("trust_confirm", args=[couple.pk])
    trust.confirm_check_in(_access(bob, couple), check_in.pk)
    assert "confirm" not in _kinds(bob, couple)


def test_a_dispute_waits_for_whoever_has_not_had_the_last_word(alice: User, bob: User, couple: Any) -> None:
    check_in = _commitment_with_check_in(alice, couple)
    trust.dispute_check_in(_access(bob, couple), check_in.pk, "You came home at ten.")
    assert "disputes" in _kinds(alice, couple) and "disputes" not in _kinds(bob, couple)
    trust.add_dispute_message(_access(alice, couple), check_in.pk, "I called at eight.")
    assert "disputes" not in _kinds(alice, couple) and "disputes" in _kinds(bob, couple)


def test_due_check_ins_wait_for_their_author(alice: User, couple: Any) -> None:
    a = _access(alice, couple)
    day = trust.today_for(alice.pk)
    trust.add_commitment(a, text="I will call at lunch.", schedule=trust.ScheduleInput("daily"), start=day)
    assert _kinds(alice, couple)["check_ins"].url == reverse("trust_checkins", args=[couple.pk])


# ---------------------------------------------------------------- the pause, and leaving


def test_a_pause_hides_everything_of_the_partner_and_every_closed_page(alice: User, bob: User, couple: Any) -> None:
    a = _access(alice, couple)
    save_answer(a, "name-it", "what-i-did", "I stayed at work.")
    set_answer_shared(a, "name-it", "what-i-did", True)
    trust.ask_question(_access(bob, couple), "Why?")
    _commitment_with_check_in(alice, couple)
    day = trust.today_for(alice.pk) - timedelta(days=2)
    trust.add_commitment(a, text="I will call at lunch.", schedule=trust.ScheduleInput("daily"), start=day)
    assert {"shares", "questions", "confirm", "check_ins"} <= set(_kinds(alice, couple)) | set(_kinds(bob, couple))
    pause(_access(bob, couple))
    for user in (alice, bob):
        assert set(_kinds(user, couple)) <= {"step", "questionnaire"}, user


def test_nothing_of_someone_who_left_is_waiting(alice: User, bob: User, couple: Any) -> None:
    trust.ask_question(_access(bob, couple), "Why?")
    leave_repair(_access(bob, couple))
    assert "questions" not in _kinds(alice, couple)


# ---------------------------------------------------------------- the journey


def test_the_next_journey_step_is_waiting(alice: User, couple: Any) -> None:
    item = _kinds(alice, couple)["step"]
    assert item.url == reverse("step", args=[couple.pk, "name-it"])


def test_a_finished_journey_leads_to_commitments_until_one_is_made(alice: User, couple: Any) -> None:
    a = _access(alice, couple)
    for step in load_track("offender").steps:
        set_step_done(a, step.slug, True)
    kinds = _kinds(alice, couple)
    assert "step" not in kinds and kinds["next"].url == reverse("trust_commitments", args=[couple.pk])
    trust.add_commitment(
        a, text="I will call at lunch.", schedule=trust.ScheduleInput("daily"), start=trust.today_for(0)
    )
    assert "next" not in _kinds(alice, couple)


def test_marking_the_last_step_done_opens_commitments(as_alice: Client, alice: User, couple: Any) -> None:
    steps = load_track("offender").steps
    for step in steps[:-1]:
        set_step_done(_access(alice, couple), step.slug, True)
    last = steps[-1]
    data = {f"answer-{p.slug}": "I will ask for help." for p in last.prompts} | {"action": "done"}
    response = as_alice.post(reverse("step", args=[couple.pk, last.slug]), data)
    assert response.status_code == 302 and response["Location"] == reverse("trust_commitments", args=[couple.pk])


# ---------------------------------------------------------------- pages


def test_alices_home_lists_bobs_question_with_a_link_to_answer_it(as_alice: Client, bob: User, couple: Any) -> None:
    q = trust.ask_question(_access(bob, couple), "Why did you not call?")
    page = as_alice.get(reverse("home")).content.decode()
    assert "A question from your partner is waiting for your answer." in page
    assert f'href="{reverse("trust_question", args=[couple.pk, q.pk])}"' in page
    assert "Why did you not call?" not in page  # labels never quote anyone's writing


def test_the_repair_page_and_the_dashboard_show_the_same_list(as_bob: Client, alice: User, couple: Any) -> None:
    _commitment_with_check_in(alice, couple)
    label = "One of your partner's check-ins to confirm or dispute."
    for name in ("repair", "trust_dashboard"):
        assert label in html.unescape(as_bob.get(reverse(name, args=[couple.pk])).content.decode()), name
    assert label in as_bob.get(reverse("api_trust_dashboard", args=[couple.pk])).json()["reminders"]


def test_waiting_for_covers_every_repair_and_only_the_persons_own(
    alice: User, bob: User, charlie: User, couple: Any, charlie_repair: Any
) -> None:
    assert [w.access.repair.pk for w in waiting_for(alice)] == [couple.pk]
    assert [w.access.repair.pk for w in waiting_for(charlie)] == [charlie_repair.pk]


def test_charlie_never_sees_the_couples_waiting_items(as_charlie: Client, bob: User, couple: Any) -> None:
    trust.ask_question(_access(bob, couple), "Why did you not call?")
    assert "waiting for your answer" not in as_charlie.get(reverse("home")).content.decode()
    assert as_charlie.get(reverse("repair", args=[couple.pk])).status_code == 404
