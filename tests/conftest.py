"""Collection rules shared by every test folder.

``scripts/test.sh`` runs the suite twice, on SQLite and on PostgreSQL, side by side. The PostgreSQL
run (``AMENDS_DATABASE_TESTS_ONLY=1``) keeps only the tests that open the database: a test with no
database fixture or mark does the same thing whichever database the run has, and it has already run
on SQLite. That includes the subprocess tests of the embedded default, which drop DATABASE_URL.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

_DATABASE_FIXTURES = frozenset(
    {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback", "live_server"}
)


def opens_the_database(item: pytest.Item) -> bool:
    fixtures = set(getattr(item, "fixturenames", ()))
    return item.get_closest_marker("django_db") is not None or bool(_DATABASE_FIXTURES & fixtures)


def pytest_collection_modifyitems(config: pytest.Config, items: list[Any]) -> None:
    if os.environ.get("AMENDS_DATABASE_TESTS_ONLY") != "1":
        return
    keep = [item for item in items if opens_the_database(item)]
    if len(keep) < len(items):
        config.hook.pytest_deselected(items=[item for item in items if not opens_the_database(item)])
        items[:] = keep
