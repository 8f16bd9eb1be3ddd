"""Over-long text in every web form: refused with the limit stated, and the text comes back in the field.

Nothing is ever cut: no field carries a ``maxlength`` (the browser would cut pasted text without a
word), and nothing over its limit is saved.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from amends.limits import chars
from amends.services import trust as service
from amends.services.access import repair_access
from amends.web.repairs.models import JourneyAnswer, PracticeEntry, Repair
from amends.web.safety_web.models import ArgumentEntry, SafetyPlan
from amends.web.security.models import ApiToken
from amends.web.trust import models

PLAN_STEP = "warning_signs"


def _over(limit: int) -> str:
    """Plain words, one character over ``limit``."""
    text = ("I will call you when I am running late " * (limit // 38 + 2))[: limit + 1]
    return text[:-1] + "x"


@dataclass(frozen=True)
class Form:
    name: str
    client: str  # "alice" or "bob"
    url: Callable[[dict[str, Any]], str]
    data: Callable[[dict[str, Any], str], dict[str, Any]]
    limit: int
    saved: Callable[[dict[str, Any]], int]  # how many rows the form would have written


@pytest.fixture
def world(alice: Any, joined_bob: Any, alice_repair: Any) -> dict[str, Any]:
    alice_access = repair_access(alice, alice_repair.pk)
    bob_access = repair_access(joined_bob.user, alice_repair.pk)
    c = service.add_commitment(alice_access, text="I will call if I am late.", schedule=service.ScheduleInput("daily"))
    check_in = service.record_check_in(alice_access, c.pk, on=c.start, status="kept").check_in
    disputed = service.add_commitment(
        alice_access, text="I will text at noon.", schedule=service.ScheduleInput("daily")
    )
    argued = service.record_check_in(alice_access, disputed.pk, on=disputed.start, status="kept").check_in
    service.dispute_check_in(bob_access, argued.pk, note="I did not get a text.")
    question = service.ask_question(bob_access, "Why did you not call?")
    due = service.add_commitment(alice_access, text="I will walk the dog.", schedule=service.ScheduleInput("daily"))
    return {"repair": alice_repair.pk, "c": c, "due": due, "check_in": check_in, "argued": argued, "question": question}


def _repair_count(w: dict[str, Any]) -> int:
    return Repair.objects.count()


FORMS = [
    Form(
        "repair name",
        "alice",
        lambda w: reverse("repair_new"),
        lambda w, t: {"role": "offender", "kind": "lying", "title": t, "description": "I lied about the money."},
        chars("repair.title"),
        _repair_count,
    ),
    Form(
        "what happened",
        "alice",
        lambda w: reverse("repair_new"),
        lambda w, t: {"role": "offender", "kind": "lying", "title": "The loan", "description": t},
        chars("text"),
        _repair_count,
    ),
    Form(
        "journey answer",
        "alice",
        lambda w: reverse("step", args=[w["repair"], "name-it"]),
        lambda w, t: {"answer-what-i-did": t, "action": "save"},
        chars("text"),
        lambda w: JourneyAnswer.objects.filter(prompt="what-i-did").exclude(text="").count(),
    ),
    Form(
        "commitment",
        "alice",
        lambda w: reverse("trust_commitments", args=[w["repair"]]),
        lambda w, t: {"text": t, "kind": "daily", "keep": "yes"},
        chars("commitment.text"),
        lambda w: models.Commitment.objects.count(),
    ),
    Form(
        "commitment event",
        "alice",
        lambda w: reverse("trust_commitments", args=[w["repair"]]),
        lambda w, t: {"text": "I will call you.", "kind": "whenever", "event": t, "keep": "yes"},
        chars("commitment.event"),
        lambda w: models.Commitment.objects.count(),
    ),
    Form(
        "commitment edit",
        "alice",
        lambda w: reverse("trust_commitment_edit", args=[w["repair"], w["c"].pk]),
        lambda w, t: {"text": t, "kind": "daily", "keep": "yes", "reason": "Clearer."},
        chars("commitment.text"),
        lambda w: models.ScheduleVersion.objects.count(),
    ),
    Form(
        "check-in note",
        "alice",
        lambda w: reverse("trust_checkins", args=[w["repair"]]),
        lambda w, t: {"commitment": w["due"].pk, "on": w["due"].start.isoformat(), "status": "kept", "note": t},
        chars("check_in.note"),
        lambda w: models.CheckIn.objects.filter(note__gt="").count(),
    ),
    Form(
        "confirmation note",
        "bob",
        lambda w: reverse("trust_confirm", args=[w["repair"]]),
        lambda w, t: {"check_in": w["check_in"].pk, "verdict": "disputed", "note": t},
        chars("confirmation.note"),
        lambda w: models.Confirmation.objects.count(),
    ),
    Form(
        "dispute message",
        "bob",
        lambda w: reverse("trust_dispute_message", args=[w["repair"], w["argued"].pk]),
        lambda w, t: {"text": t},
        chars("dispute.message"),
        lambda w: models.DisputeMessage.objects.count(),
    ),
    Form(
        "question",
        "bob",
        lambda w: reverse("trust_questions", args=[w["repair"]]),
        lambda w, t: {"text": t},
        chars("question.text"),
        lambda w: models.Question.objects.count(),
    ),
    Form(
        "answer",
        "alice",
        lambda w: reverse("trust_question", args=[w["repair"], w["question"].pk]),
        lambda w, t: {"text": t, "action": "send"},
        chars("answer.text"),
        lambda w: models.Answer.objects.count(),
    ),
    Form(
        "transparency note",
        "alice",
        lambda w: reverse("trust_notes", args=[w["repair"]]),
        lambda w, t: {"text": t},
        chars("transparency_note.text"),
        lambda w: models.TransparencyNote.objects.count(),
    ),
    Form(
        "argument topic",
        "alice",
        lambda w: reverse("arguments", args=[w["repair"]]),
        lambda w, t: {"occurred_on": "2026-03-01", "topic": t, "what_happened": "", "how_it_ended": ""},
        chars("argument.topic"),
        lambda w: ArgumentEntry.objects.count(),
    ),
    Form(
        "argument detail",
        "alice",
        lambda w: reverse("arguments", args=[w["repair"]]),
        lambda w, t: {"occurred_on": "2026-03-01", "topic": "Money", "what_happened": t, "how_it_ended": ""},
        chars("text"),
        lambda w: ArgumentEntry.objects.count(),
    ),
    Form(
        "safety plan",
        "alice",
        lambda w: reverse("safety_plan"),
        lambda w, t: {f"step-{PLAN_STEP}": t},
        chars("text"),
        lambda w: SafetyPlan.objects.count(),
    ),
    Form(
        "listening practice",
        "alice",
        lambda w: reverse("listen", args=[w["repair"]]),
        lambda w, t: {"partner": "You forgot again.", "text": t, "action": "save"},
        chars("text"),
        lambda w: PracticeEntry.objects.count(),
    ),
    Form(
        "settings time zone",
        "alice",
        lambda w: reverse("settings"),
        lambda w, t: {"region": "INTL", "timezone": t},
        64,
        lambda w: 0,
    ),
    Form(
        "API token name",
        "alice",
        lambda w: reverse("token_create"),
        lambda w, t: {"name": t, "scope": "read", "days": "30"},
        chars("api_token.name"),
        lambda w: ApiToken.objects.count(),
    ),
]


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.name)
def test_over_long_text_in_a_web_form_is_refused_with_the_limit_and_kept_in_the_field(
    form: Form, world: dict[str, Any], as_alice: Client, as_bob: Client
) -> None:
    client = as_alice if form.client == "alice" else as_bob
    before = form.saved(world)
    text = _over(form.limit)
    response = client.post(form.url(world), form.data(world, text))
    page = html.unescape(response.content.decode())
    assert response.status_code in (200, 400), (form.name, response.status_code)
    assert f"the limit is {form.limit:,}" in page, form.name
    assert text in page, f"{form.name}: the typed text did not come back"
    assert "maxlength" not in page, f"{form.name}: the browser would cut pasted text"
    assert form.saved(world) == before, f"{form.name}: something was saved"


def test_a_25000_character_question_is_refused_not_cut_to_4000(world: dict[str, Any], as_bob: Client) -> None:
    text = _over(25_000 - 1)
    response = as_bob.post(reverse("trust_questions", args=[world["repair"]]), {"text": text}, follow=True)
    page = html.unescape(response.content.decode())
    assert "25,000 characters; the limit is 4,000" in page
    assert "Question sent" not in page
    assert not models.Question.objects.filter(text__startswith=text[:4000]).exclude(pk=world["question"].pk).exists()


def test_autosave_refuses_an_over_long_answer_with_the_limit_and_a_client_error(
    world: dict[str, Any], as_alice: Client
) -> None:
    url = reverse("autosave", args=[world["repair"], "name-it"]) + "?prompt=what-i-did"
    response = as_alice.post(url, {"answer-what-i-did": _over(chars("text"))}, HTTP_HX_REQUEST="true")
    assert response.status_code == 422  # a refusal the page tells apart from a network failure: never retried
    assert "the limit is 20,000" in response.content.decode()


def test_sign_up_with_an_over_long_name_is_refused_with_the_limit(as_anon: Client, db: Any) -> None:
    name = "a" * 151
    response = as_anon.post(
        reverse("signup"), {"username": name, "password1": "a long pass phrase", "password2": "a long pass phrase"}
    )
    page = response.content.decode()
    assert "the limit is 150" in page and name in page and "maxlength" not in page


def test_no_template_sets_a_maxlength_that_would_cut_pasted_text() -> None:
    from pathlib import Path

    import amends.web

    templates = Path(amends.web.__file__).parent / "templates"
    cutting = [str(p.relative_to(templates)) for p in templates.rglob("*.html") if "maxlength" in p.read_text()]
    assert not cutting, f"state the limit and let the server refuse instead: {cutting}"
