"""Every URL pattern in the project, run with the cast. A new view cannot escape it.

Patterns with an object in the path (a repair, a draft, a token...) are filled with alice's
objects: charlie, an outsider with his own repair, must get 404 on every method that exists,
and change nothing. Anonymous visitors are sent to sign in (or get a 4xx from the API).
Patterns with no object must be listed below as public or as "signed in, own data only";
an unlisted one fails the test until someone decides which it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from amends.web.partners.models import Invitation
from amends.web.repairs.models import ApologyDraft, JourneyAnswer, Membership, Repair

# Anyone may open these.
PUBLIC = {
    "home",
    "signup",
    "login",
    "logout",
    "guide",
    "help",
    "neutral",
    "healthz",
    "readyz",
    "api_openapi",
    "unlock",
    "safety_now",  # crisis lines must never sit behind a sign-in
    "reminders_feed",  # a calendar app calls it signed out: the secret in the path is the key (tests/web/test_reminders.py)
    "recover",  # a forgotten password is reset signed out, with a recovery code
    "manifest",  # add to home screen: fetched by the browser without cookies
    "service_worker",
    "offline",  # stored by the worker, so it must be the same for everyone
    "guide_conversations",
    "guide_conversation",  # the Guide's read-only copy of each guided conversation, timer included
    "join",  # an invitation link opened before signing in keeps its code through sign-up
}
# Signed-in pages that only ever show or change the signed-in user's own data (no couple's object in the path).
OWN_DATA = {
    "password_change",
    "password_change_done",
    "settings",
    "repair_new",
    "privacy",
    "export_download",
    "delete_account",
    "token_create",
    "lock_settings",
    "safety",
    "safety_concerns",
    "safety_plan",
    "safety_screen",
    "reminders_settings",
    "reminders_calendar",
    "recovery_regenerate",
}
# JSON endpoints with no object in the path: anonymous callers get a 4xx, never data.
OWN_DATA_API = {"api_coach_apology", "api_coach_emotions", "api_coach_reply", "api_safety_scan", "reminders_poll"}
# Path parameters that are not object ids: a value that exists in alice's repair.
VALUES = {"slug": "name-it", "instrument": "csi4", "name": "heatmap", "step": "feelings"}
VALUES_BY_URL = {"safety_screen": {"name": "phq9"}}
POST_DATA = {
    "shared": "1",
    "helped": "helped",
    "text": "outsider text",
    "confirm": "DELETE",
    "answer-what-i-did": "outsider",
    "prompt": "what-i-did",
}


def _patterns(resolvers: list[Any], prefix: str = "") -> Iterator[tuple[str, str | None, list[str]]]:
    for entry in resolvers:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            yield route, entry.name, re.findall(r"<(?:\w+:)?(\w+)>", route)


ALL = list(_patterns(get_resolver().url_patterns))
WITH_OBJECTS = [(route, name, params) for route, name, params in ALL if params and name not in OWN_DATA | PUBLIC]


def test_every_url_pattern_has_a_name_and_a_classification() -> None:
    unnamed = [route for route, name, _ in ALL if not name]
    unclassified = [name for _, name, params in ALL if not params and name not in PUBLIC | OWN_DATA | OWN_DATA_API]
    unknown_values = [
        (name, p) for _, name, params in ALL if name in OWN_DATA for p in params if p not in VALUES_BY_URL.get(name, {})
    ]
    unknown_params = {p for _, _, params in WITH_OBJECTS for p in params if p not in VALUES and not p.endswith("_id")}
    assert not unnamed, f"name these URL patterns: {unnamed}"
    assert not unclassified, f"classify these in tests/web/test_url_cast.py (PUBLIC, OWN_DATA...): {unclassified}"
    assert not unknown_params, f"add a value for these path parameters to VALUES: {unknown_params}"
    assert not unknown_values, f"add values for these own-data URLs to VALUES_BY_URL: {unknown_values}"


def test_the_url_list_is_really_enumerated() -> None:
    names = {name for _, name, _ in ALL}
    assert {"repair", "shared_view", "share_draft", "token_revoke", "join"} <= names


def _object_id(param: str, world: dict[str, Any], repair: Repair) -> tuple[Any, bool]:
    """alice's object for an id parameter, and whether it is a real one."""
    if param in world:
        return world[param], True
    suffix = param.removesuffix("_id").replace("_", "")
    for model in apps.get_models():
        if model._meta.model_name.endswith(suffix):
            row = next((r for r in model._default_manager.all() if _in_repair(r, repair)), None)
            if row is not None:
                return row.pk, True
    return 10**9, False


def _in_repair(row: Any, repair: Repair, depth: int = 0) -> bool:
    """Whether the row hangs off alice's repair, or belongs to alice herself (her own safety screens...)."""
    if isinstance(row, Repair):
        return row.pk == repair.pk
    if isinstance(row, User):
        return row.pk == repair.created_by_id
    for field in row._meta.fields:
        if field.is_relation and field.many_to_one and depth < 3 and field.related_model is not None:
            target = getattr(row, field.name)
            if target is not None:
                if _in_repair(target, repair, depth + 1):
                    return True
    return False


