"""An invitation kept through sign-up and sign-in, the welcome page, and journey steps that lead on.

The cast: alice made the mistake and invites bob, who was hurt; charlie is an outsider.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from amends.services import trust
from amends.services.access import RepairAccess, pause, repair_access
from amends.services.partners import accept_invitation, create_invitation, set_answer_shared
from amends.services.repairs import save_answer
from amends.web.repairs.models import JourneyAnswer, Membership
from amends.web.trust.models import Question

from .conftest import PASSWORD


def _access(user: User, repair: Any) -> RepairAccess:
    return repair_access(user, repair.pk)


@pytest.fixture
def code(alice: User, alice_repair: Any) -> str:
    return create_invitation(_access(alice, alice_repair)).code


def _sign_up(client: Client, name: str = "bob", next_url: str = "") -> Any:
    data = {"username": name, "password1": PASSWORD, "password2": PASSWORD, "region": "US", "next": next_url}
    return client.post(reverse("signup"), data)


def _continues_to(response: Any) -> str:
    """Where the recovery-codes page shown after sign-up leads on "continue"."""
    assert response.status_code == 200 and b"I have kept them: continue" in response.content
    return str(response.content.decode().split("I have kept them: continue")[0].rsplit('href="', 1)[1].split('"')[0])


# ---------------------------------------------------------------- the invitation survives sign-up and sign-in


def test_an_invitation_opened_signed_out_survives_sign_up(as_anon: Client, alice_repair: Any, code: str) -> None:
    page = as_anon.get(reverse("join") + f"?code={code}")
    assert page.status_code == 200 and b"Create an account" in page.content
    signup = as_anon.get(reverse("signup") + "?next=/join/")
    assert b"Your invitation is kept" in signup.content
    response = _sign_up(as_anon, next_url="/join/")
    assert _continues_to(response) == reverse("welcome", args=[alice_repair.pk])
    bob = User.objects.get(username="bob")
    assert Membership.objects.get(repair=alice_repair, user=bob).role == "hurt"  # joined before "continue"
    welcome = as_anon.get(_continues_to(response))
    assert welcome.status_code == 200 and b"You decide the pace" in welcome.content


def test_an_invitation_opened_signed_out_survives_sign_in(
    as_anon: Client, bob: User, alice_repair: Any, code: str
) -> None:
    as_anon.get(reverse("join") + f"?code={code}")
    login = as_anon.get(reverse("login") + "?next=/join/")
    assert b"Your invitation is kept" in login.content
    assert b'href="/accounts/signup/?next=/join/"' in login.content  # "Create an account" keeps it too
    response = as_anon.post(reverse("login"), {"username": "bob", "password": PASSWORD, "next": "/join/"})
    assert response.status_code == 302 and response["Location"] == reverse("welcome", args=[alice_repair.pk])
    assert Membership.objects.filter(repair=alice_repair, user=bob).exists()


def test_a_used_invitation_says_so_after_sign_up(as_anon: Client, charlie: User, alice_repair: Any, code: str) -> None:
    as_anon.get(reverse("join") + f"?code={code}")
    accept_invitation(charlie, code)
    response = _sign_up(as_anon)
    assert _continues_to(response) == reverse("join")
    assert b"already been used" in response.content
    assert not Membership.objects.filter(repair=alice_repair, user__username="bob").exists()


def test_a_malformed_invitation_link_gets_a_clear_message_and_is_not_kept(db: Any, as_anon: Client) -> None:
    response = as_anon.get(reverse("join") + "?code=not-a-code!")
    assert response.status_code == 400
    assert b"does not hold a working invitation code" in response.content
    assert _continues_to(_sign_up(as_anon)) == reverse("home")


def test_signing_up_without_an_invitation_goes_home(db: Any, as_anon: Client) -> None:
    assert _continues_to(_sign_up(as_anon)) == reverse("home")


def test_a_signed_out_post_to_join_is_sent_to_sign_in(as_anon: Client) -> None:
    response = as_anon.post(reverse("join"), {"code": "ABCD-EFGH"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


# ---------------------------------------------------------------- the welcome page


def test_the_welcome_page_lists_only_what_alice_shared(
    as_bob: Client, alice: User, alice_repair: Any, joined_bob: Any
) -> None:
    url = reverse("welcome", args=[alice_repair.pk])
    a = _access(alice, alice_repair)
    save_answer(a, "name-it", "what-i-did", "I stayed at work and did not call.")
    save_answer(a, "look-inward", "what-set-me-up", "alice's private reasons")
    assert b"Nothing yet" in as_bob.get(url).content
    set_answer_shared(a, "name-it", "what-i-did", True)
    page = as_bob.get(url).content.decode()
    assert "What exactly did I do, or fail to do?" in page
    assert "What set me up to make this mistake?" not in page and "private reasons" not in page


def test_the_welcome_page_shows_nothing_of_alice_while_paused(
    as_bob: Client, alice: User, bob: User, alice_repair: Any, joined_bob: Any
) -> None:
    a = _access(alice, alice_repair)
    save_answer(a, "name-it", "what-i-did", "I stayed at work.")
    set_answer_shared(a, "name-it", "what-i-did", True)
    pause(_access(bob, alice_repair))
    page = as_bob.get(reverse("welcome", args=[alice_repair.pk]))
    assert page.status_code == 200 and b"What exactly did I do" not in page.content


def test_charlie_gets_404_on_the_welcome_page(as_charlie: Client, alice_repair: Any) -> None:
    assert as_charlie.get(reverse("welcome", args=[alice_repair.pk])).status_code == 404


# ---------------------------------------------------------------- steps that lead on


def test_step_one_starts_from_the_description(as_alice: Client, alice_repair: Any) -> None:
    page = as_alice.get(reverse("step", args=[alice_repair.pk, "name-it"])).content.decode()
    assert "stayed at work without calling.</textarea>" in page


def test_a_saved_step_one_is_not_overwritten_by_the_description(
    as_alice: Client, alice: User, alice_repair: Any
) -> None:
    save_answer(_access(alice, alice_repair), "name-it", "what-i-did", "")
    page = as_alice.get(reverse("step", args=[alice_repair.pk, "name-it"])).content.decode()
    assert "stayed at work without calling." not in page.split('id="answer-what-i-did"')[1].split("</textarea>")[0]


def test_the_partner_never_gets_the_description_in_their_step_one(
    as_bob: Client, alice_repair: Any, joined_bob: Any
) -> None:
    page = as_bob.get(reverse("step", args=[alice_repair.pk, "what-happened"])).content.decode()
    assert "stayed at work without calling" not in page


def test_the_rebuild_trust_step_links_to_commitments(as_alice: Client, alice_repair: Any) -> None:
    page = as_alice.get(reverse("step", args=[alice_repair.pk, "rebuild-trust"])).content.decode()
    assert f'href="{reverse("trust_commitments", args=[alice_repair.pk])}"' in page


def test_bob_sends_a_question_from_his_my_questions_step(as_bob: Client, alice_repair: Any, joined_bob: Any) -> None:
    url = reverse("step_ask", args=[alice_repair.pk, "my-questions"])
    response = as_bob.post(url, {"question": "Who else knew?"})
    assert response.status_code == 302
    assert Question.objects.get(repair=alice_repair).text == "Who else knew?"


def test_a_refused_question_from_the_step_keeps_what_bob_typed(
    as_bob: Client, alice_repair: Any, joined_bob: Any
) -> None:
    url = reverse("step_ask", args=[alice_repair.pk, "my-questions"])
    typed = "Why? " * 1000
    response = as_bob.post(url, {"question": typed})
    assert response.status_code == 400 and typed.strip().encode() in response.content
    assert not Question.objects.exists()


def test_the_ask_box_is_only_on_bobs_step_and_not_while_paused(
    as_bob: Client, bob: User, alice_repair: Any, joined_bob: Any
) -> None:
    url = reverse("step", args=[alice_repair.pk, "my-questions"])
    assert b'id="ask-text"' in as_bob.get(url).content
    pause(_access(bob, alice_repair))
    assert b'id="ask-text"' not in as_bob.get(url).content
    assert (
        as_bob.post(reverse("step_ask", args=[alice_repair.pk, "my-questions"]), {"question": "Why?"}).status_code
        == 423
    )


def test_charlie_cannot_ask_in_alices_repair(as_charlie: Client, alice_repair: Any) -> None:
    response = as_charlie.post(reverse("step_ask", args=[alice_repair.pk, "my-questions"]), {"question": "Hi"})
    assert response.status_code == 404 and not Question.objects.exists()


def test_i_still_have_questions_with_words_asks_them(
    as_bob: Client, alice: User, bob: User, alice_repair: Any, joined_bob: Any
) -> None:
    q = trust.ask_question(_access(bob, alice_repair), "Why did you not call?")
    trust.answer_question(_access(alice, alice_repair), q.pk, "I was afraid.")
    answer = q.answers.get()
    page = as_bob.get(reverse("trust_question", args=[alice_repair.pk, q.pk])).content.decode()
    assert 'name="follow_up"' in page
    url = reverse("trust_mark_answer", args=[alice_repair.pk, answer.pk])
    as_bob.post(url, {"helped": "more", "follow_up": "Afraid of what, exactly?"})
    q.refresh_from_db()
    assert q.status == "answered"
    assert Question.objects.get(status="waiting").text == "Afraid of what, exactly?"


def test_i_still_have_questions_without_words_reopens_the_question(
    as_bob: Client, alice: User, bob: User, alice_repair: Any, joined_bob: Any
) -> None:
    q = trust.ask_question(_access(bob, alice_repair), "Why did you not call?")
    trust.answer_question(_access(alice, alice_repair), q.pk, "I was afraid.")
    as_bob.post(reverse("trust_mark_answer", args=[alice_repair.pk, q.answers.get().pk]), {"helped": "more"})
    q.refresh_from_db()
    assert q.status == "waiting" and Question.objects.count() == 1


def test_a_too_long_follow_up_is_refused_and_kept(
    as_bob: Client, alice: User, bob: User, alice_repair: Any, joined_bob: Any
) -> None:
    q = trust.ask_question(_access(bob, alice_repair), "Why did you not call?")
    trust.answer_question(_access(alice, alice_repair), q.pk, "I was afraid.")
    typed = "And then? " * 500
    url = reverse("trust_mark_answer", args=[alice_repair.pk, q.answers.get().pk])
    response = as_bob.post(url, {"helped": "more", "follow_up": typed})
    assert response.status_code == 400 and typed.strip().encode() in response.content
    assert Question.objects.count() == 1 and q.answers.get().helped == ""


def test_the_impact_step_keeps_own_words_beside_the_choices(as_alice: Client, alice: User, alice_repair: Any) -> None:
    url = reverse("step", args=[alice_repair.pk, "impact"])
    data = {"answer-attachment": ["Are you there for me?", "Do I still come first?"], "action": "save"}
    as_alice.post(url, data)
    saved = JourneyAnswer.objects.get(author=alice, prompt="attachment").text
    assert saved.splitlines() == ["Are you there for me?", "Do I still come first?"]
    page = as_alice.get(url).content.decode()
    assert 'id="own-attachment" name="answer-attachment" rows="3">Do I still come first?</textarea>' in page
    assert 'value="Are you there for me?" checked' in page
