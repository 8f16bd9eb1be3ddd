"""The export holds everything a person wrote, readably, and nothing of anyone else's that they may not see.

The models are discovered from django.apps: every model with a foreign key to the user, and every model
the access rule knows, gets one row written by alice (by a factory below, or built field by field), and
her export must carry that row's ``ref``. A new model fails here until it has a section in
``amends.services.export`` or a line, with its reason, in NOT_EXPORTED.
"""

from __future__ import annotations

import io
import itertools
import json
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import User
from django.db import models

from amends.journey.steps import TRACKS, load_track
from amends.services import questionnaires, trust
from amends.services.access import PERSONAL, RULES, pause, repair_access, visible
from amends.services.export import FORMAT, ref
from amends.services.partners import set_answer_shared, set_draft_shared
from amends.services.practice import record_practice
from amends.services.privacy import export_zip
from amends.services.repairs import save_answer, save_apology_draft, set_step_done
from amends.services.safety import submit_screen
from amends.web.repairs.models import Membership, Repair
from amends.web.safety_web.models import ScreenResult

from .conftest import FROZEN_NOW, join_bob, make_user, rows_for_the_module, start_alice_repair

# Models a person's rows live in that are deliberately left out of their export, each with its reason.
NOT_EXPORTED: dict[str, str] = {
    "sessions.session": "sign-in bookkeeping: a session key is a secret and its data is nobody's writing",
    "security.ratecounter": "request counts under a hashed key, kept minutes; nobody's writing",
    "trust.ledgerpast": "figures derived from the check-ins (which are exported), kept to draw the ledger fast",
    "trust.ledgerrevision": "a counter that says when the derived ledger figures must be redone",
    "waiting.seenmark": "ids of the partner's items already on screen, so 'Waiting for you' knows what is new",
}
# Text columns that are not words a person wrote, and how the export shows them instead.
NOT_TEXT: dict[str, str] = {
    "trust.scheduleversion.weekdays": "day numbers, exported as day names",
}
# Parts of a column name that mark a secret: its value must never reach any export.
SECRET_PARTS = frozenset({"hash", "password", "token", "secret", "pin", "prefix", "key"})


def _label(model: type[models.Model]) -> str:
    return model._meta.label_lower


def _points_at_user(f: Any) -> bool:
    return bool(
        f.is_relation and f.related_model is not None and f.related_model._meta.label == settings.AUTH_USER_MODEL
    )


def _belongs_to_a_person(model: type[models.Model], depth: int = 0) -> bool:
    """A user column, an access rule, or a parent that belongs to a person (a reply, a step of a plan...)."""
    if model in RULES or model in PERSONAL or any(_points_at_user(f) for f in model._meta.fields):
        return True
    parents = [f.related_model for f in model._meta.fields if f.is_relation and f.related_model is not None]
    return depth < 3 and any(_belongs_to_a_person(p, depth + 1) for p in parents if p is not model)


WALKED = sorted(_label(m) for m in apps.get_models() if _belongs_to_a_person(m) and _label(m) not in NOT_EXPORTED)


# ---------------------------------------------------------------- one row of any model, written by alice


@dataclass
class World:
    alice: User
    bob: User
    repair: Repair
    built: dict[str, models.Model] = field(default_factory=dict)
    counter: itertools.count[int] = field(default_factory=itertools.count)

    def make(self, label: str) -> models.Model:
        """One row of ``label`` written by alice (parents are made once and shared)."""
        if label not in self.built:
            factory = FACTORIES.get(label)
            self.built[label] = factory(self) if factory else _build(self, apps.get_model(label))
        return self.built[label]


# Where a row cannot be built field by field: the cast's own rows.
FACTORIES: dict[str, Callable[[World], models.Model]] = {
    "repairs.membership": lambda w: Membership.objects.get(repair=w.repair, user=w.alice),
}


def _build(world: World, model: type[models.Model]) -> models.Model:
    values: dict[str, Any] = {}
    for f in model._meta.concrete_fields:
        if f.primary_key and not f.is_relation:
            continue
        value = _value(world, model, f)
        if value is not _SKIP:
            values[f.name] = value
    return model._default_manager.create(**values)


_SKIP = object()


