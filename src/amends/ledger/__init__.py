"""The trust ledger: commitments, check-ins and the consistency they add up to. Pure Python.

Public API (what the web layer, API and CLI call):

* ``schedule``: ``Schedule`` (``once``/``daily``/``weekly``/``whenever``), ``Commitment``
  (``new``, ``edit``, ``schedule_on``), ``due_dates``, ``commitment_due_dates``, ``local_date``.
* ``checkins``: ``CheckIn``, ``Status``, ``Confirmation``, ``validate_check_in``,
  ``record_check_in`` (idempotent per commitment and date).
* ``consistency``: ``summarize`` -> ``LedgerSummary``, ``calendar_series`` -> heatmap cells.
* ``commitment_check``: ``check_commitment`` -> ``CommitmentReport``, ``check_missed_note``.
* ``generate``: ``generate_history`` for benches, demos and seeding a database.
* ``errors``: ``LedgerError``, ``ScheduleError``, ``CheckInRejected`` (each with ``code``).
"""

from __future__ import annotations

from amends.ledger.checkins import CheckIn, Confirmation, Status, record_check_in, validate_check_in
from amends.ledger.consistency import (
    CommitmentConsistency,
    DayState,
    LedgerSummary,
    Trend,
    WindowStats,
    calendar_series,
    summarize,
)
from amends.ledger.errors import CheckInRejected, LedgerError, ScheduleError
from amends.ledger.schedule import Commitment, Kind, Schedule, ScheduleVersion, due_dates, local_date

__all__ = [
    "CheckIn", "CheckInRejected", "Commitment", "CommitmentConsistency", "Confirmation", "DayState",
    "Kind", "LedgerError", "LedgerSummary", "Schedule", "ScheduleError", "ScheduleVersion", "Status",
    "Trend", "WindowStats", "calendar_series", "due_dates", "local_date", "record_check_in",
    "summarize", "validate_check_in",
]  # fmt: skip
