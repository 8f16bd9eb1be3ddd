"""Shared helpers for the operations tests: table snapshots and a small filled database."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection


def table_contents() -> dict[str, list[str]]:
    """Every row of every table, as sorted reprs: equal snapshots mean equal databases.

    SQLite's planner statistics (``sqlite_stat*``) are left out: a restore refreshes them on purpose.
    """
    contents: dict[str, list[str]] = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            if table.startswith("sqlite_stat"):
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            contents[table] = sorted(repr(row) for row in cursor.fetchall())
    return contents


@pytest.fixture
def filled(db: Any) -> dict[str, Any]:
    """Two couples, each partner with answers (one with history) and an apology draft."""
    from django.contrib.auth.models import User

    from amends.web.repairs.models import ApologyDraft, JourneyAnswer, JourneyAnswerRevision, Membership, Repair

    made: dict[str, Any] = {}
    for n in range(2):
        alice = User.objects.create_user(f"alice{n}", password=None)
        bob = User.objects.create_user(f"bob{n}", password=None)
        repair = Repair.objects.create(
            created_by=alice, kind="broken_promise", title=f"Dinner {n}", description="I missed it."
        )
        Membership.objects.create(repair=repair, user=alice, role="offender")
        Membership.objects.create(repair=repair, user=bob, role="hurt")
        for user, step in ((alice, "name-it"), (bob, "what-happened")):
            answer = JourneyAnswer.objects.create(
                repair=repair, author=user, step=step, prompt="p", text="Ünïcode ✓ 'quoted'", revision=2
            )
            JourneyAnswerRevision.objects.create(answer=answer, text="first try", revision=1)
        ApologyDraft.objects.create(
            repair=repair, author=alice, version=1, text="I am sorry I missed it.", verdict="ok"
        )
        made[f"repair{n}"] = repair
    return made
