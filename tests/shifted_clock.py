"""Loaded with -p: with AMENDS_TEST_NOW set (an ISO instant), the run's own process starts its clock there.

``make test-clock`` runs the web and CLI tests so, on a Saturday years ahead and across a midnight, to
find tests that pass only on the day they were written: a fixed date that a real clock outgrows, a
weekly schedule checked "today", a date read twice across midnight. The clock keeps ticking from that
instant, so what a test writes keeps its order. Django's ``timezone.now`` is moved, with every model
field that takes it as a default, and the rate-limit clock; processes a test starts keep the real time.
"""

from __future__ import annotations

import os
from datetime import datetime

import pytest


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    target = os.environ.get("AMENDS_TEST_NOW")
    if not target:
        return
    from django.apps import apps
    from django.utils import timezone

    from amends.services import tokens

    real_now = timezone.now
    offset = datetime.fromisoformat(target) - real_now()

    def shifted_now() -> datetime:
        return real_now() + offset

    timezone.now = shifted_now
    tokens.clock = shifted_now
    for model in apps.get_models():
        for field in model._meta.fields:
            if field.default is real_now:
                field.default = shifted_now
