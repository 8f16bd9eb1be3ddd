"""Collection rules and process-wide test speed-ups shared by every test folder.

``scripts/test.sh`` runs the suite twice, on SQLite and on PostgreSQL, side by side. The PostgreSQL
run (``AMENDS_DATABASE_TESTS_ONLY=1``) keeps only the tests that open the database: a test with no
database fixture or mark does the same thing whichever database the run has, and it has already run
on SQLite. That includes the subprocess tests of the embedded default, which drop DATABASE_URL.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import override_settings
from whitenoise.middleware import WhiteNoiseMiddleware

# django_db_setup: a module-scoped fixture that writes rows once for its module asks for it.
_DATABASE_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "live_server",
        "django_db_setup",
    }
)


def opens_the_database(item: pytest.Item) -> bool:
    fixtures = set(getattr(item, "fixturenames", ()))
    return item.get_closest_marker("django_db") is not None or bool(_DATABASE_FIXTURES & fixtures)


def pytest_collection_finish(session: pytest.Session) -> None:
    # Everything loaded so far (Django, the models, every test module) lives until the end, so the
    # cyclic collector need not walk it again and again: frozen, and collections made rarer. About 6%
    # of the web tests' CPU on two cores.
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


def pytest_collection_modifyitems(config: pytest.Config, items: list[Any]) -> None:
    if os.environ.get("AMENDS_DATABASE_TESTS_ONLY") != "1":
        return
    keep = [item for item in items if opens_the_database(item)]
    if len(keep) < len(items):
        config.hook.pytest_deselected(items=[item for item in items if not opens_the_database(item)])
        items[:] = keep


_STATIC_FILES: dict[tuple[Any, ...], dict[str, Any]] = {}
_FIND_STATIC_FILES = WhiteNoiseMiddleware.add_files_from_finders


def _static_files_found_once(self: WhiteNoiseMiddleware) -> None:
    """WhiteNoise walks and stats every static file when its middleware is made, which happens once per
    process in the product but once per test client here (a fifteenth of the web tests' time). The files
    do not change during a run; the headers depend on the settings, so those are part of the key."""
    key = (self.static_prefix, self.max_age, self.allow_all_origins, self.charset, self.add_headers_function)
    if key not in _STATIC_FILES:
        _FIND_STATIC_FILES(self)
        _STATIC_FILES[key] = dict(self.files)
    self.files.update(_STATIC_FILES[key])


# Argon2 is the product's hasher (tests/web/test_accounts.py checks that it is the one used). Elsewhere
# a password is only the way in, and each Argon2 hash costs a quarter of a CPU-second: the CLI and ops
# tests alone made about 60 of them on each database.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing() -> Iterator[None]:
    with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        yield


@pytest.fixture(autouse=True, scope="session")
def static_files_found_once() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(WhiteNoiseMiddleware, "add_files_from_finders", _static_files_found_once)
        yield
