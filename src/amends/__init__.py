"""amends: repair a relationship after a mistake.

The public library API. Imports are lazy so that ``import amends`` stays cheap and the
CLI starts fast; each name loads its engine on first use.

    >>> import amends
    >>> report = amends.analyze_apology("I'm sorry I missed your birthday dinner.")
    >>> report.verdict in {"strong", "partial", "non_apology", "no_apology"}
    True
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_PUBLIC = {
    "analyze_apology": "amends.coach.apology",
    "analyze_reply": "amends.coach.reply",
    "read_emotions": "amends.coach.emotions",
    "scan_safety": "amends.safety.detector",
    "check_commitment": "amends.ledger.commitment_check",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'amends' has no attribute {name!r}")
