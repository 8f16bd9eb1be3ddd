"""After a bulk load the planner gets fresh statistics, on PostgreSQL and on SQLite."""

from __future__ import annotations

from io import StringIO
from typing import Any

from django.core.management import call_command
from django.db import connection

from amends.web.trust.models import CheckIn


def test_seeding_a_history_leaves_fresh_planner_statistics(alice_repair: Any, joined_bob: Any) -> None:
    out = StringIO()
    call_command("trust_seed", repair=alice_repair.pk, days=30, commitments=2, stdout=out)
    assert "check-ins" in out.getvalue()
    table = CheckIn._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # ANALYZE inside the test's transaction updates pg_class.reltuples at once.
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
            assert cursor.fetchone()[0] == CheckIn.objects.count()
        else:
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s", [table])
            rows = cursor.fetchall()
            assert rows, "ANALYZE should have filled statistics for the freshly filled check-in table"
