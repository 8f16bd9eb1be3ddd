"""The stored summaries of a repair's closed ledger history (``amends.ledger.window.Past``).

Pages read only the check-ins after the near Past's ``through`` (9 to 14 days); the streaks,
unrecorded days, heatmap cells and the windows' earlier days come from it. There are two:

* the *far* Past ends ``CLOSE_AFTER_DAYS`` before today, so hardly any write reaches it; it is
  redone from the whole history when one does (or a commitment itself changes);
* the *near* Past ends ``NEAR_CLOSE_AFTER_DAYS`` before today, carried on from the far one;
  a write dated in the week before it (a late check-in, a confirmation of last week's) redoes
  only this one, from the far one and the three months after it.

Both move forward from the rows a page reads anyway (the far one with one extra small query),
so a page reads a bounded number of rows however long the repair has lasted.

The row is keyed by whose items it includes (the access rule's visible authors), so figures made
from one viewpoint never reach another. A write that reaches back to or before a stored
``through`` bumps the repair's revision (``revision`` for the far one, ``recent`` for the near
one), and a stored Past of another revision is redone on its next read. The revisions are read
before the check-ins, so a Past computed from rows read before a concurrent write is never
taken as current.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F

from amends import ledger
from amends.ledger.window import (
    CLOSE_AFTER_DAYS,
    NEAR_CLOSE_AFTER_DAYS,
    NEAR_REBASE_AFTER_DAYS,
    REBASE_AFTER_DAYS,
    Past,
    advance,
)
from amends.services.ledger_rows import Index, check_in_index
from amends.web.trust.models import LedgerPast, LedgerRevision

# A stored ``through`` is at most CLOSE_AFTER_DAYS (NEAR_CLOSE_AFTER_DAYS) before the reader's
# today; two days' margin covers readers whose today is ahead of the writer's (time zones).
_REACH = CLOSE_AFTER_DAYS - 2
_NEAR_REACH = NEAR_CLOSE_AFTER_DAYS - 2

Unanswered = dict[str, int]  # per commitment, check-ins up to a Past's ``through`` nobody has answered


@dataclass(frozen=True)
class Stored:
    """What one viewpoint has stored, as read: each Past only if current, with its unanswered counts,
    and the repair's revisions at the time of reading. The far Past is parsed only when asked for:
    most pages need only the near one."""

    far_data: Mapping[str, Any] | None
    near: Past | None
    near_unanswered: Unanswered
    revision: int
    recent: int

    @cached_property
    def far(self) -> Past | None:
        return Past.from_json(self.far_data) if self.far_data is not None else None

    @property
    def far_unanswered(self) -> Unanswered:
        return _counts(self.far_data) if self.far_data is not None else {}


def authors_key(authors: Iterable[int]) -> str:
    return ",".join(str(a) for a in sorted(authors))


def read_past(repair_id: int, authors: Iterable[int]) -> Stored:
    """The stored Pasts for this viewpoint that are current, and the repair's revisions now."""
    found = LedgerRevision.objects.filter(repair_id=repair_id).values_list("revision", "recent").first()
    revision, recent = found or (0, 0)
    row = LedgerPast.objects.filter(repair_id=repair_id, authors=authors_key(authors)).values_list("revision", "data")
    stored = row.first()
    if stored is None or stored[0] != revision:
        return Stored(None, None, {}, revision, recent)
    data = stored[1]
    near = data.get("near")
    if near is None or near["recent"] != recent:
        return Stored(data, None, {}, revision, recent)
    return Stored(data, Past.from_json(near), _counts(near), revision, recent)


def _counts(data: Mapping[str, Any]) -> Unanswered:
    return {k: int(v) for k, v in data.get("unanswered", {}).items()}


