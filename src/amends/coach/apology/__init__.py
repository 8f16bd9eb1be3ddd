"""The apology coach: elements, findings, a verdict and a score for one apology draft.

Public API: :func:`analyze_apology` and :class:`ApologyReport`. Rules live one per module in
``rules/``; word lists are package data in ``lexicons/``. See FRAMEWORKS.md §2.
"""

from __future__ import annotations

from amends.coach.apology.analyze import analyze_apology, prewarm
from amends.coach.apology.report import ApologyReport
from amends.coach.apology.scoring import WEIGHTS

__all__ = ["ApologyReport", "WEIGHTS", "analyze_apology", "prewarm"]
