"""schemathesis against our own OpenAPI schema: no 5xx, no schema violations.

The cases go through the real WSGI application in process (every middleware, the real
database), inside the test's transaction: a live server thread would need a flushed database
after every operation, which on PostgreSQL cost more than the checks themselves.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from amends.web.api.schema import openapi_schema

# The contract: no 5xx on any input, and every response as the schema documents it.
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

schema = schemathesis.openapi.from_dict(openapi_schema())


@pytest.fixture
def wsgi_app() -> Any:
    """The project's WSGI application, kept from closing the test's connection after each request
    (as Django's own test client does), so every case runs inside the test's transaction."""
    from django.core.signals import request_finished, request_started
    from django.core.wsgi import get_wsgi_application
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def api_world(db: Any, settings: Any) -> dict[str, Any]:
    from django.contrib.auth.models import User

    from amends.services.repairs import start_repair
    from amends.services.tokens import create_api_token

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.AMENDS_RATE_LIMITS = {"coach": (100_000, 60)}
    user = User.objects.create_user("alice", password="a calm harbour 42")
    repair = start_repair(user, role="offender", kind="broken_promise", title="t", description="I missed dinner.")
    _, token = create_api_token(user, "schemathesis")
    return {"repair_id": repair.pk, "token": token}


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_never_fails_with_5xx_and_matches_its_schema(case: Any, wsgi_app: Any, api_world: dict[str, Any]) -> None:
    if case.path_parameters and "repair_id" in case.path_parameters:
        case.path_parameters["repair_id"] = api_world["repair_id"]
    response = case.call(
        app=wsgi_app, base_url="http://testserver", headers={"Authorization": f"Bearer {api_world['token']}"}
    )
    case.validate_response(response, checks=CHECKS)
