"""One limits table: the forms, the API schema, the models and the services agree on every field,
and a text over its limit is refused with a clear message everywhere, never cut."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client

from amends import limits
from amends.limits import LIMITS, chars
from amends.services import trust as service
from amends.services.access import repair_access
from amends.services.conversation_turns import propose_agreement
from amends.services.conversations import save_step, start_conversation
from amends.services.errors import InvalidInput
from amends.services.incidents import record_incident
from amends.services.repairs import start_repair
from amends.services.safety import log_argument
from amends.web.api.schema import openapi_schema
from amends.web.incidents.forms import IncidentForm
from amends.web.incidents.models import Incident, IncidentAnswer
from amends.web.repairs.forms import RepairForm
from amends.web.repairs.models import Repair
from amends.web.trust import forms, models

# Every place a limit is stated, by the table's name for it. A new limited field joins these lists.
FORM_FIELDS = [
    ("repair.title", RepairForm, "title"),
    ("text", RepairForm, "description"),
    ("commitment.text", forms.CommitmentForm, "text"),
    ("commitment.event", forms.CommitmentForm, "event"),
    ("check_in.note", forms.CheckInForm, "note"),
    ("confirmation.note", forms.RespondForm, "note"),
    ("dispute.message", forms.MessageForm, "text"),
    ("question.text", forms.QuestionForm, "text"),
    ("answer.text", forms.AnswerForm, "text"),
    ("transparency_note.text", forms.NoteForm, "text"),
    ("incident.note", IncidentForm, "note"),
]
MODEL_FIELDS = [
    ("repair.title", Repair, "title"),
    ("text", Repair, "description"),
    ("commitment.text", models.Commitment, "text"),
    ("commitment.text", models.ScheduleVersion, "text"),
    ("commitment.event", models.ScheduleVersion, "event"),
    ("check_in.note", models.CheckIn, "note"),
    ("confirmation.note", models.Confirmation, "note"),
    ("dispute.message", models.DisputeMessage, "text"),
    ("question.text", models.Question, "text"),
    ("answer.text", models.Answer, "text"),
    ("transparency_note.text", models.TransparencyNote, "text"),
    ("incident.note", Incident, "note"),
    ("text", IncidentAnswer, "text"),
]
SCHEMA_FIELDS = [
    ("text", "/api/coach/apology", "post", "text"),
    ("text", "/api/coach/apology", "post", "mistake"),
    ("text", "/api/coach/reply", "post", "partner"),
    ("commitment.text", "/api/repairs/{repair_id}/commitments/", "post", "text"),
    ("commitment.event", "/api/repairs/{repair_id}/commitments/", "post", "event"),
    ("check_in.note", "/api/repairs/{repair_id}/check-ins/", "post", "note"),
    ("confirmation.note", "/api/repairs/{repair_id}/check-ins/{check_in_id}/confirmation/", "post", "note"),
    ("question.text", "/api/repairs/{repair_id}/questions/", "post", "text"),
    ("answer.text", "/api/repairs/{repair_id}/questions/{question_id}/answers/", "post", "text"),
]


@pytest.mark.parametrize(("limit", "form", "name"), FORM_FIELDS, ids=lambda v: getattr(v, "__name__", str(v)))
def test_each_form_field_allows_exactly_what_the_table_says(limit: str, form: Any, name: str) -> None:
    assert form().fields[name].max_length == chars(limit)


@pytest.mark.parametrize(("limit", "model", "name"), MODEL_FIELDS, ids=lambda v: getattr(v, "__name__", str(v)))
def test_each_model_field_allows_exactly_what_the_table_says(limit: str, model: Any, name: str) -> None:
    assert model._meta.get_field(name).max_length == chars(limit)


@pytest.mark.parametrize(("limit", "path", "method", "name"), SCHEMA_FIELDS)
def test_each_api_schema_field_allows_exactly_what_the_table_says(
    limit: str, path: str, method: str, name: str
) -> None:
    body = openapi_schema()["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"]
    assert body["properties"][name]["maxLength"] == chars(limit)


def test_every_string_in_the_api_schema_with_a_length_is_listed_here() -> None:
    listed = {(path, method, name) for _, path, method, name in SCHEMA_FIELDS}
    for path, ops in openapi_schema()["paths"].items():
        for method, op in ops.items():
            if method == "parameters" or "requestBody" not in op:
                continue
            schema = op["requestBody"]["content"]["application/json"]["schema"]
            for name, prop in schema.get("properties", {}).items():
                if "string" in str(prop.get("type")) and prop.get("format") != "date" and "enum" not in prop:
                    assert "maxLength" in prop, f"{path} {name} has no length limit"
                    assert (path, method, name) in listed or name == "text", f"{path} {name} is not in the table"


# The services: at the limit accepted, one over refused with the limit named, never cut ----------


@pytest.fixture
def world(alice: Any, joined_bob: Any, alice_repair: Any) -> dict[str, Any]:
    alice_access, bob_access = repair_access(alice, alice_repair.pk), repair_access(joined_bob.user, alice_repair.pk)
    c = service.add_commitment(alice_access, text="I will call if I am late.", schedule=service.ScheduleInput("daily"))
    check_in = service.record_check_in(alice_access, c.pk, on=c.start, status="kept").check_in
    question = service.ask_question(bob_access, "Why did you not call?")
    return {"alice": alice_access, "bob": bob_access, "check_in": check_in, "question": question, "user": alice}


def _text(n: int) -> str:
    words = ("I will call you when I am running late. " * (n // 20 + 2))[:n]
    return words[:-1] + "x" if words.endswith(" ") else words


def _services(w: dict[str, Any]) -> dict[str, Callable[[str], Any]]:
    alice, bob, check_in = w["alice"], w["bob"], w["check_in"]
    return {
        "repair.title": lambda t: start_repair(w["user"], role="offender", kind="lying", title=t, description="x"),
        "commitment.text": lambda t: service.add_commitment(alice, text=t, schedule=service.ScheduleInput("daily")),
        "commitment.event": lambda t: service.add_commitment(
            alice, text="I will call you.", schedule=service.ScheduleInput("whenever", event=t)
        ),
        "check_in.note": lambda t: service.record_check_in(
            alice, check_in.commitment_id, on=check_in.on, status="kept", note=t
        ),
        "confirmation.note": lambda t: service.dispute_check_in(bob, check_in.pk, note=t),
        "dispute.message": lambda t: service.add_dispute_message(bob, check_in.pk, t),
        "question.text": lambda t: service.ask_question(bob, t),
        "answer.text": lambda t: service.answer_question(alice, w["question"].pk, t),
        "transparency_note.text": lambda t: service.add_transparency_note(alice, t),
        "argument.topic": lambda t: log_argument(
            alice, occurred_on=check_in.on, topic=t, what_happened="", how_it_ended="", today=check_in.on
        ),
        "conversation.text": lambda t: save_step(alice, _fight(alice), "triggers", {"escalated": t}, set()),
        "conversation.agreement": lambda t: propose_agreement(alice, _fight(alice), t),
        "incident.note": lambda t: record_incident(alice, kind="relapse", happened_on=date(2026, 3, 1), note=t),
    }


def _fight(access: Any) -> Any:
    return start_conversation(access, "after-a-fight")


def test_each_service_refuses_one_character_over_its_limit_and_keeps_one_at_it(world: dict[str, Any]) -> None:
    calls = _services(world)
    for name, call in calls.items():
        limit = chars(name)
        with pytest.raises(InvalidInput, match=f"the limit is {limit:,}") as refused:
            call(_text(limit + 1))
        assert "your text is still here" in str(refused.value), name
        saved = call(_text(limit))
        assert saved is not None, name
    untested = set(LIMITS) - set(calls) - {"text", "api_token.name"}  # those two: tests/web/test_security.py, etc.
    assert not untested, f"add a service call for {untested}"


def test_a_long_check_in_note_is_refused_not_cut(world: dict[str, Any]) -> None:
    check_in = world["check_in"]
    with pytest.raises(InvalidInput, match="2,500 characters; the limit is 2,000"):
        service.record_check_in(world["alice"], check_in.commitment_id, on=check_in.on, status="kept", note="a" * 2500)
    check_in.refresh_from_db()
    assert check_in.note == ""


# Through the API and the web form ----------------------------------------------------------------


def test_a_250_character_event_through_the_api_is_a_400_naming_the_field(alice: Any, alice_repair: Any) -> None:
    from amends.services.tokens import create_api_token

    _, token = create_api_token(alice, "phone", scope="write")
    response = Client().post(
        f"/api/repairs/{alice_repair.pk}/commitments/",
        {"text": "I will call you.", "kind": "whenever", "event": "e" * 250},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 400 and response.json()["field"] == "event"
    assert "the limit is 200" in response.json()["message"]
    assert not models.Commitment.objects.exists()


def test_an_over_long_check_in_note_in_the_web_form_is_refused_and_kept(
    as_alice: Client, world: dict[str, Any]
) -> None:
    from django.urls import reverse

    fresh = service.add_commitment(
        world["alice"], text="I will text you at lunch.", schedule=service.ScheduleInput("daily")
    )
    url = reverse("trust_checkins", args=[fresh.repair_id])
    note = "n" * 2001
    response = as_alice.post(
        url, {"commitment": fresh.pk, "on": fresh.start.isoformat(), "status": "kept", "note": note}
    )
    page = response.content.decode()
    assert "2,001 characters; the limit is 2,000" in page and f">{note}</textarea>" in page  # refused, text kept
    assert "maxlength" not in page  # the browser would cut a pasted note without a word
    assert not models.CheckIn.objects.filter(commitment=fresh).exists()


# Dates ------------------------------------------------------------------------------------------


def test_a_commitment_starts_at_most_a_year_back_or_ahead(world: dict[str, Any]) -> None:
    alice, today = world["alice"], service.today_for(world["user"].pk)
    daily = service.ScheduleInput("daily")
    for start in (today - timedelta(days=365), today + timedelta(days=365)):
        assert service.add_commitment(alice, text="I will call you.", schedule=daily, start=start, today=today)
    for start, words in ((today - timedelta(days=366), "a year back"), (today + timedelta(days=366), "a year ahead")):
        with pytest.raises(InvalidInput, match=words) as refused:
            service.add_commitment(alice, text="I will call you.", schedule=daily, start=start, today=today)
        assert refused.value.field == "start"


def test_the_year_one_start_date_is_refused_through_the_api(alice: Any, alice_repair: Any) -> None:
    from amends.services.tokens import create_api_token

    _, token = create_api_token(alice, "phone", scope="write")
    response = Client().post(
        f"/api/repairs/{alice_repair.pk}/commitments/",
        {"text": "I will call you.", "kind": "daily", "start": "0001-01-01"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 400 and response.json()["field"] == "start"
    assert "at most a year back" in response.json()["message"]


def test_the_limits_module_is_pure_python() -> None:
    import ast
    from pathlib import Path

    tree = ast.parse(Path(limits.__file__).read_text())
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not {m for m in imported if m and m.startswith("django")}