def _value(world: World, model: type[models.Model], f: Any) -> Any:
    if f.is_relation:
        if _points_at_user(f):
            return world.alice
        if f.related_model is Repair:
            return world.repair
        return _SKIP if f.null else world.make(_label(f.related_model))
    if f.choices:
        return _SKIP if f.has_default() else f.choices[0][0]
    if isinstance(f, (models.CharField, models.TextField)):
        # Every text column gets words of its own, so the export can be searched for them.
        return _words(next(world.counter), f.name, f.max_length or 200)
    if f.has_default() or f.null or getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
        return _SKIP
    for kind, value in _PLAIN_VALUES:
        if isinstance(f, kind):
            return value
    raise AssertionError(f"add a factory for {_label(model)} to FACTORIES in tests/web/test_export.py ({f.name})")


def _words(n: int, name: str, room: int) -> str:
    """Text no other row's text contains: ``zq<n><column>``, or where that does not fit, capitals
    counted from ``n`` (a cut-off ``zq1...`` would be the start of many other rows' words)."""
    words = f"zq{n}{name}"
    if len(words) <= room:
        return words
    letters = ""
    while len(letters) < room - 1:
        n, digit = divmod(n, 26)
        letters += chr(ord("A") + digit)
    return "Z" + letters


_PLAIN_VALUES: tuple[tuple[type[models.Field[Any, Any]], Any], ...] = (
    (models.DateTimeField, FROZEN_NOW),
    (models.DateField, date(2026, 3, 1)),
    (models.BooleanField, False),
    (models.IntegerField, 1),
    (models.FloatField, 1.5),
    (models.JSONField, {}),
)


def _texts(obj: models.Model) -> list[str]:
    """The words in ``obj`` that a person wrote (text columns that are neither secrets nor codes)."""
    out = []
    for f in obj._meta.concrete_fields:
        if isinstance(f, (models.CharField, models.TextField)) and not f.choices and not _secret(f.name):
            if f"{_label(type(obj))}.{f.name}" not in NOT_TEXT and getattr(obj, f.name):
                out.append(getattr(obj, f.name))
    return out


def _secret(name: str) -> bool:
    return bool(SECRET_PARTS & set(name.split("_")))


def _secrets(obj: models.Model) -> list[str]:
    return [str(getattr(obj, f.name)) for f in obj._meta.concrete_fields if _secret(f.name) and getattr(obj, f.name)]


@pytest.fixture
def world(alice: User, bob: User, alice_repair: Repair, joined_bob: Any) -> World:
    return World(alice, bob, alice_repair)


def _export(user: User) -> tuple[dict[str, Any], str, str]:
    """(data, the JSON text, the HTML copy) as the person downloads them."""
    archive = zipfile.ZipFile(io.BytesIO(export_zip(user)))
    text = archive.read("amends-data.json").decode()
    return json.loads(text), text, archive.read("amends-data.html").decode()


# ---------------------------------------------------------------- everything of one's own


def test_the_walk_finds_the_models_people_write() -> None:
    assert {"trust.checkin", "trust.confirmation", "trust.scheduleversion", "trust.answer"} <= set(WALKED)
    assert {"trust.disputemessage", "repairs.journeyanswer", "safety_web.screenresult"} <= set(WALKED)


def test_every_model_left_out_of_the_export_is_installed_and_says_why() -> None:
    installed = {_label(m) for m in apps.get_models()}
    for label, reason in {**NOT_EXPORTED, **NOT_TEXT}.items():
        assert ".".join(label.split(".")[:2]) in installed, f"{label} is listed but not installed"
        assert len(reason) > 20, f"say why {label} is left out"


@dataclass(frozen=True)
class Walk:
    """One row of every walked model, written by one alice, and both partners' exports of them."""

    world: World
    alices: tuple[dict[str, Any], str, str]
    bobs: tuple[dict[str, Any], str, str]


