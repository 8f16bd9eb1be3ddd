"""Every URL pattern and API route, with the repair paused. A new route cannot escape the pause.

Each view declares its space (``couple_space`` or ``own_space`` in amends.web.access). While the
repair is paused, every couple route answers 423 with the one neutral notice for both partners,
by session and by bearer token, and changes nothing; every own route stays open and shows
nothing of the other partner. A view that declares no space fails here.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from amends.safety.messages import PAUSED_NOTICE
from amends.services.access import pause, repair_access
from amends.services.partners import set_answer_shared
from amends.services.repairs import save_answer
from amends.services.tokens import create_api_token
from amends.web.access import COUPLE, OWN, space_of
from amends.web.repairs.models import ApologyDraft, JourneyAnswer, Membership, Repair
from amends.web.trust.models import (
    Answer,
    CheckIn,
    Commitment,
    Confirmation,
    DisputeMessage,
    Question,
    QuestionnaireResponse,
    TransparencyNote,
)
from tests.web.cast.test_url_cast import ALL, POST_DATA, _fill
from tests.web.conftest import client_for


def _views(resolvers: list[Any]) -> list[tuple[str, Any]]:
    out = []
    for entry in resolvers:
        if isinstance(entry, URLResolver):
            out += _views(entry.url_patterns)
        elif isinstance(entry, URLPattern):
            out.append((entry.name, entry.callback))
    return out


VIEWS = dict(_views(get_resolver().url_patterns))
COUPLE_ROUTES = {name for name, view in VIEWS.items() if space_of(view) == COUPLE}
REPAIR_ROUTES = [(route, name, params) for route, name, params in ALL if "repair_id" in params]
# Everything that reaches the other partner; each must be a couple route.
MUST_PAUSE = {
    "shared_view",
    "share_answer",
    "share_draft",
    "partner_invite",
    "trust_dashboard",
    "trust_chart_svg",
    "trust_timeline",
    "trust_commitments",
    "trust_checkins",
    "trust_confirm",
    "trust_dispute_message",
    "trust_questions",
    "trust_question",
    "trust_mark_answer",
    "trust_notes",
    "trust_note_share",
    "trust_share_response",
    "api_trust_commitments",
    "api_trust_checkins",
    "api_trust_confirmation",
    "api_trust_questions",
    "api_trust_answers",
    "api_trust_dashboard",
}


def test_every_view_declares_whether_it_reaches_the_partner() -> None:
    undeclared = sorted(name for name, view in VIEWS.items() if space_of(view) not in {COUPLE, OWN})
    assert not undeclared, f"mark these views couple_space or own_space (amends.web.access): {undeclared}"


def test_everything_that_reaches_the_partner_is_a_couple_route() -> None:
    assert MUST_PAUSE <= COUPLE_ROUTES, f"these must pause: {sorted(MUST_PAUSE - COUPLE_ROUTES)}"


def test_pausing_stays_open_while_paused() -> None:
    # The way out of a pause (and leaving quietly) must never itself be paused.
    assert {"pause", "partner_leave", "repair", "need_help"}.isdisjoint(COUPLE_ROUTES)


def _couple_data(repair: Repair) -> tuple[Any, ...]:
    return tuple(
        sorted(map(str, model._default_manager.values_list()))
        for model in (
            JourneyAnswer,
            ApologyDraft,
            Commitment,
            CheckIn,
            Confirmation,
            DisputeMessage,
            Question,
            Answer,
            TransparencyNote,
            QuestionnaireResponse,
            Membership,
        )
    )


@pytest.fixture
def paused(world: dict[str, Any], alice: User, bob: User, alice_repair: Repair) -> dict[str, Any]:
    bob_access = repair_access(bob, alice_repair.pk)
    save_answer(bob_access, "what-happened", "what-happened", "BOB-WORDS he shared")
    set_answer_shared(bob_access, "what-happened", "what-happened", True)
    pause(repair_access(bob, alice_repair.pk))  # bob's break: the same row whatever the reason
    _, token = create_api_token(alice, "script", scope="write")  # so the pause, not the scope, refuses writes
    return {**world, "token": token}


def _call(client: Client, method: str, path: str, **headers: str) -> Any:
    return client.get(path, **headers) if method == "get" else client.post(path, POST_DATA, **headers)


@pytest.mark.parametrize(("route", "name", "params"), REPAIR_ROUTES, ids=[n for _, n, _ in REPAIR_ROUTES])
def test_while_paused_couple_routes_answer_423_for_both_and_own_routes_stay_open(
    route: str, name: str, params: list[str], paused: dict[str, Any], alice: User, bob: User, alice_repair: Repair
) -> None:
    path, _ = _fill(route, params, paused, alice_repair, alice_repair.pk)
    callers = [("alice", client_for(alice), {}), ("bob", client_for(bob), {})]
    if path.startswith("/api/"):
        callers.append(("alice's token", Client(), {"HTTP_AUTHORIZATION": f"Bearer {paused['token']}"}))
    before = _couple_data(alice_repair)
    for who, client, headers in callers:
        statuses = {m: _call(client, m, path, **headers) for m in ("get", "post")}
        if name in COUPLE_ROUTES:
            assert _couple_data(alice_repair) == before, f"{who} changed the couple's data through {path}"
            assert {r.status_code for r in statuses.values()} <= {423, 405}, (who, path)
            for response in statuses.values():
                if response.status_code == 423:
                    assert PAUSED_NOTICE in response.content.decode(), (who, path)
        else:
            assert 423 not in {r.status_code for r in statuses.values()}, f"{who}: own route {path} is paused"
        if who != "bob":
            assert all("BOB-WORDS" not in r.content.decode(errors="replace") for r in statuses.values()), path


def test_the_api_answers_the_pause_in_json_for_a_token(paused: dict[str, Any], alice_repair: Repair) -> None:
    response = Client().post(
        f"/api/repairs/{alice_repair.pk}/questions/",
        {"text": "you lie"},
        HTTP_AUTHORIZATION=f"Bearer {paused['token']}",
    )
    assert response.status_code == 423 and response.json() == {"error": "paused", "message": PAUSED_NOTICE}
    assert not Question.objects.filter(text="you lie").exists()
