"""The cast and a repair full of their data, made once per test module instead of once per test.

The URL cast checks (test_url_cast.py, test_pause_routes.py here) run a few hundred
cases over the same world, and building it for each case cost more than the requests themselves.
Here the world is written once inside a transaction held for the whole module; each test runs in its
own savepoint inside it (pytest-django's ``db``), so whatever a test changes is rolled back before
the next one, exactly as with a world of its own. The transaction is rolled back after the module.

The fixtures below stand in, for the tests in this folder, for tests/web/conftest.py's ones of the
same names. They read fresh rows for each test, so no test sees an object another test changed in
memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User

from amends.services import questionnaires, trust
from amends.services.access import repair_access
from amends.services.conversations import start_conversation
from amends.services.incidents import record_incident
from amends.services.repairs import save_answer, save_apology_draft
from amends.services.safety import submit_screen
from amends.services.tokens import create_api_token
from amends.web.partners.models import Invitation
from amends.web.repairs.models import Membership, Repair
from tests.web.conftest import join_bob, make_user, rows_for_the_module, start_alice_repair, start_charlie_repair


@pytest.fixture(scope="module")
def module_world(django_db_setup: Any, django_db_blocker: Any) -> Iterator[dict[str, Any]]:
    with rows_for_the_module(django_db_blocker) as unblocked:
        with unblocked():
            alice, bob, charlie = make_user("alice"), make_user("bob"), make_user("charlie")
            repair = start_alice_repair(alice)
            join_bob(bob, repair)
            world = {
                "alice": alice.pk,
                "bob": bob.pk,
                "charlie": charlie.pk,
                "alice_repair": repair.pk,
                "charlie_repair": start_charlie_repair(charlie).pk,
                "ids": _seed(alice, bob, repair),
            }
        yield world


def _seed(alice: User, bob: User, repair: Repair) -> dict[str, int]:
    """alice's objects for the ids in the URL patterns: private words, two apology versions, a token,
    commitments with a disputed check-in, a question with its answer, a guided conversation, a note,
    a questionnaire, a screen and an incident. A failure here is an error, never a silent fall-back to
    a missing id (which would turn the cast checks into checks of 404 on objects that do not exist)."""
    access, bob_access = repair_access(alice, repair.pk), repair_access(bob, repair.pk)
    save_answer(access, "name-it", "what-i-did", "alice's private words")
    save_apology_draft(access, "I am sorry you felt upset.")  # two versions, so comparing them works
    draft = save_apology_draft(access, "I am sorry I missed your birthday dinner.")
    token, _ = create_api_token(alice, "laptop")
    trust.add_commitment(
        access,
        text="I will call by 6pm when I am late.",
        schedule=trust.ScheduleInput("whenever", event="when I am late"),
    )
    question = trust.ask_question(bob_access, "Why did you not call?")
    trust.answer_question(access, question.pk, "I was ashamed and I avoided it.")
    start_conversation(access, "after-a-fight")  # its first step is test_url_cast.VALUES["step"]
    today = trust.today_for(alice.pk)
    daily = trust.add_commitment(
        access, text="I will text you when I leave work.", schedule=trust.ScheduleInput("daily"), start=today
    )
    check_in = trust.record_check_in(access, daily.pk, on=today, status="kept").check_in
    trust.dispute_check_in(bob_access, check_in.pk, "You texted at nine, not at six.")
    trust.add_transparency_note(access, "I had lunch with my sister.", shared=True)
    questionnaires.submit_questionnaire(access, "csi4", {"1": 3, "2": 3, "3": 3, "4": 3}, shared=True)
    submit_screen(alice, "phq9", {str(i): 0 for i in range(1, 10)})
    record_incident(access, kind="relapse", happened_on=date(2026, 2, 27), shared=True)
    return {"draft_id": draft.pk, "invitation_id": Invitation.objects.get().pk, "token_id": token.pk}


@pytest.fixture
def world(db: Any, module_world: dict[str, Any]) -> dict[str, int]:
    return dict(module_world["ids"])


@pytest.fixture
def alice(db: Any, module_world: dict[str, Any]) -> User:
    return User.objects.get(pk=module_world["alice"])


@pytest.fixture
def bob(db: Any, module_world: dict[str, Any]) -> User:
    return User.objects.get(pk=module_world["bob"])


@pytest.fixture
def charlie(db: Any, module_world: dict[str, Any]) -> User:
    return User.objects.get(pk=module_world["charlie"])


@pytest.fixture
def alice_repair(db: Any, module_world: dict[str, Any]) -> Repair:
    return Repair.objects.get(pk=module_world["alice_repair"])


@pytest.fixture
def charlie_repair(db: Any, module_world: dict[str, Any]) -> Repair:
    return Repair.objects.get(pk=module_world["charlie_repair"])


@pytest.fixture
def joined_bob(db: Any, module_world: dict[str, Any]) -> Membership:
    return Membership.objects.get(repair_id=module_world["alice_repair"], user_id=module_world["bob"])