@pytest.fixture(scope="module")
def walk(django_db_setup: Any, django_db_blocker: Any) -> Iterator[Walk]:
    # Made once for the module: the three checks below only read these rows and exports, and making
    # a row and two exports for each of their 120 cases cost more than all the rest of this file.
    with rows_for_the_module(django_db_blocker) as unblocked:
        with unblocked():
            alice, bob = make_user("walk-alice"), make_user("walk-bob")
            repair = start_alice_repair(alice)
            join_bob(bob, repair)
            # Its own numbers for made-up text, so no value collides with a test's world in a unique column.
            world = World(alice, bob, repair, counter=itertools.count(10**6))
            for label in WALKED:
                world.make(label)
            made = Walk(world, _export(alice), _export(bob))
        yield made


@pytest.mark.parametrize("label", WALKED)
def test_a_row_alice_wrote_is_in_her_export(label: str, walk: Walk, db: Any) -> None:
    obj = walk.world.built[label]
    data, text, _ = walk.alices
    assert data["format"] == FORMAT == "amends-export/2"
    assert f'"{ref(obj)}"' in text, (
        f"{label} is missing from the export: give it a section in amends.services.export, "
        "or list it in NOT_EXPORTED with its reason"
    )


@pytest.mark.parametrize("label", WALKED)
def test_the_words_of_a_row_alice_wrote_are_in_her_export_and_its_secrets_are_not(
    label: str, walk: Walk, db: Any
) -> None:
    obj = walk.world.built[label]
    _, text, html = walk.alices
    missing = [t for t in _texts(obj) if json.dumps(t)[1:-1] not in text]
    assert not missing, f"{label}: the export lacks {missing}"
    prose = [getattr(obj, f.attname) for f in obj._meta.concrete_fields if _is_prose(f)]
    assert all(t in html for t in prose if t), f"{label}: the readable copy lacks what was written"
    for exported in (text, html, walk.bobs[1]):
        assert not [s for s in _secrets(obj) if s in exported], f"{label}: a secret reached an export"


def _is_prose(f: Any) -> bool:
    # Free prose: the readable copy must show it as written (short codes it shows by their label).
    return isinstance(f, models.TextField) and not _secret(f.name)


@pytest.mark.parametrize("label", WALKED)
def test_bobs_export_holds_a_row_of_alices_only_where_the_access_rule_shows_it_to_him(
    label: str, walk: Walk, db: Any
) -> None:
    obj = walk.world.built[label]
    model = type(obj)
    bob_access = repair_access(walk.world.bob, walk.world.repair.pk)
    shown = model in RULES and visible(bob_access, model).filter(pk=obj.pk).exists()
    _, text, html = walk.bobs
    assert (f'"{ref(obj)}"' in text) == shown, f"{label}: bob's export {'lacks' if shown else 'holds'} alice's row"
    if not shown:
        assert not [t for t in _texts(obj) if t in text or t in html], f"{label}: alice's words reached bob"


@pytest.fixture
def private_and_shared(world: World) -> list[str]:
    """alice's private items of each kind, one shared answer and one commitment; the refs of the private ones."""
    a = repair_access(world.alice, world.repair.pk)
    private = [
        save_answer(a, "look-inward", "what-set-me-up", "PRIVATE-ANSWER the long hours").answer,
        save_apology_draft(a, "PRIVATE-DRAFT I am sorry you felt upset."),
        trust.add_transparency_note(a, "PRIVATE-NOTE I saw Sam."),
        questionnaires.submit_questionnaire(a, "csi4", {"1": 3, "2": 3, "3": 3, "4": 3}),
        record_practice(
            a, mode="reply", partner_text="PRIVATE-PARTNER you never call", text="PRIVATE-PRACTICE I hear you"
        ),
    ]
    save_answer(a, "name-it", "what-i-did", "SHARED-ANSWER I missed your dinner")
    set_answer_shared(a, "name-it", "what-i-did", True)
    trust.add_commitment(
        a,
        text="SHARED-COMMITMENT I will call by 6pm.",
        schedule=trust.ScheduleInput("daily"),
        start=trust.today_for(world.alice.pk),
    )
    return [ref(obj) for obj in private]


def test_bobs_export_never_holds_alices_private_items(world: World, private_and_shared: list[str]) -> None:
    _, text, html = _export(world.bob)
    for exported in (text, html):
        assert "PRIVATE-" not in exported
        assert "SHARED-ANSWER" in exported and "SHARED-COMMITMENT" in exported
    assert not [r for r in private_and_shared if f'"{r}"' in text]
    _, alices, _ = _export(world.alice)
    assert all(f'"{r}"' in alices for r in private_and_shared)


