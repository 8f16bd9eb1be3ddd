"""Guided conversations with the cast: alice (made the mistake), bob (her partner), charlie (outsider, 404)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from amends.services import access as rules
from amends.services import trust
from amends.services.access import repair_access
from amends.services.conversations import start_conversation
from amends.services.privacy import export_data
from amends.web.accounts.models import Profile
from amends.web.conversations.models import Conversation
from tests.web.test_plain_pages import INTERNAL

pytestmark = pytest.mark.django_db

PRIVATE = "Private: I was already angry about work before we started."
SHOWN = "I felt alone when you left the room."


def _step(run: Conversation, slug: str) -> str:
    return reverse("conversation_step", args=[run.repair_id, run.pk, slug])


def _turn(client: Client, run: Conversation, action: str, text: str = "", box: str = "reality") -> Any:
    return client.post(
        reverse("conversation_turn", args=[run.repair_id, run.pk]), {"action": action, "text": text, "box": box}
    )


@pytest.fixture
def fight(alice: Any, alice_repair: Any) -> Conversation:
    return start_conversation(repair_access(alice, alice_repair.pk), "after-a-fight")


def test_starting_a_conversation_from_the_list_opens_its_first_step(as_alice: Client, alice_repair: Any) -> None:
    listing = as_alice.get(reverse("conversations", args=[alice_repair.pk]))
    assert "After a fight" in listing.content.decode() and "Time-out when flooded" in listing.content.decode()
    response = as_alice.post(reverse("conversation_start", args=[alice_repair.pk]), {"kind": "after-a-fight"})
    run = Conversation.objects.get()
    assert response.status_code == 302 and response["Location"] == _step(run, "feelings")
    assert run.together and run.started_by == alice_repair.created_by


def test_an_unknown_conversation_cannot_be_started(as_alice: Client, alice_repair: Any) -> None:
    response = as_alice.post(reverse("conversation_start", args=[alice_repair.pk]), {"kind": "nonsense"}, follow=True)
    assert "Choose one of the conversations listed." in response.content.decode()
    assert not Conversation.objects.exists()


def test_charlie_gets_404_on_every_page_of_alices_conversation(
    as_charlie: Client, fight: Conversation, charlie_repair: Any
) -> None:
    pk, rid = fight.pk, fight.repair_id
    urls = [
        reverse("conversations", args=[rid]),
        reverse("conversation", args=[rid, pk]),
        _step(fight, "feelings"),
        reverse("conversation_turn", args=[rid, pk]),
        reverse("conversation_agreement", args=[rid, pk]),
        reverse("conversation_timer", args=[rid, pk]),
        # His own repair's id with her conversation's id is no way in either.
        reverse("conversation", args=[charlie_repair.pk, pk]),
        reverse("conversation_step", args=[charlie_repair.pk, pk, "feelings"]),
    ]
    for url in urls:
        assert as_charlie.get(url).status_code in {404, 405}, url
        assert as_charlie.post(url, {"answer-felt-more": "x", "action": "send", "text": "x"}).status_code == 404, url
    assert not fight.entries.exists()


def test_alice_prepares_after_a_fight_alone_before_bob_has_joined(as_alice: Client, fight: Conversation) -> None:
    response = as_alice.post(_step(fight, "feelings"), {"answer-felt": ["hurt", "alone"], "action": "next"})
    assert response["Location"] == _step(fight, "realities")
    page = as_alice.get(_step(fight, "realities")).content.decode()
    assert "Your partner has not joined yet" in page and "Send my side to my partner" not in page
    assert _turn(as_alice, fight, "save", "I came home tired and the dishes set me off.").status_code == 302
    refused = _turn(as_alice, fight, "send", "I came home tired.")
    assert "Your partner has not joined yet" in refused.content.decode()


def test_bob_sees_only_the_boxes_alice_chose_to_show(
    as_alice: Client, as_bob: Client, fight: Conversation, joined_bob: Any
) -> None:
    as_alice.post(
        _step(fight, "my-part"),
        {"answer-set-me-up": PRIVATE, "answer-regret": SHOWN, "show-regret": "on", "action": "save"},
    )
    bobs = as_bob.get(_step(fight, "my-part")).content.decode()
    assert SHOWN in bobs and PRIVATE not in bobs
    assert PRIVATE in as_alice.get(_step(fight, "my-part")).content.decode()
    # Unticking takes it back.
    as_alice.post(_step(fight, "my-part"), {"answer-set-me-up": PRIVATE, "answer-regret": SHOWN, "action": "save"})
    assert SHOWN not in as_bob.get(_step(fight, "my-part")).content.decode()


def test_a_conversation_one_person_prepares_alone_is_never_seen_by_the_partner(
    alice: Any, alice_repair: Any, as_bob: Client, joined_bob: Any, as_alice: Client
) -> None:
    run = start_conversation(repair_access(alice, alice_repair.pk), "apology-in-person")
    as_alice.post(_step(run, "prepare"), {"answer-core": "I stayed at work and did not call.", "action": "save"})
    assert as_bob.get(_step(run, "prepare")).status_code == 404
    assert "Delivering the apology" not in as_bob.get(reverse("conversations", args=[alice_repair.pk])).content.decode()
    refused = as_alice.post(_step(run, "prepare"), {"answer-core": "x", "show-core": "on", "action": "save"})
    assert "Only you see this conversation" in refused.content.decode()
    assert not run.entries.filter(shared=True).exists()


def test_both_take_turns_over_their_realities_and_end_with_a_shared_agreement(
    as_alice: Client, as_bob: Client, fight: Conversation, joined_bob: Any
) -> None:
    # alice started, so she tells first; bob cannot send yet.
    assert "your partner's turn" in _turn(as_bob, fight, "send", "me first").content.decode().lower()
    _turn(as_alice, fight, "send", "I felt dismissed when you looked at your phone.")
    bobs = as_bob.get(_step(fight, "realities")).content.decode()
    assert "I felt dismissed when you looked at your phone." in bobs and "What I understood" in bobs
    _turn(as_bob, fight, "send", "You felt I did not care because I was on my phone.", box="summary")
    alices = as_alice.get(_step(fight, "realities")).content.decode()
    assert "You felt I did not care" in alices and "Yes, that's it" in alices
    _turn(as_alice, fight, "yes")
    # The roles swap: bob tells, alice summarizes, bob confirms.
    assert "Your turn to tell your side" in as_bob.get(_step(fight, "realities")).content.decode()
    _turn(as_bob, fight, "send", "I was worried about my mother and felt nagged.")
    _turn(as_alice, fight, "send", "You were worried and my questions felt like nagging.", box="summary")
    _turn(as_bob, fight, "yes")
    fight.refresh_from_db()
    assert fight.turn == 2
    assert "You have both been heard" in as_alice.get(_step(fight, "realities")).content.decode()
    # A plan: alice proposes, bob agrees; both see the shared note.
    agreement = reverse("conversation_agreement", args=[fight.repair_id, fight.pk])
    as_alice.post(agreement, {"action": "propose", "text": "Phones away when we talk about the week."})
    note = fight.notes.get()
    assert as_alice.post(agreement, {"action": "agree", "note": note.pk}).status_code == 422  # not her own wording
    as_bob.post(agreement, {"action": "agree", "note": note.pk})
    fight.refresh_from_db()
    assert fight.agreed_note == note and fight.agreed_at is not None
    for client in (as_alice, as_bob):
        page = client.get(_step(fight, "plan")).content.decode()
        assert "You both agreed" in page and "Phones away when we talk about the week." in page


def test_not_quite_sends_the_summary_back_with_what_was_missed(
    as_alice: Client, as_bob: Client, fight: Conversation, joined_bob: Any
) -> None:
    _turn(as_alice, fight, "send", "I felt dismissed.")
    _turn(as_bob, fight, "send", "You were annoyed.", box="summary")
    _turn(as_alice, fight, "not-quite", "It was more lonely than annoyed.")
    fight.refresh_from_db()
    assert (fight.turn, fight.phase) == (0, "summarize")
    page = as_bob.get(_step(fight, "realities")).content.decode()
    assert "It was more lonely than annoyed." in page and "You were annoyed." in page  # his text kept to revise


def test_pause_hides_everything_of_the_partner_and_nothing_new_is_shown(
    alice: Any, as_alice: Client, as_bob: Client, fight: Conversation, joined_bob: Any, bob: Any
) -> None:
    as_alice.post(_step(fight, "triggers"), {"answer-escalated": SHOWN, "show-escalated": "on", "action": "save"})
    rules.pause(repair_access(bob, fight.repair_id))
    assert as_bob.get(_step(fight, "triggers")).status_code == 404  # alice's run and words are hidden from him
    assert "by your partner" not in as_bob.get(reverse("conversations", args=[fight.repair_id])).content.decode()
    # alice may still write for herself, but nothing new reaches bob.
    already = {"answer-escalated": SHOWN, "show-escalated": "on"}  # unchanged, so nothing new reaches him
    ok = as_alice.post(_step(fight, "triggers"), {**already, "answer-older": "Just for me.", "action": "save"})
    assert ok.status_code == 302
    refused = as_alice.post(
        _step(fight, "triggers"), {**already, "answer-older": "New words", "show-older": "on", "action": "save"}
    )
    assert refused.status_code == 200 and "New words" in refused.content.decode()
    assert _turn(as_alice, fight, "send", "My side").status_code == 422
    rules.resume(repair_access(bob, fight.repair_id))
    assert SHOWN in as_bob.get(_step(fight, "triggers")).content.decode()
    assert "New words" not in as_bob.get(_step(fight, "triggers")).content.decode()


def test_an_abandoned_conversation_keeps_what_was_written_and_resumes_where_it_stopped(
    as_alice: Client, alice_repair: Any
) -> None:
    as_alice.post(reverse("conversation_start", args=[alice_repair.pk]), {"kind": "apology-in-person"})
    run = Conversation.objects.get()
    as_alice.post(_step(run, "prepare"), {"answer-core": "I broke my promise.", "action": "next"})
    as_alice.post(_step(run, "when-where"), {"answer-when": "Saturday morning", "answer-where": "", "action": "next"})
    # She closes the browser here. Days later the list offers to continue, at the last step she wrote in.
    listing = as_alice.get(reverse("conversations", args=[alice_repair.pk])).content.decode()
    assert "Continue" in listing and "In progress" in listing
    resumed = as_alice.get(reverse("conversation", args=[alice_repair.pk, run.pk]))
    assert resumed["Location"] == _step(run, "when-where")
    assert "Saturday morning" in as_alice.get(resumed["Location"]).content.decode()
    assert "I broke my promise." in as_alice.get(_step(run, "prepare")).content.decode()


def test_a_refused_save_says_what_to_do_and_keeps_what_was_typed(as_alice: Client, fight: Conversation) -> None:
    long = "word " * 2_000
    response = as_alice.post(
        _step(fight, "triggers"), {"answer-escalated": long, "answer-older": "kept", "action": "save"}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "the limit is 8,000" in html and "Shorten it" in html
    assert "kept" in html and not fight.entries.exists()


def test_crisis_words_in_a_box_bring_the_safety_banner_for_the_writer(as_alice: Client, fight: Conversation) -> None:
    response = as_alice.post(
        _step(fight, "triggers"),
        {"answer-escalated": "I want to kill myself after fights.", "action": "save"},
        follow=True,
    )
    assert 'class="safety-banner"' in response.content.decode()


def test_the_time_out_shows_when_to_come_back_without_javascript(
    alice: Any, alice_repair: Any, as_alice: Client, frozen_rate_clock: Any
) -> None:
    Profile.objects.update_or_create(user=alice, defaults={"timezone": "Europe/Berlin"})
    run = start_conversation(repair_access(alice, alice_repair.pk), "time-out")
    before = as_alice.get(_step(run, "breathe")).content.decode()
    assert "Breathe in slowly" in before and "Come back at" not in before
    frozen_rate_clock.now = datetime(2026, 3, 2, 19, 40, tzinfo=UTC)
    as_alice.post(reverse("conversation_timer", args=[alice_repair.pk, run.pk]))
    page = as_alice.get(_step(run, "breathe")).content.decode()
    assert "Come back at 21:00." in page  # 19:40 UTC + 20 minutes, in Berlin
    assert "timeout.js" in page and "<script>" not in page


def test_the_guide_shows_every_conversation_and_a_time_out_timer_without_an_account(
    db: Any, frozen_rate_clock: Any
) -> None:
    assert "Hard questions after an affair" in Client().get(reverse("guide_conversations")).content.decode()
    frozen_rate_clock.now = datetime(2026, 3, 2, 8, 5, tzinfo=UTC)
    page = Client().get(reverse("guide_conversation", args=["time-out"]), {"timer": "start"}).content.decode()
    assert "Come back at 08:25." in page
    assert Client().get(reverse("guide_conversation", args=["nope"])).status_code == 404
    assert reverse("guide_conversations") in Client().get(reverse("guide")).content.decode()


def test_the_repair_page_links_to_the_conversations(as_alice: Client, alice_repair: Any) -> None:
    html = as_alice.get(reverse("repair", args=[alice_repair.pk])).content.decode()
    assert reverse("conversations", args=[alice_repair.pk]) in html
    assert reverse("shame_page", args=[alice_repair.pk]) in html


def test_the_apology_in_person_links_to_the_coach_and_is_offered_to_the_one_apologizing_only(
    alice: Any, alice_repair: Any, as_alice: Client, as_bob: Client, joined_bob: Any
) -> None:
    run = start_conversation(repair_access(alice, alice_repair.pk), "apology-in-person")
    assert reverse("step", args=[alice_repair.pk, "apologize"]) in as_alice.get(_step(run, "prepare")).content.decode()
    bobs = as_bob.get(reverse("conversations", args=[alice_repair.pk])).content.decode()
    assert "Delivering the apology in person" not in bobs and "Hard questions after an affair" in bobs


def test_hard_questions_lists_the_partners_waiting_questions_with_a_way_to_set_the_date(
    alice: Any, bob: Any, alice_repair: Any, as_alice: Client, joined_bob: Any
) -> None:
    question = trust.ask_question(repair_access(bob, alice_repair.pk), "Is it really over?")
    run = start_conversation(repair_access(alice, alice_repair.pk), "hard-questions")
    page = as_alice.get(_step(run, "time-to-think")).content.decode()
    assert "Is it really over?" in page and reverse("trust_question", args=[alice_repair.pk, question.pk]) in page
    # The date is set on the question itself, from this page, through the Questions feature.
    form_target = reverse("trust_question", args=[alice_repair.pk, question.pk])
    # Three weeks ahead of today: a fixed date would have passed, and the question turned "waiting".
    by = trust.today_for(alice.pk) + timedelta(weeks=3)
    as_alice.post(form_target, {"text": "", "answer_by": by.isoformat(), "action": "think"})
    question.refresh_from_db()
    assert question.status == "thinking" and question.answer_by == by
    said = f"you said by {by.day} {by:%b %Y}"
    assert said in as_alice.get(_step(run, "time-to-think")).content.decode()
    saved = as_alice.post(_step(run, "time-to-think"), {"answer-by-when": "03/12/2026", "action": "save"})
    assert "Give the date as YYYY-MM-DD" in saved.content.decode()


def test_the_shame_page_is_the_offenders_own_and_asks_nothing_of_the_partner(
    as_alice: Client, as_bob: Client, alice_repair: Any, joined_bob: Any, as_charlie: Client
) -> None:
    html = as_alice.get(reverse("shame_page", args=[alice_repair.pk])).content.decode()
    assert "Guilt and shame are not the same" in html and "not the right person to soothe your shame" in html
    assert as_bob.get(reverse("shame_page", args=[alice_repair.pk])).status_code == 404
    assert as_charlie.get(reverse("shame_page", args=[alice_repair.pk])).status_code == 404


def test_what_people_write_in_conversations_is_in_their_export(
    alice: Any, bob: Any, as_alice: Client, as_bob: Client, fight: Conversation, joined_bob: Any
) -> None:
    as_alice.post(_step(fight, "triggers"), {"answer-escalated": PRIVATE, "action": "save"})
    as_bob.post(_step(fight, "triggers"), {"answer-escalated": SHOWN, "show-escalated": "on", "action": "save"})
    mine = str(export_data(alice))
    assert PRIVATE in mine and "conversations.conversation" in mine
    assert SHOWN in mine  # what bob showed her, under shared_with_you
    assert PRIVATE not in str(export_data(bob))


def test_no_internal_names_reach_the_pages(as_alice: Client, as_bob: Client, alice: Any, joined_bob: Any) -> None:
    repair = joined_bob.repair
    names = [re.escape(n) for n in INTERNAL] + ["apology_coach", "after_a_fight", "time_out", "need_help"]
    internal = re.compile("|".join(names + ["open-questions", r"\{\{", r"\{%", r"None\b"]), re.I)
    for client, user in ((as_alice, alice), (as_bob, joined_bob.user)):
        for kind in ("after-a-fight", "hard-questions", "time-out") + (
            ("apology-in-person",) if client is as_alice else ()
        ):
            run = start_conversation(repair_access(user, repair.pk), kind)
            steps = [reverse("conversations", args=[repair.pk]), reverse("guide"), reverse("guide_conversations")]
            steps += [reverse("shame_page", args=[repair.pk])] if client is as_alice else []
            for url in steps + [_step(run, step) for step in run_steps(kind)]:
                html = client.get(url).content.decode()
                main = re.sub(r"<[^>]+>", " ", html[html.index("<main") : html.index("</main>")])
                assert not internal.search(main), f"{url}: {internal.search(main)}"


def run_steps(kind: str) -> list[str]:
    from amends.journey.conversations import load_conversation

    script = load_conversation(kind)
    assert script is not None
    return [s.slug for s in script.steps]


def test_when_alice_deletes_her_account_bobs_words_in_her_conversation_stay_his(
    alice: Any, bob: Any, as_bob: Client, fight: Conversation, joined_bob: Any
) -> None:
    from amends.services.privacy import delete_account

    as_bob.post(_step(fight, "triggers"), {"answer-escalated": SHOWN, "action": "save"})
    delete_account(alice, "DELETE")
    assert SHOWN in str(export_data(bob))
    assert as_bob.get(_step(fight, "triggers")).status_code == 404  # the run itself was hers
