"""The cast over data, not only URLs: for every model a couple shares, who sees which row.

alice (offender) writes a private and a shared item of each kind; bob (hurt, joined) must see
exactly the shared one, through the access layer and through the page or API that lists it.
Then alice leaves, bob invites carol, carol joins: neither sees anything of alice's, and alice's
own export still has all of it. Models are discovered from django.apps: a new model with a
``shared`` field, or one that hangs off a repair, fails here until it is classified.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.db import models
from django.test import Client

from amends.services import questionnaires, trust
from amends.services.access import (
    MACHINERY,
    RULES,
    RepairAccess,
    author_id,
    repair_access,
    shared_with_me,
    visible,
)
from amends.services.incidents import record_incident, save_incident_step, set_incident_answer_shared
from amends.services.partners import accept_invitation, create_invitation, leave_repair, set_answer_shared
from amends.services.partners import set_draft_shared as share_draft
from amends.services.privacy import export_data
from amends.services.repairs import save_answer, save_apology_draft
from amends.services.tokens import create_api_token
from amends.web.incidents.models import IncidentAnswer
from amends.web.repairs.models import ApologyDraft, PracticeEntry, Repair
from amends.web.trust.models import QuestionnaireResponse, TransparencyNote

from .conftest import PASSWORD, client_for

# ---------------------------------------------------------------- the classification table


@dataclass(frozen=True)
class ShareCase:
    """How alice writes one private and one shared item, and where bob would see them listed."""

    make: Callable[[RepairAccess], tuple[models.Model, models.Model]]  # (private, shared)
    url: str  # a page or API route (``{id}`` is the repair) that lists the partner's items
    marker: Callable[[models.Model], str]  # the text that shows the item on that page


def _answers(a: RepairAccess) -> tuple[models.Model, models.Model]:
    private = save_answer(a, "name-it", "what-i-did", "PRIVATE-ANSWER I kept it to myself.").answer
    save_answer(a, "name-it", "what-i-said-i-would", "SHARED-ANSWER I said I would be home.")
    return private, set_answer_shared(a, "name-it", "what-i-said-i-would", True)


def _drafts(a: RepairAccess) -> tuple[models.Model, models.Model]:
    private = save_apology_draft(a, "PRIVATE-DRAFT I am sorry you felt upset.")
    shared = save_apology_draft(a, "SHARED-DRAFT I am sorry I missed your birthday dinner.")
    return private, share_draft(a, shared.pk, True)


def _notes(a: RepairAccess) -> tuple[models.Model, models.Model]:
    private = trust.add_transparency_note(a, "PRIVATE-NOTE I saw Sam at the station.")
    return private, trust.add_transparency_note(a, "SHARED-NOTE I had lunch with my sister.", shared=True)


def _scores(a: RepairAccess) -> tuple[models.Model, models.Model]:
    private = questionnaires.submit_questionnaire(a, "csi4", {"1": 0, "2": 0, "3": 0, "4": 1})
    shared = questionnaires.submit_questionnaire(a, "csi4", {"1": 6, "2": 5, "3": 5, "4": 5}, shared=True)
    return private, shared


def _conversation_boxes(a: RepairAccess) -> tuple[models.Model, models.Model]:
    from amends.services.conversations import save_step, start_conversation

    run = start_conversation(a, "after-a-fight")
    texts = {"escalated": "PRIVATE-BOX the dishes", "older": "SHARED-BOX an older hurt"}
    private, shared = save_step(a, run, "triggers", texts, {"older"}).entries
    return private, shared


def _incidents(a: RepairAccess) -> tuple[models.Model, models.Model]:
    when = date(2026, 2, 1)
    private = record_incident(a, kind="relapse", happened_on=when, note="PRIVATE-INCIDENT I texted my ex.")
    shared = record_incident(a, kind="disclosure", happened_on=when, note="SHARED-INCIDENT A second loan.", shared=True)
    return private, shared


def _incident_answers(a: RepairAccess) -> tuple[models.Model, models.Model]:
    incident = record_incident(a, kind="relapse", happened_on=date(2026, 2, 1), shared=True)
    texts = {"what-i-did": "PRIVATE-INCIDENT-ANSWER I texted.", "why-now": "SHARED-INCIDENT-ANSWER I was afraid."}
    save_incident_step(a, incident, "name-it", texts)
    private = IncidentAnswer.objects.get(incident=incident, prompt="what-i-did")
    return private, set_incident_answer_shared(a, incident, "name-it", "why-now", True)


SHARED_MODELS: dict[str, ShareCase] = {
    "conversations.conversationentry": ShareCase(_conversation_boxes, "/repairs/{id}/talks/", lambda o: o.text),  # type: ignore[attr-defined]
    "repairs.journeyanswer": ShareCase(_answers, "/repairs/{id}/shared/", lambda o: o.text),  # type: ignore[attr-defined]
    "repairs.apologydraft": ShareCase(_drafts, "/repairs/{id}/shared/", lambda o: o.text),  # type: ignore[attr-defined]
    "trust.transparencynote": ShareCase(_notes, "/repairs/{id}/trust/notes/", lambda o: o.text),  # type: ignore[attr-defined]
    "trust.questionnaireresponse": ShareCase(
        _scores, "/api/repairs/{id}/dashboard/", lambda o: json.dumps([o.taken_at.isoformat(), o.headline])
    ),  # type: ignore[attr-defined]
    "incidents.incident": ShareCase(_incidents, "/repairs/{id}/incidents/", lambda o: o.note),  # type: ignore[attr-defined]
    "incidents.incidentanswer": ShareCase(_incident_answers, "/repairs/{id}/incidents/", lambda o: o.text),  # type: ignore[attr-defined]
}
# Models with a shared column that is never offered: private to their author, whatever it holds.
NEVER_SHARED = {"repairs.practiceentry"}


def _label(model: type[models.Model]) -> str:
    return model._meta.label_lower


def _hangs_off_a_repair(model: type[models.Model], depth: int = 0) -> bool:
    if model is Repair:
        return True
    return depth < 3 and any(
        f.is_relation
        and f.many_to_one
        and f.related_model is not None
        and _hangs_off_a_repair(f.related_model, depth + 1)
        for f in model._meta.fields
    )


def test_every_model_with_a_shared_field_is_classified() -> None:
    found = {_label(m) for m in apps.get_models() if any(f.name == "shared" for f in m._meta.fields)}
    assert found == set(SHARED_MODELS) | NEVER_SHARED, (
        f"classify in tests/web/test_visibility_cast.py: {found ^ (set(SHARED_MODELS) | NEVER_SHARED)}"
    )
    for label in found:
        rule = RULES[apps.get_model(label)]
        assert (rule.shared == "shared") == (label in SHARED_MODELS) and rule.private == (label in NEVER_SHARED)


def test_every_model_that_hangs_off_a_repair_has_an_access_rule() -> None:
    missing = [
        _label(m)
        for m in apps.get_models()
        if m is not Repair and _hangs_off_a_repair(m) and m not in RULES and _label(m) not in MACHINERY
    ]
    assert not missing, f"add an access rule to amends.services.access.RULES for: {missing}"


# ---------------------------------------------------------------- the world


def _access(user: User, repair: Repair) -> RepairAccess:
    return repair_access(user, repair.pk)  # a fresh one: an access remembers who it may show


def _carol_joins(bob: User, repair: Repair) -> User:
    carol = User.objects.create_user(username="carol", password=PASSWORD)
    accept_invitation(carol, create_invitation(_access(bob, repair)).code)
    return carol


def _page(client: Client, url: str, repair: Repair) -> str:
    response = client.get(url.format(id=repair.pk))
    assert response.status_code == 200, url
    return response.content.decode()


def _exported(user: User) -> str:
    return json.dumps(export_data(user), ensure_ascii=False)


# ---------------------------------------------------------------- shared-by-choice models


@pytest.mark.parametrize("label", sorted(SHARED_MODELS))
def test_bob_sees_exactly_alices_shared_item_and_after_she_leaves_nobody_does(
    label: str, alice: User, bob: User, alice_repair: Repair, joined_bob: Any
) -> None:
    model, case = apps.get_model(label), SHARED_MODELS[label]
    private, shared = case.make(_access(alice, alice_repair))

    assert list(shared_with_me(_access(bob, alice_repair), model)) == [shared]
    html = _page(client_for(bob), case.url, alice_repair)
    assert case.marker(shared) in html and case.marker(private) not in html

    leave_repair(_access(alice, alice_repair))
    carol = _carol_joins(bob, alice_repair)
    for viewer in (bob, carol):
        assert not [o for o in visible(_access(viewer, alice_repair), model) if author_id(o) == alice.pk]
        html = _page(client_for(viewer), case.url, alice_repair)
        assert case.marker(shared) not in html and case.marker(private) not in html
    exported = _exported(alice)
    assert all(str(getattr(o, "text", o.pk)) in exported for o in (private, shared)), "alice's export lost her items"


def test_alices_shared_item_is_shown_to_bob_as_shared_and_she_can_take_it_back(
    alice: User, bob: User, alice_repair: Repair, joined_bob: Any
) -> None:
    _, note = _notes(_access(alice, alice_repair))
    as_alice = client_for(alice)
    assert "Shared with your partner" in _page(as_alice, "/repairs/{id}/trust/notes/", alice_repair)
    as_alice.post(f"/repairs/{alice_repair.pk}/trust/notes/{note.pk}/share/", {"shared": "0"})
    assert note.text not in _page(client_for(bob), "/repairs/{id}/trust/notes/", alice_repair)  # type: ignore[attr-defined]


def test_practice_entries_are_never_shown_to_the_partner_even_with_the_flag_set(
    alice: User, bob: User, alice_repair: Repair, joined_bob: Any
) -> None:
    PracticeEntry.objects.create(repair=alice_repair, author=alice, text="PRACTICE-SHARED words", shared=True)
    assert visible(_access(alice, alice_repair), PracticeEntry).count() == 1
    assert not visible(_access(bob, alice_repair), PracticeEntry).exists()
    assert "PRACTICE-SHARED" not in _page(client_for(bob), "/repairs/{id}/listen/", alice_repair)


# ---------------------------------------------------------------- shared-by-nature models


@pytest.fixture
def trust_world(alice: User, bob: User, alice_repair: Repair, joined_bob: Any) -> dict[str, Any]:
    """alice's commitment and check-in, bob's dispute of it, bob's question and alice's answer."""
    a, b = _access(alice, alice_repair), _access(bob, alice_repair)
    today = trust.today_for(alice.pk)
    commitment = trust.add_commitment(
        a, text="ALICE-COMMITMENT I will call by 6pm.", schedule=trust.ScheduleInput("daily"), start=today
    )
    check_in = trust.record_check_in(a, commitment.pk, on=today, status="partly", note="ALICE-CHECKIN-NOTE").check_in
    trust.dispute_check_in(b, check_in.pk, "BOB-DISPUTE you did not call")
    question = trust.ask_question(b, "BOB-QUESTION why did you not call?")
    trust.answer_question(a, question.pk, "ALICE-ANSWER I was ashamed.")
    return {"markers": ["ALICE-COMMITMENT", "ALICE-CHECKIN-NOTE", "ALICE-ANSWER"], "repair": alice_repair}


BY_NATURE_PAGES = [
    "/repairs/{id}/trust/",
    "/repairs/{id}/trust/timeline/",
    "/repairs/{id}/trust/commitments/",
    "/repairs/{id}/trust/check-ins/",
    "/repairs/{id}/trust/confirm/",
    "/repairs/{id}/trust/questions/",
    "/repairs/{id}/shared/",
    "/api/repairs/{id}/commitments/",
    "/api/repairs/{id}/check-ins/",
    "/api/repairs/{id}/questions/",
]


def test_shared_by_nature_items_reach_the_partner_while_both_are_members(
    bob: User, trust_world: dict[str, Any]
) -> None:
    repair = trust_world["repair"]
    seen = "".join(_page(client_for(bob), url, repair) for url in BY_NATURE_PAGES)
    assert all(marker in seen for marker in trust_world["markers"])


def test_after_alice_leaves_neither_bob_nor_carol_sees_anything_she_wrote(
    alice: User, bob: User, trust_world: dict[str, Any]
) -> None:
    repair = trust_world["repair"]
    leave_repair(_access(alice, repair))
    carol = _carol_joins(bob, repair)
    for viewer in (bob, carol):
        access = _access(viewer, repair)
        for model in RULES:
            leaked = [o for o in visible(access, model) if author_id(o) == alice.pk]
            assert not leaked, f"{viewer} sees {model.__name__} written by alice after she left"
        seen = "".join(_page(client_for(viewer), url, repair) for url in BY_NATURE_PAGES)
        assert not [m for m in trust_world["markers"] if m in seen]
    # carol does not see bob's dispute of a check-in she can no longer see either
    assert "BOB-DISPUTE" not in _page(client_for(carol), "/repairs/{id}/trust/confirm/", repair)
    exported = _exported(alice)
    assert all(marker in exported for marker in trust_world["markers"])


def test_a_bearer_token_sees_what_the_session_sees(alice: User, bob: User, trust_world: dict[str, Any]) -> None:
    repair = trust_world["repair"]
    leave_repair(_access(alice, repair))
    _, token = create_api_token(bob, "laptop")
    body = Client().get(f"/api/repairs/{repair.pk}/commitments/", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert body.status_code == 200 and "ALICE-COMMITMENT" not in body.content.decode()


# ---------------------------------------------------------------- the repair itself


def test_the_partner_never_sees_the_creators_private_title_or_description(
    bob: User, alice_repair: Repair, joined_bob: Any
) -> None:
    as_bob = client_for(bob)
    for url in ("/", f"/repairs/{alice_repair.pk}/", f"/repairs/{alice_repair.pk}/step/what-happened/"):
        html = as_bob.get(url).content.decode()
        assert alice_repair.title not in html and "stayed at work" not in html, url
    assert "A broken promise" in as_bob.get(f"/repairs/{alice_repair.pk}/").content.decode()
    exported = _exported(bob)
    assert alice_repair.title not in exported and "stayed at work" not in exported


def test_the_creator_still_sees_her_own_title_and_description(as_alice: Client, alice_repair: Repair) -> None:
    html = as_alice.get(f"/repairs/{alice_repair.pk}/").content.decode()
    assert alice_repair.title in html and "stayed at work" in html


def test_notes_are_private_unless_ticked_and_the_author_can_delete_them(
    alice: User, bob: User, alice_repair: Repair, joined_bob: Any
) -> None:
    as_alice = client_for(alice)
    form = _page(as_alice, "/repairs/{id}/trust/notes/", alice_repair)
    assert 'name="shared"' in form and 'name="shared" checked' not in form.replace(' id="id_shared"', "")
    as_alice.post(f"/repairs/{alice_repair.pk}/trust/notes/", {"text": "UNTICKED-NOTE I met Sam."})
    note = TransparencyNote.objects.get(author=alice)
    assert note.shared is False
    assert "UNTICKED-NOTE" not in _page(client_for(bob), "/repairs/{id}/trust/notes/", alice_repair)
    assert client_for(bob).post(f"/repairs/{alice_repair.pk}/trust/notes/{note.pk}/delete/").status_code == 404
    as_alice.post(f"/repairs/{alice_repair.pk}/trust/notes/{note.pk}/delete/")
    assert not TransparencyNote.objects.filter(pk=note.pk).exists()


def test_check_in_scores_stay_private_until_shared(
    alice: User, bob: User, alice_repair: Repair, joined_bob: Any
) -> None:
    a = _access(alice, alice_repair)
    questionnaires.submit_questionnaire(a, "csi4", {"1": 3, "2": 3, "3": 3, "4": 3})
    assert not shared_with_me(_access(bob, alice_repair), QuestionnaireResponse).exists()


def test_two_apology_rules_are_one(alice: User, bob: User, alice_repair: Repair, joined_bob: Any) -> None:
    """The shared view, the timeline and the export agree: a leaver's delivered apology is gone from all three."""
    _, shared = _drafts(_access(alice, alice_repair))
    leave_repair(_access(alice, alice_repair))
    ApologyDraft.objects.filter(pk=shared.pk).update(shared=True)  # even if the flag had stayed on
    as_bob = client_for(bob)
    for url in ("/repairs/{id}/shared/", "/repairs/{id}/trust/timeline/"):
        assert "SHARED-DRAFT" not in _page(as_bob, url, alice_repair)
    assert "SHARED-DRAFT" not in _exported(bob)


def test_after_bob_leaves_alice_no_longer_sees_his_dispute_of_her_check_in(
    alice: User, bob: User, trust_world: dict[str, Any]
) -> None:
    repair = trust_world["repair"]
    leave_repair(_access(bob, repair))
    as_alice = client_for(alice)
    seen = "".join(_page(as_alice, url, repair) for url in BY_NATURE_PAGES)
    assert "BOB-DISPUTE" not in seen and "BOB-QUESTION" not in seen
    assert "ALICE-COMMITMENT" in seen  # her own items are still hers
    check_ins = as_alice.get(f"/api/repairs/{repair.pk}/check-ins/").json()["recent"]
    assert [c["confirmation"] for c in check_ins] == [None]
