"""Two partners, one repair: invitations, joining, leaving, and sharing on purpose, with the cast."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from amends.services.access import partner_shared_answers, repair_access, visible_answers
from amends.services.partners import (
    CODE_ALPHABET,
    InvitationError,
    accept_invitation,
    create_invitation,
    hash_code,
    leave_repair,
    set_answer_shared,
)
from amends.services.repairs import save_answer, save_apology_draft
from amends.web.partners.models import Invitation
from amends.web.repairs.models import ApologyDraft, JourneyAnswer, Membership

ALICE_PRIVATE = "My private reflection: I was scared of the deadline."
ALICE_SHARED = "I missed your birthday dinner and did not call."
BOB_PRIVATE = "Doubt: I am not sure I can trust this again."
BOB_QUESTION = "Why did you not call me?"


def _invite(repair: Any) -> str:
    return create_invitation(repair_access(repair.created_by, repair.pk)).code


@pytest.fixture
def written(alice: User, bob: User, alice_repair: Any, joined_bob: Any) -> dict[str, Any]:
    alice_access, bob_access = repair_access(alice, alice_repair.pk), repair_access(bob, alice_repair.pk)
    save_answer(alice_access, "look-inward", "what-set-me-up", ALICE_PRIVATE)
    save_answer(alice_access, "name-it", "what-i-did", ALICE_SHARED)
    set_answer_shared(alice_access, "name-it", "what-i-did", True)
    save_answer(bob_access, "my-pace", "doubts", BOB_PRIVATE)
    save_answer(bob_access, "my-questions", "questions", BOB_QUESTION)
    set_answer_shared(bob_access, "my-questions", "questions", True)
    return {"alice": alice_access, "bob": bob_access}


# Invitations ---------------------------------------------------------------------------------


def test_an_invitation_code_is_eight_unambiguous_characters_and_only_its_hash_is_stored(alice_repair: Any) -> None:
    code = _invite(alice_repair)
    assert len(code) == 8 and all(ch in CODE_ALPHABET for ch in code)
    assert not set(code) & set("01OIL")
    row = Invitation.objects.get()
    assert code not in row.code_hash and len(row.code_hash) == 64
    assert row.expires_at - timezone.now() > timedelta(days=6, hours=23)


def test_the_invited_partner_joins_in_the_other_role(bob: User, alice_repair: Any) -> None:
    code = _invite(alice_repair)
    accept_invitation(bob, f" {code[:4].lower()}-{code[4:]} ")
    assert Membership.objects.get(repair=alice_repair, user=bob).role == "hurt"


def test_a_code_works_only_once(bob: User, charlie: User, alice_repair: Any) -> None:
    code = _invite(alice_repair)
    accept_invitation(bob, code)
    with pytest.raises(InvitationError, match="already been used") as exc:
        accept_invitation(charlie, code)
    assert exc.value.status == 410
    assert not Membership.objects.filter(user=charlie, repair=alice_repair).exists()


def test_an_expired_code_is_refused(bob: User, alice_repair: Any) -> None:
    code = _invite(alice_repair)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(InvitationError, match="expired"):
        accept_invitation(bob, code)
    assert Membership.objects.filter(repair=alice_repair).count() == 1


def test_a_revoked_code_is_refused(as_alice: Client, bob: User, alice_repair: Any) -> None:
    code = _invite(alice_repair)
    invitation = Invitation.objects.get()
    as_alice.post(reverse("invitation_revoke", args=[alice_repair.pk, invitation.pk]))
    with pytest.raises(InvitationError, match="withdrawn"):
        accept_invitation(bob, code)


def test_a_new_invitation_withdraws_the_older_one(bob: User, alice_repair: Any) -> None:
    old = _invite(alice_repair)
    _invite(alice_repair)
    with pytest.raises(InvitationError, match="withdrawn"):
        accept_invitation(bob, old)


def test_a_third_person_cannot_join_a_full_repair(
    as_charlie: Client, charlie: User, alice_repair: Any, joined_bob: Any
) -> None:
    invitation = Invitation.objects.get()
    invitation.used_at = None  # even a code that somehow still works must not seat a third person
    invitation.save()
    code = "ABCDEFGH"
    Invitation.objects.filter(pk=invitation.pk).update(code_hash=hash_code(code))
    response = as_charlie.post(reverse("join"), {"code": code})
    assert response.status_code == 409
    assert b"already has two people" in response.content
    assert Membership.objects.filter(repair=alice_repair).count() == 2


def test_joining_with_an_unknown_code_says_so_and_keeps_the_text(as_charlie: Client, alice_repair: Any) -> None:
    response = as_charlie.post(reverse("join"), {"code": "zzzz-zzzz"})
    assert response.status_code == 404
    assert b"No invitation has that code" in response.content and b"zzzz-zzzz" in response.content


def test_a_malformed_code_gets_a_400_with_advice(as_charlie: Client) -> None:
    response = as_charlie.post(reverse("join"), {"code": "hello!"})
    assert response.status_code == 400 and b"like ABCD-EFGH" in response.content


def test_the_owner_cannot_join_her_own_invitation_twice(alice: User, alice_repair: Any) -> None:
    code = _invite(alice_repair)
    assert accept_invitation(alice, code) == alice_repair
    assert Membership.objects.filter(repair=alice_repair).count() == 1
    assert Invitation.objects.get().used_at is None


def test_bob_joins_through_the_web_with_a_typed_code(as_alice: Client, as_bob: Client, alice_repair: Any) -> None:
    page = as_alice.post(reverse("partner_invite", args=[alice_repair.pk]))
    code = page.context["new"].display_code
    assert code.encode() in page.content
    response = as_bob.post(reverse("join"), {"code": code})
    assert response.status_code == 302 and response["Location"] == reverse("welcome", args=[alice_repair.pk])
    assert as_bob.get(reverse("repair", args=[alice_repair.pk])).status_code == 200


def test_the_invitation_link_prefills_the_code(as_bob: Client) -> None:
    assert b'value="ABCD2345"' in as_bob.get(reverse("join") + "?code=ABCD2345").content


def test_joining_is_rate_limited(as_charlie: Client, settings: Any) -> None:
    settings.AMENDS_RATE_LIMITS = {"join": (3, 60)}
    statuses = [as_charlie.post(reverse("join"), {"code": "ABCD-EFGH"}).status_code for _ in range(4)]
    assert statuses == [404, 404, 404, 429]


def test_solo_use_does_not_ask_to_invite_on_the_repair_page(as_alice: Client, alice_repair: Any) -> None:
    page = as_alice.get(reverse("repair", args=[alice_repair.pk])).content.decode()
    assert "invite" not in page.lower()


# Leaving -------------------------------------------------------------------------------------


def test_leaving_removes_access_and_unshares_but_keeps_the_leavers_items(
    written: dict[str, Any], as_bob: Client, bob: User, alice_repair: Any
) -> None:
    response = as_bob.post(reverse("partner_leave", args=[alice_repair.pk]))
    assert response.status_code == 302
    assert as_bob.get(reverse("repair", args=[alice_repair.pk])).status_code == 404
    kept = JourneyAnswer.objects.get(author=bob, prompt="questions")
    assert kept.text == BOB_QUESTION and not kept.shared
    assert not partner_shared_answers(written["alice"]).exists()


def test_the_only_member_cannot_leave(alice: User, alice_repair: Any) -> None:
    from amends.services.errors import InvalidInput

    with pytest.raises(InvalidInput):
        leave_repair(repair_access(alice, alice_repair.pk))
    assert Membership.objects.filter(repair=alice_repair).exists()


# Sharing -------------------------------------------------------------------------------------


def test_bob_sees_only_what_alice_shared(written: dict[str, Any]) -> None:
    texts = {a.text for a in visible_answers(written["bob"])}
    assert ALICE_SHARED in texts and BOB_PRIVATE in texts
    assert ALICE_PRIVATE not in texts


def test_alice_sees_only_what_bob_shared(written: dict[str, Any]) -> None:
    texts = {a.text for a in partner_shared_answers(written["alice"])}
    assert texts == {BOB_QUESTION}


def test_the_shared_view_shows_the_partners_shared_items_and_never_private_ones(
    written: dict[str, Any], as_alice: Client, as_bob: Client, alice_repair: Any
) -> None:
    url = reverse("shared_view", args=[alice_repair.pk])
    bob_page, alice_page = as_bob.get(url).content.decode(), as_alice.get(url).content.decode()
    assert ALICE_SHARED in bob_page and ALICE_PRIVATE not in bob_page
    assert BOB_QUESTION in alice_page and BOB_PRIVATE not in alice_page


def test_no_page_of_bobs_shows_alices_private_reflection(
    written: dict[str, Any], as_bob: Client, alice_repair: Any
) -> None:
    from amends.journey import load_track

    urls = [reverse("repair", args=[alice_repair.pk]), reverse("shared_view", args=[alice_repair.pk]), reverse("home")]
    urls += [reverse("step", args=[alice_repair.pk, s.slug]) for s in load_track("hurt").steps]
    for url in urls:
        assert ALICE_PRIVATE.encode() not in as_bob.get(url).content, url


def test_sharing_from_the_step_page_keeps_the_typed_text_and_can_be_undone(
    as_alice: Client, alice_repair: Any, joined_bob: Any, as_bob: Client
) -> None:
    url = reverse("share_answer", args=[alice_repair.pk, "name-it"]) + "?prompt=what-i-did"
    response = as_alice.post(url, {"answer-what-i-did": ALICE_SHARED, "answer-what-i-said-i-would": "", "shared": "1"})
    assert response.status_code == 302
    shared = reverse("shared_view", args=[alice_repair.pk])
    assert ALICE_SHARED.encode() in as_bob.get(shared).content
    step_page = as_alice.get(reverse("step", args=[alice_repair.pk, "name-it"])).content
    assert b"Stop sharing" in step_page and b"Shared with your partner." in step_page
    as_alice.post(url, {"shared": "0"})
    assert ALICE_SHARED.encode() not in as_bob.get(shared).content


def test_an_empty_answer_cannot_be_shared(as_alice: Client, alice_repair: Any) -> None:
    url = reverse("share_answer", args=[alice_repair.pk, "name-it"]) + "?prompt=what-i-did"
    as_alice.post(url, {"shared": "1"})
    assert not JourneyAnswer.objects.filter(shared=True).exists()


def test_alice_delivers_a_version_of_her_apology_and_bob_sees_only_that_one(
    alice: User, alice_repair: Any, joined_bob: Any, as_alice: Client, as_bob: Client
) -> None:
    access = repair_access(alice, alice_repair.pk)
    first = save_apology_draft(access, "I'm sorry you felt upset.")
    second = save_apology_draft(access, "I am sorry I missed your birthday dinner. It hurt you and it was my doing.")
    as_alice.post(reverse("share_draft", args=[alice_repair.pk, second.pk]), {"shared": "1"})
    page = as_bob.get(reverse("shared_view", args=[alice_repair.pk])).content.decode()
    assert "It hurt you and it was my doing" in page and first.text not in page


def test_a_member_cannot_share_someone_elses_item(
    written: dict[str, Any], as_bob: Client, alice: User, alice_repair: Any
) -> None:
    draft = save_apology_draft(written["alice"], "A private draft I am not ready to give.")
    response = as_bob.post(reverse("share_draft", args=[alice_repair.pk, draft.pk]), {"shared": "1"})
    assert response.status_code == 404
    response = as_bob.post(
        reverse("share_answer", args=[alice_repair.pk, "look-inward"]) + "?prompt=what-set-me-up", {"shared": "1"}
    )
    assert response.status_code == 404
    assert not ApologyDraft.objects.get(pk=draft.pk).shared
    assert not JourneyAnswer.objects.get(author=alice, prompt="what-set-me-up").shared


def test_charlie_gets_404_on_the_couples_partner_pages(
    written: dict[str, Any], as_charlie: Client, charlie_repair: Any, alice_repair: Any
) -> None:
    draft = save_apology_draft(written["alice"], "I am sorry.")
    for url in [
        reverse("partner", args=[alice_repair.pk]),
        reverse("shared_view", args=[alice_repair.pk]),
        reverse("partner_leave", args=[alice_repair.pk]),
    ]:
        assert as_charlie.get(url).status_code == 404
    assert as_charlie.post(reverse("share_draft", args=[alice_repair.pk, draft.pk]), {"shared": "1"}).status_code == 404
    assert as_charlie.post(reverse("partner_invite", args=[alice_repair.pk])).status_code == 404
    assert not ApologyDraft.objects.get(pk=draft.pk).shared


def test_charlie_cannot_revoke_alices_invitation_through_his_own_repair(
    as_charlie: Client, alice_repair: Any, charlie_repair: Any
) -> None:
    _invite(alice_repair)
    invitation = Invitation.objects.get()
    response = as_charlie.post(reverse("invitation_revoke", args=[charlie_repair.pk, invitation.pk]))
    assert response.status_code == 404 and Invitation.objects.get().revoked_at is None


def test_shared_view_shows_commitments_check_ins_and_questions_to_both(
    as_alice: Any, joined_bob: Any, alice_repair: Any
) -> None:
    from datetime import date

    from amends.web.trust.models import CheckIn, Commitment, Question

    commitment = Commitment.objects.create(
        repair=alice_repair,
        author=alice_repair.created_by,
        text="Text Bob if I will be more than 30 minutes late.",
        start=date(2026, 11, 1),
    )
    CheckIn.objects.create(repair=alice_repair, commitment=commitment, on=date(2026, 11, 2), status="kept")
    Question.objects.create(repair=alice_repair, asked_by=joined_bob.user, text="Who else knew?")
    as_bob = Client()
    as_bob.force_login(joined_bob.user)
    for client in (as_alice, as_bob):
        html = client.get(reverse("shared_view", args=[alice_repair.pk])).content.decode()
        assert "more than 30 minutes late" in html and "Who else knew?" in html and "not yet confirmed" in html
        # The day's status leads, and a commitment that ends in a full stop is not followed by a colon.
        assert "<strong>Kept</strong> on 2 Nov: Text Bob" in html and "late.:" not in html


def test_sharing_a_prompt_with_a_nul_byte_is_a_clean_404(as_alice: Client, alice_repair: Any) -> None:
    url = reverse("share_answer", args=[alice_repair.pk, "name-it"]) + "?prompt=what-i-did%00"
    assert as_alice.post(url, {"shared": "0"}).status_code == 404


def test_the_partner_who_joined_sees_the_kind_of_mistake_once_at_the_top(alice_repair: Any, joined_bob: Any) -> None:
    as_bob = Client()
    as_bob.force_login(joined_bob.user)
    html = as_bob.get(reverse("repair", args=[alice_repair.pk])).content.decode()
    # Their heading is the kind of mistake (the title is alice's own), so the line under it does not repeat it.
    assert "<h1>A broken promise</h1>" in html and '<p class="small">A broken promise · ' not in html


def test_the_welcome_page_greets_the_partner_who_joined_and_sends_the_creator_to_the_repair(
    as_alice: Client, alice_repair: Any, joined_bob: Any
) -> None:
    response = as_alice.get(reverse("welcome", args=[alice_repair.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("repair", args=[alice_repair.pk])
    as_bob = Client()
    as_bob.force_login(joined_bob.user)
    assert "You have joined" in as_bob.get(reverse("welcome", args=[alice_repair.pk])).content.decode()
