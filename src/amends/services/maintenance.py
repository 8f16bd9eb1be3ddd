"""Database upkeep after bulk writes: fresh planner statistics, so queries stay fast at once.

PostgreSQL plans from statistics that autovacuum refreshes only later; right after a bulk load
(seeding, restore, import) the planner still believes the tables are empty and can pick slow plans.
SQLite's ``PRAGMA optimize`` does the same job for its query planner.
"""

from __future__ import annotations

from django.db import connection


def refresh_statistics() -> None:
    """Run ANALYZE on PostgreSQL, or PRAGMA optimize on SQLite, for the whole database."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")
        elif connection.vendor == "sqlite":
            cursor.execute("PRAGMA optimize")
