"""Domain errors raised by the ledger, each with a message a person can act on.

The web layer turns these into form errors and the CLI into exit codes; the ``code``
lets either branch on the reason without parsing the message.
"""

from __future__ import annotations


class LedgerError(ValueError):
    """Base class: ``str(exc)`` is a message for the user, ``code`` is for programs."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


class ScheduleError(LedgerError):
    """A schedule or an edit to one does not make sense."""


class CheckInRejected(LedgerError):
    """A check-in cannot be recorded for that commitment on that date."""
