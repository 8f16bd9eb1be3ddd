"""Hypothesis fuzzes the forms: whatever is typed, the answer is a page or a clear 4xx, never a 5xx,
and a refused input changes nothing."""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from amends.web.repairs.models import ApologyDraft, JourneyAnswer, Membership, Repair

# Local runs explore new inputs each time; CI (CI=true) replays a fixed set, so a red run is reproducible.
FUZZ = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    derandomize=os.environ.get("CI") == "true",
)
# Any text a person (or a script) could send, including control characters and very long pastes.
LONG = st.builds(lambda s, n: (s * n)[:n], st.text(min_size=1, max_size=5), st.integers(19_990, 20_100))
TEXT = st.one_of(st.text(max_size=300), LONG)
SHORT = st.text(max_size=60)


@pytest.fixture(autouse=True)
def _no_rate_limits(settings: Any) -> None:
    settings.AMENDS_RATE_LIMITS = {"join": (10**6, 60)}


@FUZZ
@given(role=SHORT, kind=SHORT, title=TEXT, description=TEXT)
def test_the_repair_form_answers_any_input_with_a_page_or_a_redirect(
    as_alice: Client, alice: User, role: str, kind: str, title: str, description: str
) -> None:
    before = Repair.objects.count()
    response = as_alice.post(
        reverse("repair_new"), {"role": role, "kind": kind, "title": title, "description": description}
    )
    assert response.status_code in {200, 302}
    if response.status_code == 200:
        assert Repair.objects.count() == before


@FUZZ
@given(
    role=st.sampled_from(["offender", "hurt"]), kind=st.sampled_from(["lying", "other"]), title=SHORT.filter(str.strip)
)
def test_a_refused_repair_form_keeps_the_users_title(as_alice: Client, role: str, kind: str, title: str) -> None:
    response = as_alice.post(reverse("repair_new"), {"role": role, "kind": kind, "title": title, "description": ""})
    if response.status_code == 200:
        assert response.context["form"]["title"].value() == title


@FUZZ
@example(code="ABCD\x00EFGH")
@given(code=st.one_of(TEXT, st.text(alphabet="ABCDEFGHJKMNPQRSTUVWXYZ23456789- ", max_size=12)))
def test_the_invitation_code_form_refuses_any_wrong_code_clearly_and_changes_nothing(
    as_charlie: Client, alice_repair: Any, code: str
) -> None:
    response = as_charlie.post(reverse("join"), {"code": code})
    assert response.status_code in {400, 404}
    assert Membership.objects.filter(repair=alice_repair).count() == 1


@FUZZ
@given(text=TEXT, other=TEXT)
@example(text="before\x00after", other="")  # PostgreSQL refuses NUL in text columns
def test_step_answers_save_or_explain_and_never_fail(
    as_alice: Client, alice_repair: Any, text: str, other: str
) -> None:
    url = reverse("step", args=[alice_repair.pk, "name-it"])
    before = dict(JourneyAnswer.objects.filter(repair=alice_repair).values_list("prompt", "text"))
    response = as_alice.post(url, {"answer-what-i-did": text, "answer-what-i-said-i-would": other, "action": "save"})
    assert response.status_code in {200, 302}
    saved = dict(JourneyAnswer.objects.filter(repair=alice_repair).values_list("prompt", "text"))
    if response.status_code == 200:  # refused: each answer is either saved whole or left as it was
        assert response.context["texts"]["what-i-did"] == text
        assert saved.get("what-i-did") in {text, before.get("what-i-did")}
    else:
        assert saved["what-i-did"] == text


@FUZZ
@given(prompt=SHORT, shared=SHORT, text=st.text(max_size=200))
def test_the_share_toggle_refuses_unknown_prompts_and_values(
    as_alice: Client, alice_repair: Any, prompt: str, shared: str, text: str
) -> None:
    url = reverse("share_answer", args=[alice_repair.pk, "name-it"])
    response = as_alice.post(url + "?" + urlencode({"prompt": prompt}), {"shared": shared})
    assert response.status_code in {302, 404}
    assert (
        not JourneyAnswer.objects.filter(shared=True).exclude(prompt__in=["what-i-did", "what-i-said-i-would"]).exists()
    )


@FUZZ
@given(draft_id=st.integers(min_value=0, max_value=2**63 - 1))
def test_tampered_apology_ids_get_404_and_share_nothing(
    as_charlie: Client, alice: User, alice_repair: Any, charlie_repair: Any, draft_id: int
) -> None:
    ApologyDraft.objects.get_or_create(repair=alice_repair, author=alice, version=1, defaults={"text": "I am sorry."})
    response = as_charlie.post(f"/repairs/{charlie_repair.pk}/apology/{draft_id}/share/", {"shared": "1"})
    assert response.status_code == 404
    assert not ApologyDraft.objects.filter(shared=True).exists()
