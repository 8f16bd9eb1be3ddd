"""The pause as an ordinary feature: anyone may take a break, only they can end it, and nothing says why."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from amends.services import trust
from amends.services.access import is_paused, pause, repair_access
from amends.services.errors import Paused
from amends.services.partners import leave_repair, set_answer_shared
from amends.services.privacy import export_data
from amends.services.repairs import save_answer
from amends.services.report import render_report
from amends.services.safety import save_help_signs, triage_for
from amends.web.repairs.models import Repair

from .conftest import client_for

HARK_POSITIVE = {"item-H": "no", "item-A": "yes", "item-R": "no", "item-K": "no"}


def _hark(client: Client) -> None:
    client.post("/safety/screen/hark/", HARK_POSITIVE)


def _pause_page(client: Client, repair: Repair) -> str:
    return client.get(f"/repairs/{repair.pk}/pause/").content.decode()


def test_either_partner_can_pause_and_only_they_can_lift_it(
    alice: User, bob: User, alice_repair: Repair, joined_bob: Any
) -> None:
    as_alice, as_bob = client_for(alice), client_for(bob)
    as_alice.post(f"/repairs/{alice_repair.pk}/pause/", {"action": "pause"})
    assert is_paused(alice_repair)
    as_bob.post(f"/repairs/{alice_repair.pk}/pause/", {"action": "resume"})
    assert is_paused(alice_repair), "bob lifted alice's pause"
    as_alice.post(f"/repairs/{alice_repair.pk}/pause/", {"action": "resume"})
    assert not is_paused(alice_repair)


def test_a_positive_hark_pauses_and_only_bob_decides_what_happens_next(
    alice: User, bob: User, alice_repair: Repair, joined_bob: Any
) -> None:
    as_alice, as_bob = client_for(alice), client_for(bob)
    _hark(as_bob)
    assert is_paused(alice_repair)
    bob_page = _pause_page(as_bob, alice_repair)
    assert (
        "Keep it paused" in bob_page and "Open the shared space again" in bob_page and "Leave this repair" in bob_page
    )
    alice_page = _pause_page(as_alice, alice_repair)
    assert "Open the shared space again" not in alice_page
    as_alice.post(f"/repairs/{alice_repair.pk}/pause/", {"action": "resume"})
    assert is_paused(alice_repair)
    as_bob.post(f"/repairs/{alice_repair.pk}/pause/", {"action": "resume"})
    assert not is_paused(alice_repair)
    assert as_alice.get(f"/repairs/{alice_repair.pk}/shared/").status_code == 200


def test_bob_can_leave_quietly_and_his_pause_goes_with_him(
    alice: User, bob: User, alice_repair: Repair, joined_bob: Any
) -> None:
    _hark(client_for(bob))
    leave_repair(repair_access(bob, alice_repair.pk))
    assert not is_paused(alice_repair)


def _normalised(html: str) -> str:
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r'"X-CSRFToken": "[^"]+"', "", html)


ALICE_SEES = ["/repairs/{id}/", "/repairs/{id}/pause/", "/repairs/{id}/shared/", "/repairs/{id}/help/", "/safety/"]


def _alices_view(alice: User, repair: Repair) -> list[tuple[int, str]]:
    client = client_for(alice)
    out = [
        (r.status_code, _normalised(r.content.decode()))
        for r in (client.get(u.format(id=repair.pk)) for u in ALICE_SEES)
    ]
    api = client.get(f"/api/repairs/{repair.pk}/questions/")
    return [*out, (api.status_code, api.content.decode())]


def test_alice_sees_the_same_pause_whether_bob_took_a_break_or_a_screen(
    alice: User, bob: User, alice_repair: Repair, joined_bob: Any
) -> None:
    as_bob = client_for(bob)
    as_bob.post(f"/repairs/{alice_repair.pk}/pause/", {"action": "pause"})
    after_a_break = _alices_view(alice, alice_repair)
    as_bob.post(f"/repairs/{alice_repair.pk}/pause/", {"action": "resume"})
    _hark(as_bob)
    after_a_screen = _alices_view(alice, alice_repair)
    assert after_a_screen == after_a_break
    # The pages themselves name screens and help lines for everyone; what must never show is bob's result.
    assert all("not your fault" not in html and "just for you" not in html for _, html in after_a_screen)


def test_alices_help_page_and_triage_use_only_her_own_signals(
    alice: User, bob: User, alice_repair: Repair, joined_bob: Any
) -> None:
    _hark(client_for(bob))
    alice_access = repair_access(alice, alice_repair.pk)
    assert "abuse_support" not in {r.kind for r in triage_for(alice_access, "INTL")}
    html = client_for(alice).get(f"/repairs/{alice_repair.pk}/help/").content.decode()
    assert "Confidential support, just for you" not in html and "Some of what you shared" not in html
    bob_access = repair_access(bob, alice_repair.pk)
    assert "abuse_support" in {r.kind for r in triage_for(bob_access, "INTL")}


def test_nothing_joint_is_suggested_to_either_partner_while_paused(
    alice: User, bob: User, alice_repair: Repair, joined_bob: Any
) -> None:
    pause(repair_access(bob, alice_repair.pk))
    alice_access = repair_access(alice, alice_repair.pk)
    save_help_signs(alice_access, {"same_arguments": True, "trust_struggle": True})
    kinds = {r.kind for r in triage_for(repair_access(alice, alice_repair.pk), "INTL")}
    assert not kinds & {"couples_therapy", "aftermath_conversation"}


@pytest.mark.parametrize(
    "reach_out",
    [
        lambda a, b: trust.ask_question(b, "you lie"),
        lambda a, b: trust.add_transparency_note(a, "I saw Sam", shared=True),
        lambda a, b: trust.add_commitment(a, text="I will call at six.", schedule=trust.ScheduleInput("daily")),
    ],
    ids=["question", "shared note", "commitment"],
)
def test_services_refuse_to_reach_the_partner_while_paused(
    alice: User, bob: User, alice_repair: Repair, joined_bob: Any, reach_out: Any
) -> None:
    pause(repair_access(alice, alice_repair.pk))
    with pytest.raises(Paused):
        reach_out(repair_access(alice, alice_repair.pk), repair_access(bob, alice_repair.pk))


def test_a_private_note_may_still_be_written_while_paused(alice: User, alice_repair: Repair, joined_bob: Any) -> None:
    pause(repair_access(alice, alice_repair.pk))
    assert trust.add_transparency_note(repair_access(alice, alice_repair.pk), "just for me").shared is False


def test_the_progress_report_is_refused_while_paused(
    alice: User, bob: User, alice_repair: Repair, joined_bob: Any
) -> None:
    pause(repair_access(bob, alice_repair.pk))
    with pytest.raises(Paused):
        render_report(repair_access(alice, alice_repair.pk), "md")


def test_alices_export_holds_nothing_of_bobs_while_paused(
    alice: User, bob: User, alice_repair: Repair, joined_bob: Any
) -> None:
    bob_access = repair_access(bob, alice_repair.pk)
    save_answer(bob_access, "what-happened", "what-happened", "BOB-SHARED words")
    set_answer_shared(bob_access, "what-happened", "what-happened", True)
    assert "BOB-SHARED" in json.dumps(export_data(alice))
    pause(bob_access)
    assert "BOB-SHARED" not in json.dumps(export_data(alice))
    assert "BOB-SHARED" in json.dumps(export_data(bob))