def save_past(repair_id: int, authors: Iterable[int], stored: Stored) -> None:
    """Store Pasts computed from rows read after ``stored``'s revisions were read. A concurrent save may win."""
    if stored.far_data is None:
        raise ValueError("a near Past is stored with the far one it was carried on from")
    data = {k: v for k, v in stored.far_data.items() if k != "near"}
    if stored.near is not None:
        data["near"] = {**stored.near.to_json(), "unanswered": stored.near_unanswered, "recent": stored.recent}
    try:
        with transaction.atomic():
            LedgerPast.objects.update_or_create(
                repair_id=repair_id,
                authors=authors_key(authors),
                defaults={"revision": stored.revision, "data": data},
            )
    except IntegrityError:  # another worker stored the same view first; either row is as good
        pass


def history_changed(repair_id: int, on: date | None, today: date) -> None:
    """Call inside the write's transaction. ``on`` None: a change to a commitment itself (always counts)."""
    if on is not None and on > today - timedelta(days=_NEAR_REACH):
        return  # recent: no stored Past reaches this day
    name = "recent" if on is not None and on > today - timedelta(days=_REACH) else "revision"
    bump = {name: F(name) + 1}
    if not LedgerRevision.objects.filter(repair_id=repair_id).update(**bump):
        _, created = LedgerRevision.objects.get_or_create(repair_id=repair_id, defaults={name: 1})
        if not created:
            LedgerRevision.objects.filter(repair_id=repair_id).update(**bump)


# ---------------------------------------------------------------- reading the ledger


def recent_ledger(
    repair_id: int, authors: frozenset[int], domain: Sequence[ledger.Commitment], day: date
) -> tuple[Past, Index, Unanswered]:
    """The Past the figures for ``day`` carry on from, the check-ins after it, and per commitment the
    check-ins nobody has answered in all its history.

    Usually three queries: the revisions, the stored row, and 9 to 14 days of check-ins. Moving the
    Pasts forward or redoing one costs more rows once, and one write.
    """
    ids = [int(c.id) for c in domain]
    s = read_past(repair_id, authors)
    near = s.near if s.near is not None and s.near.usable(day, domain) else None
    if near is not None and near.through >= day - timedelta(days=NEAR_REBASE_AFTER_DAYS):
        index, quiet = check_in_index(ids, authors, near.through)
        return near, index, _more(s.near_unanswered, quiet, near.through, None)
    far = s.far if s.far is not None and s.far.usable(day, domain) else None
    near = near if far is not None else None
    base = near or far
    index, quiet = check_in_index(ids, authors, base.through if base is not None else None)
    near_close = day - timedelta(days=NEAR_CLOSE_AFTER_DAYS)
    far_close = day - timedelta(days=CLOSE_AFTER_DAYS)
    far_unanswered = s.far_unanswered if far is not None else {}
    if far is None or far.through < day - timedelta(days=REBASE_AFTER_DAYS):
        # A first view, a write that reached the far Past, or one to move forward: from the rows
        # read (all after far.through) when there is no near Past, else with one more small query.
        start = far.through if far is not None else None
        rows, unread = (index, quiet) if near is None else check_in_index(ids, authors, start, far_close)
        far_unanswered = _more(far_unanswered, unread, start, far_close)
        far = advance(far, domain, rows, far_close)
    if near is None:  # rows after the old far.through were read: they cover the new one's days too
        near_unanswered = _more(far_unanswered, quiet, far.through, near_close)
        near = advance(far, domain, index, near_close)
    else:
        near_unanswered = _more(s.near_unanswered, quiet, near.through, near_close)
        near = advance(near, domain, index, near_close)
    far_data = {**far.to_json(), "unanswered": far_unanswered}
    save_past(repair_id, authors, Stored(far_data, near, near_unanswered, s.revision, s.recent))
    return near, index, _more(near_unanswered, quiet, near.through, None)


def _more(counts: Unanswered, quiet: Mapping[str, list[date]], after: date | None, upto: date | None) -> Unanswered:
    """``counts`` plus the unanswered days in ``quiet`` after ``after`` and up to ``upto`` (None: no bound)."""
    lo, hi = after or date.min, upto or date.max
    return {k: counts.get(k, 0) + sum(lo < d <= hi for d in days) for k, days in quiet.items()}
