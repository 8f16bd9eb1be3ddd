"""The stored summary of a repair's closed ledger history (``amends.ledger.window.Past``).

Pages read only the check-ins after the stored ``through`` date; the streaks and unrecorded days
before it come from here. The row is keyed by whose items it includes (the access rule's visible
authors), so figures made from one viewpoint never reach another. A write that reaches back to
or before any stored ``through`` bumps the repair's revision, and every stored row is redone on
its next read; the revision is read before the check-ins, so a row computed from rows read
before a concurrent write is never taken as current.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F

from amends.ledger.window import CLOSE_AFTER_DAYS, Past
from amends.web.trust.models import LedgerPast, LedgerRevision

# A stored ``through`` is at most CLOSE_AFTER_DAYS before the reader's today; two days' margin
# covers readers whose today is ahead of the writer's (time zones).
_REACH = CLOSE_AFTER_DAYS - 2


def authors_key(authors: Iterable[int]) -> str:
    return ",".join(str(a) for a in sorted(authors))


def read_past(repair_id: int, authors: Iterable[int]) -> tuple[Past | None, dict[str, int], int]:
    """The stored Past for this viewpoint if it is current, its unanswered check-ins per commitment,
    and the repair's revision now."""
    revision = LedgerRevision.objects.filter(repair_id=repair_id).values_list("revision", flat=True).first() or 0
    row = LedgerPast.objects.filter(repair_id=repair_id, authors=authors_key(authors)).values_list("revision", "data")
    found = row.first()
    if found is None or found[0] != revision:
        return None, {}, revision
    return Past.from_json(found[1]), dict(found[1].get("unanswered", {})), revision


def save_past(repair_id: int, authors: Iterable[int], past: Past, unanswered: dict[str, int], revision: int) -> None:
    """Store a Past computed from rows read after ``revision`` was read. A concurrent save may win.

    ``unanswered``: per commitment, check-ins up to ``past.through`` the partner has not answered.
    """
    try:
        with transaction.atomic():
            LedgerPast.objects.update_or_create(
                repair_id=repair_id,
                authors=authors_key(authors),
                defaults={"revision": revision, "data": {**past.to_json(), "unanswered": unanswered}},
            )
    except IntegrityError:  # another worker stored the same view first; either row is as good
        pass


def history_changed(repair_id: int, on: date | None, today: date) -> None:
    """Call inside the write's transaction. ``on`` None: a change to a commitment itself (always counts)."""
    if on is not None and on > today - timedelta(days=_REACH):
        return  # recent: no stored Past reaches this day
    if not LedgerRevision.objects.filter(repair_id=repair_id).update(revision=F("revision") + 1):
        _, created = LedgerRevision.objects.get_or_create(repair_id=repair_id, defaults={"revision": 1})
        if not created:
            LedgerRevision.objects.filter(repair_id=repair_id).update(revision=F("revision") + 1)