def test_while_bob_pauses_his_export_holds_nothing_of_alices_and_hers_still_holds_all_her_own(
    world: World, private_and_shared: list[str]
) -> None:
    pause(repair_access(world.bob, world.repair.pk))
    _, bobs, bobs_html = _export(world.bob)
    assert "SHARED-" not in bobs and "SHARED-" not in bobs_html and "PRIVATE-" not in bobs
    _, alices, _ = _export(world.alice)
    for marker in ("PRIVATE-ANSWER", "SHARED-ANSWER", "PRIVATE-DRAFT", "PRIVATE-NOTE", "SHARED-COMMITMENT"):
        assert marker in alices


# ---------------------------------------------------------------- the conversation around one check-in and one question


def test_a_check_in_comes_with_its_note_its_schedule_the_partners_response_and_the_dispute(world: World) -> None:
    a, b = repair_access(world.alice, world.repair.pk), repair_access(world.bob, world.repair.pk)
    # This week's Monday, a day the schedule was due whatever weekday the suite runs on (it failed on a
    # Tuesday when it checked in "today").
    today = trust.today_for(world.alice.pk)
    monday = today - timedelta(days=today.weekday())
    commitment = trust.add_commitment(
        a, text="I will call by 6pm.", schedule=trust.ScheduleInput("weekly", weekdays=(0, 2)), start=monday
    )
    check_in = trust.record_check_in(a, commitment.pk, on=monday, status="partly", note="CHECKIN-NOTE late")
    trust.dispute_check_in(b, check_in.check_in.pk, "BOB-DISPUTE you did not call")
    trust.add_dispute_message(a, check_in.check_in.pk, "ALICE-REPLY my phone died")
    question = trust.ask_question(b, "BOB-QUESTION why not call?")
    trust.answer_question(a, question.pk, "ALICE-ANSWER I was ashamed.")
    for user in (world.alice, world.bob):
        data, _, html = _export(user)
        [c] = data["repairs"][0]["commitments"]
        assert [(s["how_often"], s["days"]) for s in c["schedules"]] == [
            ("On given days each week", ["Monday", "Wednesday"])
        ]
        [ci] = c["check_ins"]
        assert (ci["status_label"], ci["note"]) == ("Partly kept", "CHECKIN-NOTE late")
        assert (
            ci["response"]["verdict_label"] == "Disputed" and ci["response"]["note"] == "BOB-DISPUTE you did not call"
        )
        assert [m["text"] for m in ci["response"]["messages"]][-1] == "ALICE-REPLY my phone died"
        [q] = data["repairs"][0]["questions"]
        assert q["text"] == "BOB-QUESTION why not call?" and [x["text"] for x in q["answers"]] == [
            "ALICE-ANSWER I was ashamed."
        ]
        assert "Monday, Wednesday" in html and "Partly kept" in html and "BOB-QUESTION" in html


def test_an_answer_to_a_question_asked_by_someone_who_left_stays_in_the_answerers_export_alone(
    world: World,
) -> None:
    from amends.services.partners import leave_repair

    a, b = repair_access(world.alice, world.repair.pk), repair_access(world.bob, world.repair.pk)
    question = trust.ask_question(b, "BOB-QUESTION why not call?")
    trust.answer_question(a, question.pk, "ALICE-ANSWER I was ashamed.")
    leave_repair(b)
    data, text, _ = _export(world.alice)
    assert "BOB-QUESTION" not in text
    [orphan] = data["repairs"][0]["replies_to_items_no_longer_shown"]
    assert orphan["text"] == "ALICE-ANSWER I was ashamed."
    bobs, _, _ = _export(world.bob)
    [left] = bobs["repairs_you_left"]
    assert [q["text"] for q in left["questions"]] == [
        "BOB-QUESTION why not call?"
    ] and "ALICE-ANSWER" not in json.dumps(bobs)


# ---------------------------------------------------------------- the readable copy


