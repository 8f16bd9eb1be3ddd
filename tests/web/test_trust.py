"""Trust pages and services with the cast: alice made the mistake, bob was hurt, charlie is an outsider."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from amends.services import questionnaires
from amends.services import trust as service
from amends.services.access import repair_access
from amends.services.errors import InvalidInput
from amends.web.repairs.models import Membership
from amends.web.trust.models import CheckIn, Commitment, Confirmation, Question, QuestionnaireResponse, ScheduleVersion

from .conftest import client_for


@pytest.fixture
def couple(alice_repair: Any, bob: User) -> Any:
    Membership.objects.create(repair=alice_repair, user=bob, role="hurt")
    return alice_repair


@pytest.fixture
def as_bob(bob: User) -> Client:
    return client_for(bob)


def access(user: User, repair: Any) -> Any:
    return repair_access(user, repair.pk)


def today() -> date:
    return service.today_for(0)


@pytest.fixture
def commitment(alice: User, couple: Any) -> Commitment:
    return service.add_commitment(
        access(alice, couple),
        text="I will call if I'll be more than 30 minutes late.",
        schedule=service.ScheduleInput("daily"),
        start=today() - timedelta(days=3),
    )


@pytest.fixture
def check_in(alice: User, couple: Any, commitment: Commitment) -> CheckIn:
    return service.record_check_in(
        access(alice, couple), commitment.pk, on=today() - timedelta(days=1), status="kept"
    ).check_in


# ---------------------------------------------------------------- the cast on every view

PAGES = [
    "trust_dashboard",
    "trust_timeline",
    "trust_commitments",
    "trust_checkins",
    "trust_confirm",
    "trust_questions",
    "trust_notes",
    "trust_questionnaires",
]


@pytest.mark.parametrize("name", PAGES)
def test_both_partners_can_open_every_trust_page(
    as_alice: Client, as_bob: Client, couple: Any, check_in: CheckIn, name: str
) -> None:
    for client in (as_alice, as_bob):
        assert client.get(reverse(name, args=[couple.pk])).status_code == 200


def _outsider_urls(
    repair: Any, c: Commitment, ci: CheckIn, q: Question, r: QuestionnaireResponse
) -> list[tuple[str, str]]:
    pk = repair.pk
    out = [("get", reverse(n, args=[pk])) for n in PAGES]
    out += [
        ("post", reverse(n, args=[pk]))
        for n in PAGES
        if n not in {"trust_dashboard", "trust_timeline", "trust_questionnaires"}
    ]
    out += [
        ("get", reverse("trust_chart_svg", args=[pk, "heatmap"])),
        ("get", reverse("trust_commitment_edit", args=[pk, c.pk])),
        ("post", reverse("trust_commitment_check", args=[pk])),
        ("post", reverse("trust_dispute_message", args=[pk, ci.pk])),
        ("get", reverse("trust_question", args=[pk, q.pk])),
        ("post", reverse("trust_mark_answer", args=[pk, 1])),
        ("get", reverse("trust_questionnaire", args=[pk, "csi4"])),
        ("post", reverse("trust_share_response", args=[pk, r.pk])),
        ("get", reverse("api_trust_commitments", args=[pk])),
        ("get", reverse("api_trust_checkins", args=[pk])),
        ("get", reverse("api_trust_questions", args=[pk])),
        ("get", reverse("api_trust_dashboard", args=[pk])),
    ]
    return out


def test_outsider_gets_404_on_every_trust_view(
    as_charlie: Client,
    alice: User,
    bob: User,
    couple: Any,
    commitment: Commitment,
    check_in: CheckIn,
    charlie_repair: Any,
) -> None:
    q = service.ask_question(access(bob, couple), "Where were you on Friday?")
    r = questionnaires.submit_questionnaire(access(alice, couple), "csi4", {"1": 3, "2": 3, "3": 3, "4": 3})
    data = {
        "text": "I will track her phone",
        "commitment": commitment.pk,
        "on": today().isoformat(),
        "status": "kept",
        "check_in": check_in.pk,
        "verdict": "confirmed",
        "action": "save",
        "keep": "on",
        "kind": "daily",
    }
    for method, url in _outsider_urls(couple, commitment, check_in, q, r):
        response = as_charlie.get(url) if method == "get" else as_charlie.post(url, data)
        assert response.status_code == 404, (method, url, response.status_code)
    assert Commitment.objects.filter(repair=couple).count() == 1
    assert not Confirmation.objects.exists()


def test_anonymous_visitor_is_sent_to_sign_in(as_anon: Client, couple: Any) -> None:
    response = as_anon.get(reverse("trust_dashboard", args=[couple.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert as_anon.get(reverse("api_trust_commitments", args=[couple.pk])).status_code == 401


# ---------------------------------------------------------------- commitments


def test_adding_a_commitment_needs_the_keep_every_time_answer(as_alice: Client, couple: Any) -> None:
    url = reverse("trust_commitments", args=[couple.pk])
    text = "I will put my phone away during dinner."
    page = as_alice.post(url, {"text": text, "kind": "daily", "action": "save"})
    assert page.status_code == 200 and b"Can you keep this every day?" in page.content
    assert text.encode() in page.content  # the user's text is kept
    assert not Commitment.objects.exists()
    response = as_alice.post(url, {"text": text, "kind": "daily", "action": "save", "keep": "on"})
    assert response.status_code == 302
    assert Commitment.objects.get().text == text


def test_coach_feedback_highlights_hedges_before_saving(as_alice: Client, couple: Any) -> None:
    page = as_alice.post(
        reverse("trust_commitment_check", args=[couple.pk]), {"text": "I'll try to never be late again."}
    )
    assert b"<mark" in page.content and b"Can you keep this every time?" in page.content


def test_surveillance_commitment_is_refused(as_alice: Client, couple: Any) -> None:
    url = reverse("trust_commitments", args=[couple.pk])
    page = as_alice.post(
        url, {"text": "I will check your phone every night.", "kind": "daily", "action": "save", "keep": "on"}
    )
    assert page.status_code == 200 and b"amends will not record this" in page.content
    assert not Commitment.objects.exists()


def test_editing_a_commitment_keeps_its_history(alice: User, couple: Any, commitment: Commitment) -> None:
    a = access(alice, couple)
    service.edit_commitment(
        a,
        commitment.pk,
        text="I will text if I'll be more than 20 minutes late.",
        schedule=service.ScheduleInput("weekly", (0, 2)),
        effective_from=today(),
    )
    versions = list(ScheduleVersion.objects.filter(commitment=commitment))
    assert [v.kind for v in versions] == ["daily", "weekly"]
    assert versions[0].text.startswith("I will call") and versions[1].text.startswith("I will text")
    assert Commitment.objects.get(pk=commitment.pk).text.startswith("I will text")
    with pytest.raises(InvalidInput, match="already changed"):
        service.edit_commitment(
            a,
            commitment.pk,
            text="I will text when late.",
            schedule=service.ScheduleInput("daily"),
            effective_from=today() - timedelta(days=1),
        )


def test_partner_cannot_edit_alices_commitment(as_bob: Client, couple: Any, commitment: Commitment) -> None:
    assert as_bob.get(reverse("trust_commitment_edit", args=[couple.pk, commitment.pk])).status_code == 404


def test_apology_sentences_are_offered_as_commitments(as_alice: Client, alice: User, couple: Any) -> None:
    from amends.services.repairs import save_apology_draft

    save_apology_draft(
        access(alice, couple),
        "I'm sorry I missed your birthday dinner. I was wrong. To make it right I will cook dinner for you on Saturday. From now on I will call if I'm more than 30 minutes late.",
    )
    page = as_alice.get(reverse("trust_commitments", args=[couple.pk]))
    assert b"From your apology" in page.content and b"source=" in page.content


def test_an_apology_sentence_already_made_a_commitment_is_not_offered_again(
    as_alice: Client, alice: User, couple: Any
) -> None:
    from amends.services.apology_commitments import offered_commitments
    from amends.services.repairs import save_apology_draft

    mine = access(alice, couple)
    save_apology_draft(
        mine,
        "I'm sorry I missed your birthday dinner and did not call. I will cook for you on Saturday. "
        "From now on I will call you before six if I am running late.",
    )
    before = offered_commitments(mine)
    # The promise of change is offered as what will change, though its "I will call you" also makes things right.
    assert [(o.part, o.text) for o in before] == [
        ("repair", "I will cook for you on Saturday."),
        ("change", "From now on I will call you before six if I am running late."),
    ]
    service.add_commitment(
        mine,
        text="I will call you before six if I am running late.",
        schedule=service.ScheduleInput("daily"),
        start=today(),
        today=today(),
    )
    assert [o.text for o in offered_commitments(mine)] == ["I will cook for you on Saturday."]
    page = as_alice.get(reverse("trust_commitments", args=[couple.pk])).content.decode()
    offered = page[page.index('id="from-apology"') :].split("</section>")[0]
    assert "cook for you on Saturday" in offered and "before six" not in offered


# ---------------------------------------------------------------- check-ins


def test_check_in_for_a_future_date_is_refused(alice: User, couple: Any, commitment: Commitment) -> None:
    with pytest.raises(InvalidInput, match="hasn't happened yet"):
        service.record_check_in(access(alice, couple), commitment.pk, on=today() + timedelta(days=1), status="kept")


def test_future_check_in_is_refused_on_the_page_with_a_clear_message(
    as_alice: Client, couple: Any, commitment: Commitment
) -> None:
    page = as_alice.post(
        reverse("trust_checkins", args=[couple.pk]),
        {"commitment": commitment.pk, "on": (today() + timedelta(days=2)).isoformat(), "status": "kept"},
    )
    assert page.status_code == 200 and b"hasn&#x27;t happened yet" in page.content
    assert not CheckIn.objects.exists()


def test_check_in_on_anothers_commitment_is_refused(bob: User, couple: Any, commitment: Commitment) -> None:
    with pytest.raises(InvalidInput, match="partner's commitment"):
        service.record_check_in(access(bob, couple), commitment.pk, on=today(), status="kept")


def test_double_submission_of_a_check_in_is_idempotent(as_alice: Client, couple: Any, commitment: Commitment) -> None:
    data = {"commitment": commitment.pk, "on": today().isoformat(), "status": "kept", "note": ""}
    url = reverse("trust_checkins", args=[couple.pk])
    assert as_alice.post(url, data).status_code == 302
    assert as_alice.post(url, data).status_code == 302
    assert CheckIn.objects.filter(commitment=commitment).count() == 1


def test_overdue_days_are_shown_and_never_filled_in(as_alice: Client, couple: Any, commitment: Commitment) -> None:
    page = as_alice.get(reverse("trust_checkins", args=[couple.pk]))
    assert page.content.count(b"overdue</span>") == 3
    assert not CheckIn.objects.exists()


def test_missed_note_gets_excuse_feedback(alice: User, couple: Any, commitment: Commitment) -> None:
    r = service.record_check_in(
        access(alice, couple),
        commitment.pk,
        on=today(),
        status="missed",
        note="I missed it because you distracted me and traffic was terrible.",
    )
    assert r.created and {f["rule"] for f in r.note_findings} & {"excuse", "blame"}


# ---------------------------------------------------------------- confirm and dispute


def test_partner_confirms_a_check_in(as_bob: Client, couple: Any, check_in: CheckIn) -> None:
    url = reverse("trust_confirm", args=[couple.pk])
    assert as_bob.post(url, {"check_in": check_in.pk, "verdict": "confirmed"}).status_code == 302
    assert as_bob.post(url, {"check_in": check_in.pk, "verdict": "confirmed"}).status_code == 302
    assert Confirmation.objects.get(check_in=check_in).verdict == "confirmed"


def test_author_cannot_confirm_their_own_check_in(alice: User, couple: Any, check_in: CheckIn) -> None:
    with pytest.raises(InvalidInput, match="own check-in"):
        service.confirm_check_in(access(alice, couple), check_in.pk)


def test_dispute_keeps_both_views_and_opens_an_exchange(
    as_alice: Client, alice: User, bob: User, couple: Any, check_in: CheckIn
) -> None:
    service.dispute_check_in(access(bob, couple), check_in.pk, "You called after an hour, not before.")
    service.add_dispute_message(access(alice, couple), check_in.pk, "You're right, I called late. I'm sorry.")
    with pytest.raises(InvalidInput, match="already responded"):
        service.record_check_in(access(alice, couple), check_in.commitment_id, on=check_in.on, status="missed")
    assert CheckIn.objects.get(pk=check_in.pk).status == "kept"
    page = as_alice.get(reverse("trust_confirm", args=[couple.pk]))
    assert b"You called after an hour" in page.content and b"I called late" in page.content


# ---------------------------------------------------------------- questions, answers, notes


def test_hurt_partner_asks_and_the_other_answers(as_bob: Client, as_alice: Client, alice: User, couple: Any) -> None:
    assert as_bob.post(reverse("trust_questions", args=[couple.pk]), {"text": "Who else knew?"}).status_code == 302
    q = Question.objects.get()
    assert q.status == "waiting"
    url = reverse("trust_question", args=[couple.pk, q.pk])
    later = (today() + timedelta(days=2)).isoformat()
    assert as_alice.post(url, {"action": "think", "answer_by": later}).status_code == 302
    assert Question.objects.get().status == "thinking"
    assert (
        as_alice.post(url, {"action": "send", "text": "Only my sister knew. I should have told you first."}).status_code
        == 302
    )
    q.refresh_from_db()
    assert q.status == "answered"
    answer = q.answers.get()
    assert as_bob.post(reverse("trust_mark_answer", args=[couple.pk, answer.pk]), {"helped": "more"}).status_code == 302
    answer.refresh_from_db()
    q.refresh_from_db()
    assert answer.helped == "more" and q.status == "waiting"


def test_offender_cannot_ask_and_asker_cannot_answer(alice: User, bob: User, couple: Any) -> None:
    with pytest.raises(InvalidInput):
        service.ask_question(access(alice, couple), "Why?")
    q = service.ask_question(access(bob, couple), "Why?")
    with pytest.raises(InvalidInput, match="your own question"):
        service.answer_question(access(bob, couple), q.pk, "Because.")


def test_private_note_is_hidden_from_the_partner(as_bob: Client, alice: User, couple: Any) -> None:
    service.add_transparency_note(access(alice, couple), "I met Sam for coffee; we talked about work.", shared=True)
    service.add_transparency_note(access(alice, couple), "Draft for myself only.", shared=False)
    page = as_bob.get(reverse("trust_notes", args=[couple.pk]))
    assert b"Sam for coffee" in page.content and b"Draft for myself" not in page.content


# ---------------------------------------------------------------- questionnaires and the dashboard


def test_csi4_worked_example_is_scored_through_measures(alice: User, couple: Any) -> None:
    r = questionnaires.submit_questionnaire(access(alice, couple), "csi4", {"1": 3, "2": 3, "3": 3, "4": 3})
    assert r.total == 12 and r.band == "notable_dissatisfaction"  # 12 < 13.5
    r2 = questionnaires.submit_questionnaire(access(alice, couple), "csi4", {"1": 6, "2": 5, "3": 5, "4": 5})
    assert r2.total == 21 and r2.band == "satisfied"


def test_trust_check_in_headline_is_trust_today(bob: User, couple: Any) -> None:
    r = questionnaires.submit_questionnaire(
        access(bob, couple), "trust_checkin", {"predictability": 6, "dependability": 5, "faith": 3, "trust_today": 4}
    )
    assert r.total == 18 and r.headline == 4


def test_a_number_scale_shows_its_numbers_in_a_row_and_names_its_ends_once(as_bob: Client, couple: Any) -> None:
    html = as_bob.get(reverse("trust_questionnaire", args=[couple.pk, "trust_checkin"])).content.decode()
    first = html.split("<fieldset")[1].split("</fieldset>")[0]
    labels = re.findall(r'<label class="choice"><input[^>]*> ([^<]*)</label>', first)
    assert labels == [str(n) for n in range(11)]
    assert "0 is not at all; 10 is completely." in first and 'aria-describedby="id_item_' in first
    worded = as_bob.get(reverse("trust_questionnaire", args=[couple.pk, "csi4"])).content.decode()
    assert "Extremely Unhappy</label>" in worded and " is Extremely" not in worded


def test_questionnaire_with_missing_items_is_not_scored_and_says_why(
    as_alice: Client, alice: User, couple: Any
) -> None:
    with pytest.raises(questionnaires.IncompleteQuestionnaire) as err:
        questionnaires.submit_questionnaire(access(alice, couple), "csi4", {"1": 3, "2": 3})
    assert err.value.missing == ("3", "4") and "unanswered" in str(err.value)
    page = as_alice.post(reverse("trust_questionnaire", args=[couple.pk, "csi4"]), {"item_1": "3"})
    assert page.status_code == 200 and b"Not scored" in page.content
    assert not QuestionnaireResponse.objects.exists()


def test_only_the_hurt_partner_gets_the_trust_check_in(as_alice: Client, alice: User, couple: Any) -> None:
    assert as_alice.get(reverse("trust_questionnaire", args=[couple.pk, "trust_checkin"])).status_code == 404
    with pytest.raises(InvalidInput):
        questionnaires.submit_questionnaire(
            access(alice, couple),
            "trust_checkin",
            {"predictability": 1, "dependability": 1, "faith": 1, "trust_today": 1},
        )


def test_forgiveness_is_labelled_as_their_choice_and_not_validated(as_bob: Client, couple: Any) -> None:
    page = as_bob.get(reverse("trust_questionnaire", args=[couple.pk, "forgiveness_checkin"]))
    assert b"never owed" in page.content and b"Not a validated scale" in page.content


def test_dashboard_shows_only_shared_scores_of_the_partner(
    as_alice: Client, bob: User, couple: Any, check_in: CheckIn
) -> None:
    b = access(bob, couple)
    private = questionnaires.submit_questionnaire(
        b, "trust_checkin", {"predictability": 2, "dependability": 2, "faith": 2, "trust_today": 7}
    )
    page = as_alice.get(reverse("trust_dashboard", args=[couple.pk]))
    assert b"bob</strong>: 7" not in page.content
    questionnaires.set_response_shared(b, private.pk, True)
    page = as_alice.get(reverse("trust_dashboard", args=[couple.pk]))
    assert b"<strong>bob</strong>: 7" in page.content
    api = as_alice.get(reverse("api_trust_dashboard", args=[couple.pk])).json()
    assert api["measures"]["trust_checkin"][0]["user"] == "partner"


def test_dashboard_reminds_about_due_questionnaires_and_check_ins(
    as_bob: Client, couple: Any, check_in: CheckIn
) -> None:
    page = as_bob.get(reverse("trust_dashboard", args=[couple.pk]))
    assert b"Your trust check-in is due" in page.content
    assert b"check-ins to confirm" in page.content


def test_the_dashboard_charts_show_the_heatmaps_year_and_nothing_older(
    as_alice: Client, alice: User, couple: Any
) -> None:
    a = access(alice, couple)
    for weeks_ago, answers in ((110, {"1": 0, "2": 0, "3": 0, "4": 0}), (8, {"1": 5, "2": 5, "3": 5, "4": 5})):
        response = questionnaires.submit_questionnaire(a, "csi4", answers)
        taken = timezone.now() - timedelta(weeks=weeks_ago)
        QuestionnaireResponse.objects.filter(pk=response.pk).update(taken_at=taken)
    svg = as_alice.get(reverse("trust_chart_svg", args=[couple.pk, "satisfaction"])).content.decode()
    axis = [datetime.strptime(d, "%d %b %Y").date() for d in re.findall(r"\b\d{1,2} \w{3} \d{4}", svg)]
    assert min(axis) > service.today_for(alice.pk) - timedelta(weeks=54), svg  # the axis starts within the year
    assert svg.count("<circle") == 1  # the 8-week-old answer only
    api = as_alice.get(reverse("api_trust_dashboard", args=[couple.pk])).json()
    assert len(api["measures"]["csi4"][0]["points"]) == 2  # the API keeps the whole history


def test_the_dashboard_tables_list_the_newest_answers_first_each_with_its_day(
    as_alice: Client, alice: User, bob: User, couple: Any
) -> None:
    from django.utils.dateformat import format as django_date

    taken = []
    for who, days_ago, item in ((alice, 40, 1), (bob, 40, 2), (alice, 3, 4), (alice, 500, 5)):
        response = questionnaires.submit_questionnaire(access(who, couple), "csi4", {str(i): item for i in range(1, 5)})
        questionnaires.set_response_shared(access(who, couple), response.pk, True)
        when = timezone.now() - timedelta(days=days_ago, minutes=days_ago)
        QuestionnaireResponse.objects.filter(pk=response.pk).update(taken_at=when)
        taken.append((when, "You" if who == alice else "bob", QuestionnaireResponse.objects.get(pk=response.pk)))
    html = as_alice.get(reverse("trust_dashboard", args=[couple.pk])).content.decode()
    table = html[html.index("<caption>Relationship satisfaction, 0 to 21 (below 13.5 means") :]
    cells = re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>", table[: table.index("</table>")])
    # As the date filter writes the day ("j M Y"), newest first, only the last year's
    expected = [
        (django_date(timezone.localtime(when), "j M Y"), name, f"{r.headline:g}")
        for when, name, r in sorted(taken, key=lambda t: t[0], reverse=True)
        if when > timezone.now() - timedelta(weeks=53)
    ]
    assert cells == expected and len(cells) == 3


def test_chart_downloads_as_svg(as_alice: Client, couple: Any, check_in: CheckIn) -> None:
    response = as_alice.get(reverse("trust_chart_svg", args=[couple.pk, "heatmap"]))
    assert response["Content-Type"] == "image/svg+xml" and response.content.startswith(b"<?xml")
    assert as_alice.get(reverse("trust_chart_svg", args=[couple.pk, "nope"])).status_code == 404


def test_timeline_is_filterable_and_privacy_aware(as_bob: Client, alice: User, couple: Any, check_in: CheckIn) -> None:
    service.add_transparency_note(access(alice, couple), "Only for me.", shared=False)
    questionnaires.submit_questionnaire(access(alice, couple), "csi4", {"1": 3, "2": 3, "3": 3, "4": 3})
    page = as_bob.get(reverse("trust_timeline", args=[couple.pk]))
    assert b"Checked in for" in page.content and b"Only for me" not in page.content and b"CSI-4" not in page.content
    only = as_bob.get(reverse("trust_timeline", args=[couple.pk]) + "?kind=commitments")
    assert b"Made a commitment" in only.content and b"Checked in for" not in only.content


# ---------------------------------------------------------------- JSON API


def test_api_records_a_check_in_and_partner_confirms(
    as_alice: Client, as_bob: Client, couple: Any, commitment: Commitment
) -> None:
    url = reverse("api_trust_checkins", args=[couple.pk])
    body = {"commitment": commitment.pk, "on": today().isoformat(), "status": "kept"}
    first = as_alice.post(url, body, content_type="application/json")
    assert first.status_code == 201
    again = as_alice.post(url, body, content_type="application/json")
    assert again.status_code == 200 and again.json()["created"] is False
    future = as_alice.post(
        url, {**body, "on": (today() + timedelta(days=1)).isoformat()}, content_type="application/json"
    )
    assert future.status_code == 400 and "hasn't happened yet" in future.json()["message"]
    ci = first.json()["check_in"]["id"]
    conf = as_bob.post(
        reverse("api_trust_confirmation", args=[couple.pk, ci]),
        {"verdict": "disputed", "note": "Not quite."},
        content_type="application/json",
    )
    assert conf.json()["verdict"] == "disputed"


def test_api_session_posts_need_csrf(alice: User, couple: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post(
        reverse("api_trust_questions", args=[couple.pk]), {"text": "x"}, content_type="application/json"
    )
    assert response.status_code == 403


def test_api_lists_commitments_with_consistency(as_bob: Client, couple: Any, check_in: CheckIn) -> None:
    data = as_bob.get(reverse("api_trust_commitments", args=[couple.pk])).json()
    assert data["commitments"][0]["consistency"]["windows"]["7"]["kept"] == 1


def test_marking_an_answer_from_another_repair_is_404_even_with_a_bad_value(
    as_charlie: Client, charlie_repair: Any, alice_repair: Any
) -> None:
    from amends.web.trust.models import Answer, Question

    q = Question.objects.create(repair=alice_repair, asked_by=alice_repair.created_by, text="Why?")
    a = Answer.objects.create(question=q, author=alice_repair.created_by, text="Because.")
    url = reverse("trust_mark_answer", args=[charlie_repair.pk, a.pk])
    assert as_charlie.post(url, {"helped": "nonsense"}).status_code == 404


def test_trust_api_accepts_a_personal_token_and_refuses_a_bad_one(alice: User, alice_repair: Any) -> None:
    from amends.services.tokens import create_api_token

    _, token = create_api_token(alice, "phone")
    client = Client(enforce_csrf_checks=True)
    url = f"/api/repairs/{alice_repair.pk}/questions/"
    assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200
    bad = client.get(url, HTTP_AUTHORIZATION="Bearer amd_nope")
    assert bad.status_code == 401 and bad.json()["error"] == "bad_token"


def test_the_feasibility_question_fits_the_chosen_frequency(as_alice: Client, couple: Any) -> None:
    url = reverse("trust_commitments", args=[couple.pk])
    on = (today() + timedelta(days=2)).isoformat()
    page = as_alice.post(url, {"text": "I will book the table.", "kind": "once", "on": on, "action": "save"})
    question = re.search(r'<strong id="keep-question"[^>]*>([^<]*)<', page.content.decode())
    assert question is not None and question.group(1) == "Can you keep this on the day?"


def test_without_javascript_every_schedule_field_shows_and_the_irrelevant_ones_are_ignored(
    as_alice: Client, couple: Any
) -> None:
    url = reverse("trust_commitments", args=[couple.pk])
    page = as_alice.get(url).content.decode()
    assert 'data-for-kind="weekly"' in page and 'data-for-kind="once"' in page and 'data-for-kind="whenever"' in page
    data = {"text": "I will put my phone away at dinner.", "kind": "daily", "weekdays": ["0"], "event": "x"}
    as_alice.post(url, {**data, "keep": "on", "action": "save"})
    version = ScheduleVersion.objects.get()
    assert (version.kind, version.weekdays, version.event) == ("daily", "", "")
