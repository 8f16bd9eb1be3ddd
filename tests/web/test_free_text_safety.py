"""One safety path for every free text: each form and JSON endpoint that takes typed text answers a
crisis sentence with the crisis response, the crisis line first.

The walk below names every endpoint that accepts free text. ``test_every_free_text_form_is_in_the_walk``
crawls the pages both partners see and fails when a form with a text box posts somewhere the walk
does not cover, so a new form cannot escape the scan.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import resolve, reverse

from amends.journey import load_track
from amends.services import trust as trust_service
from amends.services.access import repair_access
from amends.services.tokens import create_api_token
from amends.web.accounts.models import Profile
from amends.web.trust.models import CheckIn, Commitment, Question

from .conftest import client_for

CRISIS = "I have pills saved up and I'm going to take them all tonight"
US_LINE = 'href="tel:988"'  # the region's crisis line, as a tap-to-call link


@pytest.fixture
def world(alice: User, bob: User, alice_repair: Any, joined_bob: Any) -> dict[str, Any]:
    """alice (made the mistake) and bob (hurt) share a repair, with one commitment, check-in and question."""
    for user in (alice, bob):
        Profile.objects.update_or_create(user=user, defaults={"region": "US"})
    a = repair_access(alice, alice_repair.pk)
    b = repair_access(bob, alice_repair.pk)
    today = trust_service.today_for(alice.pk)
    c = trust_service.add_commitment(
        a, text="I will call if I'm late.", schedule=trust_service.ScheduleInput("daily"), start=today - timedelta(3)
    )
    ci = trust_service.record_check_in(a, c.pk, on=today - timedelta(days=1), status="kept").check_in
    ci2 = trust_service.record_check_in(a, c.pk, on=today - timedelta(days=2), status="kept").check_in
    trust_service.dispute_check_in(b, ci2.pk, "I remember it differently.")
    q = trust_service.ask_question(b, "Why did you not call?")
    answered = trust_service.ask_question(b, "Where were you?")
    trust_service.answer_question(a, answered.pk, "At the office.")
    return {"repair": alice_repair, "alice": alice, "bob": bob, "commitment": c, "check_in": ci, "disputed": ci2,
            "question": q, "answer": answered.answers.get(), "today": today}  # fmt: skip


@dataclass(frozen=True)
class Endpoint:
    name: str  # URL name
    who: str  # "alice" | "bob"
    kind: str  # "form" (follow the redirect), "fragment" (htmx partial) or "json"
    args: Callable[[dict[str, Any]], list[Any]]
    data: Callable[[dict[str, Any]], dict[str, Any]]
    query: str = ""


def _repair(w: dict[str, Any]) -> list[Any]:
    return [w["repair"].pk]


def _step(role: str, widget: str | None = None) -> tuple[str, str]:
    for step in load_track(role).steps:
        for prompt in step.prompts:
            if (widget is None and prompt.widget in (None, "", "text", "textarea")) or prompt.widget == widget:
                return step.slug, prompt.slug
    raise AssertionError(f"no {widget} prompt on the {role} track")


ALICE_STEP = _step("offender")
APOLOGY_STEP = _step("offender", "apology")
SCHEDULE = {"kind": "daily", "keep": "on", "action": "save"}

WALK = [
    Endpoint("repair_new", "alice", "form", lambda w: [],
             lambda w: {"role": "hurt", "kind": "lying", "title": "Last night", "description": CRISIS}),
    Endpoint("step", "alice", "form", lambda w: [w["repair"].pk, ALICE_STEP[0]],
             lambda w: {f"answer-{ALICE_STEP[1]}": CRISIS, "action": "save"}),
    Endpoint("step", "alice", "form", lambda w: [w["repair"].pk, APOLOGY_STEP[0]],
             lambda w: {f"answer-{APOLOGY_STEP[1]}": "I am sorry. " + CRISIS, "action": "draft"}),
    Endpoint("autosave", "alice", "fragment", lambda w: [w["repair"].pk, ALICE_STEP[0]],
             lambda w: {f"answer-{ALICE_STEP[1]}": CRISIS}, query=f"?prompt={ALICE_STEP[1]}"),
    Endpoint("apology_feedback", "alice", "fragment", _repair, lambda w: {"answer-draft": "I am sorry. " + CRISIS}),
    Endpoint("listen", "alice", "form", _repair,
             lambda w: {"partner": "You forgot.", "text": CRISIS, "action": "save"}),
    Endpoint("listen", "bob", "form", _repair, lambda w: {"text": CRISIS, "action": "save"}),
    Endpoint("listen", "bob", "form", _repair, lambda w: {"text": CRISIS, "action": "check"}),
    Endpoint("listen_reply", "bob", "fragment", _repair, lambda w: {"text": CRISIS}),
    Endpoint("listen_emotions", "alice", "fragment", _repair, lambda w: {"partner": CRISIS}),
    Endpoint("trust_commitments", "alice", "form", _repair, lambda w: {"text": CRISIS, **SCHEDULE}),
    Endpoint("trust_commitment_edit", "alice", "form", lambda w: [w["repair"].pk, w["commitment"].pk],
             lambda w: {"text": CRISIS, **SCHEDULE}),
    Endpoint("trust_commitment_check", "alice", "fragment", _repair, lambda w: {"text": CRISIS}),
    Endpoint("trust_checkins", "alice", "form", _repair,
             lambda w: {"commitment": w["commitment"].pk, "on": str(w["today"]), "status": "missed", "note": CRISIS}),
    Endpoint("trust_confirm", "bob", "form", _repair,
             lambda w: {"check_in": w["check_in"].pk, "verdict": "disputed", "note": CRISIS}),
    Endpoint("trust_dispute_message", "alice", "form", lambda w: [w["repair"].pk, w["disputed"].pk],
             lambda w: {"text": CRISIS}),
    Endpoint("trust_questions", "bob", "form", _repair, lambda w: {"text": CRISIS}),
    Endpoint("trust_question", "alice", "form", lambda w: [w["repair"].pk, w["question"].pk],
             lambda w: {"text": CRISIS, "action": "send"}),
    Endpoint("trust_question", "alice", "form", lambda w: [w["repair"].pk, w["question"].pk],
             lambda w: {"text": CRISIS, "action": "check"}),
    Endpoint("trust_mark_answer", "bob", "form", lambda w: [w["repair"].pk, w["answer"].pk],
             lambda w: {"helped": "more", "follow_up": CRISIS}),
    Endpoint("step_ask", "bob", "form", lambda w: [w["repair"].pk, "my-questions"], lambda w: {"question": CRISIS}),
    Endpoint("trust_notes", "alice", "form", _repair, lambda w: {"text": CRISIS, "shared": "on"}),
    Endpoint("arguments", "alice", "form", _repair,
             lambda w: {"occurred_on": str(w["today"]), "topic": "Money", "what_happened": CRISIS}),
    Endpoint("api_trust_commitments", "alice", "json", _repair, lambda w: {"text": CRISIS, "kind": "daily"}),
    Endpoint("api_trust_checkins", "alice", "json", _repair,
             lambda w: {"commitment": w["commitment"].pk, "on": str(w["today"]), "status": "missed", "note": CRISIS}),
    Endpoint("api_trust_confirmation", "bob", "json", lambda w: [w["repair"].pk, w["check_in"].pk],
             lambda w: {"verdict": "disputed", "note": CRISIS}),
    Endpoint("api_trust_questions", "bob", "json", _repair, lambda w: {"text": CRISIS}),
    Endpoint("api_trust_answers", "alice", "json", lambda w: [w["repair"].pk, w["question"].pk],
             lambda w: {"text": CRISIS}),
    Endpoint("api_coach_apology", "alice", "json", lambda w: [], lambda w: {"text": "I am sorry. " + CRISIS}),
    Endpoint("api_coach_emotions", "alice", "json", lambda w: [], lambda w: {"text": CRISIS}),
    Endpoint("api_coach_reply", "alice", "json", lambda w: [], lambda w: {"partner": "You forgot.", "text": CRISIS}),
    Endpoint("api_safety_scan", "alice", "json", lambda w: [], lambda w: {"text": CRISIS}),
]  # fmt: skip
# Forms with text boxes that take no free text to scan: a sign-in, a code, a time zone, a PIN, a token name.
# The safety plan is where a person writes down their own warning signs, so it is not answered with a banner.
NOT_FREE_TEXT = {
    "login", "signup", "settings", "join", "token_create", "lock_settings", "unlock", "delete_account",
    "password_change", "help", "safety_plan",
}  # fmt: skip


def _post(w: dict[str, Any], ep: Endpoint) -> Any:
    url = reverse(ep.name, args=ep.args(w)) + ep.query
    if ep.kind == "json":
        _, raw = create_api_token(w[ep.who], f"walk {ep.name}", scope="write")  # the endpoints write
        return Client().post(url, ep.data(w), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}")
    client = client_for(w[ep.who])
    headers = {"HTTP_HX_REQUEST": "true"} if ep.kind == "fragment" else {}
    return client.post(url, ep.data(w), follow=ep.kind == "form", **headers)


@pytest.mark.django_db
@pytest.mark.parametrize("ep", WALK, ids=lambda ep: f"{ep.name}-{ep.who}-{ep.kind}")
def test_a_crisis_sentence_gets_the_crisis_response_on_every_free_text_endpoint(
    world: dict[str, Any], ep: Endpoint
) -> None:
    response = _post(world, ep)
    assert response.status_code in (200, 201), response.content[:500]
    if ep.kind == "json":
        body = response.json()
        safety = body if ep.name == "api_safety_scan" else body["safety"]
        assert safety["action"] == "crisis"
        if ep.name != "api_safety_scan":
            assert safety["resources"][0]["links"][0]["href"] == "tel:988"
        return
    html = response.content.decode()
    assert 'data-safety="crisis"' in html, html[:3000]
    banner = html[html.index('data-safety="crisis"') :]
    assert US_LINE in banner[: banner.index("</div>")]  # the crisis line is inside the banner itself
    if ep.kind == "form" and "messages" in html:
        assert html.index('data-safety="crisis"') < html.index('class="messages"')  # crisis line first


@pytest.mark.django_db
def test_nothing_of_a_crisis_scan_reaches_the_partner(world: dict[str, Any]) -> None:
    ep = next(e for e in WALK if e.name == "trust_notes")
    _post(world, ep)
    partner_page = client_for(world["bob"]).get(reverse("trust_notes", args=[world["repair"].pk])).content.decode()
    assert "data-safety" not in partner_page


@pytest.mark.django_db
def test_an_ordinary_sentence_gets_no_banner(world: dict[str, Any]) -> None:
    url = reverse("trust_notes", args=[world["repair"].pk])
    html = client_for(world["alice"]).post(url, {"text": "I was at the gym until seven.", "shared": "on"}, follow=True)
    assert "data-safety" not in html.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text", ["I will be home by 7 every Friday.", "I will put my phone in the drawer at dinner.", "I broke her trust."]
)
def test_an_ordinary_commitment_gets_no_banner(world: dict[str, Any], text: str) -> None:
    # Repair commitments with a day, a phone or a broken trust in them raised crisis or support banners before
    # the sixth stop; the form and the JSON route both answer them with no safety result.
    url = reverse("trust_commitments", args=[world["repair"].pk])
    html = client_for(world["alice"]).post(url, {"text": text, **SCHEDULE}, follow=True).content.decode()
    assert "data-safety" not in html
    _, raw = create_api_token(world["alice"], "ordinary commitment", scope="write")
    response = Client().post(
        reverse("api_trust_commitments", args=[world["repair"].pk]),
        {"text": text, "kind": "daily"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    body = response.json()
    assert body["safety"] is None  # no safety result at all, as for any ordinary text


def _forms(html: str) -> list[tuple[str, str]]:
    """(action, body) of every form with a free-text box."""
    out = []
    for m in re.finditer(r"<form\b([^>]*)>(.*?)</form>", html, re.S):
        attrs, body = m.group(1), m.group(2)
        method = re.search(r'method="(\w+)"', attrs)
        if not method or method.group(1).lower() != "post":
            continue
        if "<textarea" in body or re.search(r'<input[^>]*type="text"', body):
            action = re.search(r'action="([^"]*)"', attrs)
            out.append((action.group(1) if action else "", body))
    return out


@pytest.mark.django_db
def test_every_free_text_form_is_in_the_walk(world: dict[str, Any]) -> None:
    repair = world["repair"]
    covered = {ep.name for ep in WALK} | NOT_FREE_TEXT
    pages = [reverse("repair_new"), reverse("settings"), reverse("safety_plan")]
    for name in ("repair", "listen", "arguments", "need_help", "trust_commitments", "trust_checkins",
                 "trust_confirm", "trust_questions", "trust_notes"):  # fmt: skip
        pages.append(reverse(name, args=[repair.pk]))
    pages.append(reverse("trust_question", args=[repair.pk, world["question"].pk]))
    pages.append(reverse("trust_commitment_edit", args=[repair.pk, world["commitment"].pk]))
    for role in ("offender", "hurt"):
        pages += [reverse("step", args=[repair.pk, s.slug]) + f"#{role}" for s in load_track(role).steps]
    missing = set()
    for who in ("alice", "bob"):
        client = client_for(world[who])
        for page in pages:
            response = client.get(page.split("#")[0])
            if response.status_code != 200:
                continue
            for action, _ in _forms(response.content.decode()):
                name = resolve((action or page).split("?")[0].split("#")[0]).url_name
                if name not in covered:
                    missing.add((name, page))
    assert not missing, f"free-text forms the walk does not cover: {sorted(missing)}"


def test_the_walk_covers_every_free_text_service() -> None:
    """Each saving service appears in the walk at least once (by the page that calls it)."""
    names = {ep.name for ep in WALK}
    for needed in ("step", "autosave", "listen", "trust_commitments", "trust_commitment_edit", "trust_checkins",
                   "trust_confirm", "trust_dispute_message", "trust_questions", "trust_question", "trust_notes",
                   "arguments", "repair_new"):  # fmt: skip
        assert needed in names
    assert {ep.kind for ep in WALK} == {"form", "fragment", "json"}


@pytest.mark.django_db
def test_question_and_commitment_rows_hold_the_text_they_were_given(world: dict[str, Any]) -> None:
    for ep in WALK:
        if ep.name in ("trust_questions", "trust_commitments"):
            _post(world, ep)
    assert Question.objects.filter(text=CRISIS).exists() and Commitment.objects.filter(text=CRISIS).exists()
    assert CheckIn.objects.count() == 2


@pytest.mark.django_db
def test_every_saving_service_returns_its_safety_result(world: dict[str, Any]) -> None:
    """The services decide; the layers above only show what comes back."""
    from amends.services import practice, repairs
    from amends.services import safety as safety_service
    from amends.services.text_safety import safety_of

    a = repair_access(world["alice"], world["repair"].pk)
    b = repair_access(world["bob"], world["repair"].pk)
    today, c, q = world["today"], world["commitment"], world["question"]
    daily = trust_service.ScheduleInput("daily")
    saved = {
        "start_repair": repairs.start_repair(
            world["alice"], role="offender", kind="lying", title="T", description=CRISIS
        ),
        "save_answer": repairs.save_answer(a, ALICE_STEP[0], ALICE_STEP[1], CRISIS),
        "autosave_answer": repairs.autosave_answer(a, ALICE_STEP[0], ALICE_STEP[1], "Fine. " + CRISIS + " Really."),
        "save_apology_draft": repairs.save_apology_draft(a, "I am sorry. " + CRISIS),
        "record_practice": practice.record_practice(a, mode="reply", partner_text="", text=CRISIS),
        "feeling_statement": practice.record_practice(b, mode="feel", partner_text="", text=CRISIS),
        "add_commitment": trust_service.add_commitment(a, text=CRISIS, schedule=daily),
        "edit_commitment": trust_service.edit_commitment(a, c.pk, text=CRISIS, schedule=daily),
        "record_check_in": trust_service.record_check_in(a, c.pk, on=today, status="missed", note=CRISIS),
        "confirm_check_in": trust_service.confirm_check_in(b, world["check_in"].pk, CRISIS),
        "add_dispute_message": trust_service.add_dispute_message(a, world["disputed"].pk, CRISIS),
        "ask_question": trust_service.ask_question(b, CRISIS),
        "answer_question": trust_service.answer_question(a, q.pk, CRISIS),
        "add_transparency_note": trust_service.add_transparency_note(a, CRISIS),
        "log_argument": safety_service.log_argument(
            a, occurred_on=today, topic="Money", what_happened=CRISIS, how_it_ended="", today=today
        ),
    }
    quiet = trust_service.add_transparency_note(a, "I was at the gym until seven.")
    for name, obj in saved.items():
        found = safety_of(obj)
        assert found is not None and found.action == "crisis", name
        assert found.resources[0].region == "US", name
    assert safety_of(quiet) is None
