"""Database upkeep after bulk writes: fresh planner statistics, so queries stay fast at once.

PostgreSQL plans from statistics that autovacuum refreshes only later; right after a bulk load
(seeding, restore, import) the planner still believes the tables are empty and can pick slow plans.
SQLite's planner reads ``sqlite_stat1``, which ``ANALYZE`` fills the same way. (``PRAGMA optimize``
would analyse only tables this connection has queried, so on a fresh connection after a restore it
does nothing on the SQLite versions we ship with.)
"""

from __future__ import annotations

from django.db import connection


def refresh_statistics() -> None:
    """Run ANALYZE over the whole database (PostgreSQL and SQLite both spell it so)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