def _fill(route: str, params: list[str], world: dict[str, Any], repair: Repair, repair_id: int) -> tuple[str, bool]:
    path, exact = "/" + route, True
    for param in params:
        if param == "repair_id":
            value: Any = repair_id
        elif param in VALUES:
            value = VALUES[param]
        else:
            value, found = _object_id(param, world, repair)
            exact = exact and found
        path = re.sub(rf"<(?:\w+:)?{param}>", str(value), path)
    return path, exact


def _fingerprint(repair: Repair) -> tuple[Any, ...]:
    from amends.web.security.models import ApiToken

    return (
        list(JourneyAnswer.objects.filter(repair=repair).values_list("pk", "text", "shared").order_by("pk")),
        list(ApologyDraft.objects.filter(repair=repair).values_list("pk", "text", "shared").order_by("pk")),
        list(Membership.objects.filter(repair=repair).values_list("user_id", "role").order_by("pk")),
        list(Invitation.objects.values_list("pk", "used_at", "revoked_at").order_by("pk")),
        list(ApiToken.objects.values_list("pk", flat=True).order_by("pk")),
        Repair.objects.filter(pk=repair.pk).values_list("title", "description").first(),
    )


def _request(client: Client, method: str, path: str) -> Any:
    if method == "get":
        return client.get(path)
    return client.post(path, POST_DATA)


def test_every_object_url_of_the_cast_names_a_real_object(world: dict[str, Any], alice_repair: Any) -> None:
    """An id with nothing behind it would make charlie's 404 below prove nothing."""
    missing = [
        path
        for route, _, params in WITH_OBJECTS
        for path, exact in [_fill(route, params, world, alice_repair, alice_repair.pk)]
        if not exact
    ]
    assert not missing, f"seed an object for these in tests/web/cast_world.py: {missing}"


@pytest.mark.parametrize(("route", "name", "params"), WITH_OBJECTS, ids=[n or r for r, n, _ in WITH_OBJECTS])
def test_charlie_gets_404_on_every_url_that_names_the_couples_objects(
    route: str, name: str, params: list[str], world: dict[str, Any], alice_repair: Any, as_charlie: Client, alice: Any
) -> None:
    from tests.web.conftest import client_for

    path, exact = _fill(route, params, world, alice_repair, alice_repair.pk)
    before = _fingerprint(alice_repair)
    outsider = {m: _request(as_charlie, m, path).status_code for m in ("get", "post")}
    assert _fingerprint(alice_repair) == before, f"charlie changed the couple's data through {path}"
    owner = {m: _request(client_for(alice), m, path).status_code for m in ("get", "post")}
    for method, status in outsider.items():
        # Only a method the view never accepts (405 for alice too) may answer something other than 404.
        assert status == 404 or (status == 405 and owner[method] == 405), f"{method.upper()} {path}: {status}"
    if exact:
        assert set(owner.values()) != {404}, f"alice herself gets 404 on {path}: the test's values are wrong"


# Paths that name an object inside the repair, not just the repair itself.
WITH_INNER_OBJECTS = [(r, n, p) for r, n, p in WITH_OBJECTS if not set(p) <= {"repair_id", *VALUES}]


@pytest.mark.parametrize(
    ("route", "name", "params"), WITH_INNER_OBJECTS, ids=[n or r for r, n, _ in WITH_INNER_OBJECTS]
)
def test_charlie_cannot_reach_the_couples_objects_through_his_own_repair(
    route: str,
    name: str,
    params: list[str],
    world: dict[str, Any],
    alice_repair: Any,
    charlie_repair: Any,
    as_charlie: Client,
) -> None:
    path, _ = _fill(route, params, world, alice_repair, charlie_repair.pk)
    before = _fingerprint(alice_repair)
    for method in ("get", "post"):
        assert _request(as_charlie, method, path).status_code in {404, 405, 400}, f"{method.upper()} {path}"
    assert _fingerprint(alice_repair) == before


@pytest.mark.parametrize(("route", "name", "params"), WITH_OBJECTS, ids=[n or r for r, n, _ in WITH_OBJECTS])
def test_anonymous_visitors_are_sent_to_sign_in_on_every_object_url(
    route: str, name: str, params: list[str], world: dict[str, Any], alice_repair: Any, as_anon: Client
) -> None:
    path, _ = _fill(route, params, world, alice_repair, alice_repair.pk)
    for method in ("get", "post"):
        response = _request(as_anon, method, path)
        if path.startswith("/api/"):
            assert response.status_code in {401, 403, 404, 405}, f"{method.upper()} {path}"
        else:
            assert response.status_code == 302 and response["Location"].startswith(reverse("login")), path


@pytest.mark.parametrize("name", sorted(OWN_DATA))
def test_anonymous_visitors_are_sent_to_sign_in_on_own_data_pages(name: str, as_anon: Client) -> None:
    response = as_anon.get(reverse(name, kwargs=VALUES_BY_URL.get(name)))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", sorted(OWN_DATA_API))
def test_anonymous_callers_get_no_data_from_the_api(name: str, as_anon: Client) -> None:
    response = as_anon.post(reverse(name), "{}", content_type="application/json")
    assert response.status_code in {401, 403}