def _visible_text(html: str) -> str:
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_the_readable_copy_uses_the_apps_words_in_journey_order(world: World) -> None:
    a = repair_access(world.alice, world.repair.pk)
    # Written out of order on purpose: the copy follows the journey, not the order of writing or the alphabet.
    save_answer(a, "apologize", "delivery-how", "In person, at home.")
    save_answer(a, "look-inward", "will-change", "I will leave work at five.")
    save_answer(a, "name-it", "what-i-said-i-would", "To be home by seven.")
    save_answer(a, "name-it", "what-i-did", "I stayed at work.")
    set_step_done(a, "name-it")
    _, _, html = _export(world.alice)
    text = _visible_text(html)
    offender = load_track("offender")
    titles = [offender.step(s).title for s in ("name-it", "look-inward", "apologize")]  # type: ignore[union-attr]
    labels = [
        "What exactly did I do, or fail to do?",
        "What did my partner expect from me instead?",
        "What will I change, concretely?",
        "How will I deliver it?",
    ]
    positions = [text.index(t) for t in titles]
    assert positions == sorted(positions), "steps are not in journey order"
    positions = [text.index(label) for label in labels]
    assert positions == sorted(positions), "prompts are not in the order their steps ask them"
    assert "Step 1: Name the specific mistake (done" in text


def test_the_partners_shared_answers_are_labelled_with_their_own_tracks_words(world: World) -> None:
    b = repair_access(world.bob, world.repair.pk)
    save_answer(b, "my-questions", "questions", "Why did you not call?")
    set_answer_shared(b, "my-questions", "questions", True)
    draft = save_apology_draft(repair_access(world.alice, world.repair.pk), "I am sorry I missed your dinner.")
    set_draft_shared(repair_access(world.alice, world.repair.pk), draft.pk, True)
    _, _, html = _export(world.alice)
    hurt = load_track("hurt")
    step = hurt.step("my-questions")
    assert step is not None and step.title in html and step.prompts[0].label in html


def test_the_readable_copy_shows_no_internal_names(world: World) -> None:
    a = repair_access(world.alice, world.repair.pk)
    for track in TRACKS:
        access = a if track == "offender" else repair_access(world.bob, world.repair.pk)
        for step in load_track(track).steps:
            for prompt in step.prompts:
                save_answer(access, step.slug, prompt.slug, f"Words for {prompt.label}")
        set_answer_shared(access, step.slug, step.prompts[0].slug, True)
    world.built["repairs.apologydraft"] = save_apology_draft(a, "Mistakes were made.")  # verdict: non_apology
    questionnaires.submit_questionnaire(a, "csi4", {"1": 0, "2": 0, "3": 0, "4": 1})  # band: notable_dissatisfaction
    submit_screen(world.alice, "phq9", {**{str(i): 2 for i in range(1, 9)}, "9": 0})
    for label in WALKED:  # and one row of every other kind (made directly: the pause among them stops nothing)
        world.make(label)
    for user in (world.alice, world.bob):
        text = _visible_text(_export(user)[2])
        slugs = {s.slug for t in TRACKS for s in load_track(t).steps} | {
            p.slug for t in TRACKS for s in load_track(t).steps for p in s.prompts
        }
        leaked = sorted(s for s in slugs if "-" in s and re.search(rf"(?<![\w-]){re.escape(s)}(?![\w-])", text))
        assert not leaked, f"journey keys in {user}'s readable copy: {leaked}"
        assert not re.search(r"\b[a-z]+ / [a-z]+(-[a-z]+)+\b", text), "a step / prompt key pair is shown"
        assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), "a snake_case code is shown"
        assert not re.search(r"\b[a-z_]+\.[a-z_]+:\d+", text), "a record reference is shown"


def test_questionnaire_answers_are_exported_in_the_words_the_person_saw(world: World) -> None:
    ScreenResult.objects.create(user=world.alice, instrument="phq9", answers={"1": 2, "difficulty": 1}, total=2)
    data, _, html = _export(world.alice)
    [screen] = data["personal"]["screens"]
    assert [(a["question"][:20], a["answer"]) for a in screen["answers"]] == [
        ("Little interest or p", "More than half the days"),
        ("If you checked off a", "Somewhat difficult"),
    ]
    assert screen["scale"] == [0, 27] and "Score 2 on a scale of 0 to 27." in html
